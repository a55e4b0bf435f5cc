"""The coded segments at full width: every passage with chosen tags, across the corpus, in full.

:class:`SegmentsScreen` is built from the annotation store (read only), the articles, and the tags
to start with. At the top, the codebook's tags with their counts (Space or Enter chooses several; t
finds one by typing part of its name, and ticks or unticks it), whether a passage needs any or all
of them, a text filter (quote, context and note) and the order (article, date, tag); below, each
passage wrapped to the width: its article and date, its tags in their colours, the quote in bold
within the rest of its sentence, and its note. Enter on a passage dismisses the screen with
:class:`OpenPassage`; Esc with None. Placing the passages in their articles' current texts runs
once, in a thread; each choice after that only selects and sorts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color, ColorParseError
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection
from textual.worker import Worker, WorkerState

from tui.core.annotations.model import Tag, valid_colour
from tui.core.annotations.store import AnnotationStore
from tui.core.models import Article
from tui.core.safe_text import one_line, visible
from tui.core.segments import SORTS, Segment, SegmentQuery, placed, select
from tui.ui.dialogs.tag_picker import TagPickerDialog
from tui.ui.labels import counted, date_label
from tui.ui.messages import OpenPassage
from tui.ui.theme import colour_dot
from tui.ui.widgets.full_width import FullWidthView
from tui.ui.widgets.line_list import Rows
from tui.ui.widgets.toggles import TickList

#: How a passage's article is named when the article is no longer in the corpus.
GONE = "(article no longer in the corpus)"
#: What an orphaned passage says of itself.
ORPHANED = "⚠ orphaned: not found in the article's current text"
#: Indent of the lines under an entry's heading (kept by wrapped continuation lines).
INDENT = "  "

_TITLE = Style(bold=True)
_DATE = Style(dim=True)
_WARNING = Style(bold=True, color="dark_orange")
_QUOTE = Style(bold=True, underline=True)
_NOTE_MARK = Style(dim=True)


def tag_style(tag: Tag | None) -> Style:
    """A tag's chip: its colour behind text that contrasts with it (plain reverse if it has none)."""
    if tag is None or not valid_colour(tag.colour):
        return Style(reverse=True)
    try:
        colour = Color.parse(tag.colour)
    except ColorParseError:
        return Style(reverse=True)
    return Style(bgcolor=colour.rich_color, color=colour.get_contrast_text(1.0).rich_color)


class SegmentRows(Rows):
    """The passages as list entries: heading, tags, quote in context, note, then a blank line."""

    def __init__(self, found: list[Segment], styles: Mapping[str, Style], empty: str) -> None:
        self.found = found
        self.styles = styles
        self.empty = empty

    def __len__(self) -> int:
        """The number of passages (one line saying why there are none, if none)."""
        return len(self.found) or 1

    def enabled(self, index: int) -> bool:
        """Every passage can be chosen; the line saying there are none cannot."""
        return bool(self.found)

    def lines(self, index: int) -> list[Text]:
        """One passage's lines, every piece of data made safe and shown literally."""
        if not self.found:
            return [Text(self.empty, _DATE)]
        segment = self.found[index]
        heading = Text()
        if segment.orphan:
            heading.append(ORPHANED + " · ", _WARNING)
        heading.append(one_line(segment.title) if segment.title is not None else GONE, _TITLE)
        heading.append("  " + date_label(segment.published), _DATE)
        if segment.status in ("moved", "fuzzy"):
            heading.append(f"  (found again: {segment.status})", _DATE)
        tags = Text(INDENT)
        for number, name in enumerate(segment.tags):
            if number:
                tags.append(" ")
            tags.append(f" {one_line(name)} ", self.styles.get(name, tag_style(None)))
        quote = Text(INDENT)
        quote.append(one_line(segment.before))
        quote.append(one_line(segment.quote), _QUOTE)
        quote.append(one_line(segment.after))
        lines = [heading, tags, quote]
        for number, paragraph in enumerate(_paragraphs(segment.note)):
            line = Text(INDENT)
            line.append("✎ " if number == 0 else "  ", _NOTE_MARK)
            line.append(paragraph)
            lines.append(line)
        lines.append(Text())
        return lines


def _paragraphs(note: str) -> list[str]:
    """A note's lines, control characters made visible and tabs spaced (none for no note)."""
    if not note.strip():
        return []
    return [visible(line).replace("\t", " ") for line in note.strip("\n").split("\n")]


