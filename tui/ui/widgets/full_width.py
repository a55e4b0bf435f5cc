"""What the full-width views share: a title line, a wrapped list of entries, the key bar.

A view is a :class:`FullWidthView` showing :class:`~tui.ui.widgets.line_list.Rows`. Enter or a
click on an entry calls :meth:`FullWidthView.choose`: an :class:`~tui.ui.messages.OpenPassage`
dismisses the view with it, None keeps the view open (nothing to open, or the view did something
itself, such as following another entity). By default an entry of :class:`ViewRows` goes where
:meth:`ViewRows.passage` says. Esc dismisses the view with None. A view may put widgets above the
list (:meth:`FullWidthView.compose_above`) or below it (:meth:`FullWidthView.compose_below`), and
show other rows at any time (:meth:`FullWidthView.show_rows`).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker

from tui.ui.bidi_display import BidiParagraph, bidi_mode, paragraph
from tui.ui.messages import OpenPassage, report_failed_work
from tui.ui.widgets.key_bar import KeyBar
from tui.ui.widgets.line_list import Rows
from tui.ui.widgets.wrapped_list import WrappedList


class ViewRows(Rows):
    """Rows of a full-width view: each entry may open a passage or an article."""

    def passage(self, index: int) -> OpenPassage | None:
        """Where choosing an entry goes (None: nowhere)."""
        return None


class ViewList(WrappedList):
    """The view's entries; Enter is shown in the key bar."""

    BINDINGS = [Binding("enter", "choose", "Open", tooltip="Open the article at this entry")]


class FullWidthView(Screen[OpenPassage | None]):
    """A title line over the entries at the full width of the terminal, the key bar below."""

    DEFAULT_CSS = """
    FullWidthView {
        layout: vertical;
        & > .view-title { height: auto; padding: 0 1; background: $panel; }
        & > ViewList { height: 1fr; }
    }
    """

    AUTO_FOCUS = "ViewList"  # the entries, whatever a view puts above them

    BINDINGS = [
        Binding("escape", "close", "Back", tooltip="Back to the reader, where it was"),
        # q leaves the view, as in a pager; it quits the app from the reader only.
        Binding("q", "close", "Back", show=False, tooltip="Back to the reader, where it was"),
    ]

    #: The id of the list of entries.
    LIST_ID = "view-list"

    def __init__(self, rows: Rows | None = None) -> None:
        """A view of ``rows`` (none yet: shown later with :meth:`show_rows`)."""
        super().__init__()
        self.rows = rows if rows is not None else Rows()

    def title_line(self) -> Text | Content:
        """What the view shows, and how many (subclasses say)."""
        return Text()

    def compose(self) -> ComposeResult:
        """Title, what the view puts above the list, the list, what it puts below, the keys."""
        yield Static(self._drawn_title(), classes="view-title", id="view-title")
        yield from self.compose_above()
        yield ViewList(id=self.LIST_ID)
        yield from self.compose_below()
        yield KeyBar()

    def compose_above(self) -> ComposeResult:
        """Widgets between the title line and the list (none here)."""
        yield from ()

    def compose_below(self) -> ComposeResult:
        """Widgets between the list and the key bar (none here)."""
        yield from ()

    @property
    def listing(self) -> ViewList:
        """The list of entries."""
        return self.query_one(f"#{self.LIST_ID}", ViewList)

    def on_mount(self) -> None:
        """Show the entries, the cursor on the first that can be chosen."""
        listing = self.listing
        listing.show(self.rows)
        listing.focus()

    def show_rows(self, rows: Rows, keep_cursor: bool = False) -> None:
        """Show other rows and say so in the title line; the cursor stays where it was if
        ``keep_cursor`` and it can stop there, else it goes to the first entry it can stop on."""
        listing = self.listing
        cursor = listing.cursor
        self.rows = rows
        listing.show(rows)
        if keep_cursor and cursor is not None and cursor < len(rows) and rows.enabled(cursor):
            listing.move_to(cursor)
        self.update_title()

    def update_title(self) -> None:
        """Draw the title line again (what it counts has changed)."""
        self.query_one("#view-title", Static).update(self._drawn_title())

    def _drawn_title(self) -> Text | Content | BidiParagraph:
        """The title line, right-to-left text in it (a query, a name) in visual order."""
        title = self.title_line()
        return paragraph(title, bidi_mode(self.app)) if isinstance(title, Text) else title

    def choose(self, index: int) -> OpenPassage | None:
        """What choosing entry ``index`` does: the passage to open, or None to stay (a view may act
        here itself, and return None)."""
        return self.rows.passage(index) if isinstance(self.rows, ViewRows) else None

    @on(WrappedList.Selected)
    def _chosen(self, message: WrappedList.Selected) -> None:
        """Go where the entry goes, if anywhere."""
        message.stop()
        if message.wrapped_list.id != self.LIST_ID:
            return
        passage = self.choose(message.index)
        if passage is not None:
            self.dismiss(passage)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """A worker of this view failed: the app says so in one line."""
        report_failed_work(event)

    def action_close(self) -> None:
        """Back, choosing nothing."""
        self.dismiss(None)
