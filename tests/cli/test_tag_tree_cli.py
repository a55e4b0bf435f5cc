"""``iranpak-reader tags`` as a tree and ``tags --move``; ``segments`` with a parent, ``--exact``."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import assert_one_line_error


@pytest.fixture
def ws(cli: Any, workspace: Path) -> Any:
    """``cli`` bound to a temporary workspace with passages coded in a two-level codebook."""
    run = functools.partial(cli, "--workspace", str(workspace))
    coding = [
        [
            "--match",
            "Mohsin Naqvi",
            "--article",
            "003",
            "--tag",
            "framing/security",
            "--tag",
            "framing/economy",
        ],
        ["--match", "Ishaq Dar", "--article", "004", "--tag", "framing"],
        ["--match", "SNSC", "--article", "001", "--tag", "actors/iran"],
    ]
    for args in coding:
        made = run("tag", *args)
        assert made.code == 0, made.err
    return run


def test_the_tree_lists_parents_with_their_children_counts(ws: Any) -> None:
    listing = ws("tags")
    assert listing.code == 0, listing.err
    rows = [line.split() for line in listing.out.splitlines()]
    assert rows[0] == ["TOTAL", "OWN", "COLOUR", "TAG"]
    # each Naqvi passage carries two framing tags but counts once for framing
    dar = ws("segments", "--tag", "framing", "--exact", "--json").json["segments"]
    naqvi = ws("segments", "--tag", "framing/security", "--json").json["segments"]
    assert [(r[0], r[-1]) for r in rows[1:]] == [
        ("2", "actors/"),
        ("2", "iran"),
        (str(len(dar) + len(naqvi)), "framing"),
        (str(len(naqvi)), "economy"),
        (str(len(naqvi)), "security"),
    ]
    assert "  iran" in listing.out and "(folder)" in listing.out
    tags = {t["name"]: t for t in ws("tags", "--json").json["tags"]}
    assert tags["framing/security"]["parent"] == "framing"
    assert (tags["framing"]["own"], tags["framing"]["total"]) == (len(dar), len(dar) + len(naqvi))
    assert ws("tags", "--json").json["folders"] == [{"name": "actors", "parent": "", "total": 2}]


def test_move_under_a_parent_and_back_to_the_top(ws: Any) -> None:
    moved = ws("tags", "--move", "framing/security", "--under", "actors")
    assert moved.code == 0, moved.err
    assert "moved framing/security under actors" in moved.out
    names = [t["name"] for t in ws("tags", "--json").json["tags"]]
    assert "actors/security" in names and "framing/security" not in names
    top = ws("tags", "--move", "actors", "--under", "")
    assert top.code == 0 and "the top level" in top.out  # a folder at the top stays where it is
    assert ws("tags", "--move", "actors/security", "--under", "").code == 0
    assert "security" in [t["name"] for t in ws("tags", "--json").json["tags"]]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--move", "framing", "--under", "framing/security"), "under itself"),
        (("--move", "framing/economy", "--under", ""), None),
        (("--move", "nothing", "--under", "framing"), "no such tag: nothing"),
        (("--move", "framing"), "--move needs --under"),
        (("--merge", "framing", "--into", "framing/security"), "a tag below it"),
    ],
    ids=["under-itself", "onto-a-taken-name", "unknown", "no-under", "merge-into-a-child"],
)
def test_a_refused_move_is_one_line_and_changes_nothing(
    ws: Any, args: tuple[str, ...], needle: str | None
) -> None:
    if needle is None:  # make the name the move would take a tag already
        assert ws("tag", "000", "--quote", "Iran", "--occurrence", "1", "--tag", "economy").code == 0
        needle = "'economy' is already a tag"
    before = ws("tags", "--json").json, ws("annotations", "--json").json
    assert_one_line_error(ws("tags", *args), needle)
    assert (ws("tags", "--json").json, ws("annotations", "--json").json) == before


def test_rename_and_delete_carry_the_children(ws: Any) -> None:
    assert ws("tags", "--rename", "framing", "frames").code == 0
    names = [t["name"] for t in ws("tags", "--json").json["tags"]]
    assert [n for n in names if n.startswith("fram")] == ["frames", "frames/economy", "frames/security"]
    deleted = ws("tags", "--delete", "frames")
    assert deleted.code == 0 and "and 2 tags below it" in deleted.out
    assert [t["name"] for t in ws("tags", "--json").json["tags"]] == ["actors/iran"]


def test_segments_of_a_parent_include_its_children_unless_exact(ws: Any) -> None:
    every = ws("segments", "--tag", "framing", "--json").json["segments"]
    exact = ws("segments", "--tag", "framing", "--exact", "--json").json["segments"]
    assert "Mohsin Naqvi" in [s["quote"] for s in every]
    assert "Mohsin Naqvi" not in [s["quote"] for s in exact] and len(every) > len(exact) > 0
    folder = ws("segments", "--tag", "actors", "--json")  # a folder is no tag, but filters
    assert folder.code == 0 and {s["quote"] for s in folder.json["segments"]} == {"SNSC"}
