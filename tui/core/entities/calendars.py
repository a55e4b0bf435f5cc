"""Iranian (Solar Hijri) and Islamic (Hijri) dates to Gregorian, with well-kept calendar libraries.

jdatetime converts the Solar Hijri calendar used in Iran; hijridate converts Islamic dates by the
Umm al-Qura calendar. Month names are matched in their common English spellings. Both the entity
engine (a date's id) and the timeline's resolver use it, so it lives in the lower of the two.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

SOLAR_MONTHS = {
    "farvardin": 1, "ordibehesht": 2, "khordad": 3, "tir": 4, "mordad": 5, "amordad": 5,
    "shahrivar": 6, "mehr": 7, "aban": 8, "azar": 9, "dey": 10, "bahman": 11, "esfand": 12,
}  # fmt: skip
HIJRI_MONTHS = {
    "muharram": 1, "safar": 2, "rabi al-awwal": 3, "rabi' al-awwal": 3, "rabi ul-awwal": 3,
    "rabi al-thani": 4, "rabi' al-thani": 4, "rabi al-akhir": 4, "rabi ul-akhir": 4,
    "jumada al-awwal": 5, "jumada al-ula": 5, "jumada al-thani": 6, "jumada al-akhirah": 6,
    "rajab": 7, "sha'ban": 8, "shaban": 8, "ramadan": 9, "shawwal": 10,
    "dhu al-qadah": 11, "dhu al-qi'dah": 11, "dhul qadah": 11, "dhu al-hijjah": 12, "dhul hijjah": 12,
}  # fmt: skip
_FOLD = re.compile(r"[\s'’‘ʿʾ-]+")


def _key(name: str) -> str:
    """A month name folded for lookup: lower case, without apostrophes, hyphens or spaces."""
    return _FOLD.sub("", name.lower())


_SOLAR = {_key(name): number for name, number in SOLAR_MONTHS.items()}
_HIJRI = {_key(name): number for name, number in HIJRI_MONTHS.items()}


def solar_month(name: str) -> int | None:
    """The number of a Solar Hijri month name ("Azar" is 9)."""
    return _SOLAR.get(_key(name))


def hijri_month(name: str) -> int | None:
    """The number of an Islamic month name ("Rajab" is 7, "Rabi' al-Awwal" 3)."""
    return _HIJRI.get(_key(name))


def solar_to_gregorian(year: int, month: int, day: int) -> date | None:
    """A Solar Hijri date in the Gregorian calendar (None if there is no such date)."""
    import jdatetime

    try:
        converted: date = jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None
    return converted


def solar_year(year: int) -> tuple[date, date] | None:
    """The first and last Gregorian days of a Solar Hijri year (Nowruz to the eve of the next)."""
    first = solar_to_gregorian(year, 1, 1)
    following = solar_to_gregorian(year + 1, 1, 1)
    if first is None or following is None:
        return None
    return first, following - timedelta(days=1)


def solar_year_of(day: date) -> int:
    """The Solar Hijri year a Gregorian day falls in (20 November 2024 is in 1403)."""
    import jdatetime

    year: int = jdatetime.date.fromgregorian(date=day).year
    return year


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """An Islamic (Umm al-Qura) date in the Gregorian calendar (None outside its range)."""
    from hijridate import Hijri

    try:
        converted: date = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return converted


def other_calendar_day(day: int, name: str, year: int) -> tuple[date, str, str] | None:
    """ "4 Azar 1404" or "01 Rajab 1447" in the Gregorian calendar, with the calendar's name and the
    library that converted it (None if ``name`` is neither calendar's month or there is no such day)."""
    solar = solar_month(name)
    if solar is not None:
        converted = solar_to_gregorian(year, solar, day)
        return (converted, "Solar Hijri", "jdatetime") if converted else None
    hijri = hijri_month(name)
    if hijri is not None:
        converted = hijri_to_gregorian(year, hijri, day)
        return (converted, "Islamic", "hijridate, Umm al-Qura") if converted else None
    return None
