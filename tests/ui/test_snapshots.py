"""Snapshot tests of the look: at a fixed terminal size in dark and light themes, and the main
screen and tag dialog at 80×24, 120×40 and 200×50."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.ui.conftest import reader_ready, settle, settle_behind_dialog
from tui.core.annotations.model import PALETTE, Tag
from tui.core.annotations.store import AnnotationStore
from tui.ui.app import ReaderApp

SNAPSHOT_SIZE = (130, 36)


class TestLook:
    """What a new user sees."""

    def test_opening_screen_dark(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        assert snap_compare(make_app(), terminal_size=SNAPSHOT_SIZE, run_before=reader_ready)

    def test_opening_screen_light(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        async def light(pilot: Any) -> None:
            pilot.app.theme = "textual-light"
            await reader_ready(pilot)

        assert snap_compare(make_app(), terminal_size=SNAPSHOT_SIZE, run_before=light)

    def test_entity_chosen_and_find_open(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        async def choose(pilot: Any) -> None:
            await reader_ready(pilot)
            entity = pilot.app.engine.resolve("Larijani")
            pilot.app.screen.select_article("004_3c3a3a1058f57532")
            await pilot.pause()
            pilot.app.screen.mark_entity(entity.id)
            await pilot.press("slash", *"islamabad")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=SNAPSHOT_SIZE, run_before=choose)

    def test_help_screen(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        async def help_open(pilot: Any) -> None:
            await reader_ready(pilot)
            await pilot.press("question_mark")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=SNAPSHOT_SIZE, run_before=help_open)

    def test_annotations_marked_with_the_pane_open(
        self, snap_compare: Any, make_app: Callable[..., ReaderApp], corpus: Any
    ) -> None:
        from tui.core.annotations.model import Annotation, Tag
        from tui.core.annotations.store import AnnotationStore

        text = corpus.find("000_9154f6903408afad").text
        store = AnnotationStore.in_memory()
        store.save_tag(
            Tag("people", "#61afef", created="2026-01-01T00:00:00Z", modified="2026-01-01T00:00:00Z")
        )
        store.save_tag(
            Tag("trade", "#e5c07b", created="2026-01-01T00:00:00Z", modified="2026-01-01T00:00:00Z")
        )
        start = text.index("Mohammad Baqer")
        trade = text.index("raising bilateral trade")
        store.save(
            Annotation.create("000_9154f6903408afad", text, start, start + 22, ("people",), "the Speaker"),
            Annotation.create("000_9154f6903408afad", text, start + 15, start + 60, ("trade",)),
            Annotation.create("000_9154f6903408afad", text, trade, trade + 38, ("trade",)),
        )

        async def annotated(pilot: Any) -> None:
            await reader_ready(pilot)
            pilot.app.query_one("#side").active = "annotations-tab"
            await pilot.press("enter")
            view = pilot.app.query_one("ArticleView")
            view.move_cursor(start + 16)
            await pilot.pause()

        assert snap_compare(make_app(store=store), terminal_size=SNAPSHOT_SIZE, run_before=annotated)


async def article_open(pilot: Any) -> None:
    """The first article open, its entities found and the side panes mounted."""
    await reader_ready(pilot)


def codebook_store() -> AnnotationStore:
    """A store holding a codebook of three tags and no passages."""
    store = AnnotationStore.in_memory()
    for tag in (
        Tag("regional-tension", PALETTE[3], "Regional instability framing"),
        Tag("security", PALETTE[0]),
        Tag("trade", PALETTE[1]),
    ):
        store.save_tag(tag)
    return store


async def tag_dialog_open(pilot: Any) -> None:
    """The tag dialog over a selection of three words in the text, "reg" typed: the tag it finds
    highlighted, and the row that would create "reg"."""
    await reader_ready(pilot)
    pilot.app.query_one("ArticleView").focus()
    await pilot.press("v", "w", "w", "w", "t", "r", "e", "g")
    await settle(pilot)  # the key bar behind the dialog redraws for the dialog's focus
    await settle_behind_dialog(pilot)


class SizedLook:
    """The main screen and the tag dialog at the size a subclass names (not collected itself)."""

    SIZE: tuple[int, int]

    def test_article_open(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        assert snap_compare(make_app(), terminal_size=self.SIZE, run_before=article_open)

    def test_tag_dialog(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        app = make_app(store=codebook_store())
        assert snap_compare(app, terminal_size=self.SIZE, run_before=tag_dialog_open)


class TestAt80x24(SizedLook):
    """The default size of most terminals: the text has the row, the list and panes come over it."""

    SIZE = (80, 24)

    def test_list_over_the_text(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        async def list_open(pilot: Any) -> None:
            await reader_ready(pilot)
            await pilot.press("a", "j")
            await settle(pilot)  # the panel's focus and the key bar's redraw
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=self.SIZE, run_before=list_open)

    def test_entities_over_the_text(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        async def entities_open(pilot: Any) -> None:
            await reader_ready(pilot)
            await pilot.press("E")
            await settle(pilot)  # the tabs place their underline once they have a size

        assert snap_compare(make_app(), terminal_size=self.SIZE, run_before=entities_open)


class TestAt120x40(SizedLook):
    """A medium terminal: list, text and side pane share the row."""

    SIZE = (120, 40)


class TestAt200x50(SizedLook):
    """A large terminal: the side pane grows with it."""

    SIZE = (200, 50)
