"""The W3C Web Annotation Data Model (JSON-LD): export as a collection, and read what other tools write.

Each annotation becomes an ``Annotation`` with its tags as ``TextualBody`` bodies of purpose
``tagging``, its note as one of purpose ``commenting``, and a target on the article with a
``TextQuoteSelector`` (exact, prefix, suffix) and a ``TextPositionSelector``. The article is
its URL when known, else ``urn:x-iranpak-reader:article:<id>``. On import, a single annotation,
an array, an ``AnnotationPage`` or an ``AnnotationCollection`` with embedded pages are read;
the passage is found by its quote.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any, cast

import orjson

from tui.core.annotations import checks
from tui.core.annotations.model import Annotation

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ARTICLE_URN = "urn:x-iranpak-reader:article:"
MOTIVATIONS = {"tagged": "tagging", "note": "commenting", "highlight": "highlighting"}
COLLECTION_ID = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "iranpak-reader:export"))


def export(annotations: list[Annotation], urls: dict[str, str]) -> dict[str, Any]:
    """An ``AnnotationCollection`` of every annotation (``urls``: article id to URL, where known)."""
    items = [annotation_json(a, urls.get(a.article, "")) for a in annotations]
    for item in items:
        del item["@context"]  # stated once, on the collection
    return {
        "@context": CONTEXT,
        "id": COLLECTION_ID,
        "type": "AnnotationCollection",
        "label": "iranpak-reader annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def annotation_json(annotation: Annotation, url: str = "") -> dict[str, Any]:
    """One annotation in the W3C model, with its own ``@context``."""
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in annotation.tags
    ]
    if annotation.note:
        bodies.append(
            {"type": "TextualBody", "value": annotation.note, "format": "text/plain", "purpose": "commenting"}
        )
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": "urn:uuid:" + annotation.id,
        "type": "Annotation",
        "motivation": MOTIVATIONS[annotation.kind],
    }
    if annotation.created:
        data["created"] = annotation.created
    if annotation.modified:
        data["modified"] = annotation.modified
    if annotation.author:
        data["creator"] = {"type": "Person", "nickname": annotation.author}
    if bodies:
        data["body"] = bodies
    data["target"] = {
        "source": url or ARTICLE_URN + annotation.article,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": annotation.quote,
                "prefix": annotation.prefix,
                "suffix": annotation.suffix,
            },
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
        ],
    }
    return data


def is_w3c(data: Any) -> bool:
    """Whether a parsed JSON document looks like W3C annotations."""
    first = data[0] if isinstance(data, list) and data else data
    return isinstance(first, dict) and ("@context" in first or _has_type(first, "Annotation"))


def parse(data: Any, articles_by_url: dict[str, str]) -> list[tuple[Annotation, bool]]:
    """The annotations of a W3C document, each with whether it had a position selector.

    ``articles_by_url`` maps article URLs to ids. The offsets are provisional: the importer
    finds each quote in the article's text.
    """
    items = _items(data)
    return [_annotation(checks.obj(item, where), where, articles_by_url) for where, item in items]


def _items(data: Any) -> list[tuple[str, Any]]:
    """The annotations of a document with the JSON path of each."""
    if isinstance(data, list):
        return [(f"[{i}]", item) for i, item in enumerate(data)]
    data = checks.obj(data, "")
    if _has_type(data, "AnnotationCollection"):
        first = data.get("first")
        if not isinstance(first, dict):
            raise checks.InvalidImport("first", "the collection's first page is not embedded in the file")
        pages: list[tuple[str, dict[str, Any]]] = []
        where, page = "first", cast(Any, first)
        while isinstance(page, dict):
            pages.append((where, page))
            where, page = f"{where}.next", page.get("next")
        return [
            (f"{path}.items[{i}]", item)
            for path, page in pages
            for i, item in enumerate(checks.array(page.get("items"), f"{path}.items"))
        ]
    if _has_type(data, "AnnotationPage"):
        return [(f"items[{i}]", item) for i, item in enumerate(checks.array(data.get("items"), "items"))]
    return [("", data)]


def _annotation(item: dict[str, Any], where: str, articles_by_url: dict[str, str]) -> tuple[Annotation, bool]:
    """One W3C annotation as ours (offsets provisional)."""
    if not _has_type(item, "Annotation"):
        raise checks.InvalidImport(f"{where}.type" if where else "type", 'is not "Annotation"')
    source, quote, position = _target(item.get("target"), f"{where}.target" if where else "target")
    tags, notes = _bodies(item, where)
    created, modified = (
        checks.timestamp(_string(item, key), f"{where}.{key}" if where else key)
        for key in ("created", "modified")
    )
    start = position[0] if position is not None else 0
    return (
        Annotation(
            id=_identifier(item),
            article=_article(source, articles_by_url),
            text_hash="",
            start=start,
            end=start + len(quote["exact"]),
            quote=quote["exact"],
            prefix=quote["prefix"],
            suffix=quote["suffix"],
            tags=tuple(dict.fromkeys(tags)),
            note="\n\n".join(notes),
            author=_author(item.get("creator")),
            created=created or modified,  # none given: the importer stamps it if it is new
            modified=modified or created,
        ),
        position is not None,
    )


def _target(target: Any, where: str) -> tuple[str, dict[str, str], tuple[int, int] | None]:
    """The source, quote selector and position (if any) of the first target with a quote selector."""
    targets = target if isinstance(target, list) else [target]
    if target is None:
        raise checks.InvalidImport(where.rsplit(".", 1)[0] or "", 'missing "target"')
    for index, candidate in enumerate(targets):
        if not isinstance(candidate, dict) or not isinstance(candidate.get("source"), str):
            continue
        selectors = candidate.get("selector")
        selectors = selectors if isinstance(selectors, list) else [selectors]
        quotes = [s for s in selectors if isinstance(s, dict) and _has_type(s, "TextQuoteSelector")]
        if not quotes:
            continue
        quote: dict[str, Any] = quotes[0]
        path = f"{where}[{index}]" if isinstance(target, list) else where
        if not isinstance(quote.get("exact"), str) or not quote["exact"]:
            raise checks.InvalidImport(f"{path}.selector", "TextQuoteSelector has no exact text")
        fields = {key: _string(quote, key) for key in ("exact", "prefix", "suffix")}
        position: tuple[int, int] | None = next(
            (
                (s["start"], s["end"])
                for s in selectors
                if isinstance(s, dict)
                and _has_type(s, "TextPositionSelector")
                and isinstance(s.get("start"), int)
                and isinstance(s.get("end"), int)
                and 0 <= s["start"] <= s["end"]
            ),
            None,
        )
        return str(candidate["source"]), fields, position
    raise checks.InvalidImport(where, "no target with a source and a TextQuoteSelector")


def _bodies(item: dict[str, Any], where: str) -> tuple[list[str], list[str]]:
    """Tags (TextualBody of purpose tagging) and notes (every other TextualBody, or bodyValue)."""
    tags: list[str] = []
    notes: list[str] = []
    if isinstance(item.get("bodyValue"), str) and item["bodyValue"].strip():
        notes.append(item["bodyValue"])
    bodies = item.get("body", [])
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if not isinstance(body, dict) or not isinstance(body.get("value"), str) or not body["value"].strip():
            continue
        purposes = body.get("purpose", [])
        purposes = purposes if isinstance(purposes, list) else [purposes]
        (tags if "tagging" in purposes else notes).append(body["value"])
    motivations = item.get("motivation", [])
    if "tagging" in (motivations if isinstance(motivations, list) else [motivations]) and not tags:
        tags, notes = notes[:1], notes[1:]
    return [tag.strip() for tag in tags], notes


def _identifier(item: dict[str, Any]) -> str:
    """Our id for an annotation: its urn:uuid, or a UUID derived from its id or content."""
    value = item.get("id")
    if isinstance(value, str) and value.startswith("urn:uuid:"):
        try:
            return str(uuid.UUID(value[9:]))
        except ValueError:
            pass
    if isinstance(value, str) and value:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, value))
    digest = hashlib.sha256(orjson.dumps(item, option=orjson.OPT_SORT_KEYS)).hexdigest()
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "iranpak-reader:content:" + digest))


def _article(source: str, articles_by_url: dict[str, str]) -> str:
    """The article id a target source names (the source itself if it names none we know)."""
    if source.startswith(ARTICLE_URN):
        return source[len(ARTICLE_URN) :]
    return articles_by_url.get(source, source)


def _author(creator: Any) -> str:
    """A creator's nickname or name."""
    if isinstance(creator, list):
        creator = creator[0] if creator else None
    if isinstance(creator, str):
        return creator
    if isinstance(creator, dict):
        for key in ("nickname", "name"):
            if isinstance(creator.get(key), str):
                return str(creator[key])
    return ""


def _string(data: dict[str, Any], key: str) -> str:
    """``data[key]`` if it is a string, else ""."""
    value = data.get(key)
    return value if isinstance(value, str) else ""


def _has_type(data: dict[str, Any], name: str) -> bool:
    """Whether ``data["type"]`` is ``name`` or a list holding it."""
    kind = data.get("type")
    return kind == name or (isinstance(kind, list) and name in kind)
