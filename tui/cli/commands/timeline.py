"""``iranpak-reader timeline``: the corpus's dated events, merged across articles, or any text file's."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from pathlib import Path

from tui.cli.commands.entities import read_text_file
from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import add_where_argument, emit_json, emit_table, help_text
from tui.core.timeline.build import Timeline
from tui.core.timeline.events import article_events
from tui.core.timeline.expressions import date_expressions
from tui.core.timeline.timelinejs import timelinejs


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``timeline`` subcommand."""
    parser = subparsers.add_parser(
        "timeline",
        help="every dated event in the corpus (or in one text FILE), dates normalised, sources merged",
        **help_text(
            "Every dated event of the corpus, its date resolved in context and the same event from "
            "several articles merged, optionally only those naming one entity; or, given FILE, the "
            "date expressions and events of any UTF-8 text file.",
            "iranpak-reader timeline --json --entity Larijani",
            "iranpak-reader timeline --format timelinejs > t.json",
            "iranpak-reader timeline notes.txt --published 2025-11-25 --json",
        ),
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="a UTF-8 text file instead of the corpus")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="with FILE: its publication date")
    parser.add_argument(
        "--entity", metavar="NAME", help="only events with this person, organisation or place"
    )
    parser.add_argument("--format", choices=("native", "timelinejs"), default="native", help="JSON shape")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_where_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Print the timeline."""
    if args.file is not None:
        if args.where:
            raise CliError("--where filters the corpus's articles: it does not apply to a FILE")
        return _file_timeline(args, context)
    articles = context.corpus.articles
    timeline = context.index.timeline
    events = timeline.events
    if args.entity:
        entity = context.engine.resolve(args.entity)
        if entity is None:
            raise CliError(f"{args.entity}: no such person, organisation or place in the corpus")
        events = timeline.for_entity(entity.id)
        timeline = dataclasses.replace(timeline, events=events)
    passing = context.where(args.where)
    if passing is not None:
        timeline = only_articles(timeline, passing)
        events = timeline.events
    if args.format == "timelinejs":
        emit_json(timelinejs(timeline, {a.id: a.title for a in articles}))
    elif args.json:
        emit_json(timeline.as_json())
    else:
        rows = [(e.when.label(), len(e.sources), e.headline) for e in events]
        emit_table(("DATE", "SOURCES", "EVENT"), rows)
    return 0


def only_articles(timeline: Timeline, passing: set[str]) -> Timeline:
    """The timeline of the ``passing`` articles alone: each event keeps its sources in them, and an
    event with none is left out."""
    events = []
    for event in timeline.events:
        sources = [source for source in event.sources if source.article in passing]
        if sources:
            events.append(
                event if len(sources) == len(event.sources) else dataclasses.replace(event, sources=sources)
            )
    published = {key: value for key, value in timeline.published.items() if key in passing}
    return Timeline(events, published)


def _file_timeline(args: argparse.Namespace, context: Context) -> int:
    """The dated expressions and events of one text file."""
    path = Path(args.file)
    published = None
    if args.published:
        try:
            published = date.fromisoformat(args.published)
        except ValueError:
            raise CliError(f"--published {args.published}: not a date (YYYY-MM-DD)") from None
    text = read_text_file(path)
    mentions = context.engine.extract(text)
    dated = date_expressions(mentions, published)
    events = article_events(str(path), text, mentions, dated)
    if args.json or args.format != "native":
        emit_json(
            {
                "source": str(path),
                "published": published.isoformat() if published else None,
                "expressions": [d.as_json() for d in dated],
                "events": [e.as_json() for e in events],
            }
        )
    else:
        rows = [
            (d.text, d.when.label() if d.when else "?", d.when.reason if d.when else "unresolved")
            for d in dated
        ]
        emit_table(("EXPRESSION", "DATE", "HOW"), rows)
    return 0
