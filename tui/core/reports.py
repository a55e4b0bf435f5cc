"""Reports of the coding for people who read them elsewhere: CSV, XLSX and a self-contained HTML page.

A report holds the coded segments (each quote in its sentence, with its article, date, source,
tags, note and coder), the codebook as a tree with each tag's passages counted (its own, and with
the tags below it), and the tag × tag matrix of overlapping passages. It can be narrowed as the
coded segments view is (:class:`~tui.core.segments.SegmentQuery`).

- CSV: three files, the segments in the one named and ``-codebook`` / ``-matrix`` beside it.
- XLSX (openpyxl): one workbook, a sheet for each.
- HTML: one page that works offline and prints: the codebook as a tree in the tags' colours, each
  tag's passages, the matrix, and a chart of the passages by month as inline SVG (pygal, with its
  scripts left out).

Everything in a report is data: HTML is escaped, colours are checked before they reach a style, and
a cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) is kept as text.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tui.core.annotations.model import Annotation, Tag, valid_colour
from tui.core.annotations.tag_tree import TagNode, flattened, tag_tree
from tui.core.charts import chart
from tui.core.matrix import Matrix, tag_by_tag
from tui.core.models import Article
from tui.core.safe_text import one_line, visible
from tui.core.segments import Segment, SegmentQuery, segments

#: The formats a report is written in.
FORMATS = ("csv", "xlsx", "html")
#: The segment table's columns.
SEGMENT_COLUMNS = (
    "article",
    "title",
    "published",
    "source",
    "start",
    "end",
    "status",
    "tags",
    "before",
    "quote",
    "after",
    "note",
    "coder",
)
#: A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Report:
    """What a report holds, gathered once and written in any format."""

    segments: list[Segment]
    articles: Mapping[str, Article]
    coders: Mapping[str, str]
    tree: list[TagNode]
    matrix: Matrix
    query: SegmentQuery
    made: str

    def segment_rows(self) -> list[list[str]]:
        """One row per segment, in :data:`SEGMENT_COLUMNS` order."""
        rows = []
        for segment in self.segments:
            article = self.articles.get(segment.article)
            rows.append(
                [
                    segment.article,
                    segment.title or "",
                    segment.published.isoformat() if segment.published else "",
                    article.source if article is not None else "",
                    "" if segment.start is None else str(segment.start),
                    "" if segment.end is None else str(segment.end),
                    segment.status,
                    "; ".join(segment.tags),
                    segment.before,
                    segment.quote,
                    segment.after,
                    segment.note,
                    self.coders.get(segment.id, ""),
                ]
            )
        return rows

    def codebook_rows(self) -> list[list[str]]:
        """One row per tag (and folder), parents first: name, depth, colour, description, counts."""
        rows = []
        for node in flattened(self.tree):
            tag = node.tag
            rows.append(
                [
                    node.name,
                    str(node.depth),
                    tag.colour if tag is not None else "",
                    tag.description if tag is not None else "",
                    str(node.own),
                    str(node.total),
                ]
            )
        return rows


def gather(
    annotations: Iterable[Annotation],
    tags: Iterable[Tag],
    articles: Mapping[str, Article],
    query: SegmentQuery | None = None,
) -> Report:
    """The report of ``annotations`` over ``articles``, narrowed by ``query`` (every coded passage)."""
    query = query or SegmentQuery()
    annotations = list(annotations)
    codebook = list(tags)
    found = segments(annotations, articles, query)
    chosen = {segment.id for segment in found}
    kept = [annotation for annotation in annotations if annotation.id in chosen]
    names = [tag.name for tag in codebook]
    return Report(
        segments=found,
        articles=articles,
        coders={annotation.id: annotation.author for annotation in kept},
        tree=tag_tree(codebook, (annotation.tags for annotation in kept)),
        matrix=tag_by_tag(kept, articles, names, "overlap"),
        query=query,
        made=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def report_files(report: Report, kind: str, target: Path) -> dict[Path, bytes]:
    """The files a report in ``kind`` (one of :data:`FORMATS`) makes for ``target``: the file itself,
    and for CSV ``name-codebook.csv`` and ``name-matrix.csv`` beside it."""
    if kind == "csv":
        suffix = target.suffix or ".csv"
        return {
            target if not part else target.with_name(f"{target.stem}{part}{suffix}"): data
            for part, data in to_csv(report).items()
        }
    if kind == "xlsx":
        return {target: to_xlsx(report)}
    if kind == "html":
        return {target: to_html(report)}
    raise ValueError(f"unknown report format {kind!r}: one of {', '.join(FORMATS)}")


# CSV


def to_csv(report: Report) -> dict[str, bytes]:
    """The report as CSV files: ``""`` the segments, ``"-codebook"`` and ``"-matrix"`` (suffixes of
    the file name the user gave)."""
    return {
        "": _csv([list(SEGMENT_COLUMNS), *report.segment_rows()]),
        "-codebook": _csv(
            [["tag", "depth", "colour", "description", "own", "total"], *report.codebook_rows()]
        ),
        "-matrix": _csv(report.matrix.as_csv_rows()),
    }


def _csv(rows: list[list[str]]) -> bytes:
    """Rows as UTF-8 CSV (with a byte-order mark, so spreadsheets read it as UTF-8), every cell text."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([[_cell(value) for value in row] for row in rows])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as the text it is: a leading quote keeps a formula from running."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


