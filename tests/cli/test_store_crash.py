"""Each user-level change is one commit: killed at any fsync, the store is exactly before or exactly after.

A tiny wrapper (run with ``python -c``) replaces ``os.fsync`` with a SIGKILL of its own process at
its Nth call, then runs the real command line (or an undo and a redo through the core API). For
every N the operation reaches, the store is then opened and compared with its state before the
operation and after it ran to the end: it must be one or the other, never a mix (annotations
renamed with the old tag still in the codebook, an import's tags without its annotations).
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tui.core.annotations.exporting import export_bytes
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus

ROOT = Path(__file__).resolve().parent.parent.parent
ARTICLE = "003_ae4195037769579a"

#: argv: N, then "cli" and the command line's arguments, or "undo" and the annotations folder.
WRAPPER = """
import os, signal, sys
limit, mode, rest = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
calls = 0
real_fsync = os.fsync

def fsync(descriptor):
    global calls
    calls += 1
    if calls == limit:
        os.kill(os.getpid(), signal.SIGKILL)
    real_fsync(descriptor)

os.fsync = fsync
if mode == "cli":
    from tui.cli.main import main
    sys.exit(main(rest))
from pathlib import Path
from tui.core.annotations.history import History
from tui.core.annotations.store import AnnotationStore
store = AnnotationStore.open(Path(rest[0]))
history = History()
history.record("merge", store.merge_tags(["people", "places"], "security"))
history.undo(store)
history.redo(store)
"""


def _run(limit: int, *args: str) -> int:
    """Run the wrapper, killed at fsync number ``limit`` (0: never); its exit status."""
    environment = {k: v for k, v in os.environ.items() if k != "IRANPAK_WORKSPACE"}
    completed = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(limit), *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode in (0, -signal.SIGKILL), completed.stderr
    return completed.returncode


def _state(folder: Path) -> tuple[Any, ...]:
    """What the store holds, without the times and ids a run makes afresh."""
    store = AnnotationStore.open(folder)
    try:
        annotations = sorted(
            (a.article, a.start, a.end, a.quote, tuple(sorted(a.tags)), a.note) for a in store.annotations()
        )
        tags = sorted((t.name, t.colour, t.description) for t in store.tags())
    finally:
        store.close()
    return tuple(annotations), tuple(tags)


def _workspace(folder: Path, corpus: Corpus) -> Path:
    """A workspace with the bundled articles and a store of three annotations and a described codebook."""
    shutil.copytree(ROOT / "articles", folder / "articles")
    store = AnnotationStore.open(folder / "annotations")
    article = corpus.find(ARTICLE)
    assert article is not None
    for quote, tags in (
        ("Larijani", ("people", "security")),
        ("Tehran", ("places",)),
        ("Pakistan", ("people",)),
    ):
        start = article.text.index(quote)
        store.save(Annotation.create(ARTICLE, article.text, start, start + len(quote), tags, "a note"))
    store.save_tag(Tag("people", "#112233", "who is who"))
    store.save_tag(Tag("places", "#445566", "where"))
    store.close()
    return folder


def _native_export(folder: Path, corpus: Corpus) -> Path:
    """A native export of four annotations with two tags the workspace does not have."""
    store = AnnotationStore.in_memory()
    article = corpus.find(ARTICLE)
    assert article is not None
    for quote in ("Mohsin Naqvi", "strategic partnership", "Supreme National Security Council", "Islamabad"):
        start = article.text.index(quote)
        store.save(
            Annotation.create(ARTICLE, article.text, start, start + len(quote), ("imported", "second"))
        )
    store.save_tag(Tag("imported", "#98c379", "from elsewhere"))
    data, _ = export_bytes("native", store, {article.id: article})
    path = folder / "export.json"
    path.write_bytes(data)
    return path


OPERATIONS = {
    "tag with a new tag": shlex.split('tag 003 --quote "Mohsin Naqvi" --occurrence 1 --tag brand-new'),
    "rename": ["tags", "--rename", "people", "actors"],
    "merge": ["tags", "--merge", "people", "places", "--into", "framing"],
    "delete a tag": ["tags", "--delete", "people"],
    "import": ["import", "{export}"],
    "undo and redo": [],
    "first save of a new store": shlex.split('tag 003 --quote "Tehran" --occurrence 1 --tag first'),
}


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_a_kill_at_any_fsync_leaves_all_or_nothing(operation: str, tmp_path: Path, corpus: Corpus) -> None:
    template = _workspace(tmp_path / "template", corpus)
    if operation == "first save of a new store":
        shutil.rmtree(template / "annotations")
    export = _native_export(tmp_path, corpus)

    def attempt(limit: int, name: str) -> tuple[int, Path]:
        """Run the operation on a fresh copy of the workspace, killed at fsync ``limit``."""
        workspace = tmp_path / name
        shutil.copytree(template, workspace)
        if operation == "undo and redo":
            return _run(limit, "undo", str(workspace / "annotations")), workspace
        args = [arg.replace("{export}", str(export)) for arg in OPERATIONS[operation]]
        return _run(limit, "cli", "--workspace", str(workspace), *args), workspace

    before = _state(template / "annotations")
    code, finished = attempt(0, "finished")
    assert code == 0
    after = _state(finished / "annotations")
    assert after != before
    kills = 0
    for limit in range(1, 20):
        code, workspace = attempt(limit, f"killed-{limit}")
        if code == 0:
            break  # the operation does fewer fsyncs than this
        kills += 1
        assert _state(workspace / "annotations") in (before, after), f"half done when killed at fsync {limit}"
    assert kills >= 1
