"""An empty workspace: every pane settles, and the list and header say how to add articles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.ui.conftest import SIZE, settle_until
from tui.ui.app import ReaderApp
from tui.ui.reader.article_header import ArticleHeader
from tui.ui.reader.article_list import ArticleList
from tui.ui.screens.reader import ReaderScreen


@pytest.mark.parametrize("run", range(4))  # the panes mount and extraction ends in either order
async def test_an_empty_workspace_settles_and_says_how_to_add_articles(
    make_app: Callable[..., ReaderApp], tmp_path: Path, run: int
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await settle_until(pilot, lambda: screen.index is not None and bool(app.query("#entity-details")))
        details = str(app.query_one("#entity-details", Static).render())
        assert "Finding entities" not in details and "No article open" in details
        listing = app.query_one(ArticleList)
        drawn = " ".join(listing.render_line(y).text for y in range(listing.size.height))
        assert "Ctrl+O" in drawn and "iranpak-reader add" in drawn
        header = str(app.query_one(ArticleHeader).render())
        assert "Ctrl+O" in header and "iranpak-reader add" in header
        assert not app.query("#build-bar")
