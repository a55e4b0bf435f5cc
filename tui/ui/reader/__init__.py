"""Reading: the article list, text, header and legend, find, the entity pane, and the
background work with its progress."""
