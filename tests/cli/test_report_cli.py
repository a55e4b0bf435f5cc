"""``iranpak-reader report`` end to end: HTML, XLSX and CSV written, narrowed by tag, bad paths refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import assert_one_line_error


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
    ]
    assert "'=1+1" not in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")  # narrowed: that note is out


def test_a_folder_that_is_not_there_and_an_unknown_tag_are_one_line(ws: Any, tmp_path: Path) -> None:
    assert_one_line_error(
        ws("report", "--format", "html", "-o", str(tmp_path / "no" / "r.html")), "cannot write"
    )
    assert_one_line_error(
        ws("report", "--format", "csv", "-o", str(tmp_path / "r.csv"), "--tag", "acters"), "no tag 'acters'"
    )


def test_help_gives_examples(cli: Any) -> None:
    shown = cli("report", "--help")
    assert shown.code == 0 and "examples:" in shown.out and "--format" in shown.out
