"""Staying fast as the corpus grows: synthetic workspaces of 1,000 and 10,000 articles on disk.

Figures, each for both sizes:

- start-up to first paint with the caches warm, against the minimal Textual app (interleaved);
- the first full build (extraction, timeline, cross-references, through empty caches) in MB/s of
  article text;
- corpus-wide search: the median over a few queries, with the word index and without it; the
  word index built, and read back from the cache folder;
- opening the corpus's longest article (10,000 words) in the app, to the frame that shows it;
- the time from spawning the app to every pane ready (its background work done: the mentions,
  the indexes, the word index, the side panes mounted), caches cold and warm;
- the app's peak memory (VmHWM) by then, caches cold and warm.

``benchmarks/bench.py`` prints them as a table after its own; ``python -m benchmarks.corpus_bench``
prints them alone, as JSON. The workspaces are written under ``/tmp`` once.
"""

from __future__ import annotations

import asyncio
import compileall
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench import MINIMAL_APP, _time_process
from benchmarks.panes_bench import SIZE, TimedReader, _time
from benchmarks.synthetic import write_corpus
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import load_corpus
from tui.core.corpus_index import CorpusIndex
from tui.core.corpus_search import WordIndex, search
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.entities.cache import workspace_cache
from tui.core.mentions import corpus_mentions
from tui.core.timeline.event_cache import workspace_event_cache
from tui.core.word_cache import cached_word_index

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ("Larijani", "border markets", "mohsin naqvi", "$10 billion", "zebra crossing", "Qal")

READER_UNTIL_BUILT = """
import sys, time
from tui.core.workspace import resolve_workspace
from tui.ui.app import ReaderApp
from tui.ui.launch import make_app

class Built(ReaderApp):
    def on_mount(self) -> None:
        self.set_interval(0.05, self.check)

    def check(self) -> None:
        # every pane ready: the side panes mounted, the mentions found, the indexes and the search
        # pane's word index built, and no worker still running
        screen = self.screen
        search = screen.query("#search-pane")
        if (
            not search
            or getattr(screen, "index", None) is None
            or search.first().words is None
            or any(w.is_running or w.state.name == "PENDING" for w in self.workers)
        ):
            return
        print("READY", time.time(), flush=True)
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM"):
                print("PEAK", int(line.split()[1]) // 1024, flush=True)
        self.exit()

make_app(resolve_workspace(), Built).run(headless=True, size=(120, 40))
"""


def workspace(count: int) -> Path:
    """The synthetic workspace of ``count`` articles (written once)."""
    return write_corpus(Path(tempfile.gettempdir()) / f"iranpak-bench-{count}", count)


def startup(folder: Path, cache: Path, rounds: int) -> dict[str, float]:
    """First paint of the app on a workspace with warm caches, against the minimal app (the package
    byte-compiled first, as in :func:`benchmarks.bench.startup`)."""
    from benchmarks.bench import READER_APP

    compileall.compile_dir(str(ROOT / "tui"), quiet=1)
    env = {"IRANPAK_WORKSPACE": str(folder), "IRANPAK_CACHE": str(cache)}
    _time_process(READER_APP, env)
    pairs = [(_time_process(MINIMAL_APP), _time_process(READER_APP, env)) for _ in range(rounds)]
    ratios = [reader[0] / minimal[0] for minimal, reader in pairs]
    return {
        "minimal_s": statistics.median(m[0] for m, _ in pairs),
        "reader_s": statistics.median(r[0] for _, r in pairs),
        "ratio": statistics.median(ratios),
    }


def first_build(folder: Path) -> dict[str, float]:
    """Extraction and indexes from nothing, in this process, as the app does them: through empty
    caches, which are written afterwards (timed apart). MB/s of article text."""
    corpus = load_corpus(folder / "articles")
    size = sum(len(a.text.encode("utf-8")) for a in corpus.articles) / 1e6
    gazetteer = load_gazetteer(folder / "articles" / "entities.toml")
    engine = EntityEngine(gazetteer)
    with tempfile.TemporaryDirectory() as cache_folder:
        mentions_cache = workspace_cache(Path(cache_folder), gazetteer)
        events_cache = workspace_event_cache(Path(cache_folder))
        gc.collect()
        started = time.perf_counter()
        mentions, _ = corpus_mentions(corpus.articles, engine, mentions_cache)
        extracted = time.perf_counter()
        CorpusIndex.build(corpus.articles, mentions, events_cache)
        built = time.perf_counter()
        events_cache.save()
        mentions_cache.save()
        saved = time.perf_counter()
    return {
        "megabytes": size,
        "extraction_s": extracted - started,
        "index_s": built - extracted,
        "mb_per_s": size / (built - started),
        "caches_written_s": saved - built,
    }


