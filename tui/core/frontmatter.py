"""Article files: Markdown-style text with TOML front matter between ``+++`` lines.

The format is meant to be edited by hand::

    +++
    id = "000_9154f6903408afad"
    title = "…"
    published = 2025-11-07
    +++

    Body text, verbatim.

The body is kept word for word; only leading blank lines and trailing whitespace
are dropped, so every offset into it is stable however the file ends.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from tui.core.toml_text import TomlProblem, parse_toml

FENCE = "+++"
#: A front matter line of the shapes this app writes: a bare key, then a basic string (escaping
#: only quotes and backslashes) or a date. Any other line is left to the TOML parser.
_SIMPLE_LINE = re.compile(
    r"([A-Za-z0-9_-]+)[ \t]*=[ \t]*"
    r'(?:"([^"\\\x00-\x1f\x7f]*(?:\\["\\][^"\\\x00-\x1f\x7f]*)*)"|([0-9]{4}-[0-9]{2}-[0-9]{2}))[ \t]*'
)
#: The line breaks of ``str.splitlines``.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_ESCAPE = re.compile(r'\\(["\\])')


class ArticleFormatError(ValueError):
    """The file is not a valid article; the message is one line saying why."""


def split(source: str) -> tuple[dict[str, Any], str]:
    """Split an article file's text into its front matter table and its body."""
    text = source.removeprefix("\ufeff")
    lines = text.split("\n", 1)
    if lines[0].rstrip() != FENCE:
        raise ArticleFormatError(f"missing front matter: the first line must be {FENCE!r}")
    rest = lines[1] if len(lines) > 1 else ""
    end = _closing_fence(rest)
    if end is None:
        raise ArticleFormatError(f"front matter is not closed by a {FENCE!r} line")
    header, body = rest[: end[0]], rest[end[1] :]
    try:
        table = _simple_table(header)
        if table is None:
            table = parse_toml(header)
    except TomlProblem as problem:
        raise ArticleFormatError(f"malformed front matter: {problem}") from None
    return table, body.lstrip("\r\n").rstrip()


def _simple_table(header: str) -> dict[str, Any] | None:
    """The table of a front matter made only of :data:`_SIMPLE_LINE` lines, as ``tomllib`` reads
    it; None for anything else (a comment, a blank line, another kind of value, a key twice, a
    date that is no date), which the TOML parser then reads, or refuses in its own words.

    Ten thousand articles' front matter take a second through ``tomllib``; these lines, almost
    every one written, take a tenth of that.
    """
    table: dict[str, Any] = {}
    lines = header.split("\n")
    if not lines[-1]:
        lines.pop()  # after the line break that ends the header
    for line in lines:
        found = _SIMPLE_LINE.fullmatch(line)
        if found is None:
            return None
        key, text, day = found.groups()
        if key in table:
            return None
        if text is not None:
            table[key] = _ESCAPE.sub(r"\1", text) if "\\" in text else text
        else:
            try:
                table[key] = date.fromisoformat(day)
            except ValueError:
                return None
    return table


def _closing_fence(rest: str) -> tuple[int, int] | None:
    """Where the closing fence line starts and ends in the text after the opening fence (lines as
    ``str.splitlines`` cuts them, looked at one by one: the body is not split)."""
    position = 0
    while position < len(rest):
        found = _LINE_BREAK.search(rest, position)
        end = found.end() if found is not None else len(rest)
        if rest[position:end].rstrip() == FENCE:
            return position, end
        position = end
    return None


def as_date(value: object, field: str) -> date | None:
    """Read a TOML date, datetime or ISO string as a date; 'unknown' and absence give None."""
    if value is None or value == "unknown" or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ArticleFormatError(f"{field} must be a date like 2025-11-07 or 'unknown', not {value!r}")


def as_text(table: dict[str, Any], field: str, default: str = "") -> str:
    """Read an optional string field, rejecting other types with a clear message."""
    value = table.get(field, default)
    if not isinstance(value, str):
        raise ArticleFormatError(f"{field} must be text, not {type(value).__name__}")
    return value.strip()


def render(meta: dict[str, Any], body: str) -> str:
    """Write an article file from its front matter fields and body (the inverse of ``split``)."""
    lines = [FENCE]
    for key, value in meta.items():
        if value is None or value == "":
            continue
        lines.append(f"{key} = {_toml_value(value)}")
    lines.append(FENCE)
    return "\n".join(lines) + "\n\n" + body.rstrip() + "\n"


def _toml_value(value: object) -> str:
    """A TOML literal for a string or date."""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch >= " " or ch == "\t" else f"\\u{ord(ch):04x}" for ch in escaped)
    return f'"{escaped}"'
