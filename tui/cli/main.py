"""The ``iranpak-reader`` entry point: parse arguments, run a subcommand or open the app.

Every failure ends here as one line on stderr and a non-zero exit code, never a traceback
(set ``IRANPAK_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from tui import __version__
from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.core.bidi_text import BIDI_MODES
from tui.core.safe_text import one_line
from tui.core.store import StoreError
from tui.core.user_files import UserFileError
from tui.core.workspace import ENV_VAR

EXIT_INTERNAL = 70
#: As argparse exits for a command line it cannot take.
EXIT_USAGE = 2

#: The subcommands' names. Without one of them (or --help) on the command line the app opens,
#: and the subcommands' modules are not imported: they cost a third of the app's start-up.
COMMANDS = frozenset(
    {"list", "entities", "tag", "annotations", "tags", "export", "import", "timeline"}
    | {"xref", "related", "same", "search", "add", "segments", "matrix", "report"}
    | {"attrs"}
    | {"memo"}
)


def _options_parser() -> argparse.ArgumentParser:
    """The parser of the options that come before any command (enough to open the app)."""
    parser = argparse.ArgumentParser(
        prog="iranpak-reader",
        description="Read and annotate news on Iran–Pakistan relations. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        help=f"folder holding articles/ and annotations/ (created if missing; default: ${ENV_VAR}, "
        "the checkout, or your user data folder)",
    )
    parser.add_argument(
        "--bidi",
        choices=BIDI_MODES,
        default="app",
        help="who puts right-to-left text (Persian, Urdu, Arabic) in reading order: the app (default; "
        "for tmux, xterm and most terminals) or the terminal (VTE, Konsole, mlterm, which do it themselves)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from tui.cli.commands import (
        add,
        attrs,
        entities,
        export,
        import_annotations,
        list_annotations,
        list_articles,
        matrix,
        memo,
        related,
        report,
        same,
        search,
        segments,
        tag,
        tags,
        timeline,
        xref,
    )

    parser = _options_parser()
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in (
        list_articles,
        entities,
        tag,
        list_annotations,
        tags,
        export,
        import_annotations,
        timeline,
        xref,
        related,
        same,
        search,
        add,
        segments,
        matrix,
        report,
        attrs,
        memo,
    ):
        command.register(subparsers)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line. With no command (nor help) named, only the options are parsed
    and the commands' modules are not imported; anything else goes to the whole parser."""
    if not any(argument in COMMANDS or argument in ("-h", "--help") for argument in argv):
        args, rest = _options_parser().parse_known_args(argv)
        if not rest:
            return args
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    from tui.cli.terminal import terminal_safe_output

    with terminal_safe_output():  # argparse echoes the arguments it refuses
        args = parse(sys.argv[1:] if argv is None else list(argv))
    if (problem := _undecodable(args)) is not None:
        return _fail(problem, EXIT_USAGE)
    context = Context(args.workspace)
    try:
        run = getattr(args, "run", None)
        if run is None:
            from tui.ui.launch import launch

            return launch(context.workspace, args.bidi)
        with terminal_safe_output():
            return int(run(args, context))
    except CliError as error:
        return _fail(str(error), error.code)
    except StoreError as error:
        return _fail(f"annotation store {error}", 1)
    except UserFileError as error:
        return _fail(str(error), 1)
    except BrokenPipeError:  # the reader went away (``| head``): not an error, and nothing to say
        _discard_stdout()
        return 0
    except OSError as error:
        return _fail(str(error), 1)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as error:
        from tui.core.annotations.model import InvalidAnnotation  # here: opening the app need not load it

        if isinstance(error, InvalidAnnotation):  # a passage or text that cannot be stored: the user's
            return _fail(str(error), 1)
        if os.environ.get("IRANPAK_DEBUG"):
            raise
        return _fail(f"internal error: {type(error).__name__}: {error}", EXIT_INTERNAL)
    finally:
        with contextlib.suppress(Exception):
            context.close()


#: Arguments that name files: a file name need not be UTF-8 (Linux allows any bytes but / and NUL).
_PATH_ARGUMENTS = frozenset({"workspace", "paths", "file", "output", "article"})


def _undecodable(args: argparse.Namespace) -> str | None:
    """What is wrong with the first text argument that is not valid UTF-8, naming it; None if all are.

    Python keeps such bytes as lone surrogates, which no store, export or terminal takes (a tag
    named so could never be saved). File names are left alone: the file system takes them.
    """
    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS:
            continue
        for argument in value if isinstance(value, list | tuple) else [value]:
            if not isinstance(argument, str):
                continue
            try:
                argument.encode("utf-8")
            except UnicodeEncodeError:
                try:  # the bytes as they were typed: \xff
                    raw = argument.encode("utf-8", "surrogateescape")
                except UnicodeEncodeError:  # a surrogate no byte makes (given to main() directly)
                    raw = argument.encode("utf-8", "backslashreplace")
                shown = raw.decode("utf-8", "backslashreplace")
                return f"the {name} argument '{shown[:80]}' is not valid UTF-8 text; nothing was done"
    return None


def _fail(message: str, code: int) -> int:
    """Print one line on stderr and return the exit code."""
    sys.stderr.write(f"iranpak-reader: {one_line(message)}\n")
    return code


def _discard_stdout() -> None:
    """Point stdout at the null device, so output still buffered for a closed pipe is dropped
    quietly rather than failing again when Python flushes it at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def entry() -> None:
    """Console-script wrapper: exit with ``main``'s code; a closed pipe is not an error."""
    try:
        try:
            code: int | str | None = main()
        except SystemExit as exiting:  # argparse's --help and usage errors: flushed below too
            code = exiting.code
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        code = 0
    sys.exit(code)
