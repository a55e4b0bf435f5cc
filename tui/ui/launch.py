"""Starting the app on a workspace: load the corpus, entities and annotation store, then run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import load_corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.store import StoreError
from tui.core.workspace import Workspace

if TYPE_CHECKING:
    from tui.ui.app import ReaderApp


def make_app(workspace: Workspace, app_class: type[ReaderApp] | None = None) -> ReaderApp:
    """The app on a workspace; a store that cannot be read leaves it read-only, never overwritten."""
    from tui.ui.app import ReaderApp

    corpus = load_corpus(workspace.articles)
    gazetteer = load_gazetteer(workspace.entities_file)
    try:
        store, problem = AnnotationStore.open(workspace.annotations), None
    except StoreError as error:
        store, problem = AnnotationStore.in_memory(), str(error)
    cls = app_class or ReaderApp
    return cls(corpus, EntityEngine(gazetteer), [*corpus.problems, *gazetteer.problems], store, problem)


def launch(workspace: Workspace) -> int:
    """Run the reader on a workspace until the user quits; returns the exit code."""
    app = make_app(workspace)
    try:
        app.run()
    finally:
        app.store.close()
    return app.return_code or 0
