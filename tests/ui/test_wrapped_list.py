"""Pilot tests of the wrapping list behind the full-width views: whole sentences, huge lists, keys, mouse."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult

from tui.ui.widgets.line_list import Rows
from tui.ui.widgets.wrapped_list import WrappedList, wrap_line

SENTENCE = (
    "Pakistan and Iran agreed on Tuesday to reopen the border crossing at Taftan for trade and pilgrims"
)


class Sentences(Rows):
    """Entry i: a heading every tenth (not enabled), else "entry i" over an indented long sentence;
    entry 5 is ``tall`` lines long. Records which entries were asked for."""

    def __init__(self, count: int, tall: int = 1) -> None:
        self.count, self.tall = count, tall
        self.asked: set[int] = set()

    def __len__(self) -> int:
        return self.count

    def lines(self, index: int) -> list[Text]:
        self.asked.add(index)
        if index % 10 == 0:
            return [Text(f"heading {index}", "bold")]
        if index == 5 and self.tall > 1:
            return [Text(f"tall line {n}") for n in range(self.tall)]
        return [Text(f"entry {index} [b]x[/b]"), Text(f"    {SENTENCE} end{index}.")]

    def enabled(self, index: int) -> bool:
        return index % 10 != 0


class ListApp(App[None]):
    """One list, recording what was chosen."""

    def __init__(self, rows: Sentences) -> None:
        super().__init__()
        self.rows = rows
        self.chosen: list[int] = []

    def compose(self) -> ComposeResult:
        yield WrappedList(id="list")

    def on_mount(self) -> None:
        listing = self.query_one(WrappedList)
        listing.show(self.rows)
        listing.focus()

    def on_wrapped_list_selected(self, message: WrappedList.Selected) -> None:
        self.chosen.append(message.index)


def screen_text(app: App[None]) -> list[str]:
    """The screen's lines as text."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_a_line_wraps_at_words_and_keeps_its_indent() -> None:
    lines = wrap_line(Text(f"    {SENTENCE}"), 30, Console())
    assert len(lines) > 3
    assert all(line.cell_len <= 30 and line.plain.startswith("    ") for line in lines)
    assert " ".join(" ".join(line.plain.split()) for line in lines) == SENTENCE
    assert [line.plain for line in wrap_line(Text("x" * 25), 10, Console())] == ["x" * 10, "x" * 10, "x" * 5]


async def test_every_word_of_every_entry_is_on_screen_and_markup_stays_text() -> None:
    for size in ((40, 24), (80, 24), (200, 50)):
        app = ListApp(Sentences(30))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            text = " ".join(" ".join(screen_text(app)).split())
            assert "heading 0" in text and "entry 1 [b]x[/b]" in text
            assert f"{SENTENCE} end1." in text and "…" not in text


async def test_keys_move_over_headings_and_choose() -> None:
    app = ListApp(Sentences(1_000))
    async with app.run_test(size=(60, 20)) as pilot:
        listing = app.query_one(WrappedList)
        assert listing.cursor == 1
        await pilot.press("j", "j")
        assert listing.cursor == 3
        await pilot.press("k", "k", "k")
        assert listing.cursor == 1  # entry 0 is a heading
        await pilot.press("G")
        assert listing.cursor == 999 and listing.scroll_offset.y > 990
        assert "end999." in " ".join(screen_text(app)[-4:])  # the last entry ends at the bottom
        await pilot.press("g", "pagedown")
        assert 3 <= listing.cursor < 12 and listing.cursor % 10 != 0
        assert listing.position()[0] > 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.chosen == [listing.cursor]


async def test_the_cursor_entry_is_highlighted_on_all_its_lines() -> None:
    app = ListApp(Sentences(20))
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        listing = app.query_one(WrappedList)
        cursor = listing.get_component_rich_style("wrapped-list--cursor").bgcolor
        drawn = [listing.render_line(y) for y in range(listing.size.height)]
        lighted = [
            y for y, strip in enumerate(drawn) if all(s.style and s.style.bgcolor == cursor for s in strip)
        ]
        entries = [entry for entry, _ in listing.on_screen()]
        assert lighted == [y for y, entry in enumerate(entries) if entry == 1] and len(lighted) >= 3


