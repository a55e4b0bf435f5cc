"""The find bar under the article: type to find, Enter/↓ next, Shift+Enter/↑ previous, Esc closes.

The bar owns the find: its query, the matches in the article's text, which one is current; it
marks them in the article view. The query stays after the bar closes (n and N still step) until
the reader clears it.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static

from tui.core.search import Stepper, find_all
from tui.ui.messages import Report
from tui.ui.reader.article_view import ArticleView


class FindInput(Input):
    """The query field; its keys step through the matches."""

    DEFAULT_CSS = """
    FindInput, FindInput:focus {
        border: none;
        height: 1;
        padding: 0 1;
        width: 1fr;
    }
    """

    BINDINGS = [
        Binding(
            "enter",
            "step(1, True)",
            "Next match",
            key_display="Enter",
            tooltip="Go to the match the typing found, then to the next",
        ),
        Binding("down", "step(1)", "Next match", show=False),
        Binding("shift+enter,up", "step(-1)", "Previous match", key_display="Shift+Enter"),
        Binding("escape", "close", "Close find", key_display="Esc"),
    ]

    class Step(Report):
        """Move to the next (+1) or previous (-1) match."""

        step: int
        confirm: bool = False
        """Enter: the first press after typing keeps the match the typing found."""

    class Close(Report):
        """Close the find bar and go back to the text."""

    def action_step(self, step: int, confirm: bool = False) -> None:
        """Ask for the next or previous match (``confirm``: as Enter, which first keeps the one found)."""
        self.post_message(self.Step(step, confirm))

    def action_close(self) -> None:
        """Ask to close the find bar."""
        self.post_message(self.Close())


class FindBar(Horizontal):
    """A one-line find field with a match counter; hidden until ``/``."""

    DEFAULT_CSS = """
    FindBar {
        height: auto;
        display: none;
        background: $boost;
        &.-open { display: block; }
        & > #find-count { width: auto; min-width: 14; padding: 0 1; color: $text-muted; }
    }
    """

    def __init__(self, view: ArticleView, *, id: str | None = None) -> None:
        """An empty find in the text ``view`` shows."""
        super().__init__(id=id)
        self.view = view
        self.query_text = ""
        self.stepper = Stepper()
        self._typed = False  # the query changed since Enter last stepped: Enter keeps its match

    def compose(self) -> ComposeResult:
        """The input and the counter."""
        yield FindInput(placeholder="Find in article (Enter: next, Shift+Enter: previous, Esc: close)")
        yield Static("", id="find-count")

    def open(self) -> None:
        """Show the bar and focus the field, its text selected for retyping."""
        self.add_class("-open")
        field = self.query_one(FindInput)
        field.focus()
        field.select_all()

    def close(self) -> None:
        """Hide the bar."""
        self.remove_class("-open")

    @property
    def is_open(self) -> bool:
        """Whether the bar is showing."""
        return self.has_class("-open")

    def set_count(self, current: int | None, total: int, query: str) -> None:
        """Show 'n of m', or that nothing matched."""
        if not query:
            label = Text("")
        elif total == 0:
            label = Text("no matches", style="bold red")
        else:
            label = Text(f"{(current or 0) + 1} of {total}")
        self.query_one("#find-count", Static).update(label)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        """Find again as the user types."""
        event.stop()
        self.find(event.value)
        self._typed = True

    @on(FindInput.Step)
    def _step(self, message: FindInput.Step) -> None:
        """Next or previous match from the field."""
        message.stop()
        if message.confirm and self._typed:
            # As in vim: "/ word Enter" goes to the first match the typing found, not the one after.
            self._typed = False
            return
        if not self.step(message.step):
            self.app.bell()

    @on(FindInput.Close)
    def _close(self, message: FindInput.Close) -> None:
        """Close the bar (the matches stay marked) and go back to the text, its cursor on the
        current match, so that v selects from there."""
        message.stop()
        self.close()
        current = self.stepper.current
        if current is not None:
            self.view.move_cursor(current[0])
        self.view.focus()

    def find(self, query: str) -> None:
        """Find every occurrence of ``query`` in the article's text; the first is current."""
        self.query_text = query
        view = self.view
        spans = find_all(view.text, query) if query else []
        self.stepper = Stepper(spans)
        first = self.stepper.start_near(0)
        view.set_matches(spans, self.stepper.index if first else None)
        self.set_count(self.stepper.index, len(spans), query)
        self.screen.refresh_bindings()  # n and N show when there is something to step to

    def show(self, query: str) -> None:
        """Open the bar on ``query`` (typed for the user), its first match in view."""
        self.open()
        field = self.query_one(FindInput)
        with field.prevent(Input.Changed):
            field.value = query
        self.find(query)

    def step(self, delta: int) -> bool:
        """Make the next (or previous) match current; False if there is none."""
        span = self.stepper.step(delta)
        if span is None:
            return False
        self.view.set_matches(self.stepper.spans, self.stepper.index)
        self.set_count(self.stepper.index, len(self.stepper.spans), self.query_text)
        return True

    def clear(self) -> None:
        """Close the bar and forget the query and its matches."""
        self.close()
        self.query_text = ""
        self.stepper = Stepper()
        self.view.set_matches([], None)
