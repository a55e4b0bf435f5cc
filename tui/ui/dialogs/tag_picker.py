"""Choose a tag by typing part of its name: the list narrows as you type, typos included.

:class:`TagPickerDialog` asks a question over a field and the codebook's tags that match what is
typed (:func:`~tui.core.annotations.tag_match.rank_tags`), best first, the first highlighted. ↓ and
↑ move in the list while typing, Enter returns the highlighted tag's name, Esc returns None. With
``allow_new`` (a rename), a last row offers the typed text as a new name. Names and descriptions are
shown as plain text, their control characters as symbols.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.core.annotations.model import Tag
from tui.core.annotations.tag_match import rank_tags
from tui.core.safe_text import one_line
from tui.ui.dialogs.frame import DialogFrame, move_highlight
from tui.ui.labels import counted, short_path
from tui.ui.theme import colour_dot


class TagPickerDialog(DialogFrame[str | None]):
    """A field over the matching tags; returns the chosen tag's name (or a new name), or None."""

    DEFAULT_CSS = """
    TagPickerDialog {
        & > #dialog-box { max-height: 90%; }
        /* one line a tag, a long description cut with an ellipsis */
        #picker-list { height: auto; max-height: 12; text-wrap: nowrap; text-overflow: ellipsis; }
        /* the field keeps the focus, and Enter there chooses the highlighted row: show it as the
           list's own cursor, not the dim one of a list without the focus */
        #picker-list > .option-list--option-highlighted {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        #picker-problem { height: auto; }
        #picker-problem.-empty { display: none; }
    }
    """
    BOX_WIDTH = 72
    KEYS_HINT = "Type to find · ↑/↓ to move · Enter to choose · Esc to cancel"
    AUTO_FOCUS = "#picker-query"
    BINDINGS = [
        Binding("down", "move(1)", "Next match", tooltip="The next tag in the list, while typing"),
        Binding("up", "move(-1)", "Previous match", tooltip="The previous tag in the list, while typing"),
        Binding("enter", "choose", "Choose", tooltip="The highlighted tag (or the new name, if offered)"),
    ]

    def __init__(
        self,
        question: str,
        tags: Sequence[Tag],
        counts: Mapping[str, int] | None = None,
        *,
        allow_new: bool = False,
        exclude: Collection[str] = (),
        ticked: Collection[str] = (),
        value: str = "",
        first: tuple[str, str] | None = None,
    ) -> None:
        """``tags`` in codebook order, ``counts`` the passages carrying each; ``exclude`` the names
        that cannot be chosen (the tag being merged); ``ticked`` the names shown with a tick;
        ``value`` the text offered in the field (a tag's name, returned as it was if left as shown);
        ``first`` a row before the tags, its label and what it returns (a move's "Top level", ""),
        listed while nothing is typed or its label holds what is typed."""
        super().__init__()
        self.question = question
        self.codebook = {tag.name: tag for tag in tags if tag.name not in exclude}
        self.exclude = set(exclude)
        self.counts = counts
        self.allow_new = allow_new
        self.ticked = set(ticked)
        self.value = value
        self.first = first
        self.choices: list[str] = []  # the name each row of the list returns

    def compose_body(self) -> ComposeResult:
        """The question, the field, the matching tags, and a line for when none matches."""
        yield Label(Content(one_line(self.question)))
        yield Input(one_line(self.value), placeholder="type part of a tag's name", id="picker-query")
        yield OptionList(id="picker-list", compact=True)
        yield Label("", classes="problem -empty", id="picker-problem")

    def on_mount(self) -> None:
        """List the tags matching the text offered (every tag, if none)."""
        self._fill(self.query_one("#picker-query", Input).value)

    def typed(self) -> str:
        """The text in the field, stripped; the offered value itself if it was left as shown."""
        text = self.query_one("#picker-query", Input).value.strip()
        if self.value and text == one_line(self.value).strip():
            return self.value.strip()
        return text

    def _fill(self, query: str) -> None:
        """List the tags that match ``query``, best first, the first highlighted; say so if none does."""
        typed = self.typed()
        self.choices = rank_tags(query, list(self.codebook))
        options = [Option(self._label(name)) for name in self.choices]
        known = {name.casefold() for name in (*self.codebook, *self.exclude)}
        # The tag acted on is no new name (the rename it would be does nothing). A new name comes
        # first unless a tag's name starts with it: a rename is to what was typed, not to a tag that
        # merely looks like it (a typo of one is then a step away, and a merge asks first anyway).
        if self.allow_new and typed and typed.casefold() not in known:
            starts = any(name.casefold().startswith(typed.casefold()) for name in self.choices)
            place = len(self.choices) if starts else 0
            self.choices.insert(place, typed)
            options.insert(place, Option(Content.styled(f"+ New name “{one_line(typed)}”", "bold")))
        if self.first is not None and typed.casefold() in self.first[0].casefold():
            self.choices.insert(0, self.first[1])
            options.insert(0, Option(Content.styled(self.first[0], "bold")))
        itself = not self.allow_new and typed in self.exclude
        listing = self.query_one("#picker-list", OptionList)
        listing.set_options(options)
        listing.highlighted = 0 if options and not itself else None
        listing.display = bool(options)
        if itself:
            nothing = f"“{one_line(typed)}” is the tag itself: choose another"
        elif options or not typed or self.allow_new:
            nothing = ""
        else:
            nothing = f"No tag matches “{one_line(typed)}”"
        problem = self.query_one("#picker-problem", Label)
        problem.update(Content(nothing))
        problem.set_class(not nothing, "-empty")

    def _label(self, name: str) -> Content:
        """A tag's row: a swatch in its colour, its name, how many passages carry it, its description."""
        tag = self.codebook[name]
        swatch = colour_dot(tag.colour)
        tick = Content("✓ " if name in self.ticked else "  ") if self.ticked else Content("")
        label = tick + swatch + Content(short_path(one_line(name), 60))  # the leaf kept: see short_path
        if self.counts is not None:
            count = self.counts.get(name, 0)
            label += Content.styled(f"  {counted(count, 'passage')}", "dim")
        if tag.description:
            label += Content.styled(f"  {one_line(tag.description)}", "dim italic")
        return label

    @on(Input.Changed, "#picker-query")
    def _narrow(self, event: Input.Changed) -> None:
        """Narrow the list as the user types."""
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        """Move the highlight in the list, the focus staying in the field."""
        move_highlight(self.query_one("#picker-list", OptionList), step)

    @on(Input.Submitted, "#picker-query")
    def action_choose(self) -> None:
        """Enter: the highlighted tag (nothing happens when no tag matches)."""
        highlighted = self.query_one("#picker-list", OptionList).highlighted
        if highlighted is not None and highlighted < len(self.choices):
            self.dismiss(self.choices[highlighted])

    @on(OptionList.OptionSelected, "#picker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a row, or Enter in the list: that tag."""
        event.stop()
        if event.option_index < len(self.choices):
            self.dismiss(self.choices[event.option_index])
