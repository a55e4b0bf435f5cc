"""Opening the Timeline and Cross-references panes once the corpus indexes are built.

Each figure is the time from a key press (or an entity being chosen) to the end of the first
frame drawn after the app has handled it, in a headless app at 120×40: the pane's rows are
made and its visible lines drawn. The baseline is switching between two tabs of a minimal
Textual app, timed the same way in the same run. Corpora: the five bundled articles and a
synthetic corpus of 10,000 articles built from their sentences (see :mod:`.synthetic`).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Static, TabbedContent, TabPane

from benchmarks.synthetic import synthetic_articles
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus, load_corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.ui.app import ReaderApp
from tui.ui.messages import EntityChosen
from tui.ui.xref.xref_pane import XrefPane

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 40)


class _Frames:
    """Remembers when each frame was drawn."""

    def __init__(self) -> None:
        self.times: list[float] = [0.0]

    def drawn(self) -> None:
        """A frame was drawn now."""
        self.times.append(time.perf_counter())


class TimedReader(ReaderApp):
    """The reader, noting when each frame is drawn."""

    frames = _Frames()

    def post_display_hook(self) -> None:
        """A frame was drawn."""
        self.frames.drawn()


class TwoTabs(App[None]):
    """The baseline: a minimal app with two tabs of static text."""

    frames = _Frames()

    def compose(self) -> ComposeResult:
        """Two tabs."""
        with TabbedContent():
            with TabPane("One", id="one"):
                yield Static("one " * 200)
            with TabPane("Two", id="two"):
                yield Static("two " * 200)

    def post_display_hook(self) -> None:
        """A frame was drawn."""
        self.frames.drawn()


async def _time(pilot: Any, frames: _Frames, target: Widget, act: Callable[[], Awaitable[None]]) -> float:
    """Seconds from ``act`` to the end of the first frame that draws ``target``'s lines again.

    That frame shows the pane with its new rows: drawing a tab's underline sliding across
    (an animation that goes on afterwards) is not counted.
    """
    await pilot.pause()
    drawn: list[float] = []
    render_lines = target.render_lines

    def noting(crop: Any) -> Any:
        drawn.append(time.perf_counter())
        return render_lines(crop)

    target.render_lines = noting  # type: ignore[method-assign]
    try:
        started = time.perf_counter()
        await act()
        for _ in range(500):
            await pilot.pause()
            if drawn and frames.times[-1] >= drawn[0]:
                break
        else:
            raise RuntimeError(f"{target!r} was not drawn")
    finally:
        del target.render_lines
    return next(t for t in frames.times if t >= drawn[0]) - started


async def _baseline(rounds: int) -> list[float]:
    """Switching tabs in the minimal app."""
    app = TwoTabs()
    times = []
    async with app.run_test(size=SIZE) as pilot:
        tabs = app.query_one(TabbedContent)
        for round_ in range(rounds):
            target = "two" if round_ % 2 == 0 else "one"

            async def switch(target: str = target) -> None:
                tabs.active = target

            times.append(await _time(pilot, app.frames, app.query_one(f"#{target} Static"), switch))
    return times


async def _reader(corpus: Corpus, rounds: int, entity: str) -> dict[str, Any]:
    """The reader's figures on a corpus: first build, then each pane opened ``rounds`` times."""
    gazetteer = load_gazetteer(ROOT / "articles" / "entities.toml")
    app = TimedReader(corpus, EntityEngine(gazetteer), [], AnnotationStore.in_memory())
    figures: dict[str, list[float]] = {"timeline": [], "xref": [], "timeline_entity": [], "xref_entity": []}
    async with app.run_test(size=SIZE) as pilot:
        started = time.perf_counter()
        while getattr(app.screen, "index", None) is None:
            await asyncio.sleep(0.05)
        build = time.perf_counter() - started
        screen: Any = app.screen
        timeline, xref = app.query_one("#timeline-list"), app.query_one("#xref-list")

        async def choose() -> None:
            screen.post_message(EntityChosen(entity))

        def press(key: str) -> Callable[[], Awaitable[None]]:
            return lambda: pilot.press(key)

        for _ in range(rounds):
            await pilot.press("e")
            figures["timeline"].append(await _time(pilot, app.frames, timeline, press("L")))
            screen.state.entity = entity
            figures["timeline_entity"].append(await _time(pilot, app.frames, timeline, press("f")))
            await pilot.press("F")
            await pilot.press("e")
            figures["xref"].append(await _time(pilot, app.frames, xref, press("X")))
            figures["xref_entity"].append(await _time(pilot, app.frames, xref, choose))
            app.query_one(XrefPane).entity = None
    result: dict[str, Any] = {"articles": len(corpus.articles), "first_build_s": build}
    for name, times in figures.items():
        result[f"{name}_ms"] = statistics.median(times) * 1000
    return result


def pane_figures(rounds: int = 7, articles: int = 10_000) -> dict[str, Any]:
    """Pane opening on the bundled corpus and on a synthetic one, with the minimal app's tab switch."""
    baseline = statistics.median(asyncio.run(_baseline(rounds * 2))) * 1000
    bundled = asyncio.run(_reader(load_corpus(ROOT / "articles"), rounds, "place:iran"))
    synthetic = Corpus(ROOT / "articles", synthetic_articles(articles))
    large = asyncio.run(_reader(synthetic, rounds, "place:iran"))
    return {"baseline_tab_switch_ms": baseline, "bundled": bundled, "synthetic": large}


if __name__ == "__main__":
    import json
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(json.dumps(pane_figures(articles=count), indent=2))