async def test_an_entry_taller_than_the_screen_is_read_to_its_end_before_moving_on() -> None:
    app = ListApp(Sentences(20, tall=40))
    async with app.run_test(size=(40, 12)) as pilot:
        listing = app.query_one(WrappedList)
        await pilot.press("j", "j", "j", "j")
        assert listing.cursor == 5 and listing.position() == (5, 0)
        await pilot.press(*["j"] * 28)
        assert listing.cursor == 5 and "tall line 39" in screen_text(app)[-1]
        await pilot.press("j")
        assert listing.cursor == 6
        await pilot.press("k", "k")
        assert listing.cursor == 5 and "tall line 38" in " ".join(screen_text(app))
        await pilot.press("pageup")  # a screenful up inside the entry: 11 lines, one kept
        assert "tall line 16" in screen_text(app)[0] and listing.cursor == 5


async def test_a_huge_list_wraps_only_what_is_drawn() -> None:
    rows = Sentences(200_000)
    app = ListApp(rows)
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.query_one(WrappedList)
        drawn: set[int] = set()
        drawn.update(entry for entry, _ in listing.on_screen())
        for key in ["pagedown"] * 5 + ["G"] + ["pageup"] * 3 + ["k"] * 4 + ["g"]:
            await pilot.press(key)
            drawn.update(entry for entry, _ in listing.on_screen())
        assert rows.asked <= drawn and len(rows.asked) < 200
        assert listing.cursor == 1 and 199_990 in rows.asked


async def test_the_wheel_scrolls_by_lines_and_the_cursor_follows() -> None:
    app = ListApp(Sentences(100))
    async with app.run_test(size=(40, 12)) as pilot:
        listing = app.query_one(WrappedList)
        for _ in range(10):
            listing.post_message(events.MouseScrollDown(listing, 1, 1, 0, 1, 0, False, False, False))
        await pilot.pause()
        top = listing.position()
        assert top[0] > 2
        assert listing.cursor in {entry for entry, _ in listing.on_screen()}
        for _ in range(10):
            listing.post_message(events.MouseScrollUp(listing, 1, 1, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert listing.position() == (0, 0)


async def test_a_click_chooses_the_entry_under_it() -> None:
    app = ListApp(Sentences(30))
    async with app.run_test(size=(40, 20)) as pilot:
        listing = app.query_one(WrappedList)
        entries = [entry for entry, _ in listing.on_screen()]
        line = entries.index(3) + 2  # the third line of entry 3
        await pilot.click(WrappedList, offset=(5, line))
        await pilot.pause()
        assert app.chosen == [3] and listing.cursor == 3
        await pilot.click(WrappedList, offset=(5, 0))  # a heading: nothing happens
        await pilot.pause()
        assert app.chosen == [3] and listing.cursor == 3


async def test_rows_that_grow_keep_the_place() -> None:
    rows = Sentences(15)
    app = ListApp(rows)
    async with app.run_test(size=(40, 12)) as pilot:
        listing = app.query_one(WrappedList)
        await pilot.press("j", "j", "j", "j")
        place, cursor = listing.position(), listing.cursor
        rows.count = 500
        listing.rows_grew()
        await pilot.pause()
        assert listing.position() == place and listing.cursor == cursor
        await pilot.press("G")
        assert listing.cursor == 499


async def test_a_new_width_wraps_the_entries_again() -> None:
    app = ListApp(Sentences(30))
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.pause()
        narrow = len(app.query_one(WrappedList).wrapped(1))
        await pilot.resize_terminal(200, 24)
        await pilot.pause()
        assert len(app.query_one(WrappedList).wrapped(1)) < narrow
        assert f"{SENTENCE} end1." in " ".join(" ".join(screen_text(app)).split())


def test_rows_find_the_next_entry_the_cursor_can_stop_on_either_way() -> None:
    rows = Sentences(25)
    assert rows.next_enabled(0, 1) == 1 and rows.next_enabled(10, 1) == 11
    assert rows.next_enabled(10, -1) == 9 and rows.next_enabled(20, -1) == 19
    assert rows.next_enabled(24, -1) == 24 and rows.next_enabled(25, -1) is None
    assert rows.next_enabled(-1, 1) is None
    assert Sentences(1).next_enabled(0, 1) is None and Sentences(1).next_enabled(0, -1) is None
