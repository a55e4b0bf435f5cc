"""Pilot tests of the tag picker on a bare app: typing narrows the list (typos included), ↓/↑ move
while typing, Enter chooses the highlighted tag, Esc chooses nothing, a new name only when allowed,
and tag names shown literally."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.widgets import Input, OptionList

from tui.core.annotations.model import Tag
from tui.ui.dialogs.tag_picker import TagPickerDialog

HOSTILE = "[b]x[/b]\x1b[2J"
CODEBOOK = [
    Tag("border-incident", "#e06c75"),
    Tag("diplomacy", "#98c379", "Talks, visits and agreements"),
    Tag("energy/gas-pipeline", "#d19a66"),
    Tag("framing/security", "#61afef"),
    Tag("regional-tension", "#c678dd", "Regional instability framing"),
    Tag("sanctions", "#56b6c2"),
    Tag("security", "#e5c07b"),
    Tag("trade", "#be5046"),
    Tag("water-tensions", "#7f848e"),
]
COUNTS = {"regional-tension": 4, "security": 1, "diplomacy": 2}
UNSET = object()


class Host(App[None]):
    """A bare app that shows a picker and keeps what it returned."""

    def __init__(self, picker: TagPickerDialog) -> None:
        super().__init__()
        self.picker = picker
        self.result: object = UNSET

    def on_mount(self) -> None:
        """Show the picker."""
        self.push_screen(self.picker, callback=self._keep)

    def _keep(self, result: str | None) -> None:
        """Keep the answer."""
        self.result = result


def text_of(app: App[Any]) -> str:
    """Everything on screen, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def answer(picker: TagPickerDialog, *keys: str, size: tuple[int, int] = (80, 24)) -> object:
    """What the picker returns after ``keys`` (UNSET if it is still open)."""
    app = Host(picker)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        return app.result


async def test_a_typo_then_enter_chooses_the_tag_meant() -> None:
    picker = TagPickerDialog("Merge into which tag?", CODEBOOK, COUNTS)
    assert await answer(picker, *"regional-tenson", "enter") == "regional-tension"


@pytest.mark.parametrize(
    ("keys", "chosen"), [(("down",), "water-tensions"), (("down", "up"), "regional-tension")]
)
async def test_down_and_up_move_in_the_list_while_typing(keys: tuple[str, ...], chosen: str) -> None:
    picker = TagPickerDialog("Which tag?", CODEBOOK)
    app = Host(picker)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"ten", *keys)
        await pilot.pause()
        assert picker.choices == ["regional-tension", "water-tensions"]
        assert isinstance(app.focused, Input)  # the arrows moved the list, the typing goes on
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == chosen


async def test_the_first_match_is_highlighted_and_enter_at_once_chooses_it() -> None:
    picker = TagPickerDialog("Which tag?", CODEBOOK)
    assert await answer(picker, *"sec", "enter") == "security"
    assert await answer(TagPickerDialog("Which tag?", CODEBOOK), "enter") == "border-incident"


async def test_esc_chooses_nothing() -> None:
    assert await answer(TagPickerDialog("Which tag?", CODEBOOK), *"trade", "escape") is None


async def test_with_no_match_it_says_so_and_stays_open() -> None:
    picker = TagPickerDialog("Which tag?", CODEBOOK)
    app = Host(picker)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"zzz", "enter")
        await pilot.pause()
        assert app.result is UNSET and app.screen is picker
        assert "No tag matches “zzz”" in text_of(app)
        await pilot.press("backspace", "backspace", "backspace", *"dip", "enter")
        await pilot.pause()
        assert app.result == "diplomacy"


async def test_a_new_name_only_when_allowed_first_unless_a_tag_starts_with_it() -> None:
    renaming = TagPickerDialog("Rename to:", CODEBOOK, allow_new=True, exclude=["trade"], value="trade")
    app = Host(renaming)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+u", *"securty")
        await pilot.pause()
        listing = renaming.query_one(OptionList)
        assert renaming.choices[:2] == ["securty", "security"]  # only like a tag: the new name first
        assert "+ New name “securty”" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("ctrl+u", *"secur")
        await pilot.pause()
        assert renaming.choices[0] == "security" and renaming.choices[-1] == "secur"  # a tag starts so
        await pilot.press(*["down"] * (len(renaming.choices) - 1), "enter")
        await pilot.pause()
        assert app.result == "secur"
    assert await answer(TagPickerDialog("Merge into:", CODEBOOK), *"securty", "enter") == "security"


async def test_the_tags_own_name_left_as_shown_is_not_offered_as_a_new_name() -> None:
    picker = TagPickerDialog("Rename to:", [Tag("a\tb")], allow_new=True, exclude=["a\tb"], value="a\tb")
    app = Host(picker)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert picker.query_one(Input).value == "a b" and picker.choices == []  # one line, not "new"
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is UNSET and "No tag matches" not in text_of(app)
        await pilot.press("end", "c", "enter")
        await pilot.pause()
        assert app.result == "a bc"  # edited: a new name, as typed


async def test_the_excluded_tag_typed_in_full_is_refused_not_swapped_for_another() -> None:
    picker = TagPickerDialog("Merge “security” into which tag?", CODEBOOK, exclude=["security"])
    app = Host(picker)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"security", "enter")
        await pilot.pause()
        assert app.result is UNSET and "“security” is the tag itself: choose another" in text_of(app)
        await pilot.press("down", "enter")  # another tag, chosen on purpose
        await pilot.pause()
        assert app.result == "framing/security"


async def test_a_new_name_typed_comes_before_tags_that_look_like_it() -> None:
    picker = TagPickerDialog("Rename “trade” to:", CODEBOOK, allow_new=True, exclude=["trade"])
    assert await answer(picker, *"security-x", "enter") == "security-x"


async def test_rows_show_colour_count_description_and_ticks() -> None:
    picker = TagPickerDialog("Which tag?", CODEBOOK, COUNTS, ticked=["diplomacy"])
    app = Host(picker)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"dipl")
        await pilot.pause()
        screen = text_of(app)
        assert "✓ ● diplomacy  2 passages  Talks, visits and agreements" in screen
        prompt = picker.query_one(OptionList).get_option_at_index(0).prompt
        assert any("#98c379" in str(span.style) for span in prompt.spans)  # type: ignore[union-attr]


async def test_a_tag_name_with_markup_and_escapes_is_shown_literally() -> None:
    picker = TagPickerDialog("Which tag?", [*CODEBOOK, Tag(HOSTILE)])
    app = Host(picker)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        screen = text_of(app)
        assert "[b]x[/b]␛[2J" in screen and "\x1b" not in screen
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == HOSTILE
