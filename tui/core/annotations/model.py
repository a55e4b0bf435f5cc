"""Annotations and tags: frozen records with ``as_json``/``from_json``, as stored and exported.

An annotation marks ``text[start:end]`` of one article. It keeps the exact quote with up to
:data:`CONTEXT` characters either side and a hash of the text it was made on, so it can be
found again after the article changes (see :mod:`.anchoring`). Tags are referred to by name.
:func:`document_problem` is the stored form's schema: the store refuses a document it faults.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from tui.core.clock import Stamped, times_from_json
from tui.core.clock import now as now  # re-exported: what the store and imports stamp records with
from tui.core.safe_text import one_line

#: Characters of context kept before and after each quote.
CONTEXT = 32
#: The colours offered for new tags (any CSS colour name or #rrggbb is accepted).
PALETTE = ("#e5c07b", "#61afef", "#98c379", "#e06c75", "#c678dd", "#56b6c2", "#d19a66", "#abb2bf")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$|^[a-z]{3,20}$")
#: An annotation id as ``str(uuid.UUID(...))`` writes it: what int() or uuid.UUID() also accept
#: ("+1", "0x1", "{…}", "urn:uuid:…", upper case) would be refused or changed by import and export.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.ASCII)


def default_author() -> str:
    """The login name, recorded as the author of annotations made here ("" if there is none)."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def text_hash(text: str) -> str:
    """The hash an annotation keeps of the article text it was made on."""
    import hashlib  # here: importing it loads OpenSSL, which the first frame does not need

    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


class InvalidAnnotation(ValueError):
    """A passage that cannot be annotated (white space only, or outside the text): the reason."""


def valid_colour(colour: str) -> bool:
    """Whether ``colour`` is ``#rrggbb`` or a lower-case colour name."""
    return bool(_COLOUR.match(colour))


