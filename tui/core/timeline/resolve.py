"""Normalising one temporal expression against a reference date.

``resolve(text, reference)`` handles full dates, month and day, month and year, month alone
(the most recent one), weekdays (the most recent, the reference day included), parts of
months and years ("mid-June", "early 2025"), years, relative phrases ("earlier this year",
"last month", "the past year", "the coming months"), ranges ("March 2024–March 2025"),
named events ("the 12-day war"), Iranian Solar Hijri years and dates ("the Iranian calendar
year 1403", "4 Azar 1404") and Islamic dates ("01 Rajab 1447"). The reference is the article's
publication date or, in narrative, the explicit date before the expression (see
:mod:`.expressions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from tui.core.entities import calendars
from tui.core.timeline.when import DAY, RANGE, When, last_weekday, month_end, most_recent_month

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
WEEKDAYS = {name: number for number, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}  # fmt: skip
#: Events named by their length, with their dates: "the 12-day war" (Israel and Iran, June 2025).
NAMED_EVENTS = {12: (date(2025, 6, 13), date(2025, 6, 24), "the Iran–Israel war of 13–24 June 2025")}
_NUMBERS = {"twelve": 12}

_M = r"(?P<month>[A-Za-z]{3,9})\.?"
#: "early", "mid-", "late", and "the beginning/start/middle/end of": parts of a month (GUIDE.md).
_PART = r"(?:(?P<part>early|mid|late)[- ]|(?P<part_of>beginning|start|middle|end) of (?:the month of )?)"
_PARTS = {"early": "early", "beginning": "early", "start": "early", "mid": "mid", "middle": "mid",
          "late": "late", "end": "late"}  # fmt: skip
_PATTERNS: list[tuple[str, str]] = [
    ("day_range", r"(?P<d1>\d{1,2}) ?[–—-] ?(?P<d2>\d{1,2}) " + _M + r",? (?P<year>\d{4})"),
    ("month_day_range", _M + r" (?P<d1>\d{1,2}) ?[–—-] ?(?P<d2>\d{1,2})(?:,? (?P<year>\d{4}))?"),
    ("month_range", r"(?P<m1>[A-Za-z]{3,9})\.? (?P<y1>\d{4}) ?[–—-] ?(?P<m2>[A-Za-z]{3,9})\.? (?P<y2>\d{4})"),
    ("solar_year", r"(?:iranian|persian|solar(?: hijri)?)(?: calendar)? year (?P<year>1[2-4]\d\d)"),
    (
        "solar_relative",
        r"(?P<which>current|present|this|last|previous|past|preceding|next) "
        r"(?:iranian|persian|solar(?: hijri)?)(?: calendar)? year",
    ),
    ("named_war", r"(?P<days>\d+|twelve)[- ]day (?:imposed )?(?:war|conflict|confrontation)"),
    ("other_calendar", r"(?P<day>\d{1,2}) (?P<name>[A-Za-z’'ʿ -]{3,20}?) (?P<year>1[2-4]\d\d)"),
    ("month_day_year", _M + r" (?P<day>\d{1,2})(?:st|nd|rd|th)?,? (?P<year>\d{4})"),
    ("day_month_year", r"(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _M + r",? (?P<year>\d{4})"),
    ("iso", r"(?P<year>\d{4})-(?P<month_n>\d{2})-(?P<day>\d{2})"),
    ("part_of_year", r"(?P<part>early|mid|late)[- ](?P<year>\d{4})"),
    ("part_of_month_year", _PART + _M + r",? (?P<year>\d{4})"),
    ("ago", r"(?P<count>\d{1,2}) (?P<unit>day|week)s? ago"),
    ("part_of_relative", r"(?P<part>early|mid|late)[- ](?P<which>this|last|next) (?P<unit>month|year)"),
    ("part_of_month", _PART + _M),
    (
        "day_of_month",
        r"(?P<coming>coming )?(?P<day>\d{1,2})(?:st|nd|rd|th)(?: of (?P<which>this|next|last|the) month)?",
    ),
    ("month_year", _M + r",? (?P<year>\d{4})"),
    ("month_day", _M + r" (?P<day>\d{1,2})(?:st|nd|rd|th)?"),
    ("day_month", r"(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _M),
    ("year", r"(?:in |the year )?(?P<year>(?:19|20)\d\d)"),
    ("weekday", r"(?:on )?(?:(?P<which>last|this|next|coming|this coming) )?(?P<weekday>[A-Za-z]{6,9})"),
    ("month", r"(?:in |last |this )?" + _M),
    ("range", r"(?P<phrase>.+)"),
    ("relative", r"(?P<phrase>.+)"),
]
_COMPILED = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _PATTERNS]


_LEADING = re.compile(r"^(?:(?:on|in|since|by|during|from|between|the)\s+)+", re.IGNORECASE)
#: Where a range's two ends meet: "March 20 - August 21", "2020 and 2023", "June to August".
_SEPARATOR = re.compile(r" ?[–—-] ?| (?:to|until|till|through|and) ")


@lru_cache(maxsize=1 << 16)
def resolve(text: str, reference: date | None) -> When | None:
    """The time ``text`` stands for, worked out against ``reference`` (None if it cannot be).

    Remembered (a ``When`` is immutable): a corpus says "Tuesday" or "last month" of the same
    publication day many times.
    """
    cleaned = " ".join(text.replace("\u00a0", " ").split()).strip(" .,;:()")
    cleaned = _LEADING.sub("", cleaned)
    for name, pattern in _COMPILED:
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        found = _HANDLERS[name](match.groupdict(), reference)
        if found is not None:
            return found
    return None


def _month(name: str | None) -> int | None:
    """A Gregorian month's number from its name or abbreviation."""
    return MONTHS.get((name or "").lower())


