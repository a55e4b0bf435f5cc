"""Pilot tests of the layout at the sizes people use: 80×24, 120×40 and 200×50."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from tests.ui.conftest import settle
from tui.core.models import Article
from tui.ui.app import ReaderApp
from tui.ui.reader.article_header import MORE, ArticleHeader
from tui.ui.reader.article_list import ArticleList
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.reader import ReaderScreen

AppFactory = Callable[..., ReaderApp]

SMALL = (80, 24)
MEDIUM = (120, 40)
LARGE = (200, 50)


def reader(app: ReaderApp) -> ReaderScreen:
    """The app's screen, which must be the reader."""
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


@asynccontextmanager
async def started(make_app: AppFactory, size: tuple[int, int]) -> AsyncIterator[Pilot[None]]:
    """The reader on the bundled corpus at ``size``, its background work done."""
    async with make_app().run_test(size=size) as pilot:
        await settle(pilot)
        yield pilot


async def open_panel(pilot: Pilot[None], key: str, panel: Widget) -> None:
    """Press ``key`` and check ``panel`` comes over the text with the focus, the text keeping its
    width and the keys staying in sight."""
    app, view = pilot.app, pilot.app.query_one(ArticleView)
    width = view.region.width
    await pilot.press(key)
    await pilot.pause()
    assert shown(panel) and app.focused is not None and panel in app.focused.ancestors_with_self
    assert panel.region.overlaps(view.region) and view.region.width == width
    assert not panel.region.overlaps(app.query_one("KeyBar").region)


def shown(widget: Widget) -> bool:
    """Whether ``widget`` is drawn on screen (displayed, with a size, inside the screen)."""
    return widget.display and widget.screen.region.overlaps(widget.region)


async def test_at_80x24_the_text_takes_most_of_the_width(make_app: AppFactory) -> None:
    async with started(make_app, SMALL) as pilot:
        app = pilot.app
        view = app.query_one(ArticleView)
        assert view.content_region.width >= 60
        assert not shown(app.query_one(ArticleList)) and not shown(app.query_one("#side"))
        assert app.focused is view  # the text, not a hidden list, takes the keys


async def test_at_80x24_a_lays_the_list_over_the_text_and_enter_opens_and_hides_it(
    make_app: AppFactory,
) -> None:
    async with started(make_app, SMALL) as pilot:
        app = pilot.app
        screen, view, listing = reader(app), app.query_one(ArticleView), app.query_one(ArticleList)
        await open_panel(pilot, "a", listing)
        assert app.focused is listing
        await pilot.press("j", "enter")
        await pilot.pause()
        assert screen.article is not None and screen.article.id.startswith("001")
        assert app.focused is view and not shown(listing)


async def test_at_80x24_e_lays_the_side_pane_over_the_text_and_escape_closes_it(
    make_app: AppFactory,
) -> None:
    async with started(make_app, SMALL) as pilot:
        app = pilot.app
        side = app.query_one("#side")
        await open_panel(pilot, "E", side)
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.query_one(ArticleView) and not shown(side)


@pytest.mark.parametrize("size", [MEDIUM, LARGE])
async def test_from_120_columns_the_list_and_side_pane_share_the_row(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    async with started(make_app, size) as pilot:
        app = pilot.app
        listing, view, side = app.query_one(ArticleList), app.query_one(ArticleView), app.query_one("#side")
        assert shown(listing) and shown(side)
        assert listing.region.right <= view.region.x and view.region.right <= side.region.x
        assert view.content_region.width >= 45


async def test_the_side_pane_grows_with_the_terminal(make_app: AppFactory) -> None:
    async with started(make_app, MEDIUM) as pilot:
        app = pilot.app
        side = app.query_one("#side")
        medium = side.region.width
        await pilot.resize_terminal(*LARGE)
        await settle(pilot)
        assert side.region.width >= LARGE[0] * 3 // 10 > medium
        assert app.query_one(ArticleView).content_region.width >= 90


async def test_narrowing_the_terminal_lays_the_panes_over_the_text(make_app: AppFactory) -> None:
    async with started(make_app, MEDIUM) as pilot:
        app = pilot.app
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        assert app.query_one(ArticleView).content_region.width >= 60
        assert shown(app.query_one(ArticleList))  # it has the focus: it stays in front until left
        await pilot.press("enter")
        await pilot.pause()
        assert not shown(app.query_one(ArticleList))
        await pilot.resize_terminal(*MEDIUM)  # and back: beside the text again
        await settle(pilot)
        listing, view, side = app.query_one(ArticleList), app.query_one(ArticleView), app.query_one("#side")
        assert shown(listing) and shown(side)
        assert listing.region.right <= view.region.x and view.region.right <= side.region.x


async def test_a_long_standfirst_is_folded_with_a_marker_and_unfolds(make_app: AppFactory) -> None:
    words = " ".join(f"word{n}" for n in range(120))
    article = Article("x", "A title", "Body text.", standfirst=f"Start {words} the very end.")
    async with started(make_app, SMALL) as pilot:
        header = pilot.app.query_one(ArticleHeader)
        header.show_article(article)
        await pilot.pause()
        folded = header.render().plain
        assert MORE in folded and "the very end." not in folded
        height = header.region.height
        await pilot.press("i")
        await pilot.pause()
        unfolded = header.render().plain
        assert "Start word0" in unfolded and "the very end." in unfolded and MORE not in unfolded
        assert header.region.height > height
        await pilot.click(ArticleHeader)
        await pilot.pause()
        assert MORE in header.render().plain and header.region.height == height
        await pilot.press("i")
        header.show_article(article)  # the same article shown again (entities found): it stays unfolded
        await pilot.pause()
        assert "the very end." in header.render().plain
        header.show_article(Article("y", "Another", "Text.", standfirst=f"Again {words}."))
        await pilot.pause()
        assert MORE in header.render().plain  # a new article starts folded


async def test_a_cut_date_basis_says_so_and_unfolds(make_app: AppFactory) -> None:
    basis = "a photo caption " + "that goes on " * 12 + "to its last words"
    article = Article("x", "A title", "Body text.", date_basis=basis)
    async with started(make_app, SMALL) as pilot:
        header = pilot.app.query_one(ArticleHeader)
        header.show_article(article)
        await pilot.pause()
        assert MORE in header.render().plain and "last words" not in header.render().plain
        await pilot.press("i")
        await pilot.pause()
        assert "to its last words" in header.render().plain.replace("\n", " ")


async def test_at_80x24_tab_and_shift_tab_bring_the_panes_in(make_app: AppFactory) -> None:
    async with started(make_app, SMALL) as pilot:
        app = pilot.app
        listing, view, side = app.query_one(ArticleList), app.query_one(ArticleView), app.query_one("#side")
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is listing and shown(listing) and not shown(side)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is view and not shown(listing) and not shown(side)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not None and side in app.focused.ancestors and shown(side)
        assert not shown(listing)


@pytest.mark.parametrize("width", [80, 110, 120, 149, 150, 200])
async def test_every_tab_name_is_in_sight_at_every_width(
    make_app: Callable[..., ReaderApp], width: int
) -> None:
    from textual.widgets import Tab

    app = make_app()
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(pilot)
        await pilot.press("E")  # narrow, the side pane comes over the text
        await settle(pilot)
        side = app.query_one("#side").region
        tabs = list(app.query(Tab))
        assert [str(tab.label) for tab in tabs] == ["Entities", "Annotations", "Timeline", "Xref", "Search"]
        for tab in tabs:
            shown = tab.region.intersection(side)
            assert shown.width == tab.region.width and tab.region.width >= len(str(tab.label)), str(tab.label)
