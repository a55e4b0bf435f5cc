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
    if f" {name_words}".find(f" {words}") >= 0 or _abbreviates(words, name_words):
        return 4
    if words in name_words:
        return 5
    return None


def _abbreviates(words: str, name_words: str) -> bool:
    """Whether each of two or more query words starts a word of the name, in order: "sec coop" is
    "security cooperation"."""
    wanted = words.split()
    if len(wanted) < 2:
        return False
    remaining = iter(name_words.split())
    return all(any(word.startswith(part) for word in remaining) for part in wanted)


def _fuzzy(words: str, names: list[str]) -> list[str]:
    """The ``names`` rapidfuzz finds close to the query's ``words``, closest first (ties in order).

    A name scores its whole-name ``WRatio``, or, for a query of one word of four letters or more,
    its closest word's ``ratio``: a typo of one word of a longer name ("trde" for "trade-economy")
    weighs little against the whole name. Shorter queries are too easily like any word."""
    from rapidfuzz import fuzz  # only once the plain matches are done

    single = " " not in words and len(words) >= 4
    found: list[tuple[float, float, int]] = []  # (score, whole-name score, index)
    for index, name in enumerate(names):
        name_words = _words(name)
        whole = fuzz.WRatio(words, name_words)
        score = max([whole, *(fuzz.ratio(words, word) for word in name_words.split())]) if single else whole
        if score >= FUZZY_CUTOFF:
            found.append((score, whole, index))
    if not found:
        return []
    best = max(score for score, _, _ in found)
    close = [match for match in found if match[0] >= best - FUZZY_WINDOW]
    close.sort(key=lambda match: (-match[0], -match[1], match[2]))  # on a tie, the closer whole name
    return [names[index] for _, _, index in close]


def _words(text: str) -> str:
    """``text`` casefolded, its separators (anything but letters and digits) made single spaces."""
    return _SEPARATORS.sub(" ", text.casefold()).strip()
