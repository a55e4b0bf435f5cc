"""Pilot tests: the Persian posts of article 001 read right to left on screen, right-aligned and
joined, and selecting, finding, moving over and tagging them works on the text's own offsets."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from arabic_reshaper import ArabicReshaper
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import OptionList

from tests.ui.conftest import ROOT, settle, settle_until
from tests.ui.test_commands import open_palette
from tui.cli import main as cli_main
from tui.core.annotations.exporting import export_bytes
from tui.core.annotations.model import Annotation
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import load_article
from tui.core.workspace import Workspace
from tui.ui import launch
from tui.ui.annotations.tag_dialog import TagDialog
from tui.ui.app import ReaderApp
from tui.ui.dialogs.chooser import ChooserDialog
from tui.ui.reader.article_header import ArticleHeader
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.reader import ReaderScreen

AppFactory = Callable[..., ReaderApp]
ARTICLE = "001_837904dac7d69cd7"
PERSIAN = "امروز به پاکستان کشور دوست و برادرمان در منطقه سفر میکنم."
PHRASE = "پاکستان"
NAME = "علی لاریجانی"
LARIJANI = f"— Ali Larijani | {NAME} (@alilarijani_ir) November 24, 2025"
WRAPPED = "ایران و پاکستان دو کشور مهم"  # the start of a post that wraps at 80 columns
SIZES = [(80, 24), (200, 50)]


def visual(text: str) -> str:
    """Right-to-left words as a terminal that does not reorder must be given them: letters joined
    (arabic-reshaper's presentation forms, no ligatures) and in reverse."""
    return ArabicReshaper(configuration={"support_ligatures": False}).reshape(text)[::-1]


def is_presentation_form(character: str) -> bool:
    """Whether a character is an Arabic presentation form (display only, never to be stored)."""
    return 0xFB50 <= ord(character) <= 0xFDFF or 0xFE70 <= ord(character) <= 0xFEFF


async def open_persian_post(pilot: Any, anchor: str = PERSIAN) -> ArticleView:
    """Open article 001 with the post starting with ``anchor`` in sight, the text focused."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    screen.select_article(ARTICLE)
    await settle(pilot)
    view = pilot.app.query_one(ArticleView)
    view.scroll_to_offset(view.text.index(anchor))
    await pilot.pause()
    return view


def text_rows(app: ReaderApp, view: ArticleView) -> list[str]:
    """What the screen shows in the text's area, row by row, from the view's first row in sight."""
    area: Region = view.scrollable_content_region
    strips = app.screen._compositor.render_strips()
    return [strip.text[area.x : area.right] for strip in strips[area.y : area.bottom]]


def row_of(view: ArticleView, offset: int) -> int:
    """The row (from the top of the text's area) of the line holding ``offset``."""
    return view.line_of(offset) - view.scroll_offset.y


def cell_styles(app: ReaderApp, view: ArticleView, row: int) -> list[Any]:
    """The style of every cell of one row of the text's area."""
    area = view.scrollable_content_region
    styles: list[Any] = []
    for segment in app.screen._compositor.render_strips()[area.y + row]:
        styles.extend([segment.style] * len(segment.text))
    return styles[area.x : area.right]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
async def test_the_persian_posts_read_right_to_left_and_right_aligned(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        view = await open_persian_post(pilot)
        rows = text_rows(app, view)
        start = view.text.index(PERSIAN)
        persian = rows[row_of(view, start)]
        assert persian.rstrip() == " " * (len(persian) - len(PERSIAN)) + visual(PERSIAN)  # to the right edge
        mixed = rows[row_of(view, view.text.index(LARIJANI))]
        # A left-to-right line, its Persian name in reverse within it.
        assert mixed.rstrip() == LARIJANI.replace(NAME, visual(NAME))
        assert view.text[start : start + len(PERSIAN)] == PERSIAN  # the text itself is untouched
        assert not any(is_presentation_form(character) for character in view.text)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
async def test_a_persian_phrase_dragged_over_and_tagged_is_stored_as_written(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=size) as pilot:
        view = await open_persian_post(pilot)
        start = view.text.index(PHRASE, view.text.index(PERSIAN))
        row = row_of(view, start)
        # On screen the phrase's first letter is its rightmost cell: drag from there to its leftmost.
        left = text_rows(app, view)[row].index(visual(PHRASE))
        area = view.scrollable_content_region
        dx, dy = area.x - view.region.x, area.y - view.region.y + row
        await pilot.mouse_down(ArticleView, offset=(dx + left + len(PHRASE) - 1, dy))
        await pilot.hover(ArticleView, offset=(dx + left, dy))
        await pilot.mouse_up(ArticleView, offset=(dx + left, dy))
        await pilot.pause()
        assert view.cursor.selection == (start, start + len(PHRASE))
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"persian-post", "enter", "ctrl+s")
        await settle(pilot)
        [annotation] = store.annotations()
        assert annotation.quote == PHRASE and view.text[annotation.start : annotation.end] == PHRASE
        articles = {article.id: article for article in app.screen.corpus.articles}
        for kind in ("native", "w3c"):
            exported, count = export_bytes(kind, store, articles)
            decoded = orjson.loads(exported)
            assert count == 1 and PHRASE in exported.decode("utf-8"), kind
            assert not any(is_presentation_form(c) for c in orjson.dumps(decoded).decode("utf-8")), kind


async def test_find_select_by_keys_and_move_up_and_down_on_reordered_lines(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_persian_post(pilot)
        start = view.text.index(PHRASE, view.text.index(PERSIAN))
        await pilot.press("slash", *PHRASE)  # the first match is the current one
        await settle(pilot)
        # The current match is drawn on exactly the phrase's cells, wherever they are on screen.
        row = row_of(view, start)
        left = text_rows(app, view)[row].index(visual(PHRASE))
        styles = cell_styles(app, view, row)
        found = styles[left]
        assert styles[left : left + len(PHRASE)] == [found] * len(PHRASE)
        assert found not in styles[: left - 1] + styles[left + len(PHRASE) + 1 :]
        await pilot.press("escape")  # the cursor stays on the match: v selects from there
        await pilot.press("v", *["l"] * len(PHRASE))
        assert view.cursor.selection == (start, start + len(PHRASE))
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"persian-post", "enter", "ctrl+s")
        await settle(pilot)
        assert [annotation.quote for annotation in store.annotations()] == [PHRASE]

        # Up keeps the screen column: from the link under a wrapped post to the Persian above it.
        link = view.text.index("https://t.co/ltuTncpV8J")
        view.move_cursor(link)
        await pilot.pause()
        rows = text_rows(app, view)
        below = row_of(view, link)
        column = rows[below].index("https://")
        assert view.line_of(view.text.index(WRAPPED)) == view.line_of(link) - 1
        await pilot.press("k")
        await pilot.pause()
        above = view.cursor.offset
        drawn = unicodedata.normalize("NFKC", text_rows(app, view)[below - 1][column])
        assert view.line_of(above) == view.line_of(link) - 1 and drawn == view.text[above]
        await pilot.press("j")
        assert view.cursor.offset == link
        # Up from the paragraph below goes through every line of the posts, never stuck on one.
        view.move_cursor(view.text.index("Before his departure") + 5)
        lines = []
        for _ in range(8):
            await pilot.press("k")
            lines.append(view.line_of(view.cursor.offset))
        assert lines == sorted(lines, reverse=True) and len(set(lines)) == len(lines)


async def test_bidi_terminal_draws_logical_order_and_the_palette_switches_it(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IRANPAK_CACHE", str(tmp_path / "cache"))
    started: list[tuple[Any, ...]] = []
    monkeypatch.setattr(launch, "launch", lambda *args: started.append(args) or 0)
    assert cli_main.main(["--workspace", str(workspace), "--bidi", "terminal"]) == 0
    assert started[0][1] == "terminal"
    app = launch.make_app(Workspace(workspace, "a test"), bidi="terminal")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_until(pilot, lambda: getattr(app.screen, "mentions", None) is not None)
        view = await open_persian_post(pilot)
        row = row_of(view, view.text.index(PERSIAN))
        assert text_rows(app, view)[row].rstrip() == PERSIAN  # as stored: left to the terminal
        shown = await open_palette(pilot, "right-to-left", "Right-to-left text")
        assert any(hit.startswith("Right-to-left text: put it in order in the app") for hit in shown)
        await pilot.press("enter")
        await settle(pilot)
        assert view.bidi == "app"
        assert text_rows(app, view)[row].strip() == visual(PERSIAN)


# Everywhere else article text is shown: quotes, sentences and titles in visual order too.

# A run of right-to-left text as drawn: Arabic-script letters (or their presentation forms), with the
# spaces and the stops between them; a full stop at the run's logical end is drawn on its left.
DRAWN_RUN = re.compile(
    r"[.،!]?[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff][\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff .،!]*"
)


def rows_in(app: ReaderApp, widget: Widget, area: Region | None = None) -> list[str]:
    """What the screen shows in a widget's region (or ``area``), row by row, cut by cells (a vowel
    mark takes none, a flag two)."""
    area = area or widget.region
    strips = app.screen._compositor.render_strips()
    return [strip.crop(area.x, area.right).text for strip in strips[area.y : area.bottom]]


def read_back(rows: list[str]) -> str:
    """The right-to-left text drawn on ``rows`` as a reader reads it: each run from right to left,
    the rows from top to bottom, joined letters undone. Text drawn in logical order (which tmux
    shows letter-reversed) reads back reversed."""
    runs = [run for row in rows for run in DRAWN_RUN.findall(row)]
    return " ".join(unicodedata.normalize("NFKC", run)[::-1].strip() for run in runs)


def coded_store(*quotes: tuple[str, str]) -> AnnotationStore:
    """A store with each (quote, tag) of article 001's Persian post coded (the quote's first place
    from the post on)."""
    article = load_article(ROOT / "articles" / f"{ARTICLE}.md")
    store = AnnotationStore.in_memory()
    post = article.text.index(PERSIAN)
    for quote, tag in quotes:
        start = article.text.index(quote, post)
        store.save(Annotation.create(article.id, article.text, start, start + len(quote), (tag,), ""))
    return store


async def tag_dialog_on(pilot: Any, quote: str, view: ArticleView | None = None) -> TagDialog:
    """Select ``quote`` in article 001's Persian post (opened first unless in ``view``) and open the
    tag dialog on it."""
    if view is None:
        view = await open_persian_post(pilot)
    start = view.text.index(quote, view.text.index(PERSIAN))
    view.focus()
    view.select(start, start + len(quote))
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, TagDialog)
    return dialog


async def tag_shown_and_stored(pilot: Any, store: AnnotationStore, dialog: TagDialog, quote: str) -> None:
    """The dialog's quote is drawn in visual order; tagged and saved, it is stored as written."""
    assert visual(quote) in "".join(rows_in(pilot.app, dialog.query_one("#quote")))
    await pilot.press(*"rtl-quote", "enter", "ctrl+s")
    await settle(pilot)
    [annotation] = store.annotations()
    assert annotation.quote == quote  # logical order, letters unjoined
    assert not any(is_presentation_form(character) for character in annotation.quote)


async def test_the_tag_dialog_shows_the_persian_quote_right_to_left_and_stores_it_as_written(
    make_app: AppFactory,
) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await tag_dialog_on(pilot, PERSIAN)
        assert read_back(rows_in(app, dialog.query_one("#quote"))) == PERSIAN
        await tag_shown_and_stored(pilot, store, dialog, PERSIAN)


async def test_a_long_quote_wraps_in_the_tag_dialog_first_words_on_top(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_persian_post(pilot, WRAPPED)
        paragraph = view.text[view.text.index(WRAPPED) :].split("\n")[0]
        sentence = paragraph[: paragraph.index(" https")]  # longer than the dialog is wide
        dialog = await tag_dialog_on(pilot, sentence)
        quote = [row for row in rows_in(app, dialog.query_one("#quote")) if row.strip()]
        assert len(quote) >= 2
        assert read_back(quote).replace("…", "") == sentence.replace("…", "")


async def test_bidi_terminal_shows_the_quote_as_written_until_the_palette_switches(
    make_app: AppFactory,
) -> None:
    app = make_app()
    app.bidi = "terminal"
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await tag_dialog_on(pilot, PERSIAN)
        assert PERSIAN in "".join(rows_in(app, dialog.query_one("#quote")))  # left to the terminal
        await pilot.press("escape")
        await pilot.pause()
        await open_palette(pilot, "right-to-left", "Right-to-left text")
        await pilot.press("enter")
        await settle(pilot)
        assert app.bidi == "app"  # what is drawn from now on follows the palette
        dialog = await tag_dialog_on(pilot, PERSIAN, app.query_one(ArticleView))
        assert read_back(rows_in(app, dialog.query_one("#quote"))) == PERSIAN


async def test_the_annotations_pane_lists_a_persian_passage_right_to_left(make_app: AppFactory) -> None:
    app = make_app(store=coded_store((PERSIAN, "persian-post")))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_persian_post(pilot)
        await pilot.press("A")
        await settle(pilot)
        passages = app.query_one("#passages")
        rows = rows_in(app, passages)
        assert sum(1 for row in rows if DRAWN_RUN.search(row)) >= 2  # wrapped in the narrow pane
        assert read_back(rows) == PERSIAN  # the first words on the first line, each line reordered
        assert any(row.strip("▊▎ ").startswith("¶") for row in rows)  # the paragraph still on the left


async def test_x_on_overlapping_persian_passages_lists_them_right_to_left(make_app: AppFactory) -> None:
    app = make_app(store=coded_store((PERSIAN, "persian-post"), (PHRASE, "pakistan")))
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_persian_post(pilot)
        await settle(pilot)
        view.focus()
        view.move_cursor(view.text.index(PHRASE, view.text.index(PERSIAN)))
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ChooserDialog)
        shown = "\n".join(rows_in(app, app.screen.query_one(OptionList)))
        assert f"“{visual(PHRASE)}”" in shown
        # The long one wraps: its first words on the first line, each line reordered. (A line that
        # starts with its tags reads left to right: the full stop stays after the quote's last word.)
        assert read_back(shown.splitlines()).replace(".", "") == PHRASE + " " + PERSIAN.replace(".", "")


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
async def test_the_coded_segments_view_shows_a_persian_passage_right_to_left(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    from tui.ui.annotations.segments_screen import SegmentsScreen

    app = make_app(store=coded_store((PHRASE, "pakistan")))
    async with app.run_test(size=size) as pilot:
        await open_persian_post(pilot)
        await pilot.press("S")
        await settle_until(pilot, lambda: isinstance(app.screen, SegmentsScreen))
        await settle(pilot)
        rows = rows_in(app, app.screen.query_one("#segments-list"))
        assert read_back(rows) == PERSIAN  # the passage in its sentence


async def test_the_search_pane_and_its_results_show_a_persian_word_right_to_left(
    make_app: AppFactory,
) -> None:
    from tui.ui.search.results_screen import SearchResultsScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_persian_post(pilot)
        await pilot.press("ctrl+f", *PHRASE)
        await settle_until(pilot, lambda: "1 of 5 articles" in str(app.query_one("#search-status").render()))
        pane = "\n".join(rows_in(app, app.query_one("#search-list")))
        assert visual(PHRASE) in pane and PHRASE not in pane
        # The query in a line of the app's reads right to left inside its quotes, the line left to right.
        status = "".join(rows_in(app, app.query_one("#search-status")))
        assert f"1 of 5 articles hold “{visual(PHRASE)}” (" in status
        await pilot.press("down", "z")
        await settle_until(pilot, lambda: isinstance(app.screen, SearchResultsScreen))
        await settle(pilot)
        view = app.screen
        assert isinstance(view, SearchResultsScreen)
        rows = rows_in(app, view.listing)
        assert PERSIAN in read_back(rows)  # the matching sentence, its first words first
        title = "".join(rows_in(app, view.query_one("#view-title")))
        assert f"Search · “{visual(PHRASE)}” · 1 article, " in title


async def test_the_xref_pane_and_view_show_a_persian_name_right_to_left(make_app: AppFactory) -> None:
    from tui.ui.xref.xref_screen import CrossReferencesScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_persian_post(pilot, LARIJANI)
        await settle(pilot)
        view.focus()
        view.move_cursor(view.text.index("Larijani", view.text.index(LARIJANI)))
        await pilot.press("X")
        await settle(pilot)
        pane = "\n".join(rows_in(app, app.query_one("#xref-list")))
        assert visual(NAME) in pane and NAME not in pane
        await pilot.press("z")
        await settle_until(pilot, lambda: isinstance(app.screen, CrossReferencesScreen))
        await settle(pilot)
        assert isinstance(app.screen, CrossReferencesScreen)
        shown = "\n".join(rows_in(app, app.screen.listing))
        assert LARIJANI.replace(NAME, visual(NAME)) in shown


async def test_a_persian_title_reads_right_to_left_in_the_header(
    make_app: AppFactory, tmp_path: Path
) -> None:
    source = (ROOT / "articles" / f"{ARTICLE}.md").read_text(encoding="utf-8")
    title = "Pakistan reaffirms commitment to strengthening ties with Iran"
    (tmp_path / f"{ARTICLE}.md").write_text(source.replace(title, WRAPPED), encoding="utf-8")
    shutil.copy(ROOT / "articles" / "entities.toml", tmp_path)
    app = make_app(articles=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        screen.select_article(ARTICLE)
        await settle(pilot)
        header = rows_in(app, app.query_one(ArticleHeader))
        assert header[0].strip() == visual(WRAPPED)


# Article 003: an Urdu post with flags and an Arabic one.

ARTICLE_003 = "003_ae4195037769579a"
URDU = "ہم بھائی ہیں، اپنے گھر میں خوش آمدید! 🇮🇷🤝🇵🇰"
URDU_WORD = "بھائی"
ARABIC = "توقيعُ اتفاقيةٍ استراتيجيةٍ"


async def open_003(pilot: Any, anchor: str) -> ArticleView:
    """Open article 003 with the line starting with ``anchor`` in sight, the text focused."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    screen.select_article(ARTICLE_003)
    await settle(pilot)
    view = pilot.app.query_one(ArticleView)
    view.scroll_to_offset(view.text.index(anchor))
    view.focus()
    await pilot.pause()
    return view


async def test_the_urdu_and_arabic_posts_of_003_read_right_to_left(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_003(pilot, URDU)
        urdu = text_rows(app, view)[row_of(view, view.text.index(URDU))].rstrip()
        words = visual(URDU.replace(" 🇮🇷🤝🇵🇰", ""))
        # Right-aligned, the words right to left; the flags (left to right, as the link after them)
        # whole, and with the link at the left end.
        assert urdu.startswith(" ") and urdu.strip() == f"🇮🇷🤝🇵🇰 pic.twitter.com/6oeuaaB65m {words}"
        view.scroll_to_offset(view.text.index(ARABIC))
        await pilot.pause()
        arabic = rows_in(app, view, view.scrollable_content_region)[row_of(view, view.text.index(ARABIC))]
        # The words right to left, the first on the right, each letter with its vowel mark after it.
        first = visual("توقيع")
        assert arabic.rstrip().endswith(first[0] + "\u064f" + first[1:])  # عُ drawn ﻊُ
        bare = "".join(character for character in arabic if unicodedata.category(character) != "Mn")
        assert read_back([bare]).startswith("توقيع اتفاقية استراتيجية بين باكستان")


async def test_an_urdu_word_tagged_in_003_is_drawn_reordered_in_the_dialog_and_stored_as_written(
    make_app: AppFactory,
) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_003(pilot, URDU)
        start = view.text.index(URDU_WORD, view.text.index(URDU))
        view.move_cursor(start)
        await pilot.press("v", *["l"] * len(URDU_WORD))  # selected by keys, letter by letter
        assert view.cursor.selection == (start, start + len(URDU_WORD))
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagDialog)
        await tag_shown_and_stored(pilot, store, app.screen, URDU_WORD)
