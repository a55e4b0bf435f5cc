"""The frame every dialog is built on: a centred box with a title, a body that scrolls, and keys
or buttons docked under it so they stay in sight at 80×24 and below; Esc cancels.

A dialog subclasses :class:`DialogFrame`, names its width, its title and its keys, and composes
only its body (and its buttons, if it has some). Titles, questions and problems are shown as
plain text with their control characters as symbols: they may hold a tag's name or a path.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from tui.core.safe_text import one_line

ResultType = TypeVar("ResultType")


class DialogFrame(ModalScreen[ResultType]):
    """A titled box over the screen; the body a subclass composes, the keys always in sight."""

    DEFAULT_CSS = """
    DialogFrame {
        align: center middle;
        & > #dialog-box {
            height: auto; max-width: 95%; max-height: 100%;
            border: thick $primary 60%; background: $surface; padding: 0 1;
        }
        /* the title stays at the top and the keys at the bottom; the body between them scrolls
           when the terminal is too short, so every field can be reached */
        #dialog-title { dock: top; width: 100%; }
        #dialog-body { height: auto; max-height: 100%; }
        #dialog-keys { dock: bottom; height: auto; }
        /* the whole width, so a long question (a tag's name) wraps rather than being cut */
        Label { width: 100%; }
        .hint { color: $text-muted; }
        .problem { color: $error; }
        /* a compact field has no border to light up when focused: its shade shows the focus */
        Select.-textual-compact:focus > SelectCurrent { background: $primary 35%; }
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    BOX_WIDTH: ClassVar[int] = 76
    """The box's width in cells (never more than 95% of the screen's)."""
    KEYS_HINT: ClassVar[str] = ""
    """The line of keys under the body (none if empty)."""
    BODY_SCROLLS: ClassVar[bool] = True
    """Whether the frame scrolls the body; False for a body that scrolls itself (a long list)."""

    def __init__(self, title: str = "") -> None:
        """``title`` is one line of text (wrapped to the box), or nothing."""
        super().__init__()
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        """The box: the title, the body, and the keys under it."""
        with Vertical(id="dialog-box") as box:
            box.styles.width = self.BOX_WIDTH
            if self.dialog_title:
                yield Label(Content(one_line(self.dialog_title)), id="dialog-title")
            if self.BODY_SCROLLS:
                with VerticalScroll(id="dialog-body"):
                    yield from self.compose_body()
            else:
                yield from self.compose_body()
            with Vertical(id="dialog-keys"):
                yield from self.compose_keys()

    def compose_body(self) -> ComposeResult:
        """What the dialog shows and asks; every dialog composes its own."""
        raise NotImplementedError(f"{type(self).__name__} composes no body")

    def compose_keys(self) -> ComposeResult:
        """The keys that answer the dialog, as a hint line; a dialog with buttons yields them instead."""
        if self.KEYS_HINT:
            yield Label(self.KEYS_HINT, classes="hint", id="keys-hint")

    def show_problem(self, message: str) -> None:
        """Say, in the dialog's ``.problem`` line, what is wrong with what was typed (as text: a path
        or a date may hold anything)."""
        self.query_one(".problem", Label).update(Content(one_line(message)))

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)


def move_highlight(listing: OptionList, step: int) -> None:
    """Move a list's highlight a row down (``step`` > 0) or up, from a field that keeps the focus."""
    if step > 0:
        listing.action_cursor_down()
    else:
        listing.action_cursor_up()
