"""Background work that fails (a bug tripped by some article, a cache that cannot be read) is
reported in one line and the app goes on: it never exits through a failed worker."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets._toast import Toast

from tests.ui.conftest import SIZE, settle
from tui.ui.app import ReaderApp


def failing(*_: object, **__: object) -> None:
    """Work that fails the way a bug does."""
    raise ValueError("year 99999 is out of range")


@pytest.mark.parametrize(
    ("module", "name", "work"),
    [
        ("tui.core.mentions", "corpus_mentions", "finding entities"),
        ("tui.core.corpus_index.CorpusIndex", "build", "indexing the corpus"),
    ],
)
async def test_failed_background_work_is_reported_and_the_app_goes_on(
    make_app: Callable[..., ReaderApp], monkeypatch: pytest.MonkeyPatch, module: str, name: str, work: str
) -> None:
    monkeypatch.setattr(f"{module}.{name}", failing)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert app.is_running and app.return_code is None
        shown = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert any(work in toast and "ValueError: year 99999 is out of range" in toast for toast in shown)
        assert not app.query("#build-bar")
        await pilot.press("j", "L", "X")  # the reader still works
        await pilot.pause()
        assert app.is_running


async def test_after_extraction_fails_the_panes_stop_waiting_for_entities(
    make_app: Callable[..., ReaderApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Static

    from tests.ui.conftest import settle_until
    from tui.ui.timeline.timeline_pane import TimelinePane

    monkeypatch.setattr("tui.core.mentions.corpus_mentions", failing)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle_until(pilot, lambda: bool(app.query("#entity-details")))
        details = str(app.query_one("#entity-details", Static).render())
        assert "Finding entities" not in details
        await pilot.press("L")
        await settle_until(pilot, lambda: bool(app.query(TimelinePane)))
        shown = " ".join(str(label.render()) for label in app.query_one(TimelinePane).query("Label"))
        assert "Building the timeline" not in shown
        assert app.is_running
