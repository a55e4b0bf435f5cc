"""Date mentions: "November 7, 2025", "On October 25", "mid-June", "Tuesday", "earlier this year",
"ISLAMABAD, AUG 2", "September 15-16, 2025", "from June to August", "between 2020 and 2023", "the
22nd of this month", "the end of March", "the current Iranian calendar year", "the previous day".

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
#: Month names in capitals, as datelines write them ("ISLAMABAD, AUG 2 /DNA/"): found only with a
#: day or a year, like abbreviations (a capitalised headline's "MAY" is a verb).
CAPITALS: dict[str, int] = {name.upper(): number for name, number in {**MONTHS, **ABBREVIATIONS}.items()}
_NUMBERS = {**MONTHS, **ABBREVIATIONS, **CAPITALS}
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
#: Every key the automaton anchors a month date on.
MONTH_ANCHORS: tuple[str, ...] = (*MONTHS, *ABBREVIATIONS, *CAPITALS, *OTHER_MONTHS)
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
    "later this month",
    "earlier this week",
    "later this week",
    "the current year",
    "the current month",
    "the day before yesterday",
    "the day after tomorrow",
    "the same day",
    "days ago",
    "day ago",
    "weeks ago",
    "week ago",
    "the previous day",
    "the following day",
    "the next day",
    "the previous year",
    "the preceding year",
    "the following year",
    *(
        f"{which} Iranian {calendar}year"
        for which in ("current", "present", "last", "previous", "past", "preceding", "next")
        for calendar in ("", "calendar ")
    ),
)
#: Relative phrases that "early", "mid-" and "late" may divide: "late last month", "early next year".
_PARTED = tuple(f"{which} {unit}" for which in ("this", "last", "next") for unit in ("month", "year"))
#: Years the engine recognises as bare numbers (Gregorian) and after "year" (Iranian solar).
GREGORIAN_YEARS = range(1900, 2101)
SOLAR_YEARS = range(1300, 1500)

_DAY_YEAR = re.compile(r"(?:\s(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d|:\d))?(?:,?\s(?P<year>\d{4})(?!\d))?")
_RANGE = re.compile(
    r"\s?(?P<sep>–|—|-|to|until|through|and)\s?(?P<month>[A-Z][a-z]+)(?:\s(?P<day>\d{1,2})(?!\d))?"
    r"(?:,?\s(?P<year>\d{4})(?!\d))?"
)
#: The second end of a range whose first has its day first: "20 March to 21 December 2024".
_RANGE_DAY_FIRST = re.compile(
    r"\s?(?P<sep>–|—|-|to|until|through|and)\s?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?(?P<month>[A-Z][a-z]+)"
    r"(?:,?\s(?P<year>\d{4})(?!\d))?"
)
#: The second day of a range of days after the month: "September 15-16, 2025".
_DAY_TAIL = re.compile(r"\s?[–-]\s?(?P<day>\d{1,2})(?![\d:])(?:,?\s(?P<year>\d{4})(?!\d))?")
#: A range's opening word: "between" makes "and" a range's separator ("between June and August").
_BETWEEN = re.compile(r"\b[Bb]etween\s$")
_FROM = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s$")
#: A second year closing a range of years: "2020 and 2023" (after "between"), "2020 to 2023" (after
#: "from"), "2010–2015".
_YEAR_RANGE = re.compile(r"(?:\s(?P<sep>and|to|until|through)\s|\s?(?P<dash>[–-])\s?)(?P<year>\d{4})(?!\d)")
_QUALIFIER = re.compile(r"(?:\b(?:[Ee]arly|[Ll]ate)\s|\b[Mm]id-)$")
#: "the end of March", "the beginning of the month of June": a part of a month (never of a year,
#: where "by the end of 2025" is a deadline rather than a period).
_PART_OF = re.compile(r"\b(?:[Tt]he\s)?(?:beginning|start|middle|end)\sof\s(?:the\smonth\sof\s)?$")
#: Day ordinals, anchors for "the 22nd of this month" and "on the 3rd".
ORDINALS: tuple[str, ...] = tuple(
    f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    for n in range(1, 32)
)
_OF_MONTH = re.compile(r"\sof\s(?:this|next|last|the)\smonth\b")
#: "on the 3rd" is a date only before a clause's end or a function word ("on the 3rd floor" is not).
_ORDINAL_AFTER = re.compile(
    r"(?:[.,;:)!?\n]|$|\s(?:and|at|in|when|with|after|before|as|but|while|where|which|to|this|that)\b)"
)
#: What makes a weekday the next or the last one: "next Tuesday", "last Friday", "this coming Monday".
_AGO_NUMBER = re.compile(r"(?<![\w-])(\d{1,2}|[A-Za-z]+)\s$")
_WEEKDAY_BEFORE = tuple(
    w + " " for word in ("this coming", "next", "last", "coming") for w in (word, word.capitalize())
)
#: Where a clause begins, looking back from a date in it.
_QUOTE_WINDOW = 1000
_BOUNDARIES = frozenset('.,;:!?()“”"\n')
#: What makes a clause speak of what is to come: "will", "shall", "is due to", "are set to", "is
#: to be", "to be held" (found with ``str.rfind``: a regex over the clause costs more than the rest
#: of a weekday's reading).
_WILL = (" will ", " shall ")
_DUE = tuple(
    f" {be} {word}"
    for be in ("is", "are")
    for word in ("due", "set", "scheduled", "expected", "slated", "poised", "going")
)
_ORDINAL_BEFORE = re.compile(r"\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Ss]ince|[Ff]rom)\sthe\s$")
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
    abbreviated = name in ABBREVIATIONS or name in CAPITALS
    match = _DAY_YEAR.match(text, end + 1 if abbreviated and text[end : end + 1] == "." else end)
    assert match is not None
    day, year = match.group("day"), match.group("year")
    stop = match.end()
    tail = _DAY_TAIL.match(text, stop) if day and not year else None
    if tail is not None and int(tail.group("day")) <= int(day or 0):
        tail = None
    if tail is not None:
        year, stop = tail.group("year"), tail.end()
    before = None if day else _DAY_BEFORE.search(text, max(0, start - 12), start)
    if before is not None:
        day, start = before.group("day"), before.start()
    if not day and not year:
        if abbreviated or (name == "May" and not _MAY_CONTEXT.search(text, max(0, start - 7), start)):
            return None
        if _inside_name(text, start, end):
            return None
    begin = _qualified_start(text, start, months=True)
    record = _date_record(text[begin:stop], _NUMBERS[name], day, year, begin == start)
    if tail is not None and year and begin == start:
        days = (day, tail.group("day"))
        first, last = (f"{year}-{_NUMBERS[name]:02d}-{int(d):02d}" for d in days)
        record = (EntityType.DATE, f"date:{first}/{last}", text[begin:stop], None, None)
    elif tail is not None:
        record = _date_record(text[begin:stop], _NUMBERS[name], None, None, False)
    if before is not None and before.group("first") and year:
        days = (before.group("first"), day)
        first, last = (f"{year}-{_NUMBERS[name]:02d}-{int(d):02d}" for d in days)
        record = (EntityType.DATE, f"date:{first}/{last}", text[begin:stop], None, None)
    extra = (_RANGE if before is None else _RANGE_DAY_FIRST).match(text, stop)
    if extra is not None and _closes_range(text, begin, extra, bool(day)):
        first = record[1].removeprefix("date:")
        second = _date_record(
            extra.group(), MONTHS[extra.group("month")], extra.group("day"), extra.group("year"), True
        )[1].removeprefix("date:")
        stop = extra.end()
        record = (EntityType.DATE, f"date:{first}/{second}", text[begin:stop], None, None)
    return begin, stop, record


def _closes_range(text: str, begin: int, extra: re.Match[str], day: bool) -> bool:
    """Whether ``extra`` (after a date at ``begin``) is the second end of a range with it: "March 20
    to December 21, 2024"; a bare month only after a bare month ("from June to August"); "and" only
    after "between"."""
    if extra.group("month") not in MONTHS:
        return False
    if extra.group("sep") == "and" and not _BETWEEN.search(text, max(0, begin - 8), begin):
        return False
    return bool(extra.group("year") or extra.group("day") or not day)


def weekday_date(text: str, start: int, end: int) -> Span | None:
    """The weekday ``text[start:end]`` as a date mention, unless it is part of a name: with "next",
    "last" or "this coming" before it, and said to be "coming" if its clause speaks of what is
    to come ("will arrive on Monday"; GUIDE.md: the nearest one before publication unless the
    text says it is to come)."""
    if _inside_name(text, start, end):
        return None
    if text.endswith(_WEEKDAY_BEFORE, 0, start):  # most often "on Tuesday": one cheap test
        for which in _WEEKDAY_BEFORE:
            begin = start - len(which)
            if text.endswith(which, 0, start) and (not begin or not text[begin - 1].isalnum()):
                phrase = text[begin:end]
                return begin, end, (EntityType.DATE, f"date:{phrase.lower()}", phrase, None, None)
    name = text[start:end]
    if to_come(text, start):
        return start, end, (EntityType.DATE, f"date:coming {name.lower()}", f"coming {name}", None, None)
    return start, end, (EntityType.DATE, f"date:{name.lower()}", name, None, None)


def to_come(text: str, start: int) -> bool:
    """Whether the clause before ``start`` speaks of what is to come ("will", "is due to", "is
    scheduled to"), so that a weekday or a day of the month in it is the next, not the last."""
    window = text[max(0, start - 100) : start]
    if " to " not in window and "will " not in window and "shall " not in window:
        return False  # most clauses
    found = -1  # where the last word of the future ends
    for word in _WILL:
        at = window.rfind(word)
        if at >= 0 and not window[max(0, at - 4) : at].lower().endswith(("the", " a")):  # "the will of"
            found = max(found, at + len(word))
    at = window.rfind(" to ")
    if at >= 0 and (window.endswith(_DUE, 0, at) or window.startswith(" to be held", at)):
        found = max(found, at + 4)
    at = window.rfind(" to be ")
    if at >= 0 and window.endswith((" is", " are"), 0, at):
        found = max(found, at + 7)
    return found >= 0 and _BOUNDARIES.isdisjoint(window[found:])


def relative_date(text: str, start: int, end: int) -> Span | None:
    """A relative expression such as "earlier this year" as a date mention, or a day ordinal's date
    ("the 22nd of this month", "on the 3rd")."""
    if text[start].isdigit():
        return _ordinal_date(text, start, end)
    if text.endswith("ago", start, end):
        return _ago_date(text, start, end)
    if text.endswith(_PARTED, start, end):
        start = _qualified_start(text, start)
    phrase = text[start:end]
    if phrase in ("today", "Today") and _quoted(text, start):
        # Quoted words count from when they were said: "“In our meeting today, …”" is that day.
        return start, end, (EntityType.DATE, "date:that day", "that day", None, None)
    return start, end, (EntityType.DATE, f"date:{phrase.lower()}", phrase, None, None)


def _ago_date(text: str, start: int, end: int) -> Span | None:
    """ "two days ago", "a week ago": the number before the anchor, normalised ("2 days ago")."""
    number = _AGO_NUMBER.search(text, max(0, start - 10), start)
    if number is None:
        return None
    written = number.group(1).lower()
    count = (
        1.0 if written in ("a", "an") else float(written) if written.isdigit() else NUMBER_WORDS.get(written)
    )
    if not count or count > 99:
        return None
    unit = text[start:end].split(" ")[0].removesuffix("s")
    canonical = f"{format_number(count)} {unit}{'s' if count > 1 else ''} ago"
    return number.start(), end, (EntityType.DATE, f"date:{canonical}", canonical, None, None)


def _quoted(text: str, start: int) -> bool:
    """Whether ``start`` is inside a quotation opened earlier in its paragraph (or, in a very long
    paragraph, in the 1,000 characters before it, where only curly quotes show which way they go)."""
    window = max(0, start - _QUOTE_WINDOW)
    found = text.rfind("\n", window, start)
    paragraph = found + 1 if found >= 0 else window
    if text.count("“", paragraph, start) > text.count("”", paragraph, start):
        return True
    return (found >= 0 or window == 0) and text.count('"', paragraph, start) % 2 == 1


def _ordinal_date(text: str, start: int, end: int) -> Span | None:
    """ "the 22nd of this month", "the 5th of next month", "on the 3rd": a day of a month the text
    does not name (an ordinal before a month name is that month's date: None here)."""
    if text[start - 4 : start] not in ("the ", "The "):
        return None
    of_month = _OF_MONTH.match(text, end)
    if of_month is not None:
        stop = of_month.end()
    elif _ORDINAL_BEFORE.search(text, max(0, start - 10), start) and _ORDINAL_AFTER.match(text, end):
        stop = end
    else:
        return None
    phrase = text[start - 4 : stop]
    if of_month is None and to_come(text, start):
        coming = f"the coming {text[start:stop]}"
        return start - 4, stop, (EntityType.DATE, f"date:{coming}", coming, None, None)
    return start - 4, stop, (EntityType.DATE, f"date:{phrase.lower()}", phrase, None, None)


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
    closing = _YEAR_RANGE.match(text, end) if begin == start else None
    if (
        closing is not None
        and year < int(closing.group("year")) <= GREGORIAN_YEARS[-1]
        and (
            closing.group("dash")  # "2010–2015" is a range wherever it stands
            or (_FROM if closing.group("sep") != "and" else _BETWEEN).search(text, max(0, start - 8), start)
        )
    ):
        phrase = text[start : closing.end()]
        return (
            start,
            closing.end(),
            (EntityType.DATE, f"date:{year}/{closing.group('year')}", phrase, None, None),
        )
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


def _qualified_start(text: str, start: int, months: bool = False) -> int:
    """Where a date starts once a leading "early ", "late " or "mid-" is included (and, before a
    month, "the end of" and its kind)."""
    qualifier = _QUALIFIER.search(text, max(0, start - 6), start)
    if qualifier is None and months and text.endswith("of ", 0, start):
        qualifier = _PART_OF.search(text, max(0, start - 34), start)
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
