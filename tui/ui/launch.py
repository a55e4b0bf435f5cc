"""Starting the app on a workspace: load the corpus and entities, then run."""

from __future__ import annotations

from tui.core.corpus import load_corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.workspace import Workspace


def launch(workspace: Workspace) -> int:
    """Run the reader on a workspace until the user quits; returns the exit code."""
    from tui.ui.app import ReaderApp

    corpus = load_corpus(workspace.articles)
    gazetteer = load_gazetteer(workspace.entities_file)
    app = ReaderApp(corpus, EntityEngine(gazetteer), [*corpus.problems, *gazetteer.problems])
    app.run()
    return app.return_code or 0
