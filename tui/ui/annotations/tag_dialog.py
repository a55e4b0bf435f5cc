"""The tagging dialog: pick tags (type to filter), create new ones, and write a note.

Returns a :class:`TagChoice` (or None if cancelled). Tag names, descriptions and the quote
are shown as plain text, never as markup, and a note's control characters as symbols.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from tui.core.annotations.model import PALETTE, Tag, valid_colour
from tui.core.safe_text import one_line, visible
from tui.ui.dialogs.frame import DialogFrame


@dataclass(frozen=True)
class TagChoice:
    """What the dialog returns: the tags for the passage, the note, and tags to add to the codebook."""

    tags: tuple[str, ...]
    note: str
    new_tags: list[Tag] = field(default_factory=list)


class TagList(SelectionList[str]):
    """The dialog's tags. The list is filled again at every key typed in the filter, so a highlight
    posted for the list as it was can arrive once it is shorter; such a highlight is dropped (Textual
    would look its entry up, fail, and stop the app)."""

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Drop a highlight of an entry the list no longer has (the list's own handling then skipped)."""
        if event.option_index >= self.option_count:
            event.stop()
            event.prevent_default()


class TagDialog(DialogFrame[TagChoice | None]):
    """Tags and a note for one passage; Ctrl+S saves, Esc cancels."""

    DEFAULT_CSS = """
    TagDialog {
        #quote { color: $text-muted; text-style: italic; margin-bottom: 1; }
        #tag-list { height: 10; }
        #new-tag { height: auto; }
        #new-tag Input { width: 1fr; }
        #note { height: 6; }
        #buttons { height: auto; align-horizontal: right; }
    }
    """
    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True)]

    def __init__(self, quote: str, tags: list[Tag], chosen: tuple[str, ...] = (), note: str = "") -> None:
        super().__init__()
        self.quote = quote
        self.codebook = {tag.name: tag for tag in tags}
        self.chosen = list(chosen)
        self.note = note
        self.new_tags: dict[str, Tag] = {}

    def compose_body(self) -> ComposeResult:
        """Quote, filter field, tag list, new-tag fields and note (the frame scrolls them when they
        do not fit)."""
        yield Label(Content(f"“{one_line(self.quote)[:300]}”"), id="quote")
        yield Input(placeholder="Filter tags, or type a new tag name and press Enter", id="tag-filter")
        yield TagList(id="tag-list")
        yield Label("Note", classes="hint")
        yield TextArea(visible(self.note), id="note", soft_wrap=True)
        yield Label("A new tag's colour and description (used when Enter creates one)", classes="hint")
        with Horizontal(id="new-tag"):
            colour = PALETTE[len(self.codebook) % len(PALETTE)]
            yield Input(value=colour, placeholder="#rrggbb", id="new-colour")
            yield Input(placeholder="description (optional)", id="new-description")

    def compose_keys(self) -> ComposeResult:
        """The buttons, always in sight under the body."""
        with Horizontal(id="buttons"):
            yield Button("Save (Ctrl+S)", variant="primary", id="save")
            yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        """List the tags, the passage's own ticked."""
        self._fill("")
        self.query_one("#tag-filter", Input).focus()

    def _fill(self, query: str) -> None:
        """List the tags whose names contain ``query``, plus any chosen ones."""
        listing = self.query_one("#tag-list", SelectionList)
        listing.clear_options()
        names = sorted({*self.codebook, *self.new_tags, *self.chosen}, key=str.casefold)
        wanted = [n for n in names if query.casefold() in n.casefold() or n in self.chosen]
        listing.add_options([self._selection(name) for name in wanted])
        if wanted:
            listing.highlighted = 0
        listing.border_subtitle = "" if wanted else "no tags yet: type a name, then Enter"

    def _selection(self, name: str) -> Selection[str]:
        """One tag as a list entry: a colour swatch and the name, as plain text."""
        tag = self.codebook.get(name) or self.new_tags.get(name)
        colour = tag.colour if tag is not None else PALETTE[0]
        swatch = Content.styled("● ", colour if valid_colour(colour) else "")
        label = swatch + Content(one_line(name))
        if tag is not None and tag.description:
            label += Content.styled(f"  {one_line(tag.description)}", "dim")
        return Selection(label, name, name in self.chosen)

    @on(Input.Changed, "#tag-filter")
    def _filter(self, event: Input.Changed) -> None:
        """Narrow the list as the user types."""
        self._fill(event.value.strip())

    @on(Input.Submitted, "#tag-filter")
    def _add(self, event: Input.Submitted) -> None:
        """Enter: tick the only match, or create a new tag with that name."""
        name = event.value.strip()
        if not name:
            return
        if name not in self.codebook and name not in self.new_tags:
            colour = self.query_one("#new-colour", Input).value.strip() or PALETTE[0]
            if not valid_colour(colour):
                self.notify(f"Not a colour: {one_line(colour)} (use #rrggbb)", severity="error", markup=False)
                return
            description = self.query_one("#new-description", Input).value.strip()
            self.new_tags[name] = Tag(name, colour, description)
        if name not in self.chosen:
            self.chosen.append(name)
        event.input.value = ""
        self._fill("")

    @on(SelectionList.SelectionToggled, "#tag-list")
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        """Keep the chosen tags in the order they were ticked."""
        name = event.selection.value
        if name in self.chosen:
            self.chosen.remove(name)
        else:
            self.chosen.append(name)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Return the tags, note and new tags."""
        text = self.query_one("#note", TextArea).text
        # Control characters are edited as their symbols (␛); an untouched note is kept byte for byte.
        note = self.note if text == visible(self.note) else text.strip()
        new = [self.new_tags[name] for name in self.chosen if name in self.new_tags]
        self.dismiss(TagChoice(tuple(self.chosen), note, new))

    @on(Button.Pressed, "#cancel")
    def _cancelled(self) -> None:
        """The Cancel button: as Esc, close without changes."""
        self.action_cancel()
