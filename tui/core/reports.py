"""Reports of the coding for people who read them elsewhere: CSV, XLSX and a self-contained HTML page.

A report holds the coded segments (each quote in its sentence, with its article, date, source,
the article's other attributes, tags, note and coder), the codebook as a tree with each tag's
passages counted (its own, and with the tags below it) and its memo, the project's memo, the
articles reported on (their attributes and memos), the tag × tag matrix of overlapping passages and,
if asked for, a tag × attribute value matrix (``by``: :func:`default_by` picks the outlet when any
article has one). It can be narrowed as the coded segments view is
(:class:`~tui.core.segments.SegmentQuery`) and to some articles (``within``: a ``--where`` filter's).

- CSV: the segments in the file named, and beside it ``-codebook``, ``-matrix``, ``-matrix-by-NAME``
  (with ``by``), ``-articles`` and ``-project`` (the project memo).
- XLSX (openpyxl): one workbook, a sheet for each.
- HTML: one page that works offline and prints: the project memo, the codebook as a tree in the
  tags' colours with their memos, each tag's passages (their articles' attributes beside them), the
  articles with their attributes and memos, the matrices, and charts of the passages by month (by
  tag, and by the ``by`` attribute's values) as inline SVG (pygal, with its scripts left out).

Everything in a report is data: HTML is escaped, colours are checked before they reach a style, and
a cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) is kept as text.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tui.core.annotations.memos import Memo
from tui.core.annotations.model import Annotation, Tag, valid_colour
from tui.core.annotations.tag_tree import TagNode, flattened, tag_tree
from tui.core.attributes import values_by_article
from tui.core.charts import Chart, chart, grouped
from tui.core.csv_safe import safe_rows
from tui.core.matrix import Matrix, attributes_in, tag_by_attribute, tag_by_tag
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
#: The codebook table's columns.
CODEBOOK_COLUMNS = ("tag", "depth", "colour", "description", "own", "total", "memo")
#: The segment table has its own columns for these attributes.
_IN_SEGMENT_COLUMNS = ("source", "published")
#: The attribute a report's tag × attribute matrix is by when none is asked for, if articles have it.
DEFAULT_BY = "outlet"


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
    #: Each article's attribute values, by id.
    values: Mapping[str, Mapping[str, str]]
    #: The memos, by what they are about: ("project", ""), ("tag", name), ("article", id).
    memos: Mapping[tuple[str, str], Memo]
    #: The articles reported on: those with a passage in the report or a memo, in corpus order.
    article_ids: tuple[str, ...]
    #: The tag × attribute value matrix, if one was asked for.
    by_matrix: Matrix | None = None
    #: The ``--where`` filters that narrowed the articles, as written.
    where: tuple[str, ...] = ()

    def memo_text(self, kind: str, target: str = "") -> str:
        """The text of the memo on the project, a tag or an article ("" if it has none)."""
        memo = self.memos.get((kind, target))
        return memo.text if memo is not None else ""

    def segment_attributes(self) -> list[str]:
        """The attributes the segment table adds a column for: those the reported articles have,
        bar the source and date it has columns of its own."""
        return [name for name in self.article_attributes() if name not in _IN_SEGMENT_COLUMNS]

    def article_attributes(self) -> list[str]:
        """The attributes some reported article has a value of (store-set ones first)."""
        return attributes_in({article: self.values.get(article, {}) for article in self.article_ids})

    def segment_header(self) -> list[str]:
        """The segment table's header: :data:`SEGMENT_COLUMNS`, then a column per attribute (one
        named as a column already is marked "(attribute)")."""
        names = [
            name if name not in SEGMENT_COLUMNS else f"{name} (attribute)"
            for name in self.segment_attributes()
        ]
        return [*SEGMENT_COLUMNS, *names]

    def article_header(self) -> list[str]:
        """The articles table's header: id, title, passages, each attribute, the memo."""
        return ["article", "title", "passages", *self.article_attributes(), "memo"]

    def article_rows(self) -> list[list[str]]:
        """One row per reported article: its id, title, passages in the report, attributes and memo."""
        passages: dict[str, int] = {}
        for segment in self.segments:
            passages[segment.article] = passages.get(segment.article, 0) + 1
        names = self.article_attributes()
        rows = []
        for article_id in self.article_ids:
            article = self.articles.get(article_id)
            values = self.values.get(article_id, {})
            rows.append(
                [
                    article_id,
                    (article.title or "") if article is not None else "",
                    str(passages.get(article_id, 0)),
                    *(values.get(name, "") for name in names),
                    self.memo_text("article", article_id),
                ]
            )
        return rows

    def project_rows(self) -> list[list[str]]:
        """The project memo as a table: a header, then its text, author and last change (if any)."""
        memo = self.memos.get(("project", ""))
        header = ["memo", "author", "modified"]
        return [header] if memo is None else [header, [memo.text, memo.author, memo.modified]]

    def segment_rows(self) -> list[list[str]]:
        """One row per segment, in :meth:`segment_header` order."""
        rows = []
        names = self.segment_attributes()
        for segment in self.segments:
            article = self.articles.get(segment.article)
            values = self.values.get(segment.article, {})
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
                    *(values.get(name, "") for name in names),
                ]
            )
        return rows

    def codebook_rows(self) -> list[list[str]]:
        """One row per tag (and folder), parents first: name, depth, colour, description, counts, memo."""
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
                    self.memo_text("tag", node.name),
                ]
            )
        return rows


