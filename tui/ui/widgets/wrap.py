"""Word-wrapping article text into visual lines that keep their character offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*|\s+")


class VisualLine(NamedTuple):
    """One screen line: ``text[start:end]``; a blank spacer between paragraphs has start == end."""

    start: int
    end: int
    paragraph: int


def wrap_text(text: str, width: int) -> list[VisualLine]:
    """Lay out ``text`` at ``width`` cells: one paragraph per line of text, blank lines between."""
    width = max(width, 8)
    lines: list[VisualLine] = []
    paragraph = 0
    position = 0
    for raw in text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        if not raw.strip():
            continue
        if lines:
            lines.append(VisualLine(start, start, -1))
        lines.extend(_wrap_paragraph(text, start, end, width, paragraph))
        paragraph += 1
    return lines


def _wrap_paragraph(text: str, start: int, end: int, width: int, paragraph: int) -> list[VisualLine]:
    """Greedy word wrap of ``text[start:end]``; words wider than the line are split by cells."""
    out: list[VisualLine] = []
    line_start, used = start, 0
    measure = len if text[start:end].isascii() else cell_len  # ASCII: one cell a character
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        visible_width = measure(word.rstrip())
        if used and used + visible_width > width:
            out.append(VisualLine(line_start, match.start(), paragraph))
            line_start, used = match.start(), 0
        if visible_width > width:
            line_start, used = _split_long(text, match.start(), match.end(), width, paragraph, out)
            continue
        used += measure(word)
    out.append(VisualLine(line_start, end, paragraph))
    return out


def _split_long(
    text: str, start: int, end: int, width: int, paragraph: int, out: list[VisualLine]
) -> tuple[int, int]:
    """Break one over-long word into full-width pieces; returns the open last piece."""
    piece_start, used = start, 0
    for index in range(start, end):
        char_width = cell_len(text[index])
        if used + char_width > width:
            out.append(VisualLine(piece_start, index, paragraph))
            piece_start, used = index, 0
        used += char_width
    return piece_start, used
