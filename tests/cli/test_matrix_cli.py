"""``iranpak-reader matrix`` end to end: tag × tag by unit, tag × article, tag × outlet, --where, JSON
with places, CSV, refusals."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import assert_one_line_error
from tui.core.annotations.store import AnnotationStore

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


def set_outlets(workspace: Path, outlets: dict[str, str]) -> None:
    """Set articles' outlets in the workspace's store (by id prefix), as ``attrs --set`` does."""
    store = AnnotationStore.open(workspace / "annotations")
    try:
        ids = [path.stem for path in sorted((workspace / "articles").glob("*.md"))]
        for prefix, outlet in outlets.items():
            store.set_attributes(next(i for i in ids if i.startswith(prefix)), {"outlet": outlet}, "tester")
    finally:
        store.close()


def test_tag_by_outlet_as_csv_and_json_and_narrowed_by_where(ws: Any, workspace: Path) -> None:
    set_outlets(workspace, {"000": "Tehran Times", "001": "Dawn"})
    rows = list(csv.reader(io.StringIO(ws("matrix", "--by", "outlet", "--tag", "people", "--csv").out)))
    assert rows == [["tag × outlet (passage)", "Dawn", "Tehran Times", "(none)"], ["people", "1", "2", "0"]]
    shown = ws("matrix", "--by", "Outlet", "--where", "outlet=dawn", "--json").json
    assert shown["attribute"] == "outlet" and shown["columns"] == ["Dawn"]
    people = shown["rows"].index("people")
    assert shown["counts"][people] == [1] and sum(map(sum, shown["counts"])) == 1
    (cell,) = shown["cells"]
    assert cell["column"] == "Dawn" and cell["places"][0]["article"].startswith("001")
    narrowed = ws("matrix", "--by", "article", "--where", "outlet!=Dawn", "--tag", "people", "--json").json
    assert [column[:3] for column in narrowed["columns"]] == ["000"]


def test_csv_keeps_a_formula_in_an_attribute_value_or_tag_from_running(ws: Any) -> None:
    # an outlet is free text (typed, or imported from someone's project): it heads a column
    formula = '=HYPERLINK("http://evil","x")'
    assert ws("attrs", "000", "--set", f"outlet={formula}").code == 0
    assert ws("tag", "001", "--quote", "Larijani", "--occurrence", "1", "--tag", "+cmd").code == 0
    written = ws("matrix", "--by", "outlet", "--csv")
    assert written.code == 0, written.err
    rows = list(csv.reader(io.StringIO(written.out)))
    assert rows[0] == ["tag × outlet (passage)", "'" + formula, "(none)"]
    assert ["'+cmd", "0", "1"] in rows
    cells = [cell for row in rows for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_a_bad_by_or_where_is_refused_in_one_line(ws: Any) -> None:
    assert_one_line_error(ws("matrix", "--by", "outle"), "--by: no attribute called 'outle'", "outlet")
    assert_one_line_error(ws("matrix", "--where", "outle=Dawn"), "no attribute called 'outle'")


def test_an_attribute_cannot_take_a_name_by_reads_as_its_own(ws: Any) -> None:
    for name in ("tag", "Article", "none"):
        assert_one_line_error(ws("attrs", "--define", name), "cannot be an attribute name")
    assert ws("matrix", "--by", "tag", "--json").json["rows"]


def test_help_gives_examples(cli: Any) -> None:
    shown = cli("matrix", "--help")
    assert shown.code == 0 and "examples:" in shown.out and "--unit" in shown.out
