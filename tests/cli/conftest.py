"""Running the real command line in a subprocess, with bounded time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass
class Result:
    """What a CLI run printed and returned."""

    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        """Stdout parsed as JSON."""
        return json.loads(self.out)


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> Result:
    """Run ``python -m tui ARGS`` and capture everything.

    The process inherits the session's environment, whose user folders (and so the caches of
    the workspaces the tests make) are in the session's temporary folder (``tests/conftest.py``).
    """
    return _run([sys.executable, "-m", "tui", *args], cwd, env)


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Result:
    """Run a command with the session's environment (no IRANPAK_WORKSPACE) plus ``env``, captured."""
    full_env = {k: v for k, v in os.environ.items() if k != "IRANPAK_WORKSPACE"}
    full_env.update(env or {})
    completed = subprocess.run(command, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=120)
    return Result(completed.returncode, completed.stdout, completed.stderr)


#: Runs the CLI with the store's lock refused for want of permission, so the store opens read-only
#: (as for a folder it may not write, which root, running these tests in a container, still could).
_READ_ONLY_MAIN = (
    "import sys, filelock\n"
    "def refuse(*args, **kwargs): raise PermissionError(13, 'Permission denied')\n"
    "filelock.FileLock.acquire = refuse\n"
    "from tui.cli.main import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def run_cli_read_only(workspace: Path, *args: str) -> Result:
    """Run the CLI on ``workspace`` with its store opened read-only."""
    return _run([sys.executable, "-c", _READ_ONLY_MAIN, "--workspace", str(workspace), *args], ROOT)


@pytest.fixture
def cli() -> Any:
    """The ``run_cli`` helper."""
    return run_cli
