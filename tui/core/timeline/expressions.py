"""Every dated expression of one text, resolved in reading order with narrative anchors.

A relative expression is worked out against the most recent explicit date before it in the
text (in 003, "on Sunday" is the "October 19" of the sentence before), or the publication date
when there is none. Explicit dates (full dates, and month and day) become the new anchor.
Words of the time of writing ("last week", "this month", "the 22nd of this month") count from
publication whatever came before them; anaphoric ones count from the time last spoken of: "the
previous day" from the last day named (a weekday included), "the preceding year" from the last
time named. Once a text reckons in Iranian calendar years ("the current Iranian calendar year",
"the Iranian calendar year 1403"), its "this year", "last year" and "the preceding year" are
Iranian years too, as Iranian outlets write them. A date completes the one just before it: a
weekday with its date is that date, and a month and day takes the year of a full date after it
("March 3 and April 5, 2025").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tui.core.models import EntityType, Mention
from tui.core.timeline.resolve import ANAPHORIC, DEICTIC, WEEKDAYS, resolve
from tui.core.timeline.when import DAY, When

_SELF_DATED = ("explicit date", "month and year", "year", "range of months", "Solar Hijri", "Islamic",
               "named event", "early part", "mid part", "late part", "range")  # fmt: skip
#: Year words read as Iranian years in a text that reckons in them, and their Iranian phrasing.
_IRANIAN_YEARS = {"this year": "current Iranian year", "last year": "last Iranian year",
                  "next year": "next Iranian year", "previous year": "previous Iranian year",
                  "preceding year": "preceding Iranian year"}  # fmt: skip
_DAY_WORDS = frozenset(("previous day", "day before", "following day", "next day", "that day"))
#: How far before publication a day named may be the day quoted words were said.
_SAID_WITHIN = timedelta(days=7)
#: How far before publication an explicit date may be for a weekday after it to count from it (in
#: 003, "on Sunday" is the "October 19" before it, nine days before publication).
_WEEKDAY_ANCHOR = timedelta(days=14)
#: The ends of phrases that count from the time of writing: "the 22nd of this month", "late last month".
#: How close (in characters) a date must follow another to complete it: ", ", " (", " and ".
_CLOSE = 5
_OF_THE_TIME = tuple(f" {which} {unit}" for which in ("this", "next", "last") for unit in ("month", "year"))


@dataclass(frozen=True, slots=True)
class Dated:
    """A temporal expression at ``text[start:end]`` and what it resolves to (None if it does not)."""

    start: int
    end: int
    text: str
    when: When | None

    def as_json(self) -> dict[str, Any]:
        """JSON-ready, with the resolved time's fields (or null)."""
        return {"start": self.start, "end": self.end, "text": self.text,
                "when": self.when.as_json() if self.when else None}  # fmt: skip


def date_expressions(mentions: list[Mention], published: date | None) -> list[Dated]:
    """The date mentions of one text (``mentions`` in text order, as the engine gives them), each
    resolved against its reference."""
    found: list[Dated] = []
    anchor: date | None = None
    last_day: date | None = None  # the last day named, for "the previous day"
    last_time: date | None = None  # the start of the last time named, for "the preceding year"
    iranian = False  # whether the text has reckoned in Iranian calendar years
    kind = EntityType.DATE
    dates = [m for m in mentions if m[3] is kind]  # mentions come in text order
    for index, mention in enumerate(dates):
        written = mention.canonical  # as written, or as the engine read it ("coming Tuesday")
        phrase = written.lower().removeprefix("the ")
        if iranian and phrase in _IRANIAN_YEARS:
            written = _IRANIAN_YEARS[phrase]
        if phrase in ANAPHORIC:
            told = last_day if phrase in _DAY_WORDS else last_time
            if phrase == "that day" and told is not None and published is not None:
                # quoted "today": the day named before it if the words were said in the news's week
                told = told if timedelta(0) <= published - told <= _SAID_WITHIN else None
            from_anchor = told is not None
            reference = told if from_anchor else published
            basis = "the time named before it"
        else:
            deictic = phrase in DEICTIC or phrase.endswith(_OF_THE_TIME) or phrase.endswith(" ago")
            if phrase.rsplit(" ", 1)[-1] in WEEKDAYS and anchor is not None and published is not None:
                # a weekday names a day of the news's week: after a date long before it, it is the
                # publication's ("On March 3 talks began. … said on Tuesday"), else the narrative's
                deictic = (
                    phrase.startswith(("next ", "last ", "this ")) or published - anchor > _WEEKDAY_ANCHOR
                )
            from_anchor = anchor is not None and not (deictic and published is not None)
            reference = anchor if from_anchor else published
            basis = "the explicit date before it"
        when = resolve(written, reference)
        if when is not None and not when.reason.startswith(_SELF_DATED) and reference is not None:
            basis = basis if from_anchor else "the publication date"
            when = When(when.start, when.end, when.precision, f"{when.reason} ({basis})")
        following = dates[index + 1] if index + 1 < len(dates) else None
        if when is not None and following is not None and following.start - mention.end <= _CLOSE:
            when = _with_the_next(when, resolve(following.canonical, reference))
        if when is not None:
            iranian = iranian or when.reason.startswith("Solar Hijri year")
            last_time = when.start
            if when.precision == DAY:
                last_day = when.start
        if (
            when is not None
            and when.precision == DAY
            and when.reason.startswith(("explicit", "month and day"))
        ):
            anchor = when.start
        found.append(Dated(mention.start, mention.end, mention.text, when))
    return found


def _with_the_next(when: When, following: When | None) -> When:
    """A date read again with the one right after it: a weekday with its date ("Sunday, August 3",
    "Tuesday (September 16)") is that date; a month and day with the full date after it ("March 3
    and April 5, 2025") takes its year (the year before, if it would come after it)."""
    if following is None or following.precision != DAY:
        return when
    if (
        when.reason.startswith("weekday")
        and following.reason.startswith(("explicit", "month and day"))
        and when.start.weekday() == following.start.weekday()
    ):
        return When.day(following.start, f"weekday with its date: {following.start.isoformat()}")
    if when.reason.startswith("month and day") and following.reason.startswith("explicit"):
        for year in (following.start.year, following.start.year - 1):
            try:
                day = when.start.replace(year=year)
            except ValueError:
                continue
            if day <= following.start:
                return When.day(
                    day, f"month and day; the year of the full date after it, {following.start.isoformat()}"
                )
    return when
