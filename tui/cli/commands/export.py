"""``iranpak-reader export``: every annotation as native JSON or as a W3C Web Annotation collection."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.core.annotations.exporting import export_bytes
from tui.core.store import StoreError
from tui.core.store.files import replace_atomically


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` subcommand."""
    parser = subparsers.add_parser("export", help="export every annotation as JSON (stdout by default)")
    parser.add_argument(
        "--format", choices=("native", "w3c"), default="native", help="native (default) or w3c"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Write the export."""
    store = context.store
    data, count = export_bytes(args.format, store, context.articles)
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    path = Path(args.output)
    if path.is_dir():
        raise CliError(f"{path}: is a folder; give a file name")
    try:
        replace_atomically(path, data)
    except StoreError as error:
        raise CliError(str(error)) from None
    print(f"wrote {count} annotation{'s' if count != 1 else ''} ({args.format}) to {path}", file=sys.stderr)
    return 0
