"""Printing results: JSON for scripts, plain aligned text for people."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from tui.core.models import LoadProblem
from tui.core.safe_text import one_line


def emit_json(data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON on stdout."""
    # a terminal or pipe that is not UTF-8 gets \u escapes, which every JSON reader decodes alike
    ascii_only = (sys.stdout.encoding or "").lower().replace("-", "") != "utf8"
    sys.stdout.write(json.dumps(data, ensure_ascii=ascii_only, indent=2) + "\n")


def emit_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write rows as left-aligned columns; every cell is shown as safe one-line text."""
    cells = [[one_line(str(cell)) for cell in row] for row in rows]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    for row in [list(headers), *cells]:
        line = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:-1]))
        sys.stdout.write((line + "  " + row[-1]).rstrip() + "\n")


def warn(problems: Iterable[LoadProblem]) -> None:
    """Report load problems on stderr, one line each."""
    for problem in problems:
        sys.stderr.write(f"iranpak-reader: warning: {one_line(str(problem))}\n")


def help_text(description: str, *examples: str) -> dict[str, Any]:
    """The ``add_parser`` keywords that give a subcommand's ``--help`` its description (wrapped
    here, as the raw formatter keeps it as given) and an epilog of example command lines."""
    lines = "\n".join(f"  {example}" for example in examples)
    return {
        "description": textwrap.fill(description, width=88),
        "epilog": f"examples:\n{lines}",
        "formatter_class": argparse.RawDescriptionHelpFormatter,
    }


def add_where_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--where NAME=VALUE`` (repeatable): only articles whose attributes pass every filter."""
    parser.add_argument(
        "--where",
        action="append",
        metavar="FILTER",
        help="only articles whose attribute passes this filter, e.g. outlet=Dawn, published>=2025-08, "
        "kind!=op-ed, outlet~tribune (contains); repeat to require several (see 'attrs')",
    )
