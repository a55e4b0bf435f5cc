"""The scriptable command line: JSON output, workspaces, and one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tui import __version__


def assert_one_line_error(result: Any, *needles: str) -> None:
    assert result.code != 0
    assert result.out == ""
    assert result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err
    for needle in needles:
        assert needle in result.err


def test_version_and_help(cli: Any) -> None:
    assert cli("--version").out.strip() == f"iranpak-reader {__version__}"
    help_text = cli("--help").out
    for word in ("list", "entities", "--workspace", "IRANPAK_WORKSPACE"):
        assert word in help_text


def test_list_json_has_every_article(cli: Any) -> None:
    result = cli("list", "--json")
    assert result.code == 0, result.err
    data = result.json
    assert data["problems"] == []
    assert [a["id"][:3] for a in data["articles"]] == ["000", "001", "002", "003", "004"]
    first = data["articles"][0]
    assert first["published"] == "2025-11-07"
    assert first["title"].startswith("‘Now more than ever’")
    assert first["word_count"] == len(Path(first["path"]).read_text().split("+++", 2)[2].split())


def test_list_as_a_table(cli: Any) -> None:
    lines = cli("list").out.splitlines()
    assert lines[0].split() == ["ID", "PUBLISHED", "WORDS", "TITLE"]
    assert len(lines) == 6 and "2025-08-02" in lines[3]


def test_list_reports_broken_files_on_stderr_and_in_json(cli: Any, workspace: Path) -> None:
    (workspace / "articles" / "broken.md").write_bytes(b"\x00\x01binary")
    result = cli("--workspace", str(workspace), "list", "--json")
    assert result.code == 0
    assert len(result.json["articles"]) == 5
    assert result.json["problems"] == [
        {"path": str(workspace / "articles" / "broken.md"), "problem": "binary file, not text"}
    ]
    assert (
        result.err
        == f"iranpak-reader: warning: {workspace / 'articles' / 'broken.md'}: binary file, not text\n"
    )


def test_workspace_from_the_environment_is_created(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "new" / "ws"
    result = cli("list", "--json", env={"IRANPAK_WORKSPACE": str(target)})
    assert result.code == 0
    assert result.json == {"workspace": str(target), "articles": [], "problems": []}
    assert (target / "articles").is_dir() and (target / "annotations").is_dir()


def test_unusable_workspace_is_one_line(cli: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert_one_line_error(cli("--workspace", str(blocker / "ws"), "list"), str(blocker / "ws"), "cannot use")


def test_entities_of_an_article_by_id_prefix(cli: Any) -> None:
    result = cli("entities", "000", "--json")
    assert result.code == 0, result.err
    mentions = result.json["mentions"]
    assert result.json["source"] == "000_9154f6903408afad"
    qalibaf = [m for m in mentions if m["canonical"] == "Mohammad Baqer Qalibaf"]
    assert len(qalibaf) == 18
    assert {m["text"] for m in qalibaf} == {"Mohammad Baqer Qalibaf", "Qalibaf"}
    assert set(qalibaf[0]) >= {"start", "end", "text", "type", "entity_id", "canonical"}
    money = [m for m in mentions if m["type"] == "money"]
    assert {m["value"] for m in money} == {10_000_000_000}
    assert {m["text"] for m in money} == {"$10 billion", "ten billion dollars"}


def test_entities_of_any_text_file(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "other-outlet.txt"
    path.write_text(
        "Speaker Mohammad Bagher Ghalibaf met Shahbaz Sharif and Muhammad Ishaq Dar in Islamabad."
    )
    result = cli("entities", str(path), "--json")
    assert result.code == 0, result.err
    by_text = {m["text"]: m["canonical"] for m in result.json["mentions"]}
    assert by_text["Mohammad Bagher Ghalibaf"] == "Mohammad Baqer Qalibaf"
    assert by_text["Shahbaz Sharif"] == "Shehbaz Sharif"
    assert "Ishaq Dar" in by_text["Muhammad Ishaq Dar"]
    text = path.read_text()
    assert all(text[m["start"] : m["end"]] == m["text"] for m in result.json["mentions"])


@pytest.mark.parametrize(
    ("content", "needle"),
    [(b"caf\xe9", "not valid UTF-8"), (b"\x00\x00\x00", "binary file")],
)
def test_entities_of_a_bad_file_is_one_line(cli: Any, tmp_path: Path, content: bytes, needle: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert_one_line_error(cli("entities", str(path)), str(path), needle)


def test_unknown_article_is_one_line(cli: Any) -> None:
    assert_one_line_error(cli("entities", "no-such-article"), "no-such-article", "no such article")


def test_unknown_command_exits_non_zero(cli: Any) -> None:
    result = cli("frobnicate")
    assert result.code == 2 and "Traceback" not in result.err
