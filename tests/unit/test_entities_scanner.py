"""The automaton scan's bookkeeping, checked on the bundled articles: how its patterns are numbered,
which anchors become discovery triggers, and the run-of-capitals regex behind spelling variants."""

from __future__ import annotations

import re
from pathlib import Path

from tests.unit.test_entities import TEXTS
from tui.core.entities import load_gazetteer, places
from tui.core.entities.matcher import _RUN, GIVEN, SAYING, TITLE, build_matcher
from tui.core.entities.passes import scan
from tui.core.entities.scanner import build_scanner, fold

ROOT = Path(__file__).resolve().parents[2]


def test_patterns_are_numbered_fast_proven_then_fast_checked_then_slow() -> None:
    """The hit filters tell a pattern's kind by its number alone, so the numbering must hold."""
    known = load_gazetteer(ROOT / "articles" / "entities.toml").entities
    scanner = build_matcher(known + places.place_entities(known)).scanner
    pairs = zip(scanner.fast, scanner.checks, strict=True)
    kinds = [2 if fast is None else 1 if check else 0 for fast, check in pairs]
    assert kinds == sorted(kinds)
    assert kinds.index(1) == scanner.proven and kinds.index(2) == scanner.checked


def test_the_numbering_does_not_change_the_hits() -> None:
    """Leftmost-longest matching does not depend on the order of the patterns: the same keys given
    in the opposite order find the same spans and slow hits in every bundled article."""
    entries = [
        ("Iran", (0, 4, True, True, 0, "place:iran")),
        ("Iran’s", (0, 6, True, True, 0, "place:iran")),
        ("Imran Khan", (0, 10, True, True, 0, "person:imran-khan")),
        ("Khan", (1, 4, True, True, 0, ("person:imran-khan",))),
        ("Pakistan", (0, 8, True, True, 0, "place:pakistan")),
        ("Tehran", (0, 6, True, True, 0, "place:tehran")),
        ("January", (5, 7, True, True, 0, None)),
    ]
    forward, backward = build_scanner(entries, 0), build_scanner(entries[::-1], 0)
    found = [0, 0]
    for text in TEXTS.values():
        spans, slow = forward.hits(text, fold(text))
        assert (spans, slow) == backward.hits(text, fold(text))
        found = [found[0] + len(spans), found[1] + len(slow)]
    assert found[0] > 20 and found[1] > 0  # both paths were taken


def test_titles_given_names_and_verbs_of_saying_become_triggers() -> None:
    """A sentence in the shape of the news: the discovery anchors are kept, in order, as triggers."""
    known = load_gazetteer(ROOT / "articles" / "entities.toml").entities
    matcher = build_matcher(known + places.place_entities(known))
    text = "Interior Minister Mohsin Naqvi said on Monday that talks with Tehran would go on."
    _, triggers, _ = scan(matcher, text)
    kinds = [kind for kind, _, _ in triggers]
    assert TITLE in kinds and SAYING in kinds
    assert [start for _, start, _ in triggers] == sorted(start for _, start, _ in triggers)
    assert text[triggers[kinds.index(SAYING)][1] :].startswith("said")
    given = scan(matcher, "Hossein Amir-Abdollahian met Ishaq Dar in Islamabad.")[1]
    assert any(kind == GIVEN for kind, _, _ in given)


def test_runs_of_capitals_are_those_of_the_backtracking_pattern() -> None:
    """The possessive regex finds exactly the runs the plain greedy one finds, in every bundled article."""
    plain = re.compile(r"[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)*")
    for text in TEXTS.values():
        assert _RUN.findall(text) == plain.findall(text)
