"""Code matrices on the bundled articles: tag × tag by overlap, sentence and paragraph, tag × article,
and tag × attribute value (outlets set in the store)."""

from __future__ import annotations

import pytest

from tests.unit.test_segments import code
from tui.core.annotations.model import Annotation
from tui.core.annotations.store import AnnotationStore
from tui.core.attributes import values_by_article
from tui.core.corpus import Corpus
from tui.core.matrix import NO_VALUE, UNITS, attributes_in, tag_by_article, tag_by_attribute, tag_by_tag
from tui.core.models import Article

FIRST = "000_9154f6903408afad"
TAGS = ("people", "trade", "security")


@pytest.fixture
def articles(corpus: Corpus) -> dict[str, Article]:
    """The bundled articles by id."""
    return {article.id: article for article in corpus.articles}


@pytest.fixture
def coded(articles: dict[str, Article]) -> list[Annotation]:
    """In the first article: a sentence on trade holding a person, that person alone, and a security
    passage in another paragraph; in a second article, a person."""
    first = articles[FIRST]
    second = articles[sorted(articles)[1]]
    sentence = "In a series of meetings with senior Pakistani officials, Qalibaf proposed raising bilateral trade to $10 billion"
    return [
        code(first, sentence, "trade"),
        code(first, "Qalibaf proposed", "people"),  # inside the trade sentence: overlaps it
        code(first, "Mohammad Baqer Qalibaf", "people", "security"),  # one passage, two tags
        code(first, "security cooperation", "security"),
        code(second, "Larijani", "people"),
    ]


def test_overlap_counts_pairs_of_passages_and_the_diagonal_passages(
    articles: dict[str, Article], coded: list[Annotation]
) -> None:
    matrix = tag_by_tag(coded, articles, TAGS, "overlap")
    assert matrix.counts() == [
        [3, 1, 1],  # people: 3 passages; with trade once (overlap); with security once (same passage)
        [1, 1, 0],
        [1, 0, 2],
    ]
    ((article, start, end),) = matrix.places("people", "trade")
    assert article == FIRST and articles[FIRST].text[start:end].startswith("In a series of meetings")
    assert matrix.places("people", "trade") == matrix.places("trade", "people")


def test_sentences_and_paragraphs_count_units_holding_both(
    articles: dict[str, Article], coded: list[Annotation]
) -> None:
    by_sentence = tag_by_tag(coded, articles, TAGS, "sentence")
    # the first sentence holds "Mohammad Baqer Qalibaf" (people, security) and "security cooperation"
    assert by_sentence.count("people", "security") == 1 and by_sentence.count("security", "security") == 1
    assert by_sentence.count("people", "trade") == 1 and by_sentence.count("people", "people") == 3
    ((article, start, end),) = by_sentence.places("people", "security")
    assert articles[article].text[start:end].startswith("TEHRAN – Iran’s Parliament Speaker")
    by_paragraph = tag_by_tag(coded, articles, TAGS, "paragraph")
    assert by_paragraph.count("trade", "security") == 0 and by_paragraph.count("people", "trade") == 1


def test_tag_by_article_counts_passages_per_article(
    articles: dict[str, Article], coded: list[Annotation]
) -> None:
    matrix = tag_by_article(coded, articles, TAGS)
    assert matrix.columns == (FIRST, sorted(articles)[1])
    assert matrix.counts() == [[2, 1], [1, 0], [2, 0]]


def test_orphans_count_nowhere_and_json_and_csv_agree(
    articles: dict[str, Article], coded: list[Annotation]
) -> None:
    gone = {k: v for k, v in articles.items() if k != FIRST}
    matrix = tag_by_tag(coded, gone, TAGS, "overlap")
    assert matrix.counts() == [[1, 0, 0], [0, 0, 0], [0, 0, 0]]
    shown = matrix.as_json()
    assert shown["counts"] == matrix.counts() and shown["cells"][0]["row"] == "people"
    assert matrix.as_csv_rows()[1] == ["people", "1", "0", "0"]


