"""Pilot test: adding an article from the app, then finding it in the list, the timeline and the xref pane."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.ui.conftest import ROOT, SIZE, answer, open_dialog, refusal, settle, settle_until
from tui.ui.adding.add_dialog import AddDialog
from tui.ui.adding.adder import ArticleAdder
from tui.ui.app import ReaderApp
from tui.ui.reader.article_list import ArticleList
from tui.ui.screens.reader import ReaderScreen

STORY = """Naqvi and Momeni agree on border crossings

ISLAMABAD, Dec 2, 2025 (APP) – Interior Minister Mohsin Naqvi met Iran’s Interior Minister
Eskandar Momeni in Islamabad on Tuesday and agreed to open two more border crossings.

Ali Larijani welcomed the agreement, saying trade could reach $10 billion.
"""


async def test_an_article_added_from_the_app_shows_up_everywhere(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "articles", articles)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "story.txt").write_text(STORY, encoding="utf-8")
    (incoming / "bad.txt").write_bytes(b"\x00\x01binary")
    app = make_app(articles)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, AddDialog)
        app.screen.query_one("#add-path", Input).value = str(incoming)
        await pilot.press("enter")
        # adding, then entities, then the indexes: each in its worker
        await settle_until(pilot, lambda: screen.index is not None and len(screen.index.articles) == 6)
        assert app.screen is screen and not screen.query("#add-progress")
        titles = [row.title for row in screen.query_one(ArticleList).rows]
        assert "Naqvi and Momeni agree on border crossings" in titles and len(screen.corpus.articles) == 6
        new = screen.article
        assert new is not None and new.title == "Naqvi and Momeni agree on border crossings"
        assert new.published is not None and new.published.isoformat() == "2025-12-02"
        notes = [str(n.message) for n in app._notifications]
        assert any("Added 1 article" in n and "bad.txt" in n for n in notes)
        assert screen.index is not None and new.id in screen.index.articles
        events = screen.index.timeline.for_entity("person:mohsin-naqvi")
        assert any(s.article == new.id for e in events for s in e.sources)
        assert new.id in {a for a, _ in screen.index.xref.mentions_of("person:larijani")}
        assert (articles / f"{new.id}.md").is_file()


async def test_the_dialog_checks_its_fields(make_app: Callable[..., ReaderApp], tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ctrl+o")
        assert isinstance(dialog, AddDialog)
        await answer(pilot, "#add-path", str(tmp_path / "nothing-here"))
        assert "No such file or folder" in refusal(dialog, "#add-error")
        dialog.query_one("#add-published", Input).value = "25/11/2025"
        await answer(pilot, "#add-path", str(tmp_path))
        assert "Not a date like" in refusal(dialog, "#add-error")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


@pytest.mark.parametrize("typed", ["~no-such-user-iranpak/story.txt", "x" * 5000], ids=["user", "long"])
async def test_a_path_the_system_refuses_is_an_error_in_the_dialog(
    make_app: Callable[..., ReaderApp], typed: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "ctrl+o")
        await answer(pilot, "#add-path", typed)
        error = refusal(dialog, "#add-error")
        assert error.startswith("Cannot use ") and "\n" not in error


@pytest.mark.parametrize("failing_step", ["tui.core.adding.add.add_paths", "tui.core.corpus.load_corpus"])
async def test_adding_that_fails_in_any_way_is_reported_and_the_app_goes_on(
    make_app: Callable[..., ReaderApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_step: str
) -> None:
    def failing(*_: object, **__: object) -> None:
        """Adding that fails with something other than an AddError (a bug, a file that trips a parser),
        while adding the files or reading the grown corpus."""
        raise RecursionError("maximum recursion depth exceeded")

    articles = tmp_path / "articles"  # adding writes into the corpus's folder: a copy of it
    shutil.copytree(ROOT / "articles", articles)
    app = make_app(articles)  # the corpus is read before the step is made to fail
    monkeypatch.setattr(failing_step, failing)
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#add-path", Input).value = str(tmp_path / "story.txt")
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await settle_until(pilot, lambda: not screen.query_one(ArticleAdder).adding)
        assert app.is_running and app.return_code is None
        assert any("RecursionError" in str(n.message) for n in app._notifications)
        assert not app.query("#build-bar")
        await pilot.press("ctrl+o")  # and adding can start again
        await pilot.pause()
        assert isinstance(app.screen, AddDialog)
