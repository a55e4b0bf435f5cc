"""Widgets the features share: the line and wrapped lists, the key bar, the full-width view frame."""
