"""``iranpak-reader export``: every annotation as native JSON, W3C Web Annotations or REFI-QDA."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, help_text
from tui.core.annotations.exporting import FORMATS, REFI_FORMATS, export_bytes
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
            "with -o, --json prints a summary of what was written. --format qdpx writes a REFI-QDA "
            "project with its memos and article attributes (a ZIP, so -o is needed) and qdc its "
            "codebook (each tag's memo after its description), for ATLAS.ti, MAXQDA, NVivo and "
            "QualCoder.",
            "iranpak-reader export --format w3c -o notes.jsonld",
            "iranpak-reader export --format qdpx -o project.qdpx",
            "iranpak-reader export -o backup.json --json",
            "iranpak-reader export > backup.json",
        ),
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="native",
        help="native (default: everything), w3c, qdpx (a REFI-QDA project) or qdc (a REFI-QDA codebook)",
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
    if args.format == "qdpx" and args.output is None:
        raise CliError("--format qdpx writes a ZIP: give the file to write with -o FILE")
    try:
        data, count = export_bytes(args.format, context.store, context.articles)
    except ValueError as error:
        raise CliError(f"--format {args.format}: {error}") from None
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    if not args.output.strip():
        raise CliError("-o: give the name of a file to write")
    written = write_output_file(Path(args.output), data)
    if args.json:
        what = "tags" if args.format == "qdc" else "annotations"
        emit_json({"path": str(written), "format": args.format, what: count, "bytes": len(data)})
    else:
        noun = "tag" if args.format == "qdc" else "annotation"
        kind = f"REFI-QDA {args.format}" if args.format in REFI_FORMATS else args.format
        print(f"wrote {count} {noun}{'s' if count != 1 else ''} ({kind}) to {written}", file=sys.stderr)
    return 0