class ControlLabel(Static):
    """A switch shown as a label: a click runs its screen action, as its key does (no focus stop)."""

    DEFAULT_CSS = """
    ControlLabel {
        width: auto;
        padding: 0 1;
        margin: 0 1 0 0;
        background: $boost;
        text-style: bold;
        &:hover { background: $primary 40%; }
    }
    """

    def __init__(self, label: str, action: str, *, id: str) -> None:
        super().__init__(label, id=id, markup=False)
        self.action = action

    async def on_click(self, event: events.Click) -> None:
        """Do what the key does."""
        event.stop()
        await self.run_action(f"screen.{self.action}")


class SegmentsScreen(FullWidthView):
    """Every passage coded with the chosen tags (any or all of them), filtered, sorted, in full."""

    DEFAULT_CSS = """
    SegmentsScreen {
        & > .view-title { text-style: bold; }
        & > #segments-tags { height: auto; max-height: 25%; border: none; padding: 0; }
        & > #segments-controls { height: 1; }
        & > #segments-controls > Input { width: 1fr; }
    }
    """

    LIST_ID = "segments-list"

    BINDINGS = [
        Binding(
            "t", "pick_tag", "Find tag", tooltip="Find a tag by typing part of its name; tick or untick it"
        ),
        Binding("a", "toggle_every", "Any/all"),
        Binding("b", "toggle_below", "Below", tooltip="A tag finds the tags below it too, or only its own"),
        Binding("slash", "focus_filter", "Filter"),
        Binding("s", "next_sort", "Sort"),
    ]

    def __init__(
        self,
        store: AnnotationStore,
        articles: Mapping[str, Article],
        tags: Iterable[str] = (),
        passing: set[str] | None = None,
        where: str = "",
    ) -> None:
        """The passages of ``store`` in ``articles``, starting from ``tags``; with ``passing``, only
        those of the articles of these ids (the attribute filter, written ``where``)."""
        super().__init__()
        self.passing, self.where = passing, where
        self.store = store
        self.articles = articles
        self.codebook = store.tags()
        self.counts = store.tag_counts()
        self.tag_styles = {tag.name: tag_style(tag) for tag in self.codebook}
        names = {tag.name for tag in self.codebook}
        self.first_tags = [name for name in dict.fromkeys(tags) if name in names]
        self.every = False
        self.exact = False  # a tag finds the passages of the tags below it (framing/security) too
        self.sort = SORTS[0]
        self.match = ""
        self.placed: list[Segment] | None = None  # every coded passage, once placed in the background
        self.found: list[Segment] = []

    def compose_above(self) -> ComposeResult:
        """The tag picker, then any/all · filter · sort, above the passages."""
        yield TickList[str](
            *(
                Selection(self._tag_label(tag), tag.name, tag.name in self.first_tags)
                for tag in self.codebook
            ),
            id="segments-tags",
            compact=True,
        )
        with Horizontal(id="segments-controls"):
            yield ControlLabel(self._every_label(), "toggle_every", id="segments-every")
            yield ControlLabel(self._below_label(), "toggle_below", id="segments-below")
            yield Input(
                placeholder="Filter by text (quote, sentence, note) /",
                id="segments-filter",
                compact=True,
            )
            yield ControlLabel(self._sort_label(), "next_sort", id="segments-sort")

    def _tag_label(self, tag: Tag) -> Content:
        """A tag in the picker: a swatch in its colour, its name, how many passages carry it."""
        swatch = colour_dot(tag.colour)
        count = Content.styled(f"  {self.counts.get(tag.name, 0)}", "dim")
        return swatch + Content(one_line(tag.name)) + count

    def _every_label(self) -> str:
        """The any/all switch's label."""
        return "all of" if self.every else "any of"

    def _below_label(self) -> str:
        """The switch between a tag with the tags below it and the tag alone."""
        return "exact" if self.exact else "+ below"

    def _sort_label(self) -> str:
        """The sort switch's label."""
        return f"sort: {self.sort}"

    def on_mount(self) -> None:
        """Place the passages once the view is on screen (the title says they are being found)."""
        self.call_after_refresh(self._place)

    def _place(self) -> None:
        """Place every coded passage in the background (started after the first frame: the work
        holds the interpreter, which would hold the frame back)."""
        annotations = self.store.annotations()  # read here: the store belongs to the app's thread
        if self.passing is not None:
            annotations = [a for a in annotations if a.article in self.passing]
        self.run_worker(
            partial(placed, annotations, self.articles),
            thread=True,
            exclusive=True,
            exit_on_error=False,
            name="segments",
            description="finding the coded passages",
        )

    @on(Worker.StateChanged)
    def _placed(self, event: Worker.StateChanged) -> None:
        """The passages are placed: list them (if the work failed, the view says so in one line)."""
        if event.worker.name == "segments" and event.state == WorkerState.SUCCESS:
            self.placed = event.worker.result
            self._show()

    def chosen_tags(self) -> tuple[str, ...]:
        """The tags chosen in the picker, in codebook order."""
        chosen = set(self.query_one("#segments-tags", SelectionList).selected)
        return tuple(tag.name for tag in self.codebook if tag.name in chosen)

    def query_now(self) -> SegmentQuery:
        """What the controls ask for."""
        return SegmentQuery(
            tags=self.chosen_tags(), all=self.every, exact=self.exact, match=self.match, sort=self.sort
        )

    def _show(self) -> None:
        """List the passages the controls ask for, and say what they are in the title."""
        if self.placed is not None:
            self.found = select(self.placed, self.query_now())
            empty = (
                "No passage matches: choose other tags (t), any or all (a), or change the filter (/)"
                if self.placed
                else "Nothing is coded yet: select a passage in an article and press t to tag it"
            )
            self.show_rows(SegmentRows(self.found, self.tag_styles, empty))
        else:
            self.update_title()

    def title_line(self) -> Content:
        """E.g. '3 passages with any of security, energy · sorted by date · matching "gas"'."""
        if self.placed is None:
            return Content("Coded passages: finding them in the articles…")
        query = self.query_now()
        passages = counted(len(self.found), "passage")
        if not query.tags:
            what = Content(f"{passages}: every coded passage (no tags chosen)")
        else:
            names = ", ".join(one_line(name) for name in query.tags)
            kind = "tagged" if len(query.tags) == 1 else ("with all of" if query.all else "with any of")
            what = Content(f"{passages} {kind} {names}")
            if query.exact:
                what += Content(" (not the tags below)")
        orphans = sum(1 for segment in self.found if segment.orphan)
        if orphans:
            what += Content(f" ({orphans} orphaned)")
        what += Content(f" · sorted by {query.sort}")
        if self.where:
            what += Content(f" · {one_line(self.where)}")
        if query.match:
            what += Content(f" · matching “{one_line(query.match)}”")
        return what

    def action_close(self) -> None:
        """Esc: out of the filter field first, then out of the view."""
        focused = self.focused
        if isinstance(focused, (Input, SelectionList)):
            self.listing.focus()
        else:
            self.dismiss(None)

    def action_pick_tag(self) -> None:
        """Find a tag by typing, ticked ones marked: Enter ticks it (or unticks a ticked one)."""
        question = "Passages with which tag? (Enter ticks it, or unticks a ticked one)"
        picker = TagPickerDialog(question, self.codebook, self.counts, ticked=self.chosen_tags())
        self.app.push_screen(picker, self._toggle_tag)

    def _toggle_tag(self, name: str | None) -> None:
        """Tick or untick the tag picked, and show it in the tag list (highlighted, in sight)."""
        tags = self.query_one("#segments-tags", SelectionList)
        index = next((i for i, tag in enumerate(self.codebook) if tag.name == name), None)
        if name is None or index is None:
            return
        tags.toggle(name)
        tags.highlighted = index
        tags.scroll_to_highlight()

    def action_focus_filter(self) -> None:
        """To the filter field."""
        self.query_one("#segments-filter", Input).focus()

    def action_toggle_every(self) -> None:
        """Passages with any of the chosen tags, or with all of them."""
        self.every = not self.every
        self.query_one("#segments-every", ControlLabel).update(self._every_label())
        self._show()

    def action_toggle_below(self) -> None:
        """A tag with the tags below it, or the tag alone."""
        self.exact = not self.exact
        self.query_one("#segments-below", ControlLabel).update(self._below_label())
        self._show()

    def action_next_sort(self) -> None:
        """The next order: article, date, tag."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.query_one("#segments-sort", ControlLabel).update(self._sort_label())
        self._show()

    @on(SelectionList.SelectedChanged, "#segments-tags")
    def _tags_changed(self) -> None:
        """Tags chosen or let go."""
        self._show()

    @on(Input.Changed, "#segments-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        """The filter text changed."""
        self.match = event.value
        self._show()

    @on(Input.Submitted, "#segments-filter")
    def _filter_done(self) -> None:
        """Enter in the filter: on to the passages."""
        self.listing.focus()

    def choose(self, index: int) -> OpenPassage | None:
        """The passage chosen; an orphan has nowhere to open, which is said instead."""
        segment = self.found[index]
        if not segment.orphan:
            return OpenPassage(segment.article, segment.start, segment.end)
        where = one_line(segment.title) if segment.title is not None else GONE
        self.notify(
            f"This passage is no longer found in the text of {where}: the article changed (or is "
            "gone) since it was coded, so there is nowhere to open it. Its quote and note are kept.",
            title="Orphaned passage",
            severity="warning",
            markup=False,
        )
        return None
