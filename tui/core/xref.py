"""Cross-references: where else an entity appears, what it appears with, and which articles are related.

:class:`XrefIndex` is built once per corpus state (every article's mentions) and answers each
question from its postings, so that following an entity stays quick on a corpus of thousands
of articles. Every mention is given with its sentence. Related articles are ranked by the
entities they share, each weighted by its inverse document frequency, so that an entity every
article names ("Iran", "Pakistan") counts for little.
"""

from __future__ import annotations

import heapq
import math
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.models import Article, EntityType, Mention
from tui.core.sentences import Sentences

_LINKED = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE, EntityType.MONEY, EntityType.DATE)
#: What articles are related by: who and what they name, and the amounts; not dates ("Tuesday").
_RELATING = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE, EntityType.MONEY)
_FIGURES = (EntityType.MONEY, EntityType.FIGURE)
#: A posting packs an article's number and a mention's index in that article's list.
_SHIFT = 24
_MASK = (1 << _SHIFT) - 1


@dataclass(frozen=True, slots=True)
class Postings:
    """One entity's mentions: the articles naming it (by number), where each one's mentions
    start in ``packed``, and the packed mentions (see :meth:`XrefIndex.mention`)."""

    documents: Sequence[int]
    firsts: Sequence[int]
    packed: Sequence[int]


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


