"""What the full-width views share: a title line, a wrapped list of entries, the key bar.

A view is a :class:`FullWidthView` given :class:`ViewRows`, whose entries say where choosing
them goes (:meth:`ViewRows.passage`). Enter or a click on such an entry dismisses the view with
that :class:`~tui.ui.messages.OpenPassage`; Esc dismisses it with None.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker

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
        & > .view-title { height: auto; padding: 0 1; background: $panel; text-style: bold; }
        & > ViewList { height: 1fr; }
    }
    """

    BINDINGS = [Binding("escape", "close", "Back", tooltip="Back to the reader, where it was")]

    def __init__(self, rows: ViewRows) -> None:
        """A view of ``rows``."""
        super().__init__()
        self.rows = rows

    def title_line(self) -> Text:
        """What the view shows, and how many (subclasses say)."""
        return Text()

    def compose(self) -> ComposeResult:
        """Title, list, keys."""
        yield Static(self.title_line(), classes="view-title", id="view-title")
        yield ViewList(id="view-list")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the entries, the cursor on the first that can be chosen."""
        listing = self.query_one(ViewList)
        listing.show(self.rows)
        listing.focus()

    def update_title(self) -> None:
        """Draw the title line again (what it counts has changed)."""
        self.query_one("#view-title", Static).update(self.title_line())

    @on(WrappedList.Selected, "#view-list")
    def _chosen(self, message: WrappedList.Selected) -> None:
        """Go where the entry goes, if anywhere."""
        message.stop()
        passage = self.rows.passage(message.index)
        if passage is not None:
            self.dismiss(passage)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """A worker of this view failed: the app says so in one line."""
        report_failed_work(event)

    def action_close(self) -> None:
        """Back, choosing nothing."""
        self.dismiss(None)
