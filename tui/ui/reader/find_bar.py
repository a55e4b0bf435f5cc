"""The find bar under the article: type to find, Enter/↓ next, Shift+Enter/↑ previous, Esc closes."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static

from tui.ui.messages import FindChanged, FindClosed, FindStep


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
        Binding("enter", "step(1)", "Next match", key_display="Enter"),
        Binding("down", "step(1)", "Next match", show=False),
        Binding("shift+enter,up", "step(-1)", "Previous match", key_display="Shift+Enter"),
        Binding("escape", "close", "Close find", key_display="Esc"),
    ]

    def action_step(self, step: int) -> None:
        """Ask for the next or previous match."""
        self.post_message(FindStep(step))

    def action_close(self) -> None:
        """Ask to close the find bar."""
        self.post_message(FindClosed())


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
        """Re-run the find as the user types."""
        event.stop()
        self.post_message(FindChanged(event.value))
