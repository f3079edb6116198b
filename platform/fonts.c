typedef int uk_unwritten_fonts;
