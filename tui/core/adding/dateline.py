"""The date and place an article gives at its top: a date line ("November 7, 2025 - 20:37"), a
dateline ("ISLAMABAD, Nov 25 (APP) –"), or a "Published: …" line.

Dates are found by the entity engine, so every form it reads counts ("7 Nov 2025", "2025-11-07",
"4 Azar 1404"); only a full date on a short line of the opening, or at the head of a paragraph
before its dash, is taken: "On October 25, the minister…" in the first paragraph is news, not
the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tui.core.entities import EntityEngine
from tui.core.models import EntityType

#: How much of the text's opening is read.
OPENING_CHARS = 600
#: A line this short holding a full date is a date line.
DATE_LINE_CHARS = 80
_DAY_ID = re.compile(r"date:(\d{4}-\d{2}-\d{2})$")
_PUBLISHED = re.compile(r"^\s*(?:published|posted|updated|date)\b", re.IGNORECASE)
#: "TEHRAN –", "ISLAMABAD, Nov 25 (APP) —", "KARACHI:": capitals, then a dash or colon.
_PLACE = re.compile(r"^\s*([A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*)\s*(?:,[^–—:\n-]{0,40})?\s*[–—:-]\s")


@dataclass(frozen=True)
class Opening:
    """What an article's opening says of it: its date (with the words giving it) and its place."""

    published: date | None = None
    written: str = ""
    place: str = ""


def read_opening(text: str, engine: EntityEngine) -> Opening:
    """The date and place at the top of a text, where it gives them."""
    head = text[:OPENING_CHARS]
    place_match = next((m for m in map(_PLACE.match, head.split("\n")[:6]) if m), None)
    place = place_match.group(1).title() if place_match else ""
    for mention in engine.extract(head):
        found = _DAY_ID.match(mention.entity_id) if mention.type is EntityType.DATE else None
        if found is None:
            continue
        line_start = head.rfind("\n", 0, mention.start) + 1
        line_end = head.find("\n", mention.end)
        line = head[line_start : line_end if line_end >= 0 else len(head)]
        before = head[line_start : mention.start]
        on_date_line = len(line.strip()) <= DATE_LINE_CHARS or _PUBLISHED.match(line)
        in_dateline = len(before) <= 40 and _PLACE.match(line) is not None
        if on_date_line or in_dateline:
            try:
                return Opening(date.fromisoformat(found.group(1)), mention.text, place)
            except ValueError:
                continue
    return Opening(place=place)
