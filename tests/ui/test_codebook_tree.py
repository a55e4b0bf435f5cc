"""Pilot tests of the codebook as a tree: indented tags with own and total counts, folders, the move
key (P) with its picker and undo, and rename and delete carrying the children, at 80×24 and 200×50."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.widgets import Input

from tests.ui.conftest import reader_ready, settle
from tests.ui.test_commands import open_palette
from tests.ui.test_segments_view import title_of, viewing
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.ui.annotations.annotation_pane import AnnotationPane, Codebook
from tui.ui.app import ReaderApp
from tui.ui.dialogs.prompt import ConfirmDialog
from tui.ui.dialogs.tag_picker import TagPickerDialog
from tui.ui.widgets.line_list import LineList

AppFactory = Callable[..., ReaderApp]
FIRST = "000_9154f6903408afad"
SIZES = [(80, 24), (200, 50)]


def two_levels(corpus: Corpus) -> AnnotationStore:
    """Passages of the first article in a two-level codebook: framing with two children (one passage
    carrying both), framing itself once, and actors/iran under a folder that is no tag."""
    text = corpus.find(FIRST).text  # type: ignore[union-attr]
    store = AnnotationStore.in_memory()
    store.save(
        Annotation.create(FIRST, text, 0, 8, ("framing/security", "framing/economy")),
        Annotation.create(FIRST, text, 20, 28, ("framing/security",)),
        Annotation.create(FIRST, text, 40, 48, ("framing",)),
        Annotation.create(FIRST, text, 60, 68, ("actors/iran",)),
    )
    return store


def rows(app: ReaderApp) -> list[tuple[str | None, str]]:
    """The codebook's rows: each one's id and text."""
    codebook = app.query_one(Codebook)
    options = [codebook.get_option_at_index(i) for i in range(codebook.option_count)]
    return [(option.id, str(option.prompt)) for option in options]


@asynccontextmanager
async def codebook_of(
    make_app: AppFactory, corpus: Corpus, size: tuple[int, int]
) -> AsyncIterator[tuple[Any, AnnotationStore, Codebook]]:
    """The reader over :func:`two_levels` at ``size``, the Annotations pane open (A), the codebook focused."""
    store = two_levels(corpus)
    app = make_app(store=store)
    async with app.run_test(size=size) as pilot:
        await reader_ready(pilot)
        await pilot.press("A")
        codebook = app.query_one(Codebook)
        codebook.focus()
        await pilot.pause()
        yield pilot, store, codebook


async def press_on(pilot: Any, codebook: Codebook, name: str, *keys: str) -> None:
    """Highlight the row of ``name`` in the codebook and press ``keys``."""
    codebook.highlighted = next(
        i for i in range(codebook.option_count) if codebook.get_option_at_index(i).id == name
    )
    await pilot.press(*keys)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
async def test_the_codebook_is_a_tree_with_counts_including_children(
    make_app: AppFactory, corpus: Corpus, size: tuple[int, int]
) -> None:
    async with codebook_of(make_app, corpus, size) as (pilot, _store, codebook):
        assert rows(pilot.app) == [
            ("actors", "▸ actors/  1"),
            ("actors/iran", "  ● iran  1"),
            # three passages with framing or a tag below it; the one with two children counts once
            ("framing", "● framing  3 (1 own)"),
            ("framing/economy", "  ● economy  1"),
            ("framing/security", "  ● security  2"),
        ]
        # each row is whole on one line, at 80 columns too
        widest = max(codebook.get_option_at_index(i).prompt.cell_length for i in range(codebook.option_count))  # type: ignore[union-attr]
        assert widest <= codebook.scrollable_content_region.width


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
async def test_p_moves_a_tag_with_its_children_and_u_undoes_it(
    make_app: AppFactory, corpus: Corpus, size: tuple[int, int]
) -> None:
    async with codebook_of(make_app, corpus, size) as (pilot, store, codebook):
        before = store.annotations(), store.tags()
        await press_on(pilot, codebook, "framing", "P")
        picker = pilot.app.screen
        assert isinstance(picker, TagPickerDialog)
        assert picker.choices[0] == ""  # the top level first
        assert not {"framing", "framing/security", "framing/economy"} & set(
            picker.choices
        )  # not under itself
        await pilot.press(*"actors/iran", "enter")
        await pilot.pause()
        assert [t.name for t in store.tags()] == [
            "actors/iran",
            "actors/iran/framing",
            "actors/iran/framing/economy",
            "actors/iran/framing/security",
        ]
        assert [row[1] for row in rows(pilot.app)][2] == "    ● framing  3 (1 own)"
        pilot.app.query_one(Codebook).focus()
        await pilot.press("u")
        await settle(pilot)
        assert (store.annotations(), store.tags()) == before


async def test_the_top_level_row_moves_a_child_up(make_app: AppFactory, corpus: Corpus) -> None:
    async with codebook_of(make_app, corpus, (80, 24)) as (pilot, store, codebook):
        await press_on(pilot, codebook, "framing/security", "P")
        await pilot.press(*"top", "enter")
        await pilot.pause()
        assert "security" in [t.name for t in store.tags()] and store.tag("framing/security") is None


async def test_a_move_onto_a_taken_name_is_refused_in_a_notice(make_app: AppFactory, corpus: Corpus) -> None:
    async with codebook_of(make_app, corpus, (80, 24)) as (pilot, store, codebook):
        text = corpus.find(FIRST).text  # type: ignore[union-attr]
        store.save(Annotation.create(FIRST, text, 80, 88, ("economy",)))
        before = store.annotations(), store.tags()
        await press_on(pilot, codebook, "framing/economy", "P")
        await pilot.press("enter")  # the top level, where "economy" is a tag already
        await pilot.pause()
        assert (store.annotations(), store.tags()) == before
        assert any("already a tag" in str(n.message) for n in pilot.app._notifications)
        assert pilot.app.is_running


async def test_delete_of_a_parent_says_what_goes_and_u_brings_it_back(
    make_app: AppFactory, corpus: Corpus
) -> None:
    async with codebook_of(make_app, corpus, (80, 24)) as (pilot, store, codebook):
        before = store.annotations(), store.tags()
        await press_on(pilot, codebook, "framing", "D")
        confirm = pilot.app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert "the 2 tags below it" in confirm.question and "3 annotations" in confirm.question
        await pilot.press("y")
        await pilot.pause()
        assert [t.name for t in store.tags()] == ["actors/iran"]
        await pilot.press("u")
        await settle(pilot)
        assert (store.annotations(), store.tags()) == before


async def test_rename_keeps_the_children_and_a_folder_lists_its_passages(
    make_app: AppFactory, corpus: Corpus
) -> None:
    async with codebook_of(make_app, corpus, (80, 24)) as (pilot, store, codebook):
        await press_on(pilot, codebook, "framing", "R")
        pilot.app.screen.query_one(Input).value = "frames"
        await pilot.press("enter")
        await pilot.pause()
        assert [t.name for t in store.tags() if t.name.startswith("frames")] == [
            "frames",
            "frames/economy",
            "frames/security",
        ]
        await press_on(pilot, codebook, "actors", "enter")
        pane = pilot.app.query_one(AnnotationPane)
        assert pane.tag_filter == "actors"
        assert "Tagged actors: 1 passage" in str(pane.query_one("#passages-title").render())


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
async def test_the_segments_view_includes_the_tags_below_unless_b_says_exact(
    corpus: Corpus, size: tuple[int, int]
) -> None:
    articles = {article.id: article for article in corpus.articles}
    async with viewing(size, two_levels(corpus), articles, ["framing"]) as (_app, pilot, view):
        assert title_of(view) == "3 passages tagged framing · sorted by article"
        await pilot.press("b")
        await pilot.pause()
        assert title_of(view) == "1 passage tagged framing (not the tags below) · sorted by article"
        assert "exact" in str(view.query_one("#segments-below").render())
        assert await pilot.click("#segments-below")
        await pilot.pause()
        assert len(view.found) == 3


async def test_the_palette_moves_a_tag_too(make_app: AppFactory, corpus: Corpus) -> None:
    async with codebook_of(make_app, corpus, (200, 50)) as (pilot, store, _codebook):
        await open_palette(pilot, "move tag: framing/econ", "Move tag: framing/economy")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TagPickerDialog)
        await pilot.press("enter")  # the first row: the top level
        await pilot.pause()
        assert store.tag("economy") is not None and store.tag("framing/economy") is None


async def test_the_timeline_filter_of_a_parent_takes_the_passages_below_it(
    make_app: AppFactory, corpus: Corpus
) -> None:
    text = corpus.find(FIRST).text  # type: ignore[union-attr]
    store = AnnotationStore.in_memory()
    store.save(Annotation.create(FIRST, text, 0, len(text), ("framing/security",)))
    store.save_tag(Tag("framing"))  # a parent carried by no passage of its own
    app = make_app(store=store)
    async with app.run_test(size=(200, 50)) as pilot:
        await reader_ready(pilot)
        await pilot.press("L")
        everything = len(app.query_one("#timeline-list", LineList).rows)
        for keys in (["T"], list("framing"), ["enter"]):  # the Timeline's tag filter, the parent picked
            await pilot.press(*keys)
            await pilot.pause()
        label = str(app.query_one("#timeline-filter").render())
        assert label.startswith("In passages tagged framing (F: all) · ")
        # the events inside the framing/security passage: some, not every one of the corpus
        assert int(label.rsplit("· ", 1)[1].split()[0]) > 0
        assert len(app.query_one("#timeline-list", LineList).rows) < everything


async def test_j_and_k_move_in_the_codebook_as_in_every_list(make_app: AppFactory, corpus: Corpus) -> None:
    async with codebook_of(make_app, corpus, (80, 24)) as (pilot, _store, codebook):
        await press_on(pilot, codebook, "actors/iran", "j")
        assert codebook.get_option_at_index(codebook.highlighted or 0).id == "framing"
        await pilot.press("k", "k")
        assert codebook.get_option_at_index(codebook.highlighted or 0).id == "actors"
