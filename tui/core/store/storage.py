"""A TinyDB storage that is safe to kill, safe to share, and quick to save: snapshot plus journal.

The data lives in two files in one folder:

* ``<name>.json``, the snapshot: a header line ``{"format", "version", "generation", "bytes",
  "crc32"}`` then the tables as JSON, only ever replaced whole and atomically (temporary file,
  fsync, rename, fsync of the folder);
* ``<name>.journal``, the journal: a header line naming the snapshot's generation, then one
  checksummed line per document saved or deleted since (see :mod:`.journal`), appended and
  fsync'd before a save returns.

Everything changed inside one (outermost) :meth:`JournalStorage.transaction` is one save: its
documents followed by one commit line, so a kill leaves all of it or none of it. A transaction
that raises, or whose save fails, leaves the tables in memory as they were.

A save appends a few hundred bytes whatever the size of the store. Opening reads the snapshot
and replays the journal; a journal whose generation is not the snapshot's was already folded
into it (a compaction was cut short) and is ignored; a process that was reading it reads
both files again before it saves, so its save starts a new journal rather than appending to
that one. Every change happens under an exclusive lock on ``.<name>.lock``, after catching up
with what other processes appended, so two processes never lose each other's updates. Each
read catches up too, without the lock. A store that cannot be read, or holding a document its
validator refuses, is reported as a :class:`StoreError` naming the file and never written.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import os
import secrets
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tinydb.storages import Storage

from tui.core.store import files
from tui.core.store.errors import StoreError
from tui.core.user_files import not_a_lock_file, reason_for

if TYPE_CHECKING:
    from filelock import FileLock

from tui.core.store.journal import JournalCorrupt, decode, decode_header, encode, encode_commit

FORMAT = "iranpak-reader/store"
VERSION = 1
Tables = dict[str, dict[str, dict[str, Any]]]
#: Compact when the store closes if the journal is larger than this and than the snapshot.
COMPACT_BYTES = 1 << 20
#: Says what is wrong with a document of a table (``table, key, document``), or None if nothing.
Validator = Callable[[str, str, Any], "str | None"]
#: Stands for "no such document" among the states a transaction keeps for rolling back.
_ABSENT = object()


@dataclass(slots=True)
class _Pending:
    """The open transaction: each changed document's state before it, in the order first changed."""

    before: dict[tuple[str, str], Any] = field(default_factory=dict)
    rewrite: bool = False  # the tables were replaced whole (TinyDB dropped a table)


