"""Labels the panes and views write the same way: counts with their nouns, publication dates."""

from __future__ import annotations

from datetime import date

#: What a view says for an article with no publication date.
NO_DATE = "date unknown"


def counted(number: int, one: str, many: str = "") -> str:
    """``number`` and the noun it counts, plural unless one: "1 match", "2 matches", "2,400 mentions"."""
    return f"{number:,} {one if number == 1 else many or one + 's'}"


def date_label(published: date | None) -> str:
    """A publication date as the views show it, ISO as in the article list: "2025-11-25" (or
    :data:`NO_DATE`)."""
    return published.isoformat() if published is not None else NO_DATE


def short_path(name: str, limit: int) -> str:
    """A tag's ``parent/child`` name in at most ``limit`` characters: the parts nearest the leaf kept
    whole, those above left out first ("…/curriculum/interdisciplinary"), so names that differ at
    their end or in a parent near it never look the same."""
    if len(name) <= limit:
        return name
    parts = name.split("/")
    for first in range(1, len(parts)):
        tail = "…/" + "/".join(parts[first:])
        if len(tail) <= limit:
            return tail
    return "…" + name[-(limit - 1) :]
