"""Right-to-left lines in visual order with their cell-to-offset map, on the real Persian, Urdu and
Arabic lines of articles 001 and 003 (tui/core/bidi_text.py)."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import bidi
import pytest
from bidi.mirror import MIRRORED
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.core.bidi_text import (
    Levels,
    display_line,
    display_wrapped,
    has_right_to_left,
    paragraph_levels,
    right_to_left_lines,
    shaped,
    visual,
    visual_order,
)
from tui.core.corpus import load_article

ARTICLES = Path(__file__).resolve().parent.parent.parent / "articles"
LARIJANI = "— Ali Larijani | علی لاریجانی (@alilarijani_ir) November 24, 2025"
PERSIAN = "امروز به پاکستان کشور دوست و برادرمان در منطقه سفر میکنم."


def body(name: str) -> str:
    """An article's text, as the reader shows it."""
    return load_article(ARTICLES / name).text


TEXTS = [body("001_837904dac7d69cd7.md"), body("003_ae4195037769579a.md")]
# Every paragraph of the two articles that holds right-to-left text: (text, start, end).
PARAGRAPHS = [(text, start, end) for text in TEXTS for start, end in right_to_left_lines(text)]


def levels_of(text: str, start: int, end: int) -> Levels:
    """The paragraph's levels (python-bidi must give them for these lines)."""
    levels = paragraph_levels(text, start, end)
    assert levels is not None
    return levels


def logical(glyph: str, level_odd: bool = True) -> str:
    """The character a drawn glyph stands for: presentation form and mirrored bracket undone."""
    unmirrored = MIRRORED.get(glyph, glyph) if level_odd else glyph
    return unicodedata.normalize("NFKC", unmirrored)


def test_the_posts_of_articles_001_and_003_are_found_and_nothing_else() -> None:
    found = [TEXTS[0][start:end] for start, end in right_to_left_lines(TEXTS[0])]
    assert found[:2] == [PERSIAN, LARIJANI] and len(found) == 4
    assert all(has_right_to_left(line) for line in found)
    assert right_to_left_lines("Plain English, with “quotes” — and ‘dashes’.\nAnd more.") == []


def test_a_persian_paragraph_is_right_to_left_and_reads_reversed() -> None:
    text = PERSIAN
    line = display_line(text, levels_of(text, 0, len(text)), 0, len(text), shape=False)
    assert line.right_to_left
    assert line.glyphs == text[::-1]  # the full stop at the logical end is drawn leftmost
    assert line.cells == tuple(range(len(text) - 1, -1, -1))


def test_a_mixed_line_is_left_to_right_with_its_persian_run_reversed() -> None:
    line = display_line(LARIJANI, levels_of(LARIJANI, 0, len(LARIJANI)), 0, len(LARIJANI), shape=False)
    assert not line.right_to_left
    assert line.glyphs == LARIJANI.replace("علی لاریجانی", "علی لاریجانی"[::-1])


def test_shaping_joins_letters_one_glyph_for_one_character() -> None:
    word = "پاکستان"
    joined = shaped(word)
    assert len(joined) == len(word) and joined != word
    assert all(0xFB50 <= ord(glyph) <= 0xFEFF for glyph in joined)
    assert unicodedata.normalize("NFKC", joined) == word
    assert len(shaped("لا الله")) == len("لا الله")  # no lam-alef or Allah ligature
    with_joiner = "ه\u200dا"
    assert len(shaped(with_joiner)) == 3 and shaped(with_joiner)[1] == "\u200d"
    assert shaped("Plain text") == "Plain text"


def test_a_flag_and_a_letter_with_its_marks_stay_whole_when_reversed() -> None:
    urdu = "ہم بھائی ہیں، اپنے گھر میں خوش آمدید! 🇮🇷🤝🇵🇰"
    glyphs = display_line(urdu, levels_of(urdu, 0, len(urdu)), 0, len(urdu), shape=False).glyphs
    assert "🇮🇷" in glyphs and "🇵🇰" in glyphs
    marked = "بِسْمِ"  # each letter with its vowel mark after it
    line = display_line(marked, levels_of(marked, 0, len(marked)), 0, len(marked), shape=False)
    assert line.glyphs == "مِسْبِ"  # letters reversed, each mark still after its letter
    assert len(line.cells) == 3 and set(line.cells) == {0, 2, 4}


