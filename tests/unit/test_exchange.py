"""Export and import: the W3C Working Group's MUST assertions, round trips, and all-or-nothing imports."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from tui.core.annotations import native, w3c
from tui.core.annotations.checks import InvalidImport
from tui.core.annotations.exporting import export_bytes
from tui.core.annotations.importing import import_document
from tui.core.annotations.model import Annotation, Tag, now
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.core.models import Article

SUITE = Path(__file__).resolve().parent.parent / "data" / "w3c-web-annotation"
BASE = "https://w3c.test/annotation/"
HOSTILE = "[bold red]x[/] \x1b[31mred\x1b[0m 🇮🇷🤝🇵🇰 سلام دنیا"


def _registry() -> Registry:
    """Every schema of the suite under one base URI, without the ids draft-04 would misread."""
    registry: Registry = Registry()
    for path in SUITE.rglob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema.pop("id", None)
        name = path.relative_to(SUITE).as_posix()
        registry = registry.with_resource(BASE + name, Resource(schema, specification=DRAFT4))
        registry = registry.with_resource(
            BASE + "annotations/" + path.name, Resource(schema, specification=DRAFT4)
        )
        registry = registry.with_resource(
            BASE + "annotations/bodiesTargets/" + path.name, Resource(schema, specification=DRAFT4)
        )
        registry = registry.with_resource(
            BASE + "annotations/specificResource/" + path.name, Resource(schema, specification=DRAFT4)
        )
    return registry


def must_failures(annotation: dict[str, Any]) -> list[str]:
    """The MUST assertions the annotation does not meet as the suite expects."""
    listing = json.loads((SUITE / "annotations" / "annotationMusts.test").read_text(encoding="utf-8"))
    registry = _registry()
    failures = []
    for assertion in listing["assertions"]:
        expected = json.loads((SUITE / assertion).read_text(encoding="utf-8")).get("expectedResult", "valid")
        validator = Draft4Validator(
            {"$ref": BASE + assertion}, registry=registry, format_checker=FormatChecker()
        )
        valid = validator.is_valid(annotation)
        if valid != (expected == "valid"):
            failures.append(assertion)
    return failures


@pytest.fixture
def articles(corpus: Corpus) -> dict[str, Article]:
    """The bundled corpus by id."""
    return {article.id: article for article in corpus.articles}


def annotate(
    articles: dict[str, Article], article_id: str, quote: str, *tags: str, note: str = ""
) -> Annotation:
    """An annotation of the first occurrence of ``quote``."""
    text = articles[article_id].text
    start = text.index(quote)
    return Annotation.create(article_id, text, start, start + len(quote), tags, note, "analyst")


@pytest.fixture
def filled(articles: dict[str, Article]) -> AnnotationStore:
    """A store with a tagged passage, a note, a highlight and hostile text."""
    store = AnnotationStore.in_memory()
    store.save(
        annotate(
            articles, "003_ae4195037769579a", "Ali Larijani", "people", "security", note="SNSC secretary"
        ),
        annotate(articles, "003_ae4195037769579a", "Mohsin Naqvi", note="only a note"),
        annotate(articles, "000_9154f6903408afad", "$10 billion"),
        annotate(articles, "000_9154f6903408afad", "bilateral trade", HOSTILE, note=HOSTILE + "\nline two"),
    )
    store.save_tag(Tag("people", "#61afef", "who is who"))
    return store


def test_every_exported_annotation_meets_every_must_assertion(
    filled: AnnotationStore, articles: dict[str, Article]
) -> None:
    collection = orjson.loads(export_bytes("w3c", filled, articles)[0])
    items = collection["first"]["items"]
    assert collection["type"] == "AnnotationCollection" and collection["total"] == len(items) == 4
    for item in items:
        assert must_failures({"@context": collection["@context"], **item}) == [], item["id"]
    kinds = {item["motivation"] for item in items}
    assert kinds == {"tagging", "commenting", "highlighting"}


def test_the_suite_catches_a_broken_annotation() -> None:
    """The harness itself can fail: an annotation without a target or a proper id fails the MUSTs."""
    broken = {"@context": w3c.CONTEXT, "id": "not a uri", "type": "Annotation"}
    failures = must_failures(broken)
    assert "annotations/3.1-annotationIdValidated.json" in failures
    assert "annotations/3.1-targetKeyFound.json" in failures


def test_w3c_shape(filled: AnnotationStore, articles: dict[str, Article]) -> None:
    items = orjson.loads(export_bytes("w3c", filled, articles)[0])["first"]["items"]
    larijani = next(i for i in items if i["target"]["selector"][0]["exact"] == "Ali Larijani")
    assert [b["value"] for b in larijani["body"] if b["purpose"] == "tagging"] == ["people", "security"]
    assert [b["value"] for b in larijani["body"] if b["purpose"] == "commenting"] == ["SNSC secretary"]
    quote, position = larijani["target"]["selector"]
    text = articles["003_ae4195037769579a"].text
    assert text[position["start"] : position["end"]] == quote["exact"]
    assert text[: position["start"]].endswith(quote["prefix"]) and text[position["end"] :].startswith(
        quote["suffix"]
    )
    assert larijani["target"]["source"] == "urn:x-iranpak-reader:article:003_ae4195037769579a"


@pytest.mark.parametrize("kind", ["native", "w3c"])
def test_round_trip_through_an_empty_store(
    kind: str, filled: AnnotationStore, articles: dict[str, Article]
) -> None:
    exported = orjson.loads(export_bytes(kind, filled, articles)[0])
    empty = AnnotationStore.in_memory()
    report = import_document(exported, empty, articles)
    assert len(report.added) == 4 and not report.orphaned and not report.skipped
    assert unsynced(orjson.loads(export_bytes(kind, empty, articles)[0])) == unsynced(exported)
    imported = empty.annotations()
    assert all(a.synced == a.modified for a in imported)  # each marked as the copy it was imported as
    assert [replace(a, synced="") for a in imported] == filled.annotations()
    again = import_document(exported, empty, articles)
    assert len(again.skipped) == 4 and not again.added and not again.updated


def unsynced(document: Any) -> Any:
    """A native export without the annotations' and tags' ``synced`` times (a W3C export has none)."""
    if isinstance(document, dict) and "annotations" in document:
        return {
            **document,
            "annotations": [{**a, "synced": ""} for a in document["annotations"]],
            "tags": [{**t, "synced": ""} for t in document["tags"]],
        }
    return document


def test_hostile_text_survives_byte_for_byte(filled: AnnotationStore, articles: dict[str, Article]) -> None:
    raw = export_bytes("native", filled, articles)[0]
    assert HOSTILE.encode() in raw.replace(b"\\u001b", b"\x1b")
    empty = AnnotationStore.in_memory()
    import_document(orjson.loads(raw), empty, articles)
    hostile = [a for a in empty.annotations() if HOSTILE in a.tags]
    assert len(hostile) == 1 and hostile[0].note == HOSTILE + "\nline two"


def test_newer_copy_updates_older_is_skipped(filled: AnnotationStore, articles: dict[str, Article]) -> None:
    exported = orjson.loads(export_bytes("native", filled, articles)[0])
    first = exported["annotations"][0]
    first["note"], first["modified"] = "changed elsewhere", now()
    exported["annotations"][1]["note"] = "older change"
    report = import_document(exported, filled, articles)
    assert report.updated == [first["id"]] and len(report.skipped) == 3
    assert filled.get(first["id"]).note == "changed elsewhere"  # type: ignore[union-attr]


def test_dry_run_changes_nothing(filled: AnnotationStore, articles: dict[str, Article]) -> None:
    exported = orjson.loads(export_bytes("native", filled, articles)[0])
    empty = AnnotationStore.in_memory()
    report = import_document(exported, empty, articles, dry_run=True)
    assert len(report.added) == 4 and report.dry_run
    assert empty.annotations() == [] and empty.tags() == []


def another_tools(quote: str, **fields: str) -> dict[str, Any]:
    """A W3C annotation of ``quote`` in article 003 as another tool writes it, with ``fields``."""
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        **fields,
        "target": {
            "source": "urn:x-iranpak-reader:article:003_ae4195037769579a",
            "selector": {"type": "TextQuoteSelector", "exact": quote},
        },
    }


def test_w3c_from_another_tool_is_anchored_by_its_quote(articles: dict[str, Article]) -> None:
    text = articles["003_ae4195037769579a"].text
    other_tool = another_tools(
        "Mohsin Naqvi’s visit to Tehran",
        id="https://hypothes.is/a/abc123",
        creator="acct:someone@hypothes.is",
        bodyValue="Larijani is the SNSC secretary",
    )
    store = AnnotationStore.in_memory()
    report = import_document(other_tool, store, articles)
    assert len(report.added) == 1 and not report.orphaned
    annotation = store.annotations()[0]
    assert text[annotation.start : annotation.end] == "Mohsin Naqvi’s visit to Tehran"
    assert (
        annotation.note == "Larijani is the SNSC secretary"
        and annotation.author == "acct:someone@hypothes.is"
    )
    assert import_document(other_tool, store, articles).skipped == [annotation.id]


def test_unplaceable_annotations_are_kept_as_orphans(articles: dict[str, Article]) -> None:
    unknown = {
        "@context": w3c.CONTEXT,
        "id": "urn:uuid:3f1c8f0e-2b7e-4b0e-9f57-8a8f2f1f0a11",
        "type": "Annotation",
        "target": {
            "source": "https://example.org/elsewhere",
            "selector": {"type": "TextQuoteSelector", "exact": "x y"},
        },
    }
    store = AnnotationStore.in_memory()
    report = import_document([unknown], store, articles)
    assert report.orphaned == report.added == ["3f1c8f0e-2b7e-4b0e-9f57-8a8f2f1f0a11"]
    assert store.annotations()[0].article == "https://example.org/elsewhere"


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"format": native.FORMAT, "version": 1, "annotations": [{"id": "nope"}]}, "annotations[0].id"),
        ({"format": native.FORMAT, "version": 9}, "version"),
        ({"format": native.FORMAT, "version": 1, "annotations": {}}, "annotations"),
        (
            {"format": native.FORMAT, "version": 1, "tags": [{"name": "a", "colour": "not a colour!"}]},
            "tags[0].colour",
        ),
        (
            {"type": "AnnotationCollection", "@context": w3c.CONTEXT, "first": "https://example.org/page1"},
            "first",
        ),
        ([{"@context": w3c.CONTEXT, "type": "Annotation", "target": "https://example.org"}], "[0].target"),
        ({"something": "else"}, ""),
    ],
)
def test_invalid_imports_change_nothing_and_say_where(
    document: Any, where: str, filled: AnnotationStore, articles: dict[str, Article]
) -> None:
    before = filled.annotations(), filled.tags()
    with pytest.raises(InvalidImport) as caught:
        import_document(document, filled, articles)
    assert caught.value.where == where
    assert (filled.annotations(), filled.tags()) == before


def test_a_bad_item_after_good_ones_imports_none(
    filled: AnnotationStore, articles: dict[str, Article]
) -> None:
    exported = orjson.loads(export_bytes("native", filled, articles)[0])
    exported["annotations"].append(
        {"id": "3f1c8f0e-2b7e-4b0e-9f57-8a8f2f1f0a11", "article": "a", "start": 5, "end": 2, "quote": "x"}
    )
    empty = AnnotationStore.in_memory()
    with pytest.raises(InvalidImport, match="ends"):
        import_document(exported, empty, articles)
    assert empty.annotations() == []


def _exported(store: AnnotationStore, articles: dict[str, Article]) -> dict[str, Any]:
    """The store's native export, parsed."""
    result: dict[str, Any] = orjson.loads(export_bytes("native", store, articles)[0])
    return result


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("modified", "zzzz", "not a date and time"),
        ("modified", "2025-11-07", "not a date and time"),  # a date alone is not a time
        ("modified", "2999-01-01T00:00:00", "in the future"),  # a plain time, read as UTC
        ("modified", "2999-01-01T00:00:00.000000Z", "in the future"),
        ("created", "yesterday", "not a date and time"),
        ("synced", "3000-01-01T00:00:00+00:00", "in the future"),
    ],
)
def test_times_that_are_not_times_are_refused_naming_the_annotation(
    filled: AnnotationStore, articles: dict[str, Article], key: str, value: str, problem: str
) -> None:
    exported = _exported(filled, articles)
    exported["annotations"][1][key], exported["annotations"][1]["note"] = value, "replaced"
    before = filled.annotations()
    with pytest.raises(InvalidImport, match=problem) as caught:
        import_document(exported, filled, articles)
    assert caught.value.where == f"annotations[1].{key}"
    assert filled.annotations() == before


