"""Memos in the app: the editor, opening it for the project, a tag or an article, and the Memos view."""
