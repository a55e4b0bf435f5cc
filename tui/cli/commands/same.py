"""``iranpak-reader same ARTICLE --quote TEXT``: what other articles say about a passage."""

from __future__ import annotations

import argparse

from tui.cli.commands.tag import pick_occurrence
from tui.cli.context import Context
from tui.cli.output import emit_json, emit_table, help_text
from tui.core.same_thing import same_thing


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``same`` subcommand."""
    parser = subparsers.add_parser(
        "same",
        help="passages elsewhere reporting what a quoted passage reports",
        **help_text(
            "What other articles say about a passage of one article: the same event, the same "
            "figure or similar wording, and figures that differ, side by side.",
            "iranpak-reader same 000 --quote 'raising bilateral trade to $10 billion' --json",
        ),
    )
    parser.add_argument("article", metavar="ARTICLE", help="article id (or unique prefix)")
    parser.add_argument("--quote", metavar="TEXT", required=True, help="the exact text of the passage")
    parser.add_argument(
        "--occurrence", metavar="N", type=int, help="which occurrence of the quote (1: first)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Print the same event, figure or wording elsewhere, and figures that differ."""
    article = context.article(args.article)
    start = pick_occurrence(article, args.quote, args.occurrence)
    found = same_thing(context.index, article.id, start, start + len(args.quote))
    if args.json:
        emit_json(
            {
                "article": article.id,
                "start": start,
                "end": start + len(args.quote),
                "same": [p.as_json() for p in found.same],
                "differing_figures": [
                    {"here": a.as_json(), "there": b.as_json()} for a, b in found.disagreements
                ],
            }
        )
    else:
        emit_table(("ARTICLE", "WHY", "SENTENCE"), ((p.article, p.reason, p.sentence) for p in found.same))
    return 0
