"""``iranpak-reader add PATH...``: add text, Markdown and HTML files (or folders of them) to the corpus."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, emit_table, help_text
from tui.core.adding.add import AddError, Defaults, add_paths
from tui.core.safe_text import one_line


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``add`` subcommand."""
    parser = subparsers.add_parser(
        "add",
        help="add text, Markdown or HTML files, or folders of them, to the workspace's articles",
        **help_text(
            "Each file's title comes from its first line (or the page's title), its date from a "
            "date line or dateline at its top (or the page's metadata); the options fill in what a file "
            "does not say. A text the corpus already holds is skipped.",
            "iranpak-reader add ~/saved-pages/ --source Dawn",
            "iranpak-reader add story.txt --published 2025-12-02 --json",
        ),
    )
    parser.add_argument("paths", metavar="PATH", nargs="+", type=Path, help="a file or a folder")
    parser.add_argument("--title", metavar="T", default="", help="title for a file that has none")
    parser.add_argument("--published", metavar="YYYY-MM-DD", type=_day, help="date for files that give none")
    parser.add_argument("--source", metavar="S", default="", help="source (outlet) for files that name none")
    parser.add_argument("--url", metavar="U", default="", help="address for files that give none")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def _day(value: str) -> date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2025-11-07: {value!r}") from None


def run(args: argparse.Namespace, context: Context) -> int:
    """Add the files; 1 if any could not be added (the others are)."""
    defaults = Defaults(args.title.strip(), args.published, args.source.strip(), args.url.strip())
    try:
        report = add_paths(args.paths, context.workspace.articles, context.engine, defaults)
    except AddError as error:
        raise CliError(str(error)) from None
    if not report.outcomes:
        raise CliError("no text, Markdown or HTML files found in " + ", ".join(map(str, args.paths)))
    if args.json:
        emit_json(
            {"articles": str(context.workspace.articles), "files": [o.as_json() for o in report.outcomes]}
        )
    else:
        emit_table(
            ("STATUS", "FILE", "ARTICLE", "TITLE OR REASON"),
            ((o.status, o.path, o.article, o.title or o.message) for o in report.outcomes),
        )
    for outcome in report.of("failed"):
        sys.stderr.write(f"iranpak-reader: {one_line(str(outcome))}\n")
    return 1 if report.of("failed") else 0
