"""Crash-safe, multi-process storage for TinyDB: a snapshot file plus a checksummed journal."""

from tui.core.store.errors import StoreError
from tui.core.store.storage import JournalStorage
from tui.core.store.table import JournalTable

__all__ = ["JournalStorage", "JournalTable", "StoreError"]
