"""Reports on the bundled articles: CSV files, an XLSX workbook and an HTML page, all safe with hostile text."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from tests.unit.test_segments import code
from tui.core.annotations.model import Annotation, Tag
from tui.core.corpus import Corpus
from tui.core.models import Article
from tui.core.reports import SEGMENT_COLUMNS, gather, to_csv, to_html, to_xlsx
from tui.core.segments import SegmentQuery

FIRST = "000_9154f6903408afad"
HOSTILE = '=HYPERLINK("http://x")<script>alert(1)</script>\x1b[2J'


@pytest.fixture
def articles(corpus: Corpus) -> dict[str, Article]:
    """The bundled articles by id."""
    return {article.id: article for article in corpus.articles}


@pytest.fixture
def coded(articles: dict[str, Article]) -> list[Annotation]:
    """Two passages of the first article under a two-level codebook, one with a hostile note."""
    first = articles[FIRST]
    return [
        code(first, "Mohammad Baqer Qalibaf", "actors/iran", note=HOSTILE),
        code(first, "raising bilateral trade to $10 billion", "economy/trade", "actors/iran"),
    ]


TAGS = [
    Tag("actors", "#61afef"),
    Tag("actors/iran", "#e06c75", "Iranian officials"),
    Tag("economy/trade", "bad;}"),
]


def test_csv_holds_segments_codebook_and_matrix_with_formulas_kept_as_text(
    articles: dict[str, Article], coded: list[Annotation]
) -> None:
    files = to_csv(gather(coded, TAGS, articles))
    segments = list(csv.reader(io.StringIO(files[""].decode("utf-8-sig"))))
    assert segments[0] == list(SEGMENT_COLUMNS) and len(segments) == 3
    noted = next(row for row in segments if row[9] == "Mohammad Baqer Qalibaf")
    assert noted[11].startswith("'=HYPERLINK") and noted[3] and noted[2] == "2025-11-07"
    codebook = list(csv.reader(io.StringIO(files["-codebook"].decode("utf-8-sig"))))
    assert [row[:2] + row[4:] for row in codebook[1:4]] == [
        ["actors", "0", "0", "2"],
        ["actors/iran", "1", "2", "2"],
        ["economy", "0", "0", "1"],
    ]
    matrix = list(csv.reader(io.StringIO(files["-matrix"].decode("utf-8-sig"))))
    assert matrix[0][1:] == ["actors", "actors/iran", "economy/trade"]


def test_xlsx_has_three_sheets_of_text_cells(articles: dict[str, Article], coded: list[Annotation]) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(to_xlsx(gather(coded, TAGS, articles))))
    assert book.sheetnames == ["Segments", "Codebook", "Matrix"]
    notes = [row[11] for row in book["Segments"].iter_rows(min_row=2, values_only=True)]
    assert any(note and note.startswith("=HYPERLINK") for note in notes)  # text: no formula was stored
    assert all(cell.data_type == "s" for row in book["Segments"].iter_rows() for cell in row if cell.value)


def test_html_is_one_offline_page_with_escaped_text_checked_colours_and_an_svg_chart(
    articles: dict[str, Article], coded: list[Annotation]
) -> None:
    page = to_html(gather(coded, TAGS, articles)).decode("utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\x1b" not in page and "␛[2J" in page
    assert "background:#e06c75" in page and "bad;}" not in page.split("<body>")[1].split("Passages by tag")[0]
    assert "<svg" in page and "<script" not in page and "http://kozea" not in page  # no scripts, offline
    tree = page.split("<h2>Codebook</h2>")[1].split("<h2>")[0]
    assert tree.index(">actors<") < tree.index(">iran<") < tree.index(">economy<")  # parents first
    assert "<mark>Mohammad Baqer Qalibaf</mark>" in page


def test_a_report_is_narrowed_as_the_segments_view_is(
    articles: dict[str, Article], coded: list[Annotation]
) -> None:
    report = gather(coded, TAGS, articles, SegmentQuery(tags=("economy",)))
    assert [segment.quote for segment in report.segments] == ["raising bilateral trade to $10 billion"]
    assert "1 coded passages (any of economy)" in to_html(report).decode("utf-8")


def test_xlsx_is_a_zip_and_csv_starts_with_a_bom(
    articles: dict[str, Article], coded: list[Annotation]
) -> None:
    report = gather(coded, TAGS, articles)
    assert zipfile.is_zipfile(io.BytesIO(to_xlsx(report)))
    assert to_csv(report)[""].startswith("\ufeff".encode())