def _full_date(groups: dict[str, str], reference: date | None) -> When | None:
    """ "October 28, 2025", "28 October 2025", "2025-10-28"."""
    month = _month(groups.get("month")) or int(groups.get("month_n") or 0)
    try:
        return When.day(date(int(groups["year"]), month, int(groups["day"])), "explicit date")
    except (ValueError, TypeError):
        return None


def _month_day(groups: dict[str, str], reference: date | None) -> When | None:
    """ "October 25": the year that puts it nearest the reference."""
    month = _month(groups["month"])
    if month is None or reference is None:
        return None
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, int(groups["day"])))
        except ValueError:
            continue
    if not candidates:
        return None
    best = min(candidates, key=lambda day: abs((day - reference).days))
    return When.day(best, f"month and day; the year of {reference.isoformat()}")


def _month_year(groups: dict[str, str], reference: date | None) -> When | None:
    """ "March 2024"."""
    month = _month(groups["month"])
    return When.month(int(groups["year"]), month, "month and year") if month else None


def _month_only(groups: dict[str, str], reference: date | None) -> When | None:
    """ "In August": the most recent August."""
    month = _month(groups["month"])
    if month is None or reference is None:
        return None
    year = most_recent_month(reference, month)
    return When.month(year, month, f"month alone: the most recent before {reference.isoformat()}")


def _weekday(groups: dict[str, str], reference: date | None) -> When | None:
    """ "on Tuesday": the most recent Tuesday, the reference day included; "last Tuesday" the one
    before the reference; said to be coming ("will meet on Tuesday"), the first on or after it;
    "next Tuesday" the first after it."""
    weekday = WEEKDAYS.get(groups["weekday"].lower())
    if weekday is None or reference is None:
        return None
    which = (groups["which"] or "").lower()
    name = groups["weekday"].capitalize()
    if which == "last":
        day = last_weekday(reference - timedelta(days=1), weekday)
        return When.day(day, f"weekday: the {name} before {reference.isoformat()}")
    if which in ("next", "coming", "this coming"):
        after = 1 if which == "next" else 0
        day = reference + timedelta(days=after + (weekday - reference.weekday() - after) % 7)
        return When.day(
            day, f"weekday: the {name} {'after' if after else 'of or after'} {reference.isoformat()}"
        )
    day = last_weekday(reference, weekday)
    return When.day(day, f"weekday: the {name} of or before {reference.isoformat()}")


def _part_of_month(groups: dict[str, str], reference: date | None) -> When | None:
    """ "mid-June": days 11–20 of the most recent June (early 1–10, late 21 to the end); "the end
    of March" is its late part, "the beginning of March" its early part."""
    month = _month(groups["month"])
    if month is None or reference is None:
        return None
    year = most_recent_month(reference, month)
    return _month_part(groups, year, month, f"the most recent before {reference.isoformat()}")


def _part_of_month_year(groups: dict[str, str], reference: date | None) -> When | None:
    """ "late June 2024": days 21–30 of June 2024."""
    month = _month(groups["month"])
    return _month_part(groups, int(groups["year"]), month, "month and year") if month else None


