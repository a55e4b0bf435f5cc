"""Starting the app on a workspace: load corpus and entities, run; the store opens in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.corpus import load_corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.workspace import Workspace

if TYPE_CHECKING:
    from tui.core.annotations.store import AnnotationStore
    from tui.core.entities.cache import MentionCache
    from tui.ui.app import ReaderApp


class StoreOpener:
    """Opens the workspace's annotation store when called (in the app's worker) and closes it at exit."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.store: AnnotationStore | None = None

    def __call__(self) -> AnnotationStore:
        """Open the store; a StoreError says why it cannot be read."""
        from tui.core.annotations.store import AnnotationStore

        self.store = AnnotationStore.open(self.workspace.annotations)
        return self.store

    def close(self) -> None:
        """Close the store if it was opened (folding a long journal into its snapshot)."""
        if self.store is not None:
            self.store.close()


def make_app(workspace: Workspace, app_class: type[ReaderApp] | None = None) -> ReaderApp:
    """The app on a workspace; its annotation store opens just after the first paint."""
    from tui.ui.app import ReaderApp

    corpus = load_corpus(workspace.articles)
    gazetteer = load_gazetteer(workspace.entities_file)
    cls = app_class or ReaderApp
    problems = [*corpus.problems, *gazetteer.problems]

    def open_cache() -> MentionCache:
        """The workspace's mention cache (imported and read in the extraction worker)."""
        from tui.core.entities.cache import workspace_cache

        return workspace_cache(workspace.cache, gazetteer)

    return cls(
        corpus, EntityEngine(gazetteer), problems, open_store=StoreOpener(workspace), open_cache=open_cache
    )


def launch(workspace: Workspace) -> int:
    """Run the reader on a workspace until the user quits; returns the exit code."""
    app = make_app(workspace)
    try:
        app.run()
    finally:
        if isinstance(app.open_store, StoreOpener):
            app.open_store.close()
    return app.return_code or 0
