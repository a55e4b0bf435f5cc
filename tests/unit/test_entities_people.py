"""People the engine knows nothing of, found by evidence, and spellings of one person linked.

The evidence: a given name from the list built from names-dataset, a byline, a role or title
before or after the name, and the name found elsewhere in the corpus. The sentences are those of
real news on Iran–Pakistan relations (the development set's tuning half) or written in their
shape; the look-alike pairs are real people who share a surname or a given name.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.entities.names import (
    COMMON_SURNAMES,
    given_names,
    keys_linked,
    name_key,
    strip_honorifics,
    surnames,
)
from tui.core.models import EntityType

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "data" / "devset"


@pytest.fixture(scope="module")
def engine() -> EntityEngine:
    return EntityEngine(load_gazetteer(ROOT / "articles" / "entities.toml"))


def people(engine: EntityEngine, text: str) -> list[tuple[str, str]]:
    """The person mentions of one text: (text as written, entity id)."""
    return [(m.text, m.entity_id) for m in engine.extract(text) if m.type is EntityType.PERSON]


def tuning_text(name: str) -> str:
    """The text of one of the development set's tuning files."""
    return str(json.loads((DEVSET / f"{name}.json").read_text(encoding="utf-8"))["text"])


def test_a_name_that_starts_with_a_given_name_is_a_person(engine: EntityEngine) -> None:
    text = tuning_text("ap-2024-01-28-amirabdollahian-islamabad-visit")
    found = people(engine, text)
    assert ("Hossein Amirabdollahian", "person:hossein-amirabdollahian") in found
    assert ("Jalil Abbas Jilani", "person:jalil-abbas-jilani") in found  # "his Pakistani counterpart, ..."


def test_a_given_name_after_a_country_s_possessive(engine: EntityEngine) -> None:
    text = "Iran’s Hossein Salami and Pakistan's Jalil Abbas Jilani spoke on Monday."
    assert people(engine, text) == [
        ("Hossein Salami", "person:hossein-salami"),
        ("Jalil Abbas Jilani", "person:jalil-abbas-jilani"),
    ]


def test_a_byline_in_capitals_names_its_author_in_title_case(engine: EntityEngine) -> None:
    text = tuning_text("ap-2024-01-28-amirabdollahian-islamabad-visit")
    assert text.startswith("By MUNIR AHMED\n")
    found = people(engine, text)
    assert ("MUNIR AHMED", "person:munir-ahmed") in found
    assert engine.resolve("MUNIR AHMED") is not None
    assert engine.resolve("MUNIR AHMED").name == "Munir Ahmed"  # type: ignore[union-attr]


@pytest.mark.parametrize("byline", ["Our Correspondent", "Web Desk", "Staff Reporter", "Monitoring Desk"])
def test_a_byline_of_no_one_names_no_one(engine: EntityEngine, byline: str) -> None:
    text = f"By {byline}\nISLAMABAD: Pakistan and Iran agreed on Monday to reopen two border markets."
    assert people(engine, text) == []


def test_a_role_and_its_place_before_the_name_then_the_common_surname_alone(engine: EntityEngine) -> None:
    text = tuning_text("irna-2020-12-20-sistan-baluchestan-role")
    found = people(engine, text)
    assert ("Rahim Hayat Qureshi", "person:rahim-hayat-qureshi") in found
    # "Qureshi" is too common to stand for him anywhere, but here he was named in full just before.
    assert ("Qureshi", "person:rahim-hayat-qureshi") in found


def test_a_common_surname_alone_names_no_one_before_the_full_name(engine: EntityEngine) -> None:
    text = (
        "Qureshi and other members of the delegation arrived in Chabahar on Sunday. "
        "Pakistan ambassador to Tehran Rahim Hayat Qureshi said the province plays a pivotal role."
    )
    found = people(engine, text)
    assert ("Rahim Hayat Qureshi", "person:rahim-hayat-qureshi") in found
    assert not [name for name, _ in found if name == "Qureshi"]


