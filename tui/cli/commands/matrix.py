"""``iranpak-reader matrix``: how often tags meet (tag × tag) and where they are used (tag × article,
tag × attribute value)."""

from __future__ import annotations

import argparse
import csv
import sys

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import add_where_argument, emit_json, emit_table, help_text
from tui.core.csv_safe import safe_rows
from tui.core.matrix import UNITS, Matrix, tag_by_article, tag_by_attribute, tag_by_tag
from tui.core.safe_text import one_line


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``matrix`` subcommand."""
    parser = subparsers.add_parser(
        "matrix",
        help="tag × tag co-occurrence, or counts by article or attribute value, as a table, JSON or CSV",
        **help_text(
            "A code matrix over the coded passages: tag × tag counts the passages that overlap (or the "
            "sentences or paragraphs holding both tags, with --unit), the diagonal each tag's own; tag × "
            "article counts each tag's passages in each article; --by ATTRIBUTE (outlet, country, kind, "
            "source, any you defined) counts them in the articles with each value of it, those with none "
            "under '(none)'. --where narrows the articles counted. --json lists each cell's passages "
            "(article, start, end). Passages are counted where they are in the current text.",
            "iranpak-reader matrix --unit sentence",
            "iranpak-reader matrix --by article --tag people --tag trade --csv",
            "iranpak-reader matrix --by outlet --where published>=2025-08 --csv",
        ),
    )
    parser.add_argument(
        "--by",
        metavar="COLUMNS",
        default="tag",
        help="the columns: tag, article, or an attribute's values (outlet, source, …; see 'attrs')",
    )
    parser.add_argument(
        "--unit", choices=UNITS, default="overlap", help="tag × tag: what co-occurrence counts"
    )
    parser.add_argument(
        "--tag", metavar="T", action="append", default=[], help="a row (repeatable; default every tag)"
    )
    add_where_argument(parser)
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON, with each cell's passages")
    output.add_argument(
        "--csv", action="store_true", help="print CSV: a header of the columns, then the rows"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Build and print the matrix."""
    store = context.store
    known = [tag.name for tag in store.tags()]
    tags = list(dict.fromkeys(tag.strip() for tag in args.tag if tag.strip())) or known
    for tag in tags:
        if tag not in known:
            from tui.cli.commands.segments import unknown_tag

            raise CliError(unknown_tag(tag, known))
    by = args.by.strip().lower()
    known_attributes = context.attribute_definitions
    if by not in ("tag", "article") and by not in known_attributes:
        raise CliError(
            f"--by: no attribute called {one_line(args.by)[:40]!r}: use tag, article or one of "
            f"{', '.join(sorted(known_attributes))}"
        )
    chosen = context.where(args.where)
    articles = {
        article_id: article
        for article_id, article in context.articles.items()
        if chosen is None or article_id in chosen
    }
    annotations = [annotation for annotation in store.annotations() if annotation.article in articles]
    if by == "article":
        matrix = tag_by_article(annotations, articles, tags)
    elif by == "tag":
        matrix = tag_by_tag(annotations, articles, tags, args.unit)
    else:
        matrix = tag_by_attribute(annotations, articles, tags, context.attribute_values, by)
    if args.json:
        emit_json(matrix.as_json())
    elif args.csv:
        # tags and attribute values (free text, or imported) head the rows and columns
        csv.writer(sys.stdout, lineterminator="\n").writerows(safe_rows(matrix.as_csv_rows()))
    elif not matrix.rows:
        print("no tags yet: code a passage first (iranpak-reader tag, or t in the app)")
    else:
        show(matrix)
    return 0


def show(matrix: Matrix) -> None:
    """The matrix as an aligned table for people."""
    header, *rows = matrix.as_csv_rows()
    emit_table(header, rows)
