"""Small modal questions: a line of text (rename, colour, merge target) or yes/no."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, Label

from tui.core.safe_text import one_line
from tui.ui.dialogs.frame import DialogFrame


class PromptDialog(DialogFrame[str | None]):
    """Ask for one line of text; Enter answers, Esc cancels (None)."""

    BOX_WIDTH = 64
    KEYS_HINT = "Enter to confirm · Esc to cancel"
    AUTO_FOCUS = "#answer"  # the field, not the body that scrolls it

    def __init__(self, question: str, value: str = "", placeholder: str = "") -> None:
        """``value`` is the answer offered (a tag's name): edited with its control characters as
        symbols, and returned as it was, byte for byte, if left as shown."""
        super().__init__()
        self.question, self.value, self.placeholder = question, value, placeholder

    def compose_body(self) -> ComposeResult:
        """The question (in the body, as it may be long: it scrolls with the field) and the field."""
        yield Label(Content(one_line(self.question)))
        yield Input(one_line(self.value), placeholder=self.placeholder, id="answer")

    @on(Input.Submitted)
    def _answer(self, event: Input.Submitted) -> None:
        """Return the text (None if empty); the offered value itself if it was left as shown."""
        answer = event.value.strip()
        if self.value and answer == one_line(self.value).strip():
            answer = self.value.strip()
        self.dismiss(answer or None)


class ConfirmDialog(DialogFrame[bool]):
    """Ask yes or no: y or Enter says yes; n or Esc says no."""

    BOX_WIDTH = 64
    KEYS_HINT = "y / Enter: yes · n / Esc: no"
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose_body(self) -> ComposeResult:
        """The question."""
        yield Label(Content(one_line(self.question)))

    def action_answer(self, yes: bool) -> None:
        """Return the answer."""
        self.dismiss(yes)
