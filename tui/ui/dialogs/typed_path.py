"""Paths typed into dialogs: ``~`` expanded, and why one cannot be used, in one line."""

from __future__ import annotations

from pathlib import Path

from tui.core.safe_text import one_line


def typed_path(typed: str) -> Path:
    """The path a user typed, ``~`` expanded; RuntimeError for a ``~user`` the system does not know."""
    return Path(typed).expanduser()


def path_problem(typed: str, error: Exception) -> str:
    """Why a typed path cannot be used, in one short line (the path cut to fit a dialog)."""
    shown = one_line(typed)
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return f"Cannot use {shown}: {one_line(reason)}"
