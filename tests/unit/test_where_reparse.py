"""A filter read again against the attributes' definitions now (``reparse_where``)."""

from __future__ import annotations

from tui.core.attributes import define, definitions, parse_where, reparse_where


def test_a_redefined_attribute_gives_its_conditions_its_new_type() -> None:
    written = [
        parse_where("words<950", definitions([define("words")])),
        parse_where("outlet=Dawn", definitions([])),
    ]
    assert written[0].type == "text"
    kept, dropped = reparse_where(written, definitions([define("words", "number")]))
    assert [(str(c), c.type) for c in kept] == [("words<950", "number"), ("outlet=Dawn", "text")]
    assert dropped == []


def test_a_value_that_starts_with_an_operator_is_read_back_as_it_was() -> None:
    known = definitions([])
    written = parse_where("outlet< =b", known)
    assert (written.operator, written.value) == ("<", "=b")
    assert reparse_where([written], known) == ([written], [])


def test_a_condition_that_can_no_longer_hold_is_dropped_naming_it() -> None:
    known = definitions([define("words"), define("side", "choice", ["PK", "IR"])])
    written = [parse_where(text, known) for text in ("words<950", "side=PK", "outlet~times")]
    kept, dropped = reparse_where(written, definitions([define("side", "choice", ["Pakistan", "Iran"])]))
    assert [str(c) for c in kept] == ["outlet~times"]
    assert dropped[0].startswith("words<950: no attribute called 'words'")
    assert dropped[1].startswith("side=PK: side: 'PK' is not one of its choices")
