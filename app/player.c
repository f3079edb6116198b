typedef int uk_unwritten_player;
