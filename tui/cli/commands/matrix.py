"""``iranpak-reader matrix``: how often tags meet (tag × tag) and where they are used (tag × article)."""

from __future__ import annotations

import argparse
import csv
import sys

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, emit_table, help_text
from tui.core.matrix import UNITS, Matrix, tag_by_article, tag_by_tag


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``matrix`` subcommand."""
    parser = subparsers.add_parser(
        "matrix",
        help="tag × tag co-occurrence or tag × article counts, as a table, JSON or CSV",
        **help_text(
            "A code matrix over the coded passages: tag × tag counts the passages that overlap (or the "
            "sentences or paragraphs holding both tags, with --unit), the diagonal each tag's own; tag × "
            "article counts each tag's passages in each article. --json lists each cell's passages "
            "(article, start, end). Passages are counted where they are in the current text.",
            "iranpak-reader matrix --unit sentence",
            "iranpak-reader matrix --by article --tag people --tag trade --csv",
        ),
    )
    parser.add_argument(
        "--by", choices=("tag", "article"), default="tag", help="the columns: tags or articles"
    )
    parser.add_argument(
        "--unit", choices=UNITS, default="overlap", help="tag × tag: what co-occurrence counts"
    )
    parser.add_argument(
        "--tag", metavar="T", action="append", default=[], help="a row (repeatable; default every tag)"
    )
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
    if args.by == "article":
        matrix = tag_by_article(store.annotations(), context.articles, tags)
    else:
        matrix = tag_by_tag(store.annotations(), context.articles, tags, args.unit)
    if args.json:
        emit_json(matrix.as_json())
    elif args.csv:
        csv.writer(sys.stdout, lineterminator="\n").writerows(matrix.as_csv_rows())
    elif not matrix.rows:
        print("no tags yet: code a passage first (iranpak-reader tag, or t in the app)")
    else:
        show(matrix)
    return 0


def show(matrix: Matrix) -> None:
    """The matrix as an aligned table for people."""
    header, *rows = matrix.as_csv_rows()
    emit_table(header, rows)
