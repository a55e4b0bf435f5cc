"""``iranpak-reader segments``: every passage coded with chosen tags, across the corpus, in context."""

from __future__ import annotations

import argparse
import sys
import textwrap

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import add_where_argument, emit_json, help_text
from tui.core.annotations.model import Tag
from tui.core.annotations.tag_tree import ancestors
from tui.core.safe_text import one_line
from tui.core.segments import SORTS, Segment, SegmentQuery, segments

#: The width the readable listing wraps to.
WIDTH = 88
#: How many close codebook names an unknown tag's message suggests.
SUGGESTIONS = 3


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``segments`` subcommand."""
    parser = subparsers.add_parser(
        "segments",
        help="every passage coded with a tag, or with any or all of several, in context",
        **help_text(
            "The coded passages across the corpus: those with any of the tags given (all of them with "
            "--all; every coded passage with none), each with its quote in full, the rest of its "
            "sentence, its article, date, tags and note, and where it is in the article's current "
            "text (exact, moved, fuzzy, or orphan when its passage or article is gone). A tag finds the "
            "passages of the tags below it too (framing finds framing/security) unless --exact.",
            "iranpak-reader segments --tag people --tag military --all",
            "iranpak-reader segments --tag trade-target --match gas --sort date --json",
        ),
    )
    parser.add_argument("--tag", metavar="T", action="append", default=[], help="a tag (repeatable)")
    parser.add_argument("--all", action="store_true", help="only passages with every tag given")
    parser.add_argument(
        "--exact",
        action="store_true",
        help="a tag finds only its own passages, not those of the tags below it",
    )
    parser.add_argument(
        "--match",
        metavar="TEXT",
        default="",
        help="only passages whose quote, context or note holds this text (any case)",
    )
    parser.add_argument(
        "--sort", choices=SORTS, default="article", help="order by article (default), date or tag"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_where_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """List the segments."""
    store = context.store
    tags = filter_tags(args.tag, store.tags())
    query = SegmentQuery(tags=tags, all=args.all, exact=args.exact, match=args.match, sort=args.sort)
    found = segments(store.annotations(), context.articles, query)
    passing = context.where(args.where)
    if passing is not None:  # an orphan of an article no longer in the corpus has no attributes to pass
        found = [segment for segment in found if segment.article in passing]
    if args.json:
        emit_json({"segments": [segment.as_json() for segment in found]})
    elif not found:
        print("no coded passages match")
    else:
        sys.stdout.write("\n".join(readable(segment) for segment in found))
    return 0


def filter_tags(given: list[str], codebook: list[Tag]) -> tuple[str, ...]:
    """The ``--tag`` values, once each; one the codebook lacks is refused in one line. A folder (a
    parent that is no tag itself) is a filter too: it finds the tags below it."""
    tags = tuple(dict.fromkeys(tag.strip() for tag in given if tag.strip()))
    known = list(dict.fromkeys(name for tag in codebook for name in (*ancestors(tag.name), tag.name)))
    for tag in tags:
        if tag not in known:
            raise CliError(unknown_tag(tag, known))
    return tags


def unknown_tag(tag: str, known: list[str]) -> str:
    """The one-line refusal of a tag not in the codebook, naming the closest tags there are."""
    from rapidfuzz import process  # only on this error

    close = [name for name, _, _ in process.extract(tag, known, limit=SUGGESTIONS, score_cutoff=60)]
    hint = f"; did you mean {', '.join(repr(one_line(name)) for name in close)}?" if close else ""
    return f"no tag {one_line(tag)!r} in the codebook{hint} (try 'iranpak-reader tags')"


def readable(segment: Segment) -> str:
    """A segment for people: its article and date, tags and place, quote in context, and note."""
    title = one_line(segment.title) if segment.title is not None else "(article no longer in the corpus)"
    date = segment.published.isoformat() if segment.published else "undated"
    where = (
        "orphan: not found in the current text"
        if segment.orphan
        else f"{segment.status} {segment.start}–{segment.end}"
    )
    lines = [
        f"{one_line(segment.article)}  {date}  {title}",
        f"  tags: {one_line(', '.join(segment.tags))}  ({where})",
        _wrapped(f"{one_line(segment.before)}«{one_line(segment.quote)}»{one_line(segment.after)}", "    "),
    ]
    if segment.note:
        lines.append(_wrapped(f"note: {one_line(segment.note)}", "  "))
    return "\n".join(lines) + "\n"


def _wrapped(text: str, indent: str) -> str:
    """``text`` wrapped to :data:`WIDTH`, every line indented; words are never split."""
    return textwrap.fill(
        text,
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
