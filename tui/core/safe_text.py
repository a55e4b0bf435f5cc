"""Making untrusted text safe to show: control characters become visible symbols.

Article text, notes and tags are data. Terminal escape sequences and other control
characters in them are replaced, one character for one, by their Unicode "control
picture" (ESC becomes ␛), so offsets into the text stay valid and nothing reaches the
terminal as a command. Rich markup is never parsed: callers build ``rich.text.Text``
from the result, or print it plainly.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    """The visible stand-in for one control character."""
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def visible(text: str) -> str:
    """``text`` with every control character (bar newline and tab) shown as a symbol."""
    return _CONTROL.sub(_picture, text)


def one_line(text: str) -> str:
    """``visible`` text on a single line: newlines and tabs become spaces."""
    if text.isprintable():  # no control characters, no line breaks: most text, checked at C speed
        return text
    return visible(text).replace("\n", " ").replace("\r", " ").replace("\t", " ")


def clipped(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis when longer (so a cut is
    always seen)."""
    flat = one_line(text)
    return flat if len(flat) <= limit else flat[: max(0, limit - 1)].rstrip() + "…"


_OPENING_QUOTES = "“\"‘'«‹„"
_CLOSING_QUOTES = "”\"’'»›“"


def quoted(text: str, limit: int = 0, inner: Callable[[str], str] = str) -> str:
    """``text`` on one line (clipped to ``limit`` if given) between curly quotes, leaving out a mark
    the text already has: a passage that starts with a quotation shows “Now…”, not ““Now…”.
    ``inner`` is applied to the text between the marks (to isolate its direction, say)."""
    flat = clipped(text, limit) if limit else one_line(text)
    opening = "" if flat[:1] in _OPENING_QUOTES and flat else "“"
    closing = "" if flat[-1:] in _CLOSING_QUOTES and flat and len(flat) > 1 else "”"
    return f"{opening}{inner(flat)}{closing}"
