"""``iranpak-reader segments`` end to end: any/all, sorting, the filter, JSON, orphans, refusals, hostile tags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import assert_one_line_error

HOSTILE_TAG = "سیاست [b]x[/b] \x1b]52;c;Zm9v\x07"


@pytest.fixture
def ws(cli: Any, workspace: Path) -> Any:
    """``cli`` bound to a temporary workspace holding coded passages of articles 001, 003 and 004."""

    def run(*args: str) -> Any:
        return cli("--workspace", str(workspace), *args)

    naqvi = ("003", "--quote", "Mohsin Naqvi", "--occurrence", "1")
    for made in (
        run("tag", *naqvi, "--tag", "people", "--tag", HOSTILE_TAG, "--note", "[b]interior[/b] \x1b[2J"),
        run("tag", "--match", "Ishaq Dar", "--article", "004", "--tag", "people", "--tag", "pakistan"),
        run("tag", "--match", "SNSC", "--article", "001", "--tag", "iran"),
    ):
        assert made.code == 0, made.err
    return run


def test_any_all_sorting_and_filter_as_json(ws: Any) -> None:
    anyof = ws("segments", "--tag", "people", "--tag", "iran", "--json").json["segments"]
    assert [(s["article"][:3], s["quote"]) for s in anyof] == [
        ("001", "SNSC"),
        ("001", "SNSC"),
        ("003", "Mohsin Naqvi"),
        ("004", "Ishaq Dar"),
        ("004", "Ishaq Dar"),
    ]
    first = anyof[0]
    assert set(first) == {
        "id",
        "article",
        "title",
        "published",
        "status",
        "start",
        "end",
        "quote",
        "context",
        "tags",
        "note",
    }
    assert (first["status"], first["published"], first["tags"]) == ("exact", "2025-11-25", ["iran"])
    assert first["end"] - first["start"] == 4 and set(first["context"]) == {"before", "after"}
    allof = ws("segments", "--tag", "people", "--tag", "pakistan", "--all", "--json").json["segments"]
    assert [(s["article"][:3], s["quote"]) for s in allof] == [("004", "Ishaq Dar")] * 2
    by_date = ws("segments", "--sort", "date", "--json").json["segments"]  # no tag: every coded passage
    assert [s["article"][:3] for s in by_date] == ["003", "001", "001", "004", "004"]
    by_tag = ws("segments", "--sort", "tag", "--json").json["segments"]
    # iran; then pakistan, people; then people and the Persian tag
    assert [s["article"][:3] for s in by_tag] == ["001", "001", "004", "004", "003"]
    found = ws("segments", "--match", "INTERIOR", "--json").json["segments"]  # the note, any case
    assert [s["quote"] for s in found] == ["Mohsin Naqvi"]


def test_orphans_are_kept_and_marked(ws: Any, workspace: Path) -> None:
    (article,) = workspace.glob("articles/003_*.md")
    article.write_text(
        article.read_text(encoding="utf-8").replace("Mohsin Naqvi", "the minister"), encoding="utf-8"
    )
    listed = ws("segments", "--tag", "people", "--json").json["segments"]
    orphan = next(s for s in listed if s["quote"] == "Mohsin Naqvi")
    assert (orphan["status"], orphan["start"], orphan["end"]) == ("orphan", None, None)
    assert [(s["article"][:3], s["status"]) for s in listed] == [
        ("003", "orphan"),
        ("004", "exact"),
        ("004", "exact"),
    ]
    shown = ws("segments", "--tag", "people").out
    assert "orphan: not found in the current text" in shown and "«Mohsin Naqvi»" in shown


def test_readable_listing_shows_hostile_text_safely(ws: Any) -> None:
    result = ws("segments", "--tag", HOSTILE_TAG)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "سیاست [b]x[/b] ␛]52;c;Zm9v␇" in result.out  # literally, markup and all
    assert "note: [b]interior[/b] ␛[2J" in result.out
    assert "2025-10-28  Iran, Pakistan discuss" in result.out
    assert max(len(line) for line in result.out.splitlines()[2:]) <= 88  # the passage is wrapped
    assert ws("segments", "--tag", "iran", "--match", "nothing like this").out == "no coded passages match\n"


def test_an_unknown_tag_is_refused_with_close_matches(ws: Any) -> None:
    assert_one_line_error(ws("segments", "--tag", "peeple"), "no tag 'peeple' in the codebook", "'people'")
    hostile = ws("segments", "--tag", "[red]x\x1b[2J")
    assert_one_line_error(hostile, "no tag", "[red]x␛[2J")
    assert "\x1b" not in hostile.err


def test_help_describes_and_gives_examples(cli: Any) -> None:
    shown = cli("segments", "--help")
    assert shown.code == 0
    assert "--all" in shown.out and "examples:" in shown.out and "iranpak-reader segments --tag" in shown.out
