"""Pilot test: the app reads its known-entities file after the first frame and reports its problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, settle, settle_until
from tui.core.entities import engine as engine_module
from tui.core.entities.gazetteer import Gazetteer, load_gazetteer
from tui.core.workspace import Workspace
from tui.ui import launch
from tui.ui.reader.article_list import ArticleList

BAD_ROW = '\n[[entity]]\nid = "Not A Slug"\nname = "Nobody"\ntype = "person"\n'


async def test_a_bad_row_in_the_entities_file_is_reported_once_and_the_rest_is_used(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IRANPAK_CACHE", str(tmp_path / "cache"))
    entities = workspace / "articles" / "entities.toml"
    entities.write_text(entities.read_text(encoding="utf-8") + BAD_ROW, encoding="utf-8")
    reads: list[Path] = []

    def counted(path: Path) -> Gazetteer:
        reads.append(path)
        return load_gazetteer(path)

    monkeypatch.setattr(engine_module, "load_gazetteer", counted)
    app = launch.make_app(Workspace(workspace, "a test"))
    assert reads == []  # not before the first frame
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await settle_until(pilot, lambda: getattr(screen, "mentions", None) is not None)
        assert reads == [entities]
        rows = list(screen.query_one(ArticleList).rows)
        assert len(rows) == 6 and rows[-1].title == "⚠ entities.toml" and "Not A Slug" in rows[-1].detail
        mentions = screen.mentions
        assert mentions is not None and any(
            m.entity_id == "person:qalibaf" for found in mentions.values() for m in found
        )
        screen.replace_corpus(screen.corpus)  # found again (articles added): not reported again
        await settle(pilot)
        notes = [str(note.message) for note in app._notifications]
        assert sum("entities.toml" in note and "Not A Slug" in note for note in notes) == 1
        assert len(screen.query_one(ArticleList).rows) == 6
