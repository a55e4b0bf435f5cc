"""The reader with the annotation store: marks, the Annotations pane, the codebook, other processes' saves.

The store is given (tests) or opened in a worker after the first paint; until then, and if it
cannot be read, annotations are read-only with the reason. Saves by other processes (a second
window, the CLI) are noticed by polling the store. Changing annotations is
:class:`~tui.ui.screens.annotating.AnnotatingScreen`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rich.color import Color, ColorParseError
from rich.style import Style
from textual import on, work

from tui.core.corpus import Corpus
from tui.core.entities import EntityEngine
from tui.core.models import LoadProblem
from tui.core.safe_text import one_line
from tui.ui.messages import AnnotationChosen, CursorMoved, StoreOpened, TagChosen
from tui.ui.reader.article_list import ArticleList
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.reader import ReaderScreen

if TYPE_CHECKING:  # imported when first used: they are not needed for the first paint
    from textual.widgets import TabbedContent

    from tui.core.annotations.anchoring import Placement
    from tui.core.annotations.history import History
    from tui.core.annotations.model import Annotation
    from tui.core.annotations.store import AnnotationStore
    from tui.core.store import StoreError
    from tui.ui.annotations.annotation_pane import AnnotationPane

POLL_SECONDS = 2.0

#: The store's methods that only read: when one fails, the screen goes read-only and reads on.
_READS = frozenset({"annotations", "get", "counts_by_article", "tags", "tag", "tag_counts", "signature"})


def unusable(path: Path | None, error: Exception) -> StoreError:
    """A StoreError for a store that failed with something other than a StoreError."""
    from tui.core.store import StoreError

    return StoreError(path or Path("annotations"), f"cannot be used ({type(error).__name__}: {error})")


class _GuardedStore:
    """The annotation store as the screen uses it: no failure of the store can stop the app.

    The store can go bad while the app runs (another process, a disk, a hand edit): the first read
    that fails, with a StoreError or anything else (a record the store let through but that cannot
    be used), is reported to ``failed``, which puts the screen in read-only mode and gives the store
    to read from instead; every later read through this guard goes there at once, so a caller that
    holds the guard for several reads (an export, an undo) reports the failure once, not per read.
    A failing change raises a StoreError naming the file, which the caller shows.
    """

    def __init__(self, store: AnnotationStore, failed: Callable[[Exception], AnnotationStore]) -> None:
        """Guard ``store``; ``failed`` is told of a failing read and returns the store to read instead."""
        self.guarded = store
        self._failed = failed
        self._fallback: AnnotationStore | None = None

    def __getattr__(self, name: str) -> Any:
        """The store's attribute; its methods (bar ``transaction``) guarded."""
        if self._fallback is not None and name in _READS:
            return getattr(self._fallback, name)
        attribute = getattr(self.guarded, name)
        if not callable(attribute) or name == "transaction":
            return attribute

        def guarded(*args: Any, **kwargs: Any) -> Any:
            """Call the store's method; a failure is reported, and a read is made on the fallback."""
            from tui.core.annotations.history import StaleStep
            from tui.core.store import StoreError

            try:
                return attribute(*args, **kwargs)
            except StaleStep:
                raise  # an undo refused over another process's change: the store is fine
            except StoreError as error:
                problem = error
            except Exception as error:  # a document the store let through and that cannot be used
                problem = unusable(self.guarded.path, error)
            if name not in _READS:
                raise problem
            if self._fallback is None:
                self._fallback = self._failed(problem)
            return getattr(self._fallback, name)(*args, **kwargs)

        return guarded


