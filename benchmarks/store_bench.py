"""Annotation store figures: one durable save with 10,000 and 100,000 stored, and opening 100,000.

Each figure is set beside TinyDB's default JSON storage doing the same in the same run (the
issue's baseline: 66 ms and 939 ms per save, 365 ms to open, on the machine it was measured on).
"""

from __future__ import annotations

import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Document

from benchmarks.synthetic import sentences
from tui.core.annotations.model import Annotation
from tui.core.annotations.store import AnnotationStore


def _annotations(count: int) -> list[Annotation]:
    """``count`` realistic annotations: sentences of the bundled articles, tagged and noted."""
    pool = sentences()
    made = []
    for index in range(count):
        text = " ".join(pool[(index + k) % len(pool)] for k in range(3))
        start = len(pool[index % len(pool)]) + 1
        end = min(len(text), start + 60)
        tags = ("trade", "security", "diplomacy", "energy")[index % 4 :][:2]
        note = "a note" * (index % 2)
        made.append(Annotation.create(f"{index % 5:03d}_article", text, start, end, tags, note))
    return made


def _seconds(action: Callable[[], object]) -> float:
    """How long ``action`` takes, in seconds."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _open_ours(folder: Path) -> int:
    """Open this project's store and count its annotations (the store is closed and freed too)."""
    opened = AnnotationStore.open(folder)
    size = len(opened._annotations)
    opened.close()
    return size


def _prepare(ours: Path, theirs: Path, stored: list[Annotation]) -> TinyDB:
    """Both stores holding ``stored``: ours (snapshot and journal) and TinyDB's default JSON file."""
    store = AnnotationStore.open(ours)
    store.save(*stored)
    store.close()
    database = TinyDB(theirs / "default.json")
    database.storage.write({"annotations": {str(a.doc_id): a.as_json() for a in stored}})
    return database


def _measure(size: int, ours: Path, theirs: Path, pairs: int) -> dict[str, float]:
    """Saves and opens, ours and the default storage's, interleaved so both see the same load."""
    stored, extra = _annotations(size), iter(_annotations(4 * pairs + 4))
    database = _prepare(ours, theirs, stored)
    table = database.table("annotations")
    store = AnnotationStore.open(ours)
    save_ours, save_theirs, open_ours, open_theirs = [], [], [], []
    for _ in range(pairs):
        mine, default = next(extra), next(extra)
        save_ours.append(_seconds(lambda: store.save(mine)))  # noqa: B023  # called at once
        save_theirs.append(
            _seconds(lambda: table.insert(Document(default.as_json(), doc_id=default.doc_id)))  # noqa: B023
        )
    store.close()
    database.close()
    del stored
    gc.collect()
    for _ in range(pairs):
        open_ours.append(_seconds(lambda: _open_ours(ours)))
        open_theirs.append(_seconds(lambda: len(TinyDB(theirs / "default.json").table("annotations"))))
    return {
        "save_ms": statistics.median(save_ours) * 1000,
        "default_save_ms": statistics.median(save_theirs) * 1000,
        "save_ratio": statistics.median(o / t for o, t in zip(save_ours, save_theirs, strict=True)),
        "open_ms": statistics.median(open_ours) * 1000,
        "default_open_ms": statistics.median(open_theirs) * 1000,
        "open_ratio": statistics.median(o / t for o, t in zip(open_ours, open_theirs, strict=True)),
    }


def store_figures(sizes: tuple[int, ...] = (10_000, 100_000), pairs: int = 5) -> dict[str, dict[str, float]]:
    """Save and open times for each store size, ours beside TinyDB's default, in interleaved pairs."""
    results: dict[str, dict[str, float]] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as theirs:
            results[str(size)] = _measure(size, Path(ours), Path(theirs), pairs)
    return results
