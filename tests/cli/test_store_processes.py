"""The store under real processes: kill -9 in the middle of saves and compactions, and two writers at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tui.core.annotations.store import AnnotationStore

ROOT = Path(__file__).resolve().parent.parent.parent

#: Saves annotations forever, printing each id once its save has returned; compacts now and then.
WRITER = """
import sys
import tui.core.store.storage as storage
from pathlib import Path
from tui.core.annotations.model import Annotation
from tui.core.annotations.store import AnnotationStore

storage.COMPACT_BYTES = 3000  # compact often, so kills land in compactions too
folder, label, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
text = "Pakistan and Iran agreed to raise bilateral trade to $10 billion. " * 4
store = AnnotationStore.open(folder)
for index in range(count):
    annotation = Annotation.create("a1", text, index % 50, index % 50 + 20, (label, f"t{index % 7}"), note=str(index))
    store.save(annotation)
    print(annotation.id, flush=True)
    if index % 15 == 14:
        store.close()
        store = AnnotationStore.open(folder)
store.close()
"""


def _writer(folder: Path, label: str, count: int) -> subprocess.Popen[str]:
    """Start a writer process."""
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), label, str(count)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_kill_9_never_loses_a_reported_save_nor_breaks_the_store(tmp_path: Path) -> None:
    rng = random.Random(20261122)
    deadline = time.monotonic() + 60
    trials = 0
    reported: set[str] = set()
    while trials < 25 and time.monotonic() < deadline:
        trials += 1
        process = _writer(tmp_path, "kill", 10_000)
        time.sleep(rng.uniform(0.25, 0.9))  # start-up is ~0.2 s; then it saves continuously
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate(timeout=30)
        reported.update(out.split())
        store = AnnotationStore.open(tmp_path)  # must open: never unreadable
        stored = {a.id for a in store.annotations()}
        store.close()
        assert reported <= stored, f"trial {trials}: {len(reported - stored)} reported saves lost"
        strays = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert strays == [], f"trial {trials}: stray temporary files {strays}"
    assert trials >= 10
    assert len(reported) > 100


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    count = 150
    first, second = _writer(tmp_path, "one", count), _writer(tmp_path, "two", count)
    outputs = [process.communicate(timeout=120) for process in (first, second)]
    for process, (_, err) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, err
    ids = set(outputs[0][0].split()) | set(outputs[1][0].split())
    assert len(ids) == 2 * count
    store = AnnotationStore.open(tmp_path)
    assert {a.id for a in store.annotations()} == ids
    counts = store.tag_counts()
    assert counts["one"] == counts["two"] == count
    assert sum(counts[f"t{i}"] for i in range(7)) == 2 * count
    store.close()


def test_a_second_process_sees_saves_without_reopening(tmp_path: Path) -> None:
    store = AnnotationStore.open(tmp_path)
    assert store.annotations() == []
    writer = _writer(tmp_path, "elsewhere", 5)
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert {a.id for a in store.annotations()} == set(out.split())
    store.close()


def test_store_files_are_private_to_the_workspace(tmp_path: Path) -> None:
    """Nothing but the snapshot, the journal and the lock file is left in the folder."""
    writer = _writer(tmp_path, "x", 40)
    writer.communicate(timeout=60)
    assert sorted(os.listdir(tmp_path)) == [".annotations.lock", "annotations.journal", "annotations.json"]