def default_by(values: Mapping[str, Mapping[str, str]], within: Collection[str] | None = None) -> str | None:
    """The attribute a report's tag × attribute matrix is by when the user names none:
    :data:`DEFAULT_BY` (the outlet) if any article (of ``within``) has one, else None (no such matrix)."""
    return (
        DEFAULT_BY
        if any(
            found.get(DEFAULT_BY) for article, found in values.items() if within is None or article in within
        )
        else None
    )


def gather(
    annotations: Iterable[Annotation],
    tags: Iterable[Tag],
    articles: Mapping[str, Article],
    query: SegmentQuery | None = None,
    *,
    values: Mapping[str, Mapping[str, str]] | None = None,
    memos: Iterable[Memo] = (),
    by: str | None = None,
    within: Collection[str] | None = None,
    where: Sequence[str] = (),
) -> Report:
    """The report of ``annotations`` over ``articles``, narrowed by ``query`` (every coded passage)
    and to the articles ``within`` (every one), as ``where`` says in words.

    ``values`` are each article's attribute values (the front matter's if not given), ``memos`` the
    store's; ``by`` names the attribute of a tag × attribute value matrix (None: none).
    """
    query = query or SegmentQuery()
    annotations = [a for a in annotations if within is None or a.article in within]
    codebook = list(tags)
    found = segments(annotations, articles, query)
    chosen = {segment.id for segment in found}
    kept = [annotation for annotation in annotations if annotation.id in chosen]
    names = [tag.name for tag in codebook]
    if values is None:
        values = values_by_article(articles.values(), ())
    by_memo = {(memo.kind, memo.target): memo for memo in memos if memo.text.strip()}
    reported = {segment.article for segment in found} | {
        target for kind, target in by_memo if kind == "article" and (within is None or target in within)
    }
    in_scope = {k: v for k, v in articles.items() if within is None or k in within}
    return Report(
        segments=found,
        articles=articles,
        coders={annotation.id: annotation.author for annotation in kept},
        tree=tag_tree(codebook, (annotation.tags for annotation in kept)),
        matrix=tag_by_tag(kept, articles, names, "overlap"),
        query=query,
        made=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        values=values,
        memos=by_memo,
        article_ids=tuple(article for article in articles if article in reported),
        by_matrix=tag_by_attribute(kept, in_scope, names, values, by) if by else None,
        where=tuple(where),
    )


