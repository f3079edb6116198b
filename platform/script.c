typedef int uk_unwritten_script;
