"""Code matrices on the bundled articles: tag × tag by overlap, sentence and paragraph, and tag × article."""

from __future__ import annotations

import pytest

from tests.unit.test_segments import code
from tui.core.annotations.model import Annotation
from tui.core.corpus import Corpus
from tui.core.matrix import UNITS, tag_by_article, tag_by_tag
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
