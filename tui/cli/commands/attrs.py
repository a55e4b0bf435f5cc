"""``iranpak-reader attrs``: article attributes (outlet, country, kind, ...): list, set, define, remove."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, emit_table, help_text
from tui.core.attributes import (
    BUILT_IN,
    AttributeDef,
    InvalidAttribute,
    check_name,
    check_value,
    define,
    from_front_matter,
)
from tui.core.models import Article
from tui.core.safe_text import one_line

_BUILT_IN_NAMES = frozenset(definition.name for definition in BUILT_IN)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``attrs`` subcommand."""
    parser = subparsers.add_parser(
        "attrs",
        help="article attributes (outlet, country, language, kind, your own): list, set, define",
        **help_text(
            "Article attributes, to compare articles by: the front matter's source, published and "
            "dateline (edited in the article file), the built-in outlet, country, language and kind, "
            "and those you define (text, number, date, or a choice). Alone: every attribute and every "
            "article's values. With ARTICLE: its attributes; --set and --unset change them as one save. "
            "Values live in the annotation store: article files are never rewritten.",
            "iranpak-reader attrs --json",
            "iranpak-reader attrs 003 --set outlet=Dawn --set country=Pakistan",
            "iranpak-reader attrs 003 --unset country",
            "iranpak-reader attrs --define stance --type choice --choices hawkish,neutral,dovish",
            "iranpak-reader attrs --remove stance",
            "iranpak-reader list --where outlet=Dawn --where published>=2025-08",
        ),
    )
    parser.add_argument("article", metavar="ARTICLE", nargs="?", help="an article id (or unique prefix)")
    parser.add_argument(
        "--set",
        metavar="NAME=VALUE",
        action="append",
        default=[],
        help="set an attribute of ARTICLE (repeatable; all in one save)",
    )
    parser.add_argument(
        "--unset", metavar="NAME", action="append", default=[], help="remove ARTICLE's value (repeatable)"
    )
    parser.add_argument("--define", metavar="NAME", help="define (or redefine) an attribute")
    parser.add_argument(
        "--type", metavar="TYPE", default="text", help="with --define: text (default), number, date or choice"
    )
    parser.add_argument("--choices", metavar="A,B,C", help="with --define --type choice: the values allowed")
    parser.add_argument(
        "--remove", metavar="NAME", help="remove an attribute and every article's value of it"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """List, show, set, define or remove, as the options ask."""
    changing = bool(args.set or args.unset)
    if args.define is not None and args.remove is not None:
        raise CliError("give --define or --remove, not both")
    if (args.define is not None or args.remove is not None) and (args.article or changing):
        raise CliError(
            "--define and --remove change the attributes themselves: give no ARTICLE, --set or --unset"
        )
    if args.define is None and (args.choices is not None or args.type != "text"):
        raise CliError("--type and --choices go with --define NAME")
    if changing and not args.article:
        raise CliError("--set and --unset need the ARTICLE to change")
    try:
        if args.define is not None:
            return _define(args, context)
        if args.remove is not None:
            return _remove(args, context)
        if args.article:
            article = context.article(args.article)
            if changing:
                _change(article, args, context)
            return _show_article(article, context, args.json)
    except InvalidAttribute as error:
        raise CliError(one_line(str(error))) from None
    return _show_all(context, args.json)


def origin(definition: AttributeDef, stored: set[str]) -> str:
    """Where an attribute comes from: "front matter", "built in" or "defined" (by the user)."""
    if from_front_matter(definition.name):
        return "front matter"
    return "defined" if definition.name in stored else "built in"


def _definitions_json(context: Context) -> list[dict[str, Any]]:
    """Every attribute definition, with where it comes from."""
    stored = {definition.name for definition in context.store.attribute_definitions()}
    return [
        {
            "name": definition.name,
            "type": definition.type,
            "choices": list(definition.choices),
            "origin": origin(definition, stored),
        }
        for definition in context.attribute_definitions.values()
    ]


def _show_all(context: Context, as_json: bool) -> int:
    """Every attribute definition, then every article's values."""
    attributes = _definitions_json(context)
    values = context.attribute_values
    articles = context.corpus.articles
    if as_json:
        emit_json(
            {
                "attributes": attributes,
                "articles": [
                    {"article": article.id, "title": article.title, "attributes": values.get(article.id, {})}
                    for article in articles
                ],
            }
        )
        return 0
    emit_table(
        ("ATTRIBUTE", "TYPE", "FROM", "CHOICES"),
        ((a["name"], a["type"], a["origin"], ", ".join(a["choices"])) for a in attributes),
    )
    sys.stdout.write("\n")
    # only the attributes some article has, so the table stays narrow
    shown = [a["name"] for a in attributes if any(a["name"] in values.get(x.id, {}) for x in articles)]
    rows = (
        (article.id, *(values.get(article.id, {}).get(name, "-") for name in shown)) for article in articles
    )
    emit_table(("ARTICLE", *(name.upper() for name in shown)), rows)
    return 0


def _show_article(article: Article, context: Context, as_json: bool) -> int:
    """One article's attributes: every attribute, with its value or none."""
    values = context.attribute_values.get(article.id, {})
    rows = [
        {
            "name": definition.name,
            "type": definition.type,
            "value": values.get(definition.name),
            "front_matter": from_front_matter(definition.name),
        }
        for definition in context.attribute_definitions.values()
    ]
    if as_json:
        emit_json({"article": article.id, "title": article.title, "attributes": rows, "values": values})
        return 0
    sys.stdout.write(f"{article.id}  {one_line(article.title)}\n")
    emit_table(
        ("ATTRIBUTE", "VALUE", "FROM"),
        (
            (
                row["name"],
                row["value"] if row["value"] is not None else "-",
                "front matter" if row["front_matter"] else "",
            )
            for row in rows
        ),
    )
    return 0


def _known(name: str, context: Context) -> AttributeDef:
    """The definition of ``name``, or a CliError: unknown names (listing the known ones) and front
    matter attributes (set in the article file) are refused."""
    cleaned = check_name(name)
    definition = context.attribute_definitions.get(cleaned)
    if definition is None:
        known = ", ".join(sorted(n for n in context.attribute_definitions if not from_front_matter(n)))
        raise CliError(f"no attribute called {cleaned!r}: there are {known} (or define it: attrs --define)")
    if from_front_matter(cleaned):
        raise CliError(f"{cleaned} comes from the article file: edit its front matter to change it")
    return definition


def _change(article: Article, args: argparse.Namespace, context: Context) -> None:
    """Apply every --set and --unset to ``article`` as one save, after checking them all."""
    changes: dict[str, str | None] = {}
    for given in args.set:
        name, equals, raw = given.partition("=")
        if not equals:
            raise CliError(f"--set {one_line(given)[:60]!r}: write NAME=VALUE, e.g. outlet=Dawn")
        definition = _known(name, context)
        if definition.name in changes:
            raise CliError(f"--set {definition.name} is given twice")
        changes[definition.name] = check_value(definition, raw)
    for name in args.unset:
        definition = _known(name, context)
        if definition.name in changes:
            raise CliError(f"{definition.name} is both set and unset")
        changes[definition.name] = None
    store = context.writable_store()
    from tui.core.annotations.model import default_author

    store.set_attributes(article.id, changes, default_author())
    # the values shown next are read again from the store
    context.__dict__.pop("attribute_values", None)


def _define(args: argparse.Namespace, context: Context) -> int:
    """Define (or redefine) an attribute."""
    choices = args.choices.split(",") if args.choices is not None else []
    definition = define(args.define, args.type.strip().lower(), choices)
    changes = context.writable_store().define_attribute(definition)
    if args.json:
        emit_json({"defined": definition.name, "type": definition.type, "choices": list(definition.choices)})
    else:
        listed = f" ({', '.join(definition.choices)})" if definition.choices else ""
        done = "defined" if changes else "already defined as"
        print(f"{done} {definition.name}: {definition.type}{listed}")
    return 0


def _remove(args: argparse.Namespace, context: Context) -> int:
    """Remove an attribute's definition and every value of it."""
    stored = args.remove.strip().lower()
    # a name stored before it was reserved (tag, article, none) can still be removed
    name = stored if stored in context.attribute_definitions else check_name(args.remove)
    if from_front_matter(name):
        raise CliError(f"{name} comes from the article files' front matter: it cannot be removed")
    if name not in context.attribute_definitions:
        known = ", ".join(sorted(n for n in context.attribute_definitions if not from_front_matter(n)))
        raise CliError(f"no attribute called {name!r}: there are {known}")
    changes = context.writable_store().remove_attribute(name)
    removed = len(changes.values)
    if args.json:
        emit_json({"removed": name, "values": removed})
    else:
        kept = " (it is built in: it stays, without values)" if name in _BUILT_IN_NAMES else ""
        print(f"removed {name} and its {removed} value{'s' if removed != 1 else ''}{kept}")
    return 0
