"""A TinyDB storage that is safe to kill, safe to share, and quick to save: snapshot plus journal.

The data lives in two files in one folder:

* ``<name>.json``, the snapshot: a header line ``{"format", "version", "generation", "bytes",
  "crc32"}`` then the tables as JSON, only ever replaced whole and atomically (temporary file,
  fsync, rename, fsync of the folder);
* ``<name>.journal``, the journal: a header line naming the snapshot's generation, then one
  checksummed line per document saved or deleted since (see :mod:`.journal`), appended and
  fsync'd before a save returns.

A save appends a few hundred bytes whatever the size of the store. Opening reads the snapshot
and replays the journal; a journal whose generation is not the snapshot's was already folded
into it (a compaction was cut short) and is ignored. Every change happens under an exclusive
lock on ``.<name>.lock``, after catching up with what other processes appended, so two
processes never lose each other's updates. Each read catches up too, without the lock.
A store that cannot be read is reported as a :class:`StoreError` and never written.
"""

from __future__ import annotations

import contextlib
import gc
import os
import secrets
import threading
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tinydb.storages import Storage

from tui.core.store import files
from tui.core.store.errors import StoreError

if TYPE_CHECKING:
    from filelock import FileLock

from tui.core.store.journal import JournalCorrupt, decode, decode_header, encode, encode_commit

FORMAT = "iranpak-reader/store"
VERSION = 1
Tables = dict[str, dict[str, dict[str, Any]]]
#: Compact when the store closes if the journal is larger than this and than the snapshot.
COMPACT_BYTES = 1 << 20


class JournalStorage(Storage):
    """Snapshot-and-journal storage for TinyDB; use with :class:`.table.JournalTable`."""

    def __init__(self, folder: Path, name: str = "annotations", lock_timeout: float = 10.0) -> None:
        """Open (or prepare to create) the store ``name`` in ``folder``; raises StoreError if unreadable.

        If the folder cannot be written the store opens read-only: :attr:`read_only` says why.
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
            self._tables = data
            self._rewrite()

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

    def signature(self) -> tuple[int, int, int] | None:
        """Changes whenever any process saves (the journal's inode, size and time): cheap to poll."""
        try:
            stat = self.journal_path.stat()
        except OSError:
            return None
        return stat.st_ino, stat.st_size, stat.st_mtime_ns

    # Saving

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock, up to date with every other process, for a read-modify-save."""
        if self.read_only:
            raise StoreError(self.snapshot_path, f"read-only: {self.read_only}")
        with self._locked():
            self._catch_up()
            yield

    def commit(self, table: str, keys: Iterable[str]) -> None:
        """Save documents ``keys`` of ``table`` as they are now (absent: deleted), in a transaction."""
        rows = self._tables.get(table, {})
        records = [
            {"t": table, "k": key, "d": rows[key]} if key in rows else {"t": table, "k": key, "x": 1}
            for key in keys
        ]
        if not records:
            return
        if not self._journal_current:
            self._rewrite()  # first save, or a stale journal: start a fresh pair of files
            return
        data = encode_commit(records)
        size = files.append_durably(self.journal_path, data, self._offset)
        self._offset = size

    # Loading

    def _load(self) -> None:
        """Read the snapshot and replay the journal."""
        raw = files.read_bytes(self.snapshot_path)
        self._tables, self._generation = ({}, "") if raw is None else self._parse_snapshot(raw)
        self._journal_header, self._offset, self._journal_current = None, 0, False
        journal = files.read_bytes(self.journal_path)
        if journal is None:
            return
        if raw is None:
            raise StoreError(self.journal_path, f"journal without its snapshot {self.snapshot_path.name}")
        header = decode_header(journal)
        if header is None:
            raise StoreError(self.journal_path, "damaged journal header")
        self._check_format(self.journal_path, header)
        header_end = journal.find(b"\n") + 1
        self._journal_header = journal[:header_end]
        if header.get("generation") != self._generation:
            return  # already folded into the snapshot by a compaction that was cut short
        self._journal_current = True
        self._offset = header_end
        self._replay(journal[header_end:], header_end)

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
            tables = orjson.loads(body)
        except orjson.JSONDecodeError as error:
            raise StoreError(self.snapshot_path, f"not valid JSON ({error})") from error
        finally:
            if paused:
                gc.enable()
        if not isinstance(tables, dict) or not all(isinstance(rows, dict) for rows in tables.values()):
            raise StoreError(self.snapshot_path, "its tables are not objects of documents")
        return tables, str(header.get("generation", ""))

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
        tables = self._tables
        for record in decoded.records:
            rows = tables.setdefault(str(record.get("t")), {})
            key = str(record.get("k"))
            if "d" in record and isinstance(record["d"], dict):
                rows[key] = record["d"]
            else:
                rows.pop(key, None)
        self._offset = decoded.end

    def _catch_up(self) -> None:
        """Apply what other processes appended; reload everything if they replaced the files.

        A replaced journal is told by its header line (a new generation), not by its inode:
        file systems reuse the inode numbers of deleted files at once.
        """
        try:
            journal = open(self.journal_path, "rb")  # noqa: SIM115  # closed below
        except FileNotFoundError:
            if self._journal_header is not None:
                self._reload()
            return
        with journal:
            if journal.readline() != self._journal_header:
                self._reload()
                return
            size = os.fstat(journal.fileno()).st_size
            if size < self._offset:
                self._reload()
            elif size > self._offset and self._journal_current:
                journal.seek(self._offset)
                self._replay(journal.read(), self._offset)

    def _reload(self) -> None:
        """Read both files again (another process compacted them), under the lock when there is one."""
        if self._lock is None:
            self._load()
            return
        with self._locked():
            self._load()

    # Writing whole files

    def _rewrite(self) -> None:
        """A new snapshot of every table and an empty journal of its generation (under the lock)."""
        generation = secrets.token_hex(8)
        header = {"format": FORMAT, "version": VERSION, "generation": generation}
        body = orjson.dumps(self._tables)
        summary = {**header, "bytes": len(body), "crc32": f"{zlib.crc32(body):08x}"}
        files.replace_atomically(self.snapshot_path, orjson.dumps(summary) + b"\n" + body)
        journal = encode(header)
        files.replace_atomically(self.journal_path, journal)
        self._generation, self._journal_current = generation, True
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
            try:
                yield
            finally:
                self._lock.release()