def _month_part(groups: dict[str, str], year: int, month: int, basis: str) -> When:
    """The early (days 1–10), mid (11–20) or late (21 to the end) part of a month, as GUIDE.md labels it."""
    part = _PARTS[(groups["part"] or groups["part_of"]).lower()]
    first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, month_end(year, month).day)}[part]
    return When(
        date(year, month, first), date(year, month, last), RANGE, f"{part} part of the month: {basis}"
    )


def _month_day_range(groups: dict[str, str], reference: date | None) -> When | None:
    """ "September 15-16, 2025": from the first day to the second (without a year, the year that
    puts the first day nearest the reference)."""
    first = _full_date(groups | {"day": groups["d1"]}, reference) if groups["year"] else None
    if first is None and not groups["year"]:
        first = _month_day(groups | {"day": groups["d1"]}, reference)
    if first is None:
        return None
    try:
        last = first.start.replace(day=int(groups["d2"]))
    except ValueError:
        return None
    return When(first.start, last, RANGE, "range of days") if first.start < last else None


def _day_of_month(groups: dict[str, str], reference: date | None) -> When | None:
    """ "the 22nd of this month", "the 5th of next month"; "the 3rd" alone: the most recent 3rd."""
    if reference is None:
        return None
    which = (groups["which"] or "").lower()
    if which in ("this", "the"):
        month_start = reference.replace(day=1)
    elif which == "next":
        month_start = _next_month(reference)[0]
    elif which == "last":
        month_start = _previous_month(reference)[0]
    elif groups["coming"]:  # "will be held on the 3rd": the next 3rd, the reference day included
        month_start = reference.replace(day=1)
        if int(groups["day"]) < reference.day:
            month_start = _next_month(reference)[0]
    else:
        month_start = reference.replace(day=1)
        if int(groups["day"]) > reference.day:
            month_start = _previous_month(reference)[0]
    try:
        day = month_start.replace(day=int(groups["day"]))
    except ValueError:
        return None
    month = (
        f"{which} month" if which else ("the coming" if groups["coming"] else "the most recent") + " such day"
    )
    return When.day(day, f"day of the month: {month} from {reference.isoformat()}")


def _ago(groups: dict[str, str], reference: date | None) -> When | None:
    """ "2 days ago", "1 week ago": that many days (or weeks) before the reference."""
    if reference is None:
        return None
    days = int(groups["count"]) * (7 if groups["unit"].lower() == "week" else 1)
    return When.day(reference - timedelta(days=days), f"{groups['count']} {groups['unit']}(s) ago")


def _part_of_relative(groups: dict[str, str], reference: date | None) -> When | None:
    """ "late last month": days 21 to the end of the month before the reference's; "early next
    year": January–April of the year after it (as "late June", "early 2025")."""
    if reference is None:
        return None
    first, _ = _RELATIVE[f"{groups['which'].lower()} {groups['unit'].lower()}"](reference)
    if groups["unit"].lower() == "month":
        return _month_part(groups | {"part_of": ""}, first.year, first.month, f"from {reference.isoformat()}")
    return _part_of_year(groups | {"year": str(first.year)}, reference)


def _solar_relative(groups: dict[str, str], reference: date | None) -> When | None:
    """ "the current Iranian calendar year": the Solar Hijri year of the reference (Nowruz to the eve
    of the next); "the last Iranian year" the one before, "the next" the one after."""
    if reference is None:
        return None
    shift = {"last": -1, "previous": -1, "past": -1, "preceding": -1, "next": 1}.get(
        groups["which"].lower(), 0
    )
    year = calendars.solar_year_of(reference) + shift
    span = calendars.solar_year(year)
    if span is None:
        return None
    return When(span[0], span[1], RANGE, f"Solar Hijri year {year} (jdatetime), from {reference.isoformat()}")


def _range(groups: dict[str, str], reference: date | None) -> When | None:
    """ "March 20 to December 21, 2024", "March 20 - August 21", "2020 and 2023", "June to August":
    from the first end's first day to the second's last. The second end is read first; a first end
    without a year takes the second's year (or the year before, if it would come after it)."""
    phrase = groups["phrase"]
    for separator in _SEPARATOR.finditer(phrase):
        first, second = phrase[: separator.start()], phrase[separator.end() :]
        if not first or not second or not second[:1].isalnum():
            continue
        last = resolve(second, reference)
        if last is None or last.precision == RANGE or last.reason.startswith(("“", "weekday")):
            continue
        start = _range_start(first, last, reference)
        if start is not None and start.start <= last.end:
            return When(start.start, last.end, RANGE, f"range: {start.reason} to {last.reason}")
    return None


