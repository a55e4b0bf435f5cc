"""The light-weight match records the engine passes between its parts before building mentions.

A :data:`Record` says what a span is: ``(type, entity_id, canonical, value, unit)``.
A :data:`Span` is ``(start, end, record)`` with ``text[start:end]`` the matched text.
Plain tuples keep the hot matching loop fast; :func:`merge` combines sorted span lists.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import itemgetter

from tui.core.models import EntityType

Record = tuple[EntityType, str, str, float | None, str | None]
Span = tuple[int, int, Record]


def merge(first: list[Span], second: list[Span]) -> list[Span]:
    """Merge two start-sorted, non-overlapping span lists into one without overlaps.

    Where spans overlap the longer one wins; on equal length the one from ``first`` wins.
    ``second`` is expected to be the short list: each of its spans is placed by bisection.
    """
    if not second:
        return first
    starts = list(map(_start, first))
    dropped: set[int] = set()
    added: list[Span] = []
    for span in second:
        start, end = span[0], span[1]
        low = bisect_left(starts, start)
        if low and first[low - 1][1] > start:
            low -= 1
        high = bisect_left(starts, end, low)
        rivals = [i for i in range(low, high) if i not in dropped]
        length = end - start
        if all(first[i][1] - first[i][0] < length for i in rivals) and (not added or added[-1][1] <= start):
            dropped.update(rivals)
            added.append(span)
    kept = [span for i, span in enumerate(first) if i not in dropped] if dropped else list(first)
    kept.extend(added)
    kept.sort(key=_start)
    return kept


#: Sort key: a span's start offset (in C: a Python function costs a call per span).
_start = itemgetter(0)


#: One int object per text offset, shared by every mention that starts or ends there.
_OFFSETS: list[int] = []


def offsets(length: int) -> list[int]:
    """A list whose item ``i`` is the number ``i``, for every offset of a text of ``length`` characters.

    Mentions take their start and end from it, so a large corpus keeps one int object per offset
    rather than two per mention (two fifths of the mentions' memory). It grows as longer texts
    come; appending to a list is atomic, so threads may share it.
    """
    if len(_OFFSETS) <= length:
        _OFFSETS.extend(range(len(_OFFSETS), length + 1))
    return _OFFSETS
