"""Dated expressions as news outlets write them: datelines, ranges, parts of months, days of "this
month", anaphoric days and years, and Iranian calendar years, found and resolved in sentences
from the development set's tuning half and in their shape."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import ARTICLES
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.timeline.expressions import date_expressions


@pytest.fixture(scope="module")
def engine() -> EntityEngine:
    """The engine with the project's known entities."""
    return EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))


def values(engine: EntityEngine, text: str, published: str) -> list[tuple[str, str, str]]:
    """Every dated expression of ``text`` as (written, first day, last day), published on ``published``."""
    found = date_expressions(engine.extract(text), date.fromisoformat(published))
    return [(d.text, d.when.start.isoformat(), d.when.end.isoformat()) for d in found if d.when]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # MENAFN, 17 November 2024
            "(MENAFN) In the first seven months of the current Iranian calendar year (March 20-October 21), "
            "Iran exported non-oil commodities worth USD1.128 billion to Pakistan.",
            "2024-11-17",
            [
                ("current Iranian calendar year", "2024-03-20", "2025-03-20"),
                ("March 20-October 21", "2024-03-20", "2024-10-21"),
            ],
        ),
        (  # MENAFN, 21 January 2025
            "Iran exported non-oil commodities worth USD1.7 billion to Pakistan during the first nine months "
            "of the current Iranian calendar year, which ran from March 20 to December 21, 2024.",
            "2025-01-21",
            [
                ("current Iranian calendar year", "2024-03-20", "2025-03-20"),
                ("March 20 to December 21, 2024", "2024-03-20", "2024-12-21"),
            ],
        ),
        (
            "In a meeting held in Tehran in late June 2024, Samad Hassanzadeh, the head of the Iran-Pakistan "
            "Joint Chamber of Commerce, said trade would grow; exports peaked in mid-October 2024.",
            "2025-01-21",
            [
                ("late June 2024", "2024-06-21", "2024-06-30"),
                ("mid-October 2024", "2024-10-11", "2024-10-20"),
            ],
        ),
        (  # Business Recorder, 18 September 2025
            "The 22nd session of the Pakistan-Iran Joint Economic Commission (JEC) concluded successfully in "
            "Tehran on September 15-16, 2025 with signing of key protocols.",
            "2025-09-18",
            [("September 15-16, 2025", "2025-09-15", "2025-09-16")],
        ),
        (  # Tehran Times, 24 February 2019: once the text reckons in Iranian years, so do its year words
            "during the first ten months of the present Iranian calendar year (March 21, 2018- January 20, "
            "2019) exports to Pakistan hit the highest record. “Iran’s exports to Pakistan stood at $741 "
            "million in the same time in the preceding year but grew by 41 percent, hitting $1.019 billion "
            "in the said period this year.”",
            "2019-02-24",
            [
                ("present Iranian calendar year", "2018-03-21", "2019-03-20"),
                ("March 21, 2018- January 20, 2019", "2018-03-21", "2019-01-20"),
                ("the preceding year", "2017-03-21", "2018-03-20"),
                ("this year", "2018-03-21", "2019-03-20"),
            ],
        ),
        (
            "Bilateral trade fell in the last Iranian year and is expected to recover in the next Iranian year.",
            "2025-09-18",
            [
                ("last Iranian year", "2024-03-20", "2025-03-20"),
                ("next Iranian year", "2026-03-21", "2027-03-20"),
            ],
        ),
    ],
)
def test_tuning_sentences(
    engine: EntityEngine, text: str, published: str, expected: list[tuple[str, str, str]]
) -> None:
    assert values(engine, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "ISLAMABAD, AUG 2 /DNA/ – Pakistan and Iran signed 12 agreements.",
            "2025-08-02",
            ("AUG 2", "2025-08-02"),
        ),
        ("TEHRAN, Nov. 7 (IRNA) – Iran's foreign minister said.", "2025-11-07", ("Nov. 7", "2025-11-07")),
        (
            "TEHRAN, Jun. 13 (MNA) – Trade Promotion Organization of Iran.",
            "2022-06-13",
            ("Jun. 13", "2022-06-13"),
        ),
        ("ISLAMABAD, SEPT 5, 2025 (APP): The ministers met.", "2025-09-05", ("SEPT 5, 2025", "2025-09-05")),
        ("QUETTA, DECEMBER 31: The border was reopened.", "2024-12-31", ("DECEMBER 31", "2024-12-31")),
    ],
)
def test_datelines_in_capitals_and_abbreviated(
    engine: EntityEngine, text: str, published: str, expected: tuple[str, str]
) -> None:
    written, day = expected
    assert values(engine, text, published)[0] == (written, day, day)


