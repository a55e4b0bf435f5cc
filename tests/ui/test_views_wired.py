"""The full-width views opened from the reader: z on the pane in view, S for the coded segments, s
in the Xref pane for the same passage; Enter there opens the passage in the reader, Esc comes back
to where the user was. And Ctrl+P Maximize fills the screen with the whole pane."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.ui.conftest import settle, settle_until
from tests.ui.test_panes import indexed, into_text, xref_done
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.ui.app import ReaderApp
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.reader import ReaderScreen

AppFactory = Callable[..., ReaderApp]
SIZES = [(80, 24), (200, 50)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
async def test_z_opens_the_timeline_at_full_width_and_enter_opens_a_source(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    from tui.ui.timeline.timeline_screen import TimelineScreen

    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await indexed(pilot)
        article = screen.article
        await pilot.press("L", "z")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.size.width == size[0]  # the whole terminal
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.article is article  # back where the user was
        await pilot.press("z")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, TimelineScreen)
        await pilot.press("down", "enter")  # the first event (below its month): its first source
        await settle(pilot)
        assert app.screen is screen
        text = app.query_one(ArticleView)
        assert text.cursor.selection is not None and app.focused is text


async def test_z_in_the_text_opens_the_pane_in_view_and_s_the_same_passage(make_app: AppFactory) -> None:
    from tui.ui.xref.same_passage_screen import SamePassageScreen
    from tui.ui.xref.xref_screen import CrossReferencesScreen

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        view = await into_text(pilot)
        start = view.text.index("raising bilateral trade to $10 billion")
        view.select(start, start + len("raising bilateral trade to $10 billion"))
        await pilot.pause()
        await xref_done(pilot, "The selection, elsewhere:")
        await pilot.press("X")
        await pilot.pause()
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SamePassageScreen)
        await pilot.press("escape")
        await pilot.pause()
        app.query_one(ArticleView).focus()
        await pilot.press("z")  # from the text: the side pane in view (Xref)
        await settle(pilot)
        assert isinstance(app.screen, CrossReferencesScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
async def test_s_opens_the_coded_segments_and_enter_opens_the_passage(
    make_app: AppFactory, corpus: object, size: tuple[int, int]
) -> None:
    from tui.ui.annotations.segments_screen import SegmentsScreen

    other = corpus.find("003")  # type: ignore[attr-defined]
    start = other.text.index("Mohsin Naqvi")
    store = AnnotationStore.in_memory()
    store.save_tag(Tag("people", "#61afef", "who is who"))
    store.save(Annotation.create(other.id, other.text, start, start + 12, ("people",), "The minister"))
    app = make_app(store=store)
    async with app.run_test(size=size) as pilot:
        screen = await indexed(pilot)
        await pilot.press("S")
        await settle_until(pilot, lambda: isinstance(app.screen, SegmentsScreen))
        await settle(pilot)
        assert isinstance(app.screen, SegmentsScreen)
        app.screen.query_one("#segments-list").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and screen.article is not None and screen.article.id == other.id
        assert app.query_one(ArticleView).cursor.selection == (start, start + 12)


async def test_maximize_fills_the_screen_with_the_whole_pane_and_keeps_the_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await indexed(pilot)
        await pilot.press("X")
        await pilot.pause()
        app.screen.action_maximize()
        await pilot.pause()
        pane = app.query_one("#xref-pane")
        assert app.screen.maximized is pane
        assert pane.region.width == 200 and pane.region.height >= 48
        assert app.query_one("KeyBar").region.height == 1  # the keys stay in sight
        app.screen.action_minimize()
        await pilot.pause()
        assert pane.region.width < 100


@pytest.mark.parametrize(
    ("failing_step", "keys"),
    [
        ("tui.ui.annotations.segments_screen.placed", ("S",)),
        ("tui.ui.search.results_screen.matching_sentences", ("ctrl+f", *"border", "enter", "z")),
    ],
    ids=["segments", "search results"],
)
async def test_a_view_whose_work_fails_says_so_and_the_app_goes_on(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, failing_step: str, keys: tuple[str, ...]
) -> None:
    def failing(*_: object, **__: object) -> None:
        """Work that fails the way a bug does."""
        raise ValueError("year 99999 is out of range")

    monkeypatch.setattr("tui.ui.search.results_screen.FIRST", 0)  # every article's matches in the worker
    monkeypatch.setattr(failing_step, failing)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await indexed(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert any("ValueError: year 99999" in str(n.message) for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_search_results_open_at_full_width_and_enter_opens_the_match(make_app: AppFactory) -> None:
    from tui.ui.search.results_screen import SearchResultsScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await indexed(pilot)
        await pilot.press("ctrl+f", *"border")
        await settle(pilot)
        await pilot.press("enter", "z")  # into the results, then the view
        await settle(pilot)
        assert isinstance(app.screen, SearchResultsScreen)
        await pilot.press("down", "enter")  # the first article's first matching sentence
        await settle(pilot)
        assert app.screen is screen and screen.article is not None
        text = app.query_one(ArticleView)
        start, end = text.cursor.selection or (0, 0)
        assert text.text[start:end].casefold() == "border" and app.focused is text and in_view(text)


def in_view(text: ArticleView) -> bool:
    """Whether the selection in the text is on screen from its first line to its last."""
    start, end = text.cursor.selection or (0, 0)
    top, height = text.scroll_offset.y, text.scrollable_content_region.height
    return top <= text.line_of(start) and text.line_of(end - 1) < top + height


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
async def test_enter_in_the_cross_references_and_the_same_passage_opens_the_passage(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        view = await into_text(pilot)
        phrase = "raising bilateral trade to $10 billion"
        start = view.text.index(phrase)
        view.select(start, start + len(phrase))
        await pilot.pause()
        await xref_done(pilot, "The selection, elsewhere:")
        await pilot.press("X", "s")
        await settle(pilot)
        await pilot.press("down", "enter")  # the first passage elsewhere
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and app.query_one(ArticleView).cursor.selection is not None
        assert in_view(app.query_one(ArticleView))  # the whole passage, its last line too
        await pilot.press("X", "z")
        await settle(pilot)
        await pilot.press("G", "enter")  # the last entry with a target: a related article
        await settle(pilot)
        assert app.screen is screen


async def test_esc_from_a_view_leaves_the_reader_as_it_was(make_app: AppFactory) -> None:
    from textual.widgets import TabbedContent

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await indexed(pilot)
        await pilot.press("L", "j", "j")
        await pilot.pause()
        listing = app.query_one("#timeline-list")
        before = (screen.article, app.focused, app.query_one(TabbedContent).active, listing.cursor)  # type: ignore[attr-defined]
        for key in ("z", "S"):
            await pilot.press(key)
            await settle(pilot)
            assert not isinstance(app.screen, ReaderScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
            after = (screen.article, app.focused, app.query_one(TabbedContent).active, listing.cursor)  # type: ignore[attr-defined]
            assert after == before


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
@pytest.mark.parametrize(
    ("key", "pane"),
    [("E", "#entity-pane"), ("A", "#annotation-pane"), ("L", "#timeline-pane"), ("X", "#xref-pane"),
     ("ctrl+f", "#search-pane")],
)  # fmt: skip
async def test_maximize_from_the_palette_fills_the_screen_with_each_pane(
    make_app: AppFactory, size: tuple[int, int], key: str, pane: str
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await indexed(pilot)
        await pilot.press(key, "ctrl+p", *"maximize")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        widget = app.query_one(pane)
        assert app.screen.maximized is widget
        assert widget.region.width == size[0] and widget.region.height == size[1] - 1  # the keys stay


async def test_q_in_a_view_goes_back_to_the_reader_and_help_lists_the_views_keys(
    make_app: AppFactory,
) -> None:
    from tui.ui.help.help_screen import HelpScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await indexed(pilot)
        await pilot.press("L", "z")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        from tui.ui.help.keys import key_sections

        shown = " ".join(title for title, _ in key_sections(app))
        assert "Full-width views" in shown and "Coded segments" in shown and "Same passage" in shown
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and app.screen is screen
