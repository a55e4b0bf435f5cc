"""``iranpak-reader report``: the coding as CSV files, an XLSX workbook or an HTML page to read and print."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.commands.segments import filter_tags
from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import add_where_argument, emit_json, help_text
from tui.core.reports import DEFAULT_BY, FORMATS, default_by, gather, report_files
from tui.core.safe_text import one_line
from tui.core.segments import SegmentQuery
from tui.core.user_files import write_output_file


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``report`` subcommand."""
    parser = subparsers.add_parser(
        "report",
        help="the coded segments, codebook and matrix as CSV, XLSX or a self-contained HTML page",
        **help_text(
            "A report of the coding: every coded passage (its quote in its sentence, article, date, source, "
            "the article's other attributes, tags, note and coder), the codebook as a tree with counts and "
            "each tag's memo, the project memo, the articles reported on (attributes and memo), the tag × "
            "tag matrix and a tag × attribute value matrix (--by ATTRIBUTE; by default the outlet if any "
            "article has one; --by none for none). CSV writes FILE and, beside it, FILE-codebook, "
            "FILE-matrix, FILE-matrix-by-ATTRIBUTE, FILE-articles and FILE-project; XLSX a workbook of "
            "those sheets; HTML one page that works offline and prints, with a chart of passages by month. "
            "--tag, --all, --exact and --match narrow it as they narrow segments, --where to some articles.",
            "iranpak-reader report --format html -o coding.html",
            "iranpak-reader report --format xlsx --tag framing -o framing.xlsx --json",
            "iranpak-reader report --format xlsx --where outlet=Dawn --by kind -o dawn.xlsx",
        ),
    )
    parser.add_argument("--format", choices=FORMATS, required=True, help="csv, xlsx or html")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write")
    parser.add_argument("--tag", metavar="T", action="append", default=[], help="only passages with a tag")
    parser.add_argument("--all", action="store_true", help="only passages with every tag given")
    parser.add_argument("--exact", action="store_true", help="a tag finds only its own passages")
    parser.add_argument("--match", metavar="TEXT", default="", help="only passages holding this text")
    add_where_argument(parser)
    parser.add_argument(
        "--by",
        metavar="ATTRIBUTE",
        help=f"a tag × ATTRIBUTE value matrix too (default: {DEFAULT_BY} if an article has one; none: none)",
    )
    parser.add_argument("--json", action="store_true", help="print what was written, as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Gather the report and write it."""
    store = context.store
    tags = filter_tags(args.tag, store.tags())
    query = SegmentQuery(tags=tags, all=args.all, exact=args.exact, match=args.match)
    within = context.where(args.where)
    values = context.attribute_values
    if args.by is None:
        by = default_by(values, within)
    elif args.by.strip().lower() == "none":
        by = None
    else:
        by = args.by.strip().lower()
        known = context.attribute_definitions
        if by not in known:
            listed = ", ".join(sorted(known))
            raise CliError(
                f"--by: no attribute called {one_line(args.by)[:40]!r}: use none or one of {listed}"
            )
    report = gather(
        store.annotations(),
        store.tags(),
        context.articles,
        query,
        values=values,
        memos=store.memos(),
        by=by,
        within=within,
        where=args.where or (),
    )
    files = report_files(report, args.format, Path(args.output).expanduser())
    written = [write_output_file(path, data) for path, data in files.items()]
    if args.json:
        emit_json(
            {
                "format": args.format,
                "segments": len(report.segments),
                "by": by,
                "written": [str(p) for p in written],
            }
        )
    else:
        for path in written:
            print(f"wrote {one_line(str(path))}")
    return 0
