"""Moving in the text: ``e`` goes to the end of a word, as vim users expect (``E`` goes to the
entities), and the cursor is drawn wherever it is, the line break between paragraphs included."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.ui.conftest import settle
from tests.ui.test_right_to_left import ARABIC, open_003
from tui.core import textnav
from tui.core.annotations.store import AnnotationStore
from tui.ui.annotations.tag_dialog import TagDialog
from tui.ui.app import ReaderApp
from tui.ui.reader.article_view import ArticleView

AppFactory = Callable[..., ReaderApp]
ARTICLES = Path(__file__).resolve().parents[2] / "articles"


def test_word_ends_follow_the_words() -> None:
    text = "Iran’s Parliament Speaker, Mohammad Baqer Qalibaf — said"
    ends = textnav.word_ends(text)
    assert [text[end - 1] for end in ends] == ["s", "t", "r", "d", "r", "f", "d"]
    assert text[: ends[0]] == "Iran’s"


def test_a_word_keeps_its_combining_marks_and_joiners() -> None:
    # Article 003's Arabic post (vowel signs, shadda) and a Persian word with its zero-width non-joiner.
    line = next(
        line for line in (ARTICLES / "003_ae4195037769579a.md").read_text().splitlines() if "توقيعُ" in line
    )
    ends = textnav.word_ends(line)
    starts = textnav.word_starts(line)
    assert [line[s:e] for s, e in zip(starts[:3], ends[:3], strict=True)] == [
        "توقيعُ",
        "اتفاقيةٍ",
        "استراتيجيةٍ",
    ]
    assert textnav.word_at("می\u200cکنم و", 2) == (0, 6)
    assert all(not unicodedata.category(line[start]).startswith("M") for start in starts)


async def into_text(pilot: Any) -> ArticleView:
    """Open the first article: its text has the focus."""
    await settle(pilot)
    await pilot.press("enter")
    await pilot.pause()
    return pilot.app.query_one(ArticleView)


async def test_v_then_e_selects_whole_words_and_E_goes_to_the_entities(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = await into_text(pilot)
        assert view.has_focus
        start = view.text.index("Iran’s Parliament")
        view.move_cursor(start)
        await pilot.press("v", "e", "e", "e")
        selection = view.cursor.selection
        assert selection is not None and view.text[selection[0] : selection[1]] == "Iran’s Parliament Speaker"
        assert view.has_focus  # e moved in the text: it did not jump to a pane
        await pilot.press("escape", "E")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "entity-tree"


async def test_the_cursor_shows_on_the_line_break_between_paragraphs(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = await into_text(pilot)
        spacer = next(i for i, line in enumerate(view.lines) if line.paragraph < 0 and i > 2)
        view.move_cursor(view.lines[spacer].start - 1)  # the line break before the next paragraph
        view.scroll_to(y=max(0, spacer - 2), animate=False)
        await pilot.pause()
        assert view.line_of(view.cursor.offset) == spacer
        strip = view.render_line(spacer - int(view.scroll_offset.y))
        assert any(segment.style is not None and segment.style.reverse for segment in strip), (
            "no cursor drawn"
        )


async def test_v_e_on_a_vowelled_arabic_word_tags_all_of_it(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_003(pilot, ARABIC)
        start = view.text.index(ARABIC)
        view.move_cursor(start)
        await pilot.press("v", "e")
        assert view.cursor.selection == (start, start + len("توقيعُ"))
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"arabic", "enter", "ctrl+s")
        await settle(pilot)
        [annotation] = store.annotations()
        assert annotation.quote == "توقيعُ"  # with its final damma