@dataclass(frozen=True, slots=True)
class Annotation:
    """One marked passage: where it is, what it says, and the tags and note on it."""

    id: str
    article: str
    text_hash: str
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""
    author: str = ""
    created: str = ""
    modified: str = ""
    #: The ``modified`` time of the copy this one was last imported as ("" if never imported):
    #: equal to ``modified`` while it is unedited since, so an import can tell a local edit.
    synced: str = ""

    @classmethod
    def create(
        cls,
        article: str,
        text: str,
        start: int,
        end: int,
        tags: tuple[str, ...] = (),
        note: str = "",
        author: str = "",
    ) -> Annotation:
        """A new annotation of ``text[start:end]`` with a fresh id and times.

        Raises :class:`InvalidAnnotation` for a span outside the text or one of white space
        only: such a passage could never be found again, nor exported and imported back.
        """
        if not 0 <= start < end <= len(text):
            raise InvalidAnnotation(f"the passage {start}–{end} is not within the text (0–{len(text)})")
        if not text[start:end].strip():
            raise InvalidAnnotation(f"the passage {start}–{end} is only white space: nothing to annotate")
        stamp = now()
        return cls(
            id=str(uuid.uuid4()),
            article=article,
            text_hash=text_hash(text),
            start=start,
            end=end,
            quote=text[start:end],
            prefix=text[max(0, start - CONTEXT) : start],
            suffix=text[end : end + CONTEXT],
            tags=tuple(dict.fromkeys(tags)),
            note=note,
            author=author,
            created=stamp,
            modified=stamp,
        )

    @property
    def doc_id(self) -> int:
        """The TinyDB document id: the UUID as a number, the same in every store."""
        return uuid.UUID(self.id).int

    @property
    def kind(self) -> str:
        """ "tagged", "note" or "highlight"."""
        return "tagged" if self.tags else "note" if self.note else "highlight"

    def edited(self, **changes: Any) -> Annotation:
        """A copy with ``changes`` and a new modified time."""
        if "tags" in changes:
            changes["tags"] = tuple(dict.fromkeys(changes["tags"]))
        return replace(self, **changes, modified=now())

    def as_json(self) -> dict[str, Any]:
        """The stored and exported form."""
        return {
            "id": self.id,
            "article": self.article,
            "text_hash": self.text_hash,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "tags": list(self.tags),
            "note": self.note,
            "author": self.author,
            "created": self.created,
            "modified": self.modified,
            "synced": self.synced,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Annotation:
        """The annotation of a stored or exported record (checked by :mod:`.validate` first)."""
        return cls(
            id=str(data["id"]),
            article=str(data["article"]),
            text_hash=str(data.get("text_hash", "")),
            start=int(data["start"]),
            end=int(data["end"]),
            quote=str(data["quote"]),
            prefix=str(data.get("prefix", "")),
            suffix=str(data.get("suffix", "")),
            tags=tuple(dict.fromkeys(str(tag) for tag in data.get("tags", ()))),
            note=str(data.get("note", "")),
            author=str(data.get("author", "")),
            created=str(data.get("created", "")),
            modified=str(data.get("modified", "")),
            synced=str(data.get("synced", "")),
        )


def recent_tags(annotations: Iterable[Annotation], limit: int = 5) -> list[str]:
    """The tags of the annotations made or edited last, newest first, each once, at most ``limit``."""
    newest = sorted((a for a in annotations if a.tags), key=lambda a: a.modified, reverse=True)
    found: dict[str, None] = {}
    for annotation in newest:
        found.update(dict.fromkeys(annotation.tags))
        if len(found) >= limit:
            break
    return list(found)[:limit]


@dataclass(frozen=True, slots=True)
class Tag(Stamped):
    """A code of the codebook: its name (unique), colour and description."""

    name: str
    colour: str = PALETTE[0]
    description: str = ""
    created: str = field(default_factory=now)
    modified: str = ""  # a new tag's is its created time: unedited since it was made
    #: As :attr:`Annotation.synced`: the ``modified`` time of the copy last imported ("" if never).
    synced: str = ""

    @property
    def doc_id(self) -> int:
        """The TinyDB document id, derived from the name (a rename is a new document)."""
        return uuid.uuid5(uuid.NAMESPACE_URL, "iranpak-reader:tag:" + self.name).int

    def edited(self, **changes: Any) -> Tag:
        """A copy with ``changes`` (colour, description) and a new modified time."""
        return replace(self, **changes, modified=now())

    def as_json(self) -> dict[str, Any]:
        """The stored and exported form."""
        return {
            "name": self.name,
            "colour": self.colour,
            "description": self.description,
            **self.times_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Tag:
        """The tag of a stored or exported record (what :meth:`as_json` gave back exactly)."""
        return cls(
            name=str(data["name"]),
            colour=str(data.get("colour") or PALETTE[0]),  # a tag always has a colour
            description=str(data.get("description", "")),
            **times_from_json(data),
        )


#: The stored form's fields: those every document must have, and each field's type.
_ANNOTATION_REQUIRED = ("id", "article", "start", "end", "quote")
_ANNOTATION_TYPES: dict[str, type] = {
    **dict.fromkeys(("id", "article", "text_hash", "quote", "prefix", "suffix", "note", "author"), str),
    **dict.fromkeys(("created", "modified"), str),
    "start": int,
    "end": int,
    "tags": list,
}
_TAG_TYPES: dict[str, type] = dict.fromkeys(
    ("name", "colour", "description", "created", "modified", "synced"), str
)


def document_problem(table: str, key: str, document: dict[str, Any]) -> str | None:
    """What is wrong with a stored document of ``table`` ("annotations" or "tags"), or None.

    Checks what reading it back needs: the required fields, every field's type, offsets that
    make sense, and the key the store files it under (derived from the id or the name).
    """
    if table == "annotations":
        return None if _plainly_valid_annotation(key, document) else _annotation_problem(key, document)
    if table == "tags":
        return _tag_problem(key, document)
    return f"a document of a table this store does not have ({one_line(table)[:40]!r})"


def _plainly_valid_annotation(key: str, document: dict[str, Any]) -> bool:
    """Whether ``document`` has exactly the shape :meth:`Annotation.as_json` gives and sane values.

    The fast check (about 2 µs, for the 100,000 documents a store may open with); when it
    fails, :func:`_annotation_problem` says what is wrong, or finds an older shape acceptable.
    """
    if tuple(document) != _STORED_KEYS or tuple(map(type, document.values())) != _STORED_TYPES:
        return False
    try:
        return (
            0 <= document["start"] <= document["end"]
            and all([type(tag) is str for tag in document["tags"]])
            and _CANONICAL_UUID.fullmatch(document["id"]) is not None
            and key == str(int(document["id"].replace("-", ""), 16))
        )
    except ValueError:
        return False


def _annotation_problem(key: str, document: dict[str, Any]) -> str | None:
    """What is wrong with a stored annotation, or None."""
    name = f"annotation {document.get('id', key)!s:.40}"
    for field_name in _ANNOTATION_REQUIRED:
        if field_name not in document:
            return f"{name} has no {field_name!r}"
    problem = _types_problem(name, document, _ANNOTATION_TYPES)
    if problem:
        return problem
    start, end = document["start"], document["end"]
    if isinstance(start, bool) or isinstance(end, bool) or not 0 <= start <= end:
        return f"{name} has the offsets {start!r}–{end!r}"
    if not all(isinstance(tag, str) for tag in document.get("tags", ())):
        return f"{name} has a tag that is not text"
    if _CANONICAL_UUID.fullmatch(document["id"]) is None:
        return f"{name}: its id is not a UUID in canonical form (8-4-4-4-12 lower-case hex digits)"
    if key != str(uuid.UUID(document["id"]).int):
        return f"{name} is filed under another id's key"
    return None


def _tag_problem(key: str, document: dict[str, Any]) -> str | None:
    """What is wrong with a stored tag, or None."""
    if "name" not in document:
        return f"tag {key:.40} has no 'name'"
    name = f"tag {document['name']!s:.40}"
    problem = _types_problem(name, document, _TAG_TYPES)
    if problem:
        return problem
    if key != str(Tag(document["name"], created="", modified="").doc_id):
        return f"{name} is filed under another name's key"
    return None


def _types_problem(name: str, document: dict[str, Any], types: dict[str, type]) -> str | None:
    """The first field of ``document`` whose value is not of its type, said in words, or None."""
    for field_name, expected in types.items():
        if field_name in document and not isinstance(document[field_name], expected):
            return f"{name}: {field_name!r} is not {_TYPE_WORDS.get(expected, 'valid')}"
    return None


_TYPE_WORDS: dict[type, str] = {str: "text", int: "a whole number", list: "a list"}


#: The keys, in order, and the value types of an annotation's stored form.
_STORED_SHAPE = Annotation(str(uuid.UUID(int=0)), "", "", 0, 0, "").as_json()
_STORED_KEYS = tuple(_STORED_SHAPE)
_STORED_TYPES = tuple(map(type, _STORED_SHAPE.values()))
