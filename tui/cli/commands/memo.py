"""``iranpak-reader memo``: list the memos, or read and write the memo on the project, a tag or an article."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, emit_table, help_text
from tui.core.annotations.memos import Memo
from tui.core.annotations.model import default_author
from tui.core.annotations.tag_tree import within
from tui.core.safe_text import one_line
from tui.core.user_files import UserFileError, read_regular_file

#: The largest memo file read with --file: a memo is prose, never megabytes of it.
MAX_FILE_BYTES = 4 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``memo`` subcommand."""
    parser = subparsers.add_parser(
        "memo",
        help="list the memos, or read or write the memo on the project, a tag or an article",
        **help_text(
            "Without --project, --tag or --article, lists every memo. With one of them, prints that "
            "memo; --set TEXT, --file PATH or --append TEXT writes it (one save), --set '' deletes it.",
            "iranpak-reader memo",
            'iranpak-reader memo --tag trade --set "Passages on trade volumes, targets and barter."',
            'iranpak-reader memo --article 003 --append "Compare with the Dawn report."',
            "iranpak-reader memo --project --file notes.md",
        ),
    )
    about = parser.add_mutually_exclusive_group()
    about.add_argument("--project", action="store_true", help="the project's memo")
    about.add_argument("--tag", metavar="NAME", help="the memo on this tag (its definition and coding rules)")
    about.add_argument("--article", metavar="ID", help="the memo on this article (id or unique prefix)")
    write = parser.add_mutually_exclusive_group()
    write.add_argument("--set", metavar="TEXT", help="replace the memo's text ('' deletes the memo)")
    write.add_argument("--file", metavar="PATH", help="replace the memo's text with this UTF-8 file's")
    write.add_argument("--append", metavar="TEXT", help="add a paragraph at the end of the memo")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """List the memos, or show or write the one asked for."""
    writing = args.set is not None or args.file is not None or args.append is not None
    if not (args.project or args.tag is not None or args.article is not None):
        if writing:
            raise CliError("say which memo to write: --project, --tag NAME or --article ID")
        return _list(context, args.json)
    kind, target = _about(args, context)
    if writing:
        return _write(args, context, kind, target)
    memo = context.store.memo(kind, target)
    if args.json:
        emit_json(memo.as_json() if memo is not None else None)
    elif memo is None:
        print(f"no memo on {_label(kind, target)}")
    else:
        print(memo.text)
    return 0


def _about(args: argparse.Namespace, context: Context) -> tuple[str, str]:
    """The kind and target of the memo asked for; a CliError for a tag or article that is not there."""
    if args.project:
        return "project", ""
    if args.article is not None:
        return "article", context.article(args.article).id
    name = args.tag.strip()
    names = {tag.name for tag in context.store.tags()}
    if not name or not any(within(known, name) for known in names):  # a tag, or a folder of tags
        raise CliError(f"no tag called {one_line(args.tag)[:60]!r} (try 'iranpak-reader tags')")
    return "tag", name


def _label(kind: str, target: str) -> str:
    """What a memo is about, in words, as :attr:`Memo.label` says it."""
    return one_line(Memo(kind, target, "").label)


def _new_text(args: argparse.Namespace, before: Memo | None) -> str:
    """The memo's text after this command: the given text, the file's, or the old with a paragraph added."""
    if args.set is not None:
        return str(args.set)
    if args.file is not None:
        path = Path(args.file)
        raw = read_regular_file(path, MAX_FILE_BYTES)
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UserFileError(path, f"is not UTF-8 text (byte {error.start})") from None
    added = str(args.append).strip()
    if not added:
        raise CliError("--append: give some text to add")
    old = before.text.rstrip() if before is not None else ""
    return f"{old}\n\n{added}" if old else added


def _write(args: argparse.Namespace, context: Context, kind: str, target: str) -> int:
    """Write the memo (one save) and say what became of it."""
    store = context.writable_store()
    with store.transaction():
        before = store.memo(kind, target)
        text = _new_text(args, before)
        changes = store.save_memo(kind, target, text, default_author())
        after = store.memo(kind, target)
    if args.json:
        emit_json(after.as_json() if after is not None else None)
    else:
        label = _label(kind, target)
        if not changes.memos:
            print(f"memo on {label} unchanged" if after is not None else f"no memo on {label}")
        elif after is None:
            print(f"deleted the memo on {label}")
        else:
            lines = len(after.text.splitlines())
            print(f"saved the memo on {label} ({lines} line{'' if lines == 1 else 's'})")
    return 0


def _list(context: Context, as_json: bool) -> int:
    """Print every memo: what it is about, author, modified and its first line."""
    memos = context.store.memos()
    if as_json:
        emit_json({"memos": [memo.as_json() for memo in memos]})
        return 0
    if not memos:
        print("no memos yet (write one with: iranpak-reader memo --project --set TEXT)")
        return 0
    emit_table(
        ("KIND", "TARGET", "AUTHOR", "MODIFIED", "FIRST LINE"),
        (
            (memo.kind, memo.target or "-", memo.author or "-", memo.modified[:16], first_line(memo.text))
            for memo in memos
        ),
    )
    return 0


def first_line(text: str, width: int = 60) -> str:
    """The first line of a memo that holds more than white space, cut to ``width`` characters."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"
