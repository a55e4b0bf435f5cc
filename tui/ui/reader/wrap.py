"""Word-wrapping article text into visual lines that keep their character offsets."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*|\s+")
_NON_SPACE = re.compile(r"\S")
_TO_LAST_SPACE = re.compile(r".*\s", re.DOTALL)
_TOKEN = re.compile(r"\S*\s*")


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
        if _one_cell_each(text, start, end):
            lines.extend(_wrap_by_lines(text, start, end, width, paragraph))
        else:
            lines.extend(_wrap_paragraph(text, start, end, width, paragraph))
        paragraph += 1
    return lines


def _one_cell_each(text: str, start: int, end: int) -> bool:
    """Whether every character of ``text[start:end]`` takes one cell (as ASCII is counted here)."""
    part = text[start:end]
    return part.isascii() or all(cell_len(character) == 1 for character in set(part))


def _wrap_by_lines(text: str, start: int, end: int, width: int, paragraph: int) -> list[VisualLine]:
    """The lines :func:`_wrap_paragraph` makes when every character takes one cell, found a line
    at a time rather than a word at a time (a few times faster on a long article).

    A word goes on the line if it ends within ``width`` cells of the line's start, so the line
    breaks before the first word ending past that limit; if that word starts the line, it is cut
    (with its trailing spaces) into full-width pieces and the line goes on from the last one.
    """
    out: list[VisualLine] = []
    line_start = start
    while (limit := line_start + width) < end:
        if text[limit].isspace():  # every word up to the limit fits: break before the next one
            after = _NON_SPACE.search(text, limit, end)
            if after is None:
                break
            cut = after.start()
        else:  # break before the word running past the limit
            spaces = _TO_LAST_SPACE.match(text, line_start, limit)
            cut = line_start if spaces is None else spaces.end()
            if cut == line_start:
                token = _TOKEN.match(text, limit, end)  # the rest of the word and its spaces
                token_end = token.end() if token is not None else end
                while token_end - line_start > width:
                    out.append(VisualLine(line_start, line_start + width, paragraph))
                    line_start += width
                continue
        out.append(VisualLine(line_start, cut, paragraph))
        line_start = cut
    out.append(VisualLine(line_start, end, paragraph))
    return out


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
            line_start, used = _split_long(text, match.start(), match.end(), width, paragraph, out, measure)
            continue
        used += measure(word)
    out.append(VisualLine(line_start, end, paragraph))
    return out


def _split_long(
    text: str,
    start: int,
    end: int,
    width: int,
    paragraph: int,
    out: list[VisualLine],
    measure: Callable[[str], int],
) -> tuple[int, int]:
    """Break one over-long word into full-width pieces; returns the open last piece."""
    piece_start, used = start, 0
    for index in range(start, end):
        char_width = measure(text[index])
        if used + char_width > width:
            out.append(VisualLine(piece_start, index, paragraph))
            piece_start, used = index, 0
        used += char_width
    return piece_start, used
