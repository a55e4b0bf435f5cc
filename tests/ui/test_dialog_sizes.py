"""Dialogs in small terminals: their buttons or keys stay in sight and their fields scroll into view;
every dialog is a DialogFrame: Esc cancels, its keys are in sight, its first field has the focus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList

from tests.ui.conftest import settle
from tui.core.annotations.model import Tag
from tui.core.annotations.store import AnnotationStore
from tui.ui.adding.add_dialog import AddDialog
from tui.ui.annotations.export_dialog import ExportDialog
from tui.ui.annotations.tag_dialog import TagDialog
from tui.ui.app import ReaderApp
from tui.ui.dialogs.chooser import ChooserDialog
from tui.ui.dialogs.frame import DialogFrame
from tui.ui.dialogs.prompt import ConfirmDialog, PromptDialog
from tui.ui.help.help_screen import HelpScreen

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


async def reach_every_field(pilot: object, dialog: Screen[Any]) -> None:
    """Focus each field of ``dialog`` in turn and check it scrolls into sight."""
    for field in dialog.query(Input):
        field.focus()
        await pilot.pause()  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        assert in_sight(field), field.id


async def test_the_tag_dialog_keeps_its_buttons_in_sight_at_80x24(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    for number in range(12):  # a codebook whose list takes its full height
        store.save_tag(Tag(f"code-{number:02}"))
    app = make_app(store=store)
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


class DialogApp(App[None]):
    """A bare app that opens one dialog and keeps what it returns."""

    def __init__(self, dialog: DialogFrame[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.answers: list[object] = []

    def on_mount(self) -> None:
        """Open it."""
        self.push_screen(self.dialog, self.answers.append)


DIALOGS: dict[str, Callable[[Path], DialogFrame[Any]]] = {
    "add": lambda _: AddDialog(),
    "export": ExportDialog,
    "tag": lambda _: TagDialog("a passage", [Tag("border", "#ff8800", "")]),
    "chooser": lambda _: ChooserDialog("Reported by 2 articles", ["one", "two"]),
    "prompt": lambda _: PromptDialog("Rename tag “border” to:", "border"),
    "confirm": lambda _: ConfirmDialog("Delete tag “border”?"),
    "help": lambda _: HelpScreen(),
}
#: What Esc returns: nothing, but "no" for a yes/no question.
CANCELLED: dict[str, object] = {"confirm": False}


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
@pytest.mark.parametrize("name", DIALOGS)
async def test_every_dialog_shows_its_keys_and_esc_cancels_it(
    name: str, size: tuple[int, int], tmp_path: Path
) -> None:
    app = DialogApp(DIALOGS[name](tmp_path))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen is app.dialog
        keys = app.dialog.query_one("#dialog-keys")
        assert keys.children and all(in_sight(key) for key in keys.children)
        assert app.screen.region.contains_region(app.dialog.query_one("#dialog-box").region)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not app.dialog and app.answers == [CANCELLED.get(name)]


@pytest.mark.parametrize(("name", "field"), [("add", "#add-path"), ("export", "#path"),
                                             ("tag", "#tag-filter"), ("prompt", "#answer")])  # fmt: skip
async def test_typing_goes_to_the_first_field(name: str, field: str, tmp_path: Path) -> None:
    app = DialogApp(DIALOGS[name](tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        typed = app.dialog.query_one(field, Input)
        before = typed.value
        await pilot.press("end", "x")
        assert app.focused is typed and typed.value == before + "x"


async def test_a_title_is_shown_as_text() -> None:
    app = DialogApp(ChooserDialog("[b]x[/b] \x1b[2J reported by", ["[i]one[/i]"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        title = app.dialog.query_one("#dialog-title", Label)
        assert title.render_line(0).text.strip() == "[b]x[/b] ␛[2J reported by"
        assert "[i]one[/i]" in app.dialog.query_one(OptionList).render_line(0).text
