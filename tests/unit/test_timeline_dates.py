"""Temporal expressions: every shape resolved to exact dates, on the real articles and alone."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import ARTICLES
from tui.core.corpus import Corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.timeline.expressions import Dated, date_expressions
from tui.core.timeline.resolve import resolve
from tui.core.timeline.when import When


@pytest.fixture(scope="module")
def dated(corpus: Corpus) -> dict[str, list[Dated]]:
    """Every article's resolved date expressions."""
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    found = engine.extract_corpus({a.id: a.text for a in corpus.articles})
    return {a.id: date_expressions(found[a.id], a.published) for a in corpus.articles}


def when_of(dated: dict[str, list[Dated]], article: str, text: str, nth: int = 0) -> When:
    """The resolved time of the n-th expression ``text`` in an article."""
    matches = [d for key, found in dated.items() if key.startswith(article) for d in found if d.text == text]
    when = matches[nth].when
    assert when is not None, text
    return when


def span(when: When) -> tuple[date, date, str]:
    """(start, end, precision)."""
    return when.start, when.end, when.precision


def test_narrative_anchor_sunday_is_the_date_before_it(dated: dict[str, list[Dated]]) -> None:
    sunday = when_of(dated, "003", "Sunday")
    assert span(sunday) == (date(2025, 10, 19), date(2025, 10, 19), "day")
    assert "2025-10-19" in sunday.reason and "explicit date before it" in sunday.reason
    assert sunday.label() == "19 Oct 2025"


@pytest.mark.parametrize(
    ("article", "text", "expected"),
    [
        ("000", "November 7, 2025", (date(2025, 11, 7), date(2025, 11, 7), "day")),
        ("003", "October 25", (date(2025, 10, 25), date(2025, 10, 25), "day")),
        ("003", "October 19", (date(2025, 10, 19), date(2025, 10, 19), "day")),
        ("003", "August", (date(2025, 8, 1), date(2025, 8, 31), "month")),
        ("003", "Tuesday", (date(2025, 10, 28), date(2025, 10, 28), "day")),
        ("001", "Tuesday", (date(2025, 11, 25), date(2025, 11, 25), "day")),
        ("002", "Saturday", (date(2025, 8, 2), date(2025, 8, 2), "day")),
        ("004", "Tuesday", (date(2025, 11, 25), date(2025, 11, 25), "day")),
        # from the time of writing (publication, 25 November), not the post's date given before it
        ("001", "earlier this year", (date(2025, 1, 1), date(2025, 11, 25), "range")),
        ("004", "mid-June", (date(2025, 6, 11), date(2025, 6, 20), "range")),
        ("002", "early 2025", (date(2025, 1, 1), date(2025, 4, 30), "range")),
        ("002", "Iranian calendar year 1403", (date(2024, 3, 20), date(2025, 3, 20), "range")),
        ("002", "March 2024–March 2025", (date(2024, 3, 1), date(2025, 3, 31), "range")),
        ("003", "12-day war", (date(2025, 6, 13), date(2025, 6, 24), "range")),
        ("000", "twelve-day confrontation", (date(2025, 6, 13), date(2025, 6, 24), "range")),
        ("004", "12-day imposed war", (date(2025, 6, 13), date(2025, 6, 24), "range")),
        ("002", "the past year", (date(2024, 8, 2), date(2025, 8, 2), "range")),
    ],
)
def test_every_shape_in_the_articles(
    dated: dict[str, list[Dated]], article: str, text: str, expected: tuple[date, date, str]
) -> None:
    assert span(when_of(dated, article, text)) == expected