def test_w3c_times_are_checked_too(filled: AnnotationStore, articles: dict[str, Article]) -> None:
    collection = orjson.loads(export_bytes("w3c", filled, articles)[0])
    collection["first"]["items"][0]["modified"] = "zzzz"
    with pytest.raises(InvalidImport) as caught:
        import_document(collection, AnnotationStore.in_memory(), articles)
    assert caught.value.where == "first.items[0].modified"


def test_w3c_times_without_a_time_zone_are_read_as_utc(articles: dict[str, Article]) -> None:
    """Other tools often write plain times: they import as UTC, and the same file again changes nothing."""
    other_tool = another_tools(
        "Ali Larijani", created="2025-11-07T10:00:00", modified="2025-11-07T10:30:00.250", bodyValue="a note"
    )
    store = AnnotationStore.in_memory()
    assert len(import_document(other_tool, store, articles).added) == 1
    annotation = store.annotations()[0]
    assert (annotation.created, annotation.modified) == (
        "2025-11-07T10:00:00Z",
        "2025-11-07T10:30:00.250000Z",
    )
    assert import_document(other_tool, store, articles).skipped == [annotation.id]


def test_native_times_without_a_time_zone_are_read_as_utc(
    filled: AnnotationStore, articles: dict[str, Article]
) -> None:
    exported = _exported(filled, articles)
    exported["annotations"][1]["modified"] = exported["annotations"][1]["created"] = "2025-11-07 10:00:00"
    exported["tags"][0]["created"] = "2025-11-07T09:00:00"
    empty = AnnotationStore.in_memory()
    import_document(exported, empty, articles)
    imported = empty.get(exported["annotations"][1]["id"])
    assert imported is not None and imported.modified == imported.created == "2025-11-07T10:00:00Z"
    tag = empty.tag(exported["tags"][0]["name"])
    assert tag is not None and tag.created == "2025-11-07T09:00:00Z"


