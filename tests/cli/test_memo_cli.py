"""``iranpak-reader memo``: list, read, write, append and delete memos; bad input is one line."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import run_cli_read_only
from tests.cli.test_cli import assert_one_line_error
from tests.conftest import make_not_a_file


@pytest.fixture
def ws(cli: Any, workspace: Path) -> Any:
    """``cli`` bound to a temporary workspace whose codebook has the tag ``trade``."""
    run = functools.partial(cli, "--workspace", str(workspace))
    made = run("tag", "--match", "Ishaq Dar", "--article", "004", "--tag", "trade")
    assert made.code == 0, made.err
    return run


def test_write_read_append_and_delete_a_tag_memo(ws: Any) -> None:
    assert ws("memo", "--tag", "trade").out == "no memo on tag trade\n"
    saved = ws("memo", "--tag", "trade", "--set", "Trade volumes.\nTargets and barter.")
    assert saved.code == 0, saved.err
    assert saved.out == "saved the memo on tag trade (2 lines)\n"
    assert ws("memo", "--tag", "trade", "--append", "  Not tourism.  ").code == 0
    assert ws("memo", "--tag", "trade").out == "Trade volumes.\nTargets and barter.\n\nNot tourism.\n"
    shown = ws("memo", "--tag", "trade", "--json").json
    assert shown["kind"] == "tag" and shown["target"] == "trade"
    assert shown["created"] <= shown["modified"]
    assert ws("memo", "--tag", "trade", "--set", "").out == "deleted the memo on tag trade\n"
    assert ws("memo", "--tag", "trade", "--json").out.strip() == "null"
    assert ws("memo", "--json").json == {"memos": []}


def test_the_list_names_each_memo_with_its_first_line(ws: Any, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("\n  Project aims: compare outlets.\nSecond line.\n", encoding="utf-8")
    assert ws("memo", "--project", "--file", str(notes)).code == 0
    assert ws("memo", "--article", "003", "--set", "Naqvi's visit, as Dawn tells it.").code == 0
    assert ws("memo", "--tag", "trade", "--append", "Trade.").code == 0
    listing = ws("memo")
    assert listing.code == 0, listing.err
    rows = [line.split(None, 4) for line in listing.out.splitlines()]
    assert rows[0][:2] == ["KIND", "TARGET"]
    assert [(row[0], row[1]) for row in rows[1:]] == [
        ("project", "-"),
        ("tag", "trade"),
        ("article", "003_ae4195037769579a"),
    ]
    assert rows[1][-1].endswith("Project aims: compare outlets.")
    memos = ws("memo", "--json").json["memos"]
    assert [m["kind"] for m in memos] == ["project", "tag", "article"]
    assert memos[0]["text"] == notes.read_text(encoding="utf-8")


def test_writing_the_same_text_again_changes_nothing(ws: Any) -> None:
    assert ws("memo", "--project", "--set", "Aims.").code == 0
    before = ws("memo", "--project", "--json").json
    again = ws("memo", "--project", "--set", "Aims.")
    assert again.out == "memo on the project unchanged\n"
    assert ws("memo", "--project", "--json").json == before


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--tag", "no-such-tag"], "no tag called 'no-such-tag'"),
        (["--tag", "no-such-tag", "--set", "x"], "no tag called"),
        (["--article", "999"], "999: no such article"),
        (["--article", "0", "--set", "x"], "ambiguous id prefix"),
        (["--set", "x"], "say which memo to write"),
        (["--project", "--append", "   "], "--append: give some text"),
    ],
)
def test_bad_input_is_one_line(ws: Any, args: list[str], needle: str) -> None:
    assert_one_line_error(ws("memo", *args), needle)
    assert ws("memo", "--json").json == {"memos": []}


@pytest.mark.parametrize("kind", ["folder", "fifo", "missing", "huge", "binary"])
def test_a_file_that_cannot_be_a_memo_is_one_line(ws: Any, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "memo.md"
    if kind == "huge":
        with path.open("wb") as out:
            out.truncate(5 * 1024 * 1024)
    elif kind == "binary":
        path.write_bytes(b"caf\xe9 \xff\xfe")
    elif kind != "missing":
        make_not_a_file(path, kind)
    result = ws("memo", "--project", "--file", str(path))
    assert_one_line_error(result, str(path))
    assert ws("memo", "--json").json == {"memos": []}


def test_a_read_only_store_refuses_a_write_in_one_line(workspace: Path) -> None:
    done = run_cli_read_only(workspace, "memo", "--project", "--set", "x")
    assert_one_line_error(done, "read-only")


def test_search_with_memos_finds_memo_lines(ws: Any) -> None:
    assert (
        ws("memo", "--tag", "trade", "--set", "Definition.\nTrade volumes and the Border Markets.").code == 0
    )
    assert ws("memo", "--project", "--set", "Nothing to find here.").code == 0
    plain = ws("search", "border markets", "--json").json
    assert "memos" not in plain
    found = ws("search", "border markets", "--memos", "--json")
    assert found.code == 0, found.err
    assert found.json["articles"] == plain["articles"]
    assert found.json["memos"] == [
        {
            "kind": "memo",
            "memo": "tag",
            "target": "trade",
            "about": "tag trade",
            "matches": 1,
            "line": "Trade volumes and the Border Markets.",
        }
    ]
    table = ws("search", "border markets", "--memos").out.splitlines()
    assert table[-1].startswith("memo on tag trade") and table[-1].endswith("the Border Markets.")
    assert ws("search", "no such words anywhere", "--memos", "--json").json["memos"] == []


def test_search_memos_with_where_keeps_the_memos_of_the_articles_that_pass(ws: Any) -> None:
    assert ws("attrs", "003", "--set", "outlet=Dawn").code == 0
    for article in ("003", "004"):
        assert ws("memo", "--article", article, "--set", f"Gwadar port, as {article} has it.").code == 0
    assert ws("memo", "--project", "--set", "Gwadar port throughout.").code == 0
    found = ws("search", "gwadar port", "--memos", "--where", "outlet=Dawn", "--json")
    assert found.code == 0, found.err
    assert [(m["memo"], m["target"][:3]) for m in found.json["memos"]] == [
        ("project", ""),
        ("article", "003"),
    ]
    everything = ws("search", "gwadar port", "--memos", "--json").json["memos"]
    assert [m["target"][:3] for m in everything] == ["", "003", "004"]


def test_a_folder_of_tags_takes_a_memo_and_becomes_a_tag(cli: Any, workspace: Path) -> None:
    run = functools.partial(cli, "--workspace", str(workspace))
    assert run("tag", "--match", "Ishaq Dar", "--article", "004", "--tag", "framing/security").code == 0
    saved = run("memo", "--tag", "framing", "--set", "What counts as framing.")
    assert saved.code == 0, saved.err
    assert "framing" in [tag["name"] for tag in run("tags", "--json").json["tags"]]
    assert_one_line_error(run("memo", "--tag", "fram", "--set", "x"), "no tag called 'fram'")
