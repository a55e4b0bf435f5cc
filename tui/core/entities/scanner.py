"""The automaton scan, run over a cheap transliteration of the text.

The scan runs over a *folded* copy of the text, one character longer (:func:`fold`): a
leading space, then the text with ASCII letters, digits, ``$`` and ``%`` kept and every other
character made a space. Each key that starts with a letter or digit is stored as
``" " + fold(key)``, so it can only start a word, and ahocorasick_rs finds the leftmost-longest
non-overlapping folded keys. Keys whose first character folds away and is not a letter
("€", "£") are found with ``str.find``.

A hit of a plain entity key that starts and ends with a letter or digit, whose folding only
replaced characters (no trailing ones dropped) and which has no title to trim is taken in
bulk: checking the real characters on either side of it (folding makes "é" a space) and, if
its folding changed anything (a space, an apostrophe, an accent), that the real text holds the
key. Every other hit, an anchor for the date, amount and discovery recognisers or a checked
key not found as written, is a *slow* hit: the caller checks it against the real text, falling
back, like the automaton would, to the longest shorter key that matches there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from ahocorasick_rs import BytesAhoCorasick, Implementation, MatchKind

#: A key's match data: ``(kind, size, lb, rb, trim, payload)``; see the matcher.
Value = tuple[int, int, bool, bool, int, Any]
#: One fallback of a folded key: ``(original key or None if the fold proves it, value)``.
Alternative = tuple[str | None, Value]
#: A slow hit: ``(start in the text, alternatives, longest first)``.
Hit = tuple[int, tuple[Alternative, ...]]
#: A fast hit's span: ``(start, end, payload)``.
FastSpan = tuple[int, int, Any]

_KEPT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789$%")
_TABLE = bytes(code if chr(code) in _KEPT else 32 for code in range(256))


def fold(text: str) -> bytes:
    """The text as ASCII bytes with a leading space, and each character not in [A-Za-z0-9$%] a space.

    Bytes, not a str: the automaton runs a quarter faster over bytes than over an ASCII str.
    """
    return (" " + text).encode("ascii", "replace").translate(_TABLE)


def _folded_key(key: str) -> str:
    """A key as stored: folded, trailing spaces dropped, a leading space if it starts a word."""
    folded = fold(key)[1:].decode("ascii").rstrip(" ")
    return " " + folded if key[0].isalnum() else folded


@dataclass(slots=True)
class Scanner:
    """An automaton over folded keys plus the few keys that folding would erase.

    Per automaton pattern: ``offsets`` (the text start is the folded start minus it),
    ``alternatives``, the payload in ``fast`` if it can be taken on the fast path (else
    None) and in ``checks`` the key to find in the real text first (empty if the fold proves it).
    The patterns are numbered by kind: the fast ones the fold proves below ``proven``, the other
    fast ones below ``checked``, then the slow ones; so the hits are sorted by their numbers alone.
    """

    automaton: BytesAhoCorasick
    offsets: tuple[int, ...]
    alternatives: tuple[tuple[Alternative, ...], ...]
    fast: tuple[Any, ...]
    checks: tuple[str, ...]
    symbols: tuple[tuple[str, Value], ...]
    proven: int
    checked: int

    def hits(self, text: str, folded: bytes) -> tuple[list[FastSpan], list[Hit]]:
        """The fast spans and the slow hits in ``text`` (folded as ``folded``), each in text order.

        A fast span is kept only if no letter or digit touches it, the check the slow path
        makes too; it still has to yield to the slow hits' spans (see :func:`.passes.scan`).
        """
        matches = self.automaton.find_matches_as_indexes(folded)
        fast, checks, startswith = self.fast, self.checks, text.startswith
        proven, checked = self.proven, self.checked
        # A fast key's text span is folded [s, e) less its leading space: text [s, e - 1);
        # the characters around it are text[s - 1] and text[e - 1] (empty slices at the ends).
        spans = [
            (s, e - 1, fast[i])
            for i, s, e in matches
            if (i < proven or (i < checked and startswith(checks[i], s)))
            and not text[e - 1 : e].isalnum()
            and not text[s - 1 : s].isalnum()
        ]
        offsets, alternatives = self.offsets, self.alternatives
        slow = [
            (s - offsets[i], alternatives[i])
            for i, s, _ in matches
            if i >= checked or (i >= proven and not startswith(checks[i], s))
        ]
        extra = [(index, ((None, value),)) for key, value in self.symbols for index in _positions(text, key)]
        if extra:
            slow = sorted([*slow, *extra], key=_hit_start)
        return spans, slow


#: Sort key: where a hit starts in the text.
_hit_start = itemgetter(0)


def _positions(text: str, key: str) -> Iterator[int]:
    """Every start of ``key`` in ``text``."""
    index = text.find(key)
    while index >= 0:
        yield index
        index = text.find(key, index + 1)


def build_scanner(entries: Iterable[tuple[str, Value]], fast_kind: int) -> Scanner:
    """Compile ``(key, value)`` entries; on a repeated key the last entry wins.

    Only keys of ``fast_kind`` (plain entity names) can be taken on the fast path.
    """
    values = dict(entries)
    symbols: list[tuple[str, Value]] = []
    by_fold: dict[str, list[str]] = {}
    for key in values:
        folded = _folded_key(key)
        if not folded.strip() or (not key[0].isalnum() and folded[0] == " "):
            symbols.append((key, values[key]))
        else:
            by_fold.setdefault(folded, []).append(key)
    offsets: list[int] = []
    all_alternatives: list[tuple[Alternative, ...]] = []
    fast: list[Any] = []
    checks: list[str] = []
    for folded in by_fold:
        ranked: list[tuple[int, int, Alternative]] = []
        for size in range(len(folded), 0, -1):
            for key in by_fold.get(folded[:size], ()):
                proven = all(char in _KEPT for char in key)
                ranked.append((-size, -len(key), (None if proven else key, values[key])))
        ranked.sort(key=lambda item: item[:2])
        alternatives = tuple(alt for _, _, alt in ranked)
        offsets.append(0 if folded[0] == " " else 1)
        all_alternatives.append(alternatives)
        fast.append(_fast_payload(folded, alternatives[0], fast_kind))
        checks.append(alternatives[0][0] or "")
    # Number the patterns by kind (see Scanner); leftmost-longest matching does not depend on the order.
    order = sorted(range(len(fast)), key=lambda i: 2 if fast[i] is None else 1 if checks[i] else 0)
    proven_count = sum(1 for i in order if fast[i] is not None and not checks[i])
    fast_count = sum(1 for i in order if fast[i] is not None)
    keys = [folded.encode("ascii") for folded in by_fold]
    automaton = BytesAhoCorasick(
        [keys[i] for i in order], matchkind=MatchKind.LeftmostLongest, implementation=Implementation.DFA
    )
    return Scanner(
        automaton,
        tuple(offsets[i] for i in order),
        tuple(all_alternatives[i] for i in order),
        tuple(fast[i] for i in order),
        tuple(checks[i] for i in order),
        tuple(symbols),
        proven_count,
        fast_count,
    )


def _fast_payload(folded: str, first: Alternative, fast_kind: int) -> Any:
    """The payload of a key its hits can be taken with for the fast path, else None.

    That is an entity key (the first alternative, taken whenever the real text holds it) which
    starts and ends with a letter or digit, folds to one character more (the leading space:
    the automaton match then spans the key exactly) and has no title to trim.
    """
    _, (kind, size, lb, rb, trim, payload) = first
    if kind == fast_kind and folded[0] == " " and len(folded) == size + 1 and lb and rb and not trim:
        return payload
    return None
