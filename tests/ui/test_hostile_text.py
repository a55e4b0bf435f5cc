"""Hostile text through the real app: markup, click actions, links, unbalanced brackets and terminal
escapes in every place a string from an article, a tag, a note, a file name or an error reaches the
screen. Each must be shown literally (control characters as symbols such as ␛), no escape byte may
reach the terminal, and nothing may run: the app keeps going and the store is unchanged.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets._toast import Toast

from tests.ui.conftest import SIZE, settle, settle_until
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.safe_text import one_line
from tui.ui.adding.adder import ArticleAdder
from tui.ui.annotations.annotation_bar import AnnotationBar
from tui.ui.annotations.annotation_pane import AnnotationPane, Codebook
from tui.ui.app import ReaderApp
from tui.ui.dialogs.prompt import ConfirmDialog
from tui.ui.dialogs.tag_picker import TagPickerDialog
from tui.ui.reader.article_header import ArticleHeader
from tui.ui.reader.article_list import ArticleList
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.reader import ReaderScreen

AppFactory = Callable[..., ReaderApp]

#: Every kind of hostile text at once: Rich and Textual markup, a click action, a link, an unbalanced
#: closing tag and bracket, an OSC 52 clipboard write, an OSC 8 hyperlink and a clear-screen.
HOSTILE = (
    "Zz [bold red]BX[/] [@click=app.quit]CX[/] [link=file:///etc/passwd]LX[/link] [/] [ "
    "\x1b]52;c;SGVsbG8=\x07 \x1b]8;;http://x\x1b\\ \x1b[2J end"
)
#: The same, as it must be shown: every character kept, control characters as symbols.
SHOWN = one_line(HOSTILE)
#: A title that parses as markup without error: clicking its hit in the palette quits a vulnerable app.
CLICK_TITLE = "Zz [@click=app.quit]CLICKX[/] here"


def article_file(folder: Path, name: str, title: str, body: str) -> None:
    """Write one article in the corpus format (the title as a TOML basic string, escapes kept)."""
    quoted = (
        title.replace("\\", "\\\\").replace('"', '\\"').replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
    )
    (folder / name).write_text(
        f'+++\nid = "{name[:3]}"\ntitle = "{quoted}"\n+++\n\n{body}\n', encoding="utf-8"
    )


def hostile_articles(tmp_path: Path) -> Path:
    """An articles folder: a hostile title and body, a plain article, and a hostile file that cannot load."""
    folder = tmp_path / "articles"
    folder.mkdir()
    article_file(folder, "001.md", HOSTILE, f"Tehran said {HOSTILE} on Monday.\n\nIslamabad agreed.")
    article_file(folder, "002.md", CLICK_TITLE, "Pakistan and Iran met in Tehran on 7 November 2025.")
    (folder / f"{HOSTILE.replace('/', '|')}.md").write_bytes(b"\xff\xfe not UTF-8")
    return folder


def screen_segments(app: ReaderApp) -> list[str]:
    """The text of every segment the screen (dialogs and notifications included) would send."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), force_terminal=True)
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return [segment.text for segment in console.render(update) if not segment.control]


def assert_safe_screen(app: ReaderApp) -> str:
    """No control character reaches the terminal from any text on screen; the screen's text."""
    texts = screen_segments(app)
    raw = [t for t in texts if any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in t)]
    assert raw == []
    return "".join(texts)


def assert_safe_and_running(app: ReaderApp) -> None:
    """Nothing raw on screen, and nothing hostile stopped the app."""
    assert_safe_screen(app)
    assert app.is_running and app.return_code is None


def toasts(app: ReaderApp) -> list[str]:
    """The text of every notification on screen, as drawn."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


def annotating(app: App[Any]) -> ReaderScreen:
    """The reader screen, under any dialog."""
    screen = app.screen_stack[0]
    assert isinstance(screen, ReaderScreen)
    return screen


def run(app: ReaderApp) -> AbstractAsyncContextManager[Pilot[None]]:
    """Run ``app`` under Pilot at the tests' size, with notifications and tooltips shown."""
    return app.run_test(size=SIZE, notifications=True, tooltips=True)


def palette_hits(app: App[Any]) -> str:
    """The command palette's hits as drawn, one a line ("" while the palette is not open)."""
    if not isinstance(app.screen, CommandPalette):
        return ""
    return "\n".join(str(option.prompt) for option in app.screen.query_one(CommandList).options)


async def palette_search(pilot: Pilot[None], typed: str, expected: str) -> str:
    """Type ``typed`` into the open palette and wait (no longer than needed) for ``expected`` among its
    hits, which a worker gathers; the hits."""
    await pilot.press(*typed)
    await settle_until(pilot, lambda: expected in palette_hits(pilot.app))
    return palette_hits(pilot.app)


