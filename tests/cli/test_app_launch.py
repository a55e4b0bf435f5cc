"""The console script opens the app in a real (pseudo-)terminal and quits on q."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from tests.cli.conftest import ROOT


def _read_until(
    fd: int, needle: bytes, seconds: float, process: subprocess.Popen[bytes] | None = None
) -> bytes:
    """Read from ``fd`` until ``needle`` appears, the process ends, or time runs out.

    The terminal's output must be drained all along: a full pty buffer blocks the app.
    """
    seen = b""
    deadline = time.monotonic() + seconds
    while needle not in seen and time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            break
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def test_app_starts_on_a_workspace_and_quits_with_q(workspace: Path) -> None:
    (workspace / "articles" / "broken.md").write_text("no front matter")
    controller, terminal = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "IRANPAK_WORKSPACE"}
    env |= {"TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--workspace", str(workspace)],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        cwd=ROOT,
        env=env,
        close_fds=True,
    )
    os.close(terminal)
    try:
        screen = _read_until(controller, b"Commands", 30)
        assert b"Commands" in screen, screen[-500:]
        assert b"Traceback" not in screen
        screen += _read_until(controller, b"\x00never", 1.0)
        assert b"broken.md" in screen and b"missing front matter" in screen
        os.write(controller, b"q")
        _read_until(controller, b"\x00never", 30, process)
        assert process.wait(timeout=5) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        os.close(controller)
