"""Memos in the app: o on an article or a codebook tag, the palette's project memo, the editor's
keys (Ctrl+S saves, Esc asks before dropping changes), undo, the marks, and the Memos view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Label, OptionList, TextArea

from tests.ui.conftest import reader_ready, settle, settle_until
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.ui.app import ReaderApp
from tui.ui.dialogs.prompt import ConfirmDialog
from tui.ui.memos.memo_actions import edit_memo
from tui.ui.memos.memo_editor import MemoEditor
from tui.ui.memos.memos_view import MemosView
from tui.ui.reader.article_header import ArticleHeader

AppFactory = Callable[..., ReaderApp]
FIRST = "000_9154f6903408afad"
#: Text a user may type: markup and an escape sequence stay text.
TYPED = "Qalibaf's visit [b]framed[/b] as security.\nSecond line \x1b[31m."


def coded(store: AnnotationStore, corpus: Corpus) -> AnnotationStore:
    """One passage of the first article tagged ``trade``."""
    text = corpus.find(FIRST).text
    start = text.index("Mohammad Baqer Qalibaf")
    store.save(Annotation.create(FIRST, text, start, start + 22, ("trade",)))
    return store


async def write_in_editor(pilot: Any, text: str) -> MemoEditor:
    """Type ``text`` into the open memo editor (after what it holds) and return the editor."""
    editor = pilot.app.screen
    assert isinstance(editor, MemoEditor)
    editor.query_one(TextArea).insert(text)
    await pilot.pause()
    return editor


async def save(pilot: Any) -> None:
    """Ctrl+S in the editor: it closes."""
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert not isinstance(pilot.app.screen, MemoEditor)


def notes(app: ReaderApp) -> list[str]:
    """What the app has said, oldest first."""
    return [str(n.message) for n in app._notifications]


async def run_palette(pilot: Any, command: str) -> None:
    """Run a palette command by typing its name."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_a_memo_on_the_article_persists_and_is_marked(
    make_app: AppFactory, corpus: Corpus, tmp_path: Path
) -> None:
    store = AnnotationStore.open(tmp_path)
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        editor = await write_in_editor(pilot, TYPED)
        title = corpus.find(FIRST).title
        assert str(editor.query_one("#dialog-title", Label).render()) == f"Memo on “{title}”"
        await save(pilot)
        assert "Saved the memo on article 000_9154f6903408afad" in notes(app)
        title = str(app.screen.query_one("#passages-title", Label).render())
        assert title.endswith("✎ memo (o)")
        header = app.screen.query_one(ArticleHeader)
        assert header.attributes.endswith("✎ memo") and "✎ memo" in str(header.render())
        app.screen.select_article("001_837904dac7d69cd7")
        await settle(pilot)
        assert "✎" not in header.attributes
    store.close()
    again = AnnotationStore.open(tmp_path)
    memo = again.memo("article", FIRST)
    assert memo is not None and memo.text == TYPED and memo.author
    app = make_app(store=again)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, MemoEditor)
        # the escape character is shown as a symbol, never sent to the terminal; left as it was,
        # the memo is saved as it was
        assert editor.query_one(TextArea).text == TYPED.replace("\x1b", "␛")
        assert not editor.changed and editor.text == TYPED
        assert str(editor.query_one("#memo-about", Label).render()).startswith(f"By {memo.author} · created")
    again.close()


async def test_o_in_the_codebook_edits_the_tag_memo_and_u_undoes_it(
    make_app: AppFactory, corpus: Corpus
) -> None:
    store = coded(AnnotationStore.in_memory(), corpus)
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        codebook = app.screen.query_one("#codebook", OptionList)
        await pilot.press("A")
        await pilot.pause()
        codebook.focus()
        await pilot.pause()
        codebook.highlighted = 0
        await pilot.press("o")
        await pilot.pause()
        editor = await write_in_editor(pilot, "Trade volumes, targets and barter.")
        assert "Memo on tag trade" in str(editor.query_one("#dialog-title", Label).render())
        await save(pilot)
        memo = store.memo("tag", "trade")
        assert memo is not None and memo.text == "Trade volumes, targets and barter."
        assert "trade ✎" in str(codebook.get_option_at_index(0).prompt)
        await pilot.press("u")
        await settle(pilot)
        assert "Undid memo on tag trade" in notes(app)
        assert store.memo("tag", "trade") is None
        assert "✎" not in str(codebook.get_option_at_index(0).prompt)
        await pilot.press("U")
        await settle(pilot)
        assert store.memo("tag", "trade") == memo


