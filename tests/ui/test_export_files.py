"""The app's export (Ctrl+E) writes where the user meant, or nowhere: symlinks followed, FIFOs refused."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, RadioButton

from tests.ui.conftest import SIZE, answer, open_dialog, refusal, settle
from tui.ui.annotations.export_dialog import ExportDialog
from tui.ui.app import ReaderApp


async def export_to(pilot: Any, path: Path) -> None:
    """Open the export dialog, type ``path`` and press Enter."""
    await open_dialog(pilot, "ctrl+e")
    await answer(pilot, "#path", str(path))


async def test_export_follows_a_symlink_and_refuses_a_fifo(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    target, link, fifo = tmp_path / "real.json", tmp_path / "link.json", tmp_path / "pipe.json"
    target.write_text("old")
    link.symlink_to(target)
    os.mkfifo(fifo)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await export_to(pilot, link)
        assert link.is_symlink() and '"iranpak-reader/annotations"' in target.read_text()
        assert any(str(target) in str(n.message) for n in app._notifications)
        await export_to(pilot, fifo)
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
        failed = [str(n.message) for n in app._notifications if n.title == "Export failed"]
        assert len(failed) == 1 and "FIFO" in failed[0] and "\n" not in failed[0]


async def test_a_path_the_system_refuses_is_one_line_and_the_app_goes_on(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await export_to(pilot, tmp_path / ("x" * 5000))  # the name too long for the system
        failed = [str(n.message) for n in app._notifications if n.title == "Export failed"]
        assert len(failed) == 1 and "too long" in failed[0] and "\n" not in failed[0]
        dialog = await open_dialog(pilot, "ctrl+e")
        await answer(pilot, "#path", "~no-such-user-iranpak/out.json")
        error = refusal(dialog, "#export-error")
        assert error.startswith("Cannot use ") and "\n" not in error


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("", "{folder}/annotations-w3c.json"), ("/", "/annotations-w3c.json"), ("out/", "out/annotations-w3c.json"),
     ("out/mine.jsonld", "out/annotations-w3c.jsonld")],
)  # fmt: skip
async def test_choosing_a_format_names_a_file_in_the_folder_typed(
    make_app: Callable[..., ReaderApp], typed: str, suggested: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ctrl+e")
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#path", Input).value = typed
        dialog.query_one("#w3c", RadioButton).value = True
        await pilot.pause()
        refusal(dialog, "#export-error")  # still up
        assert dialog.query_one("#path", Input).value == suggested.format(folder=dialog.folder)


async def test_a_refi_qda_project_and_codebook_are_written_from_the_app(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    import zipfile

    from tui.core.annotations.model import Annotation
    from tui.core.annotations.store import AnnotationStore

    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.state.corpus.articles[0]
        store.save(Annotation.create(article.id, article.text, 26, 32, ("place",)))
        for kind, name in (("qdpx", "project.qdpx"), ("qdc", "codebook.qdc")):
            dialog = await open_dialog(pilot, "ctrl+e")
            assert isinstance(dialog, ExportDialog)
            dialog.query_one("#path", Input).value = str(tmp_path / "mine.jsonld")
            dialog.query_one(f"#{kind}", RadioButton).value = True
            await pilot.pause()
            assert dialog.query_one("#path", Input).value == str(tmp_path / name)
            await pilot.press("enter")
            await settle(pilot)
        with zipfile.ZipFile(tmp_path / "project.qdpx") as project:
            assert "project.qde" in project.namelist()
        assert b'name="place"' in (tmp_path / "codebook.qdc").read_bytes()
        said = [str(n.message) for n in app._notifications]
        assert any(s.startswith("Wrote 1 tag (qdc)") for s in said), said


async def test_an_empty_codebook_is_refused_in_one_line(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ctrl+e")
        dialog.query_one("#path", Input).value = str(tmp_path / "codebook.qdc")
        dialog.query_one("#qdc", RadioButton).value = True
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert not (tmp_path / "codebook.qdc").exists()
        failed = [n for n in app._notifications if n.title == "Export failed"]
        assert len(failed) == 1 and "\n" not in str(failed[0].message)
