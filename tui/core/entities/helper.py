"""The helper process's side of a shared extraction (see :mod:`.parallel`).

Messages in, one frame each: ``("start", entities)`` first (compile the matcher), then
``("scan", chunk, texts)`` any number of times (pass 1; the helper keeps what pass 2 needs and
replies ``("found", chunk, found)``), then ``("finish", discovered)`` (pass 2 of every chunk
it scanned, in order, each replied as ``("mentions", chunk, spans)``, the spans of each text),
then ``("finish-these", chunk, texts, scans)`` any number of times (pass 2 of a chunk the
caller scanned, from its pass-1 scans; replied the same way). Texts come as UTF-8 bytes. The end
of its input stops it. The caller, which has the texts, turns the spans into mentions; one
pickle per chunk: records shared between spans are sent once.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys

from tui.core.entities.channel import read_frame, write_frame
from tui.core.entities.matcher import Matcher, build_matcher
from tui.core.entities.passes import State, first_pass, second_pass


def main() -> None:
    """Serve one shared extraction on stdin and stdout (stdout is kept for the frames only)."""
    gc.disable()
    source = sys.stdin.buffer
    sink = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    main_matcher: Matcher | None = None
    extra: Matcher | None = None
    kept: dict[int, tuple[list[str], list[State]]] = {}
    while (data := read_frame(source)) is not None:
        message = pickle.loads(data)
        if message[0] == "start":
            main_matcher = build_matcher(message[1])
        elif message[0] == "scan":
            assert main_matcher is not None
            _, chunk, encoded = message
            texts = _decoded(encoded)
            states, found = first_pass(main_matcher, texts)
            kept[chunk] = (texts, states)
            write_frame(sink, ("found", chunk, found))
        elif message[0] == "finish":
            assert main_matcher is not None
            discovered = message[1]
            extra = build_matcher(discovered, anchors=False) if discovered else None
            for chunk in list(kept):
                texts, states = kept.pop(chunk)
                write_frame(sink, ("mentions", chunk, second_pass(main_matcher, extra, texts, states)))
        elif message[0] == "finish-these":
            assert main_matcher is not None
            _, chunk, encoded, scans = message
            texts = _decoded(encoded)
            write_frame(sink, ("mentions", chunk, second_pass(main_matcher, extra, texts, scans)))
    sink.flush()
    os._exit(0)  # nothing to clean up: skip freeing every object one by one


def _decoded(encoded: list[bytes]) -> list[str]:
    """Texts sent as UTF-8 (see :meth:`.parallel._Shared._encoded`)."""
    return [text.decode("utf-8", "surrogatepass") for text in encoded]
