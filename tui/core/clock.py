"""The time stamps every stored record carries: UTC, ISO 8601, to the microsecond."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> str:
    """The current UTC time as ISO 8601 with microseconds and a Z."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
