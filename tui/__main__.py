"""``python -m tui`` runs the command line."""

from tui.cli.main import entry

entry()
