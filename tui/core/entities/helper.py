"""The helper process's side of a shared extraction (see :mod:`.parallel`).

Messages in, one frame each: ``("start", entities)`` first (compile the matcher), then
``("scan", chunk, texts)`` any number of times (pass 1; the helper keeps what pass 2 needs and
replies ``("found", chunk, found)``), then ``("finish", discovered)`` (pass 2 of every chunk
it scanned, in order, each replied as ``("mentions", chunk, rows)``). The end of its input
stops it. A row is a mention as a plain tuple, one pickle per chunk: records shared between
mentions are sent once.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys

from tui.core.entities.channel import read_frame, write_frame
from tui.core.entities.matcher import Matcher, build_matcher
from tui.core.entities.passes import State, first_pass, second_pass
from tui.core.entities.spans import Span

#: A mention as sent: ``(start, end, text, type, entity_id, canonical, value, unit)``.
Row = tuple[object, ...]


def main() -> None:
    """Serve one shared extraction on stdin and stdout (stdout is kept for the frames only)."""
    gc.disable()
    source = sys.stdin.buffer
    sink = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    main_matcher: Matcher | None = None
    kept: dict[int, tuple[list[str], list[State]]] = {}
    while (data := read_frame(source)) is not None:
        message = pickle.loads(data)
        if message[0] == "start":
            main_matcher = build_matcher(message[1])
        elif message[0] == "scan":
            assert main_matcher is not None
            _, chunk, texts = message
            states, found = first_pass(main_matcher, texts)
            kept[chunk] = (texts, states)
            write_frame(sink, ("found", chunk, found))
        elif message[0] == "finish":
            assert main_matcher is not None
            discovered = message[1]
            extra = build_matcher(discovered, anchors=False) if discovered else None
            for chunk in list(kept):
                texts, states = kept.pop(chunk)
                spans = second_pass(main_matcher, extra, texts, states)
                replies = [rows(text, s) for text, s in zip(texts, spans, strict=True)]
                write_frame(sink, ("mentions", chunk, replies))
    sink.flush()
    os._exit(0)  # nothing to clean up: skip freeing every object one by one


def rows(text: str, spans: list[Span]) -> list[Row]:
    """The mentions of the spans as plain tuples, for :func:`.passes.build_mentions`' named ones."""
    return [(start, end, text[start:end]) + record for start, end, record in spans]  # noqa: RUF005
