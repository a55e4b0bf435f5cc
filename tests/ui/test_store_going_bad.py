"""The annotation store going bad under the running app: the app keeps running, says what is wrong
with which file in one line, and goes read-only, as when the store is bad at start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from tests.ui.conftest import SIZE, settle
from tests.ui.test_export_files import export_to
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.core.store.journal import encode_commit
from tui.ui.annotations.annotation_pane import AnnotationPane
from tui.ui.app import ReaderApp
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.reader import ReaderScreen

FIRST = "000_9154f6903408afad"

#: What is appended to the journal: garbage before a good save (a damaged line), and a save whose
#: checksum is right but whose tag has no name; None: the journal is removed; a path: that file
#: of the store is overwritten with garbage.
DAMAGE: dict[str, bytes | str | None] = {
    "garbage": b"this is not a journal line\n" + encode_commit([{"t": "tags", "k": "7", "x": 1}]),
    "tag without a name": encode_commit([{"t": "tags", "k": "12345", "d": {"colour": "#61afef"}}]),
    "journal removed": None,
    "snapshot garbled": "annotations.json",
}


def store_with_a_passage(folder: Path, corpus: Corpus) -> AnnotationStore:
    """A store in ``folder`` with one tag and one passage of the first article."""
    store = AnnotationStore.open(folder)
    store.save_tag(Tag("place", "#61afef"))
    store.save(Annotation.create(FIRST, corpus.find(FIRST).text, 26, 32, ("place",)))  # type: ignore[union-attr]
    return store


def damage_journal(folder: Path, damage: str) -> dict[Path, bytes]:
    """Append ``DAMAGE[damage]`` to the store's journal (or remove it); every file of the store then."""
    journal = next(folder.glob("*.journal"))
    appended = DAMAGE[damage]
    if appended is None:
        journal.unlink()
    elif isinstance(appended, str):
        (folder / appended).write_bytes(b"garbage written over the file")
    else:
        with journal.open("ab") as appending:
            appending.write(appended)
    return {path: path.read_bytes() for path in folder.iterdir()}


def read_only_warnings(app: ReaderApp) -> list[str]:
    """The notifications on screen that say annotations are read-only."""
    return [
        text for text in (str(toast.render()) for toast in app.screen.query(Toast)) if "read-only" in text
    ]


@pytest.mark.parametrize("damage", list(DAMAGE))
async def test_a_store_damaged_while_the_app_runs_makes_it_read_only(
    make_app: Callable[..., ReaderApp], tmp_path: Path, corpus: Corpus, damage: str
) -> None:
    folder = tmp_path / "annotations"
    app = make_app(store=store_with_a_passage(folder, corpus))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        pane = screen.query_one(AnnotationPane)
        assert pane.read_only is None
        files = damage_journal(folder, damage)
        pane._poll_store()  # what the two-second timer does
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert pane.read_only is not None and str(folder) in pane.read_only
        shown = read_only_warnings(app)
        assert len(shown) == 1 and str(folder) in shown[0]
        assert "\n" not in shown[0].split("\n", 1)[-1]  # one line
        view = app.query_one(ArticleView)
        view.focus()
        view.select(40, 50)
        await pilot.press("m", "u", "ctrl+r")  # refused, with the reason; nothing written
        await pilot.pause()
        await pilot.press("A", "ctrl+p")  # the panes and the palette still read the store
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        problem, shown = pane.read_only, read_only_warnings(app)
        pane._poll_store()  # polled again, the store gone bad says nothing more
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert pane.read_only == problem and read_only_warnings(app) == shown
        assert {path: path.read_bytes() for path in folder.iterdir()} == files


async def test_a_store_gone_bad_during_an_export_is_reported_once_and_nothing_is_written(
    make_app: Callable[..., ReaderApp], tmp_path: Path, corpus: Corpus
) -> None:
    folder, exported = tmp_path / "annotations", tmp_path / "export.json"
    app = make_app(store=store_with_a_passage(folder, corpus))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        damage_journal(folder, "garbage")
        await export_to(pilot, exported)  # the export reads the annotations, then the tags
        assert app.is_running and app.return_code is None
        assert len(read_only_warnings(app)) == 1
        failed = [str(n.message) for n in app._notifications if n.title == "Export failed"]
        assert len(failed) == 1 and str(folder) in failed[0] and not exported.exists()
