"""The benchmark: start-up, extraction, the store, the panes and the large corpora, as ratios to
baselines measured in the same run.

Run from the repository root::

    .venv/bin/python benchmarks/bench.py            # a table
    .venv/bin/python benchmarks/bench.py --json     # the same figures as JSON

The machine is shared and noisy, so every figure is taken several times, interleaved with its
baseline, and the median is reported. Nothing here is a test: no figure fails a build.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.panes_bench import pane_figures
from benchmarks.store_bench import store_figures
from benchmarks.synthetic import synthetic_texts
from tui.core.entities import EntityEngine, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent

MINIMAL_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("hello")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(painted, self)

def painted(app):
    import time
    print("PAINTED", time.process_time(), flush=True)
    app.exit()

Minimal().run(headless=True, size=(120, 40))
"""

READER_APP = """
from tui.core.workspace import resolve_workspace
from tui.ui.app import ReaderApp
from tui.ui.launch import make_app

class FirstPaint(ReaderApp):
    def on_mount(self) -> None:
        self.call_after_refresh(painted, self)

def painted(app):
    import time
    print("PAINTED", time.process_time(), flush=True)
    app.exit()

make_app(resolve_workspace(), FirstPaint).run(headless=True, size=(120, 40))
"""


def _time_process(code: str, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds from spawning a Python process running an app to the app's first frame: wall and CPU.

    The app prints PAINTED and its CPU time from ``call_after_refresh`` in ``App.on_mount``,
    that is once its first screen has been composed and drawn; what it does after that
    (shutting down, the background work it started) is not start-up and is not timed. CPU
    time is the steadier figure on a shared machine: it leaves out waiting for a core.
    """
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, **(env or {})},
    ) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        painted = time.perf_counter() - started
        process.wait(timeout=120)
    word, _, cpu = line.partition(" ")
    if word != "PAINTED":
        raise RuntimeError(f"the app did not paint (exit status {process.returncode})")
    return painted, float(cpu)


def startup(rounds: int) -> dict[str, Any]:
    """Start-up to first paint, headless: the reader against a minimal Textual app, interleaved.

    The package is byte-compiled first, as ``pip install`` does for Textual and for an installed
    copy of this project: with PYTHONDONTWRITEBYTECODE set (as on this machine) every start
    would otherwise compile the project's modules from source while Textual's are cached.
    """
    compileall.compile_dir(str(ROOT / "tui"), quiet=1)
    _time_process(MINIMAL_APP), _time_process(READER_APP)  # warm the file cache
    minimal, reader = [], []
    for _ in range(rounds):
        minimal.append(_time_process(MINIMAL_APP))
        reader.append(_time_process(READER_APP))
    wall = [r[0] / m[0] for m, r in zip(minimal, reader, strict=True)]
    cpu = [r[1] / m[1] for m, r in zip(minimal, reader, strict=True)]
    return {
        "minimal_app_s": statistics.median(m[0] for m in minimal),
        "reader_s": statistics.median(r[0] for r in reader),
        "ratio": statistics.median(wall),
        "ratio_quartiles": statistics.quantiles(wall, n=4)[0:3:2],
        "minimal_app_cpu_s": statistics.median(m[1] for m in minimal),
        "reader_cpu_s": statistics.median(r[1] for r in reader),
        "cpu_ratio": statistics.median(cpu),
        "cpu_ratio_quartiles": statistics.quantiles(cpu, n=4)[0:3:2],
    }


def startup_instructions() -> dict[str, float] | None:
    """Instructions executed to the first paint, under callgrind: the reader's count over the
    minimal app's. Unlike time, the count is the same at every run on any machine load, so it
    shows a change of a fraction of a per cent; None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    compileall.compile_dir(str(ROOT / "tui"), quiet=1)  # as in startup()
    counts = {}
    for name, code in (("minimal", MINIMAL_APP), ("reader", READER_APP)):
        at_paint = code.replace("    app.exit()", "    import os\n    os._exit(0)")  # leave out the shutdown
        count = _instructions(valgrind, at_paint)
        if count is None:
            return None
        counts[name] = count
    return {
        "minimal_app_instructions": counts["minimal"],
        "reader_instructions": counts["reader"],
        "instructions_ratio": counts["reader"] / counts["minimal"],
    }


def _instructions(valgrind: str, code: str, *arguments: str) -> int | None:
    """Instructions executed by ``python -c code arguments`` in the repository, under callgrind,
    with a fixed hash seed (None if callgrind gave no count)."""
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [
                valgrind,
                "--tool=callgrind",
                f"--callgrind-out-file={folder}/out",
                sys.executable,
                "-c",
                code,
                *arguments,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=900,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
    found = re.search(r"Collected : (\d+)", done.stderr)
    return None if found is None else int(found.group(1))


def extraction(megabytes: int, rounds: int) -> dict[str, Any]:
    """Entity extraction throughput on a synthetic corpus, with a plain regex word scan as baseline."""
    texts = synthetic_texts(megabytes * 1_000_000)
    size = sum(len(t.encode("utf-8")) for t in texts.values())
    gazetteer = load_gazetteer(ROOT / "articles" / "entities.toml")
    words = re.compile(r"\w+")
    corpus_times, baseline_times, mentions = [], [], 0
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts.values():
            words.findall(text)
        baseline_times.append(time.perf_counter() - started)
        engine = EntityEngine(gazetteer)  # a fresh engine each round: nothing cached between rounds
        started = time.perf_counter()
        found = engine.extract_corpus(texts)
        corpus_times.append(time.perf_counter() - started)
        mentions = sum(len(v) for v in found.values())
    seconds, baseline = statistics.median(corpus_times), statistics.median(baseline_times)
    paired = sorted(t / b for t, b in zip(corpus_times, baseline_times, strict=True))
    return {
        "corpus_mb": size / 1e6,
        "articles": len(texts),
        "mentions": mentions,
        "extract_s": seconds,
        "extract_mb_per_s": size / 1e6 / seconds,
        "extract_mb_per_s_rounds": [size / 1e6 / t for t in corpus_times],
        "word_scan_mb_per_s": size / 1e6 / baseline,
        "ratio_to_word_scan": seconds / baseline,
        "ratio_rounds": paired,  # each round's extraction over the word scan just before it
        "ratio_median_of_rounds": statistics.median(paired),
        "instructions": extraction_instructions(),
    }


EXTRACTION_RUN = """
import gc, re, sys
from pathlib import Path
from benchmarks.synthetic import synthetic_texts
from tui.core.entities import EntityEngine, load_gazetteer, parallel
parallel.MIN_CHARS = 10**15  # one process: the helper's instructions are not counted
texts = synthetic_texts(int(sys.argv[1]))
engine = EntityEngine(load_gazetteer(Path("articles/entities.toml")))
engine.extract("Iran")  # the recogniser built: what follows is the run's own work
gc.collect()
gc.freeze()  # the collector's passes over the word scan's strings then skip the recogniser's objects
if sys.argv[2] == "extract":
    engine.extract_corpus(texts)
elif sys.argv[2] == "scan":
    words = re.compile(r"\\w+")
    for text in texts.values():
        words.findall(text)
"""


def extraction_instructions(size: int = 1_000_000) -> dict[str, float] | None:
    """Instructions executed by in-process extraction of ``size`` bytes of synthetic text and by a
    word scan of it, under callgrind, each less the same run doing neither; None without valgrind.

    As for start-up, the count is the same at every run whatever the load, so it shows a change
    of a per cent that the clock here, drifting twofold, cannot.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    counts = {}
    for part in ("neither", "extract", "scan"):
        count = _instructions(valgrind, EXTRACTION_RUN, str(size), part)
        if count is None:
            return None
        counts[part] = count
    extract, scan = counts["extract"] - counts["neither"], counts["scan"] - counts["neither"]
    return {
        "extract_instructions": extract,
        "word_scan_instructions": scan,
        "instructions_ratio": extract / scan,
    }


def main() -> None:
    """Run every benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--startup-rounds", type=int, default=31, help="paired start-up runs, reader and minimal (default 31)"
    )
    parser.add_argument("--rounds", type=int, default=7, help="rounds of the pane figures (default 7)")
    parser.add_argument("--megabytes", type=int, default=50, help="synthetic corpus size (default 50)")
    parser.add_argument(
        "--articles", type=int, default=10_000, help="synthetic corpus for the panes (default 10,000)"
    )
    parser.add_argument(
        "--sizes",
        default="1000,10000",
        help="synthetic workspaces for the large-corpus figures, comma-separated ('' to skip)",
    )
    args = parser.parse_args()
    from benchmarks.corpus_bench import corpus_figures  # it imports this module's baselines

    sizes = tuple(int(size) for size in args.sizes.split(",") if size.strip())
    results: dict[str, Any] = {
        "startup": {**startup(args.startup_rounds), "instructions": startup_instructions()},
        "extraction": extraction(args.megabytes, rounds=5),
        "store": store_figures(),
        "panes": pane_figures(rounds=args.rounds, articles=args.articles),
        "corpus": corpus_figures(sizes) if sizes else {},
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    s, e = results["startup"], results["extraction"]
    print("| measure | figure | target |")
    print("| --- | --- | --- |")
    print(f"| start-up to first paint, minimal Textual app | {s['minimal_app_s'] * 1000:.0f} ms | baseline |")
    print(f"| start-up to first paint, iranpak-reader (5 articles) | {s['reader_s'] * 1000:.0f} ms | |")
    low, high = s["ratio_quartiles"]
    label = f"start-up ratio (median of paired runs; quartiles {low:.2f}–{high:.2f})"
    print(f"| {label} | {s['ratio']:.2f} | ≤ 1.3 |")
    low, high = s["cpu_ratio_quartiles"]
    label = f"start-up ratio in CPU time, leaving out waits for a core (quartiles {low:.2f}–{high:.2f})"
    print(f"| {label} | {s['cpu_ratio']:.2f} | |")
    if s["instructions"] is not None:
        i = s["instructions"]
        label = (
            f"start-up ratio in instructions executed (callgrind: {i['reader_instructions'] / 1e6:,.0f} M "
            f"/ {i['minimal_app_instructions'] / 1e6:,.0f} M; the same at every run)"
        )
        print(f"| {label} | {i['instructions_ratio']:.3f} | |")
    rounds = ", ".join(f"{r:.1f}" for r in e["extract_mb_per_s_rounds"])
    print(
        f"| entity extraction, {e['corpus_mb']:.0f} MB synthetic corpus ({e['articles']:,} articles, "
        f"{e['mentions']:,} mentions; rounds {rounds}) | {e['extract_mb_per_s']:.1f} MB/s | ≥ 20 MB/s |"
    )
    print(f"| baseline: regex word scan of the same corpus | {e['word_scan_mb_per_s']:.1f} MB/s | baseline |")
    rounds = ", ".join(f"{r:.2f}" for r in e["ratio_rounds"])
    label = f"extraction time / word-scan time (median of rounds; rounds {rounds})"
    print(f"| {label} | {e['ratio_median_of_rounds']:.2f} | ≤ 1.0 |")
    if e["instructions"] is not None:
        i = e["instructions"]
        counts = f"{i['extract_instructions'] / 1e6:,.0f} M / {i['word_scan_instructions'] / 1e6:,.0f} M"
        print(
            f"| the same in instructions, 1 MB in one process ({counts}) | {i['instructions_ratio']:.3f} | |"
        )
    _print_store(results["store"])
    _print_panes(results["panes"])
    if results["corpus"]:
        _print_corpus(results["corpus"])


def _print_store(store: dict[str, dict[str, float]]) -> None:
    """The store rows: ours, TinyDB's default storage, and the ratio, per size."""
    targets = {"10000": ("≤ 10 ms", "ratio ≤ 0.15"), "100000": ("≤ 50 ms", "ratio ≤ 0.053")}
    for size, figures in store.items():
        ratio = figures["save_ratio"]
        label = f"save one annotation, {int(size):,} stored (fsync'd)"
        print(
            f"| {label} | {figures['save_ms']:.1f} ms (default storage {figures['default_save_ms']:.0f} ms; "
            f"ratio {ratio:.4f}) | {targets[size][0]}, {targets[size][1]} |"
        )
    big = store["100000"]
    ratio = big["open_ratio"]
    print(
        f"| open a store of 100,000 | {big['open_ms']:.0f} ms "
        f"(default storage {big['default_open_ms']:.0f} ms; ratio {ratio:.2f}) | ≤ 200 ms, ratio ≤ 0.55 |"
    )


def _print_panes(panes: dict[str, Any]) -> None:
    """The pane rows: each pane opened on the bundled and the synthetic corpus, against a tab switch."""
    base = panes["baseline_tab_switch_ms"]
    print(f"| switch tabs in a minimal Textual app (pane figures' baseline) | {base:.0f} ms | baseline |")
    bundled, large = panes["bundled"], panes["synthetic"]
    label = f"{large['articles']:,} articles"
    print(f"| first build of the indexes in the app, {label} (entities, timeline, xref) | "
          f"{large['first_build_s']:.1f} s | |")  # fmt: skip
    for key, what in (
        ("timeline", "open the Timeline pane (L)"),
        ("timeline_entity", "filter the timeline by an entity (f, Iran)"),
        ("xref", "open the Xref pane (X)"),
        ("xref_entity", "follow an entity in the Xref pane (Iran, named in every article)"),
    ):
        small, big = bundled[f"{key}_ms"], large[f"{key}_ms"]
        print(
            f"| {what} | {small:.0f} ms (5 articles), {big:.0f} ms ({label}); "
            f"{small / base:.1f}× and {big / base:.1f}× the tab switch | ≤ 100 ms |"
        )


def _build_cell(build: dict[str, float]) -> str:
    """The first build's figure: its rate, its two stages, and the cache writing after it."""
    return (
        f"{build['mb_per_s']:.1f} MB/s ({build['extraction_s']:.1f} s + {build['index_s']:.1f} s; "
        f"caches then written in {build['caches_written_s']:.1f} s)"
    )


def _print_corpus(corpus: dict[str, dict[str, Any]]) -> None:
    """The large-corpus table: one column per synthetic workspace."""
    sizes = list(corpus)
    print()
    print("| measure | " + " | ".join(f"{int(size):,} articles" for size in sizes) + " | target |")
    print("| --- | " + " | ".join("---" for _ in sizes) + " | --- |")

    def row(label: str, cells: list[str], target: str) -> None:
        print(f"| {label} | " + " | ".join(cells) + f" | {target} |")

    figures = [corpus[size] for size in sizes]
    row("workspace size", [f"{f['first_build']['megabytes']:.1f} MB" for f in figures], "")
    row(
        "start-up to first paint, caches warm, ÷ the minimal app (median of paired runs)",
        [f"{f['startup']['ratio']:.2f} ({f['startup']['reader_s'] * 1000:.0f} ms)" for f in figures],
        "≤ 1.5 at 10,000",
    )
    row(
        "first full build (entities, timeline, cross-references) through empty caches",
        [_build_cell(f["first_build"]) for f in figures],
        "≥ 10 MB/s",
    )
    row(
        "corpus-wide search, median of six queries, with the word index / scanning every article",
        [f"{f['search']['with_index_ms']:.0f} ms / {f['search']['scan_ms']:.0f} ms" for f in figures],
        "≤ 100 ms",
    )
    row("open the longest article (10,000 words)", [f"{f['open_long_article_ms']:.0f} ms" for f in figures],
        "≤ 100 ms")  # fmt: skip
    row(
        "peak memory of the app once everything is built, caches cold / warm",
        [f"{f['peak_mb_cold']:.0f} / {f['peak_mb_warm']:.0f} MB" for f in figures],
        "≤ 400 MB at 10,000",
    )


if __name__ == "__main__":
    main()
