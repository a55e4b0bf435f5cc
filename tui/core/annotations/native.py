"""The native exchange format: everything the store holds, with a format name and version.

``{"format": "iranpak-reader/annotations", "version": 1, "articles": {id: {"title",
"text_hash"}}, "tags": [...], "annotations": [...]}``, each tag and annotation as its
``as_json``. :func:`parse` checks a file of this format field by field.
"""

from __future__ import annotations

from typing import Any

from tui.core.annotations import checks
from tui.core.annotations.model import Annotation, Tag, text_hash, valid_colour
from tui.core.models import Article

FORMAT = "iranpak-reader/annotations"
VERSION = 1


def export(annotations: list[Annotation], tags: list[Tag], articles: dict[str, Article]) -> dict[str, Any]:
    """The native document for these annotations and tags (``articles``: the corpus, by id)."""
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
    }


def is_native(data: Any) -> bool:
    """Whether a parsed JSON document claims to be in the native format."""
    return isinstance(data, dict) and data.get("format") == FORMAT


def parse(data: dict[str, Any]) -> tuple[list[Annotation], list[Tag]]:
    """The annotations and tags of a native document; InvalidImport names the first problem."""
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
    return annotations, tags


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
