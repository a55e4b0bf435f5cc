"""Importing from the app: I (or the palette) asks for a file, shows what a dry run found, imports on
a second Enter as one step that u undoes; a REFI-QDA project's new sources join the article list;
a broken file is one line in the dialog."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input

from tests.ui.conftest import ROOT, reader_ready, refusal, settle, settle_behind_dialog
from tui.core.annotations.exporting import export_bytes
from tui.core.annotations.model import Annotation
from tui.core.annotations.store import AnnotationStore
from tui.core.attributes import define
from tui.core.corpus import Corpus
from tui.core.models import Article
from tui.ui.annotations.import_dialog import ImportDialog
from tui.ui.app import ReaderApp

AppFactory = Callable[..., ReaderApp]
FIRST = "000_9154f6903408afad"
SAMPLE = "tests/data/refi-qda/TestProject.qdpx"
NEW_TEXT = "Gwadar and Chabahar ports compete for transit trade.\nOfficials met in Quetta."


def project(corpus: Corpus) -> bytes:
    """A .qdpx with a passage, memos and attributes on article 000, and a text the corpus lacks."""
    articles = {article.id: article for article in corpus.articles}
    articles["new"] = Article("new", "Ports", NEW_TEXT)
    text = articles[FIRST].text
    start = text.index("Mohammad Baqer Qalibaf")
    store = AnnotationStore.in_memory()
    store.save(
        Annotation.create(FIRST, text, start, start + 22, ("actors/iran",)),
        Annotation.create("new", NEW_TEXT, 0, 6, ("ports",)),
    )
    store.save_memo("project", "", "Compare the ports.", "ali")
    store.save_memo("article", FIRST, "A visit to Islamabad.", "ali")
    store.define_attribute(define("pages", "number"))
    store.set_attributes(FIRST, {"outlet": "Tehran Times", "pages": "2"}, "ali")
    return export_bytes("qdpx", store, articles)[0]


async def press_i(pilot: Any) -> ImportDialog:
    """Press I in the reader: the import dialog."""
    await pilot.press("I")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ImportDialog)
    return dialog


async def enter_path(pilot: Any, dialog: ImportDialog, path: str) -> None:
    """Type ``path`` and press Enter, and wait for the worker."""
    dialog.query_one("#import-path", Input).value = path
    await pilot.press("enter")
    await settle(pilot)


async def test_i_checks_first_then_imports_as_one_step_that_u_undoes(
    make_app: AppFactory, corpus: Corpus, tmp_path: Path
) -> None:
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    (tmp_path / "project.qdpx").write_bytes(project(corpus))
    store = AnnotationStore.in_memory()
    app = make_app(articles=tmp_path / "articles", store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        count = len(app.screen.state.corpus.articles)
        dialog = await press_i(pilot)
        await enter_path(pilot, dialog, str(tmp_path / "project.qdpx"))
        shown = str(dialog.query_one("#import-report").render())
        assert "1 would be added" in shown and "Adds 1 article" in shown and "Memos: " in shown
        assert "Attributes: pages" in shown and "Enter imports all of this" in shown
        assert not store.annotations() and len(list((tmp_path / "articles").glob("*.md"))) == count
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ImportDialog)
        assert sorted(a.quote for a in store.annotations()) == ["Gwadar", "Mohammad Baqer Qalibaf"]
        assert store.memo("project") is not None and store.memo("article", FIRST) is not None
        assert {(v.name, v.value) for v in store.attribute_values(FIRST)} == {
            ("outlet", "Tehran Times"),
            ("pages", "2"),
        }
        corpus_now = app.screen.state.corpus
        assert len(corpus_now.articles) == count + 1 and any(a.title == "Ports" for a in corpus_now.articles)
        assert app.screen.article.title == "Ports"  # the new article is opened, as after ctrl+o
        await pilot.press("u")
        await settle(pilot)
        assert not store.annotations() and not store.memos() and not store.attribute_values()


async def test_a_broken_or_missing_file_is_one_line_and_the_dialog_stays(
    make_app: AppFactory, tmp_path: Path
) -> None:
    (tmp_path / "broken.qdpx").write_bytes(b"PK\x03\x04 not a zip at all")
    (tmp_path / "hostile.qde").write_bytes(b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e "x">]><Project/>')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await press_i(pilot)
        await enter_path(pilot, dialog, str(tmp_path / "broken.qdpx"))
        assert "broken.qdpx: not a readable ZIP" in refusal(dialog, ".problem")
        await enter_path(pilot, dialog, str(tmp_path / "hostile.qde"))
        assert "declares a DTD" in refusal(dialog, ".problem")
        await enter_path(pilot, dialog, str(tmp_path / "missing.json"))
        assert "Cannot import" in refusal(dialog, ".problem") and "nothing was imported" in refusal(
            dialog, ".problem"
        )
        assert not str(dialog.query_one("#import-report").render()).strip()


async def test_another_tools_sample_brings_its_notes_as_the_project_memo(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=(200, 50)) as pilot:
        await reader_ready(pilot)
        dialog = await press_i(pilot)
        await enter_path(pilot, dialog, str(ROOT / SAMPLE))
        shown = str(dialog.query_one("#import-report").render())
        assert "14 new tags" in shown and "Memos: the project" in shown and "Left out:" in shown
        assert "PictureSource" in shown
        await pilot.press("enter")
        await settle(pilot)
        memo = store.memo("project")
        assert memo is not None and memo.text.startswith("Research Plan:\n")
        assert len(store.tags()) == 14


async def test_the_path_is_completed_as_typed(make_app: AppFactory, tmp_path: Path) -> None:
    (tmp_path / "project.qdpx").write_bytes(b"")
    (tmp_path / "notes").mkdir()
    (tmp_path / "pro.txt").write_text("")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await press_i(pilot)
        field = dialog.query_one("#import-path", Input)
        field.value = f"{tmp_path}/pr"
        field.cursor_position = len(field.value)
        await settle(pilot)
        await pilot.press("right")
        assert field.value == f"{tmp_path}/project.qdpx"  # an import file before another
        field.value = f"{tmp_path}/no"
        field.cursor_position = len(field.value)
        await settle(pilot)
        await pilot.press("right")
        assert field.value == f"{tmp_path}/notes/"


def test_the_import_dialog_with_a_checked_sample(snap_compare: Any, make_app: AppFactory) -> None:
    async def run_before(pilot: Any) -> None:
        await reader_ready(pilot)
        dialog = await press_i(pilot)
        await enter_path(pilot, dialog, SAMPLE)  # relative: the same picture in any checkout
        await settle_behind_dialog(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


async def test_esc_waits_while_an_import_is_saved(
    make_app: AppFactory, corpus: Corpus, tmp_path: Path, monkeypatch: Any
) -> None:
    import threading

    from tui.core.annotations import importing

    (tmp_path / "project.qdpx").write_bytes(project(corpus))
    release = threading.Event()
    real = importing.import_document

    def slow(*args: Any, **kwargs: Any) -> Any:
        """The import, once the test lets it go on (a dry run at once)."""
        if not kwargs.get("dry_run"):
            release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "import_document", slow)
    shutil.copytree(ROOT / "articles", tmp_path / "articles")  # the project adds an article
    store = AnnotationStore.in_memory()
    app = make_app(articles=tmp_path / "articles", store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await press_i(pilot)
        await enter_path(pilot, dialog, str(tmp_path / "project.qdpx"))
        await pilot.press("enter")
        await pilot.pause()
        assert dialog.query_one("#import-progress").has_class("-working")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dialog and "wait for it to finish" in refusal(dialog, ".problem")
        release.set()
        await settle(pilot)
        assert app.screen is not dialog and store.annotations()
        await pilot.press("u")
        await settle(pilot)
        assert not store.annotations()  # the import was recorded: u undoes it


async def test_the_palette_offers_the_import(make_app: AppFactory) -> None:
    from tui.ui.commands import ReaderCommands

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        commands = {command.title: command for command in ReaderCommands(app.screen)._commands()}
        command = commands["Import annotations or a project…"]
        assert command.keys_label == "I"
        await app.run_action(command.action, command.node)
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)


async def test_names_in_the_file_are_shown_as_text_not_markup(make_app: AppFactory, tmp_path: Path) -> None:
    hostile = "[@click=app.quit]quit[/] [bold]x"
    (tmp_path / "codes.qdc").write_text(
        '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        f'<Code guid="1C3E2A9B-0D4F-5A6B-8C7D-9E0F1A2B3C4D" name="{hostile}" isCodable="true"/></Codes></CodeBook>',
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await press_i(pilot)
        await enter_path(pilot, dialog, str(tmp_path / "codes.qdc"))
        shown = str(dialog.query_one("#import-report").render())
        assert "New tags: [@click=app.quit]quit[-] [bold]x" in shown  # a "/" in a code's name is "-"
        assert "Enter imports all of this" in shown
        assert app.is_running and app.screen is dialog


async def test_a_project_is_read_once_to_check_and_once_to_import(
    make_app: AppFactory, corpus: Corpus, tmp_path: Path, monkeypatch: Any
) -> None:
    from tui.core.annotations import refi

    articles = {article.id: article for article in corpus.articles}
    text = articles[FIRST].text
    start = text.index("Mohammad Baqer Qalibaf")
    source = AnnotationStore.in_memory()
    source.save(Annotation.create(FIRST, text, start, start + 22, ("actors/iran",)))
    source.save_memo("project", "", "Compare the ports.", "ali")
    (tmp_path / "project.qdpx").write_bytes(export_bytes("qdpx", source, articles)[0])
    read = refi.read
    calls: list[int] = []

    def counted(raw: bytes, articles: dict[str, Article]) -> refi.Imported:
        """Count each reading of the file."""
        calls.append(len(raw))
        return read(raw, articles)

    monkeypatch.setattr(refi, "read", counted)
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await press_i(pilot)
        await enter_path(pilot, dialog, str(tmp_path / "project.qdpx"))
        shown = str(dialog.query_one("#import-report").render())
        assert "1 would be added" in shown and "Memos: " in shown and len(calls) == 1
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ImportDialog) and len(calls) == 2
        assert [a.quote for a in store.annotations()] == ["Mohammad Baqer Qalibaf"] and store.memo("project")
