"""Fixtures for Pilot and snapshot tests: an app on a given corpus, without nondeterminism."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.screen import Screen
from textual.widgets import Input, TextArea
from textual.worker import WorkerCancelled

from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import load_corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.ui.app import ReaderApp

ROOT = Path(__file__).resolve().parent.parent.parent
SIZE = (140, 40)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes screenshots depend on timing: every text field's blink timer does
    nothing, so a cursor shows exactly while its field has the focus. (Turning ``cursor_blink`` off
    on mount hid the cursor when the field had the focus before its mount handler ran.)"""
    monkeypatch.setattr(Input, "_toggle_cursor", _steady)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", _steady)


def _steady(self: Input | TextArea) -> None:
    """A blink that changes nothing."""


@pytest.fixture
def make_app() -> Callable[..., ReaderApp]:
    """Build a ReaderApp on an articles folder (the bundled one by default) and a store (in memory)."""

    def make(
        articles: Path = ROOT / "articles",
        store: AnnotationStore | None = None,
        store_problem: str | None = None,
    ) -> ReaderApp:
        corpus = load_corpus(articles)
        gazetteer = load_gazetteer(articles / "entities.toml")
        problems = [*corpus.problems, *gazetteer.problems]
        return ReaderApp(
            corpus, EntityEngine(gazetteer), problems, store or AnnotationStore.in_memory(), store_problem
        )

    return make


async def burst(pilot: Any, *keys: str) -> None:
    """Send keys as a terminal delivers a paste or fast typing: all at once, with no pause between
    them for the app to handle each (``pilot.press`` waits after every key)."""
    driver = pilot.app._driver
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await settle(pilot)
    for _ in range(5):
        await pilot.pause()


async def settle(pilot: Any) -> None:
    """Wait for background workers and the messages they post (a worker cancelled because a newer
    run of it replaced it counts as finished: the newer one is waited for)."""
    for _ in range(50):
        try:
            await pilot.app.workers.wait_for_complete()
            break
        except WorkerCancelled:
            continue
    await pilot.pause()
    await pilot.pause()


async def reader_ready(pilot: Any) -> None:
    """Settle until the reader has found its entities, built its indexes and mounted its side panes
    (they start after the first frame: on a loaded machine a plain settle can come before them)."""
    screen = pilot.app.screen
    await settle_until(
        pilot, lambda: getattr(screen, "index", None) is not None and bool(screen.query("#search-pane"))
    )
    await settle(pilot)


async def settle_behind_dialog(pilot: Any) -> None:
    """Settle a dialog's snapshot: the text behind it loses its focus tint when its blur arrives,
    which a busy machine can deliver after the frame, so wait for the blur, then repaint."""
    behind = pilot.app.screen_stack[-2]
    article = behind.query_one("ArticleView")
    await settle_until(pilot, lambda: not article.has_focus)
    behind.refresh(repaint=True)
    article.refresh()
    await settle(pilot)


async def settle_until(pilot: Any, done: Callable[[], bool], rounds: int = 100) -> None:
    """Settle until ``done()`` holds: background work that goes in steps, each in its own worker."""
    for _ in range(rounds):
        await settle(pilot)
        if done():
            return


async def open_dialog(pilot: Any, key: str) -> Screen[Any]:
    """Settle, press ``key`` and return the screen (a dialog) it opens."""
    await settle(pilot)
    await pilot.press(key)
    await pilot.pause()
    screen: Screen[Any] = pilot.app.screen
    return screen


async def answer(pilot: Any, field: str, typed: str) -> None:
    """Put ``typed`` in the open dialog's field (a CSS id) and press Enter."""
    pilot.app.screen.query_one(field, Input).value = typed
    await pilot.press("enter")
    await pilot.pause()


def refusal(dialog: Screen[Any], label: str) -> str:
    """The error ``dialog`` shows in its ``label``, after checking the app and the dialog are still up."""
    app = dialog.app
    assert app.is_running and app.return_code is None and app.screen is dialog
    return str(dialog.query_one(label).render())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Snapshot tests run again, at most four times, if they fail: one may catch a background colour
    before its repaint on a busy machine (colour only, the text always the same; cause not found).
    A snapshot that differs for a real change fails all five runs."""
    for item in items:
        if "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.flaky(reruns=4))
