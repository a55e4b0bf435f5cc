"""Pilot tests of the Search pane: type, see the articles holding the text, open one at its matches."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Input

from tests.ui.conftest import SIZE, settle
from tui.ui.app import ReaderApp
from tui.ui.reader.article_view import ArticleView
from tui.ui.reader.find_bar import FindInput
from tui.ui.screens.reader import ReaderScreen
from tui.ui.search.search_pane import SearchPane, SearchRows
from tui.ui.widgets.line_list import LineList


async def searched(pilot: Any, query: str) -> SearchRows:
    """Wait (a few seconds at most) for the results of a query: searching waits for typing to pause."""
    for _ in range(100):
        await settle(pilot)
        rows = pilot.app.query_one("#search-list", LineList).rows
        if isinstance(rows, SearchRows) and rows.query == query:
            return rows
        await pilot.pause(0.05)
    raise AssertionError(f"no results for {query!r}")


async def test_search_every_article_then_open_one_at_its_matches(make_app: Callable[..., ReaderApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.query_one(SearchPane).words is not None
        await pilot.press("ctrl+f")
        await pilot.pause()
        field = app.query_one("#search-input", Input)
        assert app.focused is field
        await pilot.press(*"larij")
        rows = await searched(pilot, "larij")
        assert [rows.article(i)[:3] for i in range(len(rows))] == ["001", "003", "004"]
        first = [line.plain for line in rows.lines(0)]
        assert "matches" in first[0] and "larij" in first[1].lower()
        assert "3 of 5 articles" in str(app.query_one("#search-status").render())
        await pilot.press("enter", "down", "enter")  # into the list, the second article, open it
        await settle(pilot)
        assert screen.article is not None and screen.article.id.startswith("003")
        assert app.query_one(FindInput).value == "larij"
        view = app.query_one(ArticleView)
        span = screen.stepper.current
        assert span is not None and view.text[span[0] : span[1]].lower() == "larij"


async def test_a_search_for_nothing_clears_the_list(make_app: Callable[..., ReaderApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f", *"zebra")
        assert len(await searched(pilot, "zebra")) == 0
        assert "0 of 5 articles" in str(app.query_one("#search-status").render())


async def test_down_in_the_query_goes_into_the_results(make_app: Callable[..., ReaderApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f", *"border")
        await settle(pilot)
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is app.query_one("#search-list")
