"""``iranpak-reader xref NAME``: every mention of an entity across the corpus, any alias or spelling."""

from __future__ import annotations

import argparse

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, emit_table, help_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``xref`` subcommand."""
    parser = subparsers.add_parser(
        "xref",
        help="where an entity appears across the corpus (any alias or spelling)",
        **help_text(
            "Every mention of a person, organisation or place across the corpus, under any of its "
            "names or spellings, with its sentence, and the entities most often named with it.",
            "iranpak-reader xref Ghalibaf --json",
            "iranpak-reader xref 'Ishaq Dar'",
        ),
    )
    parser.add_argument("name", metavar="NAME", help='a name, alias or spelling variant ("Ghalibaf")')
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Print the mentions, grouped by article, and the entities most often named with it."""
    index = context.index.xref
    entity = context.engine.resolve(args.name)
    if entity is None:
        raise CliError(f"{args.name}: no such entity in the corpus")
    found = index.occurrences(entity.id)
    with_it = index.co_mentioned(entity.id).most_common(10)
    if args.json:
        emit_json(
            {
                "entity": {
                    "id": entity.id,
                    "name": entity.name,
                    "type": str(entity.type),
                    "aliases": list(entity.aliases),
                },
                "mentions": [o.as_json() for o in found],
                "articles": sorted({o.article for o in found}),
                "co_mentioned": [{"id": key, "name": index.name(key), "sentences": n} for key, n in with_it],
            }
        )
    else:
        emit_table(
            ("ARTICLE", "START", "TEXT", "SENTENCE"),
            ((o.article, o.start, o.text, o.sentence) for o in found),
        )
    return 0
