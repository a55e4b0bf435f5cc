"""Pick one of several items (an event's sources): Enter chooses, Esc cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.core.safe_text import one_line


class ChooserDialog(ModalScreen[int | None]):
    """A titled list; returns the index chosen, or None."""

    DEFAULT_CSS = """
    ChooserDialog {
        align: center middle;
        & > Vertical {
            width: 90; max-width: 95%; height: auto; max-height: 80%;
            border: thick $primary 60%; background: $surface; padding: 0 1;
        }
        /* The title stays at the top; the list takes what is left, and scrolls. */
        Label { dock: top; }
        OptionList { height: auto; max-height: 100%; }
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, items: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.items = items

    def compose(self) -> ComposeResult:
        """The title and the items, as plain text."""
        with Vertical():
            yield Label(Content(one_line(self.title_text)))
            yield OptionList(*(Option(Content(one_line(item))) for item in self.items))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Return the index."""
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        """Return nothing."""
        self.dismiss(None)
