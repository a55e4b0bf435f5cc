"""Keys typed ahead, all in one burst as tmux, a paste or a fast typist sends them, go where the
keys before them have sent the focus: into a dialog just opened, the find bar, the search field,
the palette or the list just focused, and none of them to the text behind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.command import CommandInput, CommandPalette
from textual.widgets import Input

from tests.ui.conftest import burst, reader_ready, settle
from tests.ui.test_tag_dialog import stocked_store
from tui.ui.annotations.tag_dialog import TagDialog
from tui.ui.app import ReaderApp
from tui.ui.reader.article_view import ArticleView

AppFactory = Callable[..., ReaderApp]


async def in_the_text(pilot: Any) -> ArticleView:
    """Wait for the reader, then put the focus in the first article's text."""
    await reader_ready(pilot)
    view = pilot.app.query_one(ArticleView)
    view.focus()
    await settle(pilot)
    return view


async def test_a_tagging_typed_in_one_burst_after_the_selection_is_saved(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await in_the_text(pilot)
        view.select(26, 32)
        await burst(pilot, "t", *"sec", "enter", "enter")
        assert not isinstance(app.screen, TagDialog)
        assert [a.tags for a in store.annotations()] == [("security",)]


async def test_two_passages_coded_in_one_burst(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await in_the_text(pilot)
        await burst(
            pilot,
            "v",
            "right_parenthesis",
            "t",
            *"tra",
            "enter",
            "enter",
            "v",
            "right_parenthesis",
            "full_stop",
        )
        assert [a.tags for a in store.annotations()] == [("trade",), ("trade",)]
        first, second = sorted(store.annotations(), key=lambda a: a.start)
        assert first.end <= second.start


async def test_letters_after_slash_go_to_the_find_field(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await in_the_text(pilot)
        await burst(pilot, "slash", *"Karachi", "enter", "escape")
        view = app.query_one(ArticleView)
        start = view.cursor.offset
        assert app.screen.query_one("#find-bar Input", Input).value == "Karachi"
        assert view.text[start : start + 7] == "Karachi"


async def test_letters_after_ctrl_f_go_to_the_search_field(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await in_the_text(pilot)
        await burst(pilot, "ctrl+f", *"border")
        assert app.screen.query_one("#search-input", Input).value == "border"


async def test_letters_after_ctrl_p_go_to_the_palette(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await burst(pilot, "ctrl+p", *"larijani")
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).value == "larijani"


async def test_a_list_focused_by_a_key_gets_the_keys_after_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await in_the_text(pilot)
        first = app.screen.article.id  # type: ignore[attr-defined]
        await burst(pilot, "a", "down", "enter")
        await settle(pilot)
        assert app.screen.article.id != first  # type: ignore[attr-defined]
