"""The Cross-references and the same passage elsewhere at full width: whole sentences, figures side by side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable

from tests.conftest import ARTICLES
from tests.ui.conftest import settle
from tui.core.corpus import Corpus
from tui.core.corpus_index import CorpusIndex
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.models import Article, EntityType, Mention
from tui.core.same_thing import SameThing, same_thing
from tui.core.xref import XrefIndex
from tui.ui.messages import OpenPassage
from tui.ui.widgets.wrapped_list import WrappedList
from tui.ui.xref.same_passage_screen import SamePassageScreen
from tui.ui.xref.xref_rows import EntryRows
from tui.ui.xref.xref_screen import CrossReferencesScreen, MentionRows

SIZES = [(80, 24), (200, 50)]
HOSTILE = "[b]x[/b] \x1b[2J"
#: Other outlets' figures for the trade of 1403, added to the bundled articles 001 and 003.
CLAIMS = {
    "001": "In the same year trade between Tehran and Islamabad rose to an estimated $2.4 billion.",
    "003": "Trade between Tehran and Islamabad in the Iranian calendar year 1403 was 2.9 billion dollars.",
}


@pytest.fixture(scope="module")
def index(corpus: Corpus) -> CorpusIndex:
    """The bundled corpus with two differing figures for the trade of 1403, indexed."""
    articles = [
        next((replace(a, text=f"{a.text}\n{c}\n") for p, c in CLAIMS.items() if a.id.startswith(p)), a)
        for a in corpus.articles
    ]
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    return CorpusIndex.build(articles, engine.extract_corpus({a.id: a.text for a in articles}))


def article(index: CorpusIndex, prefix: str) -> Article:
    """The article whose id starts with ``prefix``."""
    return next(a for a in index.articles.values() if a.id.startswith(prefix))


def titles(index: CorpusIndex) -> dict[str, str]:
    """Every article's title."""
    return {a.id: a.title for a in index.articles.values()}


def published(index: CorpusIndex) -> dict[str, date | None]:
    """Every article's publication date."""
    return {a.id: a.published for a in index.articles.values()}


@pytest.fixture(scope="module")
def trade(index: CorpusIndex) -> SameThing:
    """What other articles say about the trade of 1403 in article 002."""
    found = article(index, "002")
    start = found.text.index("rose by 13.6 percent")
    return same_thing(index, found.id, start - 60, start + 60)


class ViewApp(App[None]):
    """A bare app that pushes one view and keeps what it is dismissed with."""

    def __init__(self, make: Callable[[], Screen[OpenPassage | None]]) -> None:
        super().__init__()
        self.make = make
        self.results: list[OpenPassage | None] = []

    def on_mount(self) -> None:
        """Push the view."""
        self.push_screen(self.make(), self.results.append)


