"""A normalised time: a first and last day, how precise it is, and how it was worked out."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

DAY, MONTH, YEAR, RANGE = "day", "month", "year", "range"


@dataclass(frozen=True, slots=True)
class When:
    """``start``–``end`` (both inclusive) at a precision: day, month, year or range."""

    start: date
    end: date
    precision: str
    reason: str

    @classmethod
    def day(cls, day: date, reason: str) -> When:
        """One day."""
        return cls(day, day, DAY, reason)

    @classmethod
    def month(cls, year: int, month: int, reason: str) -> When:
        """A whole month."""
        return cls(date(year, month, 1), month_end(year, month), MONTH, reason)

    @classmethod
    def year(cls, year: int, reason: str) -> When:
        """A whole year."""
        return cls(date(year, 1, 1), date(year, 12, 31), YEAR, reason)

    def label(self) -> str:
        """At its real precision: "25 Nov 2025", "Aug 2025", "2025", "13–24 Jun 2025"."""
        if self.precision == DAY:
            return f"{self.start.day} {self.start:%b %Y}"
        if self.precision == MONTH:
            return f"{self.start:%b %Y}"
        if self.precision == YEAR:
            return str(self.start.year)
        if (self.start.year, self.start.month) == (self.end.year, self.end.month):
            return f"{self.start.day}–{self.end.day} {self.start:%b %Y}"
        if self.start.year == self.end.year:
            return f"{self.start.day} {self.start:%b}–{self.end.day} {self.end:%b %Y}"
        return f"{self.start.day} {self.start:%b %Y}–{self.end.day} {self.end:%b %Y}"

    def as_json(self) -> dict[str, Any]:
        """JSON-ready: ISO dates, precision, label and reason."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "label": self.label(),
            "reason": self.reason,
        }


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def last_weekday(reference: date, weekday: int) -> date:
    """The most recent ``weekday`` (Monday 0) on or before ``reference``."""
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def most_recent_month(reference: date, month: int) -> int:
    """The year of the most recent ``month`` at or before ``reference``'s month."""
    return reference.year if month <= reference.month else reference.year - 1
