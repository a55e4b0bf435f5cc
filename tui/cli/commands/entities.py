"""``iranpak-reader entities ARTICLE``: every entity mention in an article or any text file."""

from __future__ import annotations

import argparse
import stat
from pathlib import Path

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, emit_table, help_text, warn
from tui.core import frontmatter
from tui.core.corpus import read_text
from tui.core.frontmatter import ArticleFormatError
from tui.core.models import Mention
from tui.core.user_files import kind_of, reason_for


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``entities`` subcommand."""
    parser = subparsers.add_parser(
        "entities",
        help="list the entity mentions of an article (by id) or of any UTF-8 text file",
        **help_text(
            "Every person, organisation, place, amount, figure and date in an article of the corpus "
            "(by id or unique id prefix) or in any UTF-8 text file, with its offsets, type and the "
            "canonical entity it names. A file with front matter is read from its body.",
            "iranpak-reader entities 003 --json",
            "iranpak-reader entities notes.txt",
        ),
    )
    parser.add_argument("article", metavar="ARTICLE", help="an article id (or unique prefix) or a file path")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Extract and print the mentions."""
    source, mentions = _mentions_for(args.article, context)
    warn(context.gazetteer.problems)
    if args.json:
        emit_json({"source": source, "mentions": [m.as_json() for m in mentions]})
    else:
        rows = [(m.start, m.end, m.type, m.canonical, m.text) for m in mentions]
        emit_table(("START", "END", "TYPE", "ENTITY", "TEXT"), rows)
    return 0


def _mentions_for(key: str, context: Context) -> tuple[str, list[Mention]]:
    """Mentions for a corpus article id or, failing that, a file path."""
    path = Path(key)
    if path.exists() and not path.is_dir():  # a FIFO or device too: refused by read_text_file
        return str(path), context.engine.extract(read_text_file(path))
    article = context.article(key, missing="no such article id or file")
    return article.id, context.mentions[article.id]


def read_text_file(path: Path) -> str:
    """A UTF-8 text file's text (the body, if it is an article file with front matter).

    Only a regular file is opened: a FIFO would block and a device never end; either is a
    CliError saying what the path is.
    """
    try:
        info = path.stat()
    except OSError as error:
        raise CliError(f"{path}: cannot read: {reason_for(error)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise CliError(f"{path}: is {kind_of(info.st_mode)}, not a regular file")
    try:
        text = read_text(path)
        if text.lstrip("\ufeff").startswith(frontmatter.FENCE):
            return frontmatter.split(text)[1]
    except ArticleFormatError as error:
        raise CliError(f"{path}: {error}") from None
    return text
