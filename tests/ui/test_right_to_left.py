"""Pilot tests: the Persian posts of article 001 read right to left on screen, right-aligned and
joined, and selecting, finding, moving over and tagging them works on the text's own offsets."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from arabic_reshaper import ArabicReshaper
from textual.geometry import Region

from tests.ui.conftest import settle, settle_until
from tests.ui.test_commands import open_palette
from tui.cli import main as cli_main
from tui.core.annotations.exporting import export_bytes
from tui.core.annotations.store import AnnotationStore
from tui.core.workspace import Workspace
from tui.ui import launch
from tui.ui.annotations.tag_dialog import TagDialog
from tui.ui.app import ReaderApp
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.reader import ReaderScreen

AppFactory = Callable[..., ReaderApp]
ARTICLE = "001_837904dac7d69cd7"
PERSIAN = "امروز به پاکستان کشور دوست و برادرمان در منطقه سفر میکنم."
PHRASE = "پاکستان"
NAME = "علی لاریجانی"
LARIJANI = f"— Ali Larijani | {NAME} (@alilarijani_ir) November 24, 2025"
WRAPPED = "ایران و پاکستان دو کشور مهم"  # the start of a post that wraps at 80 columns
SIZES = [(80, 24), (200, 50)]


def visual(text: str) -> str:
    """Right-to-left words as a terminal that does not reorder must be given them: letters joined
    (arabic-reshaper's presentation forms, no ligatures) and in reverse."""
    return ArabicReshaper(configuration={"support_ligatures": False}).reshape(text)[::-1]


def is_presentation_form(character: str) -> bool:
    """Whether a character is an Arabic presentation form (display only, never to be stored)."""
    return 0xFB50 <= ord(character) <= 0xFDFF or 0xFE70 <= ord(character) <= 0xFEFF


async def open_persian_post(pilot: Any, anchor: str = PERSIAN) -> ArticleView:
    """Open article 001 with the post starting with ``anchor`` in sight, the text focused."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    screen.select_article(ARTICLE)
    await settle(pilot)
    view = pilot.app.query_one(ArticleView)
    view.scroll_to_offset(view.text.index(anchor))
    await pilot.pause()
    return view


def text_rows(app: ReaderApp, view: ArticleView) -> list[str]:
    """What the screen shows in the text's area, row by row, from the view's first row in sight."""
    area: Region = view.scrollable_content_region
    strips = app.screen._compositor.render_strips()
    return [strip.text[area.x : area.right] for strip in strips[area.y : area.bottom]]


def row_of(view: ArticleView, offset: int) -> int:
    """The row (from the top of the text's area) of the line holding ``offset``."""
    return view.line_of(offset) - view.scroll_offset.y


def cell_styles(app: ReaderApp, view: ArticleView, row: int) -> list[Any]:
    """The style of every cell of one row of the text's area."""
    area = view.scrollable_content_region
    styles: list[Any] = []
    for segment in app.screen._compositor.render_strips()[area.y + row]:
        styles.extend([segment.style] * len(segment.text))
    return styles[area.x : area.right]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
async def test_the_persian_posts_read_right_to_left_and_right_aligned(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        view = await open_persian_post(pilot)
        rows = text_rows(app, view)
        start = view.text.index(PERSIAN)
        persian = rows[row_of(view, start)]
        assert persian.rstrip() == " " * (len(persian) - len(PERSIAN)) + visual(PERSIAN)  # to the right edge
        mixed = rows[row_of(view, view.text.index(LARIJANI))]
        # A left-to-right line, its Persian name in reverse within it.
        assert mixed.rstrip() == LARIJANI.replace(NAME, visual(NAME))
        assert view.text[start : start + len(PERSIAN)] == PERSIAN  # the text itself is untouched
        assert not any(is_presentation_form(character) for character in view.text)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
async def test_a_persian_phrase_dragged_over_and_tagged_is_stored_as_written(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=size) as pilot:
        view = await open_persian_post(pilot)
        start = view.text.index(PHRASE, view.text.index(PERSIAN))
        row = row_of(view, start)
        # On screen the phrase's first letter is its rightmost cell: drag from there to its leftmost.
        left = text_rows(app, view)[row].index(visual(PHRASE))
        area = view.scrollable_content_region
        dx, dy = area.x - view.region.x, area.y - view.region.y + row
        await pilot.mouse_down(ArticleView, offset=(dx + left + len(PHRASE) - 1, dy))
        await pilot.hover(ArticleView, offset=(dx + left, dy))
        await pilot.mouse_up(ArticleView, offset=(dx + left, dy))
        await pilot.pause()
        assert view.cursor.selection == (start, start + len(PHRASE))
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"persian-post", "enter", "ctrl+s")
        await settle(pilot)
        [annotation] = store.annotations()
        assert annotation.quote == PHRASE and view.text[annotation.start : annotation.end] == PHRASE
        articles = {article.id: article for article in app.screen.corpus.articles}
        for kind in ("native", "w3c"):
            exported, count = export_bytes(kind, store, articles)
            decoded = orjson.loads(exported)
            assert count == 1 and PHRASE in exported.decode("utf-8"), kind
            assert not any(is_presentation_form(c) for c in orjson.dumps(decoded).decode("utf-8")), kind


async def test_find_select_by_keys_and_move_up_and_down_on_reordered_lines(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_persian_post(pilot)
        start = view.text.index(PHRASE, view.text.index(PERSIAN))
        await pilot.press("slash", *PHRASE)  # the first match is the current one
        await settle(pilot)
        # The current match is drawn on exactly the phrase's cells, wherever they are on screen.
        row = row_of(view, start)
        left = text_rows(app, view)[row].index(visual(PHRASE))
        styles = cell_styles(app, view, row)
        found = styles[left]
        assert styles[left : left + len(PHRASE)] == [found] * len(PHRASE)
        assert found not in styles[: left - 1] + styles[left + len(PHRASE) + 1 :]
        await pilot.press("escape")  # the cursor stays on the match: v selects from there
        await pilot.press("v", *["l"] * len(PHRASE))
        assert view.cursor.selection == (start, start + len(PHRASE))
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"persian-post", "enter", "ctrl+s")
        await settle(pilot)
        assert [annotation.quote for annotation in store.annotations()] == [PHRASE]

        # Up keeps the screen column: from the link under a wrapped post to the Persian above it.
        link = view.text.index("https://t.co/ltuTncpV8J")
        view.move_cursor(link)
        await pilot.pause()
        rows = text_rows(app, view)
        below = row_of(view, link)
        column = rows[below].index("https://")
        assert view.line_of(view.text.index(WRAPPED)) == view.line_of(link) - 1
        await pilot.press("k")
        await pilot.pause()
        above = view.cursor.offset
        drawn = unicodedata.normalize("NFKC", text_rows(app, view)[below - 1][column])
        assert view.line_of(above) == view.line_of(link) - 1 and drawn == view.text[above]
        await pilot.press("j")
        assert view.cursor.offset == link
        # Up from the paragraph below goes through every line of the posts, never stuck on one.
        view.move_cursor(view.text.index("Before his departure") + 5)
        lines = []
        for _ in range(8):
            await pilot.press("k")
            lines.append(view.line_of(view.cursor.offset))
        assert lines == sorted(lines, reverse=True) and len(set(lines)) == len(lines)


async def test_bidi_terminal_draws_logical_order_and_the_palette_switches_it(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IRANPAK_CACHE", str(tmp_path / "cache"))
    started: list[tuple[Any, ...]] = []
    monkeypatch.setattr(launch, "launch", lambda *args: started.append(args) or 0)
    assert cli_main.main(["--workspace", str(workspace), "--bidi", "terminal"]) == 0
    assert started[0][1] == "terminal"
    app = launch.make_app(Workspace(workspace, "a test"), bidi="terminal")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_until(pilot, lambda: getattr(app.screen, "mentions", None) is not None)
        view = await open_persian_post(pilot)
        row = row_of(view, view.text.index(PERSIAN))
        assert text_rows(app, view)[row].rstrip() == PERSIAN  # as stored: left to the terminal
        shown = await open_palette(pilot, "right-to-left", "Right-to-left text")
        assert any(hit.startswith("Right-to-left text: put it in order in the app") for hit in shown)
        await pilot.press("enter")
        await settle(pilot)
        assert view.bidi == "app"
        assert text_rows(app, view)[row].strip() == visual(PERSIAN)