def searching(folder: Path) -> dict[str, float]:
    """Corpus-wide search: the median time over :data:`QUERIES`, with and without the word index."""
    articles = load_corpus(folder / "articles").articles
    started = time.perf_counter()
    words = WordIndex(articles)
    indexing = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as cache:
        cached_word_index(Path(cache), articles)  # written, as the app's first run does
        started = time.perf_counter()
        cached_word_index(Path(cache), articles)  # read back, as the next run does
        reading = time.perf_counter() - started

    def median_ms(index: WordIndex | None) -> float:
        times = []
        for query in QUERIES:
            begun = time.perf_counter()
            search(articles, query, index)
            times.append(time.perf_counter() - begun)
        return statistics.median(times) * 1000

    return {
        "word_index_s": indexing,
        "word_index_read_s": reading,
        "with_index_ms": median_ms(words),
        "scan_ms": median_ms(None),
    }


def until_ready(folder: Path, cache: Path, timeout: float = 600) -> dict[str, float]:
    """Run the app until every pane is ready (its background work done), with the given cache
    folder: the seconds from spawning the process to then, and its peak resident memory (MB);
    both NaN if it is not ready within ``timeout`` seconds."""
    env = {**os.environ, "IRANPAK_WORKSPACE": str(folder), "IRANPAK_CACHE": str(cache)}
    started = time.time()  # wall clock: the child reports its own, on the same machine
    try:
        result = subprocess.run(
            [sys.executable, "-c", READER_UNTIL_BUILT],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:  # not ready in time: the figures say so, the others still run
        return {"ready_s": float("nan"), "peak_mb": float("nan")}
    lines = dict(x.split(None, 1) for x in result.stdout.splitlines() if x.startswith(("READY", "PEAK")))
    ready = float(lines["READY"]) - started if "READY" in lines else float("nan")
    return {"ready_s": ready, "peak_mb": float(lines.get("PEAK", "nan"))}


async def open_longest(folder: Path, rounds: int) -> float:
    """Opening the longest article (10,000 words) in the app, to the frame that shows it: median ms."""
    corpus = load_corpus(folder / "articles")
    longest = max(corpus.articles, key=lambda a: len(a.text))
    other = corpus.articles[0]
    engine = EntityEngine(load_gazetteer(folder / "articles" / "entities.toml"))
    app = TimedReader(corpus, engine, [], AnnotationStore.in_memory())
    times = []
    async with app.run_test(size=SIZE) as pilot:
        while getattr(app.screen, "index", None) is None:
            await asyncio.sleep(0.05)
        screen: Any = app.screen
        view = app.query_one("#article-view")
        for _ in range(rounds):
            screen.select_article(other.id)
            await pilot.pause()

            async def open_it() -> None:
                screen.select_article(longest.id)

            times.append(await _time(pilot, app.frames, view, open_it))
    return statistics.median(times) * 1000


def corpus_figures(sizes: tuple[int, ...] = (1_000, 10_000), rounds: int = 5) -> dict[str, Any]:
    """Every figure for every size."""
    figures: dict[str, Any] = {}
    for count in sizes:
        folder = workspace(count)
        with tempfile.TemporaryDirectory() as cache:
            figure: dict[str, Any] = {"first_build": first_build(folder), "search": searching(folder)}
            cold = until_ready(folder, Path(cache))
            warm = until_ready(folder, Path(cache))  # the first run filled the caches
            figure["peak_mb_cold"], figure["peak_mb_warm"] = cold["peak_mb"], warm["peak_mb"]
            figure["ready_s_cold"], figure["ready_s_warm"] = cold["ready_s"], warm["ready_s"]
            figure["startup"] = startup(folder, Path(cache), rounds)
            figure["open_long_article_ms"] = asyncio.run(open_longest(folder, rounds))
        figures[str(count)] = figure
    return figures


if __name__ == "__main__":
    print(json.dumps(corpus_figures(), indent=2))