def _range_start(first: str, last: When, reference: date | None) -> When | None:
    """The first end of a range, given its last: with the last's year if it has none of its own."""
    if re.search(r"\d{4}", first):
        found = resolve(first, reference)
    else:
        found = resolve(f"{first.rstrip(', ')} {last.end.year}", reference)
        if found is not None and found.start > last.end:
            found = resolve(f"{first.rstrip(', ')} {last.end.year - 1}", reference)
    if found is None or found.precision == RANGE or found.reason.startswith(("“", "weekday")):
        return None
    return found


def _part_of_year(groups: dict[str, str], reference: date | None) -> When | None:
    """ "early 2025": January–April (mid May–August, late September–December)."""
    year = int(groups["year"])
    first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[groups["part"].lower()]
    return When(
        date(year, first, 1), month_end(year, last), RANGE, f"{groups['part'].lower()} part of the year"
    )


def _year(groups: dict[str, str], reference: date | None) -> When | None:
    """ "2025"."""
    return When.year(int(groups["year"]), "year")


def _day_range(groups: dict[str, str], reference: date | None) -> When | None:
    """ "13–24 June 2025": from the first day to the last."""
    month = _month(groups["month"])
    try:
        start = date(int(groups["year"]), month or 0, int(groups["d1"]))
        end = date(int(groups["year"]), month or 0, int(groups["d2"]))
    except ValueError:
        return None
    return When(start, end, RANGE, "range of days") if start <= end else None


def _month_range(groups: dict[str, str], reference: date | None) -> When | None:
    """ "March 2024–March 2025": from the first month's start to the second month's end."""
    first, second = _month(groups["m1"]), _month(groups["m2"])
    if first is None or second is None:
        return None
    start, end = date(int(groups["y1"]), first, 1), month_end(int(groups["y2"]), second)
    return When(start, end, RANGE, "range of months") if start <= end else None


def _solar_year(groups: dict[str, str], reference: date | None) -> When | None:
    """ "the Iranian calendar year 1403": Nowruz 1403 to the eve of Nowruz 1404."""
    year = int(groups["year"])
    span = calendars.solar_year(year)
    if span is None:
        return None
    return When(span[0], span[1], RANGE, f"Solar Hijri year {year} (jdatetime)")


def _other_calendar(groups: dict[str, str], reference: date | None) -> When | None:
    """ "4 Azar 1404" (Solar Hijri) or "01 Rajab 1447" (Islamic, Umm al-Qura)."""
    name, day, year = groups["name"].strip(), int(groups["day"]), int(groups["year"])
    found = calendars.other_calendar_day(day, name, year)
    if found is None:
        return None
    converted, calendar, library = found
    return When.day(converted, f"{calendar} {day} {name} {year} ({library})")


def _named_war(groups: dict[str, str], reference: date | None) -> When | None:
    """ "the 12-day war": a known event named by its length."""
    written = groups["days"].lower()
    days = _NUMBERS.get(written) or (int(written) if written.isdigit() else 0)
    if days not in NAMED_EVENTS:
        return None
    start, end, name = NAMED_EVENTS[days]
    return When(start, end, RANGE, f"named event: {name}")


def _relative(groups: dict[str, str], reference: date | None) -> When | None:
    """ "earlier this year", "last month", "the past year", "the coming months"…"""
    phrase = groups["phrase"].lower().removeprefix("the ")
    if reference is None:
        return None
    rule = _RELATIVE.get(phrase) or ANAPHORIC.get(phrase)
    if rule is None:
        return None
    start, end = rule(reference)
    return When(start, end, DAY if start == end else RANGE, f"“{phrase}” from {reference.isoformat()}")


def _next_month(reference: date) -> tuple[date, date]:
    """The whole month after the reference's."""
    first = month_end(reference.year, reference.month) + timedelta(days=1)
    return first, month_end(first.year, first.month)


def _previous_month(reference: date) -> tuple[date, date]:
    """The whole month before the reference's."""
    last = reference.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