# XLSX


def to_xlsx(report: Report) -> bytes:
    """The report as an XLSX workbook: Segments, Codebook and Matrix sheets, every cell text."""
    from openpyxl import Workbook  # here: only reports need it
    from openpyxl.styles import Font

    book = Workbook()
    sheets = [
        ("Segments", [list(SEGMENT_COLUMNS), *report.segment_rows()]),
        ("Codebook", [["tag", "depth", "colour", "description", "own", "total"], *report.codebook_rows()]),
        ("Matrix", report.matrix.as_csv_rows()),
    ]
    for index, (title, rows) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        for row_number, row in enumerate(rows, start=1):
            for column_number, value in enumerate(row, start=1):
                cell = sheet.cell(row=row_number, column=column_number)
                cell.value = _xlsx_text(value)
                cell.data_type = "s"  # text, never a formula, whatever it starts with
                if row_number == 1:
                    cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_text(value: str) -> str:
    """A cell's text with the control characters XML cannot hold shown as symbols."""
    return visible(value).replace("\n", " ")


# HTML


def to_html(report: Report) -> bytes:
    """The report as one HTML page that works offline and prints."""
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>iranpak-reader coding report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Coding report</h1>",
        f"<p class='meta'>{_e(_description(report))}</p>",
        "<h2>Codebook</h2>",
        _tree_html(report.tree),
        "<h2>Passages by month</h2>",
        _chart_svg(report),
        "<h2>Passages by tag</h2>",
        *_passages_html(report),
        "<h2>Tag × tag: overlapping passages</h2>",
        _matrix_html(report.matrix),
        "</body></html>",
    ]
    return "\n".join(parts).encode("utf-8")


_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
  color: #1a1a1a; }
