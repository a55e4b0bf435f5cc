"""The article view's cursor and selection: an offset into the text and where a selection began."""

from __future__ import annotations


class Cursor:
    """A caret in a text with an optional selection anchor; units are computed once per text."""

    __slots__ = ("_units", "anchor", "offset", "selecting", "text")

    def __init__(self, text: str = "") -> None:
        """A cursor at the start of ``text``, nothing selected."""
        self.text = text
        self.offset = 0
        self.anchor: int | None = None
        self.selecting = False
        self._units: dict[str, list[int]] = {}

    def reset(self, text: str) -> None:
        """A new text: the cursor at its start, nothing selected."""
        self.text, self.offset, self.anchor, self._units = text, 0, None, {}
        self.selecting = False

    @property
    def selection(self) -> tuple[int, int] | None:
        """The selected span (start < end), if a selection is under way and not empty."""
        if self.anchor is None or self.anchor == self.offset:
            return None
        return min(self.anchor, self.offset), max(self.anchor, self.offset)

    def move(self, offset: int, extend: bool = False) -> None:
        """Move to ``offset``; ``extend`` (or selecting mode) grows a selection, else it ends one."""
        if (extend or self.selecting) and self.anchor is None:
            self.anchor = self.offset
        elif not (extend or self.selecting):
            self.anchor = None
        self.offset = max(0, min(offset, len(self.text)))

    def toggle_selecting(self) -> None:
        """Start selecting at the cursor (every move then extends), or stop and drop the selection."""
        self.selecting = self.anchor is None
        self.anchor = self.offset if self.selecting else None

    def clear(self) -> None:
        """No selection, not selecting."""
        self.anchor, self.selecting = None, False

    def select(self, start: int, end: int) -> None:
        """Select ``[start, end)``, the cursor at its end."""
        self.anchor, self.offset, self.selecting = start, end, False

    def step(self, unit: str, direction: int) -> int:
        """Where one word, word end, sentence or paragraph forward (+1) or back (-1) is."""
        from tui.core import textnav  # on the first move: its patterns take a millisecond to compile

        starts = self._units.get(unit)
        if starts is None:
            finder = {
                "word": textnav.word_starts,
                "word_end": textnav.word_ends,
                "sentence": textnav.sentence_starts,
                "paragraph": textnav.paragraph_starts,
            }[unit]
            starts = self._units[unit] = finder(self.text)
        if direction > 0:
            return textnav.after(starts, self.offset, len(self.text))
        return textnav.before(starts, self.offset)
