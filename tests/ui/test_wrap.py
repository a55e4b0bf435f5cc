"""Word wrap of the article text: lines keep their offsets; the line-at-a-time path matches the
word-at-a-time one wherever every character takes one cell."""

from __future__ import annotations

import random

import pytest

from tui.ui.reader.wrap import _one_cell_each, _wrap_by_lines, _wrap_paragraph, wrap_text

PIECES = ["a", "Iran", "Pakistan’s", "“quoted”", "$10b", "x" * 30, " ", "  ", "\u00a0", "—", "é"]
ASCII_PIECES = [
    "a",
    "Iran",
    "$10b",
    "x" * 30,
    " ",
    "  ",
    "\t",
    "\x0b",
]  # in ASCII, every character is one cell


def _paragraph(rng: random.Random) -> str:
    """A random one-line paragraph of words, runs of spaces and over-long words."""
    pieces = rng.choice([PIECES, ASCII_PIECES])
    return "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "   "]) for _ in range(rng.randint(1, 60)))


@pytest.mark.parametrize("seed", range(40))
def test_line_at_a_time_matches_word_at_a_time(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(50):
        text = rng.choice(["", "  ", "Lead: "]) + _paragraph(rng)
        width = rng.randint(8, 40)
        assert _one_cell_each(text, 0, len(text))
        assert _wrap_by_lines(text, 0, len(text), width, 3) == _wrap_paragraph(
            text, 0, len(text), width, 3
        ), (
            text,
            width,
        )


def test_wide_characters_take_the_word_at_a_time_path() -> None:
    text = "Tehran 德黑兰 and Islamabad"
    assert not _one_cell_each(text, 0, len(text))
    lines = wrap_text(text, 10)
    assert [text[line.start : line.end].rstrip() for line in lines] == ["Tehran", "德黑兰 and", "Islamabad"]


def test_paragraphs_are_separated_by_one_blank_line_and_keep_offsets() -> None:
    text = "First paragraph here.\n\n\nSecond one is a little longer than the width.\n"
    lines = wrap_text(text, 16)
    assert [line.paragraph for line in lines] == [0, 0, -1, 1, 1, 1]
    shown = [text[line.start : line.end] for line in lines]
    assert shown == ["First paragraph ", "here.", "", "Second one is a ", "little longer ", "than the width."]
    assert all(len(piece.rstrip()) <= 16 for piece in shown)
