"""The time stamps every stored record carries: UTC, ISO 8601, to the microsecond."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def now() -> str:
    """The current UTC time as ISO 8601 with microseconds and a Z."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


class Stamped:
    """What the records with times share (tags, memos, attributes): a new record's modified time
    is its created time (unedited since it was made), and the times read back from a stored or
    exported form, one left out taken from the other."""

    __slots__ = ()
    created: str
    modified: str
    synced: str

    def __post_init__(self) -> None:
        """Stamp a new record's modified time with its created time."""
        if not self.modified:
            object.__setattr__(self, "modified", self.created)

    def times_json(self) -> dict[str, str]:
        """The times as the stored and exported form writes them."""
        return {"created": self.created, "modified": self.modified, "synced": self.synced}


def times_from_json(data: dict[str, Any]) -> dict[str, str]:
    """A stored or exported record's times as keyword arguments (one left out: the other's, or now)."""
    stamp = str(data.get("modified") or data.get("created") or now())
    return {
        "created": str(data.get("created", stamp)),
        "modified": str(data.get("modified", stamp)),
        "synced": str(data.get("synced", "")),
    }
