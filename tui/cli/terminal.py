"""The terminal a command writes to: no control character reaches it raw, no encoding stops it.

Kept apart from :mod:`.output` so that opening the app, which goes through the same entry
point, imports nothing more than it needs.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from tui.core.safe_text import visible


class VisibleText:
    """A text stream that writes control characters as visible symbols (ESC as ␛), bar newline and tab.

    Whatever a command prints, a tag, a note, a title or a file name in it can hold a terminal
    escape sequence: none reaches the terminal as a command. JSON is unaffected (it escapes them
    itself), and bytes written to ``buffer`` (an export) pass as they are.
    """

    def __init__(self, stream: TextIO) -> None:
        """Wrap ``stream``."""
        self.stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with its control characters made visible."""
        self.stream.write(visible(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        """Everything else (flush, buffer, encoding, fileno…) is the stream's."""
        return getattr(self.stream, name)


@contextlib.contextmanager
def terminal_safe_output() -> Iterator[None]:
    """While a command runs, stdout and stderr show control characters as symbols and characters
    their encoding lacks as escapes, never failing on either."""
    tolerate_narrow_encodings()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleText(sys.stdout), VisibleText(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def tolerate_narrow_encodings() -> None:
    """Let stdout and stderr show characters their encoding lacks as escapes (``\\u2018``)
    rather than fail with UnicodeEncodeError, on a terminal or pipe that is not UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
