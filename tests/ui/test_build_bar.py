"""Pilot test: the background work reports its stages, shows a bar once it takes a while, and clears it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.message import Message

from tests.ui.conftest import SIZE, settle
from tui.ui.app import ReaderApp
from tui.ui.messages import BuildProgress
from tui.ui.screens import reader


async def test_stages_are_reported_and_the_bar_goes_when_done(
    make_app: Callable[..., ReaderApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "BUILD_BAR_AFTER", 0.0)
    seen: list[BuildProgress] = []
    shown: list[bool] = []

    def hook(message: Message) -> None:
        if isinstance(message, BuildProgress):
            seen.append(message)
            shown.append(bool(app.screen.query("#build-bar")))

    app = make_app()
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        await settle(pilot)
        stages = [m.stage for m in seen]
        assert stages[0] == "Finding entities in 5 articles"
        assert any(s.startswith("Indexing events and cross-references") for s in stages)
        fractions = [m.fraction for m in seen if m.fraction is not None]
        assert fractions and fractions == sorted(fractions) and fractions[-1] == 1.0
        assert any(shown)  # the bar was up while the work went on
        assert not app.screen.query("#build-bar")  # and is gone now
