"""Pilot tests of annotating: select, tag, note, highlight, edit, delete, undo, the pane and the codebook."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, TextArea

from tests.ui.conftest import SIZE, settle
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.ui.annotations.annotation_bar import AnnotationBar
from tui.ui.annotations.annotation_pane import AnnotationPane, Codebook
from tui.ui.annotations.tag_dialog import TagDialog
from tui.ui.app import ReaderApp
from tui.ui.dialogs.prompt import ConfirmDialog
from tui.ui.dialogs.tag_picker import TagPickerDialog
from tui.ui.reader.article_list import ArticleList
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.reader import ReaderScreen

AppFactory = Callable[..., ReaderApp]
FIRST = "000_9154f6903408afad"


def screen_of(app: ReaderApp) -> ReaderScreen:
    """The annotating screen under any dialog."""
    screen = app.screen_stack[0]
    assert isinstance(screen, ReaderScreen)
    return screen


def coding_pane(app: ReaderApp) -> AnnotationPane:
    """The Annotations pane of the reader screen, under any dialog: it holds the store and codes."""
    return app.screen_stack[0].query_one(AnnotationPane)


async def into_text(pilot: Any) -> ArticleView:
    """Open the first article and focus its text."""
    await settle(pilot)
    await pilot.press("enter")
    await pilot.pause()
    return pilot.app.query_one(ArticleView)


async def tag_with(pilot: Any, *names: str, note: str = "") -> None:
    """In the open tag dialog: add each tag by name, write the note, save."""
    dialog = pilot.app.screen
    assert isinstance(dialog, TagDialog)
    for name in names:
        await pilot.press(*name)
        await pilot.press("enter")
    if note:
        dialog.query_one("#note", TextArea).text = note
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_keyboard_selection_by_word_and_tagging(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        view = await into_text(pilot)
        await pilot.press("j", "w", "v", "w", "w", "w")  # v: select "Iran’s Parliament Speaker "
        selection = view.cursor.selection
        assert selection is not None
        assert view.text[selection[0] : selection[1]].startswith("Iran’s Parliament Speaker")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagDialog)
        await tag_with(pilot, "parliament", "people", note="Qalibaf leads [b]the[/b] delegation 🇮🇷")
        saved = store.annotations()
        assert len(saved) == 1
        annotation = saved[0]
        assert (annotation.start, annotation.end) == (selection[0], selection[1] - 1)  # the space is left out
        assert annotation.quote == "Iran’s Parliament Speaker"
        assert annotation.tags == ("parliament", "people") and annotation.note.endswith("🇮🇷")
        assert view.cursor.selection is None
        view.move_cursor(annotation.start + 2)
        await pilot.pause()
        bar = app.query_one(AnnotationBar)
        assert bar.has_class("-shown") and "parliament, people" in str(bar.render())
        assert "[b]the[/b]" in str(bar.render())  # markup is shown, not applied
        rows = app.query_one(ArticleList).rows
        assert "1 annotation" in rows[0].detail


async def test_mouse_drag_selects_exact_offsets(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await into_text(pilot)
        line = next(i for i, vl in enumerate(view.lines) if view.text[vl.start : vl.end].startswith("TEHRAN"))
        start = view.lines[line].start
        await pilot.mouse_down(ArticleView, offset=(2, line))
        await pilot.hover(ArticleView, offset=(2 + 5, line))
        await pilot.mouse_up(ArticleView, offset=(2 + 5, line))
        await pilot.pause()
        assert view.cursor.selection == (start, start + 6)
        assert view.text[start : start + 6] == "TEHRAN"


async def test_highlight_note_edit_delete_undo_redo(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        view = await into_text(pilot)
        view.select(26, 32)
        await pilot.press("m")
        await pilot.pause()
        [highlight] = store.annotations()
        assert highlight.kind == "highlight" and highlight.quote == "TEHRAN"
        view.move_cursor(28)
        await pilot.press("c")
        await pilot.pause()
        await tag_with(pilot, note="a dateline")
        [edited] = store.annotations()
        assert edited.id == highlight.id and edited.note == "a dateline" and edited.kind == "note"
        await pilot.press("x")
        await pilot.pause()
        assert store.annotations() == []
        await pilot.press("u")
        assert [a.note for a in store.annotations()] == ["a dateline"]
        await pilot.press("u")
        assert [a.kind for a in store.annotations()] == ["highlight"]
        await pilot.press("u")
        assert store.annotations() == []
        await pilot.press("ctrl+r", "ctrl+r")
        assert [a.note for a in store.annotations()] == ["a dateline"]


async def test_nothing_selected_says_how(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await into_text(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, TagDialog)
        assert any("Select a passage first" in str(n.message) for n in app._notifications)


async def test_overlapping_annotations_are_both_marked(make_app: AppFactory, corpus: Any) -> None:
    article = corpus.find(FIRST)
    store = AnnotationStore.in_memory()
    store.save(
        Annotation.create(FIRST, article.text, 26, 60, ("a",)),
        Annotation.create(FIRST, article.text, 40, 80, ("b",)),
    )
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        view = await into_text(pilot)
        view.move_cursor(50)
        await pilot.pause()
        assert len(coding_pane(app).at(50)) == 2
        line = view.line_of(50)
        strip = view.render_line(line - view.scroll_offset.y)
        styles = [seg.style for seg in strip if seg.style is not None]
        assert any(style.underline and style.italic for style in styles)  # the overlap
        assert "a" in str(app.query_one(AnnotationBar).render()) and "b" in str(
            app.query_one(AnnotationBar).render()
        )


async def test_pane_lists_codebook_and_opens_passages_across_articles(
    make_app: AppFactory, corpus: Any
) -> None:
    store = AnnotationStore.in_memory()
    other = corpus.find("003")
    start = other.text.index("Mohsin Naqvi")
    store.save(
        Annotation.create(FIRST, corpus.find(FIRST).text, 26, 32, ("place",)),
        Annotation.create(other.id, other.text, start, start + 12, ("people",)),
    )
    store.save_tag(Tag("people", "#61afef", "who is who"))
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = coding_pane(app)
        await pilot.press("A")
        passages = app.query_one("#passages", OptionList)
        assert app.focused is passages and passages.option_count == 1
        codebook = app.query_one(Codebook)
        names = [codebook.get_option_at_index(i).id for i in range(codebook.option_count)]
        assert names == ["people", "place"]
        codebook.focus()
        codebook.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert pane.tag_filter == "people"
        assert passages.get_option_at_index(1).id == store.annotations(tag="people")[0].id
        passages.focus()
        passages.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert pane.state.article is not None and pane.state.article.id == other.id
        assert pane.tag_filter == "people"  # kept while its passages open
        view = app.query_one(ArticleView)
        assert view.cursor.selection == (start, start + 12) and app.focused is view


async def test_rename_merge_recolour_delete_tags_from_the_codebook(make_app: AppFactory, corpus: Any) -> None:
    text = corpus.find(FIRST).text
    store = AnnotationStore.in_memory()
    store.save(
        Annotation.create(FIRST, text, 26, 32, ("place",)), Annotation.create(FIRST, text, 40, 50, ("where",))
    )
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        codebook = app.query_one(Codebook)
        codebook.focus()
        codebook.highlighted = 0  # "place"
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, TagPickerDialog)
        app.screen.query_one(Input).value = "location"
        await pilot.press("enter")
        await pilot.pause()
        assert store.tag_counts() == {"location": 1, "where": 1}
        codebook.highlighted = 1  # "where"
        await pilot.press("M")
        await pilot.pause()
        await pilot.press(*"location", "enter")
        await pilot.pause()
        assert store.tag_counts() == {"location": 2}
        codebook.highlighted = 0
        await pilot.press("C")
        await pilot.pause()
        app.screen.query_one(Input).value = "#123456"
        await pilot.press("enter")
        await pilot.pause()
        assert store.tag("location").colour == "#123456"  # type: ignore[union-attr]
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert store.tag_counts() == {} and len(store.annotations()) == 2
        app.query_one(ArticleView).focus()
        await pilot.press("u")
        assert store.tag_counts() == {"location": 2}


async def test_tag_dialog_filters_and_ticks_existing_tags(make_app: AppFactory, corpus: Any) -> None:
    store = AnnotationStore.in_memory()
    for name in ("security", "trade", "energy"):
        store.save_tag(Tag(name))
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        view = await into_text(pilot)
        view.select(26, 32)
        await pilot.press("t")
        await pilot.pause()
        listing = app.screen.query_one("#tag-list", OptionList)
        assert listing.option_count == 3
        await pilot.press(*"tra")
        await pilot.pause()
        assert listing.option_count == 2  # trade, and the row that would create "tra"
        await pilot.press("tab", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.annotations()[0].tags == ("trade",)


async def test_read_only_store_refuses_changes_with_the_reason(make_app: AppFactory) -> None:
    app = make_app(store_problem="/x/annotations.json: written by a newer iranpak-reader")
    async with app.run_test(size=SIZE) as pilot:
        view = await into_text(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("read-only" in m and "newer" in m for m in messages)
        view.select(26, 32)
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, TagDialog)
        assert app.store.annotations() == []


async def test_another_process_saving_shows_up(make_app: AppFactory, tmp_path: Path, corpus: Any) -> None:
    store = AnnotationStore.open(tmp_path)
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        elsewhere = AnnotationStore.open(tmp_path)
        elsewhere.save(Annotation.create(FIRST, corpus.find(FIRST).text, 26, 32, ("cli",)))
        coding_pane(app)._poll_store()
        await pilot.pause()
        assert [p.annotation.tags for p in coding_pane(app).placements] == [("cli",)]


async def test_export_from_the_app_says_where(make_app: AppFactory, tmp_path: Path, corpus: Any) -> None:
    store = AnnotationStore.open(tmp_path / "annotations")
    store.save(Annotation.create(FIRST, corpus.find(FIRST).text, 26, 32, ("x",)))
    app = make_app(store=store)
    target = tmp_path / "out.json"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.exists() and '"iranpak-reader/annotations"' in target.read_text()
        assert any(str(target) in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = "/proc/nope/out.json"
        await pilot.press("enter")
        await pilot.pause()
        assert any("cannot write" in str(n.message) for n in app._notifications)


async def test_help_lists_the_annotation_keys_and_the_palette_runs_tag_actions(
    make_app: AppFactory, corpus: Any
) -> None:
    from tui.ui.commands import TagCommands
    from tui.ui.help.keys import key_sections

    store = AnnotationStore.in_memory()
    store.save(Annotation.create(FIRST, corpus.find(FIRST).text, 26, 32, ("place",)))
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = {key: text for _, section in key_sections(app) for key, text in section}
        for key in ("t", "c", "m", "u", "v", "A", "Ctrl+E", "R", "D", "w / Ctrl+→", "( ", "Ctrl+S"):
            assert any(k.startswith(key.strip()) or key.strip() in k.split(" / ") for k in rows), key
        provider = TagCommands(app.screen)
        titles = [title for title, _, _ in provider._entries()]
        assert titles == [
            "Passages tagged: place",
            "Rename tag: place",
            "Recolour tag: place",
            "Merge tag: place",
            "Move tag: place",
            "Delete tag: place",
        ]
        _, _, show = provider._entries()[0]
        show()
        await pilot.pause()
        assert coding_pane(app).tag_filter == "place"
        _, _, delete = provider._entries()[5]
        delete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert store.tags() == []


async def test_hostile_notes_and_tags_are_shown_harmlessly_and_kept_exactly(
    make_app: AppFactory, corpus: Any
) -> None:
    hostile = "[bold red]x[/] \x1b[31mred\x1b[0m 🇮🇷 سلام"
    store = AnnotationStore.in_memory()
    annotation = Annotation.create(FIRST, corpus.find(FIRST).text, 26, 32, (hostile,), note=hostile)
    store.save(annotation)
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        view = await into_text(pilot)
        view.move_cursor(28)
        await pilot.pause()
        shown = str(app.query_one(AnnotationBar).render())
        assert "[bold red]x[/]" in shown and "\x1b" not in shown and "␛[31m" in shown
        codebook = app.query_one(Codebook)
        assert "\x1b" not in str(codebook.get_option_at_index(0).prompt)
        await pilot.press("c")
        await pilot.pause()
        note = app.screen.query_one("#note", TextArea)
        assert "\x1b" not in note.text and "␛" in note.text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.get(annotation.id).note == hostile  # type: ignore[union-attr]
        assert store.get(annotation.id).tags == (hostile,)  # type: ignore[union-attr]


async def test_orphans_are_listed_with_their_quote(make_app: AppFactory, corpus: Any) -> None:
    text = corpus.find(FIRST).text
    store = AnnotationStore.in_memory()
    kept = Annotation.create(FIRST, text, 26, 32, ("place",))
    lost = Annotation.create(FIRST, text, 40, 60, ("gone",))
    store.save(kept, lost.edited(quote="a sentence the article no longer has", text_hash="sha256:old"))
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        passages = app.query_one("#passages", OptionList)
        prompts = [str(passages.get_option_at_index(i).prompt) for i in range(passages.option_count)]
        orphan_header = next(i for i, p in enumerate(prompts) if p.startswith("Orphaned"))
        assert "TEHRAN" in prompts[0]
        assert "a sentence the article no longer has" in prompts[orphan_header + 1]
        assert [p.orphan for p in coding_pane(app).placements].count(True) == 1


async def test_the_app_on_a_workspace_with_an_unreadable_store_opens_read_only(
    workspace: Path,
) -> None:
    from tui.core.workspace import resolve_workspace
    from tui.ui.launch import make_app as make_workspace_app

    snapshot = workspace / "annotations" / "annotations.json"
    snapshot.write_bytes(b"{ this is not a store")
    app = make_workspace_app(resolve_workspace(str(workspace)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        screen = coding_pane(app)
        assert screen.read_only is not None and str(snapshot) in screen.read_only
        assert any("read-only" in str(n.message) for n in app._notifications)
        view = await into_text(pilot)
        view.select(26, 32)
        await pilot.press("m")
        assert screen.store.annotations() == []
    assert snapshot.read_bytes() == b"{ this is not a store"


async def test_undo_over_an_edit_made_elsewhere_is_refused_with_one_line(
    make_app: AppFactory, tmp_path: Path
) -> None:
    store = AnnotationStore.open(tmp_path)
    app = make_app(store=store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        view = await into_text(pilot)
        view.select(26, 32)
        await pilot.press("m")
        await pilot.pause()
        elsewhere = AnnotationStore.open(tmp_path)  # as the CLI or another window would
        [highlight] = elsewhere.annotations()
        elsewhere.save(highlight.edited(note="the second coder's note"))
        await pilot.press("u")
        await pilot.pause()
        assert [a.note for a in store.annotations()] == ["the second coder's note"]
        assert any("changed since" in str(n.message) for n in app._notifications)
        await pilot.press("u")
        await pilot.pause()
        assert any("Nothing to undo" in str(n.message) for n in app._notifications)
        assert app.is_running


async def test_a_tag_name_typed_or_pasted_at_once_never_stops_the_app(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    store.save_tag(Tag("trade-target", "#e06c75"))
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        view.focus()
        view.select(40, 60)
        await pilot.press("t")
        await pilot.pause()
        field = app.screen.query_one("#tag-filter", Input)
        for end in range(1, len("trade-volume") + 1):  # each key refills the list before it is drawn
            field.value = "trade-volume"[:end]
        await pilot.press("enter", "ctrl+s")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert [a.tags for a in store.annotations()] == [("trade-volume",)]


async def test_x_where_annotations_overlap_asks_which_and_deletes_that_one(
    make_app: AppFactory, corpus: Any
) -> None:
    from tui.ui.dialogs.chooser import ChooserDialog

    article = corpus.find(FIRST)
    store = AnnotationStore.in_memory()
    plain = Annotation.create(FIRST, article.text, 26, 60, ("a",))
    rich = Annotation.create(FIRST, article.text, 40, 80, ("b", "c"), "the richer one")
    store.save(plain, rich)
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        view = await into_text(pilot)
        view.move_cursor(50)
        await pilot.pause()
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChooserDialog) and [a.id for a in store.annotations()] != []
        shown = " ".join(str(option.prompt) for option in dialog.query_one(OptionList)._options)
        assert "b, c · ✎ the richer one" in shown and "a · " in shown
        await pilot.press("escape")  # nothing deleted
        await settle(pilot)
        assert len(store.annotations()) == 2
        await pilot.press("x")
        await settle(pilot)
        listing = app.screen.query_one(OptionList)
        listing.highlighted = next(
            i for i, option in enumerate(listing._options) if "the richer one" not in str(option.prompt)
        )
        await pilot.press("enter")
        await settle(pilot)
        assert [a.id for a in store.annotations()] == [rich.id]


async def test_lists_that_get_the_focus_answer_enter_and_passages_say_their_paragraph(
    make_app: AppFactory, corpus: Any
) -> None:
    article = corpus.find(FIRST)
    store = AnnotationStore.in_memory()
    store.save_tag(Tag("people", "#61afef"))
    store.save(
        Annotation.create(
            FIRST, article.text, article.text.index("Karachi"), article.text.index("Karachi") + 7, ("people",)
        )
    )
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        passages = app.query_one("#passages", OptionList)
        shown = str(passages.get_option_at_index(0).prompt)
        paragraph = article.text.count("\n\n", 0, article.text.index("Karachi")) + 1
        assert shown.startswith(f"¶{paragraph} “Karachi”"), shown
        assert passages.highlighted == 0  # focused, its first entry highlighted
        codebook = app.query_one(Codebook)
        codebook.focus()
        await pilot.pause()
        await pilot.press("enter")  # no ↓ needed first
        await pilot.pause()
        assert coding_pane(app).tag_filter == "people"
