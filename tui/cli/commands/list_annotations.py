"""``iranpak-reader annotations``: the stored annotations, and where each is in the text now."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.context import Context
from tui.cli.output import emit_json, emit_table, help_text
from tui.core.annotations.anchoring import place
from tui.core.annotations.model import Annotation, text_hash
from tui.core.models import Article


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``annotations`` subcommand."""
    parser = subparsers.add_parser(
        "annotations",
        help="list annotations, by tag and/or article",
        **help_text(
            "The stored annotations in article and text order, each with where its passage is in the "
            "article's current text: exact, moved, fuzzy or orphan (its article or passage is gone).",
            "iranpak-reader annotations --tag people --json",
            "iranpak-reader annotations --article 003",
        ),
    )
    parser.add_argument("--tag", metavar="T", help="only annotations with this tag")
    parser.add_argument("--article", metavar="ARTICLE", help="only this article's annotations")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """List the annotations with their current anchoring."""
    article_id = context.article(args.article).id if args.article else None
    articles = context.articles
    rows = [
        {**a.as_json(), "anchor": anchor(a, articles.get(a.article))}
        for a in context.store.annotations(article=article_id, tag=args.tag)
    ]
    if args.json:
        emit_json({"annotations": rows})
    else:
        table = [
            (r["article"], r["start"], r["end"], r["anchor"]["status"], ", ".join(r["tags"]), r["quote"])
            for r in rows
        ]
        emit_table(("ARTICLE", "START", "END", "STATUS", "TAGS", "QUOTE"), table)
    return 0


def anchor(annotation: Annotation, article: Article | None) -> dict[str, Any]:
    """Where the annotation is in its article's current text: status, start and end (None if orphaned)."""
    if article is None:
        return {"status": "orphan", "start": None, "end": None}
    placed = place(annotation, article.text, text_hash(article.text))
    if placed.orphan:
        return {"status": "orphan", "start": None, "end": None}
    return {"status": placed.method, "start": placed.start, "end": placed.end}
