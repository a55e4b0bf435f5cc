"""Shared fixtures: the bundled corpus, and workspaces in temporary folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.core.corpus import Corpus, load_corpus

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"


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
