"""The light-weight match records the engine passes between its parts before building mentions.

A :data:`Record` says what a span is: ``(type, entity_id, canonical, value, unit)``.
A :data:`Span` is ``(start, end, record)`` with ``text[start:end]`` the matched text.
Plain tuples keep the hot matching loop fast; :func:`merge` combines sorted span lists.
"""

from __future__ import annotations

from tui.core.models import EntityType

Record = tuple[EntityType, str, str, float | None, str | None]
Span = tuple[int, int, Record]


def merge(first: list[Span], second: list[Span]) -> list[Span]:
    """Merge two start-sorted, non-overlapping span lists into one without overlaps.

    Where spans overlap the longer one wins; on equal length the one from ``first`` wins.
    """
    if not second:
        return first
    if not first:
        return second
    out: list[Span] = []
    for span in sorted(first + second, key=_order):
        start, end = span[0], span[1]
        index = len(out)
        while index and out[index - 1][1] > start:
            index -= 1
        if all(o[1] - o[0] < end - start for o in out[index:]):
            del out[index:]
            out.append(span)
    return out


def _order(span: Span) -> tuple[int, int]:
    """Sort key: by start, longer first."""
    return span[0], span[0] - span[1]
