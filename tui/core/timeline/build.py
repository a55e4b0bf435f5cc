"""The corpus timeline: every article's dated expressions and events, merged across articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tui.core.models import Article, Mention
from tui.core.timeline.events import Event, article_events, merge_events
from tui.core.timeline.expressions import Dated, date_expressions


@dataclass
class Timeline:
    """The merged events in date order, and each article's resolved date expressions."""

    events: list[Event]
    expressions: dict[str, list[Dated]]
    published: dict[str, date]

    def for_entity(self, entity_id: str) -> list[Event]:
        """The events an entity takes part in."""
        return [event for event in self.events if entity_id in event.participants]

    def as_json(self) -> dict[str, Any]:
        """JSON-ready: events and the articles' publication dates (the pane's markers)."""
        return {
            "events": [event.as_json() for event in self.events],
            "published": {key: value.isoformat() for key, value in sorted(self.published.items())},
        }


def build_timeline(articles: list[Article], mentions: dict[str, list[Mention]]) -> Timeline:
    """The timeline of a corpus, given every article's mentions."""
    expressions: dict[str, list[Dated]] = {}
    events: list[Event] = []
    for article in articles:
        found = mentions.get(article.id, [])
        expressions[article.id] = date_expressions(found, article.published)
        events.extend(article_events(article.id, article.text, found, expressions[article.id]))
    published = {article.id: article.published for article in articles if article.published}
    return Timeline(merge_events(events), expressions, published)
