typedef int uk_unwritten_ui;
