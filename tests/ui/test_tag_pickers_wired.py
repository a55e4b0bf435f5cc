"""Where a tag name is typed in the reader, it is picked as you type, typos included: the codebook's
merge target (M) and new name (R), and the Timeline's tag filter (T)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from textual.widgets import Input

from tests.ui.conftest import SIZE, reader_ready, settle
from tui.core.annotations.model import Annotation
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.ui.annotations.annotation_pane import AnnotationPane, Codebook
from tui.ui.app import ReaderApp
from tui.ui.dialogs.prompt import ConfirmDialog
from tui.ui.dialogs.tag_picker import TagPickerDialog
from tui.ui.widgets.line_list import LineList

AppFactory = Callable[..., ReaderApp]
FIRST = "000_9154f6903408afad"
TAGS = ("border-incident", "regional-tension", "security", "trade")


def coded(corpus: Corpus) -> AnnotationStore:
    """A store with one passage of the first article for each tag, two for regional-tension."""
    text = corpus.find(FIRST).text
    store = AnnotationStore.in_memory()
    store.save(*(Annotation.create(FIRST, text, 10 * n, 10 * n + 8, (name,)) for n, name in enumerate(TAGS)))
    store.save(Annotation.create(FIRST, text, 60, 70, ("regional-tension",)))
    return store


@asynccontextmanager
async def on_tag(
    make_app: AppFactory, corpus: Corpus, name: str, key: str
) -> AsyncIterator[tuple[Any, AnnotationStore, TagPickerDialog]]:
    """The reader over :func:`coded`, ``key`` pressed on ``name`` in the codebook: the pilot, the
    store and the picker the key opened."""
    store = coded(corpus)
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        codebook = app.query_one(Codebook)
        codebook.focus()
        codebook.highlighted = next(
            i for i in range(codebook.option_count) if codebook.get_option_at_index(i).id == name
        )
        await pilot.press(key)
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, TagPickerDialog)
        yield pilot, store, picker


async def test_a_typo_in_the_merge_target_merges_into_the_tag_meant(
    make_app: AppFactory, corpus: Corpus
) -> None:
    async with on_tag(make_app, corpus, "security", "M") as (pilot, store, picker):
        assert "security" not in picker.choices  # a tag is not merged into itself
        await pilot.press(*"regional-tenson", "enter")
        await pilot.pause()
        assert store.tag_counts() == {"border-incident": 1, "regional-tension": 3, "trade": 1}


async def test_esc_in_the_merge_picker_changes_nothing(make_app: AppFactory, corpus: Corpus) -> None:
    async with on_tag(make_app, corpus, "security", "M") as (pilot, store, _picker):
        await pilot.press(*"trade", "escape")
        await pilot.pause()
        assert store.tag_counts() == {"border-incident": 1, "regional-tension": 2, "security": 1, "trade": 1}


async def test_renaming_into_a_tag_found_by_typing_merges_after_asking(
    make_app: AppFactory, corpus: Corpus
) -> None:
    async with on_tag(make_app, corpus, "border-incident", "R") as (pilot, store, picker):
        assert picker.query_one(Input).value == "border-incident"  # offered, to be edited or typed over
        await pilot.press(*"regional-ten", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert store.tag_counts() == {"regional-tension": 3, "security": 1, "trade": 1}


async def test_renaming_to_a_new_name_is_the_last_row(make_app: AppFactory, corpus: Corpus) -> None:
    async with on_tag(make_app, corpus, "trade", "R") as (pilot, store, picker):
        await pilot.press(*"tradecraft")
        await pilot.pause()
        assert picker.choices == ["tradecraft"]
        await pilot.press("enter")
        await pilot.pause()
        assert store.tag("trade") is None and store.tag_counts()["tradecraft"] == 1


async def test_the_timeline_tag_filter_finds_the_tag_despite_a_typo(
    make_app: AppFactory, corpus: Corpus
) -> None:
    text = corpus.find(FIRST).text
    store = AnnotationStore.in_memory()
    store.save(Annotation.create(FIRST, text, 0, len(text), ("security",)))
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await reader_ready(pilot)
        await pilot.press("L")
        listing = app.query_one("#timeline-list", LineList)
        everything = len(listing.rows)
        await pilot.press("T")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, TagPickerDialog) and picker.choices == ["security"]
        await pilot.press(*"secrity", "enter")
        await pilot.pause()
        assert "In passages tagged security" in str(app.query_one("#timeline-filter").render())
        assert 0 < len(listing.rows) < everything


async def test_a_tag_listed_in_the_pane_is_followed_through_a_rename_and_dropped_on_delete(
    make_app: AppFactory, corpus: Corpus
) -> None:
    store = coded(corpus)
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(AnnotationPane)
        codebook = app.query_one(Codebook)
        codebook.focus()
        codebook.highlighted = next(
            i for i in range(codebook.option_count) if codebook.get_option_at_index(i).id == "trade"
        )
        await pilot.press("enter")  # list trade's passages
        await settle(pilot)
        assert pane.tag_filter == "trade"
        codebook.focus()
        await pilot.press("R", "ctrl+u", *"commerce", "enter")
        await settle(pilot)
        assert pane.tag_filter == "commerce"
        assert "Tagged commerce: 1 passage" in str(pane.query_one("#passages-title").render())
        store.delete_tag("commerce")  # elsewhere: another window, the CLI
        pane.refresh_annotations()
        await settle(pilot)
        assert pane.tag_filter is None