class JournalStorage(Storage):
    """Snapshot-and-journal storage for TinyDB; use with :class:`.table.JournalTable`."""

    def __init__(
        self,
        folder: Path,
        name: str = "annotations",
        lock_timeout: float = 10.0,
        validate: Validator | None = None,
    ) -> None:
        """Open (or prepare to create) the store ``name`` in ``folder``; raises StoreError if unreadable.

        If the folder cannot be written the store opens read-only: :attr:`read_only` says why.
        ``validate`` checks every document read (from the snapshot and the journal, at open and
        when catching up): one it refuses makes the store damaged.
        """
        self.folder = folder
        self.snapshot_path = folder / f"{name}.json"
        self.journal_path = folder / f"{name}.journal"
        self._name = name
        self._mutex = threading.RLock()
        self._lock: FileLock | None = None
        self.read_only: str | None = None
        self._timeout = lock_timeout
        self._tables: Tables = {}
        self._generation = ""
        self._journal_header: bytes | None = None  # its first line names the generation
        self._offset = 0
        self._journal_current = False
        self._validate = validate
        self._pending: _Pending | None = None
        self._stale = False  # a save failed part-way: read the files again before anything else
        self._snapshot_missing = False  # a first journal read without its (empty) snapshot
        self._snapshot_stamp: tuple[int, int, int] | None = None  # the snapshot as last read or written
        from filelock import FileLock  # imported with the first store opened, not at start-up

        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._lock = FileLock(folder / f".{name}.lock", timeout=lock_timeout, thread_local=False)
            with self._locked():
                files.remove_stray_temporaries(folder, self.snapshot_path.name)
                files.remove_stray_temporaries(folder, self.journal_path.name)
                self._load()
        except PermissionError:
            self._lock = None
            self.read_only = f"{folder} is not writable"
            self._load()

    # TinyDB's Storage interface

    def read(self) -> Tables:
        """Every table, with what other processes saved since the last read."""
        with self._mutex:
            self._catch_up()
            return self._tables

    def write(self, data: Tables) -> None:
        """Replace everything (TinyDB calls this to drop tables): a new snapshot and an empty journal."""
        with self.transaction():
            assert self._pending is not None
            self._pending.rewrite = True
            self._tables = data

    def close(self) -> None:
        """Fold a large journal into the snapshot, so the next open replays little."""
        if self.read_only or self._lock is None:
            return
        with contextlib.suppress(StoreError):
            size = self.journal_path.stat().st_size if self.journal_path.exists() else 0
            snapshot = self.snapshot_path.stat().st_size if self.snapshot_path.exists() else 0
            if size > COMPACT_BYTES and size > snapshot:
                with self.transaction():
                    self._rewrite()

    def signature(self) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]:
        """Changes whenever any process saves, or either file is replaced or edited (each file's
        inode, size and time): cheap to poll."""
        return _file_stamp(self.journal_path), _file_stamp(self.snapshot_path)

    # Saving

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock, up to date with every other process; all changed inside is one save.

        The outermost transaction notes each document changed in it (see :meth:`touch`) and,
        when it ends normally, appends them all with one commit line. If it raises, or the save
        fails, every document is put back as it was. A transaction inside another joins it.
        """
        if self.read_only:
            raise StoreError(self.snapshot_path, f"read-only: {self.read_only}")
        with self._locked():
            if self._pending is not None:
                yield
                return
            self._catch_up()  # a snapshot replaced since (a compaction, maybe cut short) is read again
            self._pending = pending = _Pending()
            try:
                try:
                    yield
                except BaseException:
                    self._roll_back(pending)
                    raise
                try:
                    self._save(pending)
                except BaseException:
                    self._roll_back(pending)
                    self._stale = True  # part of it may be on disk: the files are the truth
                    raise
            finally:
                self._pending = None

    def touch(self, table: str, key: str) -> None:
        """Note that document ``key`` of ``table`` is about to be read for change, set or deleted.

        Call inside a transaction: the document is saved when the transaction ends, and its
        present state is kept to put back if the transaction fails.
        """
        pending = self._pending
        if pending is None:
            raise RuntimeError("JournalStorage.touch outside a transaction")
        if (table, key) not in pending.before:
            rows = self._tables.get(table, {})
            pending.before[table, key] = copy.deepcopy(rows[key]) if key in rows else _ABSENT

    def _save(self, pending: _Pending) -> None:
        """Write what ``pending`` changed: one commit appended to the journal (or a new pair of files)."""
        if not pending.before and not pending.rewrite:
            return
        if not pending.rewrite and not self._generation and not self.journal_path.exists():
            self._start()  # a new store: its first save is a commit in the journal, as every other
        elif pending.rewrite or not self._journal_current or self._snapshot_missing:
            self._rewrite()  # a stale journal, tables replaced whole, or a snapshot to write back
            return
        records = []
        for table, key in pending.before:
            rows = self._tables.get(table, {})
            records.append(
                {"t": table, "k": key, "d": rows[key]} if key in rows else {"t": table, "k": key, "x": 1}
            )
        data = self._encoded(encode_commit, records)
        self._offset = files.append_durably(self.journal_path, data, self._offset)

    def _roll_back(self, pending: _Pending) -> None:
        """Put every document ``pending`` changed back as it was (or read the files again)."""
        if pending.rewrite:
            self._stale = True  # the tables were replaced whole: read them back from the files
            return
        for (table, key), document in pending.before.items():
            rows = self._tables.setdefault(table, {})
            if document is _ABSENT:
                rows.pop(key, None)
            else:
                rows[key] = document

    def _encoded(self, encoder: Callable[[Any], bytes], value: Any) -> bytes:
        """``encoder(value)``, or a StoreError if it holds what JSON cannot (text that is not Unicode)."""
        try:
            return encoder(value)
        except orjson.JSONEncodeError as error:
            raise StoreError(self.journal_path, f"cannot save: {error}") from error

    # Loading

    def _load(self) -> None:
        """Read the snapshot and replay the journal."""
        self._stale = True  # until both are read whole
        self._snapshot_stamp = _file_stamp(self.snapshot_path)
        raw = files.read_bytes(self.snapshot_path)
        self._tables, self._generation = ({}, "") if raw is None else self._parse_snapshot(raw)
        self._journal_header, self._offset, self._journal_current = None, 0, False
        self._snapshot_missing = False
        journal = files.read_bytes(self.journal_path)
        if journal is None:
            if raw is not None:  # a snapshot is only ever written beside its journal: this one was removed
                raise StoreError(
                    self.journal_path,
                    f"missing: the saves it held are not in {self.snapshot_path.name}; put it back, "
                    f"or move {self.snapshot_path.name} away to start a new store",
                )
            self._stale = False
            return
        header = decode_header(journal)
        if raw is None and (header is None or header.get("start") is not True):
            raise StoreError(self.journal_path, f"journal without its snapshot {self.snapshot_path.name}")
        if header is None:
            raise StoreError(self.journal_path, "damaged journal header")
        self._check_format(self.journal_path, header)
        if raw is None:
            # The first journal of a store was begun on an empty snapshot: it alone holds everything.
            self._generation, self._snapshot_missing = str(header.get("generation", "")), True
        header_end = journal.find(b"\n") + 1
        self._journal_header = journal[:header_end]
        if header.get("generation") == self._generation:  # else already folded into the snapshot
            self._journal_current = True
            self._offset = header_end
            self._replay(journal[header_end:], header_end)
        self._stale = False

    def _parse_snapshot(self, raw: bytes) -> tuple[Tables, str]:
        """The tables and generation of a snapshot file's bytes: a header line, then the tables.

        The header carries the tables' length and CRC-32, which stand for checking every
        document: what passes is exactly what this program wrote.
        """
        newline = raw.find(b"\n")
        try:
            header = orjson.loads(raw[:newline] if newline >= 0 else raw)
        except orjson.JSONDecodeError as error:
            raise StoreError(self.snapshot_path, f"not valid JSON ({error})") from error
        if not isinstance(header, dict):
            raise StoreError(self.snapshot_path, "not an iranpak-reader store")
        self._check_format(self.snapshot_path, header)
        body = memoryview(raw)[newline + 1 :] if newline >= 0 else memoryview(b"")
        if len(body) != header.get("bytes") or f"{zlib.crc32(body):08x}" != header.get("crc32"):
            raise StoreError(self.snapshot_path, "damaged: its checksum does not match (cut short or edited)")
        paused = gc.isenabled()
        gc.disable()  # a snapshot is hundreds of thousands of containers, none of them garbage
        try:
            try:
                tables = orjson.loads(body)
            except orjson.JSONDecodeError as error:
                raise StoreError(self.snapshot_path, f"not valid JSON ({error})") from error
            if not isinstance(tables, dict) or not all(isinstance(rows, dict) for rows in tables.values()):
                raise StoreError(self.snapshot_path, "its tables are not objects of documents")
            for table, rows in tables.items():  # checked with the collector still paused: it would
                for key, document in rows.items():  # scan every document again and again
                    self._check_document(self.snapshot_path, table, key, document)
        finally:
            if paused:
                gc.enable()
        return tables, str(header.get("generation", ""))

    def _check_document(self, path: Path, table: str, key: str, document: Any) -> None:
        """Refuse a document that is not an object under a numeric key, or that the validator refuses."""
        if not key.isdigit() or not key.isascii():
            raise StoreError(path, f"damaged: a document of {table!r} has the key {key[:40]!r}, not a number")
        if not isinstance(document, dict):
            raise StoreError(path, f"damaged: document {key} of {table!r} is not an object")
        problem = self._validate(table, key, document) if self._validate else None
        if problem:
            raise StoreError(path, f"damaged: {problem}")

    @staticmethod
    def _check_format(path: Path, header: dict[str, Any]) -> None:
        """Refuse a file of another format or of a newer version than this program reads."""
        if header.get("format") != FORMAT:
            raise StoreError(path, "not an iranpak-reader store")
        version = header.get("version")
        if not isinstance(version, int) or version < 1:
            raise StoreError(path, f"unknown store version {version!r}")
        if version > VERSION:
            raise StoreError(
                path, f"written by a newer iranpak-reader (store version {version}; this one reads {VERSION})"
            )

    def _replay(self, data: bytes, base: int) -> None:
        """Apply journal lines read from file offset ``base``; stops before a torn tail."""
        try:
            decoded = decode(data, base)
        except JournalCorrupt as error:
            raise StoreError(self.journal_path, str(error)) from error
        for record in decoded.records:  # every record checked before any is applied
            table, key = record.get("t"), record.get("k")
            if not isinstance(table, str) or not isinstance(key, str) or ("d" in record) == ("x" in record):
                raise StoreError(self.journal_path, "damaged: a record without its table, key or document")
            if "d" in record:
                self._check_document(self.journal_path, table, key, record["d"])
        tables = self._tables
        for record in decoded.records:
            rows = tables.setdefault(record["t"], {})
            if "d" in record:
                rows[record["k"]] = record["d"]
            else:
                rows.pop(record["k"], None)
        self._offset = decoded.end

    def _catch_up(self) -> None:
        """Apply what other processes appended; reload everything if they replaced the files.

        A replaced journal is told by its header line (a new generation), not by its inode:
        file systems reuse the inode numbers of deleted files at once. Anything wrong with
        what was appended is a StoreError naming the journal.
        """
        if self._stale or _file_stamp(self.snapshot_path) != self._snapshot_stamp:
            self._reload()  # the snapshot was replaced (a compaction) or changed by hand
            return
        try:
            journal = files.open_regular(self.journal_path)
        except FileNotFoundError:
            if self._journal_header is not None:
                self._reload()
            return
        except OSError as error:
            raise StoreError(self.journal_path, f"cannot read: {reason_for(error)}") from error
        with journal:
            try:
                replaced = journal.readline() != self._journal_header
                size = os.fstat(journal.fileno()).st_size
                appended = b""
                if not replaced and size > self._offset and self._journal_current:
                    journal.seek(self._offset)
                    appended = journal.read()
            except OSError as error:
                raise StoreError(self.journal_path, f"cannot read: {reason_for(error)}") from error
        if replaced or size < self._offset:
            self._reload()
        elif appended:
            self._replay(appended, self._offset)

    def _reload(self) -> None:
        """Read both files again (another process compacted them), under the lock when there is one."""
        if self._lock is None:
            self._load()
            return
        with self._locked():
            self._load()

    # Writing whole files

    def _start(self) -> None:
        """Begin a new store: a journal marked as the first (its snapshot is empty), then that snapshot.

        The journal comes first, so a snapshot never exists without its journal unless the journal
        was removed, which opening then reports; and a first journal whose snapshot is missing (cut
        short here, or removed) still holds every save. The first save is then appended to it.
        """
        generation = secrets.token_hex(8)
        header = {"format": FORMAT, "version": VERSION, "generation": generation}
        journal = encode({**header, "start": True})
        files.replace_atomically(self.journal_path, journal)
        body = b"{}"
        summary = {**header, "bytes": len(body), "crc32": f"{zlib.crc32(body):08x}"}
        files.replace_atomically(self.snapshot_path, orjson.dumps(summary) + b"\n" + body)
        self._snapshot_stamp = _file_stamp(self.snapshot_path)
        self._generation, self._journal_current = generation, True
        self._journal_header, self._offset = journal, len(journal)

    def _rewrite(self) -> None:
        """A new snapshot of every table and an empty journal of its generation (under the lock)."""
        generation = secrets.token_hex(8)
        header = {"format": FORMAT, "version": VERSION, "generation": generation}
        body = self._encoded(orjson.dumps, self._tables)
        summary = {**header, "bytes": len(body), "crc32": f"{zlib.crc32(body):08x}"}
        files.replace_atomically(self.snapshot_path, orjson.dumps(summary) + b"\n" + body)
        self._snapshot_stamp = _file_stamp(self.snapshot_path)
        journal = encode(header)
        files.replace_atomically(self.journal_path, journal)
        self._generation, self._journal_current, self._snapshot_missing = generation, True, False
        self._journal_header, self._offset = journal, len(journal)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """This process's mutex and the lock file, re-entrantly."""
        with self._mutex:
            if self._lock is None:
                yield
                return
            from filelock import Timeout

            try:
                self._lock.acquire()
            except Timeout as error:
                raise StoreError(
                    self.folder, f"locked by another process for more than {self._timeout:g} s"
                ) from error
            except PermissionError:
                raise
            except OSError as error:
                lock = Path(self._lock.lock_file)
                problem = not_a_lock_file(lock) or f"cannot lock: {reason_for(error)}"
                raise StoreError(lock, problem.removeprefix(f"{lock} ")) from error
            try:
                yield
            finally:
                self._lock.release()


def _file_stamp(path: Path) -> tuple[int, int, int] | None:
    """A file's inode, size and modification time (None if it is missing or cannot be looked at)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns
