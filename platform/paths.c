typedef int uk_unwritten_paths;