class AnnotatedScreen(ReaderScreen):
    """The reader plus the annotations: marked in the text, listed in the pane, with the codebook."""

    def __init__(
        self,
        corpus: Corpus,
        engine: EntityEngine,
        problems: list[LoadProblem],
        store: AnnotationStore | None = None,
        store_problem: str | None = None,
        open_store: Callable[[], AnnotationStore] | None = None,
    ) -> None:
        """The store itself, or how to open it after the first paint (until then: an empty one)."""
        super().__init__(corpus, engine, problems)
        self._store = store
        self._guard: _GuardedStore | None = None
        self.store_problem = store_problem
        self._open_store = open_store if store is None else None
        self._history: History | None = None
        self.placements: list[Placement] = []
        self.tag_filter: str | None = None
        self._signature: object = None

    @property
    def store(self) -> AnnotationStore:
        """The annotation store (an empty one in memory until one is given or opened), guarded:
        a read that fails makes annotations read-only instead of stopping the app."""
        if self._store is None:
            from tui.core.annotations.store import AnnotationStore

            self._store = AnnotationStore.in_memory()
        if self._guard is None or self._guard.guarded is not self._store:
            self._guard = _GuardedStore(self._store, self._store_failed)
        return cast("AnnotationStore", self._guard)

    @store.setter
    def store(self, store: AnnotationStore) -> None:
        """Use another store (the one opened in the background)."""
        self._store = store

    @property
    def unreadable(self) -> str | None:
        """Why the store's annotations cannot be read now (an empty store stands in), or None."""
        if self._open_store is not None:
            return "the annotation store is still opening"
        return self.store_problem

    @property
    def read_only(self) -> str | None:
        """Why annotations cannot be changed now, or None."""
        return self.unreadable or self.store.read_only

    def on_mount(self) -> None:
        """Say if the store cannot be used; poll it for other processes' saves.

        (Textual runs the reader's own ``on_mount`` too: handlers run for every class.)
        """
        if self._open_store is None:
            self._store_ready()
        self.set_interval(POLL_SECONDS, self._poll_store)

    @work(thread=True, exit_on_error=False, exclusive=True, group="store", description="opening the store")
    def open_store(self) -> None:
        """Open the store in the background (a large one takes a moment); report it by message."""
        from tui.core.annotations.store import AnnotationStore
        from tui.core.store import StoreError

        opener = self._open_store
        assert opener is not None
        try:
            self.post_message(StoreOpened(opener(), None))
        except StoreError as error:
            self.post_message(StoreOpened(AnnotationStore.in_memory(), str(error)))
        except Exception as error:  # whatever the store fails with, the app opens, read-only
            self.post_message(StoreOpened(AnnotationStore.in_memory(), str(unusable(None, error))))

    @on(StoreOpened)
    def _store_opened(self, message: StoreOpened) -> None:
        """Use the opened store (read-only with the reason if it could not be read)."""
        self.store, self.store_problem, self._open_store = message.store, message.problem, None
        self._store_ready()
        self.refresh_annotations()

    def _store_failed(self, error: Exception) -> AnnotationStore:
        """The store went bad while in use: say so in one line, go read-only, and read from an empty
        store from now on, as when the store cannot be read at start. Returns that store."""
        from tui.core.annotations.store import AnnotationStore

        self.store_problem = one_line(str(error))
        self._store = AnnotationStore.in_memory()
        self._store_ready()
        self.call_later(self.refresh_annotations)  # everything shown again from the store now used
        return self._store

    def _store_ready(self) -> None:
        """Say if the store cannot be changed, and note its state for polling."""
        if self.read_only:
            self.notify(
                f"Annotations are read-only: {self.read_only}", severity="warning", timeout=12, markup=False
            )
        self._signature = self.store.signature()

    async def mount_more_panes(self, side: TabbedContent) -> None:
        """The Annotations pane beside the entity pane, and the bar under the text."""
        from textual.widgets import TabPane

        from tui.ui.annotations.annotation_bar import AnnotationBar
        from tui.ui.annotations.annotation_pane import AnnotationPane

        await self.mount_in_centre(AnnotationBar(id="annotation-bar"))
        await side.add_pane(
            TabPane("Annotations", AnnotationPane(id="annotation-pane"), id="annotations-tab")
        )
        if self._open_store is not None:
            self.open_store()
        self.refresh_annotations()

    def article_opened(self) -> None:
        """Mark the new article's annotations and list them."""
        self.tag_filter = None
        self.refresh_annotations()

    def _poll_store(self) -> None:
        """Show what other processes saved."""
        if self._open_store is not None:
            return
        signature = self.store.signature()
        if signature != self._signature:
            self._signature = signature
            self.refresh_annotations()

    # Showing

    def refresh_annotations(self) -> None:
        """Marks in the text, the pane, the codebook, the list's counts and the bar, from the store."""
        if self._open_store is not None:
            return  # shown once the store has opened
        from tui.core.annotations.anchoring import place
        from tui.core.annotations.model import text_hash

        article = self.article
        found = self.store.annotations(article=article.id) if article else []
        current = text_hash(article.text) if article else ""
        self.placements = [place(a, article.text, current) for a in found] if article else []
        colours = {tag.name: tag.colour for tag in self.store.tags()}
        view = self.query_one(ArticleView)
        view.set_annotations(
            [(p.start, p.end, _style(p.annotation, colours)) for p in self.placements if not p.orphan]
        )
        self.query_one(ArticleList).set_annotation_counts(dict(self.store.counts_by_article()))
        self._show_pane()
        self._show_bar(view.cursor.offset)

    def _show_pane(self) -> None:
        """The pane's passages (this article's, or one tag's across the corpus) and codebook."""
        panes = self.query("#annotation-pane")
        if not panes:
            return
        from tui.ui.annotations.annotation_pane import Entry

        pane = cast("AnnotationPane", panes.first())
        if self.tag_filter is None:
            entries = [
                Entry(
                    p.annotation.id,
                    f"{p.start:>6}" if not p.orphan else "   —  ",
                    p.annotation.quote,
                    p.annotation.tags,
                    p.annotation.note,
                    p.orphan,
                )
                for p in sorted(self.placements, key=lambda p: (p.orphan, p.start))
            ]
            pane.show_passages(f"This article: {_count(len(entries), 'annotation')}", entries)
        else:
            tagged = self.store.annotations(tag=self.tag_filter)
            entries = [Entry(a.id, self._article_label(a.article), a.quote, a.tags, a.note) for a in tagged]
            title = f"Tagged {one_line(self.tag_filter)}: {_count(len(entries), 'passage')}"
            pane.show_passages(title, entries, back=True)
        pane.show_codebook(self.store.tags(), dict(self.store.tag_counts()))

    def _article_label(self, article_id: str) -> str:
        """A short name for an article in the tag listing."""
        article = self.corpus.get(article_id)
        return one_line(article.title)[:24] + ":" if article else f"{one_line(article_id)[:24]}:"

    def _show_bar(self, offset: int) -> None:
        """The tags and note of the annotations at ``offset``."""
        from tui.ui.annotations.annotation_bar import AnnotationBar

        bars = self.query(AnnotationBar)
        if bars:
            bars.first().show_annotations([p.annotation for p in self._at(offset)])

    def _at(self, offset: int) -> list[Placement]:
        """The placed annotations covering ``offset``, outermost first."""
        covering = [p for p in self.placements if not p.orphan and p.start <= offset < p.end]
        return sorted(covering, key=lambda p: p.start - p.end)

    @on(CursorMoved)
    def _cursor_moved(self, message: CursorMoved) -> None:
        """Describe what is annotated at the cursor."""
        self._show_bar(message.offset)

    # Changing

    @on(AnnotationChosen)
    def _annotation_chosen(self, message: AnnotationChosen) -> None:
        """Open the passage: its article, the cursor on it, the passage selected."""
        from tui.core.annotations.anchoring import place
        from tui.core.annotations.model import text_hash

        annotation = self.store.get(message.annotation_id)
        if annotation is None:
            return
        article = self.corpus.get(annotation.article)
        if article is None:
            self.notify(
                f"Orphaned: article {one_line(annotation.article)} is not in the corpus", markup=False
            )
            return
        filtered = self.tag_filter
        self.select_article(article.id)
        self.tag_filter = filtered
        self._show_pane()
        placed = place(annotation, article.text, text_hash(article.text))
        if placed.orphan:
            self.notify(
                f"Orphaned: “{one_line(annotation.quote)[:80]}” is no longer in the text", markup=False
            )
            return
        view = self.query_one(ArticleView)
        view.select(placed.start, placed.end)
        view.focus()

    def show_tag(self, name: str) -> None:
        """List every passage with a tag in the Annotations pane, and go there."""
        self.tag_filter = name
        self._show_pane()
        self.query_one("#passages").focus()

    @on(TagChosen)
    def _tag_chosen(self, message: TagChosen) -> None:
        """List every passage with the tag, or this article's again."""
        self.tag_filter = message.name
        self._show_pane()


def _style(annotation: Annotation, colours: dict[str, str]) -> Style:
    """Underlined, in its first tag's colour (notes and plain highlights in the theme's accent)."""
    colour = colours.get(annotation.tags[0]) if annotation.tags else None
    try:
        return Style(underline=True, color=Color.parse(colour) if colour else None, bold=not annotation.tags)
    except ColorParseError:
        return Style(underline=True)


def _count(number: int, noun: str) -> str:
    """ "1 passage", "3 passages"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
