"""``iranpak-reader report``: the coding as CSV files, an XLSX workbook or an HTML page to read and print."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.commands.segments import filter_tags
from tui.cli.context import Context
from tui.cli.output import emit_json, help_text
from tui.core.reports import FORMATS, gather, report_files
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
            "tags, note and coder), the codebook as a tree with counts, and the tag × tag matrix. CSV "
            "writes three files (FILE, and FILE-codebook / FILE-matrix beside it); XLSX a workbook of three "
            "sheets; HTML one page that works offline and prints, with a chart of passages by month. "
            "--tag, --all, --exact and --match narrow it as they narrow segments.",
            "iranpak-reader report --format html -o coding.html",
            "iranpak-reader report --format xlsx --tag framing -o framing.xlsx --json",
        ),
    )
    parser.add_argument("--format", choices=FORMATS, required=True, help="csv, xlsx or html")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write")
    parser.add_argument("--tag", metavar="T", action="append", default=[], help="only passages with a tag")
    parser.add_argument("--all", action="store_true", help="only passages with every tag given")
    parser.add_argument("--exact", action="store_true", help="a tag finds only its own passages")
    parser.add_argument("--match", metavar="TEXT", default="", help="only passages holding this text")
    parser.add_argument("--json", action="store_true", help="print what was written, as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Gather the report and write it."""
    store = context.store
    tags = filter_tags(args.tag, store.tags())
    query = SegmentQuery(tags=tags, all=args.all, exact=args.exact, match=args.match)
    report = gather(store.annotations(), store.tags(), context.articles, query)
    files = report_files(report, args.format, Path(args.output).expanduser())
    written = [write_output_file(path, data) for path, data in files.items()]
    if args.json:
        emit_json(
            {"format": args.format, "segments": len(report.segments), "written": [str(p) for p in written]}
        )
    else:
        for path in written:
            print(f"wrote {one_line(str(path))}")
    return 0
