"""Finding text across the corpus: any case and spacing, word index or not, the same articles."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tui.core.corpus import Corpus
from tui.core.corpus_search import WordIndex, context, matches, search
from tui.core.models import Article


@pytest.fixture(scope="module")
def index(corpus: Corpus) -> WordIndex:
    """The bundled articles' word index."""
    return WordIndex(corpus.articles)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("border markets", {"000"}),
        ("BORDER   markets", {"000"}),
        ("larijani", {"001", "003", "004"}),
        ("Larij", {"001", "003", "004"}),  # a word still being typed
        ("$10 billion", {"000", "001", "002"}),
        ("Pezeshkian", {"002", "003"}),
        ("no such words anywhere", set()),
        ("   ", set()),
    ],
)
def test_the_articles_holding_a_query(
    corpus: Corpus, index: WordIndex, query: str, expected: set[str]
) -> None:
    with_index = {corpus.articles[n].id[:3] for n in search(corpus.articles, query, index)}
    without = {corpus.articles[n].id[:3] for n in search(corpus.articles, query)}
    assert with_index == without == expected


def test_matches_are_case_and_spacing_blind_and_in_order(corpus: Corpus) -> None:
    article = corpus.articles[0]
    spans = matches(article.text, "BORDER markets")
    assert len(spans) == 2 and spans == sorted(spans)
    assert all(article.text[s:e].lower() == "border markets" for s, e in spans)
    shown = context(article.text, *spans[0])
    assert "border markets" in shown and "\n" not in shown and shown.startswith("…")


def test_markup_and_control_characters_in_a_query_are_only_text() -> None:
    articles = [Article("a", "A", "Use [bold]x[/] and \x1b[31m red here."), Article("b", "B", "Nothing.")]
    index = WordIndex(articles)
    assert search(articles, "[bold]x[/]", index) == [0] == search(articles, "\x1b[31m red")
    assert matches(articles[0].text, "[bold]x[/]") == [(4, 14)]


def test_an_edited_article_is_found_by_its_new_words(corpus: Corpus) -> None:
    edited = [*corpus.articles]
    edited[4] = replace(edited[4], text=edited[4].text + "\nA zebra crossing at Taftan.")
    assert [edited[n].id[:3] for n in search(edited, "zebra crossing", WordIndex(edited))] == ["004"]
