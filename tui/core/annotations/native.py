"""The native exchange format: everything the store holds, with a format name and version.

``{"format": "iranpak-reader/annotations", "version": 2, "articles": {id: {"title",
"text_hash"}}, "tags": [...], "annotations": [...], "memos": [...], "attributes": [...],
"attribute_values": [...]}``, each record as its ``as_json``. Version 1 (before memos and
attributes) is still read. :func:`parse` checks a file of this format field by field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.core.annotations import checks
from tui.core.annotations.memos import KINDS, Memo
from tui.core.annotations.model import Annotation, Tag, text_hash, valid_colour
from tui.core.attributes import RESERVED, TYPES, AttributeDef, AttributeValue, check_name
from tui.core.models import Article

FORMAT = "iranpak-reader/annotations"
VERSION = 2


@dataclass(frozen=True)
class ProjectRecords:
    """What a project holds besides annotations and tags: memos, attribute definitions and values."""

    memos: list[Memo] = field(default_factory=list)
    attributes: list[AttributeDef] = field(default_factory=list)
    values: list[AttributeValue] = field(default_factory=list)


def export(
    annotations: list[Annotation],
    tags: list[Tag],
    articles: dict[str, Article],
    records: ProjectRecords | None = None,
) -> dict[str, Any]:
    """The native document for these annotations, tags, memos and attributes (``articles``: the
    corpus, by id)."""
    records = records or ProjectRecords()
    used = {a.article for a in annotations}
    return {
        "format": FORMAT,
        "version": VERSION,
        "articles": {
            article_id: {
                "title": articles[article_id].title,
                "text_hash": text_hash(articles[article_id].text),
            }
            for article_id in sorted(used)
            if article_id in articles
        },
        "tags": [tag.as_json() for tag in tags],
        "annotations": [a.as_json() for a in annotations],
        "memos": [memo.as_json() for memo in records.memos],
        "attributes": [definition.as_json() for definition in records.attributes],
        "attribute_values": [value.as_json() for value in records.values],
    }


def is_native(data: Any) -> bool:
    """Whether a parsed JSON document claims to be in the native format."""
    return isinstance(data, dict) and data.get("format") == FORMAT


def parse(data: dict[str, Any]) -> tuple[list[Annotation], list[Tag], ProjectRecords]:
    """The annotations, tags, memos and attributes of a native document; InvalidImport names the
    first problem."""
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise checks.InvalidImport("version", "missing or not a number")
    if version > VERSION:
        raise checks.InvalidImport("version", f"{version} is newer than this program reads ({VERSION})")
    tags = [_tag(checks.obj(item, f"tags[{i}]"), f"tags[{i}]") for i, item in enumerate(_list(data, "tags"))]
    annotations = [
        _annotation(checks.obj(item, f"annotations[{i}]"), f"annotations[{i}]")
        for i, item in enumerate(_list(data, "annotations"))
    ]
    records = ProjectRecords(
        [
            _memo(checks.obj(item, f"memos[{i}]"), f"memos[{i}]")
            for i, item in enumerate(_list(data, "memos"))
        ],
        [
            _definition(checks.obj(item, f"attributes[{i}]"), f"attributes[{i}]")
            for i, item in enumerate(_list(data, "attributes"))
        ],
        [
            _value(checks.obj(item, f"attribute_values[{i}]"), f"attribute_values[{i}]")
            for i, item in enumerate(_list(data, "attribute_values"))
        ],
    )
    return annotations, tags, records


def _memo(item: dict[str, Any], where: str) -> Memo:
    """One checked memo."""
    kind = checks.text(item, "kind", where)
    if kind not in KINDS:
        raise checks.InvalidImport(f"{where}.kind", f"not one of {', '.join(KINDS)}: {kind[:20]!r}")
    target = checks.text(item, "target", where, required=False)
    if kind != "project" and not target.strip():
        raise checks.InvalidImport(f"{where}.target", f"a {kind} memo needs the {kind} it is on")
    for key in ("text", "author"):
        checks.text(item, key, where, required=False)
    return Memo.from_json({**item, **_times(item, where), "target": "" if kind == "project" else target})


def _definition(item: dict[str, Any], where: str) -> AttributeDef:
    """One checked attribute definition."""
    name = checks.text(item, "name", where, empty=False)
    # a name reserved since it was defined (tag, article, none) reads; the import leaves it out
    if name not in RESERVED and (not _valid_name(name) or check_name(name) != name):
        raise checks.InvalidImport(f"{where}.name", f"not an attribute name: {name[:40]!r}")
    kind = checks.text(item, "type", where, required=False) or "text"
    if kind not in TYPES:
        raise checks.InvalidImport(f"{where}.type", f"not one of {', '.join(TYPES)}: {kind[:20]!r}")
    choices = checks.array(item.get("choices", []), f"{where}.choices")
    if not all(isinstance(choice, str) for choice in choices):
        raise checks.InvalidImport(f"{where}.choices", "expected strings")
    return AttributeDef.from_json({**item, **_times(item, where), "type": kind})


def _valid_name(name: str) -> bool:
    """Whether ``name`` can be an attribute name at all."""
    try:
        check_name(name)
    except ValueError:
        return False
    return True


def _value(item: dict[str, Any], where: str) -> AttributeValue:
    """One checked attribute value."""
    for key in ("article", "name", "value"):
        checks.text(item, key, where, empty=False)
    checks.text(item, "author", where, required=False)
    return AttributeValue.from_json({**item, **_times(item, where)})


def _list(data: dict[str, Any], key: str) -> list[Any]:
    """A top-level array (absent: empty)."""
    return checks.array(data.get(key, []), key)


def _tag(item: dict[str, Any], where: str) -> Tag:
    """One checked tag."""
    name = checks.text(item, "name", where, empty=False)
    colour = checks.text(item, "colour", where, required=False)
    if colour and not valid_colour(colour):
        raise checks.InvalidImport(f"{where}.colour", f"not a colour: {colour[:40]!r}")
    checks.text(item, "description", where, required=False)
    return Tag.from_json({**item, **_times(item, where), "name": name})


def _annotation(item: dict[str, Any], where: str) -> Annotation:
    """One checked annotation."""
    identifier = checks.annotation_id(checks.text(item, "id", where), f"{where}.id")
    checks.text(item, "article", where, empty=False)
    start, end = checks.integer(item, "start", where), checks.integer(item, "end", where)
    if end < start:
        raise checks.InvalidImport(f"{where}.end", f"ends ({end}) before it starts ({start})")
    if not checks.text(item, "quote", where):  # white space alone is kept: older versions stored it
        raise checks.InvalidImport(f"{where}.quote", "must not be empty")
    for key in ("prefix", "suffix", "note", "author", "text_hash"):
        checks.text(item, key, where, required=False)
    times = _times(item, where)
    tags = checks.array(item.get("tags", []), f"{where}.tags")
    for index, tag in enumerate(tags):
        if not isinstance(tag, str) or not tag.strip():
            raise checks.InvalidImport(f"{where}.tags[{index}]", "expected a non-empty string")
    return Annotation.from_json({**item, **times, "id": identifier})


def _times(item: dict[str, Any], where: str) -> dict[str, str]:
    """The checked times an annotation or tag gives (a time without a zone as UTC), by key."""
    return {
        key: checks.timestamp(checks.text(item, key, where), f"{where}.{key}")
        for key in ("created", "modified", "synced")
        if key in item
    }
