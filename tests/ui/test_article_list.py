"""Pilot tests of the article list on its own: a LineList of articles, cut with an ellipsis, the
full title and details in its tooltip, the same keys, messages and methods as the screen uses."""

from __future__ import annotations

from datetime import date

import pytest
from textual.app import App, ComposeResult

from tui.core.catalogue import Listed
from tui.core.models import Article, LoadProblem
from tui.ui.reader.article_list import ArticleList
from tui.ui.widgets.line_list import LineList

SIZES = [(80, 24), (120, 40), (200, 50)]
LONG_TITLE = (
    "Iran and Pakistan agree to a new border trade mechanism, barter markets and a joint "
    "commission on energy, rail and the gas pipeline at the end of three days of talks"
)
HOSTILE = "[b]x[/b] \x1b[2J"


def articles(count: int = 5) -> list[Article]:
    """``count`` short articles, the first with a title too long for two lines of the list."""
    made = [
        Article(
            id=f"{number:03d}",
            title=LONG_TITLE if number == 0 else f"Article {number}",
            text="Tehran and Islamabad. " * (number + 1),
            published=date(2025, 1, number + 1),
        )
        for number in range(count)
    ]
    return made


class ListApp(App[None]):
    """The list alone, 30 columns wide (as beside the text), recording the messages it posts."""

    CSS = "ArticleList { width: 30; }"

    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[tuple[str, bool]] = []

    def compose(self) -> ComposeResult:
        """The list."""
        yield ArticleList(id="article-list")

    def on_mount(self) -> None:
        """Five articles and a file that could not be read."""
        listing = self.query_one(ArticleList)
        listing.populate(articles(), [LoadProblem("folder/broken.md", "not UTF-8: " + "byte 0xff " * 8)])
        listing.focus()

    def on_article_list_chosen(self, message: ArticleList.Chosen) -> None:
        """Record what the list asked to open."""
        self.chosen.append((message.article_id, message.focus_reader))


def drawn(listing: ArticleList) -> list[str]:
    """The list's lines as drawn."""
    return [listing.render_line(y).text for y in range(listing.size.height)]


def test_the_list_is_a_line_list() -> None:
    assert issubclass(ArticleList, LineList)


@pytest.mark.parametrize("size", SIZES)
async def test_keys_move_open_and_enter_moves_into_the_text(size: tuple[int, int]) -> None:
    app = ListApp()
    async with app.run_test(size=size) as pilot:
        listing = app.query_one(ArticleList)
        assert listing.highlighted == 0 and listing.id == "article-list"
        await pilot.press("j", "down")
        assert listing.highlighted == 2 and app.chosen == [("001", False), ("002", False)]
        await pilot.press("k", "enter")
        assert app.chosen[-2:] == [("001", False), ("001", True)]
        await pilot.press("G")
        assert listing.highlighted == 5 and listing.rows[5].article_id is None  # the broken file
        await pilot.press("enter")
        assert app.chosen[-1] == ("001", True)  # a file that was not read opens nothing
        await pilot.press("g")
        assert listing.highlighted == 0 and app.chosen[-1] == ("000", False)
        await pilot.press("pagedown")
        assert listing.highlighted is not None and listing.highlighted > 0


async def test_click_opens_and_select_article_highlights_without_opening() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.query_one(ArticleList)
        line = next(y for y, text in enumerate(drawn(listing)) if "Article 3" in text)
        await pilot.click(ArticleList, offset=(5, line))
        assert listing.highlighted == 3 and app.chosen[-1] == ("003", False)
        chosen = len(app.chosen)
        listing.select_article("001")
        await pilot.pause()
        assert listing.highlighted == 1 and len(app.chosen) == chosen


async def test_rows_keep_their_title_detail_and_id_and_counts_fill_in() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.query_one(ArticleList)
        assert len(listing.rows) == 6 and [r.article_id for r in listing.rows][:2] == ["000", "001"]
        assert "… entities" in listing.rows[1].detail and "2025-01-02" in listing.rows[1].detail
        listing.set_counts({"001": 7})
        listing.set_annotation_counts({"001": 2})
        await pilot.pause()
        assert "7 entities · 2 annotations" in listing.rows[1].detail
        assert any("7 entities · 2 annotations" in text for text in drawn(listing))
        listing.add_problems([LoadProblem("late.md", "too large")])
        await pilot.pause()
        assert listing.rows[-1].article_id is None and "late.md" in listing.rows[-1].title


@pytest.mark.parametrize("size", SIZES)
async def test_nothing_is_cut_without_an_ellipsis_and_the_tooltip_has_it_all(size: tuple[int, int]) -> None:
    app = ListApp()
    async with app.run_test(size=size) as pilot:
        listing = app.query_one(ArticleList)
        listing.set_counts({"000": 1234})
        listing.set_annotation_counts({"000": 56})
        await pilot.pause()
        lines = drawn(listing)
        detail = listing.rows[0].detail.split("\n")[1]  # "1234 entities · 56 annotations": 30 cells
        assert detail not in " ".join(lines)  # too wide for the list: cut...
        assert any(text.rstrip().endswith("…") and "1234 entities" in text for text in lines)  # ...marked
        assert "Iran and Pakistan" in lines[0] and lines[1].rstrip().endswith("…")  # the title's second line
        tooltip = str(listing.tooltip)
        assert LONG_TITLE in tooltip and detail in tooltip and "2025-01-01" in tooltip
        await pilot.press("G")
        tooltip = str(listing.tooltip)
        assert "broken.md" in tooltip and "byte 0xff " * 8 in tooltip


async def test_the_blank_line_between_articles_is_not_highlighted() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.query_one(ArticleList)
        await pilot.press("j")
        lines = [listing.render_line(y) for y in range(listing.size.height)]
        texts = [strip.text for strip in lines]
        first = next(y for y, text in enumerate(texts) if "Article 1" in text)
        highlighted = {seg.style.bgcolor for seg in lines[first] if seg.text.strip()}
        gap = first + 3  # the title, two lines of details, then the blank line
        assert texts[gap].strip() == ""
        assert not highlighted & {seg.style.bgcolor for seg in lines[gap]}


async def test_markup_and_escapes_in_a_title_show_literally() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.query_one(ArticleList)
        hostile = Listed("evil", HOSTILE, "2025-02-02", 12, "evil.md")
        listing.populate([hostile], [])
        await pilot.pause()
        text = " ".join(drawn(listing))
        assert "[b]x[/b] ␛[2J" in text and "\x1b" not in text
        assert "[b]x[/b] ␛[2J" in str(listing.tooltip)


async def test_an_empty_list_says_how_to_add_articles() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.query_one(ArticleList)
        listing.populate([], [])
        await pilot.pause()
        text = " ".join(drawn(listing))
        assert "Ctrl+O" in text and "iranpak-reader add" in text and listing.highlighted is None
        app.chosen.clear()
        await pilot.press("j", "G", "enter")
        assert app.chosen == [] and listing.highlighted is None


async def test_ten_thousand_articles_lay_out_and_move() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.query_one(ArticleList)
        many = [
            Listed(f"{n:05d}", f"Title {n} " * (n % 5 + 1), "2025-03-03", n, f"{n}.md") for n in range(10_000)
        ]
        listing.populate(many, [])
        await pilot.pause()
        await pilot.press("G")
        assert listing.highlighted == 9_999 and app.chosen[-1] == ("09999", False)
        assert any("Title 9999" in text for text in drawn(listing))
