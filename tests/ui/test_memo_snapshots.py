"""Snapshot of the memo editor at 80×24: the text wraps inside the box, who wrote it and when is
under it, and the keys are in sight."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.ui.conftest import reader_ready, settle, settle_behind_dialog
from tui.core.annotations.memos import Memo
from tui.ui.app import ReaderApp
from tui.ui.memos.memo_editor import MemoEditor

TEXT = (
    "Definition: passages on trade between Iran and Pakistan: volumes, the $10 billion target, "
    "barter, border markets and the gas pipeline.\n\n"
    "Coding rules:\n- code the whole sentence;\n- not tourism, not pilgrims [b]unless[/b] trade is named."
)


def test_memo_editor_at_80x24(snap_compare: Any, make_app: Callable[..., ReaderApp]) -> None:
    async def run_before(pilot: Any) -> None:
        await reader_ready(pilot)
        memo = Memo("tag", "trade", TEXT, "analyst", "2026-01-05T09:30:00Z", "2026-02-03T16:45:00Z")
        pilot.app.push_screen(MemoEditor(memo.label, memo))
        await settle(pilot)
        await settle_behind_dialog(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)
