"""Crash-safe, multi-process storage for TinyDB: a snapshot file plus a checksummed journal.

The storage is in :mod:`.storage` and the table in :mod:`.table`; the package itself holds only
:class:`StoreError`, so code that reports store errors does not load TinyDB to name them.
"""

from tui.core.store.errors import StoreError

__all__ = ["StoreError"]
