"""Cross-references: where else an entity appears, what it appears with, and which articles are related.

Every mention is given with its sentence. Related articles are ranked by the entities they
share, each weighted by its inverse document frequency, so that an entity every article
names ("Iran", "Pakistan") counts for little.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Any

from tui.core import textnav
from tui.core.models import Article, EntityType, Mention

_LINKED = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE, EntityType.MONEY, EntityType.DATE)
#: What articles are related by: who and what they name, and the amounts; not dates ("Tuesday").
_RELATING = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE, EntityType.MONEY)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One mention of an entity, in its article, with the sentence around it."""

    article: str
    start: int
    end: int
    text: str
    sentence: str

    def as_json(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text,
                "sentence": self.sentence}  # fmt: skip


def sentence_of(text: str, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
    """The span of the sentence holding ``offset``."""
    starts = starts if starts is not None else textnav.sentence_starts(text)
    index = bisect_right(starts, offset) - 1
    start = starts[index] if index >= 0 else 0
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    return start, start + len(text[start:end].rstrip())


def occurrences(
    entity_id: str, articles: list[Article], mentions: dict[str, list[Mention]]
) -> list[Occurrence]:
    """Every mention of ``entity_id`` across the corpus, by article then position."""
    found: list[Occurrence] = []
    for article in articles:
        own = [m for m in mentions.get(article.id, []) if m.entity_id == entity_id]
        if not own:
            continue
        starts = textnav.sentence_starts(article.text)
        for mention in own:
            start, end = sentence_of(article.text, mention.start, starts)
            found.append(
                Occurrence(article.id, mention.start, mention.end, mention.text, article.text[start:end])
            )
    return found


def co_mentioned(entity_id: str, articles: list[Article], mentions: dict[str, list[Mention]]) -> Counter[str]:
    """The entities named in the same sentences as ``entity_id``, with how many sentences they share."""
    counts: Counter[str] = Counter()
    for article in articles:
        own = mentions.get(article.id, [])
        if not any(m.entity_id == entity_id for m in own):
            continue
        starts = textnav.sentence_starts(article.text)
        by_sentence: dict[int, set[str]] = {}
        for mention in own:
            if mention.type in _LINKED:
                by_sentence.setdefault(bisect_right(starts, mention.start), set()).add(mention.entity_id)
        for entities in by_sentence.values():
            if entity_id in entities:
                counts.update(entities - {entity_id})
    return counts


def _relating(found: list[Mention]) -> set[str]:
    """The entities an article is related to others by."""
    return {m.entity_id for m in found if m.type in _RELATING}


def related(
    article_id: str, articles: list[Article], mentions: dict[str, list[Mention]]
) -> list[dict[str, Any]]:
    """Other articles ranked by the IDF-weighted entities they share with ``article_id``."""
    entity_sets = {a.id: _relating(mentions.get(a.id, [])) for a in articles}
    names = {m.entity_id: m.canonical for found in mentions.values() for m in found}
    frequency = Counter(entity for entities in entity_sets.values() for entity in entities)
    total = len(articles)
    own = entity_sets.get(article_id, set())
    ranked = []
    for other, entities in entity_sets.items():
        shared = own & entities
        if other == article_id or not shared:
            continue
        weights = {entity: math.log((1 + total) / (1 + frequency[entity])) + 0.05 for entity in shared}
        ranked.append(
            {
                "article": other,
                "score": round(sum(weights.values()), 4),
                "shared": [
                    {"id": entity, "name": names.get(entity, entity), "weight": round(weight, 4)}
                    for entity, weight in sorted(weights.items(), key=lambda item: (-item[1], item[0]))
                ],
            }
        )
    return sorted(ranked, key=lambda item: (-item["score"], item["article"]))
