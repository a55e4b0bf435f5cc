"""``iranpak-reader report`` end to end: HTML, XLSX and CSV written, narrowed by tag and by --where, with
the articles' outlets, memos and a tag × outlet matrix; bad paths, --by and --where refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import assert_one_line_error
from tests.cli.test_matrix_cli import set_outlets
from tui.core.annotations.store import AnnotationStore


@pytest.fixture
def ws(cli: Any, workspace: Path) -> Any:
    """``cli`` bound to a temporary workspace with passages of article 000 under a two-level codebook."""

    def run(*args: str) -> Any:
        return cli("--workspace", str(workspace), *args)

    for made in (
        run("tag", "000", "--quote", "Mohammad Baqer Qalibaf", "--tag", "actors/iran", "--note", "=1+1"),
        run("tag", "000", "--quote", "raising bilateral trade to $10 billion", "--tag", "economy/trade"),
    ):
        assert made.code == 0, made.err
    return run


def test_html_xlsx_and_csv_are_written(ws: Any, tmp_path: Path) -> None:
    page = ws("report", "--format", "html", "-o", str(tmp_path / "r.html"), "--json")
    assert page.code == 0 and page.json == {
        "format": "html",
        "segments": 2,
        "by": None,  # no article has an outlet
        "written": [str(tmp_path / "r.html")],
    }
    assert "<mark>Mohammad Baqer Qalibaf</mark>" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert ws("report", "--format", "xlsx", "-o", str(tmp_path / "r.xlsx")).code == 0
    assert (tmp_path / "r.xlsx").read_bytes()[:2] == b"PK"
    table = ws("report", "--format", "csv", "-o", str(tmp_path / "r.csv"), "--tag", "economy", "--json").json
    assert table["segments"] == 1 and [Path(p).name for p in table["written"]] == [
        "r.csv",
        "r-codebook.csv",
        "r-matrix.csv",
        "r-articles.csv",
        "r-project.csv",
    ]
    assert "'=1+1" not in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")  # narrowed: that note is out


def test_a_folder_that_is_not_there_and_an_unknown_tag_are_one_line(ws: Any, tmp_path: Path) -> None:
    assert_one_line_error(
        ws("report", "--format", "html", "-o", str(tmp_path / "no" / "r.html")), "cannot write"
    )
    assert_one_line_error(
        ws("report", "--format", "csv", "-o", str(tmp_path / "r.csv"), "--tag", "acters"), "no tag 'acters'"
    )


def test_xlsx_narrowed_by_where_with_outlets_memos_and_the_outlet_matrix(
    ws: Any, workspace: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    assert ws("tag", "001", "--quote", "Larijani", "--occurrence", "1", "--tag", "actors/iran").code == 0
    set_outlets(workspace, {"000": "Tehran Times", "001": "Dawn"})
    store = AnnotationStore.open(workspace / "annotations")
    try:
        store.save_memo("project", "", "=SUM(A1) what we compare", "tester")
        store.save_memo("tag", "actors/iran", "Iranian officials,\nby name.", "tester")
    finally:
        store.close()
    out = tmp_path / "dawn.xlsx"
    made = ws("report", "--format", "xlsx", "--where", "outlet=Dawn", "-o", str(out), "--json").json
    assert made["segments"] == 1 and made["by"] == "outlet"
    book = load_workbook(out)
    assert book.sheetnames == ["Segments", "Codebook", "Matrix", "By outlet", "Articles", "Project"]
    segments = list(book["Segments"].iter_rows(values_only=True))
    header = list(segments[0])
    assert len(segments) == 2 and segments[1][header.index("quote")] == "Larijani"
    assert segments[1][header.index("outlet")] == "Dawn"
    codebook = list(book["Codebook"].iter_rows(values_only=True))
    assert codebook[2][:2] == ("actors/iran", 1) and codebook[2][-1] == "Iranian officials,\nby name."
    assert [row[0][:3] for row in book["Articles"].iter_rows(min_row=2, values_only=True)] == ["001"]
    assert [cell.value for cell in book["By outlet"][1]] == ["tag × outlet (passage)", "Dawn"]
    assert (
        book["Project"]["A2"].value == "=SUM(A1) what we compare" and book["Project"]["A2"].data_type == "s"
    )
    page = tmp_path / "all.html"
    assert ws("report", "--format", "html", "--by", "none", "-o", str(page)).code == 0
    html = page.read_text(encoding="utf-8")
    assert "Tag × outlet" not in html and "<p>Iranian officials,<br>by name.</p>" in html


def test_a_bad_by_or_where_is_one_line(ws: Any, tmp_path: Path) -> None:
    out = str(tmp_path / "r.html")
    assert_one_line_error(
        ws("report", "--format", "html", "-o", out, "--by", "outlett"), "--by: no attribute"
    )
    assert_one_line_error(ws("report", "--format", "html", "-o", out, "--where", "outlet"), "is not a filter")
    assert not (tmp_path / "r.html").exists()


def test_help_gives_examples(cli: Any) -> None:
    shown = cli("report", "--help")
    assert shown.code == 0 and "examples:" in shown.out and "--format" in shown.out
