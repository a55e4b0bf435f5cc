"""Finding a tag by typing part of its name: exact, prefix, word-prefix, substring, then fuzzy matches."""

from __future__ import annotations

import re
from collections.abc import Sequence

FUZZY_CUTOFF = 75
"""The lowest rapidfuzz ``WRatio`` a fuzzy match needs: ``regional-tenson`` finds ``regional-tension``
(97), while ``reg`` leaves ``refugees`` and ``religion`` (72) out."""

FUZZY_WINDOW = 15
"""How far below the best fuzzy score a fuzzy match may be: a near-exact typo (``regional-tenson``, 97)
does not bring in a name that merely shares letters (``religion``, 77)."""

_SEPARATORS = re.compile(r"[\W_]+")


def rank_tags(query: str, names: Sequence[str], limit: int | None = None) -> list[str]:
    """The names that match ``query``, best first, at most ``limit`` of them.

    The order: the name equal to the query, names equal to it ignoring case, then names starting with
    it, names with a word starting with it (``sec`` finds ``framing/security``), names containing it,
    and last the names rapidfuzz finds close to it (typos). Case is ignored and ``-``, ``/``, ``_`` and
    spaces count alike as word separators. Names of one kind keep their order in ``names`` (the
    codebook's); fuzzy matches go by score. An empty query matches every name, in the given order.
    """
    distinct = list(dict.fromkeys(names))
    if not query.strip():
        # A blank name in the codebook is still the exact match of a blank query.
        ranked = sorted(distinct, key=lambda name: name != query)
    else:
        ranked = _ranked(query, distinct)
    return ranked if limit is None else ranked[:limit]


def _ranked(query: str, names: list[str]) -> list[str]:
    """The names (distinct) that match a query with something besides spaces in it, best first."""
    folded = query.strip().casefold()
    words = _words(query)
    tiers: list[list[str]] = [[] for _ in range(6)]
    rest: list[str] = []
    for name in names:
        tier = _tier(query, folded, words, name)
        if tier is None:
            rest.append(name)
        else:
            tiers[tier].append(name)
    matched = [name for tier in tiers for name in tier]
    if words:
        matched.extend(_fuzzy(words, rest))
    return matched


def _tier(query: str, folded: str, words: str, name: str) -> int | None:
    """How well ``name`` matches the query, 0 (the same) to 5 (contains it), or None (not like this)."""
    if name == query:
        return 0
    name_folded = name.casefold()
    if name_folded == folded:
        return 1
    if not words:
        # A query of punctuation alone ("/") can only be looked for as it is.
        return 5 if folded in name_folded else None
    name_words = _words(name)
    if name_words == words:
        return 2
    if name_words.startswith(words):
        return 3
    if f" {name_words}".find(f" {words}") >= 0:
        return 4
    if words in name_words:
        return 5
    return None


def _fuzzy(words: str, names: list[str]) -> list[str]:
    """The ``names`` rapidfuzz finds close to the query's ``words``, closest first (ties in order)."""
    from rapidfuzz import fuzz, process  # only once the plain matches are done

    found = process.extract(
        words, [_words(name) for name in names], scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF, limit=None
    )
    if not found:
        return []
    best = max(score for _, score, _ in found)
    close = sorted(
        ((score, index) for _, score, index in found if score >= best - FUZZY_WINDOW),
        key=lambda match: (-match[0], match[1]),
    )
    return [names[index] for _, index in close]


def _words(text: str) -> str:
    """``text`` casefolded, its separators (anything but letters and digits) made single spaces."""
    return _SEPARATORS.sub(" ", text.casefold()).strip()
