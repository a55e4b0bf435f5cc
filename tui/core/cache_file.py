"""Writing a cache file: one JSON object whose entries are encoded and written one at a time.

A cache of a large corpus holds tens of megabytes; encoding it whole would keep a second copy
in memory while the app already holds the corpus and its indexes. The file is written beside
its final name and moved into place, so a reader never sees half of it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson


def write_entries(
    path: Path,
    head: dict[str, Any],
    entries: Iterable[tuple[str, Any]],
    tail: Callable[[], dict[str, Any]] | None = None,
) -> None:
    """Write ``{**head, "entries": {key: value, ...}, **tail()}`` to ``path`` atomically.

    ``entries`` is consumed as it is written; ``tail`` is asked for its fields after the last
    entry (what writing the entries worked out). ``OSError`` if the file cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(orjson.dumps(head)[:-1] + (b',"entries":{' if head else b'"entries":{'))
            separator = b""
            for key, value in entries:
                handle.write(separator + orjson.dumps(key) + b":" + orjson.dumps(value))
                separator = b","
            handle.write(b"}")
            fields = tail() if tail is not None else {}
            if fields:
                handle.write(b"," + orjson.dumps(fields)[1:])
            else:
                handle.write(b"}")
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