def test_every_date_mention_in_the_articles_resolves(dated: dict[str, list[Dated]]) -> None:
    unresolved = [(key, d.text) for key, found in dated.items() for d in found if d.when is None]
    assert unresolved == []


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("4 Azar 1404", None, (date(2025, 11, 25), date(2025, 11, 25), "day")),
        ("01 Rajab 1447", None, (date(2025, 12, 21), date(2025, 12, 21), "day")),
        ("1 Farvardin 1404", None, (date(2025, 3, 21), date(2025, 3, 21), "day")),
        ("the Iranian calendar year 1404", None, (date(2025, 3, 21), date(2026, 3, 20), "range")),
        ("last month", date(2025, 3, 15), (date(2025, 2, 1), date(2025, 2, 28), "range")),
        ("In December", date(2025, 3, 15), (date(2024, 12, 1), date(2024, 12, 31), "month")),
        ("January 3", date(2025, 12, 28), (date(2026, 1, 3), date(2026, 1, 3), "day")),
        ("25 November 2025", None, (date(2025, 11, 25), date(2025, 11, 25), "day")),
        ("2024", None, (date(2024, 1, 1), date(2024, 12, 31), "year")),
        ("late 2024", None, (date(2024, 9, 1), date(2024, 12, 31), "range")),
    ],
)
def test_shapes_alone(text: str, reference: date | None, expected: tuple[date, date, str]) -> None:
    when = resolve(text, reference)
    assert when is not None and span(when) == expected


def test_calendar_reasons_name_the_conversion() -> None:
    solar, hijri = resolve("4 Azar 1404", None), resolve("01 Rajab 1447", None)
    assert solar is not None and "Solar Hijri" in solar.reason and "jdatetime" in solar.reason
    assert hijri is not None and "Islamic" in hijri.reason and "Umm al-Qura" in hijri.reason


@pytest.mark.parametrize("text", ["on Tuesday", "August", "last month", "October 25"])
def test_relative_expressions_need_a_reference(text: str) -> None:
    assert resolve(text, None) is None


def test_nonsense_is_not_a_date() -> None:
    assert resolve("31 Esfandiar 1404", None) is None
    assert resolve("February 30, 2025", None) is None
    assert resolve("sometime", date(2025, 1, 1)) is None


def test_labels_show_the_real_precision() -> None:
    assert resolve("August 2025", None).label() == "Aug 2025"  # type: ignore[union-attr]
    assert resolve("2025", None).label() == "2025"  # type: ignore[union-attr]
    assert resolve("the 12-day war", None).label() == "13–24 Jun 2025"  # type: ignore[union-attr]
    assert resolve("March 2024–March 2025", None).label() == "1 Mar 2024–31 Mar 2025"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "written", "entity_id"),
    [
        ("On 4 Azar 1404 the talks resumed.", "4 Azar 1404", "date:2025-11-25"),
        ("The letter is dated 01 Rajab 1447 in Tehran.", "01 Rajab 1447", "date:2025-12-21"),
        ("It was 15 Sha'ban 1447.", "15 Sha'ban 1447", "date:2026-02-03"),
    ],
)
def test_other_calendars_are_found_in_text(sentence: str, written: str, entity_id: str) -> None:
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    dates = [(m.text, m.entity_id) for m in engine.extract(sentence) if m.type.value == "date"]
    assert dates == [(written, entity_id)]


def test_a_month_name_alone_is_not_another_calendars_date() -> None:
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    assert [m for m in engine.extract("Mehr news agency said Tir was hot.") if m.type.value == "date"] == []


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("today", (date(2025, 5, 9), date(2025, 5, 9))),
        ("yesterday", (date(2025, 5, 8), date(2025, 5, 8))),
        ("last week", (date(2025, 4, 28), date(2025, 5, 4))),
        ("next week", (date(2025, 5, 12), date(2025, 5, 18))),
        ("next month", (date(2025, 6, 1), date(2025, 6, 30))),
    ],
)
def test_words_of_the_time_of_writing_count_from_publication_not_a_date_before_them(
    phrase: str, expected: tuple[date, date]
) -> None:
    """As MENAFN and Dawn write: an explicit date earlier in the text is no reference for "last week"."""
    text = f"The talks began on March 3, 2025 in Islamabad. The minister said {phrase} that trade would grow."
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    found = [d for d in date_expressions(engine.extract(text), date(2025, 5, 9)) if d.text.lower() == phrase]
    assert [(d.when.start, d.when.end) for d in found if d.when] == [expected]
