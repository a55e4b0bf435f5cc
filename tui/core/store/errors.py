"""The one error the store raises for anything the user has to hear about."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A store that cannot be read or written: the file and the reason, for a one-line message."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
