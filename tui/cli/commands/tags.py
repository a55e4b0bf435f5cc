"""``iranpak-reader tags``: the codebook as a tree; move, rename, merge, recolour and delete tags."""

from __future__ import annotations

import argparse

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, emit_table, help_text
from tui.core.annotations.model import valid_colour
from tui.core.annotations.tag_tree import TagNode, TagTreeError, flattened, parent, subtree, tag_tree
from tui.core.safe_text import one_line


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``tags`` subcommand."""
    parser = subparsers.add_parser(
        "tags",
        help="list the tags as a tree with counts; move, rename, merge, recolour, delete",
        **help_text(
            "The codebook as a tree: a tag's name is its path (framing/security is security under "
            "framing), each tag with its colour, how many passages carry it and how many carry it or a "
            "tag below it (a passage counts once however many of those it has). One option changes it "
            "everywhere, as one save, children included: move a tag under another ('' for the top), "
            "rename one (into an existing one: a merge), merge several into one, recolour one, or "
            "delete one and the tags below it from the codebook and every annotation.",
            "iranpak-reader tags --json",
            "iranpak-reader tags --move security --under framing",
            "iranpak-reader tags --move framing/security --under ''",
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
    actions.add_argument("--move", metavar="TAG", help="move a tag and the tags below it under --under")
    parser.add_argument("--into", metavar="TAG", help="the tag --merge merges into")
    parser.add_argument(
        "--under", metavar="PARENT", help="the parent --move moves under ('' for the top level)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """List, or change the codebook."""
    if args.merge and not args.into:
        raise CliError("--merge needs --into TAG")
    if args.move is not None and args.under is None:
        raise CliError("--move needs --under PARENT ('' for the top level)")
    new_name = args.rename[1] if args.rename else args.into if args.merge else None
    if new_name is not None and (not new_name.strip() or new_name != new_name.strip()):
        raise CliError(f"not a tag name: {new_name!r} (it must not be blank or start or end with spaces)")
    if args.move is not None and args.under and args.under != args.under.strip():
        raise CliError(f"not a parent: {args.under!r} (it must not start or end with spaces)")
    if args.rename or args.merge or args.delete or args.colour or args.move is not None:
        try:
            return _change(args, context)
        except TagTreeError as error:
            raise CliError(one_line(str(error))) from None
    store = context.store
    nodes = flattened(tag_tree(store.tags(), (a.tags for a in store.annotations())))
    if args.json:
        emit_json(
            {
                "tags": [_as_json(node) for node in nodes if node.tag is not None],
                "folders": [
                    {"name": node.name, "parent": parent(node.name), "total": node.total}
                    for node in nodes
                    if node.tag is None
                ],
            }
        )
    else:
        emit_table(
            ("TOTAL", "OWN", "COLOUR", "TAG"),
            (
                (
                    node.total,
                    node.own if node.tag else "",
                    node.tag.colour if node.tag else "(folder)",
                    _indented(node),
                )
                for node in nodes
            ),
        )
    return 0


def _as_json(node: TagNode) -> dict[str, object]:
    """A tag of the tree as JSON: its stored form, its parent, and its passage counts."""
    assert node.tag is not None
    return {
        **node.tag.as_json(),
        "parent": parent(node.name),
        "count": node.own,
        "own": node.own,
        "total": node.total,
    }


def _indented(node: TagNode) -> str:
    """A node's name in the listing: its last part, indented under its parent (in full at the top)."""
    return "  " * node.depth + node.label + ("/" if node.tag is None else "")


def _change(args: argparse.Namespace, context: Context) -> int:
    """Apply one codebook change and say what it did."""
    store = context.writable_store()
    known = {tag.name for tag in store.tags()}
    named = (
        args.rename[:1]
        if args.rename
        else args.merge
        or ([args.delete] if args.delete else [args.move] if args.move is not None else args.colour[:1])
    )
    # a folder (a parent that is no tag itself) can be moved, renamed or deleted with its tags
    missing = [name for name in named if (name not in known if args.colour else not subtree(name, known))]
    if missing:
        raise CliError(f"no such tag: {', '.join(missing)}")
    if args.rename:
        changed = len(store.rename_tag(*args.rename).annotations)
        print(f"renamed {args.rename[0]} to {args.rename[1]} on {changed} annotations")
    elif args.merge:
        changed = len(store.merge_tags(args.merge, args.into).annotations)
        print(f"merged {', '.join(args.merge)} into {args.into} on {changed} annotations")
    elif args.delete:
        changes = store.delete_tag(args.delete)
        below = sum(1 for before, _ in changes.tags if before is not None and before.name != args.delete)
        print(
            f"deleted {args.delete} and {_tags(below)} below it from {len(changes.annotations)} annotations"
        )
    elif args.move is not None:
        changes = store.move_tag(args.move, args.under)
        tags = sum(1 for _, after in changes.tags if after is not None)
        where = args.under or "the top level"
        print(
            f"moved {args.move} under {where}: {tags} tags renamed on {len(changes.annotations)} annotations"
        )
    else:
        name, colour = args.colour
        if not valid_colour(colour):
            raise CliError(f"not a colour: {colour} (use #rrggbb)")
        tag = store.tag(name)
        assert tag is not None
        store.save_tag(tag.edited(colour=colour))
        print(f"{name} is now {colour}")
    return 0


def _tags(count: int) -> str:
    """``count`` tags, in words."""
    return f"{count} tag" if count == 1 else f"{count} tags"
