"""briefbot's edges: the command line and (soon) the Telegram bot, both over the `index` library."""
