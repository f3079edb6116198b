typedef int uk_unwritten_store;