def test_brackets_inside_right_to_left_text_are_mirrored() -> None:
    text = "ابج (د)"
    line = display_line(text, levels_of(text, 0, len(text)), 0, len(text), shape=False)
    assert line.glyphs == "(د) جبا"


def test_rule_l2_reverses_from_the_highest_level_down() -> None:
    assert visual_order([0, 0, 0]) == [0, 1, 2]
    assert visual_order([1, 1, 1]) == [2, 1, 0]
    assert visual_order([1, 2, 2, 1]) == [3, 1, 2, 0]
    assert visual_order([0, 1, 1, 0, 2]) == [0, 2, 1, 3, 4]


def test_levels_that_cannot_be_read_give_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bidi, "get_display", lambda text, debug=False: "not the expected dump")
    assert paragraph_levels(PERSIAN, 0, len(PERSIAN)) is None


@pytest.mark.parametrize(("text", "start", "end"), PARAGRAPHS)
def test_a_whole_paragraph_reads_as_python_bidi_draws_it(text: str, start: int, end: int) -> None:
    """The reordering matches python-bidi's own (which neither mirrors nor keeps marks with letters)."""
    line = display_line(text, levels_of(text, start, end), start, end, shape=False)
    expected = bidi.get_display(text[start:end])
    drawn = "".join(text[offset] for offset in line.offsets)
    clusters_kept = any(cell_len(character) == 0 or ord(character) > 0xFFFF for character in text[start:end])
    assert drawn == expected or clusters_kept
    assert sorted(drawn) == sorted(expected)


@st.composite
def wrapped_lines(draw: st.DrawFn) -> tuple[str, Levels, int, int]:
    """A piece of a real right-to-left paragraph, as wrapping could cut it."""
    text, start, end = draw(st.sampled_from(PARAGRAPHS))
    line_start = draw(st.integers(start, end))
    line_end = draw(st.integers(line_start, end))
    return text, levels_of(text, start, end), line_start, line_end


@given(wrapped_lines(), st.booleans())
def test_every_line_maps_each_cell_to_one_of_its_own_offsets(
    line: tuple[str, Levels, int, int], shape: bool
) -> None:
    text, levels, start, end = line
    drawn = display_line(text, levels, start, end, shape)
    # The offsets are a permutation of the line's, and every cell is one of them.
    assert sorted(drawn.offsets) == list(range(start, end))
    assert set(drawn.cells) <= set(drawn.offsets)
    assert len(drawn.cells) == sum(cell_len(glyph) for glyph in drawn.glyphs)
    # The logical text round-trips: each glyph put back at its offset, shaping and mirroring undone.
    restored = dict(zip(drawn.offsets, drawn.glyphs, strict=True))
    for offset in range(start, end):
        odd = levels.levels[offset - levels.start] % 2 == 1
        assert logical(restored[offset], odd) == unicodedata.normalize("NFKC", text[offset])


@given(st.text(st.characters(codec="ascii", exclude_categories=["Cc"]), max_size=80))
def test_a_left_to_right_line_is_drawn_as_it_is(text: str) -> None:
    levels = paragraph_levels(text, 0, len(text))
    assert levels is not None
    drawn = display_line(text, levels, 0, len(text))
    assert drawn.glyphs == text and drawn.offsets == tuple(range(len(text)))
    assert not drawn.right_to_left and not has_right_to_left(text)


def test_left_to_right_lines_of_the_articles_are_drawn_as_they_are() -> None:
    text, start, end = PARAGRAPHS[1]  # the Larijani line: left-to-right with a Persian run
    levels = levels_of(text, start, end)
    english = text.index("(@alilarijani_ir)")
    drawn = display_line(text, levels, english, end)
    assert drawn.glyphs == text[english:end] and drawn.offsets == tuple(range(english, end))


