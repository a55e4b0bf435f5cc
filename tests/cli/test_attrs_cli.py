"""``iranpak-reader attrs`` and ``--where`` end to end: set, define, remove, filter, and refusals in one line."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import Result, run_cli_read_only
from tests.cli.test_cli import assert_one_line_error

DAWN = "003_ae4195037769579a"
TEHRAN_TIMES = "001_837904dac7d69cd7"


@pytest.fixture
def ws(cli: Any, workspace: Path) -> Any:
    """``cli`` bound to a temporary workspace whose articles 003 and 001 have outlets."""

    def run(*args: str) -> Any:
        return cli("--workspace", str(workspace), *args)

    for made in (
        run("attrs", "003", "--set", "outlet=Dawn", "--set", "kind=NEWS"),
        run("attrs", "001", "--set", "outlet=Tehran Times", "--set", "country=Iran"),
    ):
        assert made.code == 0, made.err
    return run


def test_set_and_show_one_article(ws: Any) -> None:
    shown = ws("attrs", "003", "--json").json
    assert shown["article"] == DAWN
    assert shown["values"] == {
        "published": "2025-10-28",
        "outlet": "Dawn",
        "kind": "news",
    }  # the choice's spelling
    rows = {row["name"]: row for row in shown["attributes"]}
    assert rows["published"]["front_matter"] and not rows["outlet"]["front_matter"]
    assert rows["country"]["value"] is None
    table = ws("attrs", "003").out
    assert "Dawn" in table and "front matter" in table


def test_set_and_unset_are_one_save(ws: Any, workspace: Path) -> None:
    changed = ws(
        "attrs", "001", "--set", "outlet=IRNA", "--unset", "country", "--set", "language=fa", "--json"
    )
    assert changed.code == 0, changed.err
    assert changed.json["values"] == {"published": "2025-11-25", "outlet": "IRNA", "language": "fa"}
    # a refused change leaves every value as it was, even those given before the bad one
    refused = ws("attrs", "001", "--set", "outlet=Dawn", "--set", "kind=blog")
    assert_one_line_error(refused, "kind", "'blog' is not one of its choices")
    assert ws("attrs", "001", "--json").json["values"]["outlet"] == "IRNA"


def test_every_article_and_the_definitions(ws: Any) -> None:
    listed = ws("attrs", "--json").json
    origins = {a["name"]: a["origin"] for a in listed["attributes"]}
    assert origins["published"] == "front matter" and origins["outlet"] == "built in"
    kind = next(a for a in listed["attributes"] if a["name"] == "kind")
    assert (kind["type"], kind["choices"]) == ("choice", ["news", "op-ed", "statement"])
    values = {a["article"]: a["attributes"] for a in listed["articles"]}
    assert values[DAWN]["outlet"] == "Dawn" and values[TEHRAN_TIMES]["country"] == "Iran"
    assert len(values) == 5
    table = ws("attrs").out
    assert "OUTLET" in table and "Tehran Times" in table


def test_define_use_and_remove(ws: Any) -> None:
    defined = ws("attrs", "--define", "Stance", "--type", "choice", "--choices", "hawkish, neutral,dovish")
    assert defined.code == 0 and "stance: choice (hawkish, neutral, dovish)" in defined.out
    assert ws("attrs", "004", "--set", "stance=Neutral").code == 0
    assert ws("attrs", "003", "--set", "stance=dovish").code == 0
    origins = {a["name"]: a["origin"] for a in ws("attrs", "--json").json["attributes"]}
    assert origins["stance"] == "defined"
    # narrowing the choices would strand a value: refused, naming it
    assert_one_line_error(
        ws("attrs", "--define", "stance", "--type", "choice", "--choices", "hawkish"),
        "is not one of its choices",
    )
    assert ws("attrs", "--define", "words", "--type", "number").code == 0
    assert_one_line_error(ws("attrs", "003", "--set", "words=many"), "'many' is not a number")
    removed = ws("attrs", "--remove", "stance")
    assert removed.code == 0 and "removed stance and its 2 values" in removed.out
    assert "stance" not in ws("attrs", "003", "--json").json["values"]
    assert_one_line_error(ws("attrs", "004", "--set", "stance=neutral"), "no attribute called 'stance'")


def test_where_filters_list_search_timeline_and_segments(ws: Any) -> None:
    listed = ws("list", "--json", "--where", "outlet=dawn").json["articles"]
    assert [a["id"] for a in listed] == [DAWN]
    assert listed[0]["attributes"] == {"published": "2025-10-28", "outlet": "Dawn", "kind": "news"}
    every = ws("list", "--json").json["articles"]
    assert len(every) == 5 and all("attributes" in a for a in every)
    both = ws("list", "--json", "--where", "outlet~t", "--where", "published>=2025-11").json["articles"]
    assert [a["id"] for a in both] == [TEHRAN_TIMES]
    assert [a["id"] for a in ws("list", "--json", "--where", "outlet!=Dawn").json["articles"]] == [
        "000_9154f6903408afad",
        TEHRAN_TIMES,
        "002_19b2f72fda372731",
        "004_3c3a3a1058f57532",
    ]
    found = ws("search", "Pakistan", "--json", "--where", "outlet=Dawn").json["articles"]
    assert [f["article"] for f in found] == [DAWN]
    assert len(ws("search", "Pakistan", "--json").json["articles"]) == 5
    events = ws("timeline", "--json", "--where", "outlet=Dawn").json
    assert events["events"] and set(events["published"]) == {DAWN}
    assert all(s["article"] == DAWN for e in events["events"] for s in e["sources"])
    assert len(ws("timeline", "--json").json["events"]) > len(events["events"])
    for made in (
        ws("tag", "--match", "Mohsin Naqvi", "--article", "003", "--tag", "people"),
        ws("tag", "--match", "SNSC", "--article", "001", "--tag", "people"),
    ):
        assert made.code == 0, made.err
    coded = ws("segments", "--json", "--where", "outlet=Dawn").json["segments"]
    assert coded and {s["article"] for s in coded} == {DAWN}
    assert {s["article"] for s in ws("segments", "--json").json["segments"]} == {DAWN, TEHRAN_TIMES}


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("attrs", "003", "--set", "published=x"), ("published comes from the article file",)),
        (("attrs", "003", "--unset", "dateline"), ("dateline comes from the article file",)),
        (("attrs", "003", "--set", "outlet="), ("outlet: the value is empty",)),
        (("attrs", "003", "--set", "outlet"), ("write NAME=VALUE",)),
        (("attrs", "003", "--set", "colour=red"), ("no attribute called 'colour'", "outlet")),
        (("attrs", "003", "--set", "kind=blog"), ("'blog' is not one of its choices",)),
        (("attrs", "--set", "outlet=Dawn"), ("need the ARTICLE",)),
        (("attrs", "nope", "--set", "outlet=Dawn"), ("nope: no such article",)),
        (("attrs", "--define", "stance", "--type", "colour"), ("'colour' is not a type",)),
        (("attrs", "--define", "stance", "--type", "choice"), ("needs its values",)),
        (("attrs", "--define", "published", "--type", "date"), ("front matter",)),
        (("attrs", "--define", "9lives"), ("cannot be an attribute name",)),
        (("attrs", "--remove", "published"), ("cannot be removed",)),
        (("attrs", "--remove", "colour"), ("no attribute called 'colour'",)),
        (("attrs", "--type", "number"), ("go with --define",)),
        (("list", "--where", "colour=red"), ("--where", "no attribute called 'colour'")),
        (("search", "Iran", "--where", "outlet"), ("is not a filter",)),
        (("segments", "--where", "published>=someday"), ("published is a date",)),
        (("timeline", "--where", "outlet="), ("the value to compare with is missing",)),
        (("list", "--where", "kind=blog"), ("'blog' is not one of its choices",)),
    ],
)
def test_bad_input_is_one_line(ws: Any, args: tuple[str, ...], needles: tuple[str, ...]) -> None:
    assert_one_line_error(ws(*args), *needles)


def test_hostile_values_are_stored_as_text_on_one_line(ws: Any) -> None:
    hostile = "[b]Dawn[/b] \x1b[2J\nnext"
    assert ws("attrs", "004", "--set", f"outlet={hostile}").code == 0
    value = ws("attrs", "004", "--json").json["values"]["outlet"]
    assert "\n" not in value and "\x1b" not in value and "[b]Dawn[/b]" in value
    assert "\x1b" not in ws("attrs").out


def test_read_only_store_refuses_changes_in_one_line(ws: Any, workspace: Path) -> None:
    """The store opened read-only (its folder not writable; faked as root can write anywhere)."""

    def run(*args: str) -> Result:
        """The CLI over the read-only store."""
        return run_cli_read_only(workspace, *args)

    before = (workspace / "annotations").iterdir()
    snapshot = {path.name: path.read_bytes() for path in before if path.is_file()}
    for args in (
        ("attrs", "003", "--set", "outlet=IRNA"),
        ("attrs", "--define", "stance", "--type", "text"),
        ("attrs", "--remove", "outlet"),
    ):
        assert_one_line_error(run(*args), "read-only")
    readable = run("attrs", "003", "--json")
    assert readable.code == 0 and readable.json["values"]["outlet"] == "Dawn"
    after = {path.name: path.read_bytes() for path in (workspace / "annotations").iterdir() if path.is_file()}
    assert after == snapshot


def test_a_corrupt_store_is_one_line_and_untouched(ws: Any, workspace: Path) -> None:
    snapshot = workspace / "annotations" / "annotations.json"
    snapshot.write_bytes(b'{"format": "iranpak-reader/store", "version": 7, "tables": {}}')
    before = snapshot.read_bytes()
    for args in (
        ("attrs",),
        ("attrs", "003", "--set", "outlet=IRNA"),
        ("list", "--where", "outlet=Dawn"),
    ):
        assert_one_line_error(ws(*args), str(snapshot), "newer iranpak-reader")
    # the articles are still listed, with what their files say, and a warning
    listed = ws("list", "--json")
    assert listed.code == 0 and "warning" in listed.err and "newer iranpak-reader" in listed.err
    assert listed.json["articles"][3]["attributes"] == {"published": "2025-10-28"}
    assert snapshot.read_bytes() == before


def test_an_attribute_named_before_its_name_was_reserved_can_still_be_removed(
    ws: Any, workspace: Path
) -> None:
    from tui.core.annotations.store import AnnotationStore
    from tui.core.attributes import AttributeDef

    store = AnnotationStore.open(workspace / "annotations")
    store.define_attribute(AttributeDef("tag"))  # as an older version let it be defined
    store.set_attributes("000_9154f6903408afad", {"tag": "x"})
    store.close()
    removed = ws("attrs", "--remove", "tag")
    assert removed.code == 0, removed.err
    assert removed.out == "removed tag and its 1 value\n"
    assert_one_line_error(ws("attrs", "--define", "tag"), "'tag' cannot be an attribute name")


def test_a_backup_holding_an_attribute_whose_name_is_now_reserved_still_imports(
    ws: Any, workspace: Path, tmp_path: Path, cli: Any
) -> None:
    from tui.core.annotations.store import AnnotationStore
    from tui.core.attributes import AttributeDef

    store = AnnotationStore.open(workspace / "annotations")
    store.define_attribute(AttributeDef("tag"))  # as an older version let it be defined
    store.set_attributes("000_9154f6903408afad", {"tag": "x", "outlet": "IRNA"})
    store.close()
    backup = tmp_path / "backup.json"
    assert ws("export", "-o", str(backup)).code == 0
    fresh = tmp_path / "fresh"
    shutil.copytree(workspace / "articles", fresh / "articles")
    imported = cli("--workspace", str(fresh), "import", str(backup), "--json")
    assert imported.code == 0, imported.err
    assert imported.json["left_out"] == [
        "the attribute 'tag' and its values: matrix --by tag is the tag × tag matrix"
    ]
    values = cli("--workspace", str(fresh), "attrs", "000", "--json").json["attributes"]
    assert {a["name"]: a["value"] for a in values if a.get("value")}.get("outlet") == "IRNA"
