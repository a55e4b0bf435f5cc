"""Pilot tests of the Timeline and Search results at full width, each pushed by a bare app."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen

from tui.core.corpus_search import search
from tui.core.models import Article
from tui.core.timeline.build import Timeline
from tui.core.timeline.events import Event, Source
from tui.core.timeline.when import When
from tui.ui.labels import NO_DATE, counted, date_label
from tui.ui.messages import OpenPassage
from tui.ui.search.results_screen import SearchResultRows, SearchResultsScreen
from tui.ui.timeline.timeline_screen import TimelineScreen
from tui.ui.widgets.wrapped_list import WrappedList

HOSTILE = "[b]x[/b] \x1b[2J [@click=app.quit]q[/]"
SHOWN = "[b]x[/b] ␛[2J [@click=app.quit]q[/]"
LONG = (
    "Pakistan and Iran agreed to reopen the crossing at Taftan for trade, pilgrims and fuel convoys, "
    "ending months of closures that traders on both sides of the border had called ruinous, and "
    "agreed to meet again before the winter to review the customs arrangements lastwordone."
)
SIZES = [(80, 24), (200, 50)]


class ViewApp(App[None]):
    """A bare app that pushes one view and records what it is dismissed with."""

    def __init__(self, view: Screen[OpenPassage | None]) -> None:
        super().__init__()
        self.view = view
        self.results: list[OpenPassage | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.view, self.results.append)


def screen_text(app: App[Any]) -> str:
    """The whole screen as one line of words."""
    return " ".join(" ".join(strip.text for strip in app.screen._compositor.render_strips()).split())


def fields(passage: OpenPassage | None) -> tuple[str, int | None, int | None, str] | None:
    """What a passage asks to open."""
    return None if passage is None else (passage.article, passage.start, passage.end, passage.find)


def the_timeline() -> Timeline:
    """Two articles (one with a hostile title): an event told by both, a month-precision event."""
    second = "Officials said the talks went well."
    told = Event(
        When.day(date(2025, 11, 25), "test"),
        {"person:larijani": "Ali Larijani", "place:islamabad": "Islamabad"},
        {"person:larijani"},
        (),
        [Source("a1", 10, 10 + len(LONG), LONG), Source("a2", 40, 40 + len(second), second)],
    )
    month = Event(
        When.month(2025, 12, "test"), {}, (), (), [Source("a2", 90, 120, "Trade will grow in December.")]
    )
    return Timeline([told, month], {"a1": date(2025, 11, 25), "a2": date(2025, 11, 26)})


TITLES = {"a1": f"Crossing reopens {HOSTILE}", "a2": "Talks in Islamabad"}


@pytest.mark.parametrize("size", SIZES)
async def test_the_timeline_shows_every_source_in_full(size: tuple[int, int]) -> None:
    app = ViewApp(TimelineScreen(the_timeline(), [0, 1], TITLES, "All events"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Timeline · All events · 2 events, 3 sources" in text
        assert "25 Nov 2025 · 2 sources Ali Larijani, Islamabad" in text
        assert LONG in text and "lastwordone." in text  # the headline: the first source in full
        assert f"▸ Crossing reopens {SHOWN} · 2025-11-25" in text
        assert "▸ Talks in Islamabad · 2025-11-26 Officials said the talks went well." in text
        assert "\x1b" not in text and "⏎ Open" in text and "esc Back" in text


async def test_enter_on_the_timeline_opens_a_marker_an_event_or_a_source() -> None:
    timeline = the_timeline()
    app = ViewApp(TimelineScreen(timeline, [0, 1], TITLES, "All events"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the first entry: a1's publication marker
        assert [fields(p) for p in app.results] == [("a1", None, None, "")]
    for keys, expected in (
        (("j",), ("a1", 10, 10 + len(LONG), "")),  # the event: its first source
        (("j", "j", "j"), ("a2", 40, 75, "")),  # its second source
    ):
        app = ViewApp(TimelineScreen(timeline, [0, 1], TITLES, "All events"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*keys, "enter")
            assert [fields(p) for p in app.results] == [expected]
    app = ViewApp(TimelineScreen(timeline, [0], TITLES, "Ali Larijani"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Timeline · Ali Larijani · 1 event" in screen_text(app)
        await pilot.press("escape")
        assert app.results == [None]


def the_articles(count: int = 3) -> list[Article]:
    """Articles holding "Taftan" in various cases, the first with a hostile title and a long sentence."""
    first = Article(
        "a1",
        f"Border {HOSTILE}",
        f"A short opening. {LONG} Then TAFTAN again, and taftan.",
        published=date(2025, 11, 25),
        source="Dawn",
    )
    rest = [
        Article(
            f"b{n}", f"Report {n}", f"Nothing here. The Taftan gate was busy on day {n}.", source="Tribune"
        )
        for n in range(count - 1)
    ]
    return [first, *rest, Article("c", "Elsewhere", "No match in this one.")]


@pytest.mark.parametrize("size", SIZES)
async def test_search_results_show_every_matching_sentence_in_full(size: tuple[int, int]) -> None:
    articles = the_articles()
    numbers = search(articles, "taftan")
    app = ViewApp(SearchResultsScreen(articles, numbers, "taftan"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Search · “taftan” · 3 articles, 5 matches in 4 sentences" in text
        assert f"Border {SHOWN} 2025-11-25 · Dawn · 3 matches" in text
        assert LONG in text and "lastwordone." in text and "Then TAFTAN again, and taftan." in text
        assert "Report 0 date unknown · Tribune · 1 match" in text and "Elsewhere" not in text
        assert "\x1b" not in text
        rows = app.screen.query_one(WrappedList).rows
        assert isinstance(rows, SearchResultRows)
        marked = rows.lines(2)[0]  # "Then TAFTAN again, and taftan.": both matches highlighted
        assert [marked.plain[span.start : span.end] for span in marked.spans] == ["TAFTAN", "taftan"]


async def test_enter_on_search_results_opens_the_article_or_the_match() -> None:
    articles = the_articles()
    numbers = search(articles, "taftan")
    taftan = articles[0].text.index("Taftan")
    for keys, expected in (
        ((), ("a1", None, None, "taftan")),
        (("j",), ("a1", taftan, taftan + 6, "")),
        (("escape",), None),
    ):
        app = ViewApp(SearchResultsScreen(articles, numbers, "taftan"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*keys, *(["enter"] if keys != ("escape",) else []))
            assert [fields(p) for p in app.results] == [expected]


async def test_many_search_results_open_at_once_and_fill_in() -> None:
    articles = the_articles(1_200)
    numbers = search(articles, "taftan")
    view = SearchResultsScreen(articles, numbers, "taftan")
    assert len(view.results) < 100 and view.counting
    app = ViewApp(view)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(view.results) == 3 + 2 * 1_199 and not view.counting
        assert "1,200 articles, 1,202 matches in 1,201 sentences" in screen_text(app)
        await pilot.press("G", "enter")
        assert [fields(p) for p in app.results] == [("b1198", 18, 24, "")]


def test_counts_and_dates_are_written_one_way_in_every_view() -> None:
    assert counted(1, "match", "matches") == "1 match" and counted(2, "match", "matches") == "2 matches"
    assert counted(0, "source") == "0 sources" and counted(2400, "mention") == "2,400 mentions"
    assert date_label(date(2025, 11, 5)) == "2025-11-05" and date_label(None) == NO_DATE == "date unknown"


async def test_the_timeline_says_date_unknown_for_an_undated_article() -> None:
    timeline = the_timeline()
    undated = Timeline(timeline.events, {"a2": timeline.published["a2"]})  # a1's date is not known
    app = ViewApp(TimelineScreen(undated, [0, 1], TITLES, "All events"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert f"▸ Crossing reopens {SHOWN} · date unknown" in screen_text(app)
