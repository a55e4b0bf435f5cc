"""Defining a new article attribute: its name, its type (text, number, date, choice) and, for a
choice, the values allowed; checked before the dialog closes."""

from __future__ import annotations

from collections.abc import Collection

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, RadioSet

from tui.core.attributes import TYPES, AttributeDef, InvalidAttribute, define
from tui.ui.dialogs.frame import DialogFrame
from tui.ui.widgets.toggles import Radio


class DefineAttributeDialog(DialogFrame[AttributeDef | None]):
    """A new attribute's name, type and choices; Enter (or Ctrl+S) defines it."""

    BOX_WIDTH = 64
    KEYS_HINT = "Enter or Ctrl+S define · Esc cancel"
    BINDINGS = [Binding("ctrl+s", "define", "Define", priority=True)]

    def __init__(self, known: Collection[str]) -> None:
        """``known``: the attributes there are already (a new one must not take their names)."""
        super().__init__("Define an article attribute")
        self.known = set(known)

    def compose_body(self) -> ComposeResult:
        """Name, type, choices, and the line that says what is wrong."""
        yield Input(placeholder="name, e.g. stance", id="define-name")
        with RadioSet(id="define-type"):
            for index, kind in enumerate(TYPES):
                yield Radio(kind, value=index == 0, id=f"type-{kind}")
        yield Input(placeholder="choices, comma separated: hawkish, neutral, dovish", id="define-choices")
        yield Label("", classes="problem")

    def on_mount(self) -> None:
        """Start in the name."""
        self.query_one("#define-name", Input).focus()

    def chosen_type(self) -> str:
        """The type chosen."""
        pressed = self.query_one(RadioSet).pressed_button
        return (pressed.id or "").removeprefix("type-") if pressed is not None else "text"

    @on(Input.Submitted)
    def _submitted(self) -> None:
        """Enter in either field defines."""
        self.action_define()

    def action_define(self) -> None:
        """Close with the checked definition, or say what is wrong and stay."""
        name = self.query_one("#define-name", Input).value
        choices = self.query_one("#define-choices", Input).value.split(",")
        try:
            definition = define(name, self.chosen_type(), [c for c in choices if c.strip()])
        except InvalidAttribute as error:
            self.show_problem(str(error).replace("(--choices news,op-ed)", "(type them, comma separated)"))
            return
        if definition.name in self.known:
            self.show_problem(f"there is an attribute called {definition.name!r} already")
            return
        self.dismiss(definition)
