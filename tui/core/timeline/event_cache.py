"""Each article's own events (before they merge across articles), kept on disk between runs.

An article's events depend only on its text, its publication date, its mentions and the code
that finds events. An entry is keyed by a SHA-256 of the first three (:func:`article_key`), the
code by the file's name (:func:`code_fingerprint`): a changed article, date, recogniser or
timeline simply misses, and is worked out again. A file that cannot be read or does not check
out (wrong format or version, a malformed entry, a span outside its text) is ignored and
rebuilt: the cache is never trusted over the text.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from sys import intern
from typing import Any

import orjson

from tui.core.cache_file import write_entries
from tui.core.models import Article, Mention
from tui.core.timeline.events import Event, Source
from tui.core.timeline.when import DAY, MONTH, RANGE, YEAR, When

FORMAT = "iranpak-reader events"
VERSION = 2
_CORE = Path(__file__).resolve().parents[1]
#: The code an article's events depend on besides its mentions.
_SOURCES = ("timeline/*.py", "textnav.py", "sentences.py", "models.py")
_PRECISIONS = frozenset({DAY, MONTH, YEAR, RANGE})
_FIGURE_KEYS = {"text", "value", "unit", "type"}


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """What events depend on besides an article and its mentions: the code that finds them."""
    digest = hashlib.sha256()
    for pattern in _SOURCES:
        for source in sorted(_CORE.glob(pattern)):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:24]


def article_key(article: Article, mentions: list[Mention]) -> str:
    """The key of an article's events: its text, publication date and mentions (spans and entities)."""
    digest = hashlib.sha256(article.text.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + (article.published.isoformat() if article.published else "-").encode())
    digest.update(array("q", map(attrgetter("start"), mentions)).tobytes())
    digest.update(array("q", map(attrgetter("end"), mentions)).tobytes())
    digest.update("\n".join(map(attrgetter("entity_id"), mentions)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


class EventCache:
    """The events of articles seen before, by :func:`article_key`; in memory only without a folder."""

    def __init__(self, folder: Path | None) -> None:
        """Nothing read yet (see :meth:`load`)."""
        self.path = folder / f"events-{code_fingerprint()}.json" if folder is not None else None
        #: Each article's events as a JSON text of rows: reading the file makes one string per
        #: article, and an article's rows are only made when it is looked up.
        self.entries: dict[str, str] = {}
        self._fresh: dict[str, list[Event]] = {}
        self._unkeyed: list[tuple[Article, list[Mention], list[Event]]] = []
        self.used: set[str] = set()
        self.changed = False
        self.problem: str | None = None

    def load(self) -> None:
        """Read the cache file; one that is missing, unreadable or not ours leaves the cache empty."""
        if self.path is None:
            return
        try:
            data: Any = orjson.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return
        if (
            isinstance(data, dict)
            and data.get("format") == FORMAT
            and data.get("version") == VERSION
            and isinstance(data.get("entries"), dict)
        ):
            self.entries = data["entries"]

    def get(self, key: str, article: Article) -> list[Event] | None:
        """The events of an article seen before, made afresh from the cache; None if not kept or not sound."""
        self.used.add(key)
        kept = self.entries.get(key)
        if not isinstance(kept, str):
            return None
        try:
            rows = orjson.loads(kept)
            return [_event(row, article) for row in rows]
        except (TypeError, ValueError, KeyError, IndexError):  # orjson's JSONDecodeError is a ValueError
            del self.entries[key]
            return None

    def put(self, key: str, events: list[Event]) -> None:
        """Keep an article's events (written down when saved: merging leaves them as they are)."""
        self.used.add(key)
        self._fresh[key] = events
        self.changed = True

    def put_later(self, article: Article, mentions: list[Mention], events: list[Event]) -> None:
        """Keep an article's events, its key worked out only when saved (a cold cache has nothing
        to look up, and the first build of a large corpus need not wait for the hashing)."""
        self._unkeyed.append((article, mentions, events))
        self.changed = True

    @property
    def empty(self) -> bool:
        """Whether nothing was read that an article could be found in."""
        return not self.entries

    def save(self) -> None:
        """Write the entries of the articles seen since loading (others are dropped), atomically;
        an error is kept in :attr:`problem` (a cache that cannot be written only costs time)."""
        for article, mentions, events in self._unkeyed:
            self.put(article_key(article, mentions), events)
        self._unkeyed.clear()
        if self.path is None:  # in memory: written down for the next build
            self.entries.update((key, _encoded(events)) for key, events in self._fresh.items())
            self._fresh.clear()
            return
        if not (self.changed or set(self.entries) - self.used):
            return

        def entries() -> Iterator[tuple[str, str]]:
            """Each kept entry, an article's new events written down as it is written."""
            for key in self.used:
                events = self._fresh.get(key)
                kept = self.entries.get(key) if events is None else _encoded(events)
                if kept is not None:
                    yield key, kept

        try:
            head = {"format": FORMAT, "version": VERSION}
            write_entries(self.path, head, entries(), superseded="events-*.json")  # others: other code
        except OSError as error:
            self.problem = f"{self.path}: cannot be written ({error.strerror or error})"
            return
        self._fresh.clear()
        self.changed = False


def workspace_event_cache(folder: Path) -> EventCache:
    """The event cache of a workspace's cache folder, loaded."""
    cache = EventCache(folder)
    cache.load()
    return cache


def _encoded(events: list[Event]) -> str:
    """An article's events as the JSON text of their rows."""
    return orjson.dumps([_row(event) for event in events]).decode()


def _row(event: Event) -> list[Any]:
    """An article's event as JSON-ready data: its sentence is kept as a span of the text."""
    when, source = event.when, event.sources[0]
    return [
        when.start.isoformat(),
        when.end.isoformat(),
        when.precision,
        when.reason,
        [[key, name] for key, name in event.participants.items()],
        sorted(event.actors),
        event.figures,
        source.start,
        source.end,
    ]


def _event(row: list[Any], article: Article) -> Event:
    """The event a row holds (``ValueError``, ``TypeError``, ``KeyError`` or ``IndexError`` if it is
    not one: a damaged or hand-edited file)."""
    start, end, precision, reason, participants, actors, figures, begin, finish = row
    if precision not in _PRECISIONS or type(reason) is not str or type(begin) is not int:
        raise ValueError("not an event")
    if type(finish) is not int or not 0 <= begin < finish <= len(article.text):
        raise ValueError("a sentence outside its text")
    when = When(date.fromisoformat(start), date.fromisoformat(end), precision, intern(reason))
    named = {intern(_text(key)): intern(_text(name)) for key, name in participants}
    chosen = tuple(intern(_text(actor)) for actor in actors)
    if not named.keys() >= set(chosen) or not all(_figure(figure) for figure in figures):
        raise ValueError("not an event")
    sentence = intern(article.text[begin:finish])
    return Event(when, named, chosen, tuple(figures), (Source(article.id, begin, finish, sentence),))


def _text(value: object) -> str:
    """A string, or ``TypeError``."""
    if type(value) is not str:
        raise TypeError("not text")
    return value


def _figure(figure: object) -> bool:
    """Whether a row's figure has the shape :func:`.events.article_events` gives figures."""
    return (
        isinstance(figure, dict)
        and figure.keys() == _FIGURE_KEYS
        and type(figure["text"]) is str
        and type(figure["value"]) in (int, float)
        and (figure["unit"] is None or type(figure["unit"]) is str)
        and type(figure["type"]) is str
    )
