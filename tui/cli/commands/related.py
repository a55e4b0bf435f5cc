"""``iranpak-reader related ARTICLE``: other articles ranked by the entities they share with it."""

from __future__ import annotations

import argparse

from tui.cli.context import Context
from tui.cli.output import emit_json, emit_table, help_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``related`` subcommand."""
    parser = subparsers.add_parser(
        "related",
        help="articles related to one, by shared entities (rare ones count more)",
        **help_text(
            "The other articles ranked by the entities they share with one article; an entity "
            "named in few articles counts more than one named everywhere.",
            "iranpak-reader related 001 --json",
        ),
    )
    parser.add_argument("article", metavar="ARTICLE", help="article id (or unique prefix)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Print the ranking."""
    article = context.article(args.article)
    ranked = context.index.xref.related(article.id)
    if args.json:
        emit_json({"article": article.id, "related": ranked})
    else:
        rows = [(r["article"], r["score"], ", ".join(s["name"] for s in r["shared"][:6])) for r in ranked]
        emit_table(("ARTICLE", "SCORE", "SHARED (rarest first)"), rows)
    return 0
