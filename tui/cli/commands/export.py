"""``iranpak-reader export``: every annotation as native JSON or as a W3C Web Annotation collection."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, help_text
from tui.core.annotations.exporting import FORMATS, export_bytes
from tui.core.user_files import write_output_file


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="export every annotation as JSON (stdout by default)",
        **help_text(
            "Write every annotation and the codebook as JSON: the native format (everything, read back "
            "by 'import') or a W3C Web Annotation collection (for other tools). With -o the file is "
            "replaced atomically (a symlink is followed to its file; a folder, FIFO or device is "
            "refused). Without -o the export itself goes to stdout, so --json adds nothing there; "
            "with -o, --json prints a summary of what was written.",
            "iranpak-reader export --format w3c -o notes.jsonld",
            "iranpak-reader export -o backup.json --json",
            "iranpak-reader export > backup.json",
        ),
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="native", help="native (default: everything) or w3c"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--json",
        action="store_true",
        help="with -o: print what was written (path, format, count) as JSON; without -o the export is JSON",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Write the export."""
    data, count = export_bytes(args.format, context.store, context.articles)
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    if not args.output.strip():
        raise CliError("-o: give the name of a file to write")
    written = write_output_file(Path(args.output), data)
    if args.json:
        emit_json({"path": str(written), "format": args.format, "annotations": count, "bytes": len(data)})
    else:
        print(
            f"wrote {count} annotation{'s' if count != 1 else ''} ({args.format}) to {written}",
            file=sys.stderr,
        )
    return 0
