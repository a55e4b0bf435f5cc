"""Entity recognition on the five real articles: names, variants, discovery, amounts and dates."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tui.core.entities import EntityEngine, Gazetteer, load_gazetteer
from tui.core.entities.gazetteer import builtin_gazetteer
from tui.core.models import EntityType, Mention

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "articles" / "entities.toml"


def article_texts() -> dict[str, str]:
    """The article bodies by their three-digit prefix, as the corpus loader defines them."""
    texts = {}
    for path in sorted((ROOT / "articles").glob("0*.md")):
        body = path.read_text(encoding="utf-8").split("+++\n", 2)[2]
        texts[path.stem[:3]] = body.lstrip("\n").rstrip()
    return texts


TEXTS = article_texts()


@pytest.fixture(scope="module")
def engine() -> EntityEngine:
    return EntityEngine(load_gazetteer(DATA))


@pytest.fixture(scope="module")
def corpus(engine: EntityEngine) -> dict[str, list[Mention]]:
    return engine.extract_corpus(TEXTS)


def spans(mentions: list[Mention], entity_id: str) -> list[tuple[int, str]]:
    """(start, text) of every mention of one entity."""
    return [(m.start, m.text) for m in mentions if m.entity_id == entity_id]


def find(mentions: list[Mention], text: str) -> Mention:
    """The first mention with exactly this text."""
    return next(m for m in mentions if m.text == text)


def at(text: str, phrase: str, nth: int = 0) -> int:
    """The offset of the nth occurrence of a phrase."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(phrase, index + 1)
    return index


def test_bundled_data_file_loads_without_problems() -> None:
    gazetteer = load_gazetteer(DATA)
    assert gazetteer.problems == []
    ids = {entity.id for entity in gazetteer.entities}
    assert {"person:qalibaf", "org:iaea", "place:tehran", "person:nawaz-sharif"} <= ids
    assert "person:mohsin-naqvi" not in ids


def test_the_built_in_entities_are_the_packages_and_the_checkouts_file_adds_nothing_broken() -> None:
    builtin = builtin_gazetteer()
    assert builtin.problems == []
    assert {"place:iran", "place:pakistan", "place:tehran", "place:islamabad"} <= {
        e.id for e in builtin.entities
    }
    assert load_gazetteer(DATA).problems == []


def test_a_workspace_file_adds_a_person_and_replaces_a_built_in_entity_by_name(tmp_path: Path) -> None:
    path = tmp_path / "entities.toml"
    path.write_text(
        '[[entity]]\nid = "gul"\nname = "Zarina Gul"\ntype = "person"\n'
        # The same canonical name as the built-in person:larijani, under another slug.
        '[[entity]]\nid = "ali-larijani"\nname = "ali  LARIJANI"\ntype = "person"\n'
        'aliases = ["the security supremo"]\n',
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(path)
    assert gazetteer.problems == []
    ids = [e.id for e in gazetteer.entities]
    assert "person:larijani" not in ids and ids.count("person:ali-larijani") == 1
    assert ids[-1] == "person:gul" and len(ids) == len(builtin_gazetteer().entities) + 1
    mentions = EntityEngine(gazetteer).extract(
        "Zarina Gul met the security supremo in Tehran; the SNSC chief was not there."
    )
    by_text = {m.text: m.entity_id for m in mentions}
    assert by_text["Zarina Gul"] == "person:gul"
    assert by_text["the security supremo"] == "person:ali-larijani"
    assert by_text["Tehran"] == "place:tehran"
    assert "the SNSC chief" not in by_text  # the built-in alias went with the entity it replaced


def test_a_workspace_entity_with_a_built_in_slug_replaces_it_once(tmp_path: Path) -> None:
    path = tmp_path / "entities.toml"
    path.write_text(
        '[[entity]]\nid = "tehran"\nname = "Teheran"\ntype = "place"\n'
        '[[entity]]\nid = "capital"\nname = "Tehran"\ntype = "place"\n',
        encoding="utf-8",
    )
    entities = {e.id: e for e in load_gazetteer(path).entities}
    assert entities["place:tehran"].name == "Teheran"
    # The built-in Tehran is already replaced by the first row: the second is added.
    assert entities["place:capital"].name == "Tehran"


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"[[entity]\nid = ", "cannot read the entities file"),
        (b"x = " + b"[" * 2000 + b"]" * 2000 + b"\n", "nested too deeply"),
        (b"\xff\xfe not utf-8", "cannot read the entities file"),
        # Over Python's integer digit limit: tomllib raises ValueError, not TOMLDecodeError.
        (b"x = 1" + b"0" * 5000 + b"\n", "cannot read the entities file: a number with more digits"),
    ],
    ids=["unclosed table", "deep nesting", "not UTF-8", "huge integer"],
)
def test_a_broken_workspace_file_is_one_problem_and_the_built_in_entities_still_work(
    tmp_path: Path, content: bytes, needle: str
) -> None:
    path = tmp_path / "entities.toml"
    path.write_bytes(content)
    gazetteer = load_gazetteer(path)
    assert len(gazetteer.problems) == 1 and gazetteer.problems[0].path == str(path)
    assert needle in gazetteer.problems[0].message and "\n" not in gazetteer.problems[0].message
    assert [e.id for e in gazetteer.entities] == [e.id for e in builtin_gazetteer().entities]
    assert {m.text for m in EntityEngine(gazetteer).extract("Talks in Islamabad with Iran.")} >= {
        "Islamabad",
        "Iran",
    }