def report_files(report: Report, kind: str, target: Path) -> dict[Path, bytes]:
    """The files a report in ``kind`` (one of :data:`FORMATS`) makes for ``target``: the file itself,
    and for CSV ``name-codebook.csv``, ``name-matrix.csv`` and the others of :func:`to_csv` beside it."""
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
    """The report as CSV files: ``""`` the segments, ``"-codebook"``, ``"-matrix"``,
    ``"-matrix-by-NAME"`` (a tag × attribute matrix was asked for), ``"-articles"`` and ``"-project"``
    (suffixes of the file name the user gave)."""
    files = {
        "": _csv([report.segment_header(), *report.segment_rows()]),
        "-codebook": _csv([list(CODEBOOK_COLUMNS), *report.codebook_rows()]),
        "-matrix": _csv(report.matrix.as_csv_rows()),
    }
    if report.by_matrix is not None:
        files[f"-matrix-by-{report.by_matrix.attribute}"] = _csv(report.by_matrix.as_csv_rows())
    files["-articles"] = _csv([report.article_header(), *report.article_rows()])
    files["-project"] = _csv(report.project_rows())
    return files


def _csv(rows: list[list[str]]) -> bytes:
    """Rows as UTF-8 CSV (with a byte-order mark, so spreadsheets read it as UTF-8), every cell text."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(safe_rows(rows))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# XLSX


def to_xlsx(report: Report) -> bytes:
    """The report as an XLSX workbook, every cell text: Segments, Codebook, Matrix, "By NAME" (a
    tag × attribute matrix was asked for), Articles and Project sheets."""
    from openpyxl import Workbook  # here: only reports need it
    from openpyxl.styles import Font

    book = Workbook()
    every: frozenset[int] | None = None  # a matrix: every count column
    sheets: list[tuple[str, list[list[str]], frozenset[int] | None]] = [
        (
            "Segments",
            [report.segment_header(), *report.segment_rows()],
            _columns(SEGMENT_COLUMNS, "start", "end"),
        ),
        (
            "Codebook",
            [list(CODEBOOK_COLUMNS), *report.codebook_rows()],
            _columns(CODEBOOK_COLUMNS, "depth", "own", "total"),
        ),
        ("Matrix", report.matrix.as_csv_rows(), every),
    ]
    if report.by_matrix is not None:
        # a sheet's title is at most 31 characters; an attribute's name cannot hold the ones barred
        sheets.append((f"By {report.by_matrix.attribute}"[:31], report.by_matrix.as_csv_rows(), every))
    sheets.append(("Articles", [report.article_header(), *report.article_rows()], frozenset({3})))
    sheets.append(("Project", report.project_rows(), frozenset()))
    for index, (title, rows, numeric) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        for row_number, row in enumerate(rows, start=1):
            for column_number, value in enumerate(row, start=1):
                cell = sheet.cell(row=row_number, column=column_number)
                counted = row_number > 1 and (
                    column_number > 1 if numeric is None else column_number in numeric
                )
                if counted and _WHOLE_NUMBER.fullmatch(value):  # counts, offsets, depths: to sum and chart
                    cell.value = int(value)
                else:
                    cell.value = _xlsx_text(value)
                    cell.data_type = "s"  # text, never a formula, whatever it starts with
                if row_number == 1:
                    cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


#: A count or offset as a report writes it (a column of them is numbers in XLSX; text such as a tag
#: named "2024" or a quote "1403" stays text, whatever it looks like).
_WHOLE_NUMBER = re.compile(r"0|[1-9][0-9]{0,14}")


def _columns(header: tuple[str, ...], *names: str) -> frozenset[int]:
    """The XLSX column numbers (from 1) of ``names`` in a table's ``header``."""
    return frozenset(header.index(name) + 1 for name in names)


