typedef int uk_unwritten_content;
