"""Search: a text in every article, opening one at its matches."""
