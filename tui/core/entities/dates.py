"""Date mentions: "November 7, 2025", "On October 25", "mid-June", "Tuesday", "earlier this year".

Detection only; resolving relative dates against the article's date comes later. The engine
anchors on month names, weekdays, year numbers and relative phrases found by its automaton.
Ids are ``date:2025-11-07`` for a full date, ``date:2024-03`` for a month and year,
``date:2025`` for a year, and otherwise ``date:`` + the lower-case text ("date:october 25").
"""

from __future__ import annotations

import re

from tui.core.entities.amounts import NUMBER_WORDS, format_number
from tui.core.entities.calendars import other_calendar_day
from tui.core.entities.spans import Record, Span
from tui.core.models import EntityType

MONTHS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
#: Abbreviated month names, found only with a day or a year: "Nov 25, 2025", "25 Nov. 2025".
ABBREVIATIONS: dict[str, int] = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
_NUMBERS = {**MONTHS, **ABBREVIATIONS}
#: A day (or a range of days) written before the month: "25 November", "25th of November", "13–24 June".
_DAY_BEFORE = re.compile(
    r"(?<![\w.,$])(?:(?P<first>\d{1,2})\s?[–-]\s?)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?$"
)
_ISO_TAIL = re.compile(r"-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d-])")
#: Months of the Iranian Solar Hijri and the Islamic calendars, found as "4 Azar 1404", "01 Rajab 1447".
OTHER_MONTHS: tuple[str, ...] = (
    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Amordad", "Shahrivar", "Mehr", "Aban",
    "Azar", "Dey", "Bahman", "Esfand", "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani",
    "Rabi' al-Awwal", "Rabi' al-Thani", "Jumada al-Awwal", "Jumada al-Thani", "Rajab", "Shaban",
    "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
)  # fmt: skip
_OTHER_DAY = re.compile(r"(?<![\w.])(\d{1,2})\s$")
_OTHER_YEAR = re.compile(r"\s(1[34]\d\d)(?!\d)")
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Relative expressions, matched as written (and with a capital first letter).
RELATIVE: tuple[str, ...] = (
    "earlier this year",
    "later this year",
    "this year",
    "last year",
    "next year",
    "earlier this month",
    "this month",
    "last month",
    "next month",
    "this week",
    "last week",
    "next week",
    "yesterday",
    "today",
    "tomorrow",
    "the past year",
    "the coming months",
    "the coming weeks",
    "the coming years",
)
#: Years the engine recognises as bare numbers (Gregorian) and after "year" (Iranian solar).
GREGORIAN_YEARS = range(1900, 2101)
SOLAR_YEARS = range(1300, 1500)

_DAY_YEAR = re.compile(r"(?:\s(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\d:]))?(?:,?\s(?P<year>\d{4})(?!\d))?")
_RANGE = re.compile(
    r"\s?(?:–|—|-|to)\s?(?P<month>[A-Z][a-z]+)(?:\s(?P<day>\d{1,2})(?!\d))?(?:,?\s(?P<year>\d{4})(?!\d))?"
)
_QUALIFIER = re.compile(r"(?:\b(?:[Ee]arly|[Ll]ate)\s|\b[Mm]id-)$")
_MAY_CONTEXT = re.compile(r"\b(?:in|on|since|by|until|of|from|last|next|this|early|late)\s$|mid-$")
_FUNCTION_WORDS = frozenset(
    {
        "On",
        "In",
        "By",
        "Since",
        "Until",
        "From",
        "Last",
        "Next",
        "This",
        "Every",
        "Early",
        "Late",
        "Before",
        "After",
        "Through",
    }
)
_SOLAR_CONTEXT = re.compile(r"(?:(?:Iranian|Persian|Solar Hijri)\s(?:calendar\s)?)?year\s$")
_WAR = re.compile(r"-day (?:imposed )?(?:war|confrontation|conflict)\b")
_WAR_NUMBER = re.compile(r"(?<![\w-])(\d{1,3}|[A-Za-z]+)$")


def month_date(text: str, start: int, end: int) -> Span | None:
    """The date that starts with the month name ``text[start:end]``, with day, year and range."""
    name = text[start:end]
    if name in OTHER_MONTHS:
        return other_calendar_date(text, start, end)
    abbreviated = name in ABBREVIATIONS
    match = _DAY_YEAR.match(text, end + 1 if abbreviated and text[end : end + 1] == "." else end)
    assert match is not None
    day, year = match.group("day"), match.group("year")
    stop = match.end()
    before = None if day else _DAY_BEFORE.search(text, max(0, start - 12), start)
    if before is not None:
        day, start = before.group("day"), before.start()
    if not day and not year:
        if abbreviated or (name == "May" and not _MAY_CONTEXT.search(text, max(0, start - 7), start)):
            return None
        if _inside_name(text, start, end):
            return None
    begin = _qualified_start(text, start)
    record = _date_record(text[begin:stop], _NUMBERS[name], day, year, begin == start)
    if before is not None and before.group("first") and year:
        days = (before.group("first"), day)
        first, last = (f"{year}-{_NUMBERS[name]:02d}-{int(d):02d}" for d in days)
        record = (EntityType.DATE, f"date:{first}/{last}", text[begin:stop], None, None)
    extra = _RANGE.match(text, stop)
    if extra is not None and extra.group("month") in MONTHS and (extra.group("year") or extra.group("day")):
        first = record[1].removeprefix("date:")
        second = _date_record(
            extra.group(), MONTHS[extra.group("month")], extra.group("day"), extra.group("year"), True
        )[1].removeprefix("date:")
        stop = extra.end()
        record = (EntityType.DATE, f"date:{first}/{second}", text[begin:stop], None, None)
    return begin, stop, record


