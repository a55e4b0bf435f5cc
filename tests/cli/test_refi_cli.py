"""REFI-QDA through the command line: export a project and a codebook, import them and other tools' files."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import assert_one_line_error
from tests.cli.test_exchange_cli import bound
from tests.conftest import ARTICLES

DATA = Path(__file__).resolve().parent.parent / "data" / "refi-qda"


def _fresh(tmp_path: Path) -> Path:
    """A new workspace with the bundled articles and no annotations."""
    folder = tmp_path / "fresh"
    shutil.copytree(ARTICLES, folder / "articles")
    return folder


def test_a_project_exports_imports_into_a_fresh_workspace_and_exports_the_same(
    cli: Any, workspace: Path, tmp_path: Path
) -> None:
    run = bound(cli, workspace)
    run(
        "tag",
        "003",
        "--quote",
        "Mohsin Naqvi",
        "--occurrence",
        "1",
        "--tag",
        "framing/security",
        "--note",
        "وزیر 🇮🇷",
    )
    run("tag", "--match", "Tehran", "--article", "001", "--tag", "capital")
    first = tmp_path / "one.qdpx"
    summary = run("export", "--format", "qdpx", "-o", str(first), "--json").json
    assert summary["format"] == "qdpx" and summary["annotations"] >= 2
    assert "project.qde" in zipfile.ZipFile(first).namelist()
    codebook = tmp_path / "codes.qdc"
    assert run("export", "--format", "qdc", "-o", str(codebook), "--json").json["tags"] == 2
    fresh = bound(cli, _fresh(tmp_path))
    report = fresh("import", str(first), "--json").json
    assert report["format"] == "qdpx" and len(report["added"]) == summary["annotations"]
    assert report["tags_added"] == ["capital", "framing/security"] and report["left_out"] == []
    second = tmp_path / "two.qdpx"
    fresh("export", "--format", "qdpx", "-o", str(second))
    assert second.read_bytes() == first.read_bytes()
    again = fresh("import", str(first), "--json").json
    assert not again["added"] and not again["updated"] and len(again["skipped"]) == summary["annotations"]
    assert fresh("import", str(codebook), "--json").json["format"] == "qdc"


def test_another_tools_project_brings_its_codes_and_says_what_it_left_out(cli: Any, workspace: Path) -> None:
    result = cli("--workspace", str(workspace), "import", str(DATA / "TestProject.qdpx"))
    assert result.code == 0, result.err
    assert "14 new tags (qdpx)" in result.out and "left out" in result.out
    assert "left out: 1 selection of 'Mabel.txt': its text is not in the file" in result.err
    tags = bound(cli, workspace)("tags", "--json").json["tags"]
    assert "Coke::diet Coke" in {tag["name"] for tag in tags}


def test_a_projects_sources_become_articles_with_its_codings_in_place(cli: Any, workspace: Path) -> None:
    run = bound(cli, workspace)
    first = run("import", str(DATA / "demo.qdpx"), "--json")
    assert len(first.json["added"]) == 158 and first.json["orphaned"] == [] and first.json["left_out"] == []
    assert "added the article 005_" in first.err and "(board_2017)" in first.err
    articles = {a["id"]: a for a in run("list", "--json").json["articles"]}
    new = [a for a in articles if a.startswith("005_")]
    assert len(new) == 1 and articles[new[0]]["title"] == "board_2017"
    fun = run("segments", "--tag", "rq2_curriculum_and_instruction/pedagogy/fun", "--json").json["segments"]
    assert {s["article"] for s in fun} == set(new)
    assert "This district goal is engage every student in joyful, purposeful learning that" in [
        s["quote"].strip() for s in fun
    ]
    again = run("import", str(DATA / "demo.qdpx"), "--json")
    assert (
        len(again.json["skipped"]) == 158 and not again.json["added"] and "added the article" not in again.err
    )
    assert len(run("list", "--json").json["articles"]) == len(articles)


def test_a_dry_run_adds_no_article_and_saves_nothing(cli: Any, workspace: Path) -> None:
    run = bound(cli, workspace)
    before = sorted(path.name for path in (workspace / "articles").iterdir())
    report = run("import", str(DATA / "demo.qdpx"), "--dry-run", "--json").json
    assert report["dry_run"] and report["added"] == [] and len(report["tags_added"]) == 262
    assert report["left_out"] == [] and sorted(report["new_articles"]) == ["admin-1.txt", "board_2017.txt"]
    assert sorted(path.name for path in (workspace / "articles").iterdir()) == before
    assert run("tags", "--json").json["tags"] == []


def test_a_hostile_project_is_refused_in_one_line_and_nothing_is_saved(
    cli: Any, workspace: Path, tmp_path: Path
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>')
        archive.writestr("../../escape.txt", "x")
    hostile = tmp_path / "hostile.qdpx"
    hostile.write_bytes(buffer.getvalue())
    result = cli("--workspace", str(workspace), "import", str(hostile))
    assert_one_line_error(result, str(hostile), "points outside the ZIP", "nothing was imported")
    entities = tmp_path / "entities.qdc"
    entities.write_text('<!DOCTYPE CodeBook [<!ENTITY x "y">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>')
    assert_one_line_error(cli("--workspace", str(workspace), "import", str(entities)), "declares a DTD")
    assert bound(cli, workspace)("tags", "--json").json["tags"] == []


def test_a_zip_project_is_not_written_to_the_terminal(cli: Any, workspace: Path) -> None:
    assert_one_line_error(cli("--workspace", str(workspace), "export", "--format", "qdpx"), "-o FILE")
    assert_one_line_error(
        cli("--workspace", str(workspace), "export", "--format", "qdc"), "at least one code"
    )


@pytest.mark.parametrize(("name", "kind"), [("notes.qdpx", "a ZIP archive"), ("codes.qdc", "XML")])
def test_a_file_named_as_refi_qda_that_is_not_says_so(
    cli: Any, workspace: Path, name: str, kind: str
) -> None:
    fake = workspace / name
    fake.write_text("Just some notes, renamed.\n", encoding="utf-8")
    result = cli("--workspace", str(workspace), "import", str(fake))
    assert_one_line_error(result, f"not a REFI-QDA file: a {fake.suffix} file is {kind}, and this is not")
