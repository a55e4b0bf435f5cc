"""Events: dated sentences with their participants and figures; one event told by several articles, merged.

A sentence holding a resolved date expression is an event on that date (the most precise
date in it), with the people, organisations and places mentioned in it as participants and
its amounts and figures with their normalised values. Events from different articles merge
when their dates agree (the same day, or overlapping ranges at coarser precision) and they
share at least two participants, at least one of them a person or organisation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from sys import intern
from typing import Any, NamedTuple, cast

from tui.core import textnav
from tui.core.entities.spans import offsets
from tui.core.models import EntityType, Mention, text_local
from tui.core.timeline.expressions import Dated
from tui.core.timeline.when import DAY, MONTH, RANGE, YEAR, When

_PARTICIPANTS = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE)
_ACTORS = (EntityType.PERSON, EntityType.ORGANISATION)
_PRECISION = {DAY: 0, MONTH: 1, RANGE: 2, YEAR: 3}
HEADLINE_CHARS = 120
_WORDS = re.compile(r"[^\W\d_]{2,}")
#: Words a dateline may hold besides its date: "November 7, 2025 - 20:37 PKT".
_CLOCK_WORDS = frozenset({"am", "pm", "gmt", "utc", "ist", "pkt"})


class Source(NamedTuple):
    """Where an event is reported: the article, the sentence's span and its text (a tuple: a large
    corpus makes one for every dated sentence)."""

    article: str
    start: int
    end: int
    sentence: str

    def as_json(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"article": self.article, "start": self.start, "end": self.end, "sentence": self.sentence}


@dataclass(slots=True)
class Event:
    """Something that happened when: its date, participants, figures and sources; a headline.

    An article's own event holds tuples (a large corpus has one for every dated sentence); an
    event merged from several articles holds a set of actors and lists (see :func:`merge_events`).
    """

    when: When
    participants: dict[str, str]  # entity id -> canonical name
    actors: Collection[str]
    figures: Sequence[dict[str, Any]] = ()
    sources: Sequence[Source] = ()

    @property
    def headline(self) -> str:
        """The first source's sentence on one line, cut at a word (made when shown, not for every event)."""
        return _headline(self.sources[0].sentence) if self.sources else ""

    def as_json(self) -> dict[str, Any]:
        """JSON-ready, participants by name with their ids."""
        return {
            "when": self.when.as_json(),
            "headline": self.headline,
            "participants": [{"id": key, "name": name} for key, name in sorted(self.participants.items())],
            "figures": list(self.figures),
            "sources": [source.as_json() for source in self.sources],
        }


def article_events(
    article: str, text: str, mentions: list[Mention], dated: list[Dated], starts: Sequence[int] | None = None
) -> list[Event]:
    """The events of one article: one per sentence holding a resolved date.

    ``starts``: where the text's sentences start, if already known.
    """
    starts = starts or textnav.sentence_starts(text) or [0]
    by_sentence: dict[int, list[Dated]] = {}
    for expression in dated:
        if expression.when is not None:
            by_sentence.setdefault(max(0, bisect_right(starts, expression.start) - 1), []).append(expression)
    mention_starts = [m.start for m in mentions]
    events: list[Event] = []
    for index, inside in sorted(by_sentence.items()):
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        when = min((d.when for d in inside if d.when is not None), key=_precision_rank)
        sentence = intern(text[start:end].strip())  # one string for a sentence many articles repeat
        if not _says_more(sentence.replace(inside[0].text, "")):
            continue  # a dateline ("November 7, 2025 - 20:37"), not something that happened
        mentioned = mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, end)]
        # A text's own "Foreign Ministry" is no one another article can name: as a participant, every
        # article's would pile up in an event merged across the corpus (thousands, each paired).
        shared = [m for m in mentioned if not text_local(m.entity_id)]
        participants = {m.entity_id: m.canonical for m in shared if m.type in _PARTICIPANTS}
        actors = tuple(dict.fromkeys(m.entity_id for m in shared if m.type in _ACTORS))
        figures = tuple(
            {"text": m.text, "value": m.value, "unit": m.unit, "type": str(m.type)}
            for m in mentioned
            if m.type in (EntityType.MONEY, EntityType.FIGURE) and m.value is not None
        )
        at = offsets(len(text))
        source = Source(article, at[start], at[start + len(text[start:end].rstrip())], sentence)
        events.append(Event(when, participants, actors, figures, (source,)))
    return events


