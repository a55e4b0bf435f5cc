"""Fixtures for Pilot and snapshot tests: an app on a given corpus, without nondeterminism."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tui.core.corpus import load_corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.ui.app import ReaderApp
from tui.ui.widgets.find_bar import FindInput

ROOT = Path(__file__).resolve().parent.parent.parent
SIZE = (140, 40)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes screenshots depend on timing: keep it steady."""
    monkeypatch.setattr(FindInput, "on_mount", _steady, raising=False)


def _steady(self: FindInput) -> None:
    """Turn off the find field's cursor blink."""
    self.cursor_blink = False


@pytest.fixture
def make_app() -> Callable[..., ReaderApp]:
    """Build a ReaderApp on an articles folder (the bundled one by default)."""

    def make(articles: Path = ROOT / "articles") -> ReaderApp:
        corpus = load_corpus(articles)
        gazetteer = load_gazetteer(articles / "entities.toml")
        return ReaderApp(corpus, EntityEngine(gazetteer), [*corpus.problems, *gazetteer.problems])

    return make


async def settle(pilot: Any) -> None:
    """Wait for background workers and the messages they post."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
