"""REFI-QDA memos and attributes through the command line: a project carries them to a fresh
workspace and back unchanged, and a second import adds nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.test_exchange_cli import bound
from tests.cli.test_refi_cli import _fresh


def test_memos_and_attributes_go_to_a_fresh_workspace_and_back(
    cli: Any, workspace: Path, tmp_path: Path
) -> None:
    run = bound(cli, workspace)
    run("tag", "003", "--quote", "Mohsin Naqvi", "--occurrence", "1", "--tag", "people")
    run("memo", "--project", "--set", "Compare Pakistani and Iranian outlets.\nSecond line.")
    run("memo", "--tag", "people", "--set", "Named officials only.")
    run("memo", "--article", "003", "--set", "The interior minister's visit 🇵🇰")
    run("attrs", "--define", "stance", "--type", "choice", "--choices", "hawkish,neutral")
    run("attrs", "--define", "pages", "--type", "number")
    run("attrs", "--define", "seen", "--type", "date")
    run(
        "attrs",
        "003",
        "--set",
        "outlet=Dawn",
        "--set",
        "stance=neutral",
        "--set",
        "pages=2",
        "--set",
        "seen=2025-09-01",
    )
    first = tmp_path / "one.qdpx"
    run("export", "--format", "qdpx", "-o", str(first))
    fresh = bound(cli, _fresh(tmp_path))
    report = fresh("import", str(first), "--json").json
    assert sorted(report["memos"]) == ["article 003_ae4195037769579a", "tag people", "the project"]
    assert {"stance", "pages", "seen"} <= set(report["attributes"]) and report["left_out"] == []
    memos = {(m["kind"], m["target"]): m["text"] for m in fresh("memo", "--json").json["memos"]}
    assert memos[("project", "")] == "Compare Pakistani and Iranian outlets.\nSecond line."
    assert memos[("article", "003_ae4195037769579a")] == "The interior minister's visit 🇵🇰"
    second = tmp_path / "two.qdpx"
    fresh("export", "--format", "qdpx", "-o", str(second))
    assert second.read_bytes() == first.read_bytes()
    again = fresh("import", str(first), "--json").json
    assert not again["memos"] and not again["attributes"] and not again["added"] and not again["conflicts"]


def test_a_memo_with_a_form_feed_exports_without_it(cli: Any, workspace: Path, tmp_path: Path) -> None:
    run = bound(cli, workspace)
    memo = tmp_path / "ff.txt"
    memo.write_bytes(b"para one\n\x0cpara two\n")
    run("memo", "--project", "--file", str(memo))
    project = tmp_path / "x.qdpx"
    run("export", "--format", "qdpx", "-o", str(project))
    fresh = bound(cli, _fresh(tmp_path))
    fresh("import", str(project))
    [kept] = fresh("memo", "--json").json["memos"]
    assert kept["text"] == "para one\npara two\n"


def test_a_value_changed_in_the_first_workspace_reaches_the_second_unless_edited_there(
    cli: Any, workspace: Path, tmp_path: Path
) -> None:
    a = bound(cli, workspace)
    b = bound(cli, _fresh(tmp_path))
    project = tmp_path / "a.qdpx"

    def outlet(run: Any) -> str:
        """Article 003's outlet in a workspace."""
        found = run("attrs", "003", "--json").json["attributes"]
        return str(next(attribute["value"] for attribute in found if attribute["name"] == "outlet"))

    a("attrs", "003", "--set", "outlet=Dawn")
    a("export", "--format", "qdpx", "-o", str(project))
    b("import", str(project))
    a("attrs", "003", "--set", "outlet=Dawn News")
    a("export", "--format", "qdpx", "-o", str(project))
    assert not b("import", str(project), "--json").json["conflicts"]
    assert outlet(b) == "Dawn News"
    b("attrs", "003", "--set", "outlet=Dawn (Karachi)")
    a("attrs", "003", "--set", "outlet=Dawn.com")
    a("export", "--format", "qdpx", "-o", str(project))
    assert len(b("import", str(project), "--json").json["conflicts"]) == 1
    assert outlet(b) == "Dawn (Karachi)"


def test_into_an_empty_workspace_every_article_comes_with_its_date_dateline_and_attributes(
    cli: Any, workspace: Path, tmp_path: Path
) -> None:
    """Coded or not, each text source becomes an article, dated as the project's variables say."""
    run = bound(cli, workspace)
    run("tag", "003", "--quote", "Mohsin Naqvi", "--occurrence", "1", "--tag", "people")
    outlets = {"000": "Tehran Times", "001": "Dawn", "002": "IRNA", "003": "Dawn", "004": "Press TV"}
    for article, outlet in outlets.items():
        run("attrs", article, "--set", f"outlet={outlet}")
    run("memo", "--article", "002", "--set", "Uncoded, with a memo.")
    project = tmp_path / "all.qdpx"
    run("export", "--format", "qdpx", "-o", str(project))
    empty = bound(cli, tmp_path / "empty")
    assert empty("import", str(project)).code == 0
    before = {(a["title"], a["published"], a["dateline"]) for a in run("list", "--json").json["articles"]}
    after = empty("list", "--json").json["articles"]
    assert {(a["title"], a["published"], a["dateline"]) for a in after} == before
    assert sorted(a["attributes"]["outlet"] for a in after) == sorted(outlets.values())
    [memo] = empty("memo", "--json").json["memos"]
    assert memo["text"] == "Uncoded, with a memo." and memo["target"].startswith("002_")


def test_a_published_variable_of_another_type_dates_the_new_article_or_is_left_out(
    cli: Any, workspace: Path, tmp_path: Path
) -> None:
    """Another tool may type "published" as Text: a date in it dates the article, anything else does
    not stop the import."""
    import io
    import zipfile

    run = bound(cli, workspace)
    project = tmp_path / "one.qdpx"
    run("export", "--format", "qdpx", "-o", str(project))
    with zipfile.ZipFile(project) as original:
        members = {name: original.read(name) for name in original.namelist()}
    qde = members["project.qde"].decode("utf-8")
    assert 'name="published" typeOfVariable="Date"' in qde
    qde = qde.replace('name="published" typeOfVariable="Date"', 'name="published" typeOfVariable="Text"')
    qde = qde.replace("<DateValue>2025-11-07</DateValue>", "<TextValue>7 November 2025</TextValue>", 1)
    qde = qde.replace("<DateValue>", "<TextValue>").replace("</DateValue>", "</TextValue>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as changed:
        for name, data in members.items():
            changed.writestr(name, qde.encode("utf-8") if name == "project.qde" else data)
    project.write_bytes(buffer.getvalue())
    empty = bound(cli, tmp_path / "empty")
    imported = empty("import", str(project))
    assert imported.code == 0, imported.err
    dates = sorted(str(a["published"]) for a in empty("list", "--json").json["articles"])
    assert dates == ["2025-08-02", "2025-10-28", "2025-11-07", "2025-11-25", "2025-11-25"]
