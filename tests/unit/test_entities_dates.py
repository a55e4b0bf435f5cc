"""Date mentions, robustness on mixed scripts, and the data-file loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_entities import TEXTS, at
from tui.core.entities import EntityEngine, Gazetteer, load_gazetteer
from tui.core.entities.gazetteer import read_entities_file
from tui.core.models import EntityType, Mention

DATA = Path(__file__).resolve().parents[2] / "articles" / "entities.toml"


@pytest.fixture(scope="module")
def engine() -> EntityEngine:
    return EntityEngine(load_gazetteer(DATA))


@pytest.fixture(scope="module")
def dated(engine: EntityEngine) -> dict[str, list[tuple[int, str, str]]]:
    result = engine.extract_corpus(TEXTS)
    return {
        key: [(m.start, m.text, m.entity_id) for m in ms if m.type is EntityType.DATE]
        for key, ms in result.items()
    }


@pytest.mark.parametrize(
    ("key", "written", "entity_id", "nth"),
    [
        ("000", "November 7, 2025", "date:2025-11-07", 0),
        ("003", "October 28, 2025", "date:2025-10-28", 0),
        ("003", "October 25", "date:october 25", 0),
        ("003", "October 19", "date:october 19", 0),
        ("003", "August", "date:august", 0),
        ("001", "Tuesday", "date:tuesday", 0),
        ("003", "Sunday", "date:sunday", 0),
        ("001", "earlier this year", "date:earlier this year", 0),
        ("004", "mid-June", "date:mid-june", 0),
        ("002", "early 2025", "date:early 2025", 0),
        ("002", "Iranian calendar year 1403", "date:iranian calendar year 1403", 0),
        ("002", "March 2024–March 2025", "date:2024-03/2025-03", 0),
        ("001", "12-day war", "date:12-day-war", 0),
        ("000", "twelve-day confrontation", "date:12-day-war", 0),
        ("004", "12-day imposed war", "date:12-day-war", 0),
    ],
)
def test_dates_in_articles(
    dated: dict[str, list[tuple[int, str, str]]], key: str, written: str, entity_id: str, nth: int
) -> None:
    assert (at(TEXTS[key], written, nth), written, entity_id) in dated[key]


def test_dateline_with_time_keeps_the_date_part(dated: dict[str, list[tuple[int, str, str]]]) -> None:
    assert dated["000"][0] == (0, "November 7, 2025", "date:2025-11-07")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They met last month and again in 2025.",
            [("last month", "date:last month"), ("2025", "date:2025")],
        ),
        ("Friday Mosque visitors", []),
        ("Officials may meet. May the talks go well.", []),
        (
            "It opened in May and closed on May 3, 2024.",
            [("May", "date:may"), ("May 3, 2024", "date:2024-05-03")],
        ),
        ("He paid $2025 million.", []),
        ("Published: 12 March 2024", [("12 March 2024", "date:2024-03-12")]),
        ("on the 25th of November, 2025 they", [("25th of November, 2025", "date:2025-11-25")]),
        ("ISLAMABAD, Nov. 25, 2025 (APP) –", [("Nov. 25, 2025", "date:2025-11-25")]),
        ("Updated 2025-11-07 09:30", [("2025-11-07", "date:2025-11-07")]),
        ("from 13–24 June 2025 the", [("13–24 June 2025", "date:2025-06-13/2025-06-24")]),
        ("Mar-a-Lago in Jan, and Oct 7.", [("Oct 7", "date:oct 7")]),
        ("He paid $25 November", [("November", "date:november")]),
    ],
)
def test_date_shapes(engine: EntityEngine, text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.text, m.entity_id) for m in engine.extract(text) if m.type is EntityType.DATE]
    assert found == expected


def test_mixed_scripts_urls_and_handles_give_no_garbage(engine: EntityEngine) -> None:
    text = (
        "ہم بھائی ہیں، اپنے گھر میں خوش آمدید! 🇮🇷🤝🇵🇰 pic.twitter.com/6oeuaaB65m\n"
        "— Ali Larijani | علی لاریجانی (@alilarijani_ir) October 28, 2025 https://t.co/ltuTncpV8J"
    )
    mentions = engine.extract(text)
    assert [(m.text, m.entity_id) for m in mentions] == [
        ("Ali Larijani", "person:larijani"),
        ("October 28, 2025", "date:2025-10-28"),
    ]


def test_every_article_extracts_without_stray_persons(engine: EntityEngine) -> None:
    result = engine.extract_corpus(TEXTS)
    people = {m.entity_id for ms in result.values() for m in ms if m.type is EntityType.PERSON}
    assert people == {
        "person:qalibaf",
        "person:shehbaz-sharif",
        "person:gilani",
        "person:ayaz-sadiq",
        "person:owais-qadir-shah",
        "person:akbar-issazadeh",
        "person:jinnah",
        "person:larijani",
        "person:ishaq-dar",
        "person:zardari",
        "person:pezeshkian",
        "person:iqbal",
        "person:nawaz-sharif",
        "person:mohsin-naqvi",
        "person:farzaneh-sadegh-maloujerdi",
        "person:muhammad-mudassir-tipu",
    }
    places = {m.text for ms in result.values() for m in ms if m.type is EntityType.PLACE}
    assert {"Pakistani", "Iranian", "Israeli", "Palestinian"}.isdisjoint(places)


def test_large_input_self_check(engine: EntityEngine) -> None:
    """Untimed: a big concatenated text gives the same mentions as its parts, shifted."""
    part = TEXTS["003"]
    mentions = engine.extract(part)
    big: list[Mention] = engine.extract((part + "\n") * 200)
    assert len(big) == 200 * len(mentions)
    last = big[-len(mentions) :]
    shift = 199 * (len(part) + 1)
    assert [(m.start - shift, m.entity_id) for m in last] == [(m.start, m.entity_id) for m in mentions]


def test_missing_file_gives_empty_gazetteer(tmp_path: Path) -> None:
    gazetteer = read_entities_file(tmp_path / "none.toml")
    assert gazetteer == Gazetteer()


def test_broken_toml_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "entities.toml"
    path.write_text("[[entity]\nid = ", encoding="utf-8")
    gazetteer = read_entities_file(path)
    assert gazetteer.entities == []
    assert len(gazetteer.problems) == 1 and gazetteer.problems[0].path == str(path)


def test_bad_rows_are_reported_and_good_rows_load(tmp_path: Path) -> None:
    path = tmp_path / "entities.toml"
    path.write_text(
        '[[entity]]\nid = "ok"\nname = "Good Person"\ntype = "person"\n'
        '[[entity]]\nid = "bad"\nname = "No Type"\n'
        '[[entity]]\nid = "ok"\nname = "Duplicate"\ntype = "place"\n'
        '[[entity]]\nid = "Bad Id"\nname = "X"\ntype = "place"\n'
        '[[entity]]\nid = "al"\nname = "Aliases"\ntype = "place"\naliases = "A"\n',
        encoding="utf-8",
    )
    gazetteer = read_entities_file(path)
    assert [e.id for e in gazetteer.entities] == ["person:ok"]
    assert [p.message for p in gazetteer.problems] == [
        "entity #2 (id 'bad'): 'type' must be person, organisation or place, not None",
        "entity #3 (id 'ok'): duplicate id 'ok'",
        "entity #4 (id 'Bad Id'): 'id' must be a lower-case slug such as \"qalibaf\"",
        "entity #5 (id 'al'): 'aliases' must be a list of non-empty strings",
    ]
    assert all(p.path == str(path) for p in gazetteer.problems)
