"""Searching memos as plain texts: the core's search never needs the store."""

from __future__ import annotations

from tui.core.corpus import Corpus
from tui.core.corpus_search import matches, text_hits


def test_text_hits_give_the_line_of_the_first_match_and_the_count(corpus: Corpus) -> None:
    article = corpus.articles[4]
    sentence = next(line for line in article.text.splitlines() if "trade" in line.casefold())
    memo = f"Coding rules.\n\nQuote: {sentence}\nAnd trade again, TRADE."
    hits = text_hits(["no match at all", memo, ""], "trade")
    assert [hit.number for hit in hits] == [1]
    assert hits[0].count == len(matches(memo, "trade")) >= 3
    assert "trade" in hits[0].line.casefold() and "\n" not in hits[0].line
    assert sentence.split("trade")[0][-20:].strip() in hits[0].line


def test_a_query_spanning_a_line_break_and_a_long_line_are_shown_on_one_clipped_line() -> None:
    long_line = "word " * 200 + "Gwadar port" + " word" * 200
    hits = text_hits(["the Gwadar\nport", long_line], "gwadar  port")
    assert [hit.number for hit in hits] == [0, 1]
    assert hits[0].line == "the Gwadar port"
    assert "Gwadar port" in hits[1].line and len(hits[1].line) < 200
    assert hits[1].line.startswith("…") and hits[1].line.endswith("…")
    assert text_hits(["anything"], "   ") == []
