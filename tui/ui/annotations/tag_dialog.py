"""The tagging dialog: find tags by typing, tick them, create new ones, and write a note.

Typing filters the codebook (best match first, typos forgiven); Enter ticks the highlighted tag, and
creating a tag is a row of its own at the end of the list (``+ Create tag “reg”``), so a prefix never
becomes a new tag by accident. With nothing typed, the tags used last come first, no row is
highlighted and Enter saves; ↓ highlights one for Enter to tick.
Returns a :class:`TagChoice` (or None if cancelled). Tag names, descriptions and the quote are shown
as plain text, never as markup, and a note's control characters as symbols.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, TextArea
from textual.widgets.option_list import Option

from tui.core.annotations.model import PALETTE, Tag
from tui.core.annotations.tag_match import rank_tags
from tui.core.safe_text import one_line, quoted, visible
from tui.ui.bidi_display import plain_paragraph
from tui.ui.dialogs.frame import DialogFrame, move_highlight
from tui.ui.labels import short_path
from tui.ui.theme import colour_dot

#: A tag name's room in a row of the list (the box is 76 wide): a longer one keeps its leaf.
NAME_ROOM = 60
KEYS = "Enter: tick · ↑↓: choose · Ctrl+N: colour · Enter, nothing typed: save"


@dataclass(frozen=True)
class TagChoice:
    """What the dialog returns: the tags for the passage, the note, and tags to add to the codebook."""

    tags: tuple[str, ...]
    note: str
    new_tags: list[Tag] = field(default_factory=list)


class TagFilter(Input):
    """The field a tag name is typed in. Enter and ↑↓ act on the list as the field gets them, in
    order with the letters typed: Textual runs bindings once a key has passed through the field, by
    which time letters sent after it in one burst (a paste, a fast typist, tmux) are already typed."""

    STEPS = {"down": 1, "up": -1}
    # Listed in the help; the keys themselves are handled as they arrive (below).
    BINDINGS = [
        Binding("enter", "pick", "Tick the highlighted tag (with nothing typed: save)"),
        Binding("down", "move(1)", "Highlight the next tag"),
        Binding("up", "move(-1)", "Highlight the previous tag"),
    ]

    def __init__(
        self, pick: Callable[[], None], move: Callable[[int], None], *, placeholder: str, id: str
    ) -> None:
        """``pick`` acts on the highlighted tag; ``move`` moves the highlight by a step."""
        super().__init__(placeholder=placeholder, id=id)
        self._pick, self._move = pick, move

    def action_pick(self) -> None:
        """Tick the highlighted tag, or create the typed one, or save when nothing is typed."""
        self._pick()

    def action_move(self, step: int) -> None:
        """Move the list's highlight without leaving the field."""
        self._move(step)

    async def _on_key(self, event: events.Key) -> None:
        """Enter ticks (or saves, with nothing typed), ↑↓ move the list's highlight; other keys type."""
        if event.key == "enter" or event.key in self.STEPS:
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                self.action_pick()
            else:
                self.action_move(self.STEPS[event.key])
            return
        await super()._on_key(event)


