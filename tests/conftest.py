"""Shared fixtures: the bundled corpus, workspaces in temporary folders, and a session's own user folders.

Every test session gets one temporary folder, made when pytest starts (before any test module
is collected) and removed when it ends, even for ``--collect-only`` or an interrupted run. The
user's folders (``HOME``, the XDG cache, data, config and state folders) point into it for the
whole session, and the variables that would move the app elsewhere (``IRANPAK_CACHE``,
``IRANPAK_WORKSPACE``) are unset, so neither the tests nor the subprocesses they start (which
inherit the environment) write into the real user cache or data folder. Hypothesis keeps no
example database, and its other files (Unicode tables, constants) go to the session's folder
rather than ``.hypothesis/`` in the working folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from tui.core.corpus import Corpus, load_corpus

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
#: The folders a program looks in for per-user files, each pointed into the session's folder.
USER_FOLDERS = {
    "HOME": "home",
    "XDG_CACHE_HOME": "home/.cache",
    "XDG_DATA_HOME": "home/.local/share",
    "XDG_CONFIG_HOME": "home/.config",
    "XDG_STATE_HOME": "home/.local/state",
}
#: Variables that would send the app's caches or workspace outside the session's folder.
APP_FOLDER_VARIABLES = ("IRANPAK_CACHE", "IRANPAK_WORKSPACE")
#: The session's folder and the environment it replaced, kept to undo both at the end.
_SESSION: dict[str, Path] = {}
_SAVED_ENVIRONMENT: dict[str, str | None] = {}

settings.register_profile("no-database", database=None)
settings.load_profile("no-database")


@pytest.hookimpl(tryfirst=True)  # before pytest's own tmp_path set-up reads the base folder
def pytest_configure(config: pytest.Config) -> None:
    """Make the session's folder and point the user's folders, and pytest's ``tmp_path``
    folders (unless ``--basetemp`` names others), into it, before collection."""
    folder = Path(tempfile.mkdtemp(prefix="iranpak-test-session-"))
    _SESSION["folder"] = folder
    if config.option.basetemp is None:
        config.option.basetemp = str(folder / "pytest")
    for name in (*USER_FOLDERS, *APP_FOLDER_VARIABLES):
        _SAVED_ENVIRONMENT[name] = os.environ.get(name)
    for name, relative in USER_FOLDERS.items():
        (folder / relative).mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(folder / relative)
    for name in APP_FOLDER_VARIABLES:
        os.environ.pop(name, None)
    set_hypothesis_home_dir(folder / "hypothesis")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Put the environment back and remove the session's folder with everything in it."""
    for name, value in _SAVED_ENVIRONMENT.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    set_hypothesis_home_dir(None)
    folder = _SESSION.pop("folder", None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


#: The repository's own data folders, which no test may change (a test works on a copy).
REPOSITORY_DATA = (ARTICLES, ROOT / "annotations")


def _data_files() -> dict[Path, tuple[int, int]]:
    """Every file in the repository's data folders, with its size and modification time."""
    found: dict[Path, tuple[int, int]] = {}
    for folder in REPOSITORY_DATA:
        for path in folder.rglob("*") if folder.is_dir() else ():
            if path.is_file():
                stat = path.stat()
                found[path] = (stat.st_size, stat.st_mtime_ns)
    return found


@pytest.fixture(autouse=True)
def repository_data_untouched() -> object:
    """Fail a test that wrote into the repository's articles or annotations instead of a copy."""
    before = _data_files()
    yield
    after = _data_files()
    if after != before:
        changed = sorted(
            str(p.relative_to(ROOT))
            for p in set(before) ^ set(after) | {p for p in set(before) & set(after) if before[p] != after[p]}
        )
        pytest.fail(f"the test changed the repository's data: {', '.join(changed)}")


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The five bundled articles, loaded once."""
    return load_corpus(ARTICLES)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A temporary workspace holding a copy of the bundled articles."""
    shutil.copytree(ARTICLES, tmp_path / "articles")
    (tmp_path / "annotations").mkdir()
    return tmp_path


def make_not_a_file(path: Path, kind: str) -> Path:
    """Put at ``path`` what is not a regular file: a "folder", a "fifo" or a "loop" (a symlink to itself)."""
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(path)
    return path
