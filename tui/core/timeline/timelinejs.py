"""The timeline as TimelineJS JSON (https://timeline.knightlab.com), so it can be published on the web."""

from __future__ import annotations

from datetime import date
from typing import Any

from tui.core.timeline.build import Timeline
from tui.core.timeline.when import DAY, MONTH, RANGE, YEAR


def timelinejs(timeline: Timeline, titles: dict[str, str]) -> dict[str, Any]:
    """A TimelineJS document: one slide per event, dated at its precision, its sources listed."""
    events = []
    for event in timeline.events:
        when = event.when
        slide: dict[str, Any] = {
            "start_date": _date(when.start, DAY if when.precision == RANGE else when.precision),
            "display_date": when.label(),
            "text": {
                "headline": event.headline,
                "text": "<br>".join(
                    f"{_escape(titles.get(s.article, s.article))}: {_escape(s.sentence)}"
                    for s in event.sources
                ),
            },
            "group": ", ".join(sorted(event.participants.values())[:3]),
        }
        if when.end != when.start and when.precision not in (MONTH, YEAR):
            slide["end_date"] = _date(when.end, DAY)
        events.append(slide)
    return {"title": {"text": {"headline": "Iran–Pakistan relations: the corpus timeline"}}, "events": events}


def _date(day: date, precision: str) -> dict[str, str]:
    """A TimelineJS date object with only the parts the precision supports."""
    parts = {"year": str(day.year)}
    if precision != YEAR:
        parts["month"] = str(day.month)
    if precision == DAY:
        parts["day"] = str(day.day)
    return parts


def _escape(text: str) -> str:
    """Text for TimelineJS's HTML fields: < > & escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
