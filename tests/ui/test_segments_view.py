"""Pilot tests of the coded segments view: tags chosen (any, all), filter, sort, Enter and Esc, orphans,
long notes and hostile names, at 80×24 and 200×50, on a bare app that pushes the view."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Input, SelectionList

from tests.unit.test_segments import code
from tui.core.annotations.model import Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.core.models import Article
from tui.core.segments import placed
from tui.ui.annotations.segments_screen import ORPHANED, SegmentRows, SegmentsScreen, tag_style
from tui.ui.messages import OpenPassage

SIZES = [(80, 24), (200, 50)]
HOSTILE = "[b]x[/b] \x1b[2J"
SHOWN_HOSTILE = "[b]x[/b] ␛[2J"
#: A note far longer than any line, ending in a word found nowhere else.
LONG_NOTE = "The minister repeats the pledge made in October, " * 8 + "finally-zanzibar"
UNSET = object()


class Host(App[None]):
    """A bare app that pushes the view and keeps what it was dismissed with."""

    def __init__(self, view: SegmentsScreen) -> None:
        super().__init__()
        self.view = view
        self.result: object = UNSET

    def on_mount(self) -> None:
        """Show the view."""
        self.push_screen(self.view, callback=self._keep)

    def _keep(self, result: OpenPassage | None) -> None:
        """Keep the result."""
        self.result = result


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    """Each terminal size the view is tried at."""
    value: tuple[int, int] = request.param
    return value


@pytest.fixture
def articles(corpus: Corpus) -> dict[str, Article]:
    """The bundled articles by id."""
    return {article.id: article for article in corpus.articles}


@pytest.fixture
def store(articles: dict[str, Article]) -> AnnotationStore:
    """Passages of three articles with overlapping tags (one hostile), a long note, a plain note."""
    a001, a002, a003, a004 = (articles[k] for k in sorted(articles)[1:])
    store = AnnotationStore.in_memory()
    store.save(
        code(a004, "Larijani", "people", "iran", note="security chief"),
        code(a003, "Mohsin Naqvi", "people", "pakistan", note=LONG_NOTE),
        code(a001, "Larijani", "iran", occurrence=1),
        code(a001, "Ishaq Dar", "pakistan", "people", HOSTILE, note=f"first line\n{HOSTILE} second"),
        code(a002, "Pakistan", note="only a note"),
    )
    store.save_tag(Tag("energy", colour="#ffff00"))
    return store


def text_of(app: App[Any]) -> str:
    """Everything on screen, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def title_of(view: SegmentsScreen) -> str:
    """The view's title line as plain text."""
    return view.title_line().plain