def _xlsx_text(value: str) -> str:
    """A cell's text with the control characters XML cannot hold shown as symbols (a memo's lines
    kept: a cell can hold several)."""
    return visible(value).replace("\r\n", "\n")


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
        *_project_html(report),
        "<h2>Codebook</h2>",
        _tree_html(report.tree, report),
        "<h2>Passages by month</h2>",
        _chart_svg(report),
        "<h2>Passages by tag</h2>",
        *_passages_html(report),
        "<h2>Articles</h2>",
        *_articles_html(report),
        "<h2>Tag × tag: overlapping passages</h2>",
        _matrix_html(report.matrix),
    ]
    if report.by_matrix is not None:
        name = report.by_matrix.attribute
        parts += [
            f"<h2>Tag × {_e(name)}: passages by the articles' {_e(name)}</h2>",
            _matrix_html(report.by_matrix),
            f"<h2>Passages by month and {_e(name)}</h2>",
            _by_chart_svg(report, name),
        ]
    parts.append("</body></html>")
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
.memo { color: #333; margin: .3em 0 .6em; padding: .2em .8em; background: #f6f6f6; border-radius: 4px; }
.memo p { margin: .3em 0; }
.attrs { color: #555; font-size: 90%; }
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
    if report.where:
        narrowed.append("in articles where " + " and ".join(one_line(text) for text in report.where))
    scope = f" ({'; '.join(narrowed)})" if narrowed else ""
    return f"{len(report.segments)} coded passages{scope}, made {report.made} by iranpak-reader."


def _swatch(tag: Tag | None) -> str:
    """A tag's colour as a dot, if it has a valid one."""
    colour = tag.colour if tag is not None and valid_colour(tag.colour) else "#999999"
    return f"<span class='swatch' style='background:{colour}'></span>"


def _paragraphs(text: str) -> str:
    """A memo as HTML paragraphs (split at blank lines; a line break kept), escaped."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if block.strip()]
    return "".join("<p>" + "<br>".join(_e(line) for line in block.split("\n")) + "</p>" for block in blocks)


def _memo_html(text: str) -> str:
    """A memo's box, or nothing if there is no memo."""
    return f"<div class='memo'>{_paragraphs(text)}</div>" if text.strip() else ""


def _attributes_line(values: Mapping[str, str]) -> str:
    """An article's attributes as "name: value" pairs, escaped, bar its date (said already)."""
    return " · ".join(f"{_e(name)}: {_e(value)}" for name, value in values.items() if name != "published")


def _project_html(report: Report) -> list[str]:
    """The project memo, heading the report, if there is one."""
    memo = report.memos.get(("project", ""))
    if memo is None:
        return []
    by = f" <span class='count'>({_e(memo.author)}, {_e(memo.modified[:10])})</span>" if memo.author else ""
    return [f"<h2>Project memo{by}</h2>", _memo_html(memo.text)]


def _articles_html(report: Report) -> list[str]:
    """The articles reported on: each one's title, attributes and memo."""
    out = []
    for article_id in report.article_ids:
        article = report.articles.get(article_id)
        title = article.title if article is not None and article.title else article_id
        attributes = _attributes_line(report.values.get(article_id, {}))
        published = report.values.get(article_id, {}).get("published", "date unknown")
        out.append(
            f"<h3>{_e(title)} <span class='count'>({_e(article_id)})</span></h3>"
            f"<div class='attrs'>{_e(published)}{' · ' + attributes if attributes else ''}</div>"
            + _memo_html(report.memo_text("article", article_id))
        )
    return out or ["<p>No articles with coded passages or memos.</p>"]


def _tree_html(roots: list[TagNode], report: Report) -> str:
    """The codebook as nested lists, each tag with its colour, counts and memo."""
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
            memo = _memo_html(report.memo_text("tag", node.name))
            items.append(
                f"<li>{_swatch(node.tag)}<strong>{_e(node.label)}</strong> "
                f"<span class='count'>{counts}</span>{description}{memo}{below}</li>"
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
            attributes = _attributes_line(report.values.get(segment.article, {}))
            out.append(
                f"<div class='passage' style='border-color:{colour}'>"
                f"<div>{_e(segment.before)}<mark>{_e(segment.quote)}</mark>{_e(segment.after)}</div>"
                f"<div class='where'>{_e(segment.title or segment.article)} · {when}"
                f"{' · ' + attributes if attributes else ''}"
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
    return _bars_svg(chart("passages", items, "month", split=True))


def _by_chart_svg(report: Report, attribute: str) -> str:
    """The passages by month, a bar series per value of the articles' ``attribute``."""
    items = [(segment.published, segment.article) for segment in report.segments]
    return _bars_svg(chart("passages", grouped(items, report.values, attribute), "month", split=True))


def _bars_svg(counted: Chart) -> str:
    """A chart's series (the largest eight) as bars by period, inline SVG with no scripts (offline)."""
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
