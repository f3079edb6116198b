typedef int uk_unwritten_figure;
