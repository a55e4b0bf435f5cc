"""The corpus indexes: indexed event merging against its plain definition, postings, sentences."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import timedelta

import pytest

from tests.conftest import ARTICLES
from tui.core import textnav
from tui.core.corpus import Corpus
from tui.core.corpus_index import CorpusIndex
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.models import Article, Mention
from tui.core.sentences import Sentences
from tui.core.timeline.events import Event, _same, article_events, merge_events
from tui.core.timeline.expressions import date_expressions


@pytest.fixture(scope="module")
def copies(corpus: Corpus) -> list[Article]:
    """Eight copies of each bundled article, published a week apart: many sources per event."""
    return [
        replace(
            a, id=f"{a.id}-{week}", published=a.published + timedelta(weeks=week) if a.published else None
        )
        for week in range(8)
        for a in corpus.articles
    ]


@pytest.fixture(scope="module")
def copies_mentions(copies: list[Article]) -> dict[str, list[Mention]]:
    """Their mentions."""
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    return engine.extract_corpus({a.id: a.text for a in copies})


def _events(articles: list[Article], mentions: dict[str, list[Mention]]) -> list[Event]:
    """Every article's own events, unmerged (fresh objects: merging changes them)."""
    events = []
    for a in articles:
        found = mentions[a.id]
        events += article_events(a.id, a.text, found, date_expressions(found, a.published))
    return events


_RANK = {"day": 0, "month": 1, "range": 2, "year": 3}


def _plain_merge(events: list[Event]) -> list[Event]:
    """The definition: each event, in date order, merges into the first earlier event it is the same as."""
    merged: list[Event] = []
    for event in sorted(events, key=lambda e: (e.when.start, e.when.end)):
        twin = next(
            (
                other
                for other in merged
                if not {s.article for s in other.sources} & {s.article for s in event.sources}
                and _same(other, event)
            ),
            None,
        )
        if twin is None:
            merged.append(event)
            continue
        if isinstance(twin.sources, tuple):  # an article's own event: merge into a copy
            copy = Event(
                twin.when, dict(twin.participants), set(twin.actors), [*twin.figures], [*twin.sources]
            )
            merged[merged.index(twin)] = twin = copy
        assert isinstance(twin.sources, list) and isinstance(twin.actors, set)
        assert isinstance(twin.figures, list)
        twin.sources.extend(event.sources)
        twin.participants.update(event.participants)
        twin.actors |= set(event.actors)
        twin.figures.extend(f for f in event.figures if f not in twin.figures)
        if _RANK[event.when.precision] < _RANK[twin.when.precision]:
            twin.when = event.when
    return merged


def _shape(events: list[Event]) -> list[tuple[object, ...]]:
    """What two merges must agree on: each event's date and sources."""
    return sorted(
        (e.when.start, e.when.end, e.when.precision, tuple((s.article, s.start) for s in e.sources))
        for e in events
    )


def test_indexed_merging_agrees_with_the_definition(
    copies: list[Article], copies_mentions: dict[str, list[Mention]]
) -> None:
    indexed = merge_events(_events(copies, copies_mentions))
    plain = _plain_merge(_events(copies, copies_mentions))
    assert _shape(indexed) == _shape(plain)
    assert any(len(e.sources) > 2 for e in indexed)  # the copies did merge
    starts = [(e.when.start, e.when.end) for e in indexed]
    assert starts == sorted(starts)


def test_postings_are_the_mentions_by_article(corpus: Corpus) -> None:
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    mentions = engine.extract_corpus({a.id: a.text for a in corpus.articles})
    xref = CorpusIndex.build(corpus.articles, mentions).xref
    for entity in ("place:iran", "person:larijani", "person:qalibaf"):
        postings = xref.postings(entity)
        decoded = [xref.mention(p) for p in postings.packed]
        expected = [(a.id, m) for a in corpus.articles for m in mentions[a.id] if m.entity_id == entity]
        assert decoded == expected == xref.mentions_of(entity)
        assert [xref.article_id(n) for n in postings.documents] == list(dict.fromkeys(a for a, _ in expected))
        for number, first in zip(postings.documents, postings.firsts, strict=True):
            assert xref.mention(postings.packed[first])[0] == xref.article_id(number)
    assert xref.postings("person:nobody").packed == ()


def test_sentences_are_found_once_and_span_their_text(corpus: Corpus) -> None:
    sentences = Sentences(corpus.articles)
    article = corpus.articles[2]
    starts = sentences.starts(article.id)
    assert list(starts) == textnav.sentence_starts(article.text) and sentences.starts(article.id) is starts
    offset = article.text.index("Pezeshkian")
    start, end = sentences.span(article.id, offset)
    assert start <= offset < end and article.text[start:end] == sentences.text(article.id, offset)
    assert not article.text[start:end].endswith((" ", "\n")) and start in starts


#: The sentence pattern as first written, the plain definition the faster one must agree with.
_PLAIN_SENTENCE = re.compile(r"(?:[.!?…][”\"’')\]]*\s|\n)\s*(?=\S)")


def _plain_starts(text: str) -> list[int]:
    found = {match.end() for match in _PLAIN_SENTENCE.finditer(text)}
    first = re.match(r"\s*(?=\S)", text)
    return sorted(found | ({first.end()} if first else set()))


def test_sentence_starts_agree_with_the_plain_pattern(corpus: Corpus) -> None:
    for article in corpus.articles:
        assert textnav.sentence_starts(article.text) == _plain_starts(article.text)
    pieces = ["a", "B", " ", "\n", "\t", "\u00a0", ".", "!", "?", "…", "”", '"', "’", "'", ")", "]", "x."]
    chooser = random.Random(7)
    for _ in range(3000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randrange(0, 14)))
        assert textnav.sentence_starts(text) == _plain_starts(text), repr(text)
