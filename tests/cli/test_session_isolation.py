"""A test session writes only into temporary folders it removes: never the user's cache or data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import ROOT

#: Tests that write the app's caches: in a subprocess (the app in a terminal, the CLI) and in process.
CACHE_WRITERS = (
    "tests/cli/test_app_launch.py::test_app_starts_on_a_workspace_and_quits_with_q",
    "tests/cli/test_cli.py::test_entities_of_an_article_by_id_prefix",
    "tests/ui/test_entities_file.py",
    # Hypothesis keeps files of its own (Unicode tables) in ``.hypothesis/`` of the working folder.
    "tests/fuzz/test_fuzz_journal.py::test_the_journal_decoder_reads_back_every_whole_save",
)


def _everything_under(folder: Path) -> list[str]:
    """Every file and folder under ``folder``, as paths relative to it."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize("options", [["--collect-only"], []], ids=["collect-only", "run"])
def test_a_session_leaves_nothing_in_the_user_folders_or_the_temporary_folder(
    tmp_path: Path, options: list[str]
) -> None:
    home, temporary = tmp_path / "home", tmp_path / "tmp"
    working = tmp_path / "working"
    for folder in (home, temporary, working):
        folder.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("XDG_") and key not in ("IRANPAK_CACHE", "IRANPAK_WORKSPACE")
    }
    # The user's folders as a user has them: under HOME, the XDG variables unset.
    env |= {"HOME": str(home), "TMPDIR": str(temporary)}
    session = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--rootdir={ROOT}",
            f"--config-file={ROOT / 'pyproject.toml'}",
            *options,
            *(str(ROOT / test) for test in CACHE_WRITERS),
        ],
        cwd=working,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert session.returncode == 0, session.stdout[-3000:] + session.stderr[-3000:]
    assert _everything_under(home) == []
    assert _everything_under(temporary) == []
    assert _everything_under(working) == []
