"""The one error the store raises for anything the user has to hear about."""

from __future__ import annotations

from pathlib import Path

from tui.core.safe_text import one_line


class StoreError(Exception):
    """A store that cannot be read or written: the file and the reason, for a one-line message."""

    def __init__(self, path: Path, reason: str) -> None:
        # The reason may quote a stored document's text (an id holding a newline): kept on one line.
        reason = one_line(reason)
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
