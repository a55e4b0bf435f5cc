""".ci/run: the README's test command, then the static checks, each run and each able to fail CI.

The script runs in a copy of itself in a temporary tree whose README's command makes a fake
virtual environment: its pytest, ruff, mypy and lint-imports write down how they were called and
fail when told to, so what the script runs and how it ends are seen without installing anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CHECKS = ["ruff check .", "ruff format --check .", "mypy --strict tui", "lint-imports"]
#: Each fake tool: its name and arguments go to the log; it exits with $CI_STATUS when they are $CI_FAIL.
TOOL = """#!/usr/bin/env bash
line="$(basename "$0")${*:+ $*}"
echo "$line" >> "$CI_LOG"
[ "$line" = "${CI_FAIL:-}" ] && exit "${CI_STATUS:-1}"
exit 0
"""
#: The fake python3 the README's command calls: "-m venv .venv" makes .venv/bin with the tools.
PYTHON = """#!/usr/bin/env bash
mkdir -p .venv/bin
for tool in pytest ruff mypy lint-imports; do cp "$FAKE_TOOL" ".venv/bin/$tool"; done
"""


def run_ci(
    tmp_path: Path, fail: str = "", status: int = 1
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """.ci/run in a fake checkout with ``fail`` (a tool and its arguments) exiting with ``status``."""
    tree, fakes = tmp_path / "checkout", tmp_path / "fakes"
    (tree / ".ci").mkdir(parents=True)
    fakes.mkdir()
    shutil.copy(ROOT / ".ci" / "run", tree / ".ci" / "run")
    (tree / "README.md").write_text("# x\n\n```sh\npython3 -m venv .venv && .venv/bin/pytest -q\n```\n")
    for name, text in (("tool", TOOL), ("python3", PYTHON)):
        (fakes / name).write_text(text)
        (fakes / name).chmod(0o755)
    log = tmp_path / "log"
    env = {
        **os.environ,
        "PATH": f"{fakes}{os.pathsep}{os.environ['PATH']}",
        "FAKE_TOOL": str(fakes / "tool"),
        "CI_LOG": str(log),
        "CI_FAIL": fail,
        "CI_STATUS": str(status),
    }
    result = subprocess.run(
        ["bash", str(tree / ".ci" / "run")], env=env, capture_output=True, text=True, timeout=60
    )
    return result, log.read_text().splitlines() if log.exists() else []


def test_the_tests_then_every_static_check_run_and_pass(tmp_path: Path) -> None:
    result, ran = run_ci(tmp_path)
    assert result.returncode == 0, result.stderr
    assert ran == ["pytest -q", *CHECKS]
    shown = [line for line in result.stdout.splitlines() if line.startswith("+ ")]
    assert shown == [
        "+ python3 -m venv .venv && .venv/bin/pytest -q",
        *(f"+ .venv/bin/{check}" for check in CHECKS),
    ]


@pytest.mark.parametrize("check", CHECKS)
def test_a_failing_check_fails_ci_and_the_others_still_run(tmp_path: Path, check: str) -> None:
    result, ran = run_ci(tmp_path, fail=check)
    assert result.returncode == 1
    assert ran == ["pytest -q", *CHECKS]
    assert result.stderr == f".ci/run: failed: .venv/bin/{check}\n"


def test_failing_tests_keep_their_status_and_the_checks_still_run(tmp_path: Path) -> None:
    result, ran = run_ci(tmp_path, fail="pytest -q", status=2)
    assert result.returncode == 2
    assert ran == ["pytest -q", *CHECKS]


def test_a_suite_that_did_not_load_fails_ci(tmp_path: Path) -> None:
    result, ran = run_ci(tmp_path, fail="pytest -q", status=5)
    assert result.returncode == 1
    assert "pytest collected no tests" in result.stderr
    assert ran == ["pytest -q"]
