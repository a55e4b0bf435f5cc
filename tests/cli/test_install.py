"""A non-editable install runs from any folder on the bundled corpus and a per-user folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.cli.conftest import ROOT


def test_wheel_bundles_the_articles_and_runs_from_elsewhere(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tui/bundled_articles/000_9154f6903408afad.md" in names
    assert "tui/bundled_articles/entities.toml" in names
    assert "tui/core/entities/known_entities.toml" in names
    assert "tui/ui/app.tcss" in names

    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "IRANPAK_WORKSPACE"}
    env |= {"PYTHONPATH": str(target), "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    listing = subprocess.run(
        [sys.executable, "-m", "tui", "list", "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listing.returncode == 0, listing.stderr
    assert '"000_9154f6903408afad"' in listing.stdout
    user_articles = tmp_path / "data" / "iranpak-reader" / "articles"
    assert (user_articles / "entities.toml").is_file()
    assert len(list(user_articles.glob("*.md"))) == 5
    assert (tmp_path / "data" / "iranpak-reader" / "annotations").is_dir()
