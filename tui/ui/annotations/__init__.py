"""Coding: the Annotations pane and the bar under the text, the tag dialog, the codebook's changes, export."""
