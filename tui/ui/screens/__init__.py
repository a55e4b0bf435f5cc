"""The app's screens: the reader and its dialogs."""
