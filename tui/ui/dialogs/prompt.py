"""Small modal questions: a line of text (rename, colour, merge target) or yes/no."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.core.safe_text import one_line

_CSS = """
{name} {{
    align: center middle;
    & > Vertical {{
        width: 64; max-width: 95%; height: auto; max-height: 100%; overflow-y: auto;
        border: thick $primary 60%; background: $surface; padding: 0 1;
    }}
    /* the whole width, so a long question (a tag's name) wraps rather than being cut */
    Label {{ width: 100%; }}
    .hint {{ color: $text-muted; }}
}}
"""


class PromptDialog(ModalScreen[str | None]):
    """Ask for one line of text; Enter answers, Esc cancels (None)."""

    DEFAULT_CSS = _CSS.format(name="PromptDialog")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, value: str = "", placeholder: str = "") -> None:
        """``value`` is the answer offered (a tag's name): edited with its control characters as
        symbols, and returned as it was, byte for byte, if left as shown."""
        super().__init__()
        self.question, self.value, self.placeholder = question, value, placeholder

    def compose(self) -> ComposeResult:
        """The question and the field."""
        with Vertical():
            yield Label(Content(one_line(self.question)))
            yield Input(one_line(self.value), placeholder=self.placeholder, id="answer")
            yield Label("Enter to confirm · Esc to cancel", classes="hint")

    @on(Input.Submitted)
    def _answer(self, event: Input.Submitted) -> None:
        """Return the text (None if empty); the offered value itself if it was left as shown."""
        answer = event.value.strip()
        if self.value and answer == one_line(self.value).strip():
            answer = self.value.strip()
        self.dismiss(answer or None)

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """Ask yes or no: y or Enter says yes; n or Esc says no."""

    DEFAULT_CSS = _CSS.format(name="ConfirmDialog")
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question."""
        with Vertical():
            yield Label(Content(one_line(self.question)))
            yield Label("y / Enter: yes · n / Esc: no", classes="hint")

    def action_answer(self, yes: bool) -> None:
        """Return the answer."""
        self.dismiss(yes)
