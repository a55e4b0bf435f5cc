"""The CSV cell guard every CSV the project writes goes through."""

from __future__ import annotations

from tui.core.csv_safe import safe_cell, safe_rows


def test_a_cell_a_spreadsheet_would_run_is_kept_as_text() -> None:
    for formula in ('=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_cell(formula) == "'" + formula


def test_other_cells_are_left_as_they_are() -> None:
    assert safe_cell("Dawn") == "Dawn"
    assert safe_cell("") == ""
    assert safe_cell("a=b") == "a=b"
    assert safe_rows([["tag", "=x"], ["-y", "3"]]) == [["tag", "'=x"], ["'-y", "3"]]
