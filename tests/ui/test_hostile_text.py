"""Hostile text through the real app: markup, click actions, links, unbalanced brackets and terminal
escapes in every place a string from an article, a tag, a note, a file name or an error reaches the
screen. Each must be shown literally (control characters as symbols such as ␛), no escape byte may
reach the terminal, and nothing may run: the app keeps going and the store is unchanged.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from textual.command import CommandList, CommandPalette
from textual.widgets import Input
from textual.widgets._toast import Toast

from tests.ui.conftest import SIZE, settle, settle_until
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.safe_text import one_line
from tui.ui.app import ReaderApp
from tui.ui.screens.annotating import AnnotatingScreen
from tui.ui.screens.prompt import ConfirmDialog, PromptDialog
from tui.ui.widgets.annotation_bar import AnnotationBar
from tui.ui.widgets.annotation_pane import Codebook
from tui.ui.widgets.article_header import ArticleHeader
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.article_view import ArticleView

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


def annotating(app: ReaderApp) -> AnnotatingScreen:
    """The reader screen, under any dialog."""
    screen = app.screen_stack[0]
    assert isinstance(screen, AnnotatingScreen)
    return screen


async def test_titles_bodies_and_file_names_are_shown_literally(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(hostile_articles(tmp_path))
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
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
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")  # the discovery hits: every article's title, unbalanced [/] included
        await pilot.pause(0.3)
        prompts = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert f"Open: {SHOWN}" in "\n".join(prompts)
        assert_safe_screen(app)
        await pilot.press(*"Zz")  # the search hits, highlighted
        await pilot.pause(0.5)
        prompts = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert any(f"Open: {SHOWN}" in prompt for prompt in prompts)
        assert_safe_and_running(app)


async def test_a_click_on_a_palette_hit_holding_a_click_action_runs_nothing(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    article_file(folder, "001.md", "Plain", "Tehran and Islamabad.")
    article_file(folder, "002.md", CLICK_TITLE, "Pakistan and Iran met in Tehran on 7 November 2025.")
    app = make_app(folder)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"CLICKX")
        await pilot.pause(0.5)
        prompts = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert any(f"Open: {CLICK_TITLE}" in prompt for prompt in prompts)
        lines = assert_safe_screen(app).split("\n")
        y = next(number for number, line in enumerate(lines) if "Open: Zz" in line)
        await pilot.click(offset=(lines[y].index("CLICKX") + 2, y))  # on the would-be link
        await pilot.pause(0.3)
        assert app.is_running and app.return_code is None
        assert not isinstance(app.screen, CommandPalette)
        assert annotating(app).article is not None and annotating(app).article.id == "002"


async def test_tags_descriptions_notes_and_undo_notifications_are_shown_literally(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = hostile_articles(tmp_path)
    store = AnnotationStore.open(tmp_path / "annotations")
    app = make_app(folder, store=store)
    names = ["bad[/]tag", "[bold red]TAGX[/]", HOSTILE]
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        article = annotating(app).article
        assert article is not None
        for name in names:
            store.save_tag(Tag(name, "#61afef", HOSTILE))
        store.save(Annotation.create(article.id, article.text, 0, 6, tuple(names), note=HOSTILE))
        annotating(app)._poll_store()
        await pilot.pause()
        before = (store.tags(), store.annotations())
        view = app.query_one(ArticleView)
        view.focus()
        view.move_cursor(2)
        await pilot.pause()
        bar = str(app.query_one(AnnotationBar).render())
        assert "bad[/]tag" in bar and "[bold red]TAGX[/]" in bar and SHOWN in bar
        codebook = app.query_one(Codebook)
        listed = [str(codebook.get_option_at_index(i).prompt) for i in range(codebook.option_count)]
        assert any("[bold red]TAGX[/]" in entry for entry in listed) and any(SHOWN in e for e in listed)
        assert_safe_screen(app)

        await pilot.press("t")  # the tag dialog: names and descriptions
        await pilot.pause()
        shown = assert_safe_screen(app)
        assert "[bold red]TAGX[/]" in shown and "␛]52;c;SGVsbG8=␇" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert before == (store.tags(), store.annotations())

        await pilot.press("ctrl+p")  # the palette's tag commands
        await pilot.pause(0.3)
        await pilot.press(*"Passages tagged")
        await pilot.pause(0.5)
        prompts = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert any("[bold red]TAGX[/]" in prompt for prompt in prompts)
        assert any(SHOWN in prompt for prompt in prompts)
        assert_safe_screen(app)
        await pilot.press("escape")
        await pilot.pause()

        for name in names:  # rename (the dialog shows the name), then delete, undo and redo each tag
            annotating(app).tag_action("rename", name)
            await pilot.pause()
            assert isinstance(app.screen, PromptDialog)
            assert "\x1b" not in app.screen.query_one(Input).value
            assert_safe_screen(app)
            await pilot.press("escape")
            await pilot.pause()
            annotating(app).tag_action("delete", name)
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
        assert all(name in a.tags for a in store.annotations() for name in names)
        assert all("BX" not in toast or "[bold red]BX[" in toast for toast in toasts(app))


async def test_errors_naming_files_are_shown_literally(make_app: AppFactory, tmp_path: Path) -> None:
    folder = hostile_articles(tmp_path)
    problem = f"{tmp_path / HOSTILE.replace('/', '|')}: written by a newer iranpak-reader"
    app = make_app(folder, store_problem=problem)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
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
        await settle_until(pilot, lambda: not annotating(app).adding)
        assert any(one_line(bad.name) in toast for toast in toasts(app))
        assert_safe_and_running(app)


async def test_search_timeline_and_xref_panes_show_titles_literally(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(hostile_articles(tmp_path))
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle_until(pilot, lambda: annotating(app).index is not None)
        await pilot.press("ctrl+f")
        await pilot.press(*"[/]")
        await pilot.pause(0.3)
        await settle(pilot)
        shown = assert_safe_screen(app)
        assert "hold “[/]”" in shown
        for key in ("L", "X"):
            await pilot.press("escape", "r", key)
            await settle(pilot)
            assert_safe_and_running(app)
