"""Small dialogs any feature uses: a line of text, yes or no, one of several items, a typed path."""
