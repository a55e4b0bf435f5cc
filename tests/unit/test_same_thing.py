"""Passages elsewhere that report the same thing: the same event, figure or wording; figures that disagree."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.conftest import ARTICLES
from tui.core.corpus import Corpus
from tui.core.corpus_index import CorpusIndex
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.entities.amounts import readable
from tui.core.models import Article, Mention
from tui.core.same_thing import compared_figures, same_thing


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


def with_claims(corpus: Corpus, claims: dict[str, str]) -> CorpusIndex:
    """The bundled corpus indexed with a sentence added at the end of some articles (by id prefix)."""
    articles = [
        next(
            (replace(a, text=f"{a.text}\n{claim}\n") for p, claim in claims.items() if a.id.startswith(p)), a
        )
        for a in corpus.articles
    ]
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    return CorpusIndex.build(articles, engine.extract_corpus({a.id: a.text for a in articles}))


def test_different_figures_for_current_trade_are_side_by_side(
    corpus: Corpus, mentions: dict[str, list[Mention]]
) -> None:
    """A second outlet giving another size for current trade is a disagreement; a target is not."""
    article, start, end = around(corpus, "002", "rose by 13.6 percent", 60)
    claim = "In the same year trade between Tehran and Islamabad rose to an estimated $2.4 billion."
    result = same_thing(with_claims(corpus, {"001": claim}), article.id, start - 60, end)
    pairs = [(mine.figure, theirs.figure, theirs.article[:3]) for mine, theirs in result.disagreements]
    assert ("$3.1 billion", "$2.4 billion", "001") in pairs
    assert not any(theirs == "$10 billion" for _, theirs, _ in pairs)


def test_figures_carry_their_value_and_unit(corpus: Corpus, index: CorpusIndex) -> None:
    """ "ten billion dollars", "$10 billion" and "10 billion dollars" all read 10 billion USD."""
    article, start, end = around(corpus, "000", "increasing trade to ten billion dollars")
    result = same_thing(index, article.id, start, end)
    figures = [p for p in result.same if p.reason.startswith("the same figure")]
    assert {p.figure for p in figures} >= {"$10 billion", "10 billion dollars"}
    assert {p.amount() for p in figures} == {("10 billion", "USD")}
    assert all(p.value == 1e10 and p.unit == "USD" for p in figures)
    assert figures[0].as_json()["unit"] == "USD"
    assert [p.amount() for p in result.same if not p.figure] == [("", "")] * sum(
        not p.figure for p in result.same
    )


def test_the_selection_comes_back_in_its_whole_sentence(corpus: Corpus, index: CorpusIndex) -> None:
    article, start, end = around(corpus, "002", "rose by 13.6 percent", 10)
    selection = same_thing(index, article.id, start, end).selection
    assert selection is not None and (selection.article, selection.start, selection.end) == (
        article.id,
        start,
        end,
    )
    assert selection.context.startswith("In the Iranian calendar year 1403")
    assert selection.context.endswith("nearly 3.5 times that of Pakistan.")
    assert article.text[selection.context_start :].startswith(selection.context)


def test_differing_figures_are_grouped_under_the_figure_here(corpus: Corpus) -> None:
    """Two outlets giving other sizes for current trade: one row here, both figures there, with units."""
    article, start, end = around(corpus, "002", "rose by 13.6 percent", 60)
    index = with_claims(
        corpus,
        {
            "001": "In the same year trade between Tehran and Islamabad rose to an estimated $2.4 billion.",
            "003": "Trade between Tehran and Islamabad in the Iranian calendar year 1403 was 2.9 billion dollars.",
        },
    )
    groups = compared_figures(same_thing(index, article.id, start - 60, end))
    assert [(mine.figure, mine.amount()) for mine, _ in groups] == [("$3.1 billion", ("3.1 billion", "USD"))]
    theirs = {(p.article[:3], p.figure, p.amount()) for p in groups[0][1]}
    assert theirs == {
        ("001", "$2.4 billion", ("2.4 billion", "USD")),
        ("003", "2.9 billion dollars", ("2.9 billion", "USD")),
    }


def test_border_lengths_in_km_disagree(corpus: Corpus) -> None:
    """Measures beyond money: "900 km" against "959-kilometre" for the same border."""
    index = with_claims(
        corpus,
        {
            "000": "Qalibaf said the shared border of 900 km between Iran and Pakistan must become a border of trade.",
            "004": "Larijani said the 959-kilometre border between Iran and Pakistan needs joint border markets.",
        },
    )
    article = next(a for a in index.articles.values() if a.id.startswith("000"))
    start = article.text.index("the shared border of 900 km")
    groups = compared_figures(same_thing(index, article.id, start, start + 40))
    assert [(mine.figure, mine.amount()) for mine, _ in groups] == [("900 km", ("900", "km"))]
    assert [(p.article[:3], p.figure, p.amount()) for p in groups[0][1]] == [
        ("004", "959-kilometre", ("959", "km"))
    ]


@pytest.mark.parametrize(
    ("value", "unit", "said"),
    [
        (7.5e9, "USD", ("7.5 billion", "USD")),
        (13.6, "percent", ("13.6", "%")),
        (3.5, "times", ("3.5", "times")),
        (1000.0, "MW", ("1,000", "MW")),
        (3.0, "killed", ("3", "killed")),
        (42.0, None, ("42", "")),
    ],
)
def test_amounts_read_as_a_reader_says_them(value: float, unit: str | None, said: tuple[str, str]) -> None:
    assert readable(value, unit) == said


@pytest.mark.parametrize(
    ("text", "figure", "entity"),
    [
        ("Iran supplies 104 MW of electricity to Gwadar.", "104 MW", "MW:104"),
        ("a planned 1,000 megawatts transmission line", "1,000 megawatts", "MW:1000"),
        ("the 900-km frontier", "900-km", "km:900"),
        ("The blast left three killed and 12 injured.", "three killed", "killed:3"),
    ],
)
def test_measures_are_figures(text: str, figure: str, entity: str) -> None:
    """Power, distance and casualties are figures with a unit, so the table can compare them."""
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    found = [(m.text, m.entity_id, str(m.type)) for m in engine.extract(text) if m.value is not None]
    assert found == [(figure, entity, "figure")]


def test_killed_without_a_number_is_no_figure() -> None:
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    assert [m.text for m in engine.extract("Two guards were killed and the rest fled.")] == []
