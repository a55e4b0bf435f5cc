"""``iranpak-reader add`` end to end: files and folders in, the corpus and its timeline and xref out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.test_cli import assert_one_line_error

STORY = """Naqvi and Momeni agree on border crossings

ISLAMABAD, Dec 2, 2025 (APP) – Interior Minister Mohsin Naqvi met Iran’s Interior Minister
Eskandar Momeni in Islamabad on Tuesday and agreed to open two more border crossings.

Ali Larijani welcomed the agreement, saying trade could reach $10 billion.
"""


def test_add_files_then_find_them_everywhere(cli: Any, workspace: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    (tmp_path / "dup.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    args = ("--workspace", str(workspace), "add")
    result = cli(*args, str(story), str(tmp_path / "dup.txt"), str(tmp_path / "bad.txt"), "--json",
                 "--source", "APP")  # fmt: skip
    assert result.code == 1  # one file failed; the others were still taken
    files = {Path(f["path"]).name: f for f in result.json["files"]}
    assert files["story.txt"]["status"] == "added" and files["dup.txt"]["status"] == "skipped"
    assert files["bad.txt"]["status"] == "failed" and "binary" in files["bad.txt"]["message"]
    assert result.err.count("\n") == 1 and "bad.txt" in result.err and "Traceback" not in result.err
    new = files["story.txt"]["article"]
    assert new.startswith("005_")
    listed = cli("--workspace", str(workspace), "list", "--json").json["articles"]
    added = next(a for a in listed if a["id"] == new)
    assert (
        added["published"] == "2025-12-02" and added["title"] == "Naqvi and Momeni agree on border crossings"
    )
    people = cli("--workspace", str(workspace), "entities", new, "--json").json["mentions"]
    assert {"person:larijani", "person:mohsin-naqvi"} <= {m["entity_id"] for m in people}
    events = cli("--workspace", str(workspace), "timeline", "--json", "--entity", "Naqvi").json["events"]
    assert any(s["article"] == new for e in events for s in e["sources"])
    xref = cli("--workspace", str(workspace), "xref", "Larijani", "--json").json
    assert new in xref["articles"]


def test_add_needs_files_and_says_so(cli: Any, workspace: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert_one_line_error(cli("--workspace", str(workspace), "add", str(tmp_path / "empty")), "no text")
    result = cli("--workspace", str(workspace), "add", "x.txt", "--published", "25/11/2025")
    assert result.code == 2 and "not a date like" in result.err


def test_commands_share_a_cache_that_a_damaged_file_cannot_fool(
    cli: Any, workspace: Path, tmp_path: Path
) -> None:
    env = {"IRANPAK_CACHE": str(tmp_path / "cache")}
    first = cli("--workspace", str(workspace), "xref", "Larijani", "--json", env=env)
    (path,) = (tmp_path / "cache").glob("*/mentions-*.json")
    assert cli("--workspace", str(workspace), "xref", "Larijani", "--json", env=env).json == first.json
    path.write_bytes(b"\x00garbage")
    again = cli("--workspace", str(workspace), "xref", "Larijani", "--json", env=env)
    assert again.code == 0 and again.json == first.json and again.err == ""
    assert path.read_bytes().startswith(b"{")  # rebuilt


def test_search_across_the_corpus(cli: Any) -> None:
    found = cli("search", "larijani", "--json").json
    assert [a["article"][:3] for a in found["articles"]] == ["001", "003", "004"]
    assert found["total"] == sum(a["matches"] for a in found["articles"]) > 3
    assert all("larijani" in m["context"].lower() for a in found["articles"] for m in a["first"])
    assert cli("search", "zzzz nothing", "--json").json["articles"] == []
    assert_one_line_error(cli("search", "  "), "give something to search for")
