"""Right-to-left text for terminals that do not reorder it: each wrapped line in visual order by
the Unicode bidirectional algorithm (UAX #9), with the text offset under every screen cell.

Display only. The text, its offsets, selections, quotes and exports stay in logical order and
unshaped; what :func:`display_line` returns is drawn, and mapped back to the text through its
``offsets`` and ``cells``. The embedding levels come from python-bidi (its Rust implementation,
whose ``get_display`` gives no index map but does give the levels it resolved); the rules that
depend on the line (L1, L2, L3's keeping of a letter with its marks, L4's mirrored brackets) are
applied here, per wrapped line, so a paragraph's direction is its own (P2, P3) whatever line
it is cut into. python-bidi and arabic-reshaper are imported on the first line that needs them:
lines with no right-to-left character never come here (see :func:`right_to_left_lines`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from arabic_reshaper import ArabicReshaper

BidiMode = Literal["app", "terminal"]
#: "app": the reader reorders and shapes right-to-left lines itself (tmux, xterm, most terminals);
#: "terminal": it draws the text in logical order, for terminals that reorder it (VTE, Konsole, mlterm).
BIDI_MODES: tuple[BidiMode, ...] = ("app", "terminal")

# Characters of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, … and their
# presentation forms) or a right-to-left mark, embedding or isolate.
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\u200f\u202b\u202e\u2067\ufb1d-\ufdff\ufe70-\ufefe"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
# Patterns only lines of right-to-left text need: compiled (and cached by re) on first use.
_ARABIC_SCRIPT = "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]"
_LEVEL = r"Level\(\s*(\d+),?\s*\)"
_ZWJ = "\u200d"
_JOINERS = frozenset({_ZWJ, "\u200c"})
# Combining marks (nonspacing, spacing, enclosing): drawn with the character before them.
_MARKS = frozenset({"Mn", "Mc", "Me"})
# Explicit embeddings, overrides and isolates: they steer the order and are not drawn. (Article text
# never holds them: safe_text shows them as symbols; the UI puts isolates around quotes in its rows.)
_UNDRAWN = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Extended_Pictographic (Unicode emoji-data), as (first, last) ranges in order.
# fmt: off
_PICTOGRAPHIC: tuple[tuple[int, int], ...] = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122),
    (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA), (0x231A, 0x231B), (0x2328, 0x2328),
    (0x2388, 0x2388), (0x23CF, 0x23CF), (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2),
    (0x25AA, 0x25AB), (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2605),
    (0x2607, 0x2612), (0x2614, 0x2685), (0x2690, 0x2705), (0x2708, 0x2712), (0x2714, 0x2714),
    (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721), (0x2728, 0x2728), (0x2733, 0x2734),
    (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
    (0x2757, 0x2757), (0x2763, 0x2767), (0x2795, 0x2797), (0x27A1, 0x27A1), (0x27B0, 0x27B0),
    (0x27BF, 0x27BF), (0x2934, 0x2935), (0x2B05, 0x2B07), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50),
    (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D), (0x3297, 0x3297), (0x3299, 0x3299),
    (0x1F000, 0x1F0FF), (0x1F10D, 0x1F10F), (0x1F12F, 0x1F12F), (0x1F16C, 0x1F171), (0x1F17E, 0x1F17F),
    (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F1AD, 0x1F1E5), (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A),
    (0x1F22F, 0x1F22F), (0x1F232, 0x1F23A), (0x1F23C, 0x1F23F), (0x1F249, 0x1F3FA), (0x1F400, 0x1F53D),
    (0x1F546, 0x1F64F), (0x1F680, 0x1F6FF), (0x1F774, 0x1F77F), (0x1F7D5, 0x1F7FF), (0x1F80C, 0x1F80F),
    (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F), (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8FF), (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945), (0x1F947, 0x1FAFF), (0x1FC00, 0x1FFFD),
)
# fmt: on
_PICTOGRAPHIC_STARTS = tuple(first for first, _ in _PICTOGRAPHIC)
# Line-end whitespace and separators whose level rule L1 resets to the paragraph's.
_RESET_TYPES = frozenset({"WS", "FSI", "LRI", "RLI", "PDI", "BN"})
_SEPARATOR_TYPES = frozenset({"S", "B"})


class Levels(NamedTuple):
    """One paragraph's resolved embedding levels (UAX #9 up to rule I2): even is left-to-right."""

    start: int
    """The paragraph's offset in the text."""
    base: int
    """The paragraph level: 0 left-to-right, 1 right-to-left (its first strong character, P2/P3)."""
    levels: tuple[int, ...]
    """One level per character of the paragraph."""


