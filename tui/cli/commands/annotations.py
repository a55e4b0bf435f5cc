"""``iranpak-reader annotations``: the stored annotations, where each is in the text now."""

from __future__ import annotations

import argparse

from tui.cli.context import Context
from tui.cli.output import emit_json, emit_table
from tui.core.annotations.anchoring import place
from tui.core.annotations.model import text_hash


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``annotations`` subcommand."""
    parser = subparsers.add_parser("annotations", help="list annotations, by tag and/or article")
    parser.add_argument("--tag", metavar="T", help="only annotations with this tag")
    parser.add_argument("--article", metavar="ARTICLE", help="only this article's annotations")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """List the annotations with their current anchoring."""
    article_id = context.article(args.article).id if args.article else None
    articles = context.articles
    rows = []
    for annotation in context.store.annotations(article=article_id, tag=args.tag):
        article = articles.get(annotation.article)
        if article is None:
            anchor = {"status": "orphan", "start": None, "end": None}
        else:
            placed = place(annotation, article.text, text_hash(article.text))
            anchor = {
                "status": placed.method,
                "start": None if placed.orphan else placed.start,
                "end": None if placed.orphan else placed.end,
            }
        rows.append({**annotation.as_json(), "anchor": anchor})
    if args.json:
        emit_json({"annotations": rows})
    else:
        emit_table(
            ("ARTICLE", "START", "END", "STATUS", "TAGS", "QUOTE"),
            (
                (r["article"], r["start"], r["end"], r["anchor"]["status"], ", ".join(r["tags"]), r["quote"][:70])
                for r in rows
            ),
        )
    return 0
