"""Opening the app parses only the options; naming a command (or asking for help) parses it all."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from tests.cli.conftest import ROOT
from tui.cli import main


def test_the_command_names_are_the_parsers() -> None:
    subparsers = next(a for a in main.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(subparsers.choices) == main.COMMANDS


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], None),
        (["--workspace", "/tmp/w"], None),
        (["--workspace", "list"], None),  # a folder named like a command: still no command
        (["list", "--json"], "list"),
        (["--workspace", "/tmp/w", "timeline", "--json"], "timeline"),
    ],
)
def test_with_or_without_a_command(argv: list[str], command: str | None) -> None:
    args = main.parse(argv)
    assert (getattr(args, "run", None) is None) == (command is None)


def test_opening_the_app_imports_no_command_module() -> None:
    code = (
        "import sys\n"
        "import tui.ui.launch as launch\n"
        "launch.launch = lambda workspace, bidi: 0\n"
        "from tui.cli import main\n"
        "assert main.main(['--workspace', sys.argv[1]]) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith(('tui.cli.commands.', 'tui.core.store.', 'tinydb'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['tui.core.store.errors']"


def test_an_unknown_option_still_gets_the_whole_parsers_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main.parse(["--bogus"])
    assert exit_.value.code == 2
    assert "COMMAND" in capsys.readouterr().err  # the usage of the parser that knows the commands