async def test_titles_bodies_and_file_names_are_shown_literally(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(hostile_articles(tmp_path))
    async with run(app) as pilot:
        await settle(pilot)
        rows = app.query_one(ArticleList).rows
        assert [row.title for row in rows[:2]] == [SHOWN, one_line(CLICK_TITLE)]
        assert SHOWN.replace("/", "|") in rows[2].title and "UTF-8" in rows[2].detail  # the file's name
        assert str(app.query_one(ArticleHeader).render()).startswith(SHOWN + "\n")
        view = app.query_one(ArticleView)
        drawn = "".join(segment.text for y in range(view.size.height) for segment in view.render_line(y))
        assert "[bold red]BX[/] [@click=app.quit]CX[/]" in drawn and "␛]52;c;SGVsbG8=␇" in drawn
        assert any(SHOWN.replace("/", "|") in shown for shown in toasts(app))  # the load problem
        assert_safe_and_running(app)


async def test_the_palette_shows_titles_with_markup_and_unbalanced_brackets_literally(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(hostile_articles(tmp_path))
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")  # the discovery hits: every article's title, unbalanced [/] included
        assert f"Open: {SHOWN}" in await palette_search(pilot, "", f"Open: {SHOWN}")
        assert_safe_screen(app)
        assert f"Open: {SHOWN}" in await palette_search(pilot, "Zz", f"Open: {SHOWN}")  # highlighted
        assert_safe_and_running(app)


async def test_a_click_on_a_palette_hit_holding_a_click_action_runs_nothing(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    article_file(folder, "001.md", "Plain", "Tehran and Islamabad.")
    article_file(folder, "002.md", CLICK_TITLE, "Pakistan and Iran met in Tehran on 7 November 2025.")
    app = make_app(folder)
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        assert f"Open: {CLICK_TITLE}" in await palette_search(pilot, "CLICKX", f"Open: {CLICK_TITLE}")
        lines = assert_safe_screen(app).split("\n")
        y = next(number for number, line in enumerate(lines) if "Open: Zz" in line)
        await pilot.click(offset=(lines[y].index("CLICKX") + 2, y))  # on the would-be link
        opened = annotating(app)
        await settle_until(pilot, lambda: opened.article is not None and opened.article.id == "002")
        assert app.is_running and app.return_code is None
        assert not isinstance(app.screen, CommandPalette)
        assert opened.article is not None and opened.article.id == "002"


#: Tag names that broke the app as markup: an unbalanced closing tag, a style, and every hostile text.
NAMES = ["bad[/]tag", "[bold red]TAGX[/]", HOSTILE]


@asynccontextmanager
async def run_tagged(
    make_app: AppFactory, tmp_path: Path
) -> AsyncIterator[tuple[ReaderApp, Pilot[None], AnnotationStore]]:
    """Run the app on the hostile articles and a store on disk, then tag the open article as another
    process would (:func:`tag_the_open_article`); the app, its pilot and the store."""
    store = AnnotationStore.open(tmp_path / "annotations")
    app = make_app(hostile_articles(tmp_path), store=store)
    async with run(app) as pilot:
        await tag_the_open_article(pilot, store)
        yield app, pilot, store


async def tag_the_open_article(pilot: Pilot[None], store: AnnotationStore) -> None:
    """The hostile tags (hostile descriptions too) in the codebook, and the open article's first words
    annotated with all of them and a hostile note; the screen polls them in; the cursor on them."""
    await settle(pilot)
    article = annotating(pilot.app).article
    assert article is not None
    for name in NAMES:
        store.save_tag(Tag(name, "#61afef", HOSTILE))
    store.save(Annotation.create(article.id, article.text, 0, 6, tuple(NAMES), note=HOSTILE))
    annotating(pilot.app).query_one(AnnotationPane)._poll_store()
    await pilot.pause()
    view = pilot.app.query_one(ArticleView)
    view.focus()
    view.move_cursor(2)
    await pilot.pause()


async def test_the_annotation_bar_and_the_codebook_show_tags_and_notes_literally(
    make_app: AppFactory, tmp_path: Path
) -> None:
    async with run_tagged(make_app, tmp_path) as (app, _pilot, _store):
        bar = str(app.query_one(AnnotationBar).render())
        assert "bad[/]tag" in bar and "[bold red]TAGX[/]" in bar and SHOWN in bar
        codebook = app.query_one(Codebook)
        listed = [str(codebook.get_option_at_index(i).prompt) for i in range(codebook.option_count)]
        # "[bold red]TAGX[/]" is a path: the tag "]" under the folder "[bold red]TAGX[", each shown as typed
        assert any("▸ [bold red]TAGX[/" in entry for entry in listed) and any("● ]  1" in e for e in listed)
        assert any(SHOWN in e for e in listed)
        assert_safe_and_running(app)


async def test_the_tag_dialog_shows_names_and_descriptions_literally(
    make_app: AppFactory, tmp_path: Path
) -> None:
    async with run_tagged(make_app, tmp_path) as (app, pilot, store):
        before = (store.tags(), store.annotations())
        await pilot.press("t")
        await pilot.pause()
        shown = assert_safe_screen(app)
        assert "[bold red]TAGX[/]" in shown and "␛]52;c;SGVsbG8=␇" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert before == (store.tags(), store.annotations())


async def test_the_palette_tag_commands_show_names_literally(make_app: AppFactory, tmp_path: Path) -> None:
    async with run_tagged(make_app, tmp_path) as (app, pilot, _store):
        await pilot.press("ctrl+p")
        hits = await palette_search(pilot, "Passages tagged", "[bold red]TAGX[/]")
        assert "[bold red]TAGX[/]" in hits and SHOWN in hits
        assert_safe_and_running(app)


async def test_renaming_deleting_undoing_and_redoing_show_tag_names_literally(
    make_app: AppFactory, tmp_path: Path
) -> None:
    async with run_tagged(make_app, tmp_path) as (app, pilot, store):
        for name in NAMES:  # rename (the dialog shows the name), then delete, undo and redo each tag
            annotating(app).query_one(AnnotationPane).tag_action("rename", name)
            await pilot.pause()
            assert isinstance(app.screen, TagPickerDialog)
            assert "\x1b" not in app.screen.query_one(Input).value
            assert_safe_screen(app)
            await pilot.press("escape")
            await pilot.pause()
            annotating(app).query_one(AnnotationPane).tag_action("delete", name)
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            assert_safe_screen(app)
            await pilot.press("y")
            await pilot.pause()
            assert store.tag(name) is None
            for key, word in (("u", "Undid"), ("ctrl+r", "Redid"), ("u", "Undid")):
                await pilot.press(key)
                await pilot.pause()
                assert any(word in toast and one_line(name) in toast for toast in toasts(app)), (key, name)
                assert_safe_and_running(app)
        assert all(name in a.tags for a in store.annotations() for name in NAMES)
        assert all("BX" not in toast or "[bold red]BX[" in toast for toast in toasts(app))


async def test_errors_naming_files_are_shown_literally(make_app: AppFactory, tmp_path: Path) -> None:
    folder = hostile_articles(tmp_path)
    problem = f"{tmp_path / HOSTILE.replace('/', '|')}: written by a newer iranpak-reader"
    app = make_app(folder, store_problem=problem)
    async with run(app) as pilot:
        await settle(pilot)
        assert any("read-only" in toast and one_line(problem) in toast for toast in toasts(app))
        await pilot.press("ctrl+o")  # the add dialog naming a file that is not there
        await pilot.pause()
        missing = tmp_path / HOSTILE.replace("/", "|").replace(";", ",")  # the field splits paths at ;
        app.screen.query_one("#add-path", Input).value = str(missing)
        await pilot.press("enter")
        await pilot.pause()
        assert one_line(str(missing)) in str(app.screen.query_one("#add-error").render())
        assert_safe_screen(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+o")  # a file that cannot be added: its name in the notification
        await pilot.pause()
        bad = tmp_path / f"{HOSTILE.replace('/', '|').replace(';', ',')}.txt"
        bad.write_bytes(b"\x00\x01\x02 binary")
        app.screen.query_one("#add-path", Input).value = str(bad)
        await pilot.press("enter")
        await settle_until(pilot, lambda: not annotating(app).query_one(ArticleAdder).adding)
        assert any(one_line(bad.name) in toast for toast in toasts(app))
        assert_safe_and_running(app)


async def test_search_timeline_and_xref_panes_show_titles_literally(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(hostile_articles(tmp_path))
    async with run(app) as pilot:
        await settle_until(pilot, lambda: annotating(app).index is not None)
        await pilot.press("ctrl+f")
        await pilot.press(*"[/]")
        await settle_until(pilot, lambda: "hold “[/]”" in assert_safe_screen(app))  # searched in a worker
        assert "hold “[/]”" in assert_safe_screen(app)
        for key in ("L", "X"):
            await pilot.press("escape", "r", key)
            await settle(pilot)
            assert_safe_and_running(app)