def weekday_date(text: str, start: int, end: int) -> Span | None:
    """The weekday ``text[start:end]`` as a date mention, unless it is part of a name."""
    if _inside_name(text, start, end):
        return None
    name = text[start:end]
    return start, end, (EntityType.DATE, f"date:{name.lower()}", name, None, None)


def relative_date(text: str, start: int, end: int) -> Span:
    """A relative expression such as "earlier this year" as a date mention."""
    phrase = text[start:end]
    return start, end, (EntityType.DATE, f"date:{phrase.lower()}", phrase, None, None)


def year_date(text: str, start: int, end: int) -> Span | None:
    """The year number ``text[start:end]`` (with "early"/"mid-" or "Iranian calendar year")."""
    if (start and text[start - 1] in "$.,€£") or (
        text[end : end + 1] in (",", ".") and text[end + 1 : end + 2].isdigit()
    ):
        return None
    year = int(text[start:end])
    iso = _ISO_TAIL.match(text, end)
    if iso is not None and year in GREGORIAN_YEARS:
        written = text[start : iso.end()]
        return start, iso.end(), (EntityType.DATE, f"date:{written}", written, None, None)
    if year in SOLAR_YEARS:
        context = _SOLAR_CONTEXT.search(text, max(0, start - 40), start)
        if context is None:
            return None
        phrase = text[context.start() : end]
        return context.start(), end, (EntityType.DATE, f"date:{phrase.lower()}", phrase, None, None)
    begin = _qualified_start(text, start)
    phrase = text[begin:end]
    key = str(year) if begin == start else phrase.lower()
    return begin, end, (EntityType.DATE, f"date:{key}", phrase, None, None)


def war_dates(text: str) -> list[Span]:
    """Named short wars as date mentions: "the 12-day war", "twelve-day confrontation"."""
    spans: list[Span] = []
    for match in _WAR.finditer(text):
        number = _WAR_NUMBER.search(text, max(0, match.start() - 12), match.start())
        if number is None:
            continue
        written = number.group(1)
        days = float(written) if written.isdigit() else NUMBER_WORDS.get(written.lower())
        if not days:
            continue
        name = f"{format_number(days)}-day war"
        spans.append(
            (
                number.start(),
                match.end(),
                (EntityType.DATE, f"date:{name.replace(' ', '-')}", name, None, None),
            )
        )
    return spans


def _qualified_start(text: str, start: int) -> int:
    """Where a date starts once a leading "early ", "late " or "mid-" is included."""
    qualifier = _QUALIFIER.search(text, max(0, start - 6), start)
    return qualifier.start() if qualifier else start


def _inside_name(text: str, start: int, end: int) -> bool:
    """Whether a bare month or weekday is part of a capitalised name ("Black Friday", "June Smith")."""
    following = re.match(r" ([A-Z][a-z]+)", text[end : end + 20])
    if following and following.group(1) not in MONTHS and following.group(1) not in WEEKDAYS:
        return True
    preceding = re.search(r"([A-Z][a-z]+) $", text[max(0, start - 20) : start])
    return bool(preceding and preceding.group(1) not in _FUNCTION_WORDS and preceding.group(1) not in MONTHS)


def _date_record(phrase: str, month: int, day: str | None, year: str | None, plain: bool) -> Record:
    """The record of a month date: ISO where day and year (or year) are known."""
    if year and day and plain:
        key = f"{year}-{month:02d}-{int(day):02d}"
    elif year and plain:
        key = f"{year}-{month:02d}"
    else:
        key = " ".join(phrase.lower().split())
    return EntityType.DATE, f"date:{key}", phrase, None, None


def other_calendar_date(text: str, start: int, end: int) -> Span | None:
    """ "4 Azar 1404" or "01 Rajab 1447" around the month name: a date with its Gregorian id."""
    day = _OTHER_DAY.search(text, max(0, start - 4), start)
    year = _OTHER_YEAR.match(text, end)
    if day is None or year is None:
        return None
    found = other_calendar_day(int(day.group(1)), text[start:end], int(year.group(1)))
    if found is None:
        return None
    written = text[day.start() : year.end()]
    return day.start(), year.end(), (EntityType.DATE, f"date:{found[0].isoformat()}", written, None, None)
