"""Adding articles: the dialog and the background work that adds the files."""
