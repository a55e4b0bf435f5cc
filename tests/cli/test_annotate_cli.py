"""The annotation commands end to end: tag, auto-code, list, codebook, export, import, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import assert_one_line_error

ARTICLE = "003_ae4195037769579a"


@pytest.fixture
def ws(cli: Any, workspace: Path) -> Any:
    """``cli`` bound to a temporary workspace."""

    def run(*args: str) -> Any:
        return cli("--workspace", str(workspace), *args)

    return run


def test_tag_a_quote_then_list_it(ws: Any) -> None:
    made = ws(
        "tag",
        "003",
        "--quote",
        "Mohsin Naqvi",
        "--occurrence",
        "1",
        "--tag",
        "people",
        "--note",
        "[b]x[/b]",
        "--json",
    )
    assert made.code == 0, made.err
    annotation = made.json
    assert (annotation["article"], annotation["quote"], annotation["tags"]) == (
        ARTICLE,
        "Mohsin Naqvi",
        ["people"],
    )
    listed = ws("annotations", "--json", "--tag", "people").json["annotations"]
    assert [a["id"] for a in listed] == [annotation["id"]]
    assert listed[0]["anchor"] == {"status": "exact", "start": annotation["start"], "end": annotation["end"]}
    assert listed[0]["note"] == "[b]x[/b]"
    again = ws(
        "tag", "003", "--quote", "Mohsin Naqvi", "--occurrence", "1", "--tag", "interior", "--json"
    ).json
    assert again["id"] == annotation["id"] and again["tags"] == ["people", "interior"]


def test_quote_errors_are_one_line(ws: Any) -> None:
    assert_one_line_error(ws("tag", "003", "--quote", "not in the article", "--tag", "x"), "quote not found")
    assert_one_line_error(
        ws("tag", "003", "--quote", "Larijani", "--tag", "x"), "appears 6 times", "--occurrence"
    )
    assert_one_line_error(ws("tag", "003", "--quote", "Larijani", "--occurrence", "9", "--tag", "x"), "1–6")
    assert_one_line_error(ws("tag", "nope", "--quote", "x", "--tag", "x"), "no such article")
    assert_one_line_error(ws("tag", "--match", "([", "--tag", "x"), "not a valid regular expression")


def test_auto_coding_creates_no_duplicates(ws: Any) -> None:
    first = ws("tag", "--match", r"\$10 ?b(illion|n)?\b", "--tag", "trade-target")
    assert first.code == 0, first.err
    created = int(first.out.split()[0])
    assert created >= 4
    assert ws("tag", "--match", r"\$10 ?b(illion|n)?\b", "--tag", "trade-target").out.startswith("0 created")
    listed = ws("annotations", "--json", "--tag", "trade-target").json["annotations"]
    assert len(listed) == created
    assert all(a["quote"].startswith("$10") for a in listed)
    one = ws("tag", "--match", "Larijani", "--article", "003", "--tag", "larijani", "--json").json
    assert one["created"] == 6


def test_codebook_rename_merge_delete(ws: Any) -> None:
    ws("tag", "003", "--quote", "Mohsin Naqvi", "--occurrence", "1", "--tag", "people", "--tag", "pakistan")
    ws("tag", "--match", "Larijani", "--article", "003", "--tag", "persons")
    assert {t["name"]: t["count"] for t in ws("tags", "--json").json["tags"]} == {
        "people": 1,
        "pakistan": 1,
        "persons": 6,
    }
    assert ws("tags", "--merge", "persons", "--into", "people").code == 0
    assert ws("tags", "--rename", "people", "actors").code == 0
    assert ws("tags", "--colour", "actors", "#123456").code == 0
    assert ws("tags", "--delete", "pakistan").code == 0
    tags = ws("tags", "--json").json["tags"]
    assert [(t["name"], t["count"], t["colour"]) for t in tags] == [("actors", 7, "#123456")]
    assert_one_line_error(ws("tags", "--rename", "missing", "x"), "no such tag")


def test_export_import_round_trip_and_reports(ws: Any, cli: Any, tmp_path: Path) -> None:
    ws("tag", "--match", "Larijani", "--article", "003", "--tag", "larijani")
    ws("tag", "003", "--quote", "Mohsin Naqvi", "--occurrence", "1", "--tag", "people", "--note", "🇵🇰 note")
    native_file, w3c_file = tmp_path / "n.json", tmp_path / "w.json"
    written = ws("export", "-o", str(native_file))
    assert written.code == 0 and "wrote 7 annotations" in written.err
    assert ws("export", "--format", "w3c", "-o", str(w3c_file)).code == 0
    assert json.loads(ws("export", "--format", "w3c").out)["total"] == 7
    other = tmp_path / "other"
    (other / "annotations").mkdir(parents=True)
    import shutil

    shutil.copytree(Path(__file__).resolve().parents[2] / "articles", other / "articles")
    dry = cli("--workspace", str(other), "import", str(native_file), "--dry-run", "--json").json
    assert len(dry["added"]) == 7 and dry["dry_run"]
    assert cli("--workspace", str(other), "annotations", "--json").json["annotations"] == []
    report = cli("--workspace", str(other), "import", str(native_file))
    assert report.out.startswith("7 added, 0 updated, 0 skipped, 0 orphaned, 0 conflicts, 2 new tags")
    assert cli("--workspace", str(other), "import", str(w3c_file)).out.startswith(
        "0 added, 0 updated, 7 skipped"
    )
    again = cli("--workspace", str(other), "export").json
    imported = [{**a, "synced": ""} for a in again["annotations"]]  # marked as imported, the rest equal
    assert imported == json.loads(native_file.read_text())["annotations"]
    assert all(a["synced"] == a["modified"] for a in again["annotations"])


def test_bad_imports_and_exports_are_one_line(ws: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "iranpak-reader/annotations", "version": 1, "annotations": [{"id": 3}]}')
    assert_one_line_error(ws("import", str(bad)), "annotations[0].id", "nothing was imported")
    bad.write_bytes(b"\xff\xfe not json")
    assert_one_line_error(ws("import", str(bad)), "not valid JSON")
    assert_one_line_error(ws("import", str(tmp_path / "missing.json")), "cannot read")
    assert_one_line_error(ws("export", "-o", "/proc/forbidden/export.json"), "cannot write")
    assert_one_line_error(ws("export", "-o", str(tmp_path)), "is a folder")


def test_corrupt_store_is_one_line_and_untouched(ws: Any, workspace: Path) -> None:
    snapshot = workspace / "annotations" / "annotations.json"
    snapshot.write_bytes(b'{"format": "iranpak-reader/store", "version": 7, "tables": {}}')
    before = snapshot.read_bytes()
    for args in (
        ("annotations", "--json"),
        ("tag", "003", "--quote", "Mohsin Naqvi", "--occurrence", "1", "--tag", "x"),
    ):
        assert_one_line_error(ws(*args), str(snapshot), "newer iranpak-reader")
    assert snapshot.read_bytes() == before