h1, h2 { font-weight: 600; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
.meta { color: #555; }
ul.tree { list-style: none; padding-left: 1.2em; } ul.tree li { margin: .15em 0; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .4em; }
.count { color: #555; font-size: 90%; }
.passage { margin: .6em 0 1em; padding-left: .8em; border-left: 4px solid #ccc; page-break-inside: avoid; }
.passage .where { color: #555; font-size: 90%; }
.passage mark { background: #fff2a8; font-weight: 600; }
.note { color: #333; font-style: italic; }
table.matrix { border-collapse: collapse; }
table.matrix th, table.matrix td { border: 1px solid #ccc; padding: .2em .5em; text-align: right; }
table.matrix th { text-align: left; }
svg { max-width: 100%; height: auto; }
"""


def _e(text: str) -> str:
    """Text escaped for HTML, its control characters as symbols."""
    return html.escape(visible(text), quote=True)


def _description(report: Report) -> str:
    """What the report holds and how it was narrowed."""
    query = report.query
    narrowed = []
    if query.tags:
        narrowed.append(("all of " if query.all else "any of ") + ", ".join(query.tags))
    if query.match:
        narrowed.append(f"matching “{one_line(query.match)}”")
    scope = f" ({'; '.join(narrowed)})" if narrowed else ""
    return f"{len(report.segments)} coded passages{scope}, made {report.made} by iranpak-reader."


def _swatch(tag: Tag | None) -> str:
    """A tag's colour as a dot, if it has a valid one."""
    colour = tag.colour if tag is not None and valid_colour(tag.colour) else "#999999"
    return f"<span class='swatch' style='background:{colour}'></span>"


def _tree_html(roots: list[TagNode]) -> str:
    """The codebook as nested lists, each tag with its colour and counts."""
    if not roots:
        return "<p>No tags.</p>"

    def branch(nodes: list[TagNode]) -> str:
        """One level of the tree as a list, each node's children nested in its item."""
        items = []
        for node in nodes:
            counts = f"{node.total} passages" + (f", {node.own} its own" if node.children else "")
            description = (
                f" — {_e(node.tag.description)}" if node.tag is not None and node.tag.description else ""
            )
            below = branch(node.children) if node.children else ""
            items.append(
                f"<li>{_swatch(node.tag)}<strong>{_e(node.label)}</strong> "
                f"<span class='count'>{counts}</span>{description}{below}</li>"
            )
        return "<ul class='tree'>" + "".join(items) + "</ul>"

    return branch(roots)


def _passages_html(report: Report) -> list[str]:
    """Each tag's passages, in codebook order: the quote marked in its sentence, where, the note."""
    out = []
    for node in flattened(report.tree):
        found = [segment for segment in report.segments if node.name in segment.tags]
        if not found:
            continue
        colour = node.tag.colour if node.tag is not None and valid_colour(node.tag.colour) else "#999999"
        out.append(f"<h3>{_swatch(node.tag)}{_e(node.name)} <span class='count'>({len(found)})</span></h3>")
        for segment in found:
            when = segment.published.isoformat() if segment.published else "date unknown"
            note = f"<div class='note'>{_e(segment.note)}</div>" if segment.note else ""
            out.append(
                f"<div class='passage' style='border-color:{colour}'>"
                f"<div>{_e(segment.before)}<mark>{_e(segment.quote)}</mark>{_e(segment.after)}</div>"
                f"<div class='where'>{_e(segment.title or segment.article)} · {when}"
                f"{' · orphan' if segment.orphan else ''}</div>{note}</div>"
            )
    return out or ["<p>No coded passages.</p>"]


def _matrix_html(matrix: Matrix) -> str:
    """The matrix as a table, each cell shaded by its count."""
    if not matrix.rows:
        return "<p>No tags.</p>"
    highest = max((count for row in matrix.counts() for count in row), default=0) or 1
    head = "".join(f"<th>{_e(column)}</th>" for column in matrix.columns)
    rows = []
    for name, counts in zip(matrix.rows, matrix.counts(), strict=True):
        cells = "".join(
            f"<td style='background:rgba(1,120,212,{count / highest * 0.6:.2f})'>{count}</td>"
            for count in counts
        )
        rows.append(f"<tr><th>{_e(name)}</th>{cells}</tr>")
    return f"<table class='matrix'><tr><th></th>{head}</tr>{''.join(rows)}</table>"


def _chart_svg(report: Report) -> str:
    """The passages by month, a bar series per tag, as inline SVG with no scripts (offline)."""
    items = [(segment.published, tag) for segment in report.segments for tag in segment.tags]
    counted = chart("passages", items, "month", split=True)
    if not counted.total:
        return "<p>No dated passages.</p>"
    import pygal  # here: only reports need it

    config = pygal.Config(js=[], disable_xml_declaration=True, show_legend=True, width=900, height=360)
    bars = pygal.Bar(config, x_label_rotation=30)
    bars.x_labels = counted.labels()
    for series in counted.series[:8]:
        bars.add(visible(series.label), list(series.counts))
    svg: str = bars.render(is_unicode=True)
    # pygal inlines a script of its settings for tooltips even with js=[]: a printed page needs none.
    return re.sub(r"<script\b.*?</script>", "", svg, flags=re.DOTALL)
