"""The code matrix at full width: H opens it, cells are shaded counts, Enter opens a cell's passage
(or asks which), b and u change columns and unit, Esc goes back; tag names are shown as text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.widgets import DataTable

from tests.ui.conftest import reader_ready, settle
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.core.models import Article
from tui.ui.annotations.matrix_screen import MatrixScreen
from tui.ui.app import ReaderApp
from tui.ui.dialogs.chooser import ChooserDialog
from tui.ui.reader.article_view import ArticleView
from tui.ui.widgets.key_bar import KeyBar

AppFactory = Callable[..., ReaderApp]
FIRST = "000_9154f6903408afad"
HOSTILE = "[b]x[/b] \x1b[2J"


def coded(corpus: Corpus) -> AnnotationStore:
    """Article 000: a trade sentence with a person inside it, and one passage with two tags."""
    text = corpus.find(FIRST).text
    store = AnnotationStore.in_memory()
    store.save_tag(Tag(HOSTILE))

    def code(quote: str, *tags: str) -> Annotation:
        start = text.index(quote)
        return Annotation.create(FIRST, text, start, start + len(quote), tags)

    store.save(
        code("In a series of meetings with senior Pakistani officials", "trade"),
        code("senior Pakistani officials", "people"),
        code("Mohammad Baqer Qalibaf", "people", HOSTILE),
    )
    return store


async def open_matrix(pilot: Any) -> MatrixScreen:
    """Press H in the reader and wait for the counts."""
    await reader_ready(pilot)
    await pilot.press("H")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MatrixScreen)
    return screen


async def assert_enter_opens_the_trade_sentence(
    pilot: Any, table: DataTable[Any], row: int, column: int
) -> None:
    """Enter on cell (``row``, ``column``) leaves the matrix with the trade sentence selected."""
    table.move_cursor(row=row, column=column)
    await pilot.press("enter")
    await settle(pilot)
    assert not isinstance(pilot.app.screen, MatrixScreen)
    view = pilot.app.query_one(ArticleView)
    selected = view.cursor.selection
    assert selected is not None and view.text[selected[0] : selected[1]].startswith("In a series")


def cell_text(table: DataTable[Any], row: int, column: int) -> str:
    """What a cell shows."""
    return str(table.get_cell_at((row, column))).strip()


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_h_shows_the_counts_and_enter_opens_a_cells_passage(
    make_app: AppFactory, corpus: Corpus, size: tuple[int, int]
) -> None:
    store = coded(corpus)
    app = make_app(store=store)
    async with app.run_test(size=size) as pilot:
        screen = await open_matrix(pilot)
        table = screen.query_one(DataTable)
        rows = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert rows == [HOSTILE.replace("\x1b", "␛"), "people", "trade"]  # the codebook, by name
        assert [cell_text(table, 1, c) for c in (1, 2, 3)] == ["1", "2", "1"]
        assert "Tag × tag: overlapping passages" in str(screen.query_one("#matrix-title").render())
        assert str(screen.query_one(KeyBar).render()).strip().startswith("⏎ Open")
        await assert_enter_opens_the_trade_sentence(pilot, table, 1, 3)  # people × trade: one overlap


async def test_a_cell_of_several_passages_asks_which(make_app: AppFactory, corpus: Corpus) -> None:
    app = make_app(store=coded(corpus))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_matrix(pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=1, column=2)  # people × people: two passages
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChooserDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_b_and_u_change_columns_and_unit_and_esc_goes_back(
    make_app: AppFactory, corpus: Corpus
) -> None:
    app = make_app(store=coded(corpus))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_matrix(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert screen.matrix is not None and screen.matrix.unit == "sentence"
        await pilot.press("b")
        await settle(pilot)
        assert screen.matrix is not None and screen.matrix.columns == (FIRST,)
        assert "Tag × article" in str(screen.query_one("#matrix-title").render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MatrixScreen)


async def test_with_no_tags_it_says_what_to_do(make_app: AppFactory) -> None:
    app = make_app(store=AnnotationStore.in_memory())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_matrix(pilot)
        assert "No tags yet" in str(screen.query_one("#matrix-title").render())


async def test_b_cycles_to_the_outlets_and_a_cell_opens_its_passage(
    make_app: AppFactory, corpus: Corpus
) -> None:
    store = coded(corpus)
    store.set_attributes(FIRST, {"outlet": "Tehran Times"}, "tester")
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_matrix(pilot)
        assert screen.column_kinds[:3] == ["tag", "article", "outlet"]
        await pilot.press("b", "b")
        await settle(pilot)
        matrix = screen.matrix
        assert matrix is not None and matrix.attribute == "outlet"
        assert matrix.columns == ("Tehran Times", "(none)")
        title = str(screen.query_one("#matrix-title").render())
        assert title.startswith("Tag × outlet: passages of 3 tags by the articles' outlet")
        table = screen.query_one(DataTable)
        assert [cell_text(table, 2, c) for c in (1, 2)] == ["1", "·"]  # trade: one, in Tehran Times
        await assert_enter_opens_the_trade_sentence(pilot, table, 2, 1)
        await pilot.press("H")
        await settle(pilot)
        again = app.screen
        assert isinstance(again, MatrixScreen) and again.by == "outlet"  # back where it was left
        for _ in range(len(again.column_kinds) - 1):
            await pilot.press("b")
        await settle(pilot)
        assert again.by == "article" and again.matrix is not None and again.matrix.kind == "tag × article"
        await pilot.press("b")
        await settle(pilot)
        assert again.by == "outlet"  # round again


def coded_in_two(corpus: Corpus) -> tuple[AnnotationStore, Article]:
    """:func:`coded`, and a person in a second article (returned with the store)."""
    store = coded(corpus)
    second = next(article for article in corpus.articles if article.id != FIRST)
    store.save(Annotation.create(second.id, second.text, 0, 5, ("people",)))
    return store, second


async def test_with_an_attribute_filter_only_the_passing_articles_count(
    make_app: AppFactory, corpus: Corpus
) -> None:
    store, second = coded_in_two(corpus)
    articles = {article.id: article for article in corpus.articles}
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        screen = MatrixScreen(
            store.annotations(), articles, store.tags(), passing={second.id}, where="kind=news"
        )
        await app.push_screen(screen)
        await settle(pilot)
        assert screen.matrix is not None and screen.matrix.count("people", "people") == 1
        assert str(screen.query_one("#matrix-title").render()).endswith(" · kind=news")
        await pilot.press("b")
        await settle(pilot)
        assert screen.matrix is not None and screen.matrix.columns == (second.id,)


async def test_the_apps_attribute_filter_narrows_the_matrix_and_the_chart(
    make_app: AppFactory, corpus: Corpus
) -> None:
    from tests.ui.test_attributes import filter_by
    from tui.ui.charts.chart_screen import ChartScreen

    store, second = coded_in_two(corpus)
    store.set_attributes(second.id, {"outlet": "Dawn"}, "tester")
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await filter_by(pilot, "outlet=Dawn")
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = await open_matrix(pilot)
        assert screen.matrix is not None and screen.matrix.count("people", "people") == 1
        assert str(screen.query_one("#matrix-title").render()).endswith(" · outlet=Dawn")
        await pilot.press("escape", "ctrl+g")
        await settle(pilot)
        chart = app.screen
        assert isinstance(chart, ChartScreen) and chart.passing == {second.id}
        assert "outlet=Dawn" in str(chart.query_one("#chart-title").render())
        await pilot.press("c")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, ChooserDialog)  # the subjects counted as the chart counts them
        listed = chooser.query_one("OptionList")
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]  # type: ignore[attr-defined]
        assert "Passages tagged people (1 item)" in prompts


async def test_h_comes_back_to_the_columns_unit_and_cell_left(make_app: AppFactory, corpus: Corpus) -> None:
    """After a cell's passage is opened, H shows the same matrix with the cursor on that cell."""
    app = make_app(store=coded(corpus))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_matrix(pilot)
        await pilot.press("u")
        await settle(pilot)
        table = screen.query_one(DataTable)
        await assert_enter_opens_the_trade_sentence(pilot, table, 1, 3)
        await pilot.press("H")
        await settle(pilot)
        again = app.screen
        assert isinstance(again, MatrixScreen) and again is not screen
        assert again.matrix is not None and again.matrix.unit == "sentence"
        assert again.query_one(DataTable).cursor_coordinate == (1, 3)
