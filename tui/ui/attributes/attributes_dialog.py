"""The attributes dialog: every attribute of the open article, front matter ones read-only, the others
typed (checked as they are typed) or chosen; Ctrl+S saves every change as one step."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, Select

from tui.core.attributes import AttributeDef, InvalidAttribute, check_value, from_front_matter
from tui.core.safe_text import one_line
from tui.ui.dialogs.frame import DialogFrame


@dataclass(frozen=True)
class AttributesAnswer:
    """What the dialog was closed with: the changes to save (a value, or None to unset), whether a
    new attribute is to be defined first, and every field as typed (to show again after defining)."""

    changes: dict[str, str | None]
    define: bool = False
    typed: dict[str, str] = field(default_factory=dict)


def field_id(number: int) -> str:
    """The id of the field of the attribute listed ``number``-th (a name may hold letters no id takes)."""
    return f"attr-{number}"


class AttributesDialog(DialogFrame[AttributesAnswer | None]):
    """An article's attributes: Ctrl+S saves them all as one step, Ctrl+N defines a new one."""

    BOX_WIDTH = 76
    KEYS_HINT = "Ctrl+S save · Ctrl+N new attribute · Tab next · Esc cancel"
    DEFAULT_CSS = """
    AttributesDialog {
        .attribute-row { height: auto; }
        .attribute-name { width: 14; }
        .attribute-row > Input, .attribute-row > Select { width: 1fr; }
        /* compact fields have no border: a shade shows where to type */
        .attribute-row > Input { background: $foreground 18%; &:focus { background: $primary 35%; } }
        .attribute-fixed { width: 1fr; color: $text-muted; }
        .field-problem { color: $error; padding-left: 14; display: none; }
        .field-problem.-shown { display: block; }
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+n", "define", "New attribute", priority=True),
    ]

    def __init__(
        self,
        title: str,
        definitions: Mapping[str, AttributeDef],
        values: Mapping[str, str],
        typed: Mapping[str, str] | None = None,
        read_only: str | None = None,
        focus: str | None = None,
    ) -> None:
        """The attributes ``definitions`` of an article with these ``values``; ``typed`` overrides
        what the fields start with (kept while a new attribute was defined); ``focus`` names the
        attribute whose field starts focused (one just defined)."""
        super().__init__(f"Attributes of {one_line(title)}")
        self.definitions = dict(definitions)
        self.values = dict(values)
        self.typed = dict(typed or {})
        self.read_only = read_only
        self.focus_name = focus
        self.numbers = {name: number for number, name in enumerate(self.definitions)}

    def compose_body(self) -> ComposeResult:
        """One row per attribute, each with the line that says what is wrong with it."""
        for number, (name, definition) in enumerate(self.definitions.items()):
            start = self.typed.get(name, self.values.get(name, ""))
            with Horizontal(classes="attribute-row"):
                yield Label(Content(name), classes="attribute-name")
                if from_front_matter(name):
                    shown = start or "—"
                    yield Label(Content(f"{one_line(shown)}  (front matter)"), classes="attribute-fixed")
                elif definition.type == "choice":
                    options = self.options(name)
                    chosen = choice_of(definition, start)
                    yield Select(
                        options,
                        # a value typed before the attribute was redefined may be no option now
                        value=chosen if chosen in (value for _, value in options) else Select.NULL,
                        prompt="(none)",
                        id=field_id(number),
                        compact=True,
                    )
                else:
                    hint = {"number": "a number", "date": "YYYY-MM-DD"}.get(definition.type, "")
                    # typing adds to a value, never replaces it unseen (a field focused on its own)
                    yield Input(
                        start, placeholder=hint, id=field_id(number), compact=True, select_on_focus=False
                    )
            yield Label("", classes="field-problem", id=f"{field_id(number)}-problem")
        note = f"Read-only: {self.read_only}" if self.read_only else ""
        yield Label(Content(one_line(note)), classes="problem")

    def options(self, name: str) -> list[tuple[Text, str]]:
        """A choice attribute's choices, and its stored value if that is none of them (marked, so it
        is seen and kept; the attribute was redefined, or the value imported)."""
        definition = self.definitions[name]
        options = [(Text(choice), choice) for choice in definition.choices]
        stored = self.values.get(name, "")
        if stored and choice_of(definition, stored) not in definition.choices:
            options.append((Text.assemble(stored, ("  (not one of its choices)", "italic")), stored))
        return options

    def shown(self, name: str) -> str:
        """What an attribute's field shows for its stored value ("" if none): a choice as it is
        listed, whatever the case the value was stored in."""
        stored = self.values.get(name, "")
        definition = self.definitions[name]
        return choice_of(definition, stored) if definition.type == "choice" else stored

    def on_mount(self) -> None:
        """Start in the field of the attribute just defined, else the first that can be changed."""
        number = self.numbers.get(self.focus_name or "")
        fields = self.query(f"#{field_id(number)}") if number is not None else self.query("Input, Select")
        if not fields:
            fields = self.query("Input, Select")
        if fields:
            fields.first().focus()

    def raw(self, name: str) -> str:
        """What an attribute's field holds now ("" if nothing)."""
        found = self.query(f"#{field_id(self.numbers[name])}")
        if not found:
            return ""
        widget = found.first()
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else str(widget.value)
        return widget.value if isinstance(widget, Input) else ""

    def check(self, name: str) -> str | None:
        """The problem with an attribute's field, shown under it; None when it is fine (or empty:
        emptied, the value is unset)."""
        raw = self.raw(name).strip()
        problem = None
        if raw:
            try:
                check_value(self.definitions[name], raw)
            except InvalidAttribute as error:
                problem = str(error)
        line = self.query_one(f"#{field_id(self.numbers[name])}-problem", Label)
        line.update(Content(one_line(problem or "")))
        line.set_class(problem is not None, "-shown")
        return problem

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """Check the value as it is typed."""
        names = list(self.definitions)
        number = (event.input.id or "").removeprefix("attr-")
        if number.isdigit() and int(number) < len(names):
            self.check(names[int(number)])

    def editable(self) -> list[str]:
        """The attributes set here (not from the front matter)."""
        return [name for name in self.definitions if not from_front_matter(name)]

    def action_save(self) -> None:
        """Close with every change, unless a field is wrong (then say which) or nothing can be saved."""
        if self.read_only:
            self.show_problem(f"Nothing can be saved: {self.read_only}")
            return
        # only the fields changed here are saved: one left as it was keeps its stored value as it
        # is, even one its definition would not take now (a choice redefined, a value imported)
        changed = [name for name in self.editable() if self.raw(name).strip() != self.shown(name)]
        wrong = [name for name in changed if self.check(name) is not None]
        if wrong:
            self.show_problem(f"Not saved: fix {', '.join(wrong)} first (or empty it to unset it)")
            return
        changes: dict[str, str | None] = {}
        for name in changed:
            raw = self.raw(name).strip()
            new = check_value(self.definitions[name], raw) if raw else None
            if new != self.values.get(name):
                changes[name] = new
        self.dismiss(AttributesAnswer(changes))

    def action_define(self) -> None:
        """Close to define a new attribute; the fields as typed come back with it."""
        typed = {name: self.raw(name) for name in self.editable()}
        self.dismiss(AttributesAnswer({}, define=True, typed=typed))


def choice_of(definition: AttributeDef, value: str) -> str:
    """The choice of ``definition`` that ``value`` is, without regard to case ("" for no value); a
    value that is none of its choices, as it is."""
    if not value:
        return ""
    return {choice.casefold(): choice for choice in definition.choices}.get(value.casefold(), value)