def test_a_local_edit_is_never_overwritten_by_another_edit(
    filled: AnnotationStore, articles: dict[str, Article]
) -> None:
    """Both copies edited since the export: the local one is kept and the conflict reported."""
    exported = _exported(filled, articles)
    local = filled.annotations()[0]
    filled.save(local.edited(tags=(*local.tags, "mine"), note="my local note"))
    theirs = exported["annotations"][[a["id"] for a in exported["annotations"]].index(local.id)]
    theirs["note"], theirs["tags"], theirs["modified"] = "their note", ["theirs"], now()
    report = import_document(exported, filled, articles)
    assert [c["id"] for c in report.conflicts] == [local.id] and not report.updated
    kept = filled.get(local.id)
    assert kept is not None and kept.note == "my local note" and "mine" in kept.tags
    assert "1 conflict (the local copies kept)" in report.summary()


def _exchanged(articles: dict[str, Article]) -> tuple[AnnotationStore, AnnotationStore]:
    """Two stores: one annotation made "here", and "there" its import from here's export."""
    here, there = AnnotationStore.in_memory(), AnnotationStore.in_memory()
    here.save(annotate(articles, "003_ae4195037769579a", "Ali Larijani", "people"))
    import_document(_exported(here, articles), there, articles)
    return here, there


