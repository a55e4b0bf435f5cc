"""Every article's mentions kept on disk, keyed by the article's text, so a corpus is read once.

One file per engine state (the recogniser's code and the known entities, see
:func:`engine_fingerprint`) in the cache folder. Each entry is keyed by the SHA-256 of a text
and holds what the text has to discover (pass 1's candidates), the fingerprint of the entities
discovered across the corpus when it was extracted, and its mentions as ``(start, end, record)``
numbers into a shared table of records; the mentions' text is the article's own. An entry is
used only while its text is unchanged and the corpus discovers the same entities. A file that
cannot be read, or does not check out (wrong format, version or engine, a span outside its
text, an unknown record), is ignored and rebuilt: the cache is never trusted over the text.
"""

from __future__ import annotations

import base64
import binascii
import gc
import hashlib
import sys
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from pathlib import Path
from sys import intern
from typing import Any

import orjson

from tui.core.cache_file import write_entries
from tui.core.entities.gazetteer import Gazetteer
from tui.core.entities.passes import Found
from tui.core.entities.spans import Record, offsets
from tui.core.models import Entity, EntityType, Mention

FORMAT = "iranpak-reader mentions"
VERSION = 2
#: Spans are stored as base64 of little-endian 32-bit integers: no Python number per span is made
#: when the file is read, which on a large corpus is most of the time and memory of reading it.
_SPAN_TYPE = "i"
_START, _END = itemgetter(0), itemgetter(1)
_NOTHING: array[int] = array(_SPAN_TYPE)
_CORE = Path(__file__).resolve().parents[1]
#: What the mentions depend on besides the known entities: the recogniser's code (its calendars
#: included), the name and place lists it reads, and the models.
_SOURCES = ("entities/*.py", "entities/*.txt", "entities/*.tsv", "models.py")


def text_hash(text: str) -> str:
    """The key of a text's entry."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def engine_fingerprint(gazetteer: Gazetteer) -> str:
    """What the mentions depend on besides the texts: the recogniser's code and the known entities."""
    digest = hashlib.sha256()
    for pattern in _SOURCES:
        for source in sorted(_CORE.glob(pattern)):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    for entity in gazetteer.entities:
        digest.update(repr((entity.id, entity.name, str(entity.type), entity.aliases)).encode())
    return digest.hexdigest()[:24]


def discovered_fingerprint(entities: list[Entity]) -> str:
    """What the corpus discovered (people introduced by a title, acronym definitions), as one key."""
    rows = sorted(repr((e.id, e.name, str(e.type), e.aliases)) for e in entities)
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:24]


@dataclass
class Entry:
    """One text's cached extraction."""

    found: Found
    discovered: str
    spans: Sequence[int]  # start, end, record number, for each mention


