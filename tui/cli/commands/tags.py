"""``iranpak-reader tags``: the codebook; rename, merge, recolour and delete tags everywhere."""

from __future__ import annotations

import argparse

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, emit_table, help_text
from tui.core.annotations.model import valid_colour


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``tags`` subcommand."""
    parser = subparsers.add_parser(
        "tags",
        help="list the tags with counts; rename, merge, recolour, delete",
        **help_text(
            "The codebook: every tag with its colour and how many annotations carry it. One option "
            "changes it everywhere, as one save: rename a tag (into an existing one: a merge), merge "
            "several into one, recolour one, or delete one from the codebook and every annotation.",
            "iranpak-reader tags --json",
            "iranpak-reader tags --rename people actors",
            "iranpak-reader tags --merge security defence --into security-framing",
            "iranpak-reader tags --colour people '#61afef'",
        ),
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    actions = parser.add_mutually_exclusive_group()
    actions.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help="rename a tag everywhere")
    actions.add_argument("--merge", nargs="+", metavar="TAG", help="merge these tags into --into")
    actions.add_argument(
        "--delete", metavar="TAG", help="remove a tag from the codebook and every annotation"
    )
    actions.add_argument("--colour", nargs=2, metavar=("TAG", "COLOUR"), help="set a tag's colour (#rrggbb)")
    parser.add_argument("--into", metavar="TAG", help="the tag --merge merges into")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """List, or change the codebook."""
    if args.merge and not args.into:
        raise CliError("--merge needs --into TAG")
    new_name = args.rename[1] if args.rename else args.into if args.merge else None
    if new_name is not None and (not new_name.strip() or new_name != new_name.strip()):
        raise CliError(f"not a tag name: {new_name!r} (it must not be blank or start or end with spaces)")
    if args.rename or args.merge or args.delete or args.colour:
        return _change(args, context)
    store = context.store
    counts = store.tag_counts()
    tags = store.tags()
    if args.json:
        emit_json({"tags": [{**tag.as_json(), "count": counts.get(tag.name, 0)} for tag in tags]})
    else:
        emit_table(("COUNT", "COLOUR", "TAG"), ((counts.get(t.name, 0), t.colour, t.name) for t in tags))
    return 0


def _change(args: argparse.Namespace, context: Context) -> int:
    """Apply one codebook change and say what it did."""
    store = context.writable_store()
    known = {tag.name for tag in store.tags()}
    named = (
        args.rename[:1] if args.rename else args.merge or ([args.delete] if args.delete else args.colour[:1])
    )
    missing = [name for name in named if name not in known]
    if missing:
        raise CliError(f"no such tag: {', '.join(missing)}")
    if args.rename:
        changed = len(store.rename_tag(*args.rename).annotations)
        print(f"renamed {args.rename[0]} to {args.rename[1]} on {changed} annotations")
    elif args.merge:
        changed = len(store.merge_tags(args.merge, args.into).annotations)
        print(f"merged {', '.join(args.merge)} into {args.into} on {changed} annotations")
    elif args.delete:
        changed = len(store.delete_tag(args.delete).annotations)
        print(f"deleted {args.delete} from {changed} annotations")
    else:
        name, colour = args.colour
        if not valid_colour(colour):
            raise CliError(f"not a colour: {colour} (use #rrggbb)")
        tag = store.tag(name)
        assert tag is not None
        store.save_tag(tag.edited(colour=colour))
        print(f"{name} is now {colour}")
    return 0