def test_an_edit_made_elsewhere_on_an_imported_copy_comes_back(articles: dict[str, Article]) -> None:
    """Here → there (edited there) → here: the edit arrives, as the copy here was not edited since."""
    here, there = _exchanged(articles)
    imported = there.annotations()[0]
    there.save(imported.edited(note="added there"))
    there.save(there.annotations()[0].edited(note="added there, twice"))
    report = import_document(_exported(there, articles), here, articles)
    assert report.updated == [imported.id] and not report.conflicts
    assert here.annotations()[0].note == "added there, twice"


def test_an_unedited_old_copy_does_not_undo_a_local_edit(articles: dict[str, Article]) -> None:
    here, there = _exchanged(articles)
    here.save(here.annotations()[0].edited(note="edited here later"))
    report = import_document(_exported(there, articles), here, articles)
    assert len(report.skipped) == 1 and not report.conflicts and not report.updated
    assert here.annotations()[0].note == "edited here later"


def test_both_sides_edited_after_an_exchange_is_a_conflict_both_ways(articles: dict[str, Article]) -> None:
    here, there = _exchanged(articles)
    here.save(here.annotations()[0].edited(note="here"))
    there.save(there.annotations()[0].edited(note="there"))
    assert len(import_document(_exported(there, articles), here, articles).conflicts) == 1
    assert len(import_document(_exported(here, articles), there, articles).conflicts) == 1
    assert (here.annotations()[0].note, there.annotations()[0].note) == ("here", "there")


