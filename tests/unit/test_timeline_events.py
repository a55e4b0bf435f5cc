"""Events from dated sentences, merged across articles; cross-references and related articles."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import ARTICLES
from tui.core.corpus import Corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.models import Article, Mention, text_local
from tui.core.timeline.build import Timeline, build_timeline
from tui.core.timeline.timelinejs import timelinejs
from tui.core.xref import XrefIndex


@pytest.fixture(scope="module")
def engine() -> EntityEngine:
    """The engine on the bundled known entities."""
    return EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))


@pytest.fixture(scope="module")
def mentions(corpus: Corpus, engine: EntityEngine) -> dict[str, list[Mention]]:
    """Every article's mentions."""
    return engine.extract_corpus({a.id: a.text for a in corpus.articles})


@pytest.fixture(scope="module")
def timeline(corpus: Corpus, mentions: dict[str, list[Mention]]) -> Timeline:
    """The corpus timeline."""
    return build_timeline(corpus.articles, mentions)


def test_events_are_in_date_order(timeline: Timeline) -> None:
    starts = [event.when.start for event in timeline.events]
    assert starts == sorted(starts) and len(starts) > 10


def test_the_larijani_dar_meeting_is_one_event_from_two_articles(timeline: Timeline) -> None:
    meeting = [
        e for e in timeline.events
        if e.when.start == date(2025, 11, 25) and {"person:larijani", "person:ishaq-dar"} <= e.participants.keys()
    ]  # fmt: skip
    assert meeting
    for event in meeting:
        assert sorted({s.article[:3] for s in event.sources}) == ["001", "004"]
        assert event.when.precision == "day" and event.when.label() == "25 Nov 2025"


def test_pezeshkians_august_visit_merges_the_month_with_the_day(timeline: Timeline) -> None:
    visit = next(e for e in timeline.events if any("Pezeshkian visited" in s.sentence for s in e.sources))
    assert {s.article[:3] for s in visit.sources} == {"002", "003"}
    assert visit.when.start == date(2025, 8, 2) and visit.when.precision == "day"


def test_figures_keep_their_values(timeline: Timeline) -> None:
    trade = next(e for e in timeline.events if e.when.reason.startswith("Solar Hijri year 1403"))
    assert {"text": "13.6 percent", "value": 13.6, "unit": "percent", "type": "figure"} in trade.figures
    assert any(f["value"] == 3.1e9 and f["unit"] == "USD" for f in trade.figures)


def test_a_dateline_is_not_an_event(timeline: Timeline) -> None:
    assert not any(
        s.sentence.startswith("November 7, 2025 - 20:37") for e in timeline.events for s in e.sources
    )


def test_every_source_span_holds_its_sentence(timeline: Timeline, corpus: Corpus) -> None:
    for event in timeline.events:
        for source in event.sources:
            article = corpus.find(source.article)
            assert article is not None
            assert article.text[source.start : source.end].strip() == source.sentence


def test_timeline_for_an_entity(timeline: Timeline) -> None:
    events = timeline.for_entity("person:larijani")
    assert events and all("person:larijani" in e.participants for e in events)
    assert len(events) < len(timeline.events)


def test_timelinejs_slides(timeline: Timeline, corpus: Corpus) -> None:
    document = timelinejs(timeline, {a.id: a.title for a in corpus.articles})
    slides = document["events"]
    assert len(slides) == len(timeline.events)
    meeting = next(s for s in slides if s["display_date"] == "25 Nov 2025")
    assert meeting["start_date"] == {"year": "2025", "month": "11", "day": "25"}
    month = next(s for s in slides if s["display_date"] == "Aug 2025") if any(
        s["display_date"] == "Aug 2025" for s in slides) else None  # fmt: skip
    assert month is None or "day" not in month["start_date"]
    war = next(s for s in slides if s["display_date"] == "13–24 Jun 2025")
    assert war["end_date"] == {"year": "2025", "month": "6", "day": "24"}
    assert all("<" not in s["text"]["headline"] for s in slides)


def test_xref_finds_a_person_under_another_spelling(
    engine: EntityEngine, corpus: Corpus, mentions: dict[str, list[Mention]]
) -> None:
    entity = engine.resolve("Ghalibaf")
    assert entity is not None and entity.id == "person:qalibaf"
    index = XrefIndex(corpus.articles, mentions)
    found = index.occurrences(entity.id)
    assert len(found) == 18 and {o.article[:3] for o in found} == {"000"}
    for occurrence in found:
        assert occurrence.text in occurrence.sentence
    with_him = index.co_mentioned(entity.id)
    assert with_him["place:pakistan"] >= 5


def test_larijani_appears_in_three_articles(
    engine: EntityEngine, corpus: Corpus, mentions: dict[str, list[Mention]]
) -> None:
    entity = engine.resolve("the SNSC chief")
    assert entity is not None and entity.id == "person:larijani"
    found = XrefIndex(corpus.articles, mentions).occurrences(entity.id)
    assert {o.article[:3] for o in found} == {"001", "003", "004"}


def test_related_articles_weight_rare_entities(corpus: Corpus, mentions: dict[str, list[Mention]]) -> None:
    index = XrefIndex(corpus.articles, mentions)
    ranked = index.related("001_837904dac7d69cd7")
    assert index.related("001_837904dac7d69cd7", limit=2) == ranked[:2]
    assert ranked[0]["article"].startswith("004")  # the same visit, the same people
    shared = {s["name"]: s["weight"] for s in ranked[0]["shared"]}
    assert shared["Mohammad Ishaq Dar"] > shared["Pakistan"]
    assert not any(s["id"].startswith("date:") for r in ranked for s in r["shared"])


def test_a_texts_own_ministry_is_no_participant_and_merged_events_stay_small(engine: EntityEngine) -> None:
    """'The foreign ministry' whose country a text does not say has an id of that text alone: if events
    counted it, one event reported by 200 articles would list 200 ministries, each paired with every
    other participant (the merge went quadratic at 10,000 articles)."""
    sentence = "On November 25, 2025, Ali Larijani met Ishaq Dar at the foreign ministry, officials said."
    articles = [
        Article(
            f"{n:03}_same", f"Report {n}", f"Report number {n}.\n\n{sentence}", published=date(2025, 11, 26)
        )
        for n in range(200)
    ]
    found = engine.extract_corpus({a.id: a.text for a in articles})
    local = [m.entity_id for m in found[articles[0].id] if text_local(m.entity_id)]
    assert local and local[0].startswith("org:foreign-ministry")  # a text-local organisation
    [event] = build_timeline(articles, found).events
    assert len(event.sources) == 200
    assert not any(text_local(entity) for entity in (*event.participants, *event.actors))
    assert {"person:larijani", "person:ishaq-dar"} <= event.participants.keys()
