"""Every dated expression of one text, resolved in reading order with narrative anchors.

A relative expression is worked out against the most recent explicit date before it in the
text (in 003, "on Sunday" is the "October 19" of the sentence before), or the publication date
when there is none. Explicit dates (full dates, and month and day) become the new anchor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tui.core.models import EntityType, Mention
from tui.core.timeline.resolve import DEICTIC, resolve
from tui.core.timeline.when import DAY, When

_SELF_DATED = ("explicit date", "month and year", "year", "range of months", "Solar Hijri", "Islamic",
               "named event", "early part", "mid part", "late part")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Dated:
    """A temporal expression at ``text[start:end]`` and what it resolves to (None if it does not)."""

    start: int
    end: int
    text: str
    when: When | None

    def as_json(self) -> dict[str, Any]:
        """JSON-ready, with the resolved time's fields (or null)."""
        return {"start": self.start, "end": self.end, "text": self.text,
                "when": self.when.as_json() if self.when else None}  # fmt: skip


def date_expressions(mentions: list[Mention], published: date | None) -> list[Dated]:
    """The date mentions of one text (``mentions`` in text order, as the engine gives them), each
    resolved against its reference."""
    found: list[Dated] = []
    anchor: date | None = None
    kind = EntityType.DATE
    for mention in [m for m in mentions if m[3] is kind]:  # mentions come in text order
        deictic = mention.text.lower().removeprefix("the ") in DEICTIC
        from_anchor = anchor is not None and not (deictic and published is not None)
        reference = anchor if from_anchor else published
        when = resolve(mention.text, reference)
        if when is not None and not when.reason.startswith(_SELF_DATED) and reference is not None:
            basis = "the explicit date before it" if from_anchor else "the publication date"
            when = When(when.start, when.end, when.precision, f"{when.reason} ({basis})")
        if (
            when is not None
            and when.precision == DAY
            and when.reason.startswith(("explicit", "month and day"))
        ):
            anchor = when.start
        found.append(Dated(mention.start, mention.end, mention.text, when))
    return found
