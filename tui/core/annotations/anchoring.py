"""Finding an annotation's passage in an article's current text, as web annotators do.

In order: the stored offsets, if the text there is still the quote; the exact quote elsewhere,
the occurrence whose surrounding text best matches the stored prefix and suffix (then the one
nearest the old position); an approximate match of the quote (RapidFuzz's best partial
alignment, near the old position first). If none is good enough the annotation is an orphan:
kept, listed with its quote, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.annotations.model import Annotation

#: The lowest RapidFuzz score (0–100) an approximate match needs.
FUZZY_CUTOFF = 80.0
#: Quotes shorter than this are only ever matched exactly.
FUZZY_MIN_LENGTH = 12


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an annotation is in the current text: ``method`` is exact, moved, fuzzy or orphan."""

    annotation: Annotation
    start: int
    end: int
    method: str

    @property
    def orphan(self) -> bool:
        """Whether the passage could not be found."""
        return self.method == "orphan"


def place(annotation: Annotation, text: str, current_hash: str | None = None) -> Placement:
    """Where ``annotation`` is in ``text`` now (``current_hash``: the text's hash, if known).

    On the very text it was made on, the stored offsets hold; on a changed text the exact
    quote is looked for everywhere, best context first, so a passage that moved is followed.
    """
    quote, start, end = annotation.quote, annotation.start, annotation.end
    if not quote:
        return Placement(annotation, 0, 0, "orphan")
    unchanged = current_hash is not None and current_hash == annotation.text_hash
    if unchanged and 0 <= start <= end <= len(text) and text[start:end] == quote:
        return Placement(annotation, start, end, "exact")
    found = find_quote(text, quote, annotation.prefix, annotation.suffix, start)
    if found is not None:
        return Placement(annotation, found, found + len(quote), "exact" if found == start else "moved")
    approximate = _fuzzy(text, quote, start)
    if approximate is not None:
        return Placement(annotation, approximate[0], approximate[1], "fuzzy")
    return Placement(annotation, 0, 0, "orphan")


def find_quote(text: str, quote: str, prefix: str = "", suffix: str = "", near: int = 0) -> int | None:
    """The start of the occurrence of ``quote`` that best fits its context, or None."""
    best: tuple[int, int] | None = None
    best_start: int | None = None
    index = text.find(quote)
    while index >= 0:
        fit = _common_suffix(text[max(0, index - len(prefix)) : index], prefix) + _common_prefix(
            text[index + len(quote) : index + len(quote) + len(suffix)], suffix
        )
        score = (fit, -abs(index - near))
        if best is None or score > best:
            best, best_start = score, index
        index = text.find(quote, index + 1)
    return best_start


def occurrences(text: str, quote: str) -> list[int]:
    """Every start of ``quote`` in ``text`` (overlapping ones included)."""
    found: list[int] = []
    index = text.find(quote) if quote else -1
    while index >= 0:
        found.append(index)
        index = text.find(quote, index + 1)
    return found


def _fuzzy(text: str, quote: str, near: int) -> tuple[int, int] | None:
    """The best approximate match of ``quote``: near the old position first, then anywhere."""
    if len(quote) < FUZZY_MIN_LENGTH:
        return None
    from rapidfuzz import fuzz  # only needed once a text has changed

    window = len(quote) * 4
    low = max(0, near - window)
    for start in (low, 0):
        haystack = text[start : near + len(quote) + window] if start else text
        alignment = fuzz.partial_ratio_alignment(quote, haystack, score_cutoff=FUZZY_CUTOFF)
        if alignment is not None:
            return start + alignment.dest_start, start + alignment.dest_end
        if not start:
            break
    return None


def _common_prefix(a: str, b: str) -> int:
    """The length of the common start of two strings."""
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return size


def _common_suffix(a: str, b: str) -> int:
    """The length of the common end of two strings."""
    return _common_prefix(a[::-1], b[::-1])