_RELATIVE: dict[str, Callable[[date], tuple[date, date]]] = {
    "earlier this year": lambda r: (date(r.year, 1, 1), r),
    "this year": lambda r: (date(r.year, 1, 1), date(r.year, 12, 31)),
    "last year": lambda r: (date(r.year - 1, 1, 1), date(r.year - 1, 12, 31)),
    "last month": _previous_month,
    "this month": lambda r: (r.replace(day=1), month_end(r.year, r.month)),
    "last week": lambda r: (r - timedelta(days=7 + r.weekday()), r - timedelta(days=1 + r.weekday())),
    "past year": lambda r: (r - timedelta(days=365), r),
    "past few months": lambda r: (r - timedelta(days=120), r),
    "recent months": lambda r: (r - timedelta(days=120), r),
    "coming months": lambda r: (r, r + timedelta(days=180)),
    "coming years": lambda r: (r, r + timedelta(days=3 * 365)),
    "coming weeks": lambda r: (r, r + timedelta(days=42)),
    "yesterday": lambda r: (r - timedelta(days=1), r - timedelta(days=1)),
    "today": lambda r: (r, r),
    "tomorrow": lambda r: (r + timedelta(days=1), r + timedelta(days=1)),
    "this week": lambda r: (r - timedelta(days=r.weekday()), r + timedelta(days=6 - r.weekday())),
    "next week": lambda r: (r + timedelta(days=7 - r.weekday()), r + timedelta(days=13 - r.weekday())),
    "earlier this month": lambda r: (r.replace(day=1), r),
    "next month": lambda r: _next_month(r),
    "later this month": lambda r: (r, month_end(r.year, r.month)),
    "earlier this week": lambda r: (r - timedelta(days=r.weekday()), r),
    "later this week": lambda r: (r, r + timedelta(days=6 - r.weekday())),
    "current year": lambda r: (date(r.year, 1, 1), date(r.year, 12, 31)),
    "current month": lambda r: (r.replace(day=1), month_end(r.year, r.month)),
    "day before yesterday": lambda r: (r - timedelta(days=2), r - timedelta(days=2)),
    "day after tomorrow": lambda r: (r + timedelta(days=2), r + timedelta(days=2)),
    "later this year": lambda r: (r, date(r.year, 12, 31)),
    "next year": lambda r: (date(r.year + 1, 1, 1), date(r.year + 1, 12, 31)),
}
#: The phrases that count from the time last spoken of, not from the time of writing: "the
#: previous day" of "on May 3" is 2 May (see :mod:`.expressions`).
ANAPHORIC: dict[str, Callable[[date], tuple[date, date]]] = {
    "that day": lambda r: (r, r),
    "same day": lambda r: (r, r),
    "previous day": lambda r: (r - timedelta(days=1), r - timedelta(days=1)),
    "day before": lambda r: (r - timedelta(days=1), r - timedelta(days=1)),
    "following day": lambda r: (r + timedelta(days=1), r + timedelta(days=1)),
    "next day": lambda r: (r + timedelta(days=1), r + timedelta(days=1)),
    "previous year": lambda r: (date(r.year - 1, 1, 1), date(r.year - 1, 12, 31)),
    "preceding year": lambda r: (date(r.year - 1, 1, 1), date(r.year - 1, 12, 31)),
    "following year": lambda r: (date(r.year + 1, 1, 1), date(r.year + 1, 12, 31)),
}
#: The phrases that count from the time of writing (the publication date), never from a date the
#: text gave before them: "last week" in an article of 9 May is the week before 9 May's.
DEICTIC = frozenset(_RELATIVE)

_HANDLERS: dict[str, Callable[[dict[str, str], date | None], When | None]] = {
    "day_range": _day_range,
    "month_range": _month_range,
    "solar_year": _solar_year,
    "named_war": _named_war,
    "other_calendar": _other_calendar,
    "month_day_year": _full_date,
    "day_month_year": _full_date,
    "iso": _full_date,
    "part_of_year": _part_of_year,
    "part_of_month_year": _part_of_month_year,
    "part_of_month": _part_of_month,
    "day_of_month": _day_of_month,
    "part_of_relative": _part_of_relative,
    "ago": _ago,
    "month_day_range": _month_day_range,
    "solar_relative": _solar_relative,
    "range": _range,
    "month_year": _month_year,
    "month_day": _month_day,
    "day_month": _month_day,
    "year": _year,
    "weekday": _weekday,
    "month": _month_only,
    "relative": _relative,
}