class MentionCache:
    """The cached extraction of the texts of one engine state, loaded from and saved to a file."""

    def __init__(self, folder: Path | None, engine: str) -> None:
        """A cache in ``folder`` (None: in memory only) for the engine fingerprint ``engine``."""
        self.path = folder / f"mentions-{engine}.json" if folder is not None else None
        self.engine = engine
        self.entries: dict[str, Entry] = {}
        self.records: list[Record] = []
        self._record_numbers: dict[Record, int] = {}
        self._unpacked: dict[str, list[Mention]] = {}
        self.problem = ""
        self.changed = False
        #: The keys of the texts of the last extraction through the cache: what :meth:`save` keeps.
        self.used: set[str] = set()

    def load(self) -> None:
        """Read the file; one that is missing, unreadable or does not check out leaves the cache empty."""
        if self.path is None:
            return
        paused = gc.isenabled()
        gc.disable()  # millions of numbers and no garbage: the collector's passes would only cost
        try:
            data = orjson.loads(self.path.read_bytes())
            self._read(data)
        except FileNotFoundError:
            return
        except (
            OSError,
            orjson.JSONDecodeError,
            ValueError,
            TypeError,
            KeyError,
            IndexError,
            binascii.Error,
        ) as error:
            self.problem = f"{self.path}: ignored and rebuilt ({error})"
            self.entries, self.records, self._record_numbers = {}, [], {}
        finally:
            if paused:
                gc.enable()

    def _read(self, data: Any) -> None:
        """Check and take a parsed file (``ValueError`` and friends if it does not check out)."""
        if data["format"] != FORMAT or data["version"] != VERSION or data["engine"] != self.engine:
            raise ValueError("made by another version of the engine")
        types = {str(kind): kind for kind in EntityType}
        for kind, entity_id, canonical, value, unit in data["records"]:
            if not isinstance(entity_id, str) or not isinstance(canonical, str):
                raise ValueError("a record is not text")
            record = (types[kind], entity_id, canonical, _float(value), _text(unit))
            self._record_numbers.setdefault(record, len(self.records))
            self.records.append(record)
        for key, (people, definitions, discovered, packed) in data["entries"].items():
            spans = _unpack(packed)
            if len(spans) % 3:
                raise ValueError(f"entry {key}: spans are not (start, end, record) triples")
            found: Found = ([str(p) for p in people], [(str(a), str(b)) for a, b in definitions])
            self.entries[key] = Entry(found, str(discovered), spans)  # checked when used

    def get(self, key: str, discovered: str | None = None) -> Entry | None:
        """The entry of a text, if it is cached (and, given ``discovered``, made with it)."""
        self._pack(key)
        entry = self.entries.get(key)
        if entry is None or (discovered is not None and entry.discovered != discovered):
            return None
        return entry

    def mentions(self, entry: Entry, text: str) -> list[Mention] | None:
        """An entry's mentions in its text; None if a span does not fit the text (a bad entry)."""
        spans, records, length = entry.spans, self.records, len(text)
        new = tuple.__new__
        found: list[Mention] = []
        append = found.append
        previous = 0
        count = len(records)
        at = offsets(length)
        try:
            for i in range(0, len(spans), 3):
                start, end, number = spans[i], spans[i + 1], spans[i + 2]
                if not (previous <= start < end <= length and 0 <= number < count) or type(start) is not int:
                    return None
                append(new(Mention, (at[start], at[end], intern(text[start:end])) + records[number]))
                previous = end
        except TypeError:  # a number that is not one
            return None
        return found

    def put(self, key: str, found: Found, discovered: str, mentions: list[Mention]) -> None:
        """Keep a text's extraction; its mentions are packed when saved (the mentions are wanted
        at once, the cache only afterwards)."""
        self.entries[key] = Entry(found, discovered, _NOTHING)
        self._unpacked[key] = mentions
        self.changed = True

    def _pack_mentions(self, mentions: list[Mention]) -> array[int]:
        """Mentions as spans with record numbers, packed by C-level iteration (a large corpus has
        hundreds of thousands of them)."""
        records: list[Record] = [mention[3:] for mention in mentions]
        numbers = list(map(self._record_numbers.get, records))
        if None in numbers:  # records not seen before: the first texts' mostly
            numbers = [self._number(r) if n is None else n for n, r in zip(numbers, records, strict=True)]
        starts, ends = map(_START, mentions), map(_END, mentions)
        return array(_SPAN_TYPE, chain.from_iterable(zip(starts, ends, numbers, strict=True)))

    def _pack(self, key: str) -> None:
        """Pack the mentions kept for a text, if they are not yet."""
        mentions = self._unpacked.pop(key, None)
        if mentions is not None:
            self.entries[key].spans = self._pack_mentions(mentions)

    def _number(self, record: Record) -> int:
        """A record's number in the shared table (added if new)."""
        number = self._record_numbers.get(record)
        if number is None:
            number = self._record_numbers[record] = len(self.records)
            self.records.append(record)
        return number

    @property
    def stale(self) -> bool:
        """Whether the file would change if saved now (something added, or entries to drop)."""
        return self.path is not None and (self.changed or bool(set(self.entries) - self.used))

    def save(self, keep: set[str] | None = None) -> None:
        """Write the entries of the texts in ``keep`` (default: :attr:`used`; others are dropped),
        atomically; errors are kept in :attr:`problem` (a cache that cannot be written only costs time)."""
        keep = self.used if keep is None else keep
        if self.path is None or not (self.changed or set(self.entries) - keep):
            return

        def entries() -> Iterator[tuple[str, list[Any]]]:
            """Each kept entry, its spans packed as it is written."""
            for key, entry in self.entries.items():
                if key in keep:
                    mentions = self._unpacked.get(key)
                    spans = entry.spans if mentions is None else self._pack_mentions(mentions)
                    yield key, [entry.found[0], entry.found[1], entry.discovered, _pack(spans)]

        def records() -> dict[str, Any]:
            """The record table, complete once every entry is written."""
            return {"records": [[str(kind), *rest] for kind, *rest in self.records]}

        try:
            head = {"format": FORMAT, "version": VERSION, "engine": self.engine}
            # Files made for another engine state are deleted.
            write_entries(self.path, head, entries(), records, superseded="mentions-*.json")
        except OSError as error:
            self.problem = f"{self.path}: cannot be written ({error.strerror or error})"
            return
        self.changed = False


def _pack(spans: Sequence[int]) -> str:
    """Spans as base64 of little-endian 32-bit integers."""
    packed = spans if isinstance(spans, array) else array(_SPAN_TYPE, spans)
    if sys.byteorder == "big":
        packed = array(_SPAN_TYPE, packed)
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def _unpack(text: object) -> array[int]:
    """What :func:`_pack` made (``ValueError`` if it is not that)."""
    if not isinstance(text, str):
        raise ValueError("spans are not packed text")
    raw = base64.b64decode(text, validate=True)
    if len(raw) % array(_SPAN_TYPE).itemsize:
        raise ValueError("spans are not whole numbers")
    spans = array(_SPAN_TYPE)
    spans.frombytes(raw)
    if sys.byteorder == "big":
        spans.byteswap()
    return spans


def _float(value: object) -> float | None:
    """A record's value: a number or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("a record's value is not a number")
    return float(value)


def _text(value: object) -> str | None:
    """A record's unit: text or None."""
    if value is not None and not isinstance(value, str):
        raise ValueError("a record's unit is not text")
    return value


def workspace_cache(folder: Path, gazetteer: Gazetteer) -> MentionCache:
    """The mention cache of a workspace's cache folder for its known entities, loaded."""
    cache = MentionCache(folder, engine_fingerprint(gazetteer))
    cache.load()
    return cache
