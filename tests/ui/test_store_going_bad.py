"""The annotation store going bad under the running app: the app keeps running, says what is wrong
with which file in one line, and goes read-only, as when the store is bad at start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from tests.ui.conftest import SIZE, settle
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.store.journal import encode_commit
from tui.ui.app import ReaderApp
from tui.ui.screens.annotating import AnnotatingScreen
from tui.ui.widgets.article_view import ArticleView

FIRST = "000_9154f6903408afad"

#: What is appended to the journal: garbage before a good save (a damaged line), and a save whose
#: checksum is right but whose tag has no name.
DAMAGE = {
    "garbage": b"this is not a journal line\n" + encode_commit([{"t": "tags", "k": "7", "x": 1}]),
    "tag without a name": encode_commit([{"t": "tags", "k": "12345", "d": {"colour": "#61afef"}}]),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
async def test_a_store_damaged_while_the_app_runs_makes_it_read_only(
    make_app: Callable[..., ReaderApp], tmp_path: Path, corpus: object, damage: str
) -> None:
    folder = tmp_path / "annotations"
    store = AnnotationStore.open(folder)
    text = corpus.find(FIRST).text  # type: ignore[attr-defined]
    store.save_tag(Tag("place", "#61afef"))
    store.save(Annotation.create(FIRST, text, 26, 32, ("place",)))
    app = make_app(store=store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AnnotatingScreen) and screen.read_only is None
        journal = next(folder.glob("*.journal"))
        with journal.open("ab") as appending:
            appending.write(DAMAGE[damage])
        files = {path: path.read_bytes() for path in folder.iterdir()}
        screen._poll_store()  # what the two-second timer does
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert screen.read_only is not None and str(folder) in screen.read_only
        shown = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert any("read-only" in toast and str(folder) in toast for toast in shown)
        assert all("\n" not in toast.split("\n", 1)[-1] for toast in shown)  # one line each
        view = app.query_one(ArticleView)
        view.focus()
        view.select(40, 50)
        await pilot.press("m", "u", "ctrl+r")  # refused, with the reason; nothing written
        await pilot.pause()
        await pilot.press("A", "ctrl+p")  # the panes and the palette still read the store
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.pause(2.5)  # the timer's own poll
        assert app.is_running and app.return_code is None
        assert {path: path.read_bytes() for path in folder.iterdir()} == files
