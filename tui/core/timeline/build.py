"""The corpus timeline: every article's events, merged across articles, and the publication dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tui.core.models import Article, Mention
from tui.core.sentences import Sentences
from tui.core.timeline.event_cache import EventCache, article_key
from tui.core.timeline.events import Event, article_events, merge_events
from tui.core.timeline.expressions import date_expressions


@dataclass
class Timeline:
    """The merged events in date order, and each article's publication date."""

    events: list[Event]
    published: dict[str, date]
    _sources: dict[str, list[tuple[int, int, int]]] | None = field(default=None, repr=False)

    def events_in(self, article: str, start: int, end: int) -> list[int]:
        """The numbers of the events with a source in ``article`` overlapping ``[start, end)``."""
        if self._sources is None:
            by_article: dict[str, list[tuple[int, int, int]]] = {}
            for number, event in enumerate(self.events):
                for source in event.sources:
                    by_article.setdefault(source.article, []).append((source.start, source.end, number))
            self._sources = by_article
        found = (n for s, e, n in self._sources.get(article, ()) if s < end and start < e)
        return sorted(set(found))

    def for_entity(self, entity_id: str) -> list[Event]:
        """The events an entity takes part in."""
        return [event for event in self.events if entity_id in event.participants]

    def as_json(self) -> dict[str, Any]:
        """JSON-ready: events and the articles' publication dates (the pane's markers)."""
        return {
            "events": [event.as_json() for event in self.events],
            "published": {key: value.isoformat() for key, value in sorted(self.published.items())},
        }


def build_timeline(
    articles: list[Article],
    mentions: dict[str, list[Mention]],
    sentences: Sentences | None = None,
    cache: EventCache | None = None,
) -> Timeline:
    """The timeline of a corpus, given every article's mentions (and its sentences, if known).

    With a ``cache``, an article seen before with the same text, date and mentions takes its
    events from it; the others' are worked out and added to it (the caller saves it).
    """
    sentences = sentences if sentences is not None else Sentences(articles)
    events: list[Event] = []
    for article in articles:
        found = mentions.get(article.id, [])
        key = article_key(article, found) if cache is not None and not cache.empty else ""
        kept = cache.get(key, article) if key and cache is not None else None
        if kept is not None:
            events.extend(kept)
            continue
        dated = date_expressions(found, article.published)
        mine = article_events(article.id, article.text, found, dated, sentences.starts(article.id))
        if cache is not None:
            if key:
                cache.put(key, mine)
            else:
                cache.put_later(article, found, mine)
        events.extend(mine)
    published = {article.id: article.published for article in articles if article.published}
    return Timeline(merge_events(events), published)
