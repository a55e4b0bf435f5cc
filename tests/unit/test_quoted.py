"""Passages shown between quotation marks, without doubling the marks a quotation already has."""

from __future__ import annotations

from tui.core.safe_text import quoted


def test_a_passage_is_put_between_curly_quotes_on_one_line() -> None:
    assert quoted("Karachi") == "“Karachi”"
    assert quoted("two\nlines") == "“two lines”"


def test_marks_the_passage_has_are_not_doubled() -> None:
    assert (
        quoted("“Now more than ever,” he told the prime minister")
        == "“Now more than ever,” he told the prime minister”"
    )
    assert quoted("“Now more than ever.”") == "“Now more than ever.”"
    assert quoted("cooperation “now more than ever.”") == "“cooperation “now more than ever.”"


def test_a_long_passage_is_clipped_inside_the_marks() -> None:
    assert quoted("a" * 100, 10) == "“aaaaaaaaa…”"
