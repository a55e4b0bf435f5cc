"""Pick one of several items (an event's sources): Enter chooses, Esc cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.safe_text import one_line
from tui.ui.bidi_display import plain_paragraph
from tui.ui.dialogs.frame import DialogFrame


class ChooserDialog(DialogFrame[int | None]):
    """A titled list; returns the index chosen, or None."""

    DEFAULT_CSS = """
    ChooserDialog {
        & > #dialog-box { max-height: 80%; }
        /* the list takes what the title and keys leave, and scrolls itself */
        OptionList { height: auto; max-height: 100%; }
    }
    """
    BOX_WIDTH = 90
    KEYS_HINT = "Enter to choose · Esc to cancel"
    BODY_SCROLLS = False  # the list scrolls itself, keeping its highlight in sight

    def __init__(self, title: str, items: list[str]) -> None:
        super().__init__(title)
        self.items = items

    def compose_body(self) -> ComposeResult:
        """The items, as plain text (right-to-left text in them in visual order on each line)."""
        yield OptionList(*(Option(plain_paragraph(one_line(item), self.app)) for item in self.items))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Return the index."""
        self.dismiss(event.option_index)
