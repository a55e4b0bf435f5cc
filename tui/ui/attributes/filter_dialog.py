"""The attribute filter: conditions such as ``outlet=Dawn`` or ``published>=2025-08`` that every
article shown must pass; typed with completion, a bad one explained in a line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.core.attributes import AttributeDef, Condition, InvalidAttribute, parse_where
from tui.core.safe_text import one_line
from tui.ui.dialogs.frame import DialogFrame

#: How many values of an attribute the completion offers (a corpus may have many outlets).
MAX_VALUES = 200


def completions(definitions: Mapping[str, AttributeDef], values: Iterable[Mapping[str, str]]) -> list[str]:
    """What typing a filter completes to: ``name=`` for every attribute, then ``name=value`` for
    every choice and every value some article has."""
    found: dict[str, None] = {}
    for name, definition in definitions.items():
        found[f"{name}="] = None
        for choice in definition.choices:
            found[f"{name}={choice}"] = None
    seen = 0
    for article in values:
        for name, value in article.items():
            if seen < MAX_VALUES * len(definitions) and f"{name}={value}" not in found:
                found[f"{name}={one_line(value)}"] = None
                seen += 1
    return list(found)


class FilterDialog(DialogFrame[list[Condition] | None]):
    """Add conditions (Enter), remove the one highlighted (Delete), apply them all with Ctrl+S."""

    BOX_WIDTH = 72
    KEYS_HINT = "Enter add · Del remove · Ctrl+S apply · Ctrl+L clear · Esc cancel"
    DEFAULT_CSS = """
    FilterDialog {
        #filter-conditions { height: auto; max-height: 6; border: none; padding: 0; }
        /* compact: no border, so a shade shows where to type, a stronger one when focused */
        #filter-input { background: $foreground 18%; &:focus { background: $primary 35%; } }
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "apply", "Apply", priority=True),
        Binding("ctrl+l", "clear", "Clear all", priority=True),
        Binding("delete", "remove", "Remove", show=False),
    ]

    def __init__(
        self,
        definitions: Mapping[str, AttributeDef],
        values: Iterable[Mapping[str, str]],
        conditions: Iterable[Condition] = (),
    ) -> None:
        """The attributes to filter by, every article's values (for completion), and the filter now."""
        super().__init__("Filter articles by attributes")
        self.definitions = dict(definitions)
        self.conditions = list(conditions)
        self.suggestions = completions(self.definitions, values)

    def compose_body(self) -> ComposeResult:
        """The conditions so far, the field to type one in, and the line that explains a bad one."""
        yield Label(Content("Articles shown pass all of these (= != < <= > >=, ~ contains):"), classes="hint")
        yield OptionList(id="filter-conditions")
        yield Input(
            placeholder="e.g. outlet=Dawn, published>=2025-08, kind!=op-ed",
            suggester=SuggestFromList(self.suggestions, case_sensitive=False),
            id="filter-input",
            compact=True,
        )
        names = ", ".join(self.definitions)
        yield Label(Content(f"Attributes: {one_line(names)}"), classes="hint")
        yield Label("", classes="problem")

    def on_mount(self) -> None:
        """List the conditions; start in the field."""
        self._list()
        self.query_one("#filter-input", Input).focus()

    def _list(self) -> None:
        """Show the conditions (or that there are none)."""
        listing = self.query_one("#filter-conditions", OptionList)
        listing.clear_options()
        if self.conditions:
            listing.add_options(Option(Content(one_line(str(c)))) for c in self.conditions)
        else:
            listing.add_option(Option(Content("(no filter: every article)"), disabled=True))

    @on(Input.Submitted, "#filter-input")
    def _add(self, event: Input.Submitted) -> None:
        """Add the condition typed, or say what is wrong with it."""
        typed = event.value.strip()
        if not typed:
            self.action_apply()
            return
        try:
            condition = parse_where(typed, self.definitions)
        except InvalidAttribute as error:
            self.show_problem(str(error))
            return
        if condition not in self.conditions:
            self.conditions.append(condition)
        event.input.value = ""
        self.show_problem("")
        self._list()

    def action_remove(self) -> None:
        """Remove the condition highlighted in the list."""
        listing = self.query_one("#filter-conditions", OptionList)
        index = listing.highlighted
        if self.conditions and index is not None and index < len(self.conditions):
            del self.conditions[index]
            self._list()

    def action_clear(self) -> None:
        """Remove every condition."""
        self.conditions = []
        self._list()

    def action_apply(self) -> None:
        """Close with the conditions; a condition still typed (and good) is added first."""
        field = self.query_one("#filter-input", Input)
        if field.value.strip():
            try:
                condition = parse_where(field.value.strip(), self.definitions)
            except InvalidAttribute as error:
                self.show_problem(f"Not applied: {error}")
                return
            if condition not in self.conditions:
                self.conditions.append(condition)
        self.dismiss(list(self.conditions))
