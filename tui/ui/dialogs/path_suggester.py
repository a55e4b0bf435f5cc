"""Completing a path typed into a dialog: the first file or folder whose name starts as typed."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester

#: The most entries of a folder looked at for one suggestion (a huge folder must not stall typing).
MAX_ENTRIES = 5000


class PathSuggester(Suggester):
    """Suggests the rest of a path (→ or End takes it): the first entry, in name order, of the folder
    typed whose name starts with the part after the last ``/`` (a folder with a ``/`` after it).

    ``suffixes``: files with one of these endings (lower case), or folders, are suggested first.
    Hidden entries are suggested only when the part typed starts with a dot.
    """

    def __init__(self, suffixes: tuple[str, ...] = ()) -> None:
        """Suggest paths, preferring files that end in one of ``suffixes``."""
        super().__init__(use_cache=False, case_sensitive=True)  # the folders change: never cached
        self.suffixes = suffixes

    async def get_suggestion(self, value: str) -> str | None:
        """The value typed and the rest of the first path that starts with it, or None."""
        if not value or "\n" in value:
            return None
        head, _, part = value.rpartition("/")
        folder_typed = head + "/" if value.count("/") else ""
        try:
            folder = Path(head or "/").expanduser() if folder_typed else Path.cwd()
            found = self._entries(folder, part)
        except (OSError, RuntimeError, ValueError):  # no such folder, ~nosuchuser, a NUL typed
            return None
        if not found:
            return None
        name, is_folder = found[0]
        return folder_typed + name + ("/" if is_folder else "")

    def _entries(self, folder: Path, part: str) -> list[tuple[str, bool]]:
        """The entries of ``folder`` whose names start with ``part``, preferred first, then by name."""
        found: list[tuple[int, str, bool]] = []
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_ENTRIES:
                    break
                name = entry.name
                if not name.startswith(part) or (name.startswith(".") and not part.startswith(".")):
                    continue
                is_folder = entry.is_dir()
                if name == part and not is_folder:
                    continue  # typed whole: nothing to add (a folder gets its "/")
                wanted = is_folder or not self.suffixes or name.lower().endswith(self.suffixes)
                found.append((0 if wanted else 1, name, is_folder))
        found.sort()
        return [(name, is_folder) for _, name, is_folder in found]
