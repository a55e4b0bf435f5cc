"""Every workspace knows the package's built-in entities; its own entities file adds to them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

STORY = "Iran and Pakistan will meet next year in Tehran and Islamabad over USD 50 million in trade."


def test_a_new_workspace_anywhere_finds_the_countries_and_capitals(cli: Any, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = cli("--workspace", str(tmp_path / "fresh"), "entities", str(story), "--json")
    assert result.code == 0, result.err
    assert not (tmp_path / "fresh" / "articles" / "entities.toml").exists()
    found = {m["canonical"] for m in result.json["mentions"]}
    assert {"Iran", "Pakistan", "Tehran", "Islamabad"} <= found


def test_a_fifo_as_the_entities_file_is_reported_and_the_built_in_entities_still_work(
    cli: Any, tmp_path: Path
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    (tmp_path / "ws" / "articles").mkdir(parents=True)
    os.mkfifo(tmp_path / "ws" / "articles" / "entities.toml")
    result = cli("--workspace", str(tmp_path / "ws"), "entities", str(story), "--json")
    assert result.code == 0, result.err
    assert "entities.toml" in result.err and "FIFO" in result.err and "Traceback" not in result.err
    assert {"Iran", "Tehran"} <= {m["canonical"] for m in result.json["mentions"]}
