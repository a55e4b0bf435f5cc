"""The app's export (Ctrl+E) writes where the user meant, or nowhere: symlinks followed, FIFOs refused."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input

from tests.ui.conftest import SIZE, settle
from tui.ui.app import ReaderApp


async def export_to(pilot: Any, path: Path) -> None:
    """Open the export dialog, type ``path`` and press Enter."""
    await pilot.press("ctrl+e")
    await pilot.pause()
    pilot.app.screen.query_one("#path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()


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