@pytest.mark.parametrize(
    "content",
    [
        '"key\\nsplit \\u001b[2J" = 1\n',
        '[[entity]]\nid = "bad\\nid \\u001b]52;c;QUFB\\u0007"\nname = "X"\ntype = "place"\n',
        '[[entity]]\nid = "ok"\nname = "X"\ntype = "place"\n"field\\r\\nnext \\u001b[2J" = 1\n',
    ],
    ids=["top-level key", "entity id", "field name"],
)
def test_names_taken_from_the_entities_file_are_shown_on_one_line_with_control_characters_as_symbols(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / "entities.toml"
    path.write_text(content, encoding="utf-8")
    [problem] = load_gazetteer(path).problems
    assert problem.message.isprintable(), problem.message
    assert "\u241b" in problem.message  # the escape shown as the symbol \N{SYMBOL FOR ESCAPE}


def test_a_fifo_as_the_workspace_file_is_refused_without_waiting(tmp_path: Path) -> None:
    import os

    path = tmp_path / "entities.toml"
    os.mkfifo(path)
    gazetteer = load_gazetteer(path)
    assert len(gazetteer.problems) == 1 and "FIFO" in gazetteer.problems[0].message
    assert len(gazetteer.entities) == len(builtin_gazetteer().entities)


def test_mentions_are_sorted_non_overlapping_and_exact(corpus: dict[str, list[Mention]]) -> None:
    for key, mentions in corpus.items():
        text = TEXTS[key]
        for before, after in itertools.pairwise(mentions):
            assert before.end <= after.start
        for mention in mentions:
            assert text[mention.start : mention.end] == mention.text


def test_qalibaf_under_full_name_surname_and_possessive(corpus: dict[str, list[Mention]]) -> None:
    text = TEXTS["000"]
    found = spans(corpus["000"], "person:qalibaf")
    assert found[0] == (at(text, "Mohammad Baqer Qalibaf"), "Mohammad Baqer Qalibaf")
    assert (at(text, "Qalibaf’s"), "Qalibaf") in found
    assert len(found) == text.count("Qalibaf")


def test_larijani_and_descriptive_aliases(corpus: dict[str, list[Mention]]) -> None:
    text = TEXTS["001"]
    found = spans(corpus["001"], "person:larijani")
    assert (at(text, "Ali Larijani"), "Ali Larijani") in found
    assert (at(text, "Larijani on his"), "Larijani") in found
    assert (at(text, "Iran’s top security official"), "Iran’s top security official") in found
    assert (at(TEXTS["003"], "the SNSC chief"), "the SNSC chief") in spans(corpus["003"], "person:larijani")


@pytest.mark.parametrize(
    ("key", "long", "short", "entity_id"),
    [
        ("001", "Supreme National Security Council", "SNSC", "org:snsc"),
        ("000", "International Atomic Energy Agency", "IAEA", "org:iaea"),
        ("002", "China-Pakistan Economic Corridor", "CPEC", "org:cpec"),
    ],
)
def test_organisation_by_name_and_acronym(
    corpus: dict[str, list[Mention]], key: str, long: str, short: str, entity_id: str
) -> None:
    text = TEXTS[key]
    found = spans(corpus[key], entity_id)
    assert (at(text, long), long) in found
    assert (at(text, f"({short})") + 1, short) in found


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("Ghalibaf", "person:qalibaf"),
        ("Bagher Ghalibaf", "person:qalibaf"),
        ("Mohammad Bagher Ghalibaf", "person:qalibaf"),
        ("Shahbaz Sharif", "person:shehbaz-sharif"),
        ("Muhammad Ishaq Dar", "person:ishaq-dar"),
        ("Mohammed Ishaq Dar", "person:ishaq-dar"),
        ("IAEA", "org:iaea"),
        ("SNSC", "org:snsc"),
        ("Teheran", "place:tehran"),
        ("Prime Minister Shehbaz Sharif", "person:shehbaz-sharif"),
        ("Gilani", "person:gilani"),
    ],
)
def test_resolve_aliases_and_spelling_variants(engine: EntityEngine, name: str, entity_id: str) -> None:
    entity = engine.resolve(name)
    assert entity is not None and entity.id == entity_id


