"""Snapshot tests of every dialog over the reader, at 80×24 and 120×40: each fits, its question
wraps inside it and its buttons or keys are in sight (the tag dialog is in test_snapshots)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.screen import Screen

from tests.ui.conftest import reader_ready, settle
from tui.ui.app import ReaderApp

LONG_TAG = "regional-security-framing-of-the-gas-pipeline-and-border-incidents"


def opened(make_dialog: Callable[[], Screen[Any]]) -> Callable[[Any], Any]:
    """A run_before that settles the reader, then pushes the dialog and lets it draw."""

    async def run_before(pilot: Any) -> None:
        await reader_ready(pilot)
        pilot.app.push_screen(make_dialog())
        await settle(pilot)  # the key bar behind the dialog redraws for the dialog's focus
        await pilot.pause()

    return run_before


def add_dialog() -> Screen[Any]:
    """Ctrl+O's dialog."""
    from tui.ui.adding.add_dialog import AddDialog

    return AddDialog()


def export_dialog() -> Screen[Any]:
    """Ctrl+E's dialog, for a fixed folder (a temporary one would change the picture)."""
    from tui.ui.annotations.export_dialog import ExportDialog

    return ExportDialog(Path("/home/analyst/iranpak"))


def delete_tag_confirmation() -> Screen[Any]:
    """The codebook's D on a tag with a long name."""
    from tui.ui.dialogs.prompt import ConfirmDialog

    return ConfirmDialog(f"Delete tag “{LONG_TAG}” and remove it from 12 annotations?")


def rename_prompt() -> Screen[Any]:
    """The codebook's R on a tag with a long name."""
    from tui.ui.dialogs.prompt import PromptDialog

    return PromptDialog(f"Rename tag “{LONG_TAG}” to:", LONG_TAG)


def sources_chooser() -> Screen[Any]:
    """Enter on a timeline event reported by several articles."""
    from tui.ui.dialogs.chooser import ChooserDialog

    sentence = "Iran and Pakistan agreed to raise bilateral trade to $10 billion within five years"
    items = [f"Article {n}: {sentence}, officials said in Islamabad on day {n}." for n in range(1, 9)]
    return ChooserDialog("7 November 2025: reported by 8 articles", items)


def merge_picker() -> Screen[Any]:
    """The codebook's M on "security": the other tags, to be found by typing."""
    from tui.core.annotations.model import Tag
    from tui.ui.dialogs.tag_picker import TagPickerDialog

    colours = ["#e06c75", "#98c379", "#d19a66", "#61afef", "#c678dd", "#56b6c2", "#e5c07b", "#be5046"]
    names = ["border-incident", "diplomacy", "energy/gas-pipeline", "framing/security"]
    names += ["regional-tension", "sanctions", "security", "trade"]
    tags = [Tag(name, colour) for name, colour in zip(names, colours, strict=True)]
    tags[4] = Tag("regional-tension", colours[4], "Regional instability framing")
    counts = {name: n + 1 for n, name in enumerate(names)}
    return TagPickerDialog("Merge “security” into which tag?", tags, counts, exclude=["security"])


def typed(make_dialog: Callable[[], Screen[Any]], text: str) -> Callable[[Any], Any]:
    """A run_before that opens the dialog as :func:`opened` does, then types ``text`` into it."""

    async def run_before(pilot: Any) -> None:
        await opened(make_dialog)(pilot)
        await pilot.press(*text)
        await pilot.pause()

    return run_before


class DialogsAt:
    """Every dialog at the size a subclass names (not collected itself)."""

    SIZE: tuple[int, int]

    def test_add_dialog(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        assert snap_compare(make_app(), terminal_size=self.SIZE, run_before=opened(add_dialog))

    def test_export_dialog(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        assert snap_compare(make_app(), terminal_size=self.SIZE, run_before=opened(export_dialog))

    def test_delete_tag_confirmation(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        run_before = opened(delete_tag_confirmation)
        assert snap_compare(make_app(), terminal_size=self.SIZE, run_before=run_before)

    def test_rename_prompt(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        assert snap_compare(make_app(), terminal_size=self.SIZE, run_before=opened(rename_prompt))

    def test_sources_chooser(self, snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
        assert snap_compare(make_app(), terminal_size=self.SIZE, run_before=opened(sources_chooser))


class TestDialogsAt80x24(DialogsAt):
    """The default size of most terminals."""

    SIZE = (80, 24)

    def test_merge_picker_narrowed_by_typing(
        self, snap_compare: Any, make_app: Callable[..., ReaderApp]
    ) -> None:
        run_before = typed(merge_picker, "en")
        assert snap_compare(make_app(), terminal_size=self.SIZE, run_before=run_before)


class TestDialogsAt120x40(DialogsAt):
    """A medium terminal."""

    SIZE = (120, 40)
