"""Find in an article, and stepping through spans."""

from __future__ import annotations

from tui.core.corpus import Corpus
from tui.core.search import Stepper, find_all


def test_find_is_case_insensitive_and_literal(corpus: Corpus) -> None:
    text = corpus.find("000").text  # type: ignore[union-attr]
    spans = find_all(text, "qalibaf")
    assert len(spans) == 18
    assert all(text[s:e] == "Qalibaf" for s, e in spans)
    assert find_all("a.b axb", ".") == [(1, 2)]
    assert find_all("[bold]x[/bold]", "[bold]") == [(0, 6)]
    assert find_all("abc", "") == []


def test_find_stops_at_the_limit() -> None:
    assert len(find_all("a" * 50, "a", limit=7)) == 7


def test_stepper_wraps_both_ways_and_starts_near_an_offset() -> None:
    stepper = Stepper([(0, 1), (10, 11), (20, 21)])
    assert stepper.current == (0, 1)
    assert stepper.step(1) == (10, 11)
    assert stepper.step(2) == (0, 1)
    assert stepper.step(-1) == (20, 21)
    assert stepper.start_near(11) == (20, 21)
    assert stepper.start_near(99) == (0, 1)
    assert Stepper().step(1) is None