def test_resolve_unknown_name(engine: EntityEngine) -> None:
    assert engine.resolve("Somebody Unknown") is None


@pytest.mark.parametrize(
    ("written", "entity_id"),
    [
        ("Mohammad Bagher Ghalibaf", "person:qalibaf"),
        ("Bagher Ghalibaf", "person:qalibaf"),
        ("Ghalibaf", "person:qalibaf"),
        ("Shahbaz Sharif", "person:shehbaz-sharif"),
        ("Muhammad Ishaq Dar", "person:ishaq-dar"),
        ("Mohammed Ishaq Dar", "person:ishaq-dar"),
    ],
)
def test_spelling_variants_in_text(engine: EntityEngine, written: str, entity_id: str) -> None:
    text = f"Officials said {written} met the delegation in Tehran."
    mention = engine.extract(text)[0]
    assert (mention.start, mention.text, mention.entity_id) == (15, written, entity_id)


def test_derived_aliases_with_and_without_honorifics(
    engine: EntityEngine, corpus: dict[str, list[Mention]]
) -> None:
    text = TEXTS["000"]
    assert spans(corpus["000"], "person:gilani") == [
        (at(text, "Syed Yusuf Raza Gilani"), "Syed Yusuf Raza Gilani"),
        (at(text, "Gilani highlighted"), "Gilani"),
    ]
    sadiq = spans(corpus["000"], "person:ayaz-sadiq")
    assert sadiq[0] == (at(text, "Sardar Ayaz Sadiq"), "Sardar Ayaz Sadiq")
    assert (at(text, "Sadiq described"), "Sadiq") in sadiq
    assert (at(TEXTS["001"], "Ayaz Sadiq"), "Ayaz Sadiq") in spans(corpus["001"], "person:ayaz-sadiq")
    gilani = engine.entity("person:gilani")
    assert gilani is not None and {"Yusuf Raza Gilani", "Syed Yusuf Raza Gilani", "Gilani"} <= {
        gilani.name,
        *gilani.aliases,
    }