def test_a_common_surname_next_to_another_capitalised_word_is_part_of_another_name(
    engine: EntityEngine,
) -> None:
    text = (
        "Pakistan ambassador to Tehran Rahim Hayat Qureshi met the governor. "
        "Former foreign minister Shah Mahmood Qureshi was not there, and Qureshi Sahib left early."
    )
    found = people(engine, text)
    assert [name for name, entity in found if entity == "person:rahim-hayat-qureshi"] == [
        "Rahim Hayat Qureshi"
    ]


def test_a_found_persons_surname_alone_names_him_only_where_he_is_named_in_full_or_titled(
    engine: EntityEngine,
) -> None:
    texts = {
        "named": "Samad Hassanzadeh, the head of the Iran Chamber of Commerce, met traders in Tehran.",
        "other": "A Hassanzadeh family ran the shop. Later Minister Hassanzadeh visited it.",
        "again": "Samad Hassanzadeh said trade would grow. Hassanzadeh added that barter would help.",
    }
    found = engine.extract_corpus(texts)

    def named(key: str) -> list[str]:
        return [m.text for m in found[key] if m.entity_id == "person:samad-hassanzadeh"]

    assert named("named") == ["Samad Hassanzadeh"]
    assert named("other") == ["Hassanzadeh"]  # the one after a title
    assert named("again") == ["Samad Hassanzadeh", "Hassanzadeh"]


def test_a_name_after_a_role_phrase_with_its_acronym(engine: EntityEngine) -> None:
    found = people(engine, tuning_text("brecorder-2024-12-31-kati-trade-10bn"))
    assert found == [("Junaid Naqi", "person:junaid-naqi")]


def test_a_name_after_a_title_and_its_portfolio_without_a_comma(engine: EntityEngine) -> None:
    text = (
        "The Pakistani delegation was led by Federal Minister for Commerce Jam Kamal Khan. "
        "Secretary of State Marco Rubio spoke to Minister of Foreign Affairs Abbas Araghchi and "
        "Minister for Roads and Urban Development Farzaneh Sadegh."
    )
    assert people(engine, text) == [
        ("Jam Kamal Khan", "person:jam-kamal-khan"),
        ("Marco Rubio", "person:marco-rubio"),
        ("Abbas Araghchi", "person:araghchi"),
        ("Farzaneh Sadegh", "person:farzaneh-sadegh"),
    ]


def test_the_head_of_an_organisation_before_and_after_the_name(engine: EntityEngine) -> None:
    text = tuning_text("menafn-2025-01-21-iran-exports-nine-months")
    found = people(engine, text)
    assert ("Foroud Asgari", "person:foroud-asgari") in found  # "the head of the ... (IRICA), Foroud Asgari"
    assert ("Samad Hassanzadeh", "person:samad-hassanzadeh") in found  # "Samad Hassanzadeh, the head of ..."


def test_a_name_found_in_one_article_is_found_in_the_next_and_its_surname_after_it(
    engine: EntityEngine,
) -> None:
    texts = {
        "first": "The Pakistani delegation was led by Federal Minister for Commerce Jam Kamal Khan.",
        "second": (
            "Jam Kamal Khan, on Tuesday at the conclusion of the Joint Economic Committee meeting, "
            "thanked Iran for its hospitality."
        ),
        "third": tuning_text("tehrantimes-2019-02-24-exports-record-high"),
    }
    found = engine.extract_corpus(texts)
    second = [(m.text, m.entity_id) for m in found["second"] if m.type is EntityType.PERSON]
    assert second == [("Jam Kamal Khan", "person:jam-kamal-khan")]
    third = [(m.text, m.entity_id) for m in found["third"] if m.type is EntityType.PERSON]
    assert third == [
        ("Mahmoud Hajiyousefipour", "person:mahmoud-hajiyousefipour"),
        ("Hajiyousefipour", "person:mahmoud-hajiyousefipour"),
    ]


