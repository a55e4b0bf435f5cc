"""Pilot test: the app writes its caches once the corpus is indexed, and the next run reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.ui.conftest import SIZE, settle_until
from tui.core.entities import recogniser as recogniser_module
from tui.core.timeline import build as build_module
from tui.core.workspace import Workspace
from tui.ui.app import ReaderApp
from tui.ui.launch import make_app


async def indexed_timeline(app: ReaderApp) -> bytes:
    """Run the app until its corpus is indexed and its workers are done: the timeline as JSON."""
    async with app.run_test(size=SIZE) as pilot:
        screen: Any = app.screen
        await settle_until(
            pilot,
            lambda: getattr(screen, "index", None) is not None and not any(w.is_running for w in app.workers),
            rounds=200,
        )
        assert screen.index is not None
        return orjson.dumps(screen.index.timeline.as_json())


async def test_the_second_run_takes_mentions_and_events_from_the_caches(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IRANPAK_CACHE", str(tmp_path / "cache"))
    space = Workspace(workspace, "a test")
    first = await indexed_timeline(make_app(space))
    assert [p.name[:7] for p in sorted(space.cache.glob("*.json"))] == ["events-", "mention"]

    scanned: list[str] = []
    worked_out: list[str] = []
    first_pass, article_events = recogniser_module.first_pass, build_module.article_events

    def scanning(matcher: Any, texts: list[str]) -> Any:
        scanned.extend(texts)
        return first_pass(matcher, texts)

    def working_out(article: str, *rest: Any) -> Any:
        worked_out.append(article)
        return article_events(article, *rest)

    monkeypatch.setattr(recogniser_module, "first_pass", scanning)
    monkeypatch.setattr(build_module, "article_events", working_out)
    assert await indexed_timeline(make_app(space)) == first
    assert scanned == [] and worked_out == []