def merge_events(events: list[Event]) -> list[Event]:
    """Events in date order, those reported by several articles merged into one listing every source.

    The events given are left as they are: a merged event is a new one.

    Each event merges into the first earlier one it is the same as (see :func:`_same`). Twins
    share an actor and one more participant, so merged events are indexed by those pairs
    (see :class:`_Twins`): each new event meets only its likely twins, and merging stays
    near-linear on a corpus of thousands of articles.
    """
    twins = _Twins()
    for event in sorted(events, key=_dates):
        index = twins.find(event)
        if index is None:
            twins.add(event)
            continue
        other = twins.merged[index]
        if len(other.sources) == 1:  # merging into an article's own event for the first time:
            other = twins.merged[index] = _copy(other)  # the article's events stay as found (cached)
        sources, actors, figures = (
            cast(list[Source], other.sources),
            cast(set[str], other.actors),
            cast(list[dict[str, Any]], other.figures),
        )
        sources.extend(event.sources)
        twins.note_sources(index, event.sources)
        known = len(other.participants), len(actors)
        other.participants.update(event.participants)
        actors.update(event.actors)
        figures.extend(f for f in event.figures if f not in figures)
        if _PRECISION.get(event.when.precision, 9) < _PRECISION.get(other.when.precision, 9):
            other.when = event.when
        if known != (len(other.participants), len(actors)):
            twins.index(index)
    return sorted(twins.merged, key=_dates)


class _Twins:
    """The merged events so far, indexed by (actor, other participant) pairs.

    Events arrive in date order. An event of day precision is kept under its pairs and its day
    (a later event can only meet it on that day); a coarser one in running lists under its
    pairs, dropped once a later event starts after it ends.
    """

    def __init__(self) -> None:
        """Nothing merged yet."""
        self.merged: list[Event] = []
        self._articles: list[set[str]] = []
        self._indexed: list[set[tuple[str, str]]] = []
        self._on_day: dict[date, dict[tuple[str, str], list[int]]] = {}
        self._running: dict[tuple[str, str], list[int]] = {}

    def find(self, event: Event) -> int | None:
        """The index of the first merged event that ``event`` reports too, if any."""
        start = event.when.start
        merged = self.merged
        on_day = self._on_day.get(start)
        running_by_pair = self._running
        candidates: set[int] = set()
        for pair in _pairs(event):
            if on_day is not None:
                found = on_day.get(pair)
                if found is not None:
                    candidates.update(found)
            running = running_by_pair.get(pair)
            if running:
                running[:] = [i for i in running if merged[i].when.end >= start]
                candidates.update(running)
        if not candidates:
            return None
        mine = {source.article for source in event.sources}
        for index in sorted(candidates):
            if not (self._articles[index] & mine) and _same(merged[index], event):
                return index
        return None

    def add(self, event: Event) -> None:
        """Add a new merged event."""
        self.merged.append(event)
        self._articles.append(set())
        self._indexed.append(set())
        self.note_sources(len(self.merged) - 1, event.sources)
        self.index(len(self.merged) - 1)

    def note_sources(self, index: int, sources: Sequence[Source]) -> None:
        """Record the articles of sources added to a merged event (it cannot merge with them again)."""
        self._articles[index].update(source.article for source in sources)

    def index(self, index: int) -> None:
        """Index a merged event under the pairs it was not yet indexed under, by its current date."""
        event = self.merged[index]
        new = set(_pairs(event)) - self._indexed[index]
        self._indexed[index] |= new
        for pair in new:
            if event.when.precision == DAY:
                self._on_day.setdefault(event.when.start, {}).setdefault(pair, []).append(index)
            else:
                self._running.setdefault(pair, []).append(index)


def _copy(event: Event) -> Event:
    """An event with its own participants, actors (a set), figures and sources (lists), to merge
    others into."""
    when, sources = event.when, list(event.sources)
    return Event(when, dict(event.participants), set(event.actors), list(event.figures), sources)


def _pairs(event: Event) -> list[tuple[str, str]]:
    """Every (actor, other participant) pair of an event."""
    return [(actor, other) for actor in event.actors for other in event.participants if other != actor]


def _dates(event: Event) -> tuple[date, date]:
    """Sort key: start, then end."""
    return event.when.start, event.when.end


def _precision_rank(when: When) -> int:
    """Day before month before range before year: the most precise date of a sentence wins."""
    return _PRECISION.get(when.precision, 9)


def _same(one: Event, other: Event) -> bool:
    """Whether two events from different articles report the same thing: dates that agree, two
    shared participants, one of them an actor in both."""
    if one.when.precision == DAY and other.when.precision == DAY:
        if one.when.start != other.when.start:
            return False
    elif one.when.end < other.when.start or other.when.end < one.when.start:
        return False
    shared = one.participants.keys() & other.participants.keys()
    return len(shared) >= 2 and bool(shared.intersection(one.actors, other.actors))


def _says_more(rest: str) -> bool:
    """Whether a sentence without its date holds a word other than a clock's (am, GMT, PKT)."""
    return any(word.group().lower() not in _CLOCK_WORDS for word in _WORDS.finditer(rest))


def _headline(sentence: str) -> str:
    """The sentence on one line, cut to :data:`HEADLINE_CHARS` at a word."""
    line = " ".join(sentence.split())
    if len(line) <= HEADLINE_CHARS:
        return line
    return line[:HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"
