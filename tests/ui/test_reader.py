"""Pilot tests of the reader: list navigation, opening, toggles, find, help, entity pane."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.table import Table

from tests.ui.conftest import SIZE, settle
from tui.core.models import EntityType
from tui.ui.app import ReaderApp
from tui.ui.help.help_screen import HelpScreen
from tui.ui.reader.article_header import ArticleHeader
from tui.ui.reader.article_list import ArticleList
from tui.ui.reader.article_view import ArticleView
from tui.ui.reader.entity_pane import EntityTree
from tui.ui.reader.find_bar import FindBar, FindInput
from tui.ui.reader.legend import Legend
from tui.ui.screens.reader import ReaderScreen

AppFactory = Callable[..., ReaderApp]


def _plain(content: object) -> str:
    """The text of a Static's content: a Text, or a Table of Texts."""
    if isinstance(content, Table):
        return " ".join(str(cell) for column in content.columns for cell in column.cells)
    return str(content)


def background_of(view: ArticleView, word: str, offset: int) -> object:
    """The background colour the view paints ``word`` (at text ``offset``) with."""
    view.scroll_to_offset(offset)
    strip = view.render_line(view.line_of(offset) - view.scroll_offset.y)
    segment = next(seg for seg in strip if word in seg.text or (seg.text in word and seg.text.strip()))
    return segment.style.bgcolor if segment.style else None