def test_starting_the_app_imports_neither_python_bidi_nor_the_reshaper() -> None:
    """They are imported on the first line of right-to-left text, not at start-up."""
    code = (
        "import sys, tui.cli.main, tui.ui.app; print(sorted({'bidi', 'arabic_reshaper'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def drawn_alone(text: str) -> str:
    """A line of its own, in visual order, unshaped."""
    return display_line(text, levels_of(text, 0, len(text)), 0, len(text), shape=False).glyphs


def without_joiners(text: str) -> str:
    """``text`` with its zero-width joiners taken out (python-bidi reverses them as letters; here they
    stay after the letter they follow, which has no width either way)."""
    return text.replace("\u200d", "").replace("\u200c", "")


@pytest.mark.parametrize(
    "text",
    ["سل\u200dام دنیا", "سلام\u200d دنیا"],
    ids=["joiner-inside-a-word", "joiner-before-a-space"],
)
def test_a_joiner_joins_only_the_letter_before_it(text: str) -> None:
    """Only the joiner goes with the letter before it: the letter after it and a space after it are
    reordered on their own, as python-bidi reorders them."""
    glyphs = drawn_alone(text)
    assert without_joiners(glyphs) == without_joiners(bidi.get_display(text))
    joiner = next(character for character in text if character in "\u200d\u200c")
    before = text[text.index(joiner) - 1]
    assert before + joiner in glyphs  # still after its letter


def test_a_tab_between_words_is_not_drawn_inside_one_and_emoji_sequences_stay_whole() -> None:
    text = "سلام\tabc"
    assert drawn_alone(text) == bidi.get_display(text) == "abc\tمالس"
    # A joiner between two emoji makes them one, as it does not between letters.
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man, woman, girl: one emoji
    text = f"سلام {family} دنیا"
    assert family in drawn_alone(text)
    thumbs = "\U0001f44d\U0001f3fd"  # a thumb with its skin tone
    assert thumbs in drawn_alone(f"سلام {thumbs}")
    keycap = "\u2764\ufe0f"  # a heart with its emoji variation selector
    assert keycap in drawn_alone(f"سلام {keycap} دنیا")


def test_visual_is_one_line_as_drawn_and_plain_text_is_left_alone() -> None:
    assert visual(PERSIAN, shape=False) == PERSIAN[::-1]
    assert visual(PERSIAN) == shaped(PERSIAN)[::-1]
    assert visual(LARIJANI, shape=False) == LARIJANI.replace("علی لاریجانی", "علی لاریجانی"[::-1])
    assert visual(f"{PERSIAN}\n{PERSIAN}", shape=False) == f"{PERSIAN[::-1]}\n{PERSIAN[::-1]}"
    plain = "Plain English (with brackets) — and\ttabs"
    assert visual(plain) is plain


def test_isolated_text_keeps_its_own_direction_and_the_isolates_are_not_drawn() -> None:
    """A quote isolated (FSI … PDI) in a left-to-right line reads right to left inside it, its full
    stop on its left, and the line's own words stay where they are."""
    line = f"¶3 “\u2068{PERSIAN}\u2069” tagged"
    assert visual(line, shape=False) == f"¶3 “{PERSIAN[::-1]}” tagged"


def test_wrapped_lines_take_the_paragraphs_direction() -> None:
    """Each wrapped line is reordered alone, with the levels of its whole paragraph."""
    cut = PERSIAN.index("کشور")
    lines = display_wrapped(PERSIAN, [(0, cut - 1), (cut, len(PERSIAN))], shape=False)
    assert lines is not None
    assert [line.glyphs for line in lines] == [PERSIAN[: cut - 1][::-1], PERSIAN[cut:][::-1]]
    assert all(line.right_to_left for line in lines)
    assert display_wrapped("Plain English", [(0, 5), (6, 13)]) is None
