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
    """A tag's ``parent/child`` name in at most ``limit`` characters, its leaf kept whole where it
    fits: the first part is cut and the parts between left out first ("rq2_curr…/…/interdisciplinary"),
    so names that differ only at their end never look the same."""
    if len(name) <= limit:
        return name
    parts = name.split("/")
    leaf = parts[-1]
    middle = "/…/" if len(parts) > 2 else "/"
    room = limit - len(leaf) - len(middle)  # for the first part
    if len(parts) == 1 or room < 2:
        return "…" + name[-(limit - 1) :]
    head = parts[0] if len(parts[0]) <= room else parts[0][: room - 1] + "…"
    return f"{head}{middle}{leaf}"
