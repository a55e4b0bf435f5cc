"""Writing a cache file atomically; a large one as a JSON object whose entries are encoded and
written one at a time.

A cache of a large corpus holds tens of megabytes; encoding it whole would keep a second copy
in memory while the app already holds the corpus and its indexes. The file is written beside
its final name and moved into place, so a reader never sees half of it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[IO[bytes]]:
    """A file to write that takes ``path``'s place once written whole (``OSError`` if it cannot be).

    Not fsync'd, unlike the annotation store's files: a cache lost to a crash is only rebuilt.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def write_entries(
    path: Path,
    head: dict[str, Any],
    entries: Iterable[tuple[str, Any]],
    tail: Callable[[], dict[str, Any]] | None = None,
    superseded: str | None = None,
) -> None:
    """Write ``{**head, "entries": {key: value, ...}, **tail()}`` to ``path`` atomically.

    ``entries`` is consumed as it is written; ``tail`` is asked for its fields after the last
    entry (what writing the entries worked out). Then the files of the folder matching the glob
    ``superseded`` (the same cache made by other code) are deleted. ``OSError`` if the file
    cannot be written.
    """
    import orjson  # here: the catalogue imports this module before the app's first frame

    with replacing(path) as handle:
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
    for other in path.parent.glob(superseded) if superseded else ():
        if other != path:
            other.unlink(missing_ok=True)