def test_a_blank_quote_stored_by_an_older_version_still_reads_back(
    filled: AnnotationStore, articles: dict[str, Article]
) -> None:
    """Older versions accepted a white-space quote; their backups must still import (an empty one never)."""
    exported = _exported(filled, articles)
    exported["annotations"][0]["quote"] = " "
    parsed, _, _ = native.parse(exported)
    assert parsed[0].quote == " "
    exported["annotations"][0]["quote"] = ""
    with pytest.raises(InvalidImport, match="must not be empty"):
        native.parse(exported)


def _recoloured(store: AnnotationStore, name: str, colour: str, description: str) -> None:
    """Recolour and redescribe a tag as the codebook does (a local edit)."""
    tag = store.tag(name)
    assert tag is not None
    store.save_tag(tag.edited(colour=colour, description=description))


def test_a_tag_edited_elsewhere_on_an_imported_copy_comes_back(articles: dict[str, Article]) -> None:
    here, there = _exchanged(articles)
    _recoloured(there, "people", "#123456", "who is who, as agreed")
    report = import_document(_exported(there, articles), here, articles)
    assert not report.conflicts
    tag = here.tag("people")
    assert tag is not None and (tag.colour, tag.description) == ("#123456", "who is who, as agreed")
    assert not import_document(_exported(there, articles), here, articles).conflicts  # twice: nothing new


def test_a_local_tag_edit_is_never_overwritten_by_a_newer_one_from_a_file(
    articles: dict[str, Article],
) -> None:
    """The codebook's definitions are work too: both sides edited the tag, so the local one is kept."""
    here, there = _exchanged(articles)
    _recoloured(here, "people", "#111111", "here's definition")
    _recoloured(there, "people", "#222222", "there's definition")  # the later edit
    report = import_document(_exported(there, articles), here, articles)
    assert report.conflicts == [
        {
            "tag": "people",
            "local_modified": here.tag("people").modified,  # type: ignore[union-attr]
            "incoming_modified": there.tag("people").modified,  # type: ignore[union-attr]
        }
    ]
    tag = here.tag("people")
    assert tag is not None and (tag.colour, tag.description) == ("#111111", "here's definition")


def test_an_older_copy_of_a_tag_edited_here_is_skipped(articles: dict[str, Article]) -> None:
    here, there = _exchanged(articles)
    old_export = _exported(there, articles)
    _recoloured(here, "people", "#111111", "refined")
    report = import_document(old_export, here, articles)
    assert not report.conflicts
    tag = here.tag("people")
    assert tag is not None and tag.description == "refined"


def test_an_older_copy_than_the_last_imported_one_is_skipped_not_a_conflict(
    articles: dict[str, Article],
) -> None:
    """There edits twice; here imports the second export, then the first again: nothing to decide."""
    here, there = _exchanged(articles)
    there.save(there.annotations()[0].edited(note="first edit"))
    first_export = _exported(there, articles)
    there.save(there.annotations()[0].edited(note="second edit"))
    import_document(_exported(there, articles), there, articles)
    import_document(_exported(there, articles), here, articles)
    report = import_document(first_export, here, articles)
    assert not report.conflicts and len(report.skipped) == 1
    assert here.annotations()[0].note == "second edit"
