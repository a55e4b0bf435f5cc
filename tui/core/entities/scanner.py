"""The automaton scan, run over a cheap transliteration of the text.

pyahocorasick looks up each character among the children of the current trie node one by
one, so a root with sixty children (every first letter of every key) costs sixty compares
for most characters of the text. The scan therefore runs over a *folded* copy of the text
of the same length (:func:`fold`): ASCII letters, digits, ``$`` and ``%`` are kept and every
other character becomes a space, and each key that starts with a letter or digit is stored
as ``" " + fold(key)``. The root then has three children and most characters leave it at
once. A key stays whole-word on the left by construction; every hit is checked against the
real text (keys whose folding lost something: spaces, apostrophes, accents) and falls back,
like the automaton itself would, to the longest shorter key that matches there. Keys whose
first character folds away and is not a letter ("€", "£") are found with ``str.find``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick  # type: ignore[import-not-found,unused-ignore]

#: A key's match data: ``(kind, size, lb, rb, trim, payload)``; see the matcher.
Value = tuple[int, int, bool, bool, int, Any]
#: One fallback of a folded key: ``(original key or None if the fold proves it, value)``.
Alternative = tuple[str | None, Value]
#: A hit as the scan loop reads it: ``(index, (shift, alternatives))``, start = index - shift.
Hit = tuple[int, tuple[int, tuple[Alternative, ...]]]

_KEPT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789$%")
_TABLE = bytes(code if chr(code) in _KEPT else 32 for code in range(256))
#: Frequent first letters of words in English news text, most frequent first: trie children
#: are searched in insertion order, so keys are added in this order of their first letter.
_FIRST_LETTERS = "tacsopmfiwbdhrlenTgSIPAuvMCykjNBDTHFWqLGERUOKJzVZYQX0123456789$%"
_RANK = {letter: rank for rank, letter in enumerate(_FIRST_LETTERS)}


def fold(text: str) -> str:
    """The text with a leading space, and each character not in [A-Za-z0-9$%] made a space."""
    return (" " + text).encode("ascii", "replace").translate(_TABLE).decode("ascii")


def _folded_key(key: str) -> str:
    """A key as stored: folded, trailing spaces dropped, a leading space if it starts a word."""
    folded = fold(key)[1:].rstrip(" ")
    return " " + folded if key[0].isalnum() else folded


@dataclass(slots=True)
class Scanner:
    """An automaton over folded keys plus the few keys that folding would erase."""

    automaton: Any
    symbols: tuple[tuple[str, Value], ...]

    def hits(self, text: str, folded: str) -> Iterable[Hit]:
        """Every automaton hit in ``text`` (folded as ``folded``), in order of position."""
        found: Iterable[Hit] = self.automaton.iter_long(folded)
        extra = [
            (index, (0, ((None, value),))) for key, value in self.symbols for index in _positions(text, key)
        ]
        if extra:
            found = sorted([*found, *extra], key=_hit_start)
        return found


def _hit_start(hit: Hit) -> int:
    """Sort key: where a hit starts in the text."""
    return hit[0] - hit[1][0]


def _positions(text: str, key: str) -> Iterator[int]:
    """Every start of ``key`` in ``text``."""
    index = text.find(key)
    while index >= 0:
        yield index
        index = text.find(key, index + 1)


def build_scanner(entries: Iterable[tuple[str, Value]]) -> Scanner:
    """Compile ``(key, value)`` entries; on a repeated key the last entry wins."""
    values = dict(entries)
    symbols: list[tuple[str, Value]] = []
    by_fold: dict[str, list[str]] = {}
    for key in values:
        folded = _folded_key(key)
        if not folded.strip() or (not key[0].isalnum() and folded[0] == " "):
            symbols.append((key, values[key]))
        else:
            by_fold.setdefault(folded, []).append(key)
    automaton = ahocorasick.Automaton()
    for folded in sorted(by_fold, key=lambda f: _RANK.get(f.lstrip(" ")[:1], len(_RANK))):
        alternatives: list[tuple[int, int, Alternative]] = []
        for size in range(len(folded), 0, -1):
            for key in by_fold.get(folded[:size], ()):
                proven = all(char in _KEPT for char in key)
                alternatives.append((-size, -len(key), (None if proven else key, values[key])))
        alternatives.sort(key=lambda item: item[:2])
        shift = len(folded) - 1 if folded[0] == " " else len(folded)
        automaton.add_word(folded, (shift, tuple(alt for _, _, alt in alternatives)))
    automaton.make_automaton()
    return Scanner(automaton, tuple(symbols))
