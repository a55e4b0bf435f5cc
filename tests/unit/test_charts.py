"""Counts over time on the bundled articles: by month and week, zero-filled, split by an attribute
(outlets set in a store), undated apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tui.core.annotations.model import Annotation
from tui.core.annotations.store import AnnotationStore
from tui.core.attributes import values_by_article
from tui.core.charts import NO_VALUE, chart, event_items, grouped, mention_items, period_of, tag_items
from tui.core.corpus import Corpus
from tui.core.models import Article

ARTICLES = Path(__file__).resolve().parents[2] / "articles"


@pytest.fixture
def articles(corpus: Corpus) -> dict[str, Article]:
    """The bundled articles by id."""
    return {article.id: article for article in corpus.articles}


def test_periods_are_months_or_iso_weeks() -> None:
    assert period_of(date(2025, 11, 26), "month") == date(2025, 11, 1)
    assert period_of(date(2025, 11, 26), "week") == date(2025, 11, 24)  # a Monday
    with pytest.raises(ValueError, match="unknown grain"):
        period_of(date(2025, 11, 26), "year")


def test_every_period_between_first_and_last_is_shown_empty_ones_at_zero() -> None:
    items = [
        (date(2025, 8, 2), "Dawn"),
        (date(2025, 11, 7), "IRNA"),
        (date(2025, 11, 25), "IRNA"),
        (None, "x"),
    ]
    monthly = chart("trade", items)
    assert monthly.labels() == ["2025-08", "2025-09", "2025-10", "2025-11"]
    assert [s.counts for s in monthly.series] == [(1, 0, 0, 2)] and monthly.undated == 1
    split = chart("trade", items, split=True)
    assert [(s.label, s.counts) for s in split.series] == [("IRNA", (0, 0, 0, 2)), ("Dawn", (1, 0, 0, 0))]
    weekly = chart("trade", items, "week")
    assert weekly.labels()[0] == "2025-W31" and len(weekly.periods) == 18 and weekly.total == 3  # W31–W48


def test_tag_passages_and_entity_mentions_are_dated_by_their_articles(
    articles: dict[str, Article], corpus: Corpus
) -> None:
    first = articles["000_9154f6903408afad"]
    coded = [
        Annotation.create(first.id, first.text, 26, 32, ("framing/security",)),
        Annotation.create(first.id, first.text, 40, 60, ("trade",)),
    ]
    assert tag_items(coded, articles, "framing") == [(first.published, first.id)]  # below it counts
    from tui.core.entities import EntityEngine, load_gazetteer

    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    mentions = {a.id: engine.extract(a.text) for a in corpus.articles}
    larijani = next(m.entity_id for found in mentions.values() for m in found if m.text == "Larijani")
    items = mention_items(mentions, articles, larijani)
    assert len(items) == sum(1 for found in mentions.values() for m in found if m.entity_id == larijani)
    assert {day for day, _ in items} <= {a.published for a in articles.values()}
    assert {article for _, article in items} <= set(articles)
    assert event_items([]) == []


def test_a_chart_splits_by_any_attribute_those_without_one_apart(articles: dict[str, Article]) -> None:
    store = AnnotationStore.in_memory()
    first, second, third, *_ = sorted(articles)
    store.set_attributes(first, {"outlet": "Tehran Times"}, "tester")
    store.set_attributes(second, {"outlet": "Dawn"}, "tester")
    values = values_by_article(articles.values(), store.attribute_values())
    coded = [
        Annotation.create(article, articles[article].text, 0, 5, ("trade",))
        for article in (first, second, second, third)
    ]
    items = tag_items(coded, articles, "trade")
    by_outlet = chart("trade", grouped(items, values, "outlet"), split=True)
    assert {s.label: sum(s.counts) for s in by_outlet.series} == {"Dawn": 2, "Tehran Times": 1, NO_VALUE: 1}
    assert by_outlet.series[0].label == "Dawn"  # the largest first
    by_source = chart("trade", grouped(items, values, "source"), split=True)
    assert [s.label for s in by_source.series] == [NO_VALUE]  # the bundled articles' sources are unknown
    by_dateline = chart("trade", grouped(items, values, "dateline"), split=True)
    assert by_dateline.total == 4 and values[first]["dateline"] in {s.label for s in by_dateline.series}


def test_an_event_is_charted_under_the_first_article_reporting_it_that_the_filter_keeps() -> None:
    from tui.core.timeline.events import Event, Source
    from tui.core.timeline.when import When

    when = When.day(date(2025, 8, 2), "explicit date")
    reported = Event(when, {}, (), (), (Source("a", 0, 5, "One."), Source("b", 0, 5, "Two.")))
    assert event_items([reported]) == [(date(2025, 8, 2), "a")]
    assert event_items([reported], {"b"}) == [(date(2025, 8, 2), "b")]
    assert event_items([reported], {"c"}) == [(date(2025, 8, 2), "")]  # no article kept: left out
