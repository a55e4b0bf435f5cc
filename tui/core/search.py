"""Finding text in an article: every case-insensitive occurrence of a query, as spans."""

from __future__ import annotations

import re

MAX_MATCHES = 10_000


def find_all(text: str, query: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """Spans of every case-insensitive, literal occurrence of ``query`` (at most ``limit``)."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        spans.append(match.span())
        if len(spans) >= limit:
            break
    return spans


class Stepper:
    """A list of spans with a current one, stepped forwards and backwards with wrap-around.

    Used both for find matches and for the mentions of a chosen entity (``n``/``N``).
    """

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self.spans: list[tuple[int, int]] = list(spans or [])
        self.index: int | None = 0 if self.spans else None

    @property
    def current(self) -> tuple[int, int] | None:
        """The current span, if any."""
        return None if self.index is None else self.spans[self.index]

    def step(self, delta: int) -> tuple[int, int] | None:
        """Move ``delta`` spans on (wrapping at both ends) and return the new current span."""
        if not self.spans:
            return None
        self.index = ((self.index if self.index is not None else -1) + delta) % len(self.spans)
        return self.spans[self.index]

    def start_near(self, offset: int) -> tuple[int, int] | None:
        """Make current the first span at or after ``offset`` (else the first) and return it."""
        if not self.spans:
            self.index = None
            return None
        self.index = next((i for i, (start, _) in enumerate(self.spans) if start >= offset), 0)
        return self.spans[self.index]
