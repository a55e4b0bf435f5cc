"""Writing an added article: its id, its file name and its front matter.

Ids are ``NNN_<16 hex digits>``: the next number in the folder and the start of the SHA-256 of
the body, like the bundled articles'. Files are written under a temporary name and renamed
into place, never over an existing file, so an interrupted ``add`` leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from tui.core.adding.sources import Draft
from tui.core.corpus import ARTICLE_SUFFIX

_NUMBER = re.compile(r"^(\d+)_")


#: How much of a text's end is compared to find the same article kept with another heading.
TAIL_CHARS = 1000


def text_keys(text: str) -> tuple[str, str]:
    """What makes two texts the same article: all their words, whatever the spacing and line
    breaks; or their last :data:`TAIL_CHARS` characters of words (the same story saved with or
    without its title, standfirst or date line)."""
    words = " ".join(text.split())
    whole = hashlib.sha256(words.encode("utf-8")).hexdigest()
    if len(words) < 2 * TAIL_CHARS:
        return whole, whole
    return whole, "tail:" + hashlib.sha256(words[-TAIL_CHARS:].encode("utf-8")).hexdigest()


def next_number(folder: Path) -> int:
    """One more than the highest article number in a folder (0 in an empty one)."""
    numbers = [int(m.group(1)) for p in folder.glob(f"*{ARTICLE_SUFFIX}") if (m := _NUMBER.match(p.name))]
    return max(numbers, default=-1) + 1


def article_id(number: int, text: str) -> str:
    """The id of the ``number``-th article with this body."""
    return f"{number:03d}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


def render(article: str, draft: Draft) -> str:
    """The article file: TOML front matter, then the body word for word."""
    fields: list[tuple[str, str | None]] = [
        ("id", article),
        ("title", draft.title),
        ("standfirst", draft.standfirst or None),
        ("published", draft.published.isoformat() if draft.published else '"unknown"'),
        ("dateline", draft.dateline or "unknown"),
        ("date_basis", draft.date_basis or "unknown"),
        ("source", draft.source or "unknown"),
        ("url", draft.url or None),
        ("added_from", Path(draft.path).name),
    ]
    lines = ["+++"]
    for key, value in fields:
        if value is None:
            continue
        lines.append(f"{key} = {value}" if key == "published" else f"{key} = {_toml_string(value)}")
    lines += ["+++", "", draft.text.strip("\n").rstrip(), ""]
    return "\n".join(lines)


def _toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, and TOML also wants DEL escaped."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def write_new(folder: Path, name: str, content: str) -> Path:
    """Write a new file atomically; ``FileExistsError`` if the name is taken.

    The text goes to a temporary file of its own (hidden, so a reader of the folder never sees
    it), is flushed to disk, then linked under its name, which fails rather than replaces.
    """
    target = folder / name
    descriptor, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(temporary, target)
    finally:
        os.unlink(temporary)
    return target
