"""``iranpak-reader add`` end to end: files and folders in, the corpus and its timeline and xref out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.cli.conftest import ROOT
from tests.cli.test_cli import assert_one_line_error

STORY = """Naqvi and Momeni agree on border crossings

ISLAMABAD, Dec 2, 2025 (APP) – Interior Minister Mohsin Naqvi met Iran’s Interior Minister
Eskandar Momeni in Islamabad on Tuesday and agreed to open two more border crossings.

Ali Larijani welcomed the agreement, saying trade could reach $10 billion.
"""

#: An article whose front matter nests 2,000 arrays in 4 KB (each is a call in the TOML reader).
DEEP_ARTICLE = '+++\ntitle = "Deep"\nx = ' + "[" * 2000 + "]" * 2000 + "\n+++\n\nBody text.\n"


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


def test_list_names_a_fifo_in_the_articles_and_lists_the_others(cli: Any, workspace: Path) -> None:
    """A FIFO is never opened (opening one for reading waits for a writer, forever)."""
    os.mkfifo(workspace / "articles" / "zz_pipe.md")
    result = cli("--workspace", str(workspace), "list", "--json")  # bounded: run_cli has a timeout
    assert result.code == 0 and len(result.json["articles"]) == 5
    assert result.json["problems"] == [
        {
            "path": str(workspace / "articles" / "zz_pipe.md"),
            "problem": "is a FIFO (named pipe), not a regular file",
        }
    ]
    assert result.err.count("\n") == 1 and "zz_pipe.md" in result.err


def test_list_reports_front_matter_nested_too_deeply_and_lists_the_others(cli: Any, workspace: Path) -> None:
    (workspace / "articles" / "deep.md").write_text(DEEP_ARTICLE, encoding="utf-8")
    result = cli("--workspace", str(workspace), "list", "--json")
    assert result.code == 0 and len(result.json["articles"]) == 5
    (problem,) = result.json["problems"]
    assert problem["path"].endswith("deep.md") and "nested too deeply" in problem["problem"]
    assert "Traceback" not in result.err and "internal error" not in result.err


def test_add_folder_goes_past_files_that_hang_or_break_the_parser(
    cli: Any, workspace: Path, tmp_path: Path
) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "a_deep.md").write_text(DEEP_ARTICLE, encoding="utf-8")
    os.mkfifo(incoming / "b_pipe.txt")
    (incoming / "c_story.txt").write_text(STORY, encoding="utf-8")
    result = cli("--workspace", str(workspace), "add", str(incoming), "--json")
    assert result.code == 1
    files = {Path(f["path"]).name: f for f in result.json["files"]}
    assert files["a_deep.md"]["status"] == "failed" and "nested too deeply" in files["a_deep.md"]["message"]
    assert files["b_pipe.txt"]["status"] == "failed" and "FIFO" in files["b_pipe.txt"]["message"]
    assert files["c_story.txt"]["status"] == "added"
    assert result.err.count("\n") == 2 and "Traceback" not in result.err


def _add_at_once(workspace: Path, files: list[Path]) -> list[dict[str, Any]]:
    """Run one ``add --json`` per file, all at once, in real processes; each one's outcome."""
    env = {k: v for k, v in os.environ.items() if k != "IRANPAK_WORKSPACE"}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tui", "--workspace", str(workspace), "add", str(path), "--json"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files
    ]
    outcomes = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        outcomes += json.loads(out)["files"]
    return outcomes


def test_the_same_file_added_by_four_processes_at_once_is_added_once(workspace: Path, tmp_path: Path) -> None:
    for trial in range(5):
        story = tmp_path / f"story{trial}.txt"
        story.write_text(STORY.replace("two more", f"{trial + 2} more"), encoding="utf-8")
        outcomes = _add_at_once(workspace, [story] * 4)
        added = [o for o in outcomes if o["status"] == "added"]
        assert len(added) == 1, outcomes
        assert all(
            o["status"] == "skipped" and added[0]["article"] in o["message"]
            for o in outcomes
            if o not in added
        )
    names = sorted(p.name for p in (workspace / "articles").glob("*.md"))
    assert len(names) == 10 and [name[:3] for name in names[5:]] == ["005", "006", "007", "008", "009"]


def test_different_files_added_at_once_get_different_numbers(workspace: Path, tmp_path: Path) -> None:
    stories = []
    for number in range(4):
        story = tmp_path / f"other{number}.txt"
        story.write_text(STORY.replace("two more", f"{number + 10} more"), encoding="utf-8")
        stories.append(story)
    outcomes = _add_at_once(workspace, stories)
    assert [o["status"] for o in outcomes] == ["added"] * 4
    assert sorted(o["article"][:3] for o in outcomes) == ["005", "006", "007", "008"]


def test_one_folder_added_by_three_processes_at_once_is_added_once(workspace: Path, tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for number in range(12):
        (folder / f"{number:02d}.txt").write_text(
            STORY.replace("two more", f"{number + 20} more"), encoding="utf-8"
        )
    outcomes = _add_at_once(workspace, [folder] * 3)
    added = [o["article"] for o in outcomes if o["status"] == "added"]
    assert len(added) == 12 and len(outcomes) == 36
    assert sorted(a[:3] for a in added) == [f"{n:03d}" for n in range(5, 17)]
    assert len(list((workspace / "articles").glob("*.md"))) == 17
