"""The command line: ``iranpak-reader`` and its scriptable subcommands."""
