"""Export and import through the command line: every export reads back, and no import loses local work."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import assert_one_line_error
from tests.conftest import ARTICLES

HOSTILE_TAG = "سیاست [b]x[/b] \x1b]52;c;Zm9v\x07"
#: The fields a user sees and edits, compared across a round trip.
KEPT = ("id", "article", "start", "end", "quote", "prefix", "suffix", "tags", "note", "created", "modified")


def bound(cli: Any, folder: Path) -> Any:
    """``cli`` run in the workspace ``folder``, failing the test on a non-zero exit."""

    def run(*args: str) -> Any:
        result = cli("--workspace", str(folder), *args)
        assert result.code == 0, (args, result.err)
        return result

    return run


@pytest.fixture
def coded(cli: Any, workspace: Path) -> Any:
    """A workspace with tags (one hostile, one recoloured), notes, a note alone, a highlight,
    auto-coded matches and an annotation on 004, which the fresh workspace will not have."""
    run = bound(cli, workspace)
    run("tag", "003", "--quote", "Mohsin Naqvi", "--occurrence", "1", "--tag", "people", "--tag", HOSTILE_TAG,
        "--note", "interior minister\nline two 🇮🇷🤝🇵🇰")  # fmt: skip
    run("tag", "000", "--quote", "$10 billion", "--occurrence", "1", "--note", "a note alone")
    run("tag", "002", "--quote", "Pakistan", "--occurrence", "1")
    run("tag", "--match", "Tehran", "--article", "001", "--tag", "capital")
    run("tag", "004", "--quote", "Pakistan", "--occurrence", "1", "--tag", "orphan-to-be")
    run("tags", "--colour", "people", "#61afef")
    return run


def _fresh(tmp_path: Path) -> Path:
    """A new workspace holding every bundled article but 004."""
    folder = tmp_path / "fresh"
    shutil.copytree(ARTICLES, folder / "articles")
    for path in (folder / "articles").glob("004_*.md"):
        path.unlink()
    return folder


def _kept(annotations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The annotations' user-visible fields, by id."""
    return sorted(({key: a[key] for key in KEPT} for a in annotations), key=lambda a: a["id"])


@pytest.mark.parametrize("kind", ["native", "w3c"])
def test_everything_export_writes_import_reads_back(cli: Any, coded: Any, tmp_path: Path, kind: str) -> None:
    stored = coded("annotations", "--json").json["annotations"]
    kinds = {("tagged" if a["tags"] else "note" if a["note"] else "highlight") for a in stored}
    assert kinds == {"tagged", "note", "highlight"}
    out = tmp_path / f"export.{kind}.json"
    assert coded("export", "--format", kind, "-o", str(out), "--json").json["annotations"] == len(stored)
    fresh = bound(cli, _fresh(tmp_path))
    report = fresh("import", str(out), "--json").json
    assert len(report["added"]) == len(stored) and report["conflicts"] == []
    orphans = [a["id"] for a in stored if a["article"].startswith("004")]
    assert report["orphaned"] == orphans and len(orphans) == 1
    imported = fresh("annotations", "--json").json["annotations"]
    assert _kept(imported) == _kept(stored)
    if kind == "native":
        unsynced = [{**t, "synced": ""} for t in fresh("tags", "--json").json["tags"]]
        assert unsynced == coded("tags", "--json").json["tags"]
    again = fresh("import", str(out), "--json").json
    assert len(again["skipped"]) == len(stored) and not again["added"] and not again["updated"]


def test_an_import_with_a_time_that_is_not_a_time_is_refused(coded: Any, cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    coded("export", "-o", str(out))
    document = json.loads(out.read_text())
    document["annotations"][0].update(modified="zzzz", note="overwritten!")
    out.write_text(json.dumps(document))
    result = cli("--workspace", str(tmp_path), "import", str(out))
    assert_one_line_error(result, "annotations[0].modified", "not a date", "nothing was imported")


def test_a_w3c_file_with_plain_times_imports_them_as_utc(cli: Any, workspace: Path, tmp_path: Path) -> None:
    """Other tools' files often carry times without a zone; ``import --help`` says how they are read."""
    assert "read as UTC" in " ".join(cli("import", "--help").out.split())
    other_tool = tmp_path / "other.jsonld"
    other_tool.write_text(
        json.dumps(
            {
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "type": "Annotation",
                "created": "2025-11-07T10:00:00",
                "bodyValue": "from another tool",
                "target": {
                    "source": "urn:x-iranpak-reader:article:003_ae4195037769579a",
                    "selector": {"type": "TextQuoteSelector", "exact": "Mohsin Naqvi"},
                },
            }
        )
    )
    run = bound(cli, workspace)
    assert run("import", str(other_tool), "--json").json["added"]
    [annotation] = run("annotations", "--json").json["annotations"]
    assert (annotation["note"], annotation["created"]) == ("from another tool", "2025-11-07T10:00:00Z")


def test_an_import_never_drops_a_local_edit(coded: Any, workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    coded("export", "-o", str(out))
    coded("tag", "003", "--quote", "Mohsin Naqvi", "--occurrence", "1", "--tag", "local", "--note", "mine")
    document = json.loads(out.read_text())
    theirs = next(a for a in document["annotations"] if a["quote"] == "Mohsin Naqvi")
    theirs.update(note="theirs", tags=["theirs"], modified=datetime.now(UTC).isoformat())  # newer than ours
    out.write_text(json.dumps(document))
    report = coded("import", str(out), "--json")
    assert [c["id"] for c in report.json["conflicts"]] == [theirs["id"]]
    assert "conflict" in report.err and "the local copy is kept" in report.err
    kept = next(a for a in coded("annotations", "--json").json["annotations"] if a["id"] == theirs["id"])
    assert "local" in kept["tags"] and "mine" in kept["note"] and "theirs" not in kept["tags"]
    assert "1 conflict" in coded("import", str(out)).out