class XrefIndex:
    """Every entity's mentions across a corpus, the articles' entities and how common each is."""

    def __init__(
        self, articles: list[Article], mentions: dict[str, list[Mention]], sentences: Sentences | None = None
    ) -> None:
        """Index the mentions of every article (in corpus order)."""
        self.sentences = sentences if sentences is not None else Sentences(articles)
        self._ids = [article.id for article in articles]
        self._mentions = [mentions.get(article.id, []) for article in articles]
        self.names: dict[str, str] = {}
        self._postings: dict[str, array[int]] = {}
        self._documents: dict[str, array[int]] = {}  # entity -> the numbers of the articles naming it
        self._relating: list[tuple[str, ...]] = []  # tuples: a third of a frozenset's memory
        self._co: dict[str, Counter[str]] = {}
        self._related: dict[tuple[str, int | None], list[dict[str, Any]]] = {}
        self._figures: dict[str | None, list[tuple[str, Mention]]] | None = None
        self._firsts: dict[str, array[int]] = {}  # entity -> where each article's postings start
        for number, found in enumerate(self._mentions):
            base = number << _SHIFT
            mine: dict[str, list[int]] = {}
            for index, mention in enumerate(found):
                mine.setdefault(mention.entity_id, []).append(base | index)
            for entity_id, packed in mine.items():
                posting = self._postings.get(entity_id)
                if posting is None:
                    posting = self._postings[entity_id] = array("q")
                    self._documents[entity_id], self._firsts[entity_id] = array("l"), array("l")
                    self.names[entity_id] = found[packed[0] & _MASK].canonical
                self._documents[entity_id].append(number)
                self._firsts[entity_id].append(len(posting))
                posting.extend(packed)
            self._relating.append(tuple({m.entity_id: None for m in found if m.type in _RELATING}))
        self.frequency = Counter(entity for entities in self._relating for entity in entities)
        self._number = {article_id: number for number, article_id in enumerate(self._ids)}

    def name(self, entity_id: str) -> str:
        """An entity's canonical name (its id if it is not in the corpus)."""
        return self.names.get(entity_id, entity_id)

    def documents(self, entity_id: str) -> Sequence[int]:
        """The numbers (in corpus order) of the articles naming an entity."""
        return self._documents.get(entity_id, ())

    def postings(self, entity_id: str) -> Postings:
        """An entity's mentions across the corpus, by article, as a view (nothing is copied)."""
        if entity_id not in self._postings:
            return Postings((), (), ())
        return Postings(self._documents[entity_id], self._firsts[entity_id], self._postings[entity_id])

    def article_id(self, number: int) -> str:
        """The id of the article with a number (its place in the corpus)."""
        return self._ids[number]

    def mention(self, packed: int) -> tuple[str, Mention]:
        """A posting's (article id, mention)."""
        return self._ids[packed >> _SHIFT], self._mentions[packed >> _SHIFT][packed & _MASK]

    def mentions_of(self, entity_id: str) -> list[tuple[str, Mention]]:
        """Every mention of an entity as (article id, mention), by article then position."""
        return [self.mention(packed) for packed in self._postings.get(entity_id, ())]

    def occurrence(self, article_id: str, mention: Mention) -> Occurrence:
        """A mention with its sentence."""
        sentence = self.sentences.text(article_id, mention.start)
        return Occurrence(article_id, mention.start, mention.end, mention.text, sentence)

    def occurrences(self, entity_id: str) -> list[Occurrence]:
        """Every mention of an entity across the corpus with its sentence, by article then position."""
        return [self.occurrence(article, mention) for article, mention in self.mentions_of(entity_id)]

    def figures(self, unit: str | None) -> list[tuple[str, Mention]]:
        """Every amount and figure in a unit (None: plain numbers) as (article id, mention), by article."""
        if self._figures is None:
            by_unit: dict[str | None, list[tuple[str, Mention]]] = {}
            for article_id, found in zip(self._ids, self._mentions, strict=True):
                for mention in found:
                    if mention.type in _FIGURES and mention.value is not None:
                        by_unit.setdefault(mention.unit, []).append((article_id, mention))
            self._figures = by_unit
        return self._figures.get(unit, [])

    def counted_company(self, entity_id: str) -> Counter[str] | None:
        """:meth:`co_mentioned` if it was already counted, else None."""
        return self._co.get(entity_id)

    def co_mentioned(self, entity_id: str) -> Counter[str]:
        """The entities named in the same sentences as ``entity_id``, with how many sentences they share."""
        cached = self._co.get(entity_id)
        if cached is not None:
            return cached
        counts: Counter[str] = Counter()
        for number in self._documents.get(entity_id, ()):
            starts = self.sentences.starts(self._ids[number])
            by_sentence: dict[int, set[str]] = {}
            for mention in self._mentions[number]:
                if mention.type in _LINKED:
                    by_sentence.setdefault(bisect_right(starts, mention.start), set()).add(mention.entity_id)
            for entities in by_sentence.values():
                if entity_id in entities:
                    counts.update(entities - {entity_id})
        # Most shared first, ties by id: the order, and where most_common cuts, is the same every run.
        ordered = Counter(dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))))
        self._co[entity_id] = ordered
        return ordered

    def ranked_already(self, article_id: str, limit: int | None = None) -> list[dict[str, Any]] | None:
        """:meth:`related` if it was already worked out for the article, else None."""
        return self._related.get((article_id, limit))

    def related(self, article_id: str, limit: int | None = None) -> list[dict[str, Any]]:
        """Other articles ranked by the IDF-weighted entities they share with ``article_id`` (remembered)."""
        found = self._related.get((article_id, limit))
        if found is None:
            found = self._related[(article_id, limit)] = self._rank(article_id, limit)
        return found

    def _rank(self, article_id: str, limit: int | None) -> list[dict[str, Any]]:
        """:meth:`related`, worked out."""
        number = self._number.get(article_id)
        if number is None:
            return []
        own = frozenset(self._relating[number])
        total = len(self._ids)
        weights = {e: math.log((1 + total) / (1 + self.frequency[e])) + 0.05 for e in own}
        scores: dict[int, float] = {}
        for entity, weight in weights.items():
            for other in self._documents.get(entity, ()):
                scores[other] = scores.get(other, 0.0) + weight
        scores.pop(number, None)
        key = lambda other: (-round(scores[other], 4), self._ids[other])  # noqa: E731
        ranked = heapq.nsmallest(limit, scores, key=key) if limit is not None else sorted(scores, key=key)
        return [self._ranked(other, own, weights) for other in ranked]

    def _ranked(self, other: int, own: frozenset[str], weights: dict[str, float]) -> dict[str, Any]:
        """One related article: its score and the shared entities, rarest first."""
        shared = sorted(
            own.intersection(self._relating[other]), key=lambda entity: (-weights[entity], entity)
        )
        return {
            "article": self._ids[other],
            "score": round(sum(weights[entity] for entity in shared), 4),
            "shared": [{"id": e, "name": self.name(e), "weight": round(weights[e], 4)} for e in shared],
        }
