"""Pilot tests of the Timeline and Cross-references panes: what they list, their filters and jumps."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual.worker import WorkerCancelled

from tests.ui.conftest import SIZE, reader_ready
from tui.ui.app import ReaderApp
from tui.ui.messages import EntityChosen, OpenPassage
from tui.ui.reader.article_view import ArticleView
from tui.ui.timeline.timeline_pane import TimelineRows
from tui.ui.widgets.line_list import LineList
from tui.ui.xref.xref_pane import XrefPane, XrefRows

AppFactory = Callable[..., ReaderApp]


def entries(listing: LineList) -> list[str]:
    """Every entry of a list as plain text, its lines joined by a newline."""
    rows = listing.rows
    return ["\n".join(line.plain for line in rows.lines(i)) for i in range(len(rows))]


#: What the Xref pane shows while one of its workers has not posted yet.
PENDING = {
    "Most often named with it: counting…",
    "Related articles: ranking…",
    "The selection, elsewhere: looking…",
}


async def settle_until(pilot: Any, done: Callable[[], bool], rounds: int = 100) -> None:
    """Wait for the workers and the messages they post until ``done()`` holds.

    As ``conftest.settle_until``, except that a worker cancelled while waited on counts as
    finished: the panes' workers are exclusive, so following a new entity or article cancels the
    one still running, and ``workers.wait_for_complete`` would raise ``WorkerCancelled``.
    """
    for _ in range(rounds):
        results = await asyncio.gather(
            *(worker.wait() for worker in pilot.app.workers), return_exceptions=True
        )
        for result in results:
            if isinstance(result, BaseException) and not isinstance(result, WorkerCancelled):
                raise result
        await pilot.pause()
        await pilot.pause()
        if done():
            return


async def indexed(pilot: Any) -> Any:
    """Wait until the corpus indexes are built and the side panes mounted; the reader screen."""
    screen = pilot.app.screen
    await reader_ready(pilot)
    assert screen.index is not None and screen.index.timeline is not None
    return screen


async def xref_done(pilot: Any, first: str) -> list[str]:
    """The Xref pane's entries once it shows what was asked (its first entry starts with ``first``)
    and its workers have posted (nothing counting, ranking or looking)."""
    listing = pilot.app.query_one("#xref-list", LineList)

    def done() -> bool:
        shown = entries(listing)
        return bool(shown) and shown[0].startswith(first) and not PENDING.intersection(shown)

    await settle_until(pilot, done)
    assert done(), entries(listing)
    return entries(listing)


async def into_text(pilot: Any) -> ArticleView:
    """Open the first article and focus its text, once the indexes are built."""
    await indexed(pilot)
    await pilot.press("enter")
    await pilot.pause()
    return pilot.app.query_one(ArticleView)


async def test_timeline_pane_lists_events_filters_and_opens_sources(make_app: AppFactory) -> None:
    from tui.ui.dialogs.chooser import ChooserDialog
    from tui.ui.screens.reader import ReaderScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await indexed(pilot)
        assert isinstance(screen, ReaderScreen) and screen.index.timeline is not None
        await pilot.press("L")
        listing = app.query_one("#timeline-list", LineList)
        assert app.focused is listing
        prompts = entries(listing)
        assert "November 2025" in prompts and any(p.startswith("25 Nov 2025") for p in prompts)
        assert any("published:" in p for p in prompts)
        meeting = next(i for i, p in enumerate(prompts) if p.startswith("25 Nov 2025 · 2 sources"))
        listing.move_to(meeting)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChooserDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.article is not None and screen.article.id.startswith("004")
        view = app.query_one(ArticleView)
        assert view.cursor.selection is not None
        start, end = view.cursor.selection
        assert "Larijani" in view.text[start:end] or "Dar" in view.text[start:end]
        everything = len(listing.rows)
        screen.mark_entity("person:larijani")
        listing.focus()
        await pilot.press("f")
        await pilot.pause()
        assert "Ali Larijani" in str(app.query_one("#timeline-filter").render())
        rows = listing.rows
        assert isinstance(rows, TimelineRows)
        events = [rows.key(i)[1] for i in range(len(rows)) if rows.key(i)[0] == "event"]
        assert events and len(rows) < everything
        assert all("person:larijani" in screen.index.timeline.events[i].participants for i in events)
        await pilot.press("F")
        await pilot.pause()
        assert "All events" in str(app.query_one("#timeline-filter").render())


async def test_xref_pane_follows_the_entity_and_jumps(make_app: AppFactory) -> None:
    from tui.ui.screens.reader import ReaderScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await indexed(pilot)
        assert isinstance(screen, ReaderScreen)
        screen.post_message(EntityChosen("person:larijani"))
        await settle_until(pilot, lambda: screen.query_one(XrefPane).entity == "person:larijani")
        await pilot.press("X")
        listing = app.query_one("#xref-list", LineList)
        assert app.focused is listing
        prompts = await xref_done(pilot, "Ali Larijani")
        assert prompts[0].startswith("Ali Larijani: 23 mentions in 3 articles")
        assert "Most often named with it" in prompts
        assert "Related articles (rarest shared first)" in prompts
        rows = listing.rows
        assert isinstance(rows, XrefRows)
        first_mention = next(i for i in range(len(rows)) if rows.kind(i) == "mention")
        listing.move_to(first_mention)
        target = rows.target(first_mention)
        assert isinstance(target, OpenPassage)
        article, start, end = target.article, target.start, target.end
        await pilot.press("enter")
        await pilot.pause()
        assert screen.article is not None and screen.article.id == article
        view = app.query_one(ArticleView)
        assert view.cursor.selection == (int(start), int(end)) and app.focused is view
        view.move_cursor(view.text.index("Dar"))
        await pilot.pause()
        assert screen.query_one(XrefPane).entity == "person:ishaq-dar"
        # the related articles of the article jumped to are ranked in a worker
        await xref_done(pilot, "Mohammad Ishaq Dar")
        rows = listing.rows
        assert isinstance(rows, XrefRows)
        related = next(i for i in range(len(rows)) if rows.kind(i) == "article")
        listing.focus()
        listing.move_to(related)
        chosen = rows.target(related)
        assert isinstance(chosen, OpenPassage)
        target = chosen.article
        await pilot.press("enter")
        await pilot.pause()
        assert screen.article is not None and screen.article.id == target


async def test_xref_pane_shows_the_selection_elsewhere(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await into_text(pilot)
        start = view.text.index("raising bilateral trade to $10 billion")
        view.select(start, start + len("raising bilateral trade to $10 billion"))
        await pilot.pause()
        prompts = await xref_done(pilot, "The selection, elsewhere:")
        assert prompts[0].startswith("The selection, elsewhere:")
        assert sum("the same figure" in p for p in prompts) >= 3


async def test_xref_rows_list_every_mention_by_article_without_copying(make_app: AppFactory) -> None:
    from tui.ui.screens.reader import ReaderScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await indexed(pilot)
        assert isinstance(screen, ReaderScreen) and screen.index is not None
        screen.post_message(EntityChosen("place:iran"))
        await settle_until(pilot, lambda: screen.query_one(XrefPane).entity == "place:iran")
        await xref_done(pilot, "Iran")
        rows = app.query_one("#xref-list", LineList).rows
        assert isinstance(rows, XrefRows)
        kinds = [rows.kind(i) for i in range(len(rows))]
        listed = [rows.target(i) for i in range(len(rows)) if kinds[i] == "mention"]
        expected = screen.index.xref.mentions_of("place:iran")
        assert [(t.article, t.start, t.end) for t in listed if isinstance(t, OpenPassage)] == [
            (a, m.start, m.end) for a, m in expected
        ]
        titles = [i for i, kind in enumerate(kinds) if kind == "title"]
        assert len(titles) == 5 and kinds[titles[0] + 1] == "mention"
        assert all(not rows.enabled(i) for i in titles)
        lines = entries(app.query_one("#xref-list", LineList))
        first = rows.target(titles[0] + 1)
        assert first is not None and "Iran" in lines[titles[0] + 1]


async def test_the_key_bar_shows_the_keys_that_apply_and_a_click_presses_one(make_app: AppFactory) -> None:
    from tui.ui.widgets.key_bar import KeyBar

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await indexed(pilot)
        view = app.query_one(ArticleView)
        view.move_cursor(view.text.index("leading"))  # no entity under the cursor, none chosen
        await pilot.press("L")
        await pilot.pause()
        bar = app.query_one(KeyBar)
        shown = str(bar.render())
        assert "Filter by entity" in shown and "Commands" in shown
        start = next(first for first, _, key, _ in bar._keys if key == "f")
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await pilot.pause()
        assert any("Choose an entity first" in str(n.message) for n in app._notifications)
        await pilot.press("r")
        await pilot.pause()
        assert "Filter by entity" not in str(bar.render())


async def test_the_timeline_filters_by_the_entity_under_the_text_cursor(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await into_text(pilot)
        view.move_cursor(view.text.index("Pakistan"))
        await pilot.press("L", "f")
        await pilot.pause()
        assert "With Pakistan" in str(app.query_one("#timeline-filter").render())
        rows = app.query_one("#timeline-list", LineList).rows
        assert isinstance(rows, TimelineRows) and rows.shown > 0
