"""``iranpak-reader list``: the articles of the workspace and any load problems."""

from __future__ import annotations

import argparse

from tui.cli.context import Context
from tui.cli.output import emit_json, emit_table, help_text, warn


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
        ),
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Print the corpus; problems go to stderr (and into the JSON) but do not fail the listing."""
    corpus = context.corpus
    warn(context.problems)
    if args.json:
        emit_json(
            {
                "workspace": str(context.workspace.root),
                "articles": [a.as_json() for a in corpus.articles],
                "problems": [p.as_json() for p in context.problems],
            }
        )
    else:
        rows = [(a.id, a.published_label, a.word_count, a.title) for a in corpus.articles]
        emit_table(("ID", "PUBLISHED", "WORDS", "TITLE"), rows)
    return 0
