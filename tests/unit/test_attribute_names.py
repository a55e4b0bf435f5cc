"""Attribute names the ``--by`` options read as words of their own are refused, saying why."""

from __future__ import annotations

import pytest

from tui.core.attributes import RESERVED, InvalidAttribute, check_name, define


@pytest.mark.parametrize(
    ("name", "reason"),
    [("tag", "tag × tag"), ("Article", "tag × article"), (" NONE ", "no attribute matrix")],
)
def test_a_word_by_gives_a_meaning_cannot_be_an_attribute(name: str, reason: str) -> None:
    for attempt in (lambda: check_name(name), lambda: define(name, "text")):
        with pytest.raises(InvalidAttribute, match=f"cannot be an attribute name: .*{reason}"):
            attempt()


def test_names_that_only_hold_a_reserved_word_are_fine() -> None:
    assert set(RESERVED) == {"tag", "article", "none"}
    assert define("tags").name == "tags"
    assert check_name("article_kind") == "article_kind"
    assert check_name("None-given") == "none-given"