def test_a_name_next_to_said_that_ends_with_a_listed_surname(engine: EntityEngine) -> None:
    text = (
        "The talks were useful, said Cyrus Nasseri, a former Iranian diplomat. "
        "Recep Tayyip Erdogan said Turkey would help. Human Rights Watch said the strikes "
        "killed two children, and Middle East Eye said the border was closed."
    )
    assert people(engine, text) == [
        ("Cyrus Nasseri", "person:cyrus-nasseri"),
        ("Recep Tayyip Erdogan", "person:recep-tayyip-erdogan"),
    ]


def test_arabic_names_joined_by_bin_after_a_royal_title(engine: EntityEngine) -> None:
    text = (
        "Saudi Crown Prince Mohammed bin Salman received Prime Minister Shehbaz Sharif, and "
        "Emir Tamim bin Hamad Al Thani called him on Sunday."
    )
    assert people(engine, text) == [
        ("Mohammed bin Salman", "person:mohammed-bin-salman"),
        ("Shehbaz Sharif", "person:shehbaz-sharif"),
        ("Tamim bin Hamad Al Thani", "person:tamim-bin-hamad-al-thani"),
    ]


def test_towns_trains_buildings_and_roads_named_like_people_are_not_people(engine: EntityEngine) -> None:
    text = (
        "Police in Rahim Yar Khan arrested two men on Monday. The Jaffar Express left Quetta "
        "for Peshawar, and Karim Abad was sealed. Patients at Aga Khan Hospital were moved, and "
        "students of Amir Kabir University marched to Karim Khan Zand Boulevard. Eid Al Adha "
        "prayers were held in Quetta."
    )
    assert people(engine, text) == []


def test_names_and_words_that_only_look_like_people_are_not_taken(engine: EntityEngine) -> None:
    text = (
        "Students of Imam Hossein University and the Islamic Republic of Iran Broadcasting met "
        "at Allama Iqbal International Airport. Iranian President Masoud Pezeshkian said the "
        "Muslim nations of the region would meet in Tehran."
    )
    found = people(engine, text)
    assert found == [("Masoud Pezeshkian", "person:pezeshkian")]


@pytest.mark.parametrize(
    ("text", "written", "entity_id"),
    [
        ("Speaker Ali Ardashir Larijani met the delegation.", "Ali Ardashir Larijani", "person:larijani"),
        (
            "Prime Minister Muhammad Shehbaz Sharif received the delegation.",
            "Muhammad Shehbaz Sharif",
            "person:shehbaz-sharif",
        ),
        (
            "Syed Ali Hosseini Khamenei received the president.",
            "Syed Ali Hosseini Khamenei",
            "person:khamenei",
        ),
        # The honorific is part of the name as written (the development set's guide).
        ("Seyyed Ali Khamenei received the president.", "Seyyed Ali Khamenei", "person:khamenei"),
        ("Seyed Abbas Araghchi arrived in Islamabad.", "Seyed Abbas Araghchi", "person:araghchi"),
        ("The message of Ayatullah Ali Khamenei was read out.", "Ali Khamenei", "person:khamenei"),
        ("Ayatullah Khamenei said on Friday that talks would go on.", "Khamenei", "person:khamenei"),
        (
            "Mian Muhammad Shahbaz Sharif chaired the meeting.",
            "Mian Muhammad Shahbaz Sharif",
            "person:shehbaz-sharif",
        ),
        ("PM Shehbaz chaired the meeting on Tuesday.", "Shehbaz", "person:shehbaz-sharif"),
        ("Engr. Mohammad Ishaq Dar chaired the meeting.", "Mohammad Ishaq Dar", "person:ishaq-dar"),
        ("Hojatoleslam Hassan Rouhani addressed the gathering.", "Hassan Rouhani", "person:hassan-rouhani"),
    ],
)
def test_middle_names_honorifics_titles_and_spellings_link_to_the_known_person(
    engine: EntityEngine, text: str, written: str, entity_id: str
) -> None:
    assert (written, entity_id) in people(engine, text)


