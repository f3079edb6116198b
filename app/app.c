typedef int uk_unwritten_app;