async def test_the_palette_opens_the_project_memo_and_a_tag_memo(
    make_app: AppFactory, corpus: Corpus
) -> None:
    store = coded(AnnotationStore.in_memory(), corpus)
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await run_palette(pilot, "Project memo")
        await write_in_editor(pilot, "Aims: compare Pakistani and Iranian outlets.")
        await save(pilot)
        project = store.memo("project")
        assert project is not None and project.text.startswith("Aims:")
        await run_palette(pilot, "Memo on tag")
        await pilot.press(*"trade")
        await pilot.press("enter")
        await settle(pilot)
        await write_in_editor(pilot, "Definition.")
        await save(pilot)
        tag_memo = store.memo("tag", "trade")
        assert tag_memo is not None and tag_memo.text == "Definition."
        await run_palette(pilot, "Memo on this article")
        editor = app.screen
        assert isinstance(editor, MemoEditor) and editor.memo is None
        assert str(editor.query_one("#dialog-title", Label).render()).startswith("Memo on “")


async def test_esc_asks_before_dropping_changes_and_an_emptied_memo_is_deleted(
    make_app: AppFactory,
) -> None:
    store = AnnotationStore.in_memory()
    store.save_memo("project", "", "Kept as it was.", "analyst")
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        app.screen.action_memo("project")
        await pilot.pause()
        await pilot.press("escape")  # nothing changed: it closes at once
        await pilot.pause()
        assert not isinstance(app.screen, MemoEditor | ConfirmDialog)
        app.screen.action_memo("project")
        await pilot.pause()
        await write_in_editor(pilot, " More.")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing: the text is still there
        await pilot.pause()
        assert isinstance(app.screen, MemoEditor)
        assert app.screen.query_one(TextArea).text == "Kept as it was. More."
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, MemoEditor | ConfirmDialog)
        memo = store.memo("project")
        assert memo is not None and memo.text == "Kept as it was."
        app.screen.action_memo("project")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "  \n"
        await save(pilot)
        assert store.memo("project") is None
        assert "Deleted the memo on the project" in notes(app)


