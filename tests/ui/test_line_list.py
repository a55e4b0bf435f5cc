"""Pilot tests of the line list behind the Timeline and Xref panes: ten thousand entries, keys, mouse."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from tui.ui.widgets.line_list import LineList, Rows


class Numbered(Rows):
    """Entry i reads "entry i"; every tenth is a heading the cursor skips; odd entries have two lines."""

    def __init__(self, count: int) -> None:
        self.count = count

    def __len__(self) -> int:
        return self.count

    def heights(self) -> list[int]:
        return [2 if i % 2 else 1 for i in range(self.count)]

    def lines(self, index: int) -> list[Text]:
        first = Text(f"heading {index}" if index % 10 == 0 else f"entry {index} [bold]x[/]")
        return [first, Text("second line")] if index % 2 else [first]

    def enabled(self, index: int) -> bool:
        return index % 10 != 0


class ListApp(App[None]):
    """One list, recording what was chosen."""

    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[int] = []

    def compose(self) -> ComposeResult:
        yield LineList(id="list")

    def on_mount(self) -> None:
        listing = self.query_one(LineList)
        listing.show(Numbered(10_000))
        listing.focus()

    def on_line_list_selected(self, message: LineList.Selected) -> None:
        self.chosen.append(message.index)


async def test_keys_move_over_headings_and_choose() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        listing = app.query_one(LineList)
        assert listing.cursor == 1 and listing.virtual_size.height == 15_000
        await pilot.press("j", "j")
        assert listing.cursor == 3
        await pilot.press("k", "k", "k")
        assert listing.cursor == 1  # entry 0 is a heading
        await pilot.press("G")
        assert listing.cursor == 9_999 and listing.scroll_offset.y > 14_900
        await pilot.press("g", "pagedown")
        assert 5 < listing.cursor < 20 and listing.cursor % 10 != 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.chosen == [listing.cursor]


async def test_lines_are_cut_to_the_width_and_markup_stays_text() -> None:
    app = ListApp()
    async with app.run_test(size=(16, 10)) as pilot:
        await pilot.pause()
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        assert lines[0].rstrip() == " heading 0"
        assert lines[1].rstrip().endswith("…") and lines[1].startswith(" entry 1 [b")
        assert lines[2].strip() == "second line"


async def test_a_click_chooses_the_entry_under_it() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.click(LineList, offset=(5, 5))  # lines 0 | 1, 2 | 3 | 4, 5: entries 0 to 3
        await pilot.pause()
        listing = app.query_one(LineList)
        assert app.chosen == [3] and listing.cursor == 3
        await pilot.click(LineList, offset=(5, 3))
        await pilot.pause()
        assert app.chosen == [3, 2]
        await pilot.click(LineList, offset=(5, 0))  # a heading: nothing happens
        await pilot.pause()
        assert app.chosen == [3, 2] and listing.cursor == 2
