"""``iranpak-reader search QUERY``: every article holding a text, with its matches in context."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import add_where_argument, emit_json, emit_table, help_text
from tui.core.corpus_search import context as in_context
from tui.core.corpus_search import matches, search, text_hits


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``search`` subcommand."""
    parser = subparsers.add_parser(
        "search",
        help="find a text across the corpus (any case, any spacing): matches by article",
        **help_text(
            "Every article holding a text, in any case and with any spacing, with its number of "
            "matches and the first ones in context.",
            'iranpak-reader search "border markets" --json',
            "iranpak-reader search Larijani --limit 1",
        ),
    )
    parser.add_argument("query", metavar="QUERY", help='what to find, e.g. "border markets"')
    parser.add_argument(
        "--limit", type=int, default=3, metavar="N", help="matches shown per article (default 3)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--memos", action="store_true", help="search the memos too (the project's, tags', articles')"
    )
    add_where_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Print the articles holding the query, in corpus order, with their first matches."""
    if not args.query.strip():
        raise CliError("give something to search for")
    articles = context.corpus.articles
    passing = context.where(args.where)
    found: list[dict[str, Any]] = []
    for number in search(articles, args.query):
        article = articles[number]
        if passing is not None and article.id not in passing:
            continue
        spans = matches(article.text, args.query)
        first = [
            {"start": s, "end": e, "context": in_context(article.text, s, e)} for s, e in spans[: args.limit]
        ]
        found.append({"article": article.id, "title": article.title, "matches": len(spans), "first": first})
    memos = _memo_hits(context, args.query, passing) if args.memos else []
    if args.json:
        total = sum(f["matches"] for f in found)
        emit_json(
            {"query": args.query, "articles": found, "total": total}
            | ({"memos": memos} if args.memos else {})
        )
    else:
        rows = [(f["article"], f["matches"], f["first"][0]["context"] if f["first"] else "") for f in found]
        emit_table(
            ("ARTICLE", "MATCHES", "FIRST"),
            rows + [(f"memo on {m['about']}", m["matches"], m["line"]) for m in memos],
        )
    return 0


def _memo_hits(context: Context, query: str, passing: set[str] | None) -> list[dict[str, Any]]:
    """The memos holding the query: kind "memo", what each is about, the line of its first match;
    with ``passing`` (--where), an article's memo only if the article passes."""
    memos = [
        m for m in context.store.memos() if passing is None or m.kind != "article" or m.target in passing
    ]
    return [
        {
            "kind": "memo",
            "memo": memos[hit.number].kind,
            "target": memos[hit.number].target,
            "about": memos[hit.number].label,
            "matches": hit.count,
            "line": hit.line,
        }
        for hit in text_hits([memo.text for memo in memos], query)
    ]