def test_look_alike_people_stay_apart(engine: EntityEngine) -> None:
    text = (
        "Prime Minister Shehbaz Sharif met his brother Nawaz Sharif in Lahore. In Tehran, "
        "Speaker Ali Larijani and judiciary chief Sadegh Larijani received Imran Khan's "
        "envoy. Chief Minister Ali Amin Khan spoke to reporters; PM Nawaz had left. "
        "Foreign Minister Bilawal Bhutto Zardari and President Asif Ali Zardari attended, "
        "as did Ahsan Iqbal, who quoted Allama Muhammad Iqbal."
    )
    found = dict(people(engine, text))
    pairs = [
        ("Shehbaz Sharif", "Nawaz Sharif"),
        ("Ali Larijani", "Sadegh Larijani"),
        ("Imran Khan", "Ali Amin Khan"),
        ("Bilawal Bhutto Zardari", "Asif Ali Zardari"),
        ("Ahsan Iqbal", "Allama Muhammad Iqbal"),
        ("Shehbaz Sharif", "Nawaz"),
    ]
    for first, second in pairs:
        assert first in found and second in found, (first, second)
        assert found[first] != found[second], (first, second)
    assert found["Nawaz"] == "person:nawaz-sharif"  # "PM Nawaz": the one known person of that given name


@pytest.mark.parametrize(
    ("first", "second", "linked"),
    [
        ("Ali Ardashir Larijani", "Ali Larijani", True),
        ("Muhammad Shehbaz Sharif", "Shahbaz Sharif", True),
        ("Syed Ali Hosseini Khamenei", "Ali Khamenei", True),
        ("Mohammad Baqer Qalibaf", "Mohammad Ghalibaf", True),
        ("Nawaz Sharif", "Shehbaz Sharif", False),
        ("Ali Larijani", "Sadegh Larijani", False),
        ("Imran Khan", "Ali Amin Khan", False),
        ("Ali Khan", "Ali Amin Khan", False),  # common names only: not enough to say who
        ("Mohammad Reza Aref", "Mohammad Reza Pahlavi", False),
        ("Asif Ali Zardari", "Bilawal Bhutto Zardari", False),
        ("Muhammad Iqbal", "Ahsan Iqbal", False),
        ("Maryam Nawaz Sharif", "Nawaz Sharif", False),  # a child named after the parent
        ("Hamza Shehbaz Sharif", "Shehbaz Sharif", False),
        ("Hussain Nawaz Sharif", "Nawaz Sharif", False),
        ("Mian Muhammad Nawaz Sharif", "Nawaz Sharif", True),  # honorific and name prefix in front
    ],
)
def test_keys_link_middle_names_and_spellings_never_look_alikes(
    first: str, second: str, linked: bool
) -> None:
    assert keys_linked(name_key(strip_honorifics(first)), name_key(strip_honorifics(second))) is linked


