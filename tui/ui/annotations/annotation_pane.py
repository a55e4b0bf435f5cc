"""The Annotations pane, which owns coding: the store, the marks in the text, undo, the codebook.

The pane lists the open article's annotations (orphans included), or one tag's passages across
the corpus, above the codebook. It holds the annotation store (given, or opened in a worker once
the pane is mounted; until then, and if it cannot be read, annotations are read-only with the
reason), polls it for other processes' saves (a second window, the CLI), and shows what it holds:
underlines in the text, counts in the article list, the bar under the text. Changing annotations
(:mod:`.coding`) and the codebook (:mod:`.codebook_actions`) go through it. Choosing a passage
opens it (:class:`OpenPassage`). All text is shown as plain text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rich.color import Color, ColorParseError
from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from tui.core.annotations.tag_tree import TagNode, flattened, tag_tree, within
from tui.core.bidi_text import BidiMode
from tui.core.safe_text import clipped, one_line, quoted
from tui.core.textnav import paragraph_starts
from tui.ui.annotations.store_guard import GuardedStore, unusable
from tui.ui.bidi_display import bidi_mode, isolated, paragraph
from tui.ui.labels import counted
from tui.ui.messages import OpenPassage, Report, report_failed_work
from tui.ui.state import ReaderState
from tui.ui.theme import colour_dot

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.core.annotations.anchoring import Placement
    from tui.core.annotations.history import History
    from tui.core.annotations.model import Annotation
    from tui.core.annotations.store import AnnotationStore
    from tui.ui.annotations.matrix_screen import MatrixPlace

#: How often the store is read for other processes' saves (seconds).
POLL_SECONDS = 2.0

BACK = "\x00back"


@dataclass(frozen=True)
class Entry:
    """One passage in a list: its annotation id, where it is, its quote and tags; orphans are flagged."""

    annotation_id: str
    where: str
    quote: str
    tags: tuple[str, ...]
    note: str = ""
    orphan: bool = False


class FocusedList(OptionList):
    """An option list that highlights its first entry when it gets the focus with none highlighted,
    so that Enter (and the keys acting on the highlighted entry) do something at once; the key bar
    says what Enter does."""

    BINDINGS = [
        Binding("enter", "select", "Open", tooltip="Open the highlighted passage"),
        Binding("j", "cursor_down", "Down", show=False),  # as every other list in the app
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def on_focus(self) -> None:
        """Highlight the first entry that can be chosen, if none is."""
        if self.highlighted is None and self.option_count:
            self.action_first()


class Codebook(FocusedList):
    """The tags as a tree with their colours and counts; R, C, M, P, D act on the highlighted tag."""

    BINDINGS = [
        Binding(
            "enter", "select", "Passages", tooltip="Every passage with the highlighted tag or one below it"
        ),
        Binding("R", "tag('rename')", "Rename tag"),
        Binding("C", "tag('recolour')", "Recolour tag"),
        Binding("M", "tag('merge')", "Merge tag"),
        Binding("P", "tag('move')", "Move tag", tooltip="Move the tag and those below it under another"),
        Binding("D", "tag('delete')", "Delete tag"),
        Binding("o", "tag('memo')", "Tag memo", tooltip="The tag's memo: its definition and coding rules"),
    ]

    class TagAction(Report):
        """The user asked to rename, recolour, merge, move or delete a tag."""

        action: str
        name: str

    def action_tag(self, action: str) -> None:
        """Ask the pane to act on the highlighted tag."""
        if self.highlighted is not None:
            option = self.get_option_at_index(self.highlighted)
            if option.id is not None:
                self.post_message(self.TagAction(action, option.id))


class AnnotationPane(Vertical):
    """This article's annotations, or one tag's passages, above the codebook; the store behind them."""

    ALLOW_MAXIMIZE = True  # Ctrl+P Maximize fills the screen with the whole pane, not one list

    DEFAULT_CSS = """
    AnnotationPane {
        & > Label { width: 1fr; color: $text-muted; text-style: bold; padding: 0 1; }
        & > #passages { height: 1fr; }
        & > #codebook { height: 1fr; max-height: 14; }
    }
    """

    class StoreOpened(Report):
        """The store finished opening in the background (``problem``: why it is read-only)."""

        store: AnnotationStore
        problem: str | None

    class Changed(Report):
        """What the annotations look like changed (a save here or by another process, another article
        opened): the open article's marks (start, end, style) and every article's count."""

        marks: list[tuple[int, int, Style]]
        counts: dict[str, int]

    def __init__(
        self,
        state: ReaderState,
        store: AnnotationStore | None = None,
        store_problem: str | None = None,
        open_store: Callable[[], AnnotationStore] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        """The store itself, or how to open it once mounted (until then: an empty one, read-only)."""
        super().__init__(id=id)
        self.state = state
        self._store = store
        self._guard: GuardedStore | None = None
        self.store_problem = store_problem
        self._open_store = open_store if store is None else None
        self._history: History | None = None
        self.placements: list[Placement] = []
        self.tag_filter: str | None = None
        self.matrix_place: MatrixPlace | None = None  # where the matrix view was left (H comes back to it)
        self.last_tags: tuple[str, ...] = ()  # the tags last given to a passage, which "." repeats
        self._kept_filter: str | None = None  # the tag listing to keep while its passage opens
        self._signature: object = None
        state.store = self.store

    # The store

    @property
    def store(self) -> AnnotationStore:
        """The annotation store (an empty one in memory until one is given or opened), guarded:
        a read that fails makes annotations read-only instead of stopping the app."""
        if self._store is None:
            from tui.core.annotations.store import AnnotationStore

            self._store = AnnotationStore.in_memory()
        if self._guard is None or self._guard.guarded is not self._store:
            self._guard = GuardedStore(self._store, self._store_failed)
            self.state.store = cast("AnnotationStore", self._guard)
        return cast("AnnotationStore", self._guard)

    @property
    def history(self) -> History:
        """This session's undo and redo."""
        if self._history is None:
            from tui.core.annotations.history import History

            self._history = History()
        return self._history

    @property
    def can_redo(self) -> bool:
        """Whether there is something to redo (no history yet: nothing)."""
        return self._history is not None and self._history.can_redo

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

    def writable(self) -> bool:
        """Whether changes can be saved; says why not if they cannot."""
        if self.read_only:
            self.notify(f"Annotations are read-only: {self.read_only}", severity="error", markup=False)
            return False
        return True

    def on_mount(self) -> None:
        """Open the store (or say it cannot be used), show what it holds, and poll it."""
        if self._open_store is not None:
            self.open_store()
        else:
            self._store_ready()
        self.set_interval(POLL_SECONDS, self._poll_store)
        self.refresh_annotations()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """A worker of this widget failed: the screen reports it."""
        report_failed_work(event)

    @work(thread=True, exit_on_error=False, exclusive=True, group="store", description="opening the store")
    def open_store(self) -> None:
        """Open the store in the background (a large one takes a moment); report it by message."""
        from tui.core.annotations.store import AnnotationStore
        from tui.core.store import StoreError

        opener = self._open_store
        assert opener is not None
        try:
            self.post_message(self.StoreOpened(opener(), None))
        except StoreError as error:
            self.post_message(self.StoreOpened(AnnotationStore.in_memory(), str(error)))
        except Exception as error:  # whatever the store fails with, the app opens, read-only
            self.post_message(self.StoreOpened(AnnotationStore.in_memory(), str(unusable(None, error))))

    @on(StoreOpened)
    def _store_opened(self, message: StoreOpened) -> None:
        """Use the opened store (read-only with the reason if it could not be read)."""
        message.stop()
        self._store, self.store_problem, self._open_store = message.store, message.problem, None
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

    def _poll_store(self) -> None:
        """Show what other processes saved."""
        if self._open_store is not None:
            return
        signature = self.store.signature()
        if signature != self._signature:
            self._signature = signature
            self.refresh_annotations()

    def saved(self) -> None:
        """A change was saved here: note the store's state (not another process's) and show it."""
        self._signature = self.store.signature()
        self.refresh_annotations()

    # Showing

    def article_opened(self) -> None:
        """Mark the new article's annotations and list them (or the tag's passages, if one of them
        was opened from that listing)."""
        self.tag_filter, self._kept_filter = self._kept_filter, None
        self.refresh_annotations()

    def refresh_annotations(self) -> None:
        """This pane from the store; the marks in the text and the list's counts, for the screen to
        show (:class:`Changed`)."""
        if self._open_store is not None:
            return  # shown once the store has opened
        from tui.core.annotations.anchoring import place
        from tui.core.annotations.model import text_hash

        article = self.state.article
        found = self.store.annotations(article=article.id) if article else []
        current = text_hash(article.text) if article else ""
        self.placements = [place(a, article.text, current) for a in found] if article else []
        colours = {tag.name: tag.colour for tag in self.store.tags()}
        marks = [(p.start, p.end, _style(p.annotation, colours)) for p in self.placements if not p.orphan]
        self._show_lists()
        self.post_message(self.Changed(marks, dict(self.store.counts_by_article())))

    def _show_lists(self) -> None:
        """The passages (this article's, or one tag's across the corpus) and the codebook."""
        article = self.state.article
        tags = self.store.tags()
        if self.tag_filter is not None and not any(within(tag.name, self.tag_filter) for tag in tags):
            self.tag_filter = None  # the tag listed was deleted, here or elsewhere: list the article's
        if self.tag_filter is None:
            paragraphs = paragraph_starts(article.text) if article else []
            entries = [
                Entry(
                    p.annotation.id,
                    f"¶{bisect_right(paragraphs, p.start)}" if not p.orphan else "¶ —",
                    p.annotation.quote,
                    p.annotation.tags,
                    p.annotation.note,
                    p.orphan,
                )
                for p in sorted(self.placements, key=lambda p: (p.orphan, p.start))
            ]
            memo = " · ✎ memo (o)" if article and self.store.memo("article", article.id) else ""
            self.show_passages(f"This article: {counted(len(entries), 'annotation')}{memo}", entries)
        else:
            tagged = self.store.annotations(tag=self.tag_filter)
            entries = [Entry(a.id, self._article_label(a.article), a.quote, a.tags, a.note) for a in tagged]
            title = f"Tagged {one_line(self.tag_filter)}: {counted(len(entries), 'passage')}"
            self.show_passages(title, entries, back=True)
        self.show_codebook(tag_tree(tags, self.store.tag_sets()))

    def _article_label(self, article_id: str) -> str:
        """A short name for an article in the tag listing."""
        article = self.state.corpus.get(article_id)
        return one_line(article.title)[:24] + ":" if article else f"{one_line(article_id)[:24]}:"

    def at(self, offset: int) -> list[Placement]:
        """The placed annotations covering ``offset``, outermost first."""
        covering = [p for p in self.placements if not p.orphan and p.start <= offset < p.end]
        return sorted(covering, key=lambda p: p.start - p.end)

    def show_tag(self, name: str | None, focus: bool = True) -> None:
        """List every passage with a tag (None: this article's again), and go there if ``focus``."""
        self.tag_filter = name
        self._show_lists()
        if focus:
            self.query_one("#passages").focus()

    def open_annotation(self, annotation_id: str) -> None:
        """Open an annotation's passage: its article, the passage selected (the tag listing kept)."""
        from tui.core.annotations.anchoring import place
        from tui.core.annotations.model import text_hash

        annotation = self.store.get(annotation_id)
        if annotation is None:
            return
        article = self.state.corpus.get(annotation.article)
        if article is None:
            self.notify(
                f"Orphaned: article {one_line(annotation.article)} is not in the corpus", markup=False
            )
            return
        if self.state.article is not article:  # another article opens: keep this listing through it
            self._kept_filter = self.tag_filter
        placed = place(annotation, article.text, text_hash(article.text))
        if placed.orphan:
            self.notify(
                f"Orphaned: “{one_line(annotation.quote)[:80]}” is no longer in the text", markup=False
            )
            self.post_message(OpenPassage(article.id))
        else:
            self.post_message(OpenPassage(article.id, placed.start, placed.end))

    def full_view(self) -> Screen[OpenPassage | None] | None:
        """The coded segments view, from the tag listed here if any."""
        from tui.ui.annotations.coding import segments_view

        return segments_view(self)

    def open_chosen(self, chosen: OpenPassage | None) -> None:
        """Open what a full-width view returned (nothing if it was left with Esc)."""
        if chosen is not None:
            self.post_message(chosen)

    def compose(self) -> ComposeResult:
        """Two titled lists."""
        yield Label("This article", id="passages-title")
        yield FocusedList(id="passages")
        yield Label(
            "Codebook: Enter passages · R rename · C colour · M merge · P move · D delete · o memo (✎)",
            id="codebook-title",
        )
        yield Codebook(id="codebook")

    def show_passages(self, title: str, entries: list[Entry], back: bool = False) -> None:
        """List passages under ``title``; ``back`` adds an entry returning to the article's own."""
        self.query_one("#passages-title", Label).update(Content(title))
        options: list[Option | None] = []
        if back:
            options.append(Option(Content("← this article's annotations"), id=BACK))
        placed = [entry for entry in entries if not entry.orphan]
        orphans = [entry for entry in entries if entry.orphan]
        mode = bidi_mode(self.app)
        options.extend(self._option(entry, mode) for entry in placed)
        if orphans:
            options.append(None)
            options.append(
                Option(Content.styled("Orphaned: passage not found in the text", "bold"), disabled=True)
            )
            options.extend(self._option(entry, mode) for entry in orphans)
        if not placed and not orphans:
            options.append(
                Option(Content.styled("No annotations yet: select text and press t", "dim"), disabled=True)
            )
        passages = self.query_one("#passages", OptionList)
        passages.clear_options()
        passages.add_options(options)

    def show_codebook(self, roots: list[TagNode]) -> None:
        """List the codebook as a tree: each tag under its parent with its colour and passage counts."""
        codebook = self.query_one(Codebook)
        highlighted = codebook.highlighted
        codebook.clear_options()
        memos = {memo.target for memo in self.store.memos("tag")}
        options = [Option(_node_label(node, node.name in memos), id=node.name) for node in flattened(roots)]
        if not options:
            options.append(Option(Content.styled("No tags yet", "dim"), disabled=True))
        codebook.add_options(options)
        if highlighted is not None and roots:
            codebook.highlighted = min(highlighted, len(options) - 1)

    @staticmethod
    def _option(entry: Entry, mode: BidiMode) -> Option:
        """One passage: where, the quote, its tags and the start of its note; right-to-left text in
        them in visual order on each line the option wraps into (``mode``: unless the terminal does it)."""
        text = Text.assemble((f"{entry.where} ", "dim"), quoted(entry.quote, 200, isolated))
        if entry.tags:
            text.append("  " + ", ".join(one_line(t) for t in entry.tags), "italic")
        if entry.note:
            text.append(f"  ✎ {isolated(clipped(entry.note, 200))}", "dim")
        return Option(paragraph(text, mode), id=entry.annotation_id)

    @on(OptionList.OptionSelected, "#passages")
    def _passage_chosen(self, event: OptionList.OptionSelected) -> None:
        """Open the passage, or go back to this article's annotations."""
        event.stop()
        if event.option.id == BACK:
            self.show_tag(None, focus=False)
        elif event.option.id is not None:
            self.open_annotation(event.option.id)

    @on(OptionList.OptionSelected, "#codebook")
    def _tag_chosen(self, event: OptionList.OptionSelected) -> None:
        """List every passage with the tag."""
        event.stop()
        if event.option.id is not None:
            self.show_tag(event.option.id, focus=False)

    @on(Codebook.TagAction)
    def _tag_action(self, message: Codebook.TagAction) -> None:
        """Rename, recolour, merge or delete a tag, asked from the codebook."""
        message.stop()
        self.tag_action(message.action, message.name)

    def tag_action(self, action: str, name: str) -> None:
        """Rename, recolour, merge or delete a tag everywhere (see :mod:`.codebook_actions`), or
        open its memo."""
        from tui.ui.annotations.codebook_actions import run_tag_action

        if action == "memo":
            from tui.ui.memos.memo_actions import edit_memo

            edit_memo(self, "tag", name)
            return
        if self.writable():
            run_tag_action(self, action, name)


def _node_label(node: TagNode, memo: bool = False) -> Content:
    """A codebook row: indented under its parent, the tag's colour, the last part of its name, and
    the passages with it or a tag below it (its own, when some are below: ``framing  12 (3 own)``);
    a folder (a parent that is no tag) with a ▸ and a slash; a tag with a memo with a ✎."""
    indent = Content("  " * node.depth)
    if node.tag is None:
        head = (
            indent + Content.styled("▸ ", "dim") + Content(one_line(node.label)) + Content.styled("/", "dim")
        )
    else:
        head = indent + colour_dot(node.tag.colour) + Content(one_line(node.label))
    own = f" ({node.own} own)" if node.children and node.tag is not None else ""
    mark = Content.styled(" ✎", "bold") if memo else Content()
    return head + mark + Content.styled(f"  {node.total}{own}", "dim")


def _style(annotation: Annotation, colours: dict[str, str]) -> Style:
    """Underlined, in its first tag's colour (notes and plain highlights in the theme's accent)."""
    colour = colours.get(annotation.tags[0]) if annotation.tags else None
    try:
        return Style(underline=True, color=Color.parse(colour) if colour else None, bold=not annotation.tags)
    except ColorParseError:
        return Style(underline=True)
