"""The timeline, xref and related commands end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.test_cli import assert_one_line_error


def test_timeline_json_and_entity_filter(cli: Any) -> None:
    everything = cli("timeline", "--json").json
    assert len(everything["events"]) > 10 and everything["published"]["003_ae4195037769579a"] == "2025-10-28"
    larijani = cli("timeline", "--json", "--entity", "Larijani").json["events"]
    assert larijani and all(any(p["id"] == "person:larijani" for p in e["participants"]) for e in larijani)
    meeting = next(e for e in larijani if e["when"]["label"] == "25 Nov 2025")
    assert {s["article"][:3] for s in meeting["sources"]} == {"001", "004"}


def test_timeline_as_timelinejs(cli: Any) -> None:
    document = cli("timeline", "--format", "timelinejs").json
    assert document["events"] and "start_date" in document["events"][0]


def test_timeline_of_any_file(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(
        "Officials met on Sunday. On 4 Azar 1404 the talks resumed in Islamabad.\n", encoding="utf-8"
    )
    result = cli("timeline", str(path), "--published", "2025-11-25", "--json")
    assert result.code == 0, result.err
    whens = {e["text"]: e["when"] for e in result.json["expressions"]}
    assert whens["Sunday"]["start"] == "2025-11-23"
    assert whens["4 Azar 1404"]["start"] == "2025-11-25" and "Solar Hijri" in whens["4 Azar 1404"]["reason"]
    assert result.json["events"][1]["when"]["label"] == "25 Nov 2025"


def test_xref_and_related(cli: Any) -> None:
    found = cli("xref", "Ghalibaf", "--json").json
    assert found["entity"]["id"] == "person:qalibaf" and len(found["mentions"]) == 18
    assert all(m["text"] in m["sentence"] for m in found["mentions"])
    ranked = cli("related", "001", "--json").json["related"]
    assert ranked[0]["article"].startswith("004")


def test_errors_are_one_line(cli: Any, tmp_path: Path) -> None:
    assert_one_line_error(cli("xref", "Nobody Atall"), "no such entity")
    assert_one_line_error(cli("timeline", "--entity", "Nobody Atall"), "no such")
    assert_one_line_error(cli("timeline", str(tmp_path / "missing.txt")), "no such file")
    path = tmp_path / "x.txt"
    path.write_text("On Monday.", encoding="utf-8")
    assert_one_line_error(cli("timeline", str(path), "--published", "soon"), "not a date")
    assert_one_line_error(cli("related", "nope"), "no such article")


def test_same_thing_elsewhere(cli: Any) -> None:
    result = cli("same", "000", "--quote", "raising bilateral trade to $10 billion", "--json")
    assert result.code == 0, result.err
    articles = {p["article"][:3] for p in result.json["same"] if p["reason"].startswith("the same figure")}
    assert {"001", "002", "004"} <= articles
    assert_one_line_error(cli("same", "000", "--quote", "not in the text"), "quote not found")