def screen_text(app: App[Any]) -> str:
    """What the screen shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(text: str) -> str:
    """Screen text with its wrapping undone: words separated by single spaces."""
    return " ".join(text.split())


async def opened_after(
    make: Callable[[], Screen[OpenPassage | None]], size: tuple[int, int], *keys: str
) -> OpenPassage | None:
    """What a view, once settled, is dismissed with after ``keys`` are pressed (the test fails if it stays)."""
    app = ViewApp(make)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        assert len(app.results) == 1
        return app.results[0]


def quoted(index: CorpusIndex, opened: OpenPassage | None) -> str:
    """The text of the passage a view opened."""
    assert opened is not None and opened.start is not None and opened.end is not None
    return index.articles[opened.article].text[opened.start : opened.end]


# The same passage elsewhere


@pytest.mark.parametrize("size", SIZES)
async def test_same_passage_view_shows_passages_whole_and_figures_side_by_side(
    index: CorpusIndex, trade: SameThing, size: tuple[int, int]
) -> None:
    app = ViewApp(lambda: SamePassageScreen(trade, titles(index), published(index)))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "The selection, elsewhere: 1 passage · 2 differing figures" in shown
        words = flat(shown)
        assert "surplus nearly 3.5 times that of Pakistan." in words  # the selection's last word
        assert "rose to an estimated $2.4 billion." in words  # the passage elsewhere, in full
        assert "Pakistan reaffirms commitment to strengthening ties with Iran · 2025-11-25" in words
        rows = [line.split() for line in shown.splitlines()]
        assert rows_starting(rows, "$3.1")[:6] == ["$3.1", "billion", "3.1", "billion", "USD", "here:"]
        assert rows_starting(rows, "≠", "$2.4")[:6] == ["≠", "$2.4", "billion", "2.4", "billion", "USD"]
        assert "2025-11-25" in rows_starting(rows, "≠", "$2.4")
        assert rows_starting(rows, "≠", "2.9")[-1] == "2025-10-28"


def rows_starting(rows: list[list[str]], *first: str) -> list[str]:
    """The words of the first screen line starting with ``first``."""
    return next(row for row in rows if tuple(row[: len(first)]) == first)


@pytest.mark.parametrize("size", SIZES)
async def test_enter_on_a_passage_elsewhere_opens_it(
    index: CorpusIndex, trade: SameThing, size: tuple[int, int]
) -> None:
    opened = await opened_after(
        lambda: SamePassageScreen(trade, titles(index), published(index)), size, "down", "enter"
    )
    assert opened is not None and opened.article.startswith("001")
    assert quoted(index, opened) == CLAIMS["001"]


async def test_enter_on_the_selection_opens_it_again(index: CorpusIndex, trade: SameThing) -> None:
    opened = await opened_after(
        lambda: SamePassageScreen(trade, titles(index), published(index)), (80, 24), "enter"
    )
    selection = trade.selection
    assert selection is not None and opened is not None
    assert (opened.article, opened.start, opened.end) == (selection.article, selection.start, selection.end)


@pytest.mark.parametrize("size", SIZES)
async def test_tab_to_the_table_and_enter_opens_the_differing_figure(
    index: CorpusIndex, trade: SameThing, size: tuple[int, int]
) -> None:
    app = ViewApp(lambda: SamePassageScreen(trade, titles(index), published(index)))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, DataTable)
        await pilot.press("down", "down", "enter")  # the figure here, $2.4 billion, 2.9 billion dollars
        await pilot.pause()
        opened = app.results[-1]
        assert opened is not None and opened.article.startswith("003")
        assert quoted(index, opened) == CLAIMS["003"]


async def test_tab_comes_back_to_the_passages(index: CorpusIndex, trade: SameThing) -> None:
    app = ViewApp(lambda: SamePassageScreen(trade, titles(index), published(index)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, WrappedList)


@pytest.mark.parametrize("size", SIZES)
async def test_escape_leaves_the_same_passage_view_with_nothing(
    index: CorpusIndex, trade: SameThing, size: tuple[int, int]
) -> None:
    opened = await opened_after(
        lambda: SamePassageScreen(trade, titles(index), published(index)), size, "escape"
    )
    assert opened is None


@pytest.mark.parametrize("size", SIZES)
async def test_hostile_titles_show_literally_in_the_list_and_table(
    index: CorpusIndex, trade: SameThing, size: tuple[int, int]
) -> None:
    hostile = {key: f"{HOSTILE} {title}" for key, title in titles(index).items()}
    app = ViewApp(lambda: SamePassageScreen(trade, hostile, published(index)))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "\x1b" not in shown
        assert shown.count("[b]x[/b] ␛[2J") >= 4  # the selection, the passage, two table rows at least


async def test_no_differing_figure_says_so(index: CorpusIndex) -> None:
    found = article(index, "000")
    start = found.text.index("raising bilateral trade to $10 billion")
    result = same_thing(index, found.id, start, start + 40)
    app = ViewApp(lambda: SamePassageScreen(result, titles(index), published(index)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query(DataTable)
        assert "No figure in the selection is given differently elsewhere." in screen_text(app)


# The cross-references


def pezeshkian(index: CorpusIndex) -> str:
    """The id of Masoud Pezeshkian, named in two articles."""
    return next(
        m.entity_id for m in index.mentions[article(index, "002").id] if m.canonical == "Masoud Pezeshkian"
    )


def xref_view(index: CorpusIndex, hostile: bool = False) -> Callable[[], CrossReferencesScreen]:
    """The cross-references of Pezeshkian from article 002, company and related articles to be worked out."""
    names = {key: f"{HOSTILE} {title}" for key, title in titles(index).items()} if hostile else titles(index)
    opened = article(index, "002").id
    return lambda: CrossReferencesScreen(
        index.xref, pezeshkian(index), None, None, names, published(index), opened
    )


@pytest.mark.parametrize("size", SIZES)
async def test_cross_references_show_every_mention_in_its_whole_sentence(
    index: CorpusIndex, size: tuple[int, int]
) -> None:
    app = ViewApp(xref_view(index))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "Cross-references · Masoud Pezeshkian: 10 mentions in 2 articles" in shown
        words = flat(shown)
        assert "Pushing for Resilient Neighborly Ties · 2025-08-02 · 9 mentions" in words
        # the first mention's sentence, to its last word
        assert "strengthening Iran’s political and economic relations with Pakistan." in words
        await pilot.press("G")
        words = flat(screen_text(app))
        assert "shares: USD 10 billion, Shehbaz Sharif, Iran, Islamabad, Pakistan, Tehran" in words


@pytest.mark.parametrize("size", SIZES)
async def test_enter_on_a_mention_opens_it(index: CorpusIndex, size: tuple[int, int]) -> None:
    opened = await opened_after(xref_view(index), size, "down", "enter")
    assert opened is not None and opened.article.startswith("002")
    assert quoted(index, opened) == "Pezeshkian"


@pytest.mark.parametrize("size", SIZES)
async def test_enter_on_a_related_article_opens_it(index: CorpusIndex, size: tuple[int, int]) -> None:
    opened = await opened_after(xref_view(index), size, "G", "enter")
    assert opened is not None and opened.article.startswith("004")
    assert (opened.start, opened.end) == (None, None)


@pytest.mark.parametrize("size", SIZES)
async def test_enter_on_an_entity_in_company_follows_it_in_the_view(
    index: CorpusIndex, size: tuple[int, int]
) -> None:
    app = ViewApp(xref_view(index))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CrossReferencesScreen)
        rows = screen.sections
        first = next(
            n for n in range(len(rows)) if isinstance(rows.find(n)[0], EntryRows) and rows.enabled(n)
        )
        screen.query_one(WrappedList).move_to(first)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and app.results == []
        assert "Cross-references · Pakistan:" in screen_text(app)  # the first of the company
        await pilot.press("enter")  # now on Pakistan's first mention
        await pilot.pause()
        assert quoted(index, app.results[-1]) == "Pakistan"


@pytest.mark.parametrize("size", SIZES)
async def test_escape_leaves_the_cross_references_with_nothing(
    index: CorpusIndex, size: tuple[int, int]
) -> None:
    assert await opened_after(xref_view(index), size, "escape") is None


@pytest.mark.parametrize("size", SIZES)
async def test_hostile_titles_show_literally_in_the_cross_references(
    index: CorpusIndex, size: tuple[int, int]
) -> None:
    app = ViewApp(xref_view(index, hostile=True))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "\x1b" not in shown
        assert "[b]x[/b] ␛[2J Pushing for Resilient Neighborly Ties" in flat(shown)


async def test_no_entity_chosen_says_how_to_choose_one(index: CorpusIndex) -> None:
    opened = article(index, "002").id
    app = ViewApp(
        lambda: CrossReferencesScreen(index.xref, None, None, None, titles(index), published(index), opened)
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        words = flat(screen_text(app))
        assert "no entity chosen" in words
        assert "Related articles (shared entities, rarest first)" in words


async def test_an_entity_named_200000_times_draws_only_what_is_on_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """2,000 articles naming Iran 100 times each: the view opens and goes to the end drawing a few entries."""
    sentence = "Iran talks. "
    articles = [
        Article(f"{n:04d}_x", f"Article {n}", sentence * 100, published=date(2025, 1, 1)) for n in range(2000)
    ]
    mentions = {
        a.id: [
            Mention(k * 12, k * 12 + 4, "Iran", EntityType.PLACE, "place:iran", "Iran") for k in range(100)
        ]
        for a in articles
    }
    xref = XrefIndex(articles, mentions)
    drawn: list[int] = []
    lines = MentionRows.lines

    def counting(self: MentionRows, index: int) -> list[Any]:
        drawn.append(index)
        return lines(self, index)

    monkeypatch.setattr(MentionRows, "lines", counting)
    names = {a.id: a.title for a in articles}
    dates = {a.id: a.published for a in articles}
    app = ViewApp(lambda: CrossReferencesScreen(xref, "place:iran", [], [], names, dates))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Iran: 200,000 mentions in 2,000 articles" in screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CrossReferencesScreen)
        assert screen.query_one(WrappedList).cursor == 2000 + 200_000 - 1  # the last mention
        assert "  Iran talks." in screen_text(app)
        assert len(set(drawn)) < 200


class WatchingApp(ViewApp):
    """A bare app that keeps every Counted and Ranked that reaches it from the view."""

    def __init__(self, make: Callable[[], Screen[OpenPassage | None]]) -> None:
        super().__init__(make)
        self.heard: list[CrossReferencesScreen.Counted | CrossReferencesScreen.Ranked] = []

    def on_cross_references_screen_counted(self, message: CrossReferencesScreen.Counted) -> None:
        self.heard.append(message)

    def on_cross_references_screen_ranked(self, message: CrossReferencesScreen.Ranked) -> None:
        self.heard.append(message)


async def test_what_the_views_workers_find_stops_at_the_view(corpus: Corpus) -> None:
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    articles = list(corpus.articles)
    fresh = CorpusIndex.build(articles, engine.extract_corpus({a.id: a.text for a in articles}))
    app = WatchingApp(xref_view(fresh))  # nothing counted or ranked yet: both in workers
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = flat(screen_text(app))
        assert "counting…" not in shown and "ranking…" not in shown
        assert app.heard == []