def test_titles_are_not_part_of_the_span(corpus: dict[str, list[Mention]]) -> None:
    text = TEXTS["000"]
    mention = find(corpus["000"], "Shehbaz Sharif")
    assert (mention.start, mention.entity_id) == (at(text, "Shehbaz Sharif"), "person:shehbaz-sharif")
    role = next(m for m in corpus["000"] if m.start == at(text, "Sharif, for his part"))
    assert (role.text, role.entity_id) == ("Sharif", "person:shehbaz-sharif")


def test_shared_surname_resolution(engine: EntityEngine, corpus: dict[str, list[Mention]]) -> None:
    text = TEXTS["002"]
    assert (at(text, "Nawaz Sharif"), "Nawaz Sharif") in spans(corpus["002"], "person:nawaz-sharif")
    assert [
        m.entity_id
        for m in engine.extract("Nawaz Sharif spoke first. Later Sharif left.")
        if m.text == "Sharif"
    ] == ["person:nawaz-sharif"]
    later = engine.extract("Nawaz Sharif spoke first. Then Prime Minister Sharif replied.")
    assert [(m.text, m.entity_id) for m in later][-1] == ("Sharif", "person:shehbaz-sharif")
    assert engine.extract("Sharif spoke.")[0].entity_id == "person:shehbaz-sharif"


def test_new_people_discovered_from_titles_and_roles(corpus: dict[str, list[Mention]]) -> None:
    text = TEXTS["003"]
    assert spans(corpus["003"], "person:mohsin-naqvi") == [
        (at(text, "Mohsin Naqvi"), "Mohsin Naqvi"),
        (at(text, "Mohsin Naqvi", 1), "Mohsin Naqvi"),
    ]
    assert spans(corpus["003"], "person:muhammad-mudassir-tipu") == [
        (at(text, "Muhammad Mudassir Tipu"), "Muhammad Mudassir Tipu")
    ]
    assert spans(corpus["003"], "person:farzaneh-sadegh-maloujerdi") == [
        (at(text, "Farzaneh Sadegh Maloujerdi"), "Farzaneh Sadegh Maloujerdi")
    ]
    text = TEXTS["000"]
    assert spans(corpus["000"], "person:akbar-issazadeh") == [
        (at(text, "Akbar Issazadeh"), "Akbar Issazadeh")
    ]
    assert spans(corpus["000"], "person:owais-qadir-shah") == [
        (at(text, "Syed Owais Qadir Shah"), "Syed Owais Qadir Shah")
    ]


def test_discovered_surname_matches_later_and_across_texts_after_the_full_name_or_a_title(
    engine: EntityEngine,
) -> None:
    result = engine.extract_corpus(
        {
            "a": "Interior Minister Mohsin Naqvi arrived. Later Naqvi spoke.",
            "b": "In Tehran, Naqvi met officials. Then Minister Naqvi left, and Mohsin Naqvi flew home.",
        }
    )
    assert [(m.start, m.text, m.entity_id) for m in result["a"] if m.type is EntityType.PERSON] == [
        (18, "Mohsin Naqvi", "person:mohsin-naqvi"),
        (46, "Naqvi", "person:mohsin-naqvi"),
    ]
    # Issue 16: a found person's surname alone names him only after his full name or a title in
    # the same text; before that it may be anyone of that name.
    assert [(m.text, m.entity_id) for m in result["b"] if m.type is EntityType.PERSON] == [
        ("Naqvi", "person:mohsin-naqvi"),
        ("Mohsin Naqvi", "person:mohsin-naqvi"),
    ]
    assert next(m.start for m in result["b"] if m.type is EntityType.PERSON) > 30
    resolved = engine.resolve("Naqvi")
    assert resolved is not None and resolved.id == "person:mohsin-naqvi"


def test_empty_gazetteer_still_discovers_people() -> None:
    engine = EntityEngine(Gazetteer())
    people = {m.entity_id: m.text for m in engine.extract(TEXTS["003"]) if m.type is EntityType.PERSON}
    assert people["person:mohsin-naqvi"] == "Mohsin Naqvi"
    assert people["person:muhammad-mudassir-tipu"] == "Muhammad Mudassir Tipu"