def reader(app: ReaderApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


async def test_list_opens_first_article_and_moves_with_j_k_g_G(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader(app)
        assert screen.article is not None and screen.article.id.startswith("000")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("j")
        assert screen.article.id.startswith("001")
        await pilot.press("down", "down")
        assert screen.article.id.startswith("003")
        await pilot.press("k")
        assert screen.article.id.startswith("002")
        await pilot.press("G")
        assert screen.article.id.startswith("004")
        await pilot.press("g")
        assert screen.article.id.startswith("000")


async def test_enter_moves_into_the_text_where_the_cursor_moves_and_the_view_follows(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        view = app.query_one(ArticleView)
        assert app.focused is view
        assert view.scroll_offset.y == 0 and view.cursor.offset == 0
        await pilot.press("j", "j")  # the blank line between paragraphs is skipped
        assert view.line_of(view.cursor.offset) == 3
        assert view.text[view.cursor.offset - 1 : view.cursor.offset + 1] != "\n\n"
        await pilot.press("k", "k")
        assert view.cursor.offset == 0
        await pilot.press("G")
        assert view.cursor.offset == len(view.text)
        assert view.scroll_offset.y == view.max_scroll_y > 10
        await pilot.press("g")
        assert view.scroll_offset.y == 0 and view.cursor.offset == 0
        await pilot.press("pagedown")
        assert view.scroll_offset.y > 10
        assert (
            view.scroll_offset.y <= view.line_of(view.cursor.offset) < view.scroll_offset.y + view.size.height
        )


async def test_list_shows_entity_counts_once_extraction_finishes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.query_one(ArticleList)
        first = article_list.rows[0]
        prompt = f"{first.title} {first.detail}"
        assert "‘Now more than ever’" in prompt
        assert "2025-11-07" in prompt and "entities" in prompt and "…" not in prompt


async def test_clicking_an_article_opens_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.query_one(ArticleList)
        row = next(
            y for y in range(article_list.size.height) if "Pushing" in article_list.render_line(y).text
        )
        await pilot.click(ArticleList, offset=(5, row))
        await pilot.pause()
        assert reader(app).article is not None
        assert reader(app).article.id.startswith("002")


async def test_number_keys_and_clicks_toggle_entity_types(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader(app)
        view = app.query_one(ArticleView)
        person = next(m for m in screen.state.article_mentions() if m.type is EntityType.PERSON)
        assert background_of(view, person.text, person.start) != view.rich_style.bgcolor
        await pilot.press("1")
        assert EntityType.PERSON not in screen.marks.enabled
        assert background_of(view, person.text, person.start) == view.rich_style.bgcolor
        legend = app.query_one(Legend)
        assert EntityType.PERSON not in legend.enabled
        assert "strike" in str(legend.render().spans[0].style)
        await pilot.click(Legend, offset=(3, 0))
        assert EntityType.PERSON in screen.marks.enabled and EntityType.PERSON in legend.enabled
        await pilot.click(Legend, offset=(legend.content_size.width // 3 + 3, 1))
        assert EntityType.FIGURE not in screen.marks.enabled
        await pilot.press("6")
        assert EntityType.DATE not in screen.marks.enabled


async def test_find_highlights_counts_and_steps(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        bar = app.query_one(FindBar)
        assert bar.is_open and isinstance(app.focused, FindInput)
        await pilot.press(*"islamabad")
        screen = reader(app)
        assert len(screen.stepper.spans) == 5
        assert str(app.query_one("#find-count").render()) == "1 of 5"
        await pilot.press("enter")  # after typing, Enter keeps the match found, as in vim
        assert screen.stepper.index == 0
        await pilot.press("enter")
        assert screen.stepper.index == 1
        await pilot.press("shift+enter", "shift+enter")
        assert screen.stepper.index == 4
        assert str(app.query_one("#find-count").render()) == "5 of 5"
        await pilot.press("escape")
        assert not bar.is_open and isinstance(app.focused, ArticleView)
        await pilot.press("n")
        assert screen.stepper.index == 0
        await pilot.press("escape")
        assert screen.stepper.spans == []


async def test_find_reports_no_matches(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzzz")
        assert str(app.query_one("#find-count").render()) == "no matches"


async def test_help_lists_every_key_and_closes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(_plain(s.content) for s in app.screen.query("Static"))
        for needle in ("Find", "Quit", "Toggle people", "Next article", "Page down", "Next match", "Ctrl+P"):
            assert needle in text, needle
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_entity_pane_groups_by_type_and_choosing_marks_mentions(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader(app)
        tree = app.query_one(EntityTree)
        branches = [str(node.label) for node in tree.root.children]
        assert branches[0].startswith("People")
        qalibaf = app.engine.resolve("Qalibaf")
        assert qalibaf is not None
        screen.query_one(EntityTree).focus()
        await pilot.pause()
        tree.select_entity(qalibaf.id)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.marks.marked == qalibaf.id
        assert len(screen.stepper.spans) >= 18
        details = str(app.query_one("#entity-details").render())
        assert "Mohammad Baqer Qalibaf" in details and "Aliases" in details
        await pilot.press("n")
        assert screen.stepper.index == 1


async def test_clicking_an_entity_in_the_text_chooses_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader(app)
        view = app.query_one(ArticleView)
        mention = next(m for m in screen.state.article_mentions() if m.text == "Qalibaf")
        line = view.line_of(mention.start)
        x = sum(1 for _ in range(view.lines[line].start, mention.start))
        await pilot.click(ArticleView, offset=(x + 2 + 1, line))
        await pilot.pause()
        assert screen.marks.marked == mention.entity_id


async def test_tab_moves_between_panes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, ArticleList)
        chain = []
        for _ in range(4):
            await pilot.press("tab")
            chain.append(type(app.focused).__name__)
        assert chain == ["ArticleView", "ContentTabs", "EntityTree", "ArticleList"]
        await pilot.press("shift+tab")
        assert isinstance(app.focused, EntityTree)
        await pilot.press("a")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("E")
        assert isinstance(app.focused, EntityTree)
        await pilot.press("r")
        assert isinstance(app.focused, ArticleView)


async def test_broken_files_are_marked_and_notified(make_app: AppFactory, workspace: Path) -> None:
    (workspace / "articles" / "broken.md").write_bytes(b"\xff\xfe not utf8")
    app = make_app(workspace / "articles")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.query_one(ArticleList)
        last = article_list.rows[-1]
        assert last.article_id is None and "broken.md" in last.title and "UTF-8" in last.detail
        await pilot.press("G")
        assert article_list.highlighted == len(article_list.rows) - 1
        assert reader(app).article is not None and reader(app).article.id.startswith("000")
        shown = " ".join(article_list.render_line(y).text.strip() for y in range(article_list.size.height))
        assert "⚠ broken.md" in shown and "UTF-8" in shown
        assert any("broken.md" in n.message for n in app._notifications)
        assert len(reader(app).corpus.articles) == 5


async def test_markup_and_escapes_in_an_article_are_shown_as_text(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    body = "[bold red]Not bold[/] \x1b[31mred?\x1b[0m [link=x]y[/link] Tehran 🇮🇷 امروز به پاکستان"
    (folder / "evil.md").write_text(f'+++\nid = "evil"\ntitle = "[b]Title[/b] \\u001b[2J"\n+++\n\n{body}\n')
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        rendered = "".join(seg.text for y in range(3) for seg in view.render_line(y))
        assert "[bold red]Not bold[/]" in rendered
        assert "\x1b" not in rendered and "␛[31mred?" in rendered
        header = str(app.query_one(ArticleHeader).render())
        assert "[b]Title[/b] ␛[2J" in header


async def test_command_palette_opens_an_article_by_title(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"pushing for")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        screen = reader(app)
        assert screen.article is not None and screen.article.id.startswith("002")
        assert app.query_one(ArticleList).highlighted == 2
        assert isinstance(app.focused, ArticleView)


async def test_every_palette_action_runs(make_app: AppFactory) -> None:
    from tui.ui.commands import ReaderCommands

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = ReaderCommands(app.screen)
        for command in provider._commands():
            if command.action in ("quit", "app.quit"):
                continue
            await app.run_action(command.action, command.node)
            await pilot.pause()
            if not isinstance(app.screen, ReaderScreen):  # help, export, a full-width view: Esc closes each
                await pilot.press("escape")
                await pilot.pause()
            assert isinstance(app.screen, ReaderScreen), command.title
        assert reader(app).marks.enabled == set()
        await app.run_action("screen.focus('#entity-tree')")
        assert isinstance(app.focused, EntityTree)


async def test_entities_in_the_title_are_highlighted_in_the_header(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader(app).select_article("004_3c3a3a1058f57532")
        await pilot.pause()
        header = app.query_one(ArticleHeader)
        money = next(m for m in header.title_mentions if m.type is EntityType.MONEY)
        assert (money.text, money.value) == ("$10b", 10_000_000_000)
        rendered = header.render()
        assert any(span.start == money.start and span.end == money.end for span in rendered.spans)


async def test_e_then_enter_chooses_the_first_entity(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("E", "enter")
        assert reader(app).marks.marked == app.engine.resolve("Qalibaf").id
        await pilot.press("down", "enter")
        assert reader(app).marks.marked == app.engine.resolve("Ayaz Sadiq").id


async def test_switching_theme_redraws_the_text_and_keeps_entity_colours(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        person = next(m for m in reader(app).state.article_mentions() if m.type is EntityType.PERSON)
        entity_before = background_of(view, person.text, person.start)
        dark_text = list(view.render_line(0))[-1].style
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        light_text = list(view.render_line(0))[-1].style
        assert dark_text is not None and light_text is not None
        assert light_text.bgcolor == view.rich_style.bgcolor != dark_text.bgcolor
        assert background_of(view, person.text, person.start) == entity_before


async def test_find_leaves_the_cursor_on_the_match_so_v_selects_from_there(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("slash", *"Karachi", "enter", "escape")
        await pilot.pause()
        found = reader(app).stepper.current
        assert found is not None and view.cursor.offset == found[0] and app.focused is view
        assert found[0] == view.text.index("Karachi")  # the first, not the one after it
        await pilot.press("v", "w")  # select the word found
        await pilot.pause()
        start, end = view.cursor.selection or (0, 0)
        assert start == found[0] and view.text[start:end].startswith("Karachi")


async def test_entity_counts_say_one_mention_not_one_mentions(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        labels: list[str] = []
        for article in app.corpus.articles:
            reader(app).select_article(article.id)
            await settle(pilot)
            labels += [str(node.label) for node in app.query_one(EntityTree).root.children]
        assert labels and not any(" 1 mentions)" in label for label in labels)
        assert any(" 1 mention)" in label for label in labels), labels


async def test_the_header_says_where_the_date_came_from_as_a_sentence(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        reader(app).select_article("002_19b2f72fda372731")  # its date is inferred
        await pilot.pause()
        shown = str(app.query_one(ArticleHeader).render())
        assert "Date inferred: no date in the text" in shown and "Date from inferred" not in shown
