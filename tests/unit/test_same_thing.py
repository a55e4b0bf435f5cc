"""Passages elsewhere that report the same thing: the same event, figure or wording; figures that disagree."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.conftest import ARTICLES
from tui.core.corpus import Corpus
from tui.core.corpus_index import CorpusIndex
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.models import Article, Mention
from tui.core.same_thing import same_thing


@pytest.fixture(scope="module")
def mentions(corpus: Corpus) -> dict[str, list[Mention]]:
    """Every article's mentions."""
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    return engine.extract_corpus({a.id: a.text for a in corpus.articles})


@pytest.fixture(scope="module")
def index(corpus: Corpus, mentions: dict[str, list[Mention]]) -> CorpusIndex:
    """The corpus indexes."""
    return CorpusIndex.build(corpus.articles, mentions)


def around(corpus: Corpus, article: str, phrase: str, size: int = 40) -> tuple[Article, int, int]:
    """An article and the span of ``phrase`` (and what follows, up to ``size`` characters)."""
    found = corpus.find(article)
    assert found is not None
    start = found.text.index(phrase)
    return found, start, start + max(size, len(phrase))


def test_every_statement_of_the_trade_target(corpus: Corpus, index: CorpusIndex) -> None:
    article, start, end = around(corpus, "000", "raising bilateral trade to $10 billion")
    result = same_thing(index, article.id, start, end)
    figures = {(p.article[:3], p.figure) for p in result.same if p.reason.startswith("the same figure")}
    assert {("001", "$10 billion"), ("002", "$10 billion"), ("004", "10 billion dollars")} <= figures
    assert result.disagreements == []  # every other figure is the same target


def test_the_same_event_in_another_article(corpus: Corpus, index: CorpusIndex) -> None:
    article, start, end = around(
        corpus, "001", "Iranian Secretary of the Supreme National Security Council", 120
    )
    result = same_thing(index, article.id, start, end)
    events = [p for p in result.same if p.reason.startswith("the same event")]
    assert events and all(p.article.startswith("004") for p in events)
    assert "25 Nov 2025" in events[0].reason


def test_similar_wording(corpus: Corpus, index: CorpusIndex) -> None:
    article, start, end = around(corpus, "002", "President Pezeshkian announced ambitious plans", 80)
    result = same_thing(index, article.id, start, end)
    assert any(p.reason.startswith(("similar wording", "the same figure")) for p in result.same)


def test_different_figures_for_current_trade_are_side_by_side(
    corpus: Corpus, mentions: dict[str, list[Mention]]
) -> None:
    """A second outlet giving another size for current trade is a disagreement; a target is not."""
    article, start, end = around(corpus, "002", "rose by 13.6 percent", 60)
    other = corpus.find("001")
    assert other is not None
    claim = "\nIn the same year trade between Tehran and Islamabad rose to an estimated $2.4 billion.\n"
    changed = replace(other, text=other.text + claim)
    articles = [changed if a.id == other.id else a for a in corpus.articles]
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    found = engine.extract_corpus({a.id: a.text for a in articles})
    result = same_thing(CorpusIndex.build(articles, found), article.id, start - 60, end)
    pairs = [(mine.figure, theirs.figure, theirs.article[:3]) for mine, theirs in result.disagreements]
    assert ("$3.1 billion", "$2.4 billion", "001") in pairs
    assert not any(theirs == "$10 billion" for _, theirs, _ in pairs)
