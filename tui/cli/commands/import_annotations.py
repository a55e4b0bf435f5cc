"""``iranpak-reader import FILE``: annotations in any format (JSON or REFI-QDA); all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, help_text
from tui.core.adding.add import AddError
from tui.core.annotations.checks import InvalidImport
from tui.core.annotations.importing import MAX_BYTES, import_document, read_document
from tui.core.annotations.refi import RefiFile
from tui.core.safe_text import one_line
from tui.core.user_files import size_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``import`` subcommand."""
    parser = subparsers.add_parser(
        "import",
        help="import annotations (native or W3C JSON, REFI-QDA .qdpx or .qdc)",
        **help_text(
            "Import a native export or W3C Web Annotations (one, an array, a page or a collection), "
            "all or nothing, as one save. An annotation already here is updated only when the "
            "file's copy is newer and this one was not edited since it was last exported or "
            "imported; otherwise the local copy is kept and counted as a conflict. Times are ISO 8601 "
            "dates and times, not in the future; one without a time zone (2025-11-07T10:00:00) "
            "is read as UTC. A REFI-QDA project (.qdpx) or codebook (.qdc) from ATLAS.ti, MAXQDA, NVivo "
            "or QualCoder brings its codes as tags (parent/child), adds its coded text sources that are "
            "not articles here as articles (as 'add' does), and brings its selections as annotations, "
            "its notes as memos and its variables as article attributes; "
            "what it cannot bring is listed as left out. "
            f"Only a regular file of at most {size_text(MAX_BYTES)} is read.",
            "iranpak-reader import notes.jsonld --dry-run",
            "iranpak-reader import backup.json --json",
            "iranpak-reader import project.qdpx --dry-run",
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the JSON, .qdpx or .qdc file")
    parser.add_argument("--dry-run", action="store_true", help="report what would change, change nothing")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Import and report."""
    path = Path(args.file)
    store = context.store if args.dry_run else context.writable_store()
    articles = context.articles
    problems: list[str] = []
    try:
        document = read_document(path)
        if isinstance(document, RefiFile) and not args.dry_run:
            from tui.core.annotations.refi import read
            from tui.core.refi_sources import add_sources

            found = read(document.raw, articles)
            added, problems = add_sources(
                document.raw, articles, context.workspace.articles, context.engine, found
            )
            articles = {**articles, **added}
            if not added:  # read against these very articles: not read again
                document = RefiFile(document.raw, found)
            for article in added.values():
                sys.stderr.write(
                    f"iranpak-reader: added the article {article.id} ({one_line(article.title)})\n"
                )
        report = import_document(document, store, articles, dry_run=args.dry_run)
    except InvalidImport as error:
        raise CliError(f"{path}: {error}; nothing was imported") from None
    except AddError as error:
        raise CliError(
            f"{path}: its sources cannot be added as articles: {error}; nothing was imported"
        ) from None
    for problem in problems:
        sys.stderr.write(f"iranpak-reader: a source not added: {one_line(problem)}\n")
    if args.json:
        emit_json(report.as_json())
    else:
        print(report.summary())
        for line in report.left_out:
            sys.stderr.write(f"iranpak-reader: left out: {one_line(line)}\n")
    for conflict in report.conflicts:
        if "tag" in conflict:
            what = f"the tag {one_line(conflict['tag'])!r} (colour and description)"
        elif "id" not in conflict:  # a memo, an attribute or an article's value of one
            kind = next(key for key in conflict if not key.endswith("_modified"))
            what = f"the {kind} {one_line(conflict[kind])!r}"
        else:
            what = (
                f"{one_line(conflict['id'])} in {one_line(conflict['article'])} "
                f"({one_line(conflict['quote'])[:60]!r})"
            )
        sys.stderr.write(
            f"iranpak-reader: conflict: {what} was edited here and in {one_line(str(path))}; "
            "the local copy is kept\n"
        )
    return 0
