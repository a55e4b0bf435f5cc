"""Worker processes for large corpora: both passes of the engine, shared out in chunks of texts.

Only a corpus of at least :data:`MIN_CHARS` characters (at present: none) on a machine with
more than one CPU is worth the start-up of the workers; smaller ones (the app's own start-up) stay in
the caller's process. Workers are *spawned*, never forked, because the caller may be a
thread of a running app. Each worker compiles the gazetteer's matcher once; pass 1 sends
back what each text has to discover, pass 2 the spans of each text (with the discovered
entities the caller registered in between), so the result equals the in-process one.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from itertools import repeat
from types import TracebackType

from tui.core.entities.matcher import Matcher, build_matcher
from tui.core.entities.passes import Found, candidates, scan, text_spans
from tui.core.entities.scanner import fold
from tui.core.entities.spans import Span
from tui.core.models import Entity

#: The corpus size (in characters) from which extraction uses worker processes. Off for now:
#: on two CPUs the workers measured slower than one process (each text is scanned in both
#: passes, and the caller still unpickles the spans and builds the mentions).
MIN_CHARS = sys.maxsize
#: About how many characters of text one task carries.
CHUNK_CHARS = 1_500_000

_main: Matcher | None = None
_extra: dict[tuple[Entity, ...], Matcher | None] = {}


def worth_it(texts: dict[str, str]) -> bool:
    """Whether a corpus is large enough, and the machine has the CPUs, for worker processes."""
    return (os.cpu_count() or 1) > 1 and sum(map(len, texts.values())) >= MIN_CHARS


class Workers:
    """A pool of spawned worker processes, each with the matcher of the given known entities."""

    def __init__(self, entities: list[Entity]) -> None:
        """Start the workers (at most one per CPU, at least two)."""
        context = multiprocessing.get_context("spawn")
        self._pool: Executor = ProcessPoolExecutor(
            max(2, os.cpu_count() or 1), mp_context=context, initializer=_start, initargs=(entities,)
        )
        self._guard = _main_not_rerun()

    def __enter__(self) -> Workers:
        """The workers, for a ``with`` block that stops them at its end."""
        self._guard.__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Stop the workers."""
        self._pool.shutdown(cancel_futures=True)
        self._guard.__exit__(None, None, None)

    def discover(self, texts: dict[str, str]) -> Iterator[Found]:
        """Pass 1: what each text has to discover, in the order of ``texts``."""
        for found in self._pool.map(_discover_chunk, _chunks(list(texts.values()))):
            yield from found

    def spans(self, discovered: list[Entity], texts: dict[str, str]) -> Iterator[list[Span]]:
        """Pass 2: the spans of each text, in the order of ``texts``."""
        chunks = _chunks(list(texts.values()))
        for spans in self._pool.map(_spans_chunk, repeat(tuple(discovered)), chunks):
            yield from spans


@contextmanager
def _main_not_rerun() -> Iterator[None]:
    """Keep spawned workers from running the caller's script again (it may lack a main guard).

    A worker re-imports the main module by path when that module has no ``__spec__`` (a script
    run as ``python script.py``); naming it ``__main__`` tells the worker to skip it. The
    workers need only this package, which they import by name.
    """
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None:
        yield
        return
    main.__spec__ = ModuleSpec("__main__", None)
    try:
        yield
    finally:
        main.__spec__ = None


def _chunks(texts: list[str]) -> list[list[str]]:
    """The texts in order, cut into chunks of about :data:`CHUNK_CHARS` characters."""
    chunks: list[list[str]] = [[]]
    size = 0
    for text in texts:
        if size >= CHUNK_CHARS:
            chunks.append([])
            size = 0
        chunks[-1].append(text)
        size += len(text)
    return chunks


def _start(entities: list[Entity]) -> None:
    """Worker start-up: compile the matcher of the known entities."""
    global _main
    _main = build_matcher(entities)


def _discover_chunk(texts: list[str]) -> list[Found]:
    """Pass 1 in a worker: the candidates of each text."""
    assert _main is not None
    return [candidates(text, scan(_main, text)[1]) for text in texts]


def _spans_chunk(discovered: tuple[Entity, ...], texts: list[str]) -> list[list[Span]]:
    """Pass 2 in a worker: the spans of each text, with the discovered entities matched too."""
    assert _main is not None
    if discovered not in _extra:
        _extra.clear()
        _extra[discovered] = build_matcher(list(discovered), anchors=False) if discovered else None
    extra = _extra[discovered]
    spans: list[list[Span]] = []
    for text in texts:
        folded = fold(text)
        spans.append(text_spans(_main, extra, text, scan(_main, text, folded), folded))
    return spans
