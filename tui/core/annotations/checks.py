"""Checking imported JSON field by field, so an error says what is wrong and where."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

#: How far ahead of this machine's clock an imported time may be (another machine's clock may
#: run a little fast); anything later cannot be a real edit time and is refused.
CLOCK_SKEW = timedelta(hours=1)


class InvalidImport(Exception):
    """An import file that does not hold what it should: the JSON path and the problem."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


def obj(value: Any, where: str) -> dict[str, Any]:
    """``value`` as a JSON object."""
    if not isinstance(value, dict):
        raise InvalidImport(where, f"expected an object, found {_kind(value)}")
    return value


def array(value: Any, where: str) -> list[Any]:
    """``value`` as a JSON array."""
    if not isinstance(value, list):
        raise InvalidImport(where, f"expected an array, found {_kind(value)}")
    return value


def text(data: dict[str, Any], key: str, where: str, required: bool = True, empty: bool = True) -> str:
    """The string ``data[key]`` ("" if optional and absent)."""
    if key not in data:
        if required:
            raise InvalidImport(where, f'missing "{key}"')
        return ""
    value = data[key]
    if not isinstance(value, str):
        raise InvalidImport(f"{where}.{key}", f"expected a string, found {_kind(value)}")
    if not empty and not value.strip():
        raise InvalidImport(f"{where}.{key}", "must not be empty")
    return value


def integer(data: dict[str, Any], key: str, where: str) -> int:
    """The non-negative integer ``data[key]``."""
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidImport(f"{where}.{key}", f"expected a whole number, found {_kind(value)}")
    if value < 0:
        raise InvalidImport(f"{where}.{key}", "must not be negative")
    return value


def annotation_id(value: str, where: str) -> str:
    """A UUID in canonical form."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise InvalidImport(where, f"not a UUID: {value[:60]!r}") from None


def timestamp(value: str, where: str) -> str:
    """``value`` if it is "" or an ISO 8601 date and time, not in the future (beyond
    :data:`CLOCK_SKEW`): the times that decide which copy of an annotation wins. A time without
    a time zone (other tools write them) is read as UTC and returned with its zone, ``Z``, so a
    file imported twice gives the same times."""
    if not value:
        return value
    written = _date_and_time(value)
    if written is None:
        raise InvalidImport(where, f"not a date and time: {value[:40]!r}")
    if _in_utc_if_plain(written) > datetime.now(UTC) + CLOCK_SKEW:
        raise InvalidImport(where, f"in the future: {value[:40]!r}")
    if written.tzinfo is not None:
        return value
    return _in_utc_if_plain(written).isoformat().replace("+00:00", "Z")


def parse_time(value: str) -> datetime | None:
    """An ISO 8601 date and time as an aware datetime, one without a time zone read as UTC;
    None for anything else (a date alone included: it says no time)."""
    written = _date_and_time(value)
    return None if written is None else _in_utc_if_plain(written)


def _date_and_time(value: str) -> datetime | None:
    """An ISO 8601 date and time as written (with or without a time zone); None for anything
    else, a date alone included."""
    try:
        written = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return written
    return None


def _in_utc_if_plain(written: datetime) -> datetime:
    """An aware datetime: one without a time zone is taken as UTC."""
    return written if written.tzinfo is not None else written.replace(tzinfo=UTC)


def _kind(value: Any) -> str:
    """The JSON name of a value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )
