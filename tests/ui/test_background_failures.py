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