class DisplayLine(NamedTuple):
    """One line as drawn, left to right, and where each of its glyphs and cells comes from."""

    glyphs: str
    """The line's characters in visual order, mirrored where right-to-left and shaped if asked."""
    offsets: tuple[int, ...]
    """The text offset of each glyph."""
    cells: tuple[int, ...]
    """The text offset under each screen cell, left to right (a wide glyph fills two, a mark none)."""
    right_to_left: bool
    """The paragraph's direction: a right-to-left paragraph is aligned to the right."""


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` holds any right-to-left character."""
    return _RIGHT_TO_LEFT.search(text) is not None


def right_to_left_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every line of ``text`` (a paragraph, between newlines) that holds a
    right-to-left character, in text order; one regular-expression scan, [] for most articles."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (found := _RIGHT_TO_LEFT.search(text, position)) is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        spans.append((start, end))
        position = end + 1
    return spans


def visual(text: str, shape: bool = True) -> str:
    """``text`` (one line, or lines already wrapped: each reordered alone, as its own paragraph) as a
    terminal that does not reorder must be given it: right-to-left runs in visual order, Arabic
    letters joined if ``shape``. Text with no right-to-left character comes back as it is, found by
    one regular-expression search (python-bidi is not imported for it)."""
    if _RIGHT_TO_LEFT.search(text) is None:
        return text
    drawn: list[str] = []
    for line in text.split("\n"):
        lines = display_wrapped(line, [(0, len(line))], shape)
        drawn.append(line if lines is None else lines[0].glyphs)
    return "\n".join(drawn)


def display_wrapped(
    paragraph: str, lines: Sequence[tuple[int, int]], shape: bool = True
) -> list[DisplayLine] | None:
    """The ``lines`` (start, end) that ``paragraph`` (no newline in it) was wrapped into, each as
    drawn, with the levels of the whole paragraph (so its direction is its own whatever the line);
    None if it holds no right-to-left character or python-bidi does not give its levels."""
    if _RIGHT_TO_LEFT.search(paragraph) is None:
        return None
    levels = paragraph_levels(paragraph, 0, len(paragraph))
    if levels is None:
        return None
    return [display_line(paragraph, levels, start, end, shape) for start, end in lines]


def paragraph_levels(text: str, start: int, end: int) -> Levels | None:
    """The resolved levels of the paragraph ``text[start:end]`` (no newline in it); None if
    python-bidi does not give them in the form this reads (a version that changed it)."""
    from bidi import get_base_level, get_display

    paragraph = text[start:end]
    if not paragraph:
        return Levels(start, 0, ())
    # With debug=True the Rust implementation returns what it resolved, levels one per UTF-8 byte.
    dump = str(get_display(paragraph, debug=True))
    begin, finish = dump.find("levels: ["), dump.find("paragraphs:")
    if begin < 0 or finish < begin:
        return None
    by_byte = [int(level) for level in re.compile(_LEVEL).findall(dump, begin, finish)]
    levels: list[int] = []
    byte = 0
    for character in paragraph:
        if byte >= len(by_byte):
            return None
        levels.append(by_byte[byte])
        byte += len(character.encode("utf-8"))
    if byte != len(by_byte):
        return None
    return Levels(start, int(get_base_level(paragraph)), tuple(levels))


def display_line(text: str, paragraph: Levels, start: int, end: int, shape: bool = True) -> DisplayLine:
    """``text[start:end]``, one wrapped line of ``paragraph``, as drawn left to right.

    ``shape``: Arabic-script letters in their joined presentation forms, for terminals that do not
    join them (one glyph for one character, so the offsets hold). Embedding and isolate controls
    have no glyph: they steer the order only.
    """
    from rich.cells import cell_len  # here: the command line imports this module for BIDI_MODES alone

    line = text[start:end]
    within = paragraph.levels[start - paragraph.start : end - paragraph.start]
    levels = _line_levels(line, list(within), paragraph.base)
    clusters = _clusters(line)
    cluster_levels = [levels[first] for first, _ in clusters]
    source = shaped(line) if shape else line
    mirrors = _mirrors()
    glyphs: list[str] = []
    offsets: list[int] = []
    cells: list[int] = []
    for cluster in visual_order(cluster_levels):
        first, last = clusters[cluster]
        for index in range(first, last):
            glyph = source[index]
            if glyph in _UNDRAWN:
                continue
            if levels[index] % 2:
                glyph = mirrors.get(glyph, glyph)
            glyphs.append(glyph)
            offsets.append(start + index)
            cells.extend([start + index] * cell_len(glyph))
    return DisplayLine("".join(glyphs), tuple(offsets), tuple(cells), paragraph.base % 2 == 1)


def visual_order(levels: list[int]) -> list[int]:
    """Rule L2: the indices of ``levels`` in visual order. From the highest level down to the lowest
    odd one, every run of items at that level or above is reversed."""
    order = list(range(len(levels)))
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    for level in range(max(levels), min(odd) - 1, -1):
        position = 0
        while position < len(order):
            if levels[order[position]] < level:
                position += 1
                continue
            run_end = position
            while run_end < len(order) and levels[order[run_end]] >= level:
                run_end += 1
            order[position:run_end] = order[position:run_end][::-1]
            position = run_end
    return order


def _line_levels(line: str, levels: list[int], base: int) -> list[int]:
    """Rule L1 on one line: separators, and whitespace before them or at the line's end, take the
    paragraph level (so a right-to-left line's trailing space stays at its logical end)."""
    resetting = True  # from the line's end backwards
    for index in range(len(line) - 1, -1, -1):
        kind = unicodedata.bidirectional(line[index])
        if kind in _SEPARATOR_TYPES:
            levels[index] = base
            resetting = True
        elif resetting and kind in _RESET_TYPES:
            levels[index] = base
        else:
            resetting = False
    return levels


def _clusters(line: str) -> list[tuple[int, int]]:
    """The line cut into what is drawn as one (a simplified grapheme cluster): a character with the
    marks and joiners after it, an emoji with its modifiers or joined emoji, a pair of regional
    indicators (a flag). Reordered whole, so a mark stays after its letter (L3) and 🇮🇷 stays 🇮🇷."""
    clusters: list[tuple[int, int]] = []
    for index, character in enumerate(line):
        if clusters and _continues(line, clusters[-1], index, character):
            clusters[-1] = (clusters[-1][0], index + 1)
        else:
            clusters.append((index, index + 1))
    return clusters


def _continues(line: str, cluster: tuple[int, int], index: int, character: str) -> bool:
    """Whether ``character`` (at ``index``) belongs to the cluster before it: a combining mark, a
    variation selector, a joiner, a skin tone; an emoji after a joiner that follows an emoji (one
    emoji made of several); the second half of a flag. A letter after a joiner, a space, a tab are
    reordered on their own."""
    code = ord(character)
    if (
        character in _JOINERS
        or unicodedata.category(character) in _MARKS
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or 0x1F3FB <= code <= 0x1F3FF
    ):
        return True
    if line[index - 1] == _ZWJ and _pictographic(code) and _pictographic(ord(line[cluster[0]])):
        return True
    # A second regional indicator makes a flag with a lone one before it.
    return _regional(code) and cluster[1] - cluster[0] == 1 and _regional(ord(line[cluster[0]]))


def _pictographic(code: int) -> bool:
    """Whether ``code`` is Extended_Pictographic (an emoji, or a symbol that can be one)."""
    found = bisect_right(_PICTOGRAPHIC_STARTS, code) - 1
    return found >= 0 and code <= _PICTOGRAPHIC[found][1]


def _regional(code: int) -> bool:
    """Whether ``code`` is a regional indicator symbol (half of a flag)."""
    return 0x1F1E6 <= code <= 0x1F1FF


def shaped(text: str) -> str:
    """``text`` with its Arabic-script letters in the presentation form their neighbours call for
    (isolated, initial, medial, final), one character for one; for display only.

    The reshaper is set to keep marks and tatweel and to make no ligatures (lam-alef would make two
    letters one); it drops zero-width joiners, which go back where they were. Should the length still
    differ, the text is returned unshaped rather than with offsets that no longer hold.
    """
    if re.search(_ARABIC_SCRIPT, text) is None:
        return text
    result = _reshaper().reshape(text)
    if len(result) != len(text) and len(result) + text.count(_ZWJ) == len(text):
        rest = iter(result)
        result = "".join(_ZWJ if character == _ZWJ else next(rest) for character in text)
    return result if len(result) == len(text) else text


@cache
def _reshaper() -> ArabicReshaper:
    """arabic-reshaper, set to map one character to one (imported on the first Arabic-script line)."""
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(
        configuration={
            "delete_harakat": False,
            "shift_harakat_position": False,
            "delete_tatweel": False,
            "support_ligatures": False,
        }
    )


@cache
def _mirrors() -> dict[str, str]:
    """Rule L4's mirrored glyphs (python-bidi's table; its Rust ``get_display`` leaves them unmirrored)."""
    from bidi.mirror import MIRRORED

    return dict(MIRRORED)
