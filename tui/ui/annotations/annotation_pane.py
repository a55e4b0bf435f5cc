"""The Annotations pane: the open article's annotations (orphans included) and the codebook.

Choosing an annotation posts :class:`AnnotationChosen`; choosing a tag in the codebook posts
:class:`TagChosen` and the upper list then shows every passage coded with it, across the
corpus. R, C, M and D on a tag ask to rename, recolour, merge or delete it (:class:`TagAction`).
All text is shown as plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.core.annotations.model import Tag, valid_colour
from tui.core.safe_text import one_line
from tui.ui.messages import AnnotationChosen, TagAction, TagChosen

BACK = "\x00back"


@dataclass(frozen=True)
class Entry:
    """One passage in a list: its annotation id, where it is, its quote and tags; orphans are flagged."""

    annotation_id: str
    where: str
    quote: str
    tags: tuple[str, ...]
    note: str = ""
    orphan: bool = False


class Codebook(OptionList):
    """The tags with their colours and counts; R, C, M, D act on the highlighted tag."""

    BINDINGS = [
        Binding("R", "tag('rename')", "Rename tag"),
        Binding("C", "tag('recolour')", "Recolour tag"),
        Binding("M", "tag('merge')", "Merge tag"),
        Binding("D", "tag('delete')", "Delete tag"),
    ]

    def action_tag(self, action: str) -> None:
        """Ask the screen to act on the highlighted tag."""
        if self.highlighted is not None:
            option = self.get_option_at_index(self.highlighted)
            if option.id is not None:
                self.post_message(TagAction(action, option.id))


class AnnotationPane(Vertical):
    """This article's annotations, or one tag's passages, above the codebook."""

    DEFAULT_CSS = """
    AnnotationPane {
        & > Label { color: $text-muted; text-style: bold; padding: 0 1; }
        & > #passages { height: 1fr; }
        & > #codebook { height: 1fr; max-height: 14; }
    }
    """

    def compose(self) -> ComposeResult:
        """Two titled lists."""
        yield Label("This article", id="passages-title")
        yield OptionList(id="passages")
        yield Label(
            "Codebook (Enter: passages · R rename · C colour · M merge · D delete)", id="codebook-title"
        )
        yield Codebook(id="codebook")

    def show_passages(self, title: str, entries: list[Entry], back: bool = False) -> None:
        """List passages under ``title``; ``back`` adds an entry returning to the article's own."""
        self.query_one("#passages-title", Label).update(Content(title))
        options: list[Option | None] = []
        if back:
            options.append(Option(Content("← this article's annotations"), id=BACK))
        placed = [entry for entry in entries if not entry.orphan]
        orphans = [entry for entry in entries if entry.orphan]
        options.extend(self._option(entry) for entry in placed)
        if orphans:
            options.append(None)
            options.append(
                Option(Content.styled("Orphaned: passage not found in the text", "bold"), disabled=True)
            )
            options.extend(self._option(entry) for entry in orphans)
        if not placed and not orphans:
            options.append(
                Option(Content.styled("No annotations yet: select text and press t", "dim"), disabled=True)
            )
        passages = self.query_one("#passages", OptionList)
        passages.clear_options()
        passages.add_options(options)

    def show_codebook(self, tags: list[Tag], counts: dict[str, int]) -> None:
        """List every tag with its colour and how many passages carry it."""
        codebook = self.query_one(Codebook)
        highlighted = codebook.highlighted
        codebook.clear_options()
        options = []
        for tag in tags:
            swatch = Content.styled("● ", tag.colour if valid_colour(tag.colour) else "")
            label = (
                swatch + Content(one_line(tag.name)) + Content.styled(f"  {counts.get(tag.name, 0)}", "dim")
            )
            options.append(Option(label, id=tag.name))
        if not options:
            options.append(Option(Content.styled("No tags yet", "dim"), disabled=True))
        codebook.add_options(options)
        if highlighted is not None and tags:
            codebook.highlighted = min(highlighted, len(tags) - 1)

    @staticmethod
    def _option(entry: Entry) -> Option:
        """One passage: where, the quote, its tags and the start of its note."""
        text = Content.styled(f"{entry.where} ", "dim") + Content(f"“{one_line(entry.quote)[:90]}”")
        if entry.tags:
            text += Content.styled("  " + ", ".join(one_line(t) for t in entry.tags), "italic")
        if entry.note:
            text += Content.styled(f"  ✎ {one_line(entry.note)[:60]}", "dim")
        return Option(text, id=entry.annotation_id)

    @on(OptionList.OptionSelected, "#passages")
    def _passage_chosen(self, event: OptionList.OptionSelected) -> None:
        """Open the passage, or go back to this article's annotations."""
        event.stop()
        if event.option.id == BACK:
            self.post_message(TagChosen(None))
        elif event.option.id is not None:
            self.post_message(AnnotationChosen(event.option.id))

    @on(OptionList.OptionSelected, "#codebook")
    def _tag_chosen(self, event: OptionList.OptionSelected) -> None:
        """List every passage with the tag."""
        event.stop()
        if event.option.id is not None:
            self.post_message(TagChosen(event.option.id))