async def opened(pilot: Any) -> SegmentsScreen:
    """Wait for the passages to be placed and shown."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    view = pilot.app.screen
    assert isinstance(view, SegmentsScreen) and view.placed is not None
    return view


@asynccontextmanager
async def viewing(
    size: tuple[int, int], store: AnnotationStore, articles: dict[str, Article], tags: list[str] | None = None
) -> AsyncIterator[tuple[Host, Any, SegmentsScreen]]:
    """A bare app at ``size`` showing the view, once its passages are placed."""
    app = Host(SegmentsScreen(store, articles, tags or ()))
    async with app.run_test(size=size) as pilot:
        yield app, pilot, await opened(pilot)


async def choose_tag(pilot: Any, view: SegmentsScreen, name: str, key: str = "space") -> None:
    """Highlight ``name`` in the list of tags and press ``key`` on it."""
    picker = view.query_one("#segments-tags", SelectionList)
    picker.focus()  # as Tab or a click does
    await pilot.pause()
    picker.highlighted = next(
        i for i in range(picker.option_count) if picker.get_option_at_index(i).value == name
    )
    await pilot.press(key)
    await pilot.pause()


async def test_no_tags_lists_every_coded_passage_and_says_so(
    size: tuple[int, int], store: AnnotationStore, articles: dict[str, Article]
) -> None:
    async with viewing(size, store, articles) as (app, _pilot, view):
        assert title_of(view) == "4 passages: every coded passage (no tags chosen) · sorted by article"
        assert [s.quote for s in view.found] == ["Ishaq Dar", "Larijani", "Mohsin Naqvi", "Larijani"]
        shown = text_of(app)
        assert "every coded passage" in shown and "only a note" not in shown  # an uncoded note is no segment


async def test_tags_chosen_by_key_with_any_and_all(
    size: tuple[int, int], store: AnnotationStore, articles: dict[str, Article]
) -> None:
    async with viewing(size, store, articles) as (app, pilot, view):
        await choose_tag(pilot, view, "iran")
        assert title_of(view) == "2 passages tagged iran · sorted by article"
        await choose_tag(pilot, view, "pakistan", key="enter")  # Enter chooses too
        assert title_of(view) == "4 passages with any of iran, pakistan · sorted by article"
        await pilot.press("a")
        assert title_of(view) == "0 passages with all of iran, pakistan · sorted by article"
        assert "No passage matches" in text_of(app)
        await choose_tag(pilot, view, "pakistan")  # let go of it
        await choose_tag(pilot, view, "people")
        assert title_of(view) == "1 passage with all of iran, people · sorted by article"
        assert [s.quote for s in view.found] == ["Larijani"] and view.found[0].article.startswith("004")


async def test_t_finds_a_tag_by_typing_and_ticks_or_unticks_it(
    size: tuple[int, int], store: AnnotationStore, articles: dict[str, Article]
) -> None:
    from tui.ui.dialogs.tag_picker import TagPickerDialog

    async with viewing(size, store, articles) as (app, pilot, view):
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagPickerDialog)
        await pilot.press(*"pakstan", "enter")  # a typo
        await pilot.pause()
        assert app.screen is view and title_of(view) == "2 passages tagged pakistan · sorted by article"
        tags = view.query_one("#segments-tags", SelectionList)
        assert tags.get_option_at_index(tags.highlighted or 0).value == "pakistan"  # shown where it is
        await pilot.press("t", *"peo")
        await pilot.pause()
        assert "✓ ● pakistan" not in text_of(app)  # narrowed to people
        await pilot.press("enter")
        await pilot.pause()
        assert title_of(view) == "3 passages with any of pakistan, people · sorted by article"
        await pilot.press("t")
        await pilot.pause()
        assert "✓ ● pakistan" in text_of(app)  # the ticked tags are marked
        await pilot.press(*"pakistan", "enter")  # picked again: let go of it
        await pilot.pause()
        assert title_of(view) == "3 passages tagged people · sorted by article"
        assert app.focused is view.listing  # still on the passages: Enter opens one


async def test_tags_any_all_and_sort_by_mouse(
    size: tuple[int, int], store: AnnotationStore, articles: dict[str, Article]
) -> None:
    async with viewing(size, store, articles, ["iran", "pakistan"]) as (_app, pilot, view):
        assert title_of(view) == "4 passages with any of iran, pakistan · sorted by article"
        assert await pilot.click("#segments-every")
        await pilot.pause()
        assert title_of(view).startswith("0 passages with all of iran, pakistan")
        assert await pilot.click("#segments-every")
        assert await pilot.click("#segments-sort")
        await pilot.pause()
        assert title_of(view) == "4 passages with any of iran, pakistan · sorted by date"
        assert [s.article[:3] for s in view.found] == ["003", "001", "001", "004"]
        picker = view.query_one("#segments-tags", SelectionList)
        iran = next(i for i in range(picker.option_count) if picker.get_option_at_index(i).value == "iran")
        assert await pilot.click("#segments-tags", offset=(4, iran))
        await pilot.pause()
        assert title_of(view) == "2 passages tagged pakistan · sorted by date"


async def test_filter_sort_and_esc_leaving_the_field_first(
    size: tuple[int, int], store: AnnotationStore, articles: dict[str, Article]
) -> None:
    async with viewing(size, store, articles) as (app, pilot, view):
        await pilot.press("slash")
        assert isinstance(view.focused, Input)
        await pilot.press(*"CHIEF")  # letters that are keys elsewhere are typed here
        await pilot.pause()
        assert (
            title_of(view)
            == "1 passage: every coded passage (no tags chosen) · sorted by article · matching “CHIEF”"
        )
        await pilot.press("escape")
        assert app.screen is view and not isinstance(view.focused, Input) and app.result is UNSET
        await pilot.press("slash", "ctrl+u", *"larijani", "enter")  # the quote, in any case
        assert [s.article[:3] for s in view.found] == [
            "001",
            "001",
            "003",
            "004",
        ]  # Dar and Naqvi: in context
        await pilot.press("s")
        assert "sorted by date" in title_of(view)
        await pilot.press("s")
        # by each passage's tags in alphabetical order ('[' comes before letters)
        assert [s.tags for s in view.found] == [
            ("pakistan", "people", HOSTILE),
            ("iran",),
            ("people", "iran"),
            ("people", "pakistan"),
        ]
        assert title_of(view).endswith(" · sorted by tag · matching “larijani”")
        await pilot.press("s")
        assert "sorted by article" in title_of(view)


async def test_enter_opens_the_passage_and_esc_returns_nothing(
    size: tuple[int, int], store: AnnotationStore, articles: dict[str, Article]
) -> None:
    async with viewing(size, store, articles, ["people"]) as (app, pilot, view):
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.result, OpenPassage) and app.screen is not view
        chosen = app.result
        assert chosen.article.startswith("003") and chosen.start is not None
        assert articles[chosen.article].text[chosen.start : chosen.end] == "Mohsin Naqvi"
    async with viewing(size, store, articles) as (app, pilot, view):
        await pilot.press("t", "escape", "escape")  # out of the picker, then out of the view
        await pilot.pause()
        assert app.result is None


async def test_a_click_on_a_passage_opens_it(
    size: tuple[int, int], store: AnnotationStore, articles: dict[str, Article]
) -> None:
    async with viewing(size, store, articles, ["iran"]) as (app, pilot, _view):
        assert await pilot.click("#segments-list", offset=(10, 0))
        await pilot.pause()
        assert isinstance(app.result, OpenPassage) and app.result.article.startswith("001")
        assert app.result.start is not None and app.result.end == app.result.start + len("Larijani")


async def test_an_orphan_is_listed_marked_and_explained_not_opened(
    size: tuple[int, int], store: AnnotationStore, articles: dict[str, Article]
) -> None:
    a004 = next(k for k in articles if k.startswith("004"))
    changed = dict(articles)
    changed[a004] = replace(articles[a004], text=articles[a004].text.replace("Larijani", "L."))
    async with viewing(size, store, changed, ["iran"]) as (app, pilot, view):
        assert title_of(view) == "2 passages tagged iran (1 orphaned) · sorted by article"
        assert ORPHANED in text_of(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is view and app.result is UNSET
        explained = [n.message for n in app._notifications]
        assert any("no longer found" in message for message in explained)


async def test_a_long_note_and_quote_in_context_are_read_in_full(
    size: tuple[int, int], store: AnnotationStore, articles: dict[str, Article]
) -> None:
    async with viewing(size, store, articles, ["pakistan"]) as (app, pilot, view):
        await pilot.press("s")  # by date: Naqvi's article (28 October) first
        assert view.found[0].quote == "Mohsin Naqvi"
        shown = text_of(app)
        assert "finally-zanzibar" in shown  # the last word of the note
        assert "…" not in shown.replace("found again", "")
        assert view.found[0].after.split()[-1] in shown  # the sentence around the quote, to its end


async def test_hostile_tag_names_and_notes_are_shown_literally(
    size: tuple[int, int], store: AnnotationStore, articles: dict[str, Article]
) -> None:
    async with viewing(size, store, articles, [HOSTILE]) as (app, _pilot, view):
        assert title_of(view) == f"1 passage tagged {SHOWN_HOSTILE} · sorted by article"
        shown = text_of(app)
        assert shown.count(SHOWN_HOSTILE) >= 4  # the title, the picker, the passage's tags, its note
        assert f"{SHOWN_HOSTILE} second" in shown and "\x1b" not in shown


def test_each_tag_is_drawn_in_its_colour_with_text_that_contrasts(
    store: AnnotationStore, articles: dict[str, Article]
) -> None:
    styles = {tag.name: tag_style(tag) for tag in [*store.tags(), Tag("dark", colour="navy")]}
    segment = replace(placed(store.annotations(), articles)[0], tags=("energy", "dark", "unknown"))
    chips = SegmentRows([segment], styles, "").lines(0)[1]
    drawn = {chips.plain[span.start : span.end].strip(): span.style for span in chips.spans}
    assert str(drawn["energy"]) == "#000000 on #ffff00" and str(drawn["dark"]) == "#ffffff on #000080"
    assert str(drawn["unknown"]) == "reverse"  # a tag without a colour is still set apart


async def test_an_empty_store_says_how_to_code_a_passage(articles: dict[str, Article]) -> None:
    async with viewing((80, 24), AnnotationStore.in_memory(), articles) as (app, _pilot, view):
        assert title_of(view) == "0 passages: every coded passage (no tags chosen) · sorted by article"
        assert "Nothing is coded yet" in text_of(app)
