"""One operation per command: what `cli.py` calls."""
