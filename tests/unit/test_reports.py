"""Reports on the bundled articles: CSV files, an XLSX workbook and an HTML page, all safe with hostile
text; with the articles' attributes (outlets set in a store), the memos, and a tag × outlet matrix."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from tests.unit.test_segments import code
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.attributes import values_by_article
from tui.core.corpus import Corpus
from tui.core.models import Article
from tui.core.reports import (
    CODEBOOK_COLUMNS,
    SEGMENT_COLUMNS,
    Report,
    default_by,
    gather,
    to_csv,
    to_html,
    to_xlsx,
)
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
    assert segments[0] == [*SEGMENT_COLUMNS, "dateline"] and len(segments) == 3  # the front matter's
    noted = next(row for row in segments if row[9] == "Mohammad Baqer Qalibaf")
    assert noted[11].startswith("'=HYPERLINK") and noted[3] and noted[2] == "2025-11-07"
    codebook = list(csv.reader(io.StringIO(files["-codebook"].decode("utf-8-sig"))))
    assert [row[:2] + row[4:6] for row in codebook[1:4]] == [
        ["actors", "0", "0", "2"],
        ["actors/iran", "1", "2", "2"],
        ["economy", "0", "0", "1"],
    ]
    matrix = list(csv.reader(io.StringIO(files["-matrix"].decode("utf-8-sig"))))
    assert matrix[0][1:] == ["actors", "actors/iran", "economy/trade"]


def test_xlsx_has_its_sheets_of_text_and_number_cells(
    articles: dict[str, Article], coded: list[Annotation]
) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(to_xlsx(gather(coded, TAGS, articles))))
    assert book.sheetnames == ["Segments", "Codebook", "Matrix", "Articles", "Project"]
    notes = [row[11] for row in book["Segments"].iter_rows(min_row=2, values_only=True)]
    assert any(note and note.startswith("=HYPERLINK") for note in notes)  # text: no formula was stored
    cells = [cell for row in book["Segments"].iter_rows() for cell in row if cell.value is not None]
    assert {cell.data_type for cell in cells} == {"s", "n"}  # text, and numbers (offsets)
    assert all(isinstance(cell.value, int) for cell in cells if cell.data_type == "n")
    counts = [count for row in book["Codebook"].iter_rows(min_row=2, values_only=True) for count in row[4:6]]
    assert counts and all(isinstance(count, int) for count in counts)  # to sum and chart
    assert all(isinstance(count, int) for row in book["Matrix"].iter_rows(min_row=2, min_col=2, values_only=True)
               for count in row)  # fmt: skip


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


@pytest.fixture
def with_outlets(articles: dict[str, Article], coded: list[Annotation]) -> Report:
    """The report of ``coded`` plus a passage of the second article, the first article in Tehran
    Times and the second in Dawn, with memos on the project, a tag and the first article."""
    store = AnnotationStore.in_memory()
    second = sorted(articles)[1]
    store.set_attributes(FIRST, {"outlet": "Tehran Times", "kind": "news"}, "tester")
    store.set_attributes(second, {"outlet": HOSTILE}, "tester")
    store.save_memo("project", "", "How Iran and Pakistan talk of trade.\n\nSecond <b>paragraph</b>", "ana")
    store.save_tag(TAGS[1])
    store.save_memo("tag", "actors/iran", "Code Iranian officials.\nNot journalists.", "ana")
    store.save_memo("article", FIRST, "A speech in Islamabad.", "ana")
    values = values_by_article(articles.values(), store.attribute_values())
    passages = [*coded, code(articles[second], "Larijani", "actors/iran")]
    by = default_by(values)
    return gather(passages, TAGS, articles, values=values, memos=store.memos(), by=by)


def test_segments_carry_attributes_and_the_codebook_memos(with_outlets: Report) -> None:
    files = to_csv(with_outlets)
    assert list(files) == ["", "-codebook", "-matrix", "-matrix-by-outlet", "-articles", "-project"]
    segments = list(csv.reader(io.StringIO(files[""].decode("utf-8-sig"))))
    assert segments[0] == [*SEGMENT_COLUMNS, "kind", "outlet", "dateline"]
    larijani = next(row for row in segments if row[9] == "Larijani")
    assert larijani[-2] == "'" + HOSTILE and larijani[-3] == ""  # formula-safe; no kind set
    codebook = list(csv.reader(io.StringIO(files["-codebook"].decode("utf-8-sig"))))
    assert codebook[0] == list(CODEBOOK_COLUMNS)
    assert (
        next(row for row in codebook if row[0] == "actors/iran")[-1]
        == "Code Iranian officials.\nNot journalists."
    )
    articles = list(csv.reader(io.StringIO(files["-articles"].decode("utf-8-sig"))))
    assert articles[0][:3] == ["article", "title", "passages"] and articles[0][-1] == "memo"
    assert [row[0] for row in articles[1:]] == [FIRST, sorted(r[0] for r in articles[1:])[1]]
    assert articles[1][2] == "2" and articles[1][-1] == "A speech in Islamabad."
    project = list(csv.reader(io.StringIO(files["-project"].decode("utf-8-sig"))))
    assert project[1][:2] == ["How Iran and Pakistan talk of trade.\n\nSecond <b>paragraph</b>", "ana"]
    by_outlet = list(csv.reader(io.StringIO(files["-matrix-by-outlet"].decode("utf-8-sig"))))
    assert by_outlet[0] == ["tag × outlet (passage)", "'" + HOSTILE, "Tehran Times", "(none)"]
    assert by_outlet[2] == ["actors/iran", "1", "2", "0"]


def test_xlsx_has_the_outlet_matrix_articles_and_project_sheets(with_outlets: Report) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(to_xlsx(with_outlets)))
    assert book.sheetnames == ["Segments", "Codebook", "Matrix", "By outlet", "Articles", "Project"]
    header = [cell.value for cell in book["Segments"][1]]
    assert header[-3:] == ["kind", "outlet", "dateline"]
    assert book["Project"]["A2"].value == "How Iran and Pakistan talk of trade.\n\nSecond <b>paragraph</b>"
    assert (
        book["By outlet"]["B1"].value == HOSTILE.replace("\x1b", "␛")
        and book["By outlet"]["B1"].data_type == "s"
    )


def test_html_has_the_project_memo_first_tag_memos_in_the_tree_and_an_articles_section(
    with_outlets: Report,
) -> None:
    page = to_html(with_outlets).decode("utf-8")
    assert page.index("<h2>Project memo") < page.index("<h2>Codebook</h2>")
    assert "<p>How Iran and Pakistan talk of trade.</p><p>Second &lt;b&gt;paragraph&lt;/b&gt;</p>" in page
    tree = page.split("<h2>Codebook</h2>")[1].split("<h2>")[0]
    assert "<p>Code Iranian officials.<br>Not journalists.</p>" in tree
    passages = page.split("<h2>Passages by tag</h2>")[1].split("<h2>")[0]
    assert "outlet: Tehran Times" in passages and "kind: news" in passages
    articles = page.split("<h2>Articles</h2>")[1].split("<h2>")[0]
    assert "A speech in Islamabad." in articles and "outlet: Tehran Times" in articles
    assert "<h2>Tag × outlet: passages by the articles' outlet</h2>" in page
    by_outlet = page.split("<h2>Passages by month and outlet</h2>")[1]
    assert "<svg" in by_outlet and "Tehran Times" in by_outlet and "2025-11" in by_outlet
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in by_outlet  # the hostile outlet, as text
    assert "<script>alert" not in page and "<script" not in page and "\x1b" not in page


def test_a_report_narrowed_to_some_articles_and_the_default_matrix(
    articles: dict[str, Article], coded: list[Annotation], with_outlets: Report
) -> None:
    values = with_outlets.values
    assert default_by(values) == "outlet" and default_by(values_by_article(articles.values(), ())) is None
    second = sorted(articles)[1]
    assert default_by(values, {sorted(articles)[3]}) is None
    passages = [*coded, code(articles[second], "Larijani", "actors/iran")]
    report = gather(passages, TAGS, articles, values=values, by="outlet", within={second}, where=["outlet~x"])
    assert [segment.quote for segment in report.segments] == ["Larijani"]
    assert report.article_ids == (second,)
    assert report.by_matrix is not None and report.by_matrix.columns == (HOSTILE,)
    assert "in articles where outlet~x" in to_html(report).decode("utf-8")


def test_xlsx_keeps_text_that_looks_like_a_number_as_text(articles: dict[str, Article]) -> None:
    """A tag named 2024, a quote "10" and a note "42" stay text; only counts and offsets are numbers."""
    from openpyxl import load_workbook

    article = articles["004_3c3a3a1058f57532"]
    passage = code(article, "10", "2024", note="42")
    book = load_workbook(io.BytesIO(to_xlsx(gather([passage], [Tag("2024")], articles))))
    header = [cell.value for cell in book["Segments"][1]]
    row = {name: cell for name, cell in zip(header, book["Segments"][2], strict=False)}
    assert (row["quote"].value, row["quote"].data_type) == ("10", "s")
    assert (row["note"].value, row["note"].data_type) == ("42", "s")
    assert row["tags"].data_type == "s" and isinstance(row["start"].value, int)
    assert book["Codebook"]["A2"].value == "2024" and book["Codebook"]["A2"].data_type == "s"
    assert book["Matrix"]["B1"].value == "2024" and book["Matrix"]["B2"].value == 1
