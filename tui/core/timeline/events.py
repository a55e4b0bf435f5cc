"""Events: dated sentences with their participants and figures; one event told by several articles, merged.

A sentence holding a resolved date expression is an event on that date (the most precise
date in it), with the people, organisations and places mentioned in it as participants and
its amounts and figures with their normalised values. Events from different articles merge
when their dates agree (the same day, or overlapping ranges at coarser precision) and they
share at least two participants, at least one of them a person or organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tui.core import textnav
from tui.core.models import EntityType, Mention
from tui.core.timeline.expressions import Dated
from tui.core.timeline.when import DAY, MONTH, RANGE, YEAR, When

_PARTICIPANTS = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE)
_ACTORS = (EntityType.PERSON, EntityType.ORGANISATION)
_PRECISION = {DAY: 0, MONTH: 1, RANGE: 2, YEAR: 3}
HEADLINE_CHARS = 120
_WORDS = re.compile(r"[^\W\d_]{2,}")
_DATE_ONLY = re.compile(r"\b(?:AM|PM|GMT|UTC|IST|PKT)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Source:
    """Where an event is reported: the article, the sentence's span and its text."""

    article: str
    start: int
    end: int
    sentence: str

    def as_json(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"article": self.article, "start": self.start, "end": self.end, "sentence": self.sentence}


@dataclass
class Event:
    """Something that happened when: its date, a headline, participants, figures and sources."""

    when: When
    headline: str
    participants: dict[str, str]  # entity id -> canonical name
    actors: set[str]
    figures: list[dict[str, Any]] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """JSON-ready, participants by name with their ids."""
        return {
            "when": self.when.as_json(),
            "headline": self.headline,
            "participants": [{"id": key, "name": name} for key, name in sorted(self.participants.items())],
            "figures": self.figures,
            "sources": [source.as_json() for source in self.sources],
        }


def article_events(article: str, text: str, mentions: list[Mention], dated: list[Dated]) -> list[Event]:
    """The events of one article: one per sentence holding a resolved date."""
    starts = textnav.sentence_starts(text) or [0]
    events: list[Event] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        inside = [d for d in dated if d.when is not None and start <= d.start < end]
        if not inside:
            continue
        when = min((d.when for d in inside if d.when is not None), key=_precision_rank)
        sentence = text[start:end].strip()
        if not _WORDS.search(_DATE_ONLY.sub("", sentence.replace(inside[0].text, ""))):
            continue  # a dateline ("November 7, 2025 - 20:37"), not something that happened
        mentioned = [m for m in mentions if start <= m.start < end]
        participants = {m.entity_id: m.canonical for m in mentioned if m.type in _PARTICIPANTS}
        actors = {m.entity_id for m in mentioned if m.type in _ACTORS}
        figures = [
            {"text": m.text, "value": m.value, "unit": m.unit, "type": str(m.type)}
            for m in mentioned
            if m.type in (EntityType.MONEY, EntityType.FIGURE) and m.value is not None
        ]
        source = Source(article, start, start + len(text[start:end].rstrip()), sentence)
        events.append(Event(when, _headline(sentence), participants, actors, figures, [source]))
    return events


def merge_events(events: list[Event]) -> list[Event]:
    """Events in date order, those reported by several articles merged into one listing every source."""
    merged: list[Event] = []
    for event in sorted(events, key=lambda e: (e.when.start, e.when.end)):
        twin = next((other for other in merged if _same(other, event)), None)
        if twin is None:
            merged.append(event)
            continue
        twin.sources.extend(event.sources)
        twin.participants.update(event.participants)
        twin.actors |= event.actors
        twin.figures.extend(f for f in event.figures if f not in twin.figures)
        if _PRECISION.get(event.when.precision, 9) < _PRECISION.get(twin.when.precision, 9):
            twin.when = event.when
    return merged


def _precision_rank(when: When) -> int:
    """Day before month before range before year: the most precise date of a sentence wins."""
    return _PRECISION.get(when.precision, 9)


def _same(one: Event, other: Event) -> bool:
    """Whether two events from different articles report the same thing."""
    if {s.article for s in one.sources} & {s.article for s in other.sources}:
        return False
    if one.when.precision == DAY and other.when.precision == DAY:
        if one.when.start != other.when.start:
            return False
    elif one.when.end < other.when.start or other.when.end < one.when.start:
        return False
    shared = one.participants.keys() & other.participants.keys()
    return len(shared) >= 2 and bool(shared & one.actors & other.actors)


def _headline(sentence: str) -> str:
    """The sentence on one line, cut to :data:`HEADLINE_CHARS` at a word."""
    line = " ".join(sentence.split())
    if len(line) <= HEADLINE_CHARS:
        return line
    return line[:HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"
