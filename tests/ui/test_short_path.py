"""Long tag names in lists keep their leaf, so names that differ only at their end stay apart."""

from __future__ import annotations

import pytest

from tui.ui.labels import short_path


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("framing/security", "framing/security"),
        (
            "rq2_curriculum_and_instruction/curriculum/interdisciplinary_approach",
            "…/curriculum/interdisciplinary_approach",
        ),
        (
            "rq2_curriculum_and_instruction/interdisciplinary_approach_long",
            "…/interdisciplinary_approach_long",
        ),
        ("a" * 70, "…" + "a" * 39),
    ],
)
def test_a_long_name_keeps_its_leaf_within_the_limit(name: str, shown: str) -> None:
    assert short_path(name, 40) == shown
    assert len(short_path(name, 40)) <= 40


def test_two_names_that_differ_at_their_end_stay_apart() -> None:
    stem = "rq2_curriculum_and_instruction/curriculum/"
    assert short_path(stem + "interdisciplinary_one", 40) != short_path(stem + "interdisciplinary_two", 40)


def test_two_names_that_differ_in_a_parent_near_the_leaf_stay_apart() -> None:
    stem = "rq2_curriculum_and_instruction/"
    one, two = stem + "curriculum/interdisciplinary_approach", stem + "assessment/interdisciplinary_approach"
    assert short_path(one, 60) != short_path(two, 60)
