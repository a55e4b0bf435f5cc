"""Finding a tag by typing: exact, prefix, word-prefix and substring matches before typos, on a codebook."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.annotations.tag_match import rank_tags

CODEBOOK = [
    "regional-tension",
    "security",
    "trade",
    "energy/gas-pipeline",
    "border-incident",
    "diplomacy",
    "sanctions",
    "framing/security",
    "refugees",
    "religion",
    "Baloch insurgency",
    "Chabahar port",
]


def test_an_empty_query_gives_every_tag_in_codebook_order() -> None:
    assert rank_tags("", CODEBOOK) == CODEBOOK
    assert rank_tags("   ", CODEBOOK, limit=3) == CODEBOOK[:3]


def test_the_exact_name_comes_before_names_that_start_with_it() -> None:
    names = ["security-council", "framing/security", "security"]
    assert rank_tags("security", names) == ["security", "security-council", "framing/security"]


def test_case_is_ignored_but_the_exact_spelling_wins() -> None:
    assert rank_tags("SECURITY", CODEBOOK)[:2] == ["security", "framing/security"]
    assert rank_tags("Trade", ["trade", "Trade"]) == ["Trade", "trade"]


def test_a_prefix_comes_before_a_word_inside_a_name() -> None:
    assert rank_tags("sec", CODEBOOK) == ["security", "framing/security"]


def test_a_word_of_a_name_is_found_by_its_start() -> None:
    assert rank_tags("ten", CODEBOOK) == ["regional-tension"]
    assert rank_tags("gas", CODEBOOK) == ["energy/gas-pipeline"]
    assert rank_tags("port", CODEBOOK) == ["Chabahar port"]


def test_separators_count_alike() -> None:
    assert rank_tags("energy gas", CODEBOOK) == ["energy/gas-pipeline"]
    assert rank_tags("baloch-insurgency", CODEBOOK) == ["Baloch insurgency"]


def test_a_substring_comes_after_word_prefixes() -> None:
    assert rank_tags("ion", ["diplomacy", "regional-tension", "ionosphere", "ion-channel"]) == [
        "ionosphere",
        "ion-channel",
        "regional-tension",
    ]


def test_a_typo_finds_the_tag_meant() -> None:
    assert rank_tags("regional-tenson", CODEBOOK) == ["regional-tension"]
    assert rank_tags("diplomcy", CODEBOOK) == ["diplomacy"]
    assert rank_tags("secruity", CODEBOOK) == ["security", "framing/security"]
    assert rank_tags("gas pipline", CODEBOOK) == ["energy/gas-pipeline"]
    assert rank_tags("balcoh", CODEBOOK) == ["Baloch insurgency"]


def test_a_typo_in_one_word_of_a_longer_name_finds_it() -> None:
    names = ["security-cooperation", "trade-economy", "region", "diplomacy"]
    assert rank_tags("trde", names) == ["trade-economy"]
    assert rank_tags("tarde", names) == ["trade-economy"]


def test_the_starts_of_its_words_find_a_name() -> None:
    names = ["security-cooperation", "trade-economy", "border-incident"]
    assert rank_tags("sec coop", names) == ["security-cooperation"]
    assert rank_tags("bord inc", names) == ["border-incident"]
    assert rank_tags("coop sec", names) == []  # in the name's order only


def test_a_short_prefix_does_not_pull_in_names_that_merely_share_letters() -> None:
    assert rank_tags("reg", CODEBOOK) == ["regional-tension"]
    assert rank_tags("xyz", CODEBOOK) == []


def test_names_that_match_alike_keep_codebook_order() -> None:
    assert rank_tags("r", ["trade", "refugees", "border-incident", "religion"]) == [
        "refugees",
        "religion",
        "trade",
        "border-incident",
    ]


def test_the_limit_keeps_the_best() -> None:
    assert rank_tags("s", CODEBOOK, limit=2) == ["security", "sanctions"]


def test_a_query_of_punctuation_alone_is_looked_for_as_it_is() -> None:
    assert rank_tags("/", CODEBOOK) == ["energy/gas-pipeline", "framing/security"]


def test_persian_tag_names_are_found() -> None:
    names = ["امنیت مرزی", "تجارت", "security"]
    assert rank_tags("مرز", names) == ["امنیت مرزی"]


NAMES = st.lists(st.text(min_size=0, max_size=12), max_size=12)


@given(names=NAMES, query=st.text(max_size=12))
def test_every_match_is_one_of_the_names_once(names: list[str], query: str) -> None:
    found = rank_tags(query, names)
    assert set(found) <= set(names)
    assert len(found) == len(set(found))


@given(names=NAMES.filter(bool), pick=st.integers(min_value=0), limit=st.none() | st.integers(1, 5))
def test_an_exact_name_is_always_first(names: list[str], pick: int, limit: int | None) -> None:
    query = names[pick % len(names)]
    assert rank_tags(query, names, limit)[0] == query
