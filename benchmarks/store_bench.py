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


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    """The median time of ``action`` in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _default_tinydb(folder: Path, stored: list[Annotation], extra: list[Annotation]) -> tuple[float, float]:
    """TinyDB's JSON storage: ms per save (insert) and ms to open (first read of the table)."""
    path = folder / "default.json"
    database = TinyDB(path)
    database.storage.write({"annotations": {str(a.doc_id): a.as_json() for a in stored}})
    table = database.table("annotations")
    queue = iter(extra)

    def insert() -> int:
        annotation = next(queue)
        return int(table.insert(Document(annotation.as_json(), doc_id=annotation.doc_id)))

    save = _median_ms(insert, 3)
    database.close()
    gc.collect()
    open_ms = _median_ms(lambda: len(TinyDB(path).table("annotations")), 3)
    return save, open_ms


def _journalled(folder: Path, stored: list[Annotation], extra: list[Annotation]) -> tuple[float, float]:
    """This project's store: ms per durable save and ms to open."""
    store = AnnotationStore.open(folder)
    store.save(*stored)
    store.close()
    store = AnnotationStore.open(folder)
    queue = iter(extra)
    save = _median_ms(lambda: store.save(next(queue)), 15)
    store.close()
    gc.collect()

    def open_store() -> int:
        opened = AnnotationStore.open(folder)
        size = len(opened._annotations)
        opened.close()
        return size

    open_ms = _median_ms(open_store, 5)
    return save, open_ms


def store_figures(sizes: tuple[int, ...] = (10_000, 100_000)) -> dict[str, dict[str, float]]:
    """Save and open times for each store size, ours and TinyDB's default, in milliseconds."""
    results: dict[str, dict[str, float]] = {}
    for size in sizes:
        stored, extra = _annotations(size), _annotations(40)
        with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as theirs:
            save, open_ms = _journalled(Path(ours), stored, extra)
            base_save, base_open = _default_tinydb(Path(theirs), stored, extra)
        results[str(size)] = {
            "save_ms": save,
            "open_ms": open_ms,
            "default_save_ms": base_save,
            "default_open_ms": base_open,
        }
    return results
