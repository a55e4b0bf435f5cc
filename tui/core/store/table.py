"""TinyDB's table, saving only the documents an operation touched (TinyDB's ``table_class`` hook).

TinyDB hands every change to its storage as the whole database. :class:`JournalTable` runs
each change in the storage's transaction (under its lock, up to date with other processes),
lets TinyDB's own update code work on a view of the table that tells the storage of every
document it reads, writes or deletes, and the storage journals just those when the outermost
transaction ends: several changes made in one transaction are one save. Its query cache is
off: another process may change the data at any time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from typing import Any

from tinydb.table import Table

from tui.core.store.storage import JournalStorage


class _Touched(MutableMapping[int, Any]):
    """A table's documents by integer id, telling ``touch`` of every document looked at or changed.

    TinyDB changes documents in place (``table[doc_id].update(fields)``), so a document read
    by an update is counted as changed; one saved needlessly costs a journal line, no more.
    """

    def __init__(self, rows: dict[str, Any], touch: Callable[[str], None]) -> None:
        self.rows = rows
        self.touch = touch

    def __getitem__(self, doc_id: int) -> Any:
        key = str(doc_id)
        document = self.rows[key]
        self.touch(key)
        return document

    def __setitem__(self, doc_id: int, document: Any) -> None:
        key = str(doc_id)
        self.touch(key)
        self.rows[key] = document

    def __delitem__(self, doc_id: int) -> None:
        key = str(doc_id)
        if key not in self.rows:
            raise KeyError(doc_id)
        self.touch(key)
        del self.rows[key]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.rows

    def __iter__(self) -> Iterator[int]:
        return map(int, list(self.rows))

    def __len__(self) -> int:
        return len(self.rows)


class JournalTable(Table):
    """A TinyDB table on a :class:`JournalStorage`: each change is saved with its transaction."""

    default_query_cache_capacity = 0

    def insert(self, document: Mapping[str, Any]) -> int:
        """Insert under the lock, so a new id is picked knowing every other process's documents."""
        with self._transaction():
            return super().insert(document)

    def insert_multiple(self, documents: Iterable[Mapping[str, Any]]) -> list[int]:
        """Insert several documents in one locked, journalled save."""
        with self._transaction():
            return super().insert_multiple(documents)

    def get_many(self, doc_ids: Iterable[int]) -> list[Mapping[str, Any]]:
        """The stored documents with these ids (missing ones left out), each looked up by key:
        TinyDB's ``get(doc_ids=…)`` scans the whole table, 15 ms at 100,000 documents."""
        table = self._read_table()
        return [document for document in map(table.get, map(str, doc_ids)) if document is not None]

    def put_many(self, documents: Mapping[int, Mapping[str, Any]]) -> None:
        """Insert or replace documents by id, in one locked, journalled save."""

        def put(table: dict[int, Any]) -> None:
            """Set each document."""
            for doc_id, document in documents.items():
                table[doc_id] = dict(document)

        self._update_table(put)

    def remove_ids(self, doc_ids: Iterable[int]) -> None:
        """Delete the documents with these ids (missing ones are ignored), in one save."""
        wanted = list(doc_ids)

        def remove(table: dict[int, Any]) -> None:
            """Delete each document that is there."""
            for doc_id in wanted:
                table.pop(doc_id, None)

        self._update_table(remove)

    def _get_next_id(self) -> int:
        """The next free id, never from a cache: another process may have taken it."""
        self._next_id = None
        return int(super()._get_next_id())  # type: ignore[no-untyped-call]

    def _transaction(self) -> contextlib.AbstractContextManager[None]:
        """The storage's transaction (nothing for another storage)."""
        storage = self._storage
        return storage.transaction() if isinstance(storage, JournalStorage) else contextlib.nullcontext()

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        """Apply ``updater`` in the storage's transaction, which saves the documents it touched."""
        storage = self._storage
        if not isinstance(storage, JournalStorage):
            super()._update_table(updater)
            return
        try:
            with storage.transaction():
                rows = storage.read().setdefault(self.name, {})
                view = _Touched(rows, lambda key: storage.touch(self.name, key))
                updater(view)  # type: ignore[arg-type]  # TinyDB only indexes, assigns and deletes
        finally:
            self.clear_cache()
