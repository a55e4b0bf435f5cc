"""Adding articles to a workspace: plain text, Markdown and HTML files (or folders of them).

:func:`~tui.core.adding.add.add_paths` reads each file into a draft (title, body, date,
source), skips texts the corpus already holds, and writes the rest into ``articles/`` in the
corpus format; every file that cannot be read is reported and the others are still added.
"""
