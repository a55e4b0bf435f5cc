"""Pilot test: the search pane keeps its word index in the cache folder once the corpus is
indexed, the next run reads it back instead of reading every article, and a damaged file is only
rebuilt."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import SIZE, settle_until
from tui.core import corpus_search
from tui.core.corpus_search import search
from tui.core.word_cache import NAME
from tui.core.workspace import Workspace
from tui.ui.app import ReaderApp
from tui.ui.launch import make_app


async def words_found(app: ReaderApp, query: str) -> list[str]:
    """Run the app until every pane is ready (the search pane's word index too): the ids of the
    articles its word index leads a search for ``query`` to."""
    async with app.run_test(size=SIZE) as pilot:
        screen: Any = app.screen

        def ready() -> bool:
            """The word index is built or read, and no work is under way."""
            panes = screen.query("#search-pane")
            return (
                bool(panes) and panes.first().words is not None and not any(w.is_running for w in app.workers)
            )

        await settle_until(pilot, ready, rounds=200)
        articles = screen.corpus.articles
        return [articles[n].id[:3] for n in search(articles, query, screen.query_one("#search-pane").words)]


async def test_the_second_run_reads_the_word_index_from_the_cache(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IRANPAK_CACHE", str(tmp_path / "cache"))
    space = Workspace(workspace, "a test")
    assert await words_found(make_app(space), "larijani") == ["001", "003", "004"]
    kept = space.cache / NAME
    written = kept.read_bytes()

    built: list[int] = []
    build = corpus_search.WordIndex.__init__

    def building(self: corpus_search.WordIndex, articles: Any) -> None:
        built.append(len(articles))
        build(self, articles)

    monkeypatch.setattr(corpus_search.WordIndex, "__init__", building)
    assert await words_found(make_app(space), "Larij") == ["001", "003", "004"]
    assert built == [] and kept.read_bytes() == written

    kept.write_bytes(written[: len(written) // 2])  # damaged: rebuilt, and the search still right
    assert await words_found(make_app(space), "larijani") == ["001", "003", "004"]
    assert built == [5] and kept.read_bytes() == written
