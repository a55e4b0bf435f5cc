"""Highlight layers over a text, cut into the styled segments of one visual line on demand.

Building a ``Text`` for the whole article and slicing it per line costs a pass over every
span for every line, and ``Text.render`` is slow; here each layer keeps its spans sorted by
start, and a line looks up only the spans that overlap it (a bisect per layer). Later layers
are drawn over earlier ones (the article view's ``_layers``): annotations first (underlined in
their tag's colour) and where they overlap, so an entity's text keeps the colour chosen against
its background; then entities, the chosen entity's mark, find matches and the current one, the
selection, and the cursor.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Span


class Layer(NamedTuple):
    """Non-empty spans sorted by start, each with its style."""

    spans: list[tuple[int, int, Style]]
    starts: list[int]
    longest: int

    @classmethod
    def of(cls, spans: list[tuple[int, int, Style]]) -> Layer:
        """A layer from spans in any order."""
        ordered = sorted((s for s in spans if s[1] > s[0]), key=lambda s: s[0])
        longest = max((end - start for start, end, _ in ordered), default=0)
        return cls(ordered, [start for start, _, _ in ordered], longest)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The spans meeting ``[start, end)``, clipped to it and relative to ``start``."""
        found = []
        first = bisect_left(self.starts, start - self.longest)
        last = bisect_left(self.starts, end)
        for span_start, span_end, style in self.spans[first:last]:
            if span_end > start:
                found.append(Span(max(span_start, start) - start, min(span_end, end) - start, style))
        return found


def line_segments(text: str, start: int, end: int, layers: list[Layer], base: Style) -> list[Segment]:
    """``text[start:end]`` as segments styled by every layer over ``base``, later layers on top.

    Built directly rather than through ``Text.render``: a line has few spans, and the
    combined style of each run of characters is looked up in a small cache.
    """
    spans = [span for layer in layers for span in layer.overlapping(start, end)]
    if not spans:
        return [Segment(text[start:end], base)]
    return [
        Segment(text[start + left : start + right], style)
        for left, right, style in _runs(spans, end - start, base)
    ]


def visual_segments(
    glyphs: str, offsets: Sequence[int], start: int, end: int, layers: list[Layer], base: Style
) -> list[Segment]:
    """A reordered line (right-to-left text): ``glyphs`` drawn left to right, each in the style of
    the text offset it shows (``offsets``, within ``[start, end)``), so a highlight covers exactly
    its characters wherever they are drawn; neighbours with one style share a segment."""
    spans = [span for layer in layers for span in layer.overlapping(start, end)]
    styles = [base] * (end - start)
    for left, right, style in _runs(spans, end - start, base) if spans else ():
        styles[left:right] = [style] * (right - left)
    segments: list[Segment] = []
    run_start = 0
    for index in range(1, len(glyphs) + 1):
        style = styles[offsets[run_start] - start]
        if index == len(glyphs) or styles[offsets[index] - start] != style:
            segments.append(Segment(glyphs[run_start:index], style))
            run_start = index
    return segments


def _runs(spans: list[Span], length: int, base: Style) -> list[tuple[int, int, Style]]:
    """``[0, length)`` cut wherever a span starts or ends: each piece with every span over it applied."""
    cuts = sorted({0, length, *(span.start for span in spans), *(span.end for span in spans)})
    runs = []
    for left, right in itertools.pairwise(cuts):
        styles = tuple(span.style for span in spans if span.start <= left and span.end >= right)
        runs.append((left, right, _combined(base, styles)))
    return runs


_COMBINED: dict[tuple[Style, tuple[Style | str, ...]], Style] = {}


def _combined(base: Style, styles: tuple[Style | str, ...]) -> Style:
    """``base`` with ``styles`` applied in order (memoised; styles are few and reused)."""
    key = (base, styles)
    combined = _COMBINED.get(key)
    if combined is None:
        if len(_COMBINED) > 4096:
            _COMBINED.clear()
        parsed = (Style.parse(style) if isinstance(style, str) else style for style in styles)
        combined = _COMBINED[key] = Style.chain(base, *parsed)
    return combined


def annotation_layers(spans: list[tuple[int, int, Style]], overlap: Style) -> list[Layer]:
    """Annotated passages as a layer, and a layer marking where two or more of them overlap."""
    events = sorted([(start, 1) for start, end, _ in spans] + [(end, -1) for _, end, _ in spans])
    overlaps: list[tuple[int, int, Style]] = []
    depth, since = 0, 0
    for position, change in events:
        if depth >= 2 and position > since:
            overlaps.append((since, position, overlap))
        depth += change
        since = position
    return [Layer.of(spans), Layer.of(overlaps)]