class TagList(OptionList):
    """The tags that match what is typed, each with a tick box, its colour and its description; the
    last row may create a tag. The list is filled again at every key typed, so a highlight posted for
    the list as it was can arrive once it is shorter: such a highlight is dropped."""

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Drop a highlight of an entry the list no longer has (the list's own handling then skipped)."""
        if event.option_index >= self.option_count:
            event.stop()
            event.prevent_default()


class TagDialog(DialogFrame[TagChoice | None]):
    """Tags and a note for one passage; Ctrl+S (or Enter with nothing typed) saves, Esc cancels."""

    DEFAULT_CSS = """
    TagDialog {
        #quote { color: $text-muted; text-style: italic; margin-bottom: 1; max-height: 3; }
        #tag-list { height: auto; min-height: 3; max-height: 10; text-wrap: nowrap; text-overflow: ellipsis; }
        #ticked { color: $text-muted; }
        #note { height: 5; }
        #buttons { height: auto; align-horizontal: right; }
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+n", "recolour", "Colour", tooltip="Another colour for a tag made in this dialog"),
    ]
    KEYS_HINT = KEYS

    def __init__(
        self,
        quote: str,
        tags: list[Tag],
        chosen: tuple[str, ...] = (),
        note: str = "",
        recent: Sequence[str] = (),
    ) -> None:
        """``tags`` is the codebook, ``chosen`` the passage's tags, ``recent`` the tags used last
        (newest first), which are listed first."""
        super().__init__()
        self.quote = quote
        self.codebook = {tag.name: tag for tag in tags}
        self.chosen = list(chosen)
        self.note = note
        self.recent = [name for name in dict.fromkeys(recent) if name in self.codebook]
        self.new_tags: dict[str, Tag] = {}
        self._rows: list[str] = []  # the listed tag names, then (if _creates) the typed name to create
        self._creates = False
        self._listed_for: str | None = None  # the query the list was last filled for
        self._create_colour: str | None = None  # chosen with Ctrl+N on the create row
        self._moved = False  # whether ↑↓ chose a row since the list was filled

    def compose_body(self) -> ComposeResult:
        """Quote, filter field, tag list, the ticked tags, and the note (the frame scrolls them when
        they do not fit)."""
        # Three lines at most: a longer quote is cut with an ellipsis, so the cut is seen.
        yield Label(plain_paragraph(quoted(self.quote, 200), self.app), id="quote")
        yield TagFilter(
            self._pick,
            self._move,
            placeholder="Type to find a tag, or a new tag's name",
            id="tag-filter",
        )
        yield TagList(id="tag-list")
        yield Label(id="ticked")
        yield Label("Note", classes="hint")
        yield TextArea(visible(self.note), id="note", soft_wrap=True)

    def compose_keys(self) -> ComposeResult:
        """The keys, and the buttons, always in sight under the body."""
        yield from super().compose_keys()
        with Horizontal(id="buttons"):
            yield Button("Save (Ctrl+S)", variant="primary", id="save")
            yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        """List the tags, the ones used last first."""
        self._fill("")
        self.query_one("#tag-filter", Input).focus()

    # The list

    def _names(self) -> list[str]:
        """Every tag the dialog knows, in the order an empty filter lists them: the passage's own, the
        tags used last, the ones made here, then the codebook by name."""
        codebook = sorted(self.codebook, key=str.casefold)
        return list(dict.fromkeys([*self.chosen, *self.recent, *self.new_tags, *codebook]))

    def _fill(self, query: str) -> None:
        """List the tags matching ``query``, best first, and the row that creates it as a tag."""
        names = rank_tags(query, self._names())
        known = {name.casefold() for name in (*self.codebook, *self.new_tags)}
        self._creates = bool(query) and query.casefold() not in known
        self._rows = [*names, *([query] if self._creates else [])]
        listing = self.query_one("#tag-list", TagList)
        listing.clear_options()
        listing.add_options([Option(self._row(index, query)) for index in range(len(self._rows))])
        if self._rows and query:
            # a folder's exact name (framing, above framing/security) means that parent: create it
            folder = self._creates and any(n.startswith(query + "/") for n in self._names())  # as spelt
            listing.highlighted = len(self._rows) - 1 if folder else 0
        else:
            # with nothing typed Enter saves, so no row looks as if Enter would tick it (↓ picks one)
            listing.highlighted = None
        listing.border_subtitle = "" if self._rows else "no tags yet: type a name"
        self._listed_for = query
        self._moved = False
        self._show_ticked()

    def _is_create(self, index: int) -> bool:
        """Whether row ``index`` is the one that creates the typed name as a tag."""
        return self._creates and index == len(self._rows) - 1

    def _row(self, index: int, query: str) -> Content:
        """Row ``index``: a tick box, the colour, the name and the description, as plain text; or the
        row that creates ``query`` as a tag, in the colour it will get."""
        name = self._rows[index]
        if self._is_create(index):
            colour = self._create_colour or self._unused_colour()
            return Content("[+] ") + colour_dot(colour) + Content(f"Create tag “{one_line(query)}”")
        tag = self.codebook.get(name) or self.new_tags.get(name)
        box = Content("[✓] " if name in self.chosen else "[ ] ")
        shown = short_path(one_line(name), NAME_ROOM)
        row = box + colour_dot(tag.colour if tag is not None else "") + Content(shown)
        if tag is not None and tag.description:
            row += Content.styled(f"  {one_line(tag.description)}", "dim")
        if name in self.new_tags:
            row += Content.styled("  new", "italic")
        elif name in self.recent and not query:
            row += Content.styled("  used last", "dim italic")
        return row

    def _show_ticked(self) -> None:
        """The line under the list naming the ticked tags, which the filter may hide."""
        ticked = ", ".join(one_line(name) for name in self.chosen)
        self.query_one("#ticked", Label).update(Content(f"Ticked: {ticked}" if ticked else "Nothing ticked"))

    def _unused_colour(self, after: str | None = None, own: str = "") -> str:
        """The first palette colour (after ``after``, in turn) that no tag but ``own`` has; once all
        are used, the palette again, in turn."""
        tags = (*self.codebook.values(), *self.new_tags.values())
        used = {tag.colour.lower() for tag in tags if tag.name != own}
        start = PALETTE.index(after) + 1 if after in PALETTE else 0
        turn = [PALETTE[(start + step) % len(PALETTE)] for step in range(len(PALETTE))]
        free = [colour for colour in turn if colour not in used]
        if free:
            return free[0]
        return turn[0] if after is not None else PALETTE[len(used) % len(PALETTE)]

    def _highlighted(self) -> int | None:
        """The highlighted row, if any. The list may not have caught up with the field yet (keys
        typed in a burst): it is filled for what is typed first, which highlights the best match."""
        query = self._query()
        if self._listed_for != query:
            self._fill(query)
        index = self.query_one("#tag-list", TagList).highlighted
        return index if index is not None and 0 <= index < len(self._rows) else None

    def _query(self) -> str:
        """What is typed in the filter, without spaces at either end."""
        return self.query_one("#tag-filter", Input).value.strip()

    @on(Input.Changed, "#tag-filter")
    def _filter(self) -> None:
        """Narrow the list as the user types (to what the field holds now: changes may come late)."""
        query = self._query()
        if query != self._listed_for:
            self._fill(query)

    # Acting on the list

    def _pick(self) -> None:
        """Enter in the filter: tick the highlighted tag or create the typed one. With nothing typed,
        a row chosen with ↑↓ is ticked or unticked; with none chosen, Enter saves."""
        query = self._query()
        if not query and not self._moved:
            self.action_save()
            return
        index = self._highlighted()
        self._moved = False
        if index is None:
            return
        name = self._rows[index]
        if self._is_create(index):
            self.new_tags[name] = Tag(name, self._create_colour or self._unused_colour())
            self._create_colour = None
        if name not in self.chosen:
            self.chosen.append(name)
        elif not query:
            self.chosen.remove(name)
        self.query_one("#tag-filter", Input).value = ""
        self._fill("")

    def _move(self, step: int) -> None:
        """Move the highlight in the list (from the filter, which keeps the focus), over the list as
        it is for what is typed: the letters before the arrow may not have reached it yet."""
        query = self._query()
        if self._listed_for != query:
            self._fill(query)
        move_highlight(self.query_one("#tag-list", TagList), step)
        self._moved = True

    @on(OptionList.OptionSelected, "#tag-list")
    def _toggled(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a row in the list: tick or untick the tag, or create the typed one."""
        index = event.option_index
        if not 0 <= index < len(self._rows):
            return
        if self._is_create(index):
            self._pick()
            return
        name = self._rows[index]
        if name in self.chosen:
            self.chosen.remove(name)
        else:
            self.chosen.append(name)
        listing = self.query_one("#tag-list", TagList)
        listing.replace_option_prompt_at_index(index, self._row(index, self._listed_for or ""))
        self._show_ticked()

    def action_recolour(self) -> None:
        """Ctrl+N: the next palette colour for the highlighted new tag (or for the one the create row
        would make); an existing tag's colour is the codebook's to change."""
        index = self._highlighted()
        creates = index is not None and self._is_create(index)
        name = self._rows[index] if index is not None else ""
        if index is None or not (creates or name in self.new_tags):
            self.notify("Only a tag made here takes a colour here: recolour others in the codebook (A)")
            return
        current = (self._create_colour or self._unused_colour()) if creates else self.new_tags[name].colour
        following = self._unused_colour(after=current, own="" if creates else name)
        if creates:
            self._create_colour = following
        else:
            self.new_tags[name] = Tag(name, following)
        listing = self.query_one("#tag-list", TagList)
        listing.replace_option_prompt_at_index(index, self._row(index, self._listed_for or ""))

    # Answering

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
