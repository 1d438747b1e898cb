"""Training and evaluation of gongkai's category model (builds what ``classifier`` loads)."""