def test_capitals_without_a_day_or_year_are_no_date(engine: EntityEngine) -> None:
    """A headline in capitals: "MAY" and "MARCH" are a verb and a noun there."""
    assert values(engine, "IRAN, PAKISTAN MAY RESUME TALKS AFTER LONG MARCH", "2025-05-09") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The joint commission will meet on the 22nd of this month in Islamabad.",
            [("the 22nd of this month", "2025-05-22", "2025-05-22")],
        ),
        (
            "The border markets are to open on the 5th of next month, the official said.",
            [("the 5th of next month", "2025-06-05", "2025-06-05")],
        ),
        (
            "The envoy presented his credentials on the 3rd, the embassy said.",
            [("the 3rd", "2025-05-03", "2025-05-03")],
        ),
        # before the publication's day of the month: the month before
        ("Talks were held on the 20th and ended without a deal.", [("the 20th", "2025-04-20", "2025-04-20")]),
        ("The office is on the 3rd floor of the ministry.", []),
        ("It was the 3rd round of talks since 2023.", [("2023", "2023-01-01", "2023-12-31")]),
        # an ordinal before a month name stays that month's date
        ("on the 25th of November, 2025 they met", [("25th of November, 2025", "2025-11-25", "2025-11-25")]),
    ],
)
def test_days_of_a_month_not_named(
    engine: EntityEngine, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert values(engine, text, "2025-05-09") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trade doubled between 2020 and 2023, officials said.",
            [("2020 and 2023", "2020-01-01", "2023-12-31")],
        ),
        ("Exports grew from 2021 to 2024.", [("2021 to 2024", "2021-01-01", "2024-12-31")]),
        # the year of the end is carried to the start
        ("Trade grew from June to August 2024.", [("June to August 2024", "2024-06-01", "2024-08-31")]),
        ("Trade grew from June to August.", [("June to August", "2025-06-01", "2025-08-31")]),
        ("Trade grew from November to February.", [("November to February", "2024-11-01", "2025-02-28")]),
        (
            "from March 20 - August 21 the exports rose",
            [("March 20 - August 21", "2025-03-20", "2025-08-21")],
        ),
        # the day before the month, as Dawn and Tehran Times write
        (
            "Exports rose from 20 March to 21 December 2024.",
            [("20 March to 21 December 2024", "2024-03-20", "2024-12-21")],
        ),
        ("Trade grew between March and June 2024.", [("March and June 2024", "2024-03-01", "2024-06-30")]),
        # "and" without "between" joins two dates, not a range
        (
            "They met in 2020 and 2023.",
            [("2020", "2020-01-01", "2020-12-31"), ("2023", "2023-01-01", "2023-12-31")],
        ),
        (
            "They met on August 3 and September 5, 2025.",
            [("August 3", "2025-08-03", "2025-08-03"), ("September 5, 2025", "2025-09-05", "2025-09-05")],
        ),
    ],
)
def test_ranges(engine: EntityEngine, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(engine, text, "2025-09-18") == expected


def test_the_end_of_a_month_is_its_late_part(engine: EntityEngine) -> None:
    text = "The pipeline section is due by the end of March, and work resumed at the beginning of June 2024."
    assert values(engine, text, "2025-05-09") == [
        ("the end of March", "2025-03-21", "2025-03-31"),
        ("the beginning of June 2024", "2024-06-01", "2024-06-10"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # from the last day named, even an explicit one far before publication
            "The delegation met on March 3, 2025. It had arrived in Tehran the previous day.",
            [("March 3, 2025", "2025-03-03", "2025-03-03"), ("the previous day", "2025-03-02", "2025-03-02")],
        ),
        (  # a weekday is a day named
            "Dar arrived on Tuesday and met Araghchi the following day.",
            [("Tuesday", "2025-05-06", "2025-05-06"), ("the following day", "2025-05-07", "2025-05-07")],
        ),
        (  # nothing named before it: from publication
            "The minister had landed in Islamabad the previous day.",
            [("the previous day", "2025-05-08", "2025-05-08")],
        ),
        (
            "Trade reached $2 billion in 2023, up from the previous year.",
            [("2023", "2023-01-01", "2023-12-31"), ("the previous year", "2022-01-01", "2022-12-31")],
        ),
        (  # "last week" and "this month" count from publication, not from the date before them
            "The talks began on March 3, 2025. Trade rose last week and will rise again this month.",
            [
                ("March 3, 2025", "2025-03-03", "2025-03-03"),
                ("last week", "2025-04-28", "2025-05-04"),
                ("this month", "2025-05-01", "2025-05-31"),
            ],
        ),
        (  # without Iranian years in the text, "this year" is the Gregorian year
            "Pakistan and Iran set a trade target this year.",
            [("this year", "2025-01-01", "2025-12-31")],
        ),
    ],
)
def test_anaphoric_and_deictic_anchors(
    engine: EntityEngine, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert values(engine, text, "2025-05-09") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # The News, 2 August 2025, in the shape of the day before: the visit is to come
            "President Masoud Pezeshkian will arrive in Islamabad on Saturday for a two-day state visit.",
            [("Saturday", "2025-08-02", "2025-08-02")],
        ),
        (
            "The Joint Economic Commission is scheduled to meet on Monday.",
            [("Monday", "2025-08-04", "2025-08-04")],
        ),
        ("The talks, to be held on Sunday, will cover trade.", [("Sunday", "2025-08-03", "2025-08-03")]),
        # a clause of its own: "will" in "who will leave" says nothing of "said on Tuesday"
        (
            "The minister, who will leave on Friday, said on Tuesday that talks went well.",
            [("Friday", "2025-08-01", "2025-08-01"), ("Tuesday", "2025-07-29", "2025-07-29")],
        ),
        (
            "He will visit Tehran next Tuesday; he met Araghchi last Friday.",
            [("next Tuesday", "2025-08-05", "2025-08-05"), ("last Friday", "2025-07-25", "2025-07-25")],
        ),
        (
            "The border market will open on the 3rd, officials said.",
            [("the 3rd", "2025-08-03", "2025-08-03")],
        ),
        ("The border market opened on the 3rd, officials said.", [("the 3rd", "2025-07-03", "2025-07-03")]),
    ],
)
def test_days_said_to_come(engine: EntityEngine, text: str, expected: list[tuple[str, str, str]]) -> None:
    """GUIDE.md: a weekday is the nearest on or before publication unless the text says it is to come."""
    assert values(engine, text, "2025-08-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # from publication, not from the explicit date before it
            "The barter order was signed on March 3, 2025. Trade resumed late last month and the "
            "commission meets later this month.",
            [
                ("March 3, 2025", "2025-03-03", "2025-03-03"),
                ("late last month", "2025-04-21", "2025-04-30"),
                ("later this month", "2025-05-09", "2025-05-31"),
            ],
        ),
        (
            "Early next year the border market opens; exports rose in the current year.",
            [
                ("Early next year", "2026-01-01", "2026-04-30"),
                ("the current year", "2025-01-01", "2025-12-31"),
            ],
        ),
        (
            "The envoy arrived earlier this week and met the minister the day before yesterday.",
            [
                ("earlier this week", "2025-05-05", "2025-05-09"),
                ("the day before yesterday", "2025-05-07", "2025-05-07"),
            ],
        ),
    ],
)
def test_more_words_of_the_time_of_writing(
    engine: EntityEngine, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert values(engine, text, "2025-05-09") == expected


def test_quoted_today_is_the_day_the_words_were_said(engine: EntityEngine) -> None:
    """Business Recorder, 24 April 2024: Raisi spoke on Monday, and his "today" is that Monday."""
    text = (
        "Iranian President Ebrahim Raisi held a joint press conference with Prime Minister Shehbaz Sharif "
        "in Islamabad on Monday.\n\n“In our meeting today, we (have) decided to promote bilateral trade,” "
        "he said. Officials said today that the visit went well."
    )
    assert values(engine, text, "2024-04-24") == [
        ("Monday", "2024-04-22", "2024-04-22"),
        ("today", "2024-04-22", "2024-04-22"),
        ("today", "2024-04-24", "2024-04-24"),
    ]


def test_quoted_today_after_a_day_long_before_counts_from_publication(engine: EntityEngine) -> None:
    """A day named more than a week before publication is not when the quoted words were said."""
    text = "Pakistan issued the order on October 19.\n“The region today faces common challenges,” he said."
    assert values(engine, text, "2025-10-28") == [
        ("October 19", "2025-10-19", "2025-10-19"),
        ("today", "2025-10-28", "2025-10-28"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the year of the full date after it, and the year before across a new year
            "Talks were held on March 3 and April 5, 2025, and on December 28 and January 3, 2025.",
            [
                ("March 3", "2025-03-03", "2025-03-03"),
                ("April 5, 2025", "2025-04-05", "2025-04-05"),
                ("December 28", "2024-12-28", "2024-12-28"),
                ("January 3, 2025", "2025-01-03", "2025-01-03"),
            ],
        ),
        (  # a weekday with its date is that date, even one to come
            "Pezeshkian will arrive on Sunday, August 3, for a state visit.",
            [("Sunday", "2025-08-03", "2025-08-03"), ("August 3", "2025-08-03", "2025-08-03")],
        ),
        (
            "Two days ago the minister arrived in Tehran; a week ago he met Dar, and they spoke the same day.",
            [
                ("Two days ago", "2025-05-07", "2025-05-07"),
                ("a week ago", "2025-05-02", "2025-05-02"),
                ("the same day", "2025-05-02", "2025-05-02"),
            ],
        ),
    ],
)
def test_a_date_completed_by_its_neighbour_and_days_ago(
    engine: EntityEngine, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert values(engine, text, "2025-05-09") == expected


def test_false_friends_of_dates(engine: EntityEngine) -> None:
    """Ordinals of other things, "the will of the people", a capitalised headline: no date, or not
    one to come; and "2010–2015" is a range of years."""
    text = (
        "The 3rd Infantry Division is on the 3rd floor. The will of the people on Monday was clear. "
        "THE FED MAY CUT RATES. He served between 2010-2015."
    )
    assert values(engine, text, "2025-01-03") == [
        ("Monday", "2024-12-30", "2024-12-30"),
        ("2010-2015", "2010-01-01", "2015-12-31"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a date long before publication is background: the weekday is the news's
            "The talks began on March 3, 2025. The minister said on Tuesday that trade would grow.",
            [("March 3, 2025", "2025-03-03", "2025-03-03"), ("Tuesday", "2025-05-06", "2025-05-06")],
        ),
        (  # a date in the days before publication is the narrative's: its Sunday
            "On April 27, Pakistan issued an order on barter trade. The envoy announced it on Sunday.",
            [("April 27", "2025-04-27", "2025-04-27"), ("Sunday", "2025-04-27", "2025-04-27")],
        ),
        (  # "last Friday" counts from publication whatever came before it
            "On April 29 the ministers met. They had spoken last Friday.",
            [("April 29", "2025-04-29", "2025-04-29"), ("last Friday", "2025-05-02", "2025-05-02")],
        ),
    ],
)
def test_which_anchor_a_weekday_takes(
    engine: EntityEngine, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert values(engine, text, "2025-05-09") == expected
