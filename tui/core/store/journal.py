"""The journal's line format: one checksummed JSON record a line.

A line is ``<crc32 of the JSON, 8 hex digits> <JSON>\\n``; a save is its lines followed by a
commit line. Lines after the last commit line (the process was killed while appending: no
newline, a failing checksum, or no commit line yet) are a torn tail: that save was never
reported done, so it is dropped whole. A bad line followed by good ones is corruption, and
the store refuses to guess.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

import orjson


class JournalCorrupt(Exception):
    """A journal line in the middle of the file is damaged (its offset is in the message)."""


def encode(record: dict[str, Any]) -> bytes:
    """One journal line for ``record``."""
    body = orjson.dumps(record)
    return b"%08x %s\n" % (zlib.crc32(body), body)


@dataclass(slots=True)
class Decoded:
    """The records of a run of complete, valid lines and the offset just after the last of them."""

    records: list[dict[str, Any]]
    end: int


def encode_commit(records: list[dict[str, Any]]) -> bytes:
    """The lines of one save: its records, then a line ``{"commit": n}`` that makes them count."""
    return b"".join(encode(record) for record in records) + encode({"commit": len(records)})


def decode(data: bytes, base: int = 0) -> Decoded:
    """The records of the complete saves in ``data`` (read from file offset ``base``).

    A save counts once its commit line is there: the records of a save cut short by a crash
    are dropped together, so a save of many documents is all or nothing. ``end`` is the
    offset just after the last commit line.
    """
    records: list[dict[str, Any]] = []
    pending: list[dict[str, Any]] = []
    position = end = 0
    bad_at: int | None = None
    while True:
        newline = data.find(b"\n", position)
        if newline < 0:
            break  # no newline: a torn tail, or nothing left
        record = _parse(data[position:newline])
        if record is None:
            if bad_at is None:
                bad_at = position
        elif bad_at is not None:
            raise JournalCorrupt(f"damaged line at byte {base + bad_at}")
        elif "commit" in record:
            records += pending
            pending = []
            end = newline + 1
        else:
            pending.append(record)
        position = newline + 1
    return Decoded(records, base + end)


def decode_header(data: bytes) -> dict[str, Any] | None:
    """The header record on the first line of a journal, or None if it is damaged."""
    newline = data.find(b"\n")
    return _parse(data[:newline]) if newline >= 0 else None


def _parse(line: bytes) -> dict[str, Any] | None:
    """The record of one line, or None if the line is damaged."""
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        record = orjson.loads(body)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None
