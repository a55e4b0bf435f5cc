"""Pilot test: a large corpus is listed from its catalogue at once and read after the first frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, settle_until
from tui.core.annotations.store import AnnotationStore
from tui.core.catalogue import Pending, read_catalogue, write_catalogue
from tui.core.corpus import Corpus, load_corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.workspace import Workspace
from tui.ui import launch
from tui.ui.app import ReaderApp
from tui.ui.reader.article_list import ArticleList


async def test_the_list_shows_first_and_the_articles_arrive_after(workspace: Path, tmp_path: Path) -> None:
    folder, cache = workspace / "articles", tmp_path / "cache"
    write_catalogue(cache, load_corpus(folder))
    listed = read_catalogue(cache, folder)
    assert listed is not None
    pending = Pending(listed, folder, cache)
    first = pending.article(listed[0].id)
    assert first is not None
    app = ReaderApp(
        Corpus(folder, [first]),
        EntityEngine(load_gazetteer(folder / "entities.toml")),
        [],
        AnnotationStore.in_memory(),
        pending=pending,
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        rows = screen.query_one(ArticleList).rows
        assert [row.article_id for row in rows] == [entry.id for entry in listed]  # all listed at once
        assert screen.article is not None and screen.article.id == listed[0].id
        await settle_until(pilot, lambda: getattr(screen, "index", None) is not None)
        assert len(screen.corpus.articles) == 5 and screen.pending is None
        assert screen.article is not None and screen.article.id == listed[0].id
        assert screen.mentions is not None and len(screen.mentions) == 5
        screen.select_article(listed[3].id)
        await pilot.pause()
        assert screen.article.id == listed[3].id


async def test_without_a_catalogue_a_large_corpus_is_read_after_the_first_frame(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IRANPAK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(launch, "PENDING_FROM", 3)
    (workspace / "articles" / "zzz_broken.md").write_bytes(b"\xff\xfe not text")

    def not_before_the_first_frame(folder: Path) -> None:
        raise AssertionError("the corpus was read before the first frame")

    monkeypatch.setattr(launch, "load_corpus", not_before_the_first_frame)
    app = launch.make_app(Workspace(workspace, "a test"))
    assert app.pending is not None and app.pending.total == 6 and not app.corpus.articles
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await settle_until(pilot, lambda: getattr(screen, "index", None) is not None)
        assert len(screen.corpus.articles) == 5 and screen.pending is None
        assert len(screen.query_one(ArticleList).rows) == 6  # the five, and the file that failed
        assert screen.article is not None
        assert any("zzz_broken.md" in str(n.message) for n in app._notifications)
    assert read_catalogue(Workspace(workspace, "a test").cache, workspace / "articles") is None  # a problem