def test_an_unknown_unit_is_refused(articles: dict[str, Article], coded: list[Annotation]) -> None:
    with pytest.raises(ValueError, match="unknown unit"):
        tag_by_tag(coded, articles, TAGS, "page")
    assert UNITS == ("overlap", "sentence", "paragraph")


@pytest.fixture
def outlets(articles: dict[str, Article]) -> dict[str, dict[str, str]]:
    """Each bundled article's attribute values, with the first two set to outlets in a store and the
    rest left without one."""
    store = AnnotationStore.in_memory()
    first, second, third = sorted(articles)[:3]
    store.set_attributes(first, {"outlet": "Tehran Times"}, "tester")
    store.set_attributes(second, {"outlet": "Dawn"}, "tester")
    store.set_attributes(third, {"outlet": "Dawn", "kind": "news"}, "tester")
    return values_by_article(articles.values(), store.attribute_values())


def test_tag_by_attribute_counts_passages_by_each_value_and_none(
    articles: dict[str, Article], coded: list[Annotation], outlets: dict[str, dict[str, str]]
) -> None:
    first, second = articles[FIRST], articles[sorted(articles)[1]]
    fourth = articles[sorted(articles)[3]]
    matrix = tag_by_attribute([*coded, code(fourth, "Pakistan", "people")], articles, TAGS, outlets, "outlet")
    assert matrix.columns == ("Dawn", "Tehran Times", NO_VALUE)  # every value the articles have
    assert matrix.counts() == [[1, 2, 1], [0, 1, 0], [0, 2, 0]]
    ((article, start, end),) = matrix.places("people", "Dawn")
    assert article == second.id and second.text[start:end] == "Larijani"
    assert [place[0] for place in matrix.places("people", "Tehran Times")] == [first.id, first.id]
    assert matrix.places("people", NO_VALUE)[0][0] == fourth.id
    shown = matrix.as_json()
    assert shown["kind"] == "tag × attribute" and shown["attribute"] == "outlet"
    assert matrix.as_csv_rows()[0] == ["tag × outlet (passage)", "Dawn", "Tehran Times", NO_VALUE]
    assert "attribute" not in tag_by_article(coded, articles, TAGS).as_json()


def test_tag_by_attribute_over_some_articles_has_only_their_values(
    articles: dict[str, Article], coded: list[Annotation], outlets: dict[str, dict[str, str]]
) -> None:
    dawn = {k: v for k, v in articles.items() if outlets[k].get("outlet") == "Dawn"}
    matrix = tag_by_attribute(coded, dawn, TAGS, outlets, "outlet")
    assert matrix.columns == ("Dawn",) and matrix.counts() == [[1], [0], [0]]
    by_date = tag_by_attribute(coded, articles, TAGS, outlets, "published")
    assert by_date.count("people", articles[FIRST].published.isoformat()) == 2  # type: ignore[union-attr]


def test_the_attributes_to_compare_by_put_the_stores_first(outlets: dict[str, dict[str, str]]) -> None:
    assert attributes_in(outlets) == ["kind", "outlet", "dateline", "published"]  # every source is unknown
    assert attributes_in({}) == []


def test_a_parents_row_counts_the_passages_below_it_but_never_pairs_with_them(
    articles: dict[str, Article],
) -> None:
    """framing counts framing/security's and framing/economy's passages; framing against its own
    child is no pair, or every passage below would count for both."""
    first = articles[FIRST]
    sentence = "In a series of meetings with senior Pakistani officials, Qalibaf proposed raising bilateral trade to $10 billion"
    coded = [
        code(first, sentence, "framing/economy"),
        code(first, "Qalibaf proposed", "framing/security"),  # inside the economy sentence
        code(first, "security cooperation", "framing/security"),
    ]
    tags = ("framing", "framing/economy", "framing/security")
    matrix = tag_by_tag(coded, articles, tags, "overlap")
    assert matrix.counts() == [
        [3, 0, 0],  # framing: its children's three passages
        [0, 1, 1],  # economy overlaps security once
        [0, 1, 2],
    ]
    assert tag_by_article(coded, articles, tags).counts() == [[3], [1], [2]]