def test_acronym_definition_creates_entity() -> None:
    engine = EntityEngine(load_gazetteer(DATA))
    text = (
        "KARACHI: President of the Korangi Association of Trade and Industry (KATI), Junaid Naqi has "
        "emphasised that trade could reach $10 billion. KATI members agreed."
    )
    found = spans(engine.extract(text), "org:korangi-association-of-trade-and-industry")
    assert found == [
        (at(text, "Korangi Association"), "Korangi Association of Trade and Industry"),
        (at(text, "(KATI)") + 1, "KATI"),
        (at(text, "KATI members"), "KATI"),
    ]
    entity = engine.resolve("KATI")
    assert entity is not None and entity.name == "Korangi Association of Trade and Industry"


def test_an_order_s_acronym_is_no_organisation(corpus: dict[str, list[Mention]]) -> None:
    """ "Statutory Regulatory Order (SRO)" names a regulation, not a body (nor "Free Trade Agreement")."""
    assert not [m for m in corpus["003"] if "SRO" in m.text or "Statutory" in m.text]


def test_acronym_becomes_alias_of_known_entity(engine: EntityEngine) -> None:
    mentions = engine.extract("The Islamic Consultative Assembly (ICA) met. The ICA voted.")
    assert [(m.start, m.text, m.entity_id) for m in mentions] == [
        (4, "Islamic Consultative Assembly", "org:majlis"),
        (35, "ICA", "org:majlis"),
        (49, "ICA", "org:majlis"),
    ]
    majlis = engine.entity("org:majlis")
    assert majlis is not None and "ICA" in majlis.aliases


@pytest.mark.parametrize(
    ("key", "written", "entity_id", "value", "unit"),
    [
        ("000", "$10 billion", "money:USD:10000000000", 1e10, "USD"),
        ("000", "ten billion dollars", "money:USD:10000000000", 1e10, "USD"),
        ("004", "10 billion dollars", "money:USD:10000000000", 1e10, "USD"),
        ("002", "$3.1 billion", "money:USD:3100000000", 3.1e9, "USD"),
        ("002", "13.6 percent", "percent:13.6", 13.6, "percent"),
        ("002", "15 percent", "percent:15", 15.0, "percent"),
        ("002", "3.5 times", "times:3.5", 3.5, "times"),
    ],
)
def test_amounts_and_figures_in_articles(
    corpus: dict[str, list[Mention]], key: str, written: str, entity_id: str, value: float, unit: str
) -> None:
    mention = find(corpus[key], written)
    assert (mention.start, mention.entity_id, mention.value, mention.unit) == (
        at(TEXTS[key], written),
        entity_id,
        value,
        unit,
    )
    assert mention.type is (EntityType.MONEY if unit == "USD" else EntityType.FIGURE)


