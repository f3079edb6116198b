typedef int uk_unwritten_paint;