async def test_a_read_only_store_keeps_the_editor_open_saying_why(make_app: AppFactory) -> None:
    app = make_app(store_problem="annotations.json: broken")
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        app.screen.action_memo("project")
        await pilot.pause()
        editor = await write_in_editor(pilot, "Not to be saved.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert "Not saved: read-only" in str(editor.query_one(".problem", Label).render())


async def test_the_memos_view_lists_every_memo_and_enter_edits_one(
    make_app: AppFactory, corpus: Corpus
) -> None:
    store = coded(AnnotationStore.in_memory(), corpus)
    store.save_memo("project", "", "Aims.\nQuestions.\nDecisions.\nMore.\nEven more.", "analyst")
    store.save_memo("tag", "trade", "Trade [red]volumes[/red].", "analyst")
    store.save_memo("article", FIRST, "Qalibaf in Islamabad.", "analyst")
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await run_palette(pilot, "All memos")
        view = app.screen
        assert isinstance(view, MemosView)
        lines = [[str(line) for line in view.rows.lines(i)] for i in range(len(view.rows))]
        assert [entry[0].split("  ")[0] for entry in lines] == [
            "✎ the project",
            "✎ tag trade",
            f"✎ article: {corpus.find(FIRST).title}",
        ]
        assert lines[0][1:] == ["  Aims.", "  Questions.", "  Decisions.", "  … and 2 lines more"]
        assert lines[1][1] == "  Trade [red]volumes[/red]."
        await pilot.press("down", "enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, MemoEditor)
        editor.query_one(TextArea).text = "Trade volumes and barter."
        await save(pilot)
        assert app.screen is view
        assert [str(line) for line in view.rows.lines(1)][1] == "  Trade volumes and barter."
        await pilot.press("down", "enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, MemoEditor)
        title = corpus.find(FIRST).title
        assert str(editor.query_one("#dialog-title", Label).render()) == f"Memo on “{title}”"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is view
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MemosView)


async def test_the_search_pane_finds_memos_when_asked_and_opens_one(
    make_app: AppFactory, corpus: Corpus
) -> None:
    from textual.widgets import Checkbox, Input

    from tests.ui.test_search_pane import searched
    from tui.ui.search.search_pane import SearchList, SearchRows

    store = coded(AnnotationStore.in_memory(), corpus)
    store.save_memo("tag", "trade", "Definition.\nBarter and the Border Markets at Gabd.", "analyst")
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()
        app.screen.query_one("#search-input", Input).value = "border markets"
        rows = await searched(pilot, "border markets")
        assert rows.memos == [] and rows.numbers
        listing = app.screen.query_one(SearchList)
        app.screen.query_one("#search-memos", Checkbox).value = True
        await settle_until(pilot, lambda: listing.rows is not rows)
        assert isinstance(listing.rows, SearchRows) and listing.rows.numbers == rows.numbers
        rows = listing.rows
        assert [str(line) for line in rows.lines(0)] == [
            "✎ memo on tag trade · 1 match",
            "  Barter and the Border Markets at Gabd.",
        ]
        assert "· 1 memo" in str(app.screen.query_one("#search-status", Label).render())
        listing.focus()
        await pilot.press("home", "enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, MemoEditor) and editor.memo is not None
        assert editor.memo.target == "trade"


async def test_a_store_gone_bad_before_o_opens_the_memo_read_only(
    make_app: AppFactory, corpus: Corpus, tmp_path: Path
) -> None:
    from tests.ui.test_store_going_bad import damage_journal, store_with_a_passage

    folder = tmp_path / "annotations"
    app = make_app(store=store_with_a_passage(folder, corpus))
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        files = damage_journal(folder, "garbage")
        await pilot.press("o")  # before the store is polled: the memo's read finds it bad
        await pilot.pause()
        assert app.is_running and app.return_code is None
        editor = app.screen
        assert isinstance(editor, MemoEditor)
        assert str(folder) in str(editor.query_one(".problem", Label).render())
        await write_in_editor(pilot, "Not to be saved.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor and app.is_running
        assert {path: path.read_bytes() for path in folder.iterdir()} == files


async def test_a_memo_saved_elsewhere_while_open_is_never_written_over(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """Ctrl+S with nothing typed saves nothing; with text typed, both texts come back to merge."""
    store = AnnotationStore.open(tmp_path)
    store.save_memo("project", "", "Mine, as opened.", "ayesha")
    app = make_app(store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await reader_ready(pilot)
        await run_palette(pilot, "Project memo")
        assert isinstance(app.screen, MemoEditor)
        other = AnnotationStore.open(tmp_path)  # the CLI, or a second window
        other.save_memo("project", "", "Theirs, saved meanwhile.", "reza")
        await save(pilot)  # nothing typed: nothing saved
        assert (memo := other.memo("project")) is not None and memo.text == "Theirs, saved meanwhile."
        await run_palette(pilot, "Project memo")
        other.save_memo("project", "", "Theirs again.", "reza")
        await write_in_editor(pilot, " Added here.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, MemoEditor)  # open again, holding both texts
        assert editor.query_one(TextArea).text == (
            "Theirs again.\n\n--- Your text, not saved: keep what you want of each ---\n"
            "Theirs, saved meanwhile. Added here."
        )
        assert (memo := other.memo("project")) is not None and memo.text == "Theirs again."
        await save(pilot)
        assert (memo := other.memo("project")) is not None and memo.text.endswith("meanwhile. Added here.")
        other.close()
    store.close()


async def test_editing_a_memo_keeps_its_control_characters_and_a_refused_save_keeps_the_text(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """A memo set with the CLI holding an escape is edited without the escape turning into ␛; a
    memo on a folder (a parent no passage carries) is saved, making the folder a tag."""
    store = AnnotationStore.open(tmp_path)
    store.save_tag(Tag("framing/security"))
    store.save_memo("project", "", "Red \x1b[31mtext\x1b[0m.", "cli")
    app = make_app(store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await reader_ready(pilot)
        await run_palette(pilot, "Project memo")
        await write_in_editor(pilot, " More.")
        await save(pilot)
        assert (memo := store.memo("project")) is not None and memo.text == "Red \x1b[31mtext\x1b[0m. More."
        edit_memo(app.screen.query_one("#annotation-pane"), "tag", "framing")  # type: ignore[arg-type]
        await pilot.pause()
        await write_in_editor(pilot, "What counts as framing.")
        await save(pilot)
        assert (memo := store.memo("tag", "framing")) is not None and memo.text == "What counts as framing."
        assert store.tag("framing") is not None
    store.close()


async def test_a_tags_memo_shows_its_description_above_it(make_app: AppFactory) -> None:
    """Another tool's codebook may hold a code's definition in its description: seen with the memo."""
    store = AnnotationStore.in_memory()
    store.save_tag(Tag("trade", description="Trade volumes, targets [b]and[/b] barter."))
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        edit_memo(app.screen.query_one("#annotation-pane"), "tag", "trade")  # type: ignore[arg-type]
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, MemoEditor)
        shown = str(editor.query_one("#memo-description", Label).render())
        assert shown == "Description: Trade volumes, targets [b]and[/b] barter."


async def test_a_new_memo_of_spaces_only_closes_with_nothing_saved(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await run_palette(pilot, "Project memo")
        await write_in_editor(pilot, "   ")
        await save(pilot)  # closes: the editor does not come back
        assert store.memo("project") is None
        assert "Nothing to save in the memo on the project" in notes(app)