@pytest.mark.parametrize(("file", "size"), [("given_names.txt", 10_000), ("surnames.txt", 15_000)])
def test_the_name_lists_are_compact_sorted_and_plain(file: str, size: int) -> None:
    lines = (ROOT / "tui" / "core" / "entities" / file).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# Written by tools/build_given_names.py from names-dataset")
    listed = [line for line in lines if not line.startswith("#")]
    assert listed == sorted(set(listed))
    assert all(re.fullmatch(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?", name) for name in listed)
    assert size // 3 < len(listed) < size


def test_the_name_lists_hold_names_and_no_peoples_places_or_words() -> None:
    names = given_names()
    for name in ("Hossein", "Alireza", "Junaid", "Mudassir", "Mohammad", "Farzaneh", "Donald"):
        assert name in names
    for word in (
        "Iranian",
        "Islamic",
        "Muslim",
        "Persian",
        "Pakistan",
        "Will",
        "Press",
        "Syed",
        "Khan",
        "Kabul",
    ):
        assert word not in names  # peoples, words, honorifics, clan names and capitals are not given names
    assert not names & COMMON_SURNAMES
    for surname in ("Qureshi", "Hassanzadeh", "Asgari", "Nasseri", "Erdogan", "Sharif"):
        assert surname in surnames()
    for word in ("Watch", "House", "Street", "Press", "Eye", "Times"):
        assert word not in surnames()


def test_the_name_lists_are_read_on_first_use_not_at_import() -> None:
    code = (
        "import tui.core.entities, tui.core.entities.engine, tui.core.entities.recogniser\n"
        "from tui.core.entities import names\n"
        "assert names.given_names.cache_info().currsize == 0\n"
        "assert names.surnames.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_khomeini_and_khamenei_stay_two_people(engine: EntityEngine) -> None:
    # Surnames that differ only in their vowels: spelling variants must not join them.
    text = (
        "Ayatollah Ali Khamenei marked the anniversary of Imam Khomeini's death. Khamenei said the "
        "revolution Khomeini led in 1979 had made Iran independent."
    )
    assert people(engine, text) == [
        ("Ali Khamenei", "person:khamenei"),
        ("Imam Khomeini", "person:khomeini"),
        ("Khamenei", "person:khamenei"),
        ("Khomeini", "person:khomeini"),
    ]


def test_children_named_after_a_parent_are_not_the_parent(engine: EntityEngine) -> None:
    texts = {
        "a": "LAHORE: Punjab Chief Minister Maryam Nawaz Sharif inaugurated the hospital on Monday.",
        "b": "Hamza Shehbaz Sharif said the party would contest. Later, Nawaz Sharif addressed workers.",
        "c": "Hussain Nawaz Sharif appeared before the court. Muhammad Shehbaz Sharif chaired the meeting.",
    }
    corpus = engine.extract_corpus(texts)
    ids = {m.text: m.entity_id for mentions in corpus.values() for m in mentions}
    assert ids["Nawaz Sharif"] == "person:nawaz-sharif"
    assert ids["Muhammad Shehbaz Sharif"] == "person:shehbaz-sharif"
    for child in ("Maryam Nawaz Sharif", "Hamza Shehbaz Sharif", "Hussain Nawaz Sharif"):
        assert ids[child] not in ("person:nawaz-sharif", "person:shehbaz-sharif"), child


def test_an_airline_named_with_a_given_name_is_no_one(engine: EntityEngine) -> None:
    text = "Mahan Air resumed flights to Karachi on Monday, and Iran Air flies to Lahore twice a week."
    assert people(engine, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan batter Asif Ali hit three sixes in the last over to seal the win over Afghanistan.",
        "The party was founded in 1967 by former prime minister Zulfikar Ali Bhutto in Lahore.",
    ],
)
def test_a_known_persons_one_word_name_inside_another_persons_name_is_not_him(
    engine: EntityEngine, text: str
) -> None:
    assert ("Asif", "person:khawaja-asif") not in people(engine, text)
    assert ("Bhutto", "person:bilawal") not in people(engine, text)


def test_a_place_s_other_spelling_inside_a_persons_name_is_not_the_place(engine: EntityEngine) -> None:
    text = "Senator Mushahid Hussain Sayed said pilgrims from Pakistan travel to Meshhad by road."
    mentions = [(m.text, m.entity_id) for m in engine.extract(text)]
    assert ("Meshhad", "place:mashhad") in mentions
    assert not [t for t, _ in mentions if t.startswith("Mushahid")]


def test_a_sentence_opener_before_a_name_next_to_said_is_not_part_of_it(engine: EntityEngine) -> None:
    text = "Planning Minister Ahsan Iqbal met Ishaq Dar. Later Ahsan Iqbal said the talks went well."
    assert not [name for name, _ in people(engine, text) if name.startswith("Later")]
    single = "Later Nawaz said the party was united; Later Iqbal said the same."
    assert not [name for name, _ in people(engine, single) if name.startswith("Later")]


def test_an_arabic_name_with_an_ayn_and_al_is_whole(engine: EntityEngine) -> None:
    text = "Iraqi Prime Minister Mohammed Shia’ al-Sudani met the envoy in Baghdad on Sunday."
    assert people(engine, text) == [("Mohammed Shia’ al-Sudani", "person:mohammed-shia-al-sudani")]
    possessive = "Prime Minister Shehbaz Sharif’s visit to Tehran ended on Monday."
    assert people(engine, possessive) == [("Shehbaz Sharif", "person:shehbaz-sharif")]
