"""sohoa's HTTP service: search API, search page and operator console."""
