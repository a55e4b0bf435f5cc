"""``iranpak-reader matrix`` end to end: tag × tag by unit, tag × article, JSON with places, CSV, refusals."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import assert_one_line_error

HOSTILE_TAG = "[b]x[/b] \x1b[2J"


@pytest.fixture
def ws(cli: Any, workspace: Path) -> Any:
    """``cli`` bound to a temporary workspace where article 000 holds a trade sentence with a person
    inside it, and a passage with two tags; article 001 a person."""

    def run(*args: str) -> Any:
        return cli("--workspace", str(workspace), *args)

    sentence = (
        "In a series of meetings with senior Pakistani officials, Qalibaf proposed raising bilateral trade"
    )
    for made in (
        run("tag", "000", "--quote", sentence, "--tag", "trade"),
        run("tag", "000", "--quote", "Qalibaf proposed", "--tag", "people"),
        run("tag", "000", "--quote", "Mohammad Baqer Qalibaf", "--tag", "people", "--tag", HOSTILE_TAG),
        run("tag", "001", "--quote", "Larijani", "--occurrence", "1", "--tag", "people"),
    ):
        assert made.code == 0, made.err
    return run


def test_tag_by_tag_as_json_with_each_cells_passages(ws: Any) -> None:
    shown = ws("matrix", "--tag", "people", "--tag", "trade", "--json").json
    assert shown["rows"] == ["people", "trade"] and shown["unit"] == "overlap"
    assert shown["counts"] == [[3, 1], [1, 1]]
    pair = next(cell for cell in shown["cells"] if (cell["row"], cell["column"]) == ("people", "trade"))
    assert [place["article"][:3] for place in pair["places"]] == ["000"]


def test_units_and_articles_as_csv(ws: Any) -> None:
    by_sentence = list(
        csv.reader(io.StringIO(ws("matrix", "--unit", "sentence", "--tag", "people", "--csv").out))
    )
    assert by_sentence == [["tag × tag (sentence)", "people"], ["people", "3"]]
    by_article = ws("matrix", "--by", "article", "--tag", "people", "--json").json
    assert [column[:3] for column in by_article["columns"]] == ["000", "001"]
    assert by_article["counts"] == [[2, 1]]


def test_the_readable_table_shows_hostile_tags_safely(ws: Any) -> None:
    shown = ws("matrix")
    assert shown.code == 0 and "\x1b" not in shown.out and "[b]x[/b] ␛[2J" in shown.out


def test_an_unknown_tag_is_refused_in_one_line(ws: Any) -> None:
    assert_one_line_error(ws("matrix", "--tag", "peeple"), "no tag 'peeple' in the codebook", "'people'")


def test_help_gives_examples(cli: Any) -> None:
    shown = cli("matrix", "--help")
    assert shown.code == 0 and "examples:" in shown.out and "--unit" in shown.out
