"""Finding annotations again after an article's text changes: exact, moved, fuzzy, orphan."""

from __future__ import annotations

import pytest

from tui.core.annotations.anchoring import find_quote, occurrences, place
from tui.core.annotations.model import Annotation, text_hash
from tui.core.corpus import Corpus

ARTICLE = "003_ae4195037769579a"


@pytest.fixture
def text(corpus: Corpus) -> str:
    """The body of the test article."""
    article = corpus.find(ARTICLE)
    assert article is not None
    return article.text


def annotation_of(text: str, quote: str, occurrence: int = 0) -> Annotation:
    """An annotation of the n-th occurrence of ``quote``."""
    start = occurrences(text, quote)[occurrence]
    return Annotation.create(ARTICLE, text, start, start + len(quote), ("t",))


def test_unchanged_text_keeps_the_offsets(text: str) -> None:
    annotation = annotation_of(text, "Larijani", 3)
    placed = place(annotation, text, text_hash(text))
    assert (placed.start, placed.end, placed.method) == (annotation.start, annotation.end, "exact")


def test_text_inserted_before_moves_the_passage(text: str) -> None:
    annotation = annotation_of(text, "long-term strategic partnership")
    edited = "EDITOR'S NOTE: updated with new comments.\n\n" + text
    placed = place(annotation, edited, text_hash(edited))
    assert placed.method == "moved"
    assert edited[placed.start : placed.end] == "long-term strategic partnership"
    assert placed.start == annotation.start + len("EDITOR'S NOTE: updated with new comments.\n\n")


def test_context_picks_the_right_one_of_repeated_quotes(text: str) -> None:
    """ "Larijani" appears six times: the prefix and suffix pick the fourth, wherever it moved."""
    annotation = annotation_of(text, "Larijani", 3)
    edited = text.replace("Iran", "the Islamic Republic of Iran", 2)
    placed = place(annotation, edited, text_hash(edited))
    shift = 2 * len("the Islamic Republic of ")
    assert placed.method == "moved" and placed.start == annotation.start + shift


def test_reworded_passage_is_found_approximately(text: str) -> None:
    quote = "the ties between Iran and Pakistan have the potential to extend beyond the current level"
    annotation = annotation_of(text, quote)
    edited = text.replace(
        quote, "the ties between Iran and Pakistan had the potential to go beyond the current level"
    )
    placed = place(annotation, edited, text_hash(edited))
    assert placed.method == "fuzzy"
    found = edited[placed.start : placed.end]
    assert "Iran and Pakistan had the potential" in found and "current level" in found


def test_deleted_passage_is_an_orphan(text: str) -> None:
    quote = "advance toward a long-term strategic partnership"
    annotation = annotation_of(text, quote)
    edited = text.replace(quote, "")
    assert place(annotation, edited, text_hash(edited)).orphan


def test_short_quotes_are_never_matched_approximately(text: str) -> None:
    annotation = annotation_of(text, "Naqvi")
    edited = text.replace("Naqvi", "Naqwi")
    assert place(annotation, edited, text_hash(edited)).orphan


def test_find_quote_prefers_the_occurrence_nearest_the_old_position() -> None:
    text = "aa X bb X cc X dd"
    assert find_quote(text, "X", near=8) == 8
    assert find_quote(text, "X", near=13) == 13
    assert find_quote(text, "X", prefix="cc ", near=0) == 13
    assert find_quote(text, "missing") is None
