"""``iranpak-reader list``: the articles of the workspace and any load problems."""

from __future__ import annotations

import argparse
import sys

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import add_where_argument, emit_json, emit_table, help_text, warn
from tui.core.safe_text import one_line


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``list`` subcommand."""
    parser = subparsers.add_parser(
        "list",
        help="list the articles with their dates and word counts",
        **help_text(
            "The workspace's articles: id, title, published date and word count, and every file "
            "that could not be loaded, with its problem (on stderr, and in the JSON).",
            "iranpak-reader list --json",
            "iranpak-reader --workspace ~/iran list",
            "iranpak-reader list --where outlet=Dawn --where published>=2025-08",
        ),
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_where_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Print the corpus; problems go to stderr (and into the JSON) but do not fail the listing."""
    corpus = context.corpus
    passing = context.where(args.where)
    articles = [a for a in corpus.articles if passing is None or a.id in passing]
    warn(context.problems)
    if args.json:
        values = _attribute_values(context)
        emit_json(
            {
                "workspace": str(context.workspace.root),
                "articles": [{**a.as_json(), "attributes": values.get(a.id, {})} for a in articles],
                "problems": [p.as_json() for p in context.problems],
            }
        )
    else:
        rows = [(a.id, a.published_label, a.word_count, a.title) for a in articles]
        emit_table(("ID", "PUBLISHED", "WORDS", "TITLE"), rows)
    return 0


def _attribute_values(context: Context) -> dict[str, dict[str, str]]:
    """Each article's attributes. Without a store yet, the front matter's alone: the store is not
    opened, so listing a checkout or a fresh workspace creates nothing in it; with one that cannot
    be read, the front matter's too, and a warning."""
    from tui.core.attributes import values_by_article

    folder = context.workspace.annotations
    if any((folder / name).exists() for name in ("annotations.json", "annotations.journal")):
        try:
            return context.attribute_values
        except CliError as error:  # the articles are still listed, with their front matter's values
            sys.stderr.write(f"iranpak-reader: warning: {one_line(str(error))}\n")
    return values_by_article(context.corpus.articles, ())
