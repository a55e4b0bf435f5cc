"""Opening the full-width Timeline, Search results, Cross-references and coded segments views,
beside opening the panes' lists.

Each figure is the time from asking for the list (the pane's rows shown in a ``LineList``, or the
view pushed) to the end of the first frame that draws it, in a bare headless app at 120×40,
seven times each, interleaved (median); the figure reported is the view's time over the pane's.
Corpus: 10,000 synthetic articles built from the bundled articles' sentences (see
:mod:`.synthetic`), its entities found and its indexes built once beforehand. The search is for
"Iran" (in nearly every article); the view then goes on finding the matches of the articles
after the first in a worker: ``search_view_filled_ms`` is from pushing it to the last of them.
The Cross-references view follows Iran (named in every article). The coded segments view shows
10,000 coded passages (one per article), beside the Timeline pane's list as its baseline (no pane
lists every passage); it places them in a worker: ``segments_view_filled_ms``.

    .venv/bin/python -m benchmarks.views_bench [articles]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.screen import Screen

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import synthetic_articles
from tui.core.annotations.model import Annotation
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus_index import CorpusIndex
from tui.core.corpus_search import WordIndex, search
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.models import Article
from tui.ui.annotations.segments_screen import SegmentsScreen
from tui.ui.search.results_screen import SearchResultsScreen
from tui.ui.search.search_pane import SearchRows
from tui.ui.timeline.timeline_pane import TimelineRows
from tui.ui.timeline.timeline_screen import TimelineScreen
from tui.ui.widgets.line_list import LineList, Rows
from tui.ui.widgets.wrapped_list import WrappedList
from tui.ui.xref.xref_pane import XrefRows, XrefView
from tui.ui.xref.xref_screen import CrossReferencesScreen

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 40)
QUERY = "Iran"
ENTITY = "place:iran"


class Bench(App[None]):
    """A bare app holding a pane's list, noting when each frame is drawn."""

    def __init__(self) -> None:
        super().__init__()
        self.frames: list[float] = []

    def compose(self) -> ComposeResult:
        """The pane's list, empty."""
        yield LineList(id="pane-list")

    def post_display_hook(self) -> None:
        """A frame was drawn."""
        self.frames.append(time.perf_counter())


async def _time(
    app: Bench, pilot: Any, drawn_by: type[LineList | WrappedList], act: Callable[[], object]
) -> float:
    """Seconds from ``act`` to the end of the first frame in which a ``drawn_by`` list drew its lines."""
    await pilot.pause()
    drawn: list[float] = []
    render_lines = drawn_by.render_lines

    def noting(self: Any, crop: Any) -> Any:
        drawn.append(time.perf_counter())
        return render_lines(self, crop)

    drawn_by.render_lines = noting  # type: ignore[method-assign]
    try:
        started = time.perf_counter()
        act()
        for _ in range(1_000):
            await pilot.pause()
            if drawn and app.frames and app.frames[-1] >= drawn[0]:
                break
        else:
            raise RuntimeError(f"{drawn_by.__name__} was not drawn")
    finally:
        drawn_by.render_lines = render_lines  # type: ignore[method-assign]
    return next(t for t in app.frames if t >= drawn[0]) - started


async def _figures(
    pane_rows: Callable[[], Rows], view: Callable[[], Screen[Any]], rounds: int
) -> tuple[list[float], list[float], list[float]]:
    """The pane's list shown and the view pushed, ``rounds`` times each, interleaved; and how long
    after being pushed each view's workers had finished."""
    app = Bench()
    panes, views, filled = [], [], []
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(LineList)
        for _ in range(rounds):
            panes.append(await _time(app, pilot, LineList, lambda: pane.show(pane_rows())))
            screen = view()
            started = time.perf_counter()
            views.append(await _time(app, pilot, WrappedList, partial(app.push_screen, screen)))
            await app.workers.wait_for_complete()
            filled.append(time.perf_counter() - started)
            app.pop_screen()
            await pilot.pause()
    return panes, views, filled


def view_figures(count: int = 10_000, rounds: int = 7) -> dict[str, Any]:
    """The views' opening times over the panes', on ``count`` synthetic articles."""
    articles: list[Article] = synthetic_articles(count)
    engine = EntityEngine(load_gazetteer(ROOT / "articles" / "entities.toml"))
    mentions = engine.extract_corpus({a.id: a.text for a in articles})
    index = CorpusIndex.build(articles, mentions)
    timeline = index.timeline
    numbers = list(range(len(timeline.events)))
    titles = {a.id: a.title for a in articles}
    found = search(articles, QUERY, WordIndex(articles))
    result: dict[str, Any] = {
        "articles": count,
        "events": len(numbers),
        "sources": sum(len(event.sources) for event in timeline.events),
        "search_results": len(found),
    }
    pane_timeline, view_timeline, _ = asyncio.run(
        _figures(
            lambda: TimelineRows(timeline.events, numbers, timeline.published, titles),
            lambda: TimelineScreen(timeline, numbers, titles, "All events"),
            rounds,
        )
    )
    pane_search, view_search, filled = asyncio.run(
        _figures(
            lambda: SearchRows(articles, found, QUERY),
            lambda: SearchResultsScreen(articles, found, QUERY, index.sentences),
            rounds,
        )
    )
    dates = {a.id: a.published for a in articles}
    pane_xref, view_xref, _ = asyncio.run(
        _figures(
            lambda: XrefRows(index.xref, XrefView(ENTITY, [], []), titles),
            lambda: CrossReferencesScreen(index.xref, ENTITY, [], [], titles, dates),
            rounds,
        )
    )
    store = AnnotationStore.in_memory()
    store.save(*(Annotation.create(a.id, a.text, 0, min(40, len(a.text)), ("lead",)) for a in articles))
    by_id = {a.id: a for a in articles}
    pane_segments, view_segments, segments_filled = asyncio.run(
        _figures(
            lambda: TimelineRows(timeline.events, numbers, timeline.published, titles),
            lambda: SegmentsScreen(store, by_id, tags=["lead"]),
            rounds,
        )
    )
    result["segments_view_filled_ms"] = statistics.median(segments_filled) * 1000
    for name, pane, view in (
        ("timeline", pane_timeline, view_timeline),
        ("search", pane_search, view_search),
        ("xref", pane_xref, view_xref),
        ("segments", pane_segments, view_segments),
    ):
        result[f"{name}_pane_ms"] = statistics.median(pane) * 1000
        result[f"{name}_view_ms"] = statistics.median(view) * 1000
        result[f"{name}_view_over_pane"] = statistics.median(v / p for v, p in zip(view, pane, strict=True))
    result["search_view_filled_ms"] = statistics.median(filled) * 1000
    return result


if __name__ == "__main__":
    import json

    print(json.dumps(view_figures(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000), indent=2))
