"""Dialogs in small terminals: their buttons or keys stay in sight and their fields scroll into view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList

from tests.ui.conftest import settle
from tui.ui.adding.add_dialog import AddDialog
from tui.ui.annotations.export_dialog import ExportDialog
from tui.ui.annotations.tag_dialog import TagDialog
from tui.ui.app import ReaderApp
from tui.ui.dialogs.chooser import ChooserDialog

AppFactory = Callable[..., ReaderApp]


def in_sight(widget: Widget) -> bool:
    """Whether the whole of ``widget`` is drawn: inside the screen and inside what its scrolling
    container shows."""
    region = widget.region
    shown = widget.screen.region
    scroller = next((a for a in widget.ancestors if isinstance(a, Widget) and a.is_scrollable), None)
    if scroller is not None and scroller is not widget.screen:
        shown = shown.intersection(scroller.content_region)
    return region.area > 0 and shown.contains_region(region)


async def reach_every_field(pilot: object, dialog: Screen[object]) -> None:
    """Focus each field of ``dialog`` in turn and check it scrolls into sight."""
    for field in dialog.query(Input):
        field.focus()
        await pilot.pause()  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        assert in_sight(field), field.id


async def test_the_tag_dialog_keeps_its_buttons_in_sight_at_80x24(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v", "w", "w", "t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        for button in dialog.query(Button):
            assert in_sight(button), button.id
        body = dialog.query_one("#dialog-body")
        assert body.virtual_size.height > body.content_region.height  # it does not fit: it scrolls
        await reach_every_field(pilot, dialog)
        dialog.query_one("#save", Button).press()
        await pilot.pause()
        assert not isinstance(app.screen, TagDialog)


@pytest.mark.parametrize(("height", "make"), [(16, lambda _: AddDialog()), (12, ExportDialog)])
async def test_the_add_and_export_dialogs_scroll_with_their_keys_in_sight(
    make_app: AppFactory, height: int, make: Callable[[Path], Screen[object]], tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, height)) as pilot:
        await settle(pilot)
        dialog = make(tmp_path)
        await app.push_screen(dialog)
        await pilot.pause()
        assert in_sight(dialog.query_one("#keys-hint"))
        await reach_every_field(pilot, dialog)


async def test_a_long_chooser_keeps_its_title_and_scrolls_its_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dialog = ChooserDialog("Choose a passage", [f"passage {n}" for n in range(60)])
        await app.push_screen(dialog)
        await pilot.pause()
        options = dialog.query_one(OptionList)
        assert in_sight(dialog.query_one("Label")) and in_sight(options)
        await pilot.press("end")
        await pilot.pause()
        assert options.highlighted == 59
        assert (
            options.scroll_offset.y + options.scrollable_content_region.height >= options.virtual_size.height
        )
