"""Starting the app on a workspace: load corpus and entities, run; the store opens in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.bidi_text import BidiMode
from tui.core.catalogue import Pending, count_articles, read_catalogue, write_catalogue
from tui.core.corpus import Corpus, load_corpus
from tui.core.entities import EntityEngine
from tui.core.workspace import Workspace

#: From how many articles the app shows the list before reading the articles (smaller corpora
#: are read at once: it takes less than a frame).
PENDING_FROM = 200

if TYPE_CHECKING:
    from tui.core.annotations.store import AnnotationStore
    from tui.core.entities.cache import MentionCache
    from tui.core.timeline.event_cache import EventCache
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


def make_app(
    workspace: Workspace, app_class: type[ReaderApp] | None = None, bidi: BidiMode = "app"
) -> ReaderApp:
    """The app on a workspace; its annotation store opens just after the first paint. ``bidi``: who
    reorders right-to-left text, the app or the terminal (``--bidi``)."""
    from tui.ui.app import ReaderApp

    pending = _pending(workspace)
    if pending is not None:
        first = pending.article(pending.listed[0].id) if pending.listed else None
        corpus = Corpus(workspace.articles, [first] if first is not None else [])
    else:
        corpus = load_corpus(workspace.articles)
        if len(corpus.articles) >= PENDING_FROM:
            write_catalogue(workspace.cache, corpus)
    # The known-entities file is read on the engine's first use, in the extraction worker; the
    # screen reports its problems then.
    engine = EntityEngine.reading(workspace.entities_file)
    cls = app_class or ReaderApp

    def open_cache() -> MentionCache:
        """The workspace's mention cache (imported and read in the extraction worker)."""
        from tui.core.entities.cache import workspace_cache

        return workspace_cache(workspace.cache, engine.gazetteer)

    def open_event_cache() -> EventCache:
        """The workspace's cache of each article's events (imported and read in the index worker)."""
        from tui.core.timeline.event_cache import workspace_event_cache

        return workspace_event_cache(workspace.cache)

    app = cls(
        corpus,
        engine,
        list(corpus.problems),
        open_store=StoreOpener(workspace),
        open_cache=open_cache,
        open_event_cache=open_event_cache,
        pending=pending,
    )
    app.bidi = bidi
    return app


def _pending(workspace: Workspace) -> Pending | None:
    """A large corpus, read after the first frame: listed at once from its catalogue if that is up
    to date, else listed once read (the first run, or after files were added or removed)."""
    listed = read_catalogue(workspace.cache, workspace.articles)
    if listed is not None:
        return Pending(listed, workspace.articles, workspace.cache) if len(listed) >= PENDING_FROM else None
    files = count_articles(workspace.articles)
    return Pending([], workspace.articles, workspace.cache, files) if files >= PENDING_FROM else None


def launch(workspace: Workspace, bidi: BidiMode = "app") -> int:
    """Run the reader on a workspace until the user quits; returns the exit code."""
    app = make_app(workspace, bidi=bidi)
    try:
        app.run()
    finally:
        if isinstance(app.open_store, StoreOpener):
            app.open_store.close()
    return app.return_code or 0
