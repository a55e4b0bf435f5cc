"""Highlight layers over a text, cut into one styled ``Text`` per visual line on demand.

Building a ``Text`` for the whole article and slicing it per line costs a pass over every
span for every line; here each layer keeps its spans sorted by start, and a line looks up
only the spans that overlap it (a bisect per layer). Later layers are drawn over earlier
ones: entities, then the chosen entity's mark, then find matches, then the current match.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Span, Text


@dataclass(slots=True)
class Layer:
    """Non-empty spans sorted by start, each with its style."""

    spans: list[tuple[int, int, Style]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    longest: int = 0

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


def line_text(text: str, start: int, end: int, layers: list[Layer]) -> Text:
    """``text[start:end]`` as a styled ``Text`` with every layer's spans, in layer order."""
    spans = [span for layer in layers for span in layer.overlapping(start, end)]
    return Text(text[start:end], spans=spans, end="")