@pytest.mark.parametrize(
    ("text", "written", "entity_id", "value"),
    [
        ("Top security chief calls for $10b trade with Pakistan", "$10b", "money:USD:10000000000", 1e10),
        ("a loan of Rs 500 million was agreed", "Rs 500 million", "money:PKR:500000000", 5e8),
        ("fines of 2,500 rupees apply", "2,500 rupees", "money:PKR:2500", 2500.0),
        ("worth forty-five million rials", "forty-five million rials", "money:IRR:45000000", 4.5e7),
        ("a grant of €1.2bn arrived", "€1.2bn", "money:EUR:1200000000", 1.2e9),
        ("three hundred euros each", "three hundred euros", "money:EUR:300", 300.0),
        ("trade fell 15% last year", "15%", "percent:15", 15.0),
        ("about two times larger", "two times", "times:2", 2.0),
        ("$2 trillion", "$2 trillion", "money:USD:2000000000000", 2e12),
        # a code touching its number, as Business Recorder and MENAFN write it
        ("to achieve USD10 billion bilateral trade target", "USD10 billion", "money:USD:10000000000", 1e10),
        ("commodities worth USD1.7 billion to Pakistan", "USD1.7 billion", "money:USD:1700000000", 1.7e9),
        ("a budget of Rs44.2 billion was set", "Rs44.2 billion", "money:PKR:44200000000", 4.42e10),
        ("and Rs300mn more", "Rs300mn", "money:PKR:300000000", 3e8),
        # the South Asian scales
        ("a grant of PKR 5 crore", "PKR 5 crore", "money:PKR:50000000", 5e7),
        ("Rs 3 lakh each", "Rs 3 lakh", "money:PKR:300000", 3e5),
    ],
)
def test_amount_shapes(engine: EntityEngine, text: str, written: str, entity_id: str, value: float) -> None:
    mention = find(engine.extract(text), written)
    assert (mention.start, mention.entity_id, mention.value) == (text.index(written), entity_id, value)


def test_a_currency_code_inside_a_word_is_no_amount(engine: EntityEngine) -> None:
    assert [m.text for m in engine.extract("The EUROPE summit and RsA, USDA and PKR2D rules")] == []


def test_times_without_a_number_is_not_a_figure(engine: EntityEngine) -> None:
    assert [m.text for m in engine.extract("in difficult times and at times")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Interior Minister Attaullah Tarar met Senator Ali Tarar in Lahore. Later, Tarar said talks went well.",
            "Ali Tarar",
        ),
        (
            "Senator Ali Tarar met Interior Minister Attaullah Tarar in Lahore. Later, Tarar said talks went well.",
            "Attaullah Tarar",
        ),
    ],
)
def test_a_surname_shared_by_two_discovered_people_goes_to_the_one_named_last(
    text: str, expected: str
) -> None:
    engine = EntityEngine(load_gazetteer(DATA))
    mentions = engine.extract(text)
    people = {m.canonical for m in mentions if m.type is EntityType.PERSON}
    assert {"Ali Tarar", "Attaullah Tarar"} <= people
    bare = next(m for m in mentions if m.text == "Tarar")
    assert bare.canonical == expected


def test_an_engine_reading_its_file_reads_it_once_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from tui.core.entities import engine as engine_module

    reads: list[Path] = []
    gate = threading.Event()

    def slow_read(path: Path) -> Gazetteer:
        reads.append(path)
        gate.wait(5)  # every thread asks while the first read is still going on
        return load_gazetteer(path)

    monkeypatch.setattr(engine_module, "load_gazetteer", slow_read)
    engine = EntityEngine.reading(DATA)
    assert reads == []  # nothing read when made
    seen: list[Gazetteer] = []
    threads = [threading.Thread(target=lambda: seen.append(engine.gazetteer)) for _ in range(8)]
    for thread in threads:
        thread.start()
    gate.set()
    for thread in threads:
        thread.join(10)
    assert reads == [DATA] and len(seen) == 8 and all(g is seen[0] for g in seen)
    assert engine.resolve("Ghalibaf") is not None and engine.resolve("Ghalibaf").id == "person:qalibaf"  # type: ignore[union-attr]


def test_the_recogniser_is_built_once_when_threads_first_use_the_engine_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from tui.core.entities import recogniser

    built: list[object] = []
    real = recogniser.Recogniser

    class Counted(real):  # type: ignore[misc, valid-type]
        def __init__(self, gazetteer: Gazetteer) -> None:
            built.append(self)
            super().__init__(gazetteer)

    monkeypatch.setattr(recogniser, "Recogniser", Counted)
    engine = EntityEngine.reading(DATA)
    start = threading.Barrier(6)
    found: list[object] = []

    def use() -> None:
        start.wait(5)
        found.append(engine.resolve("Larijani"))

    threads = [threading.Thread(target=use) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(built) == 1 and len(found) == 6 and all(f == found[0] for f in found)
