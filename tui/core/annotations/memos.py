"""Memos: long notes on the project, on a tag (its definition and coding rules) or on an article.

A passage's note stays on its annotation; a memo is about a whole thing, and there is at most
one memo for each (the project, each tag, each article). Each is kept in the store with its
author and times, moves with its tag when the tag is renamed or moved, and goes with it when
the tag is deleted (undo brings both back).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from tui.core.clock import Stamped, now, times_from_json

#: What a memo can be about: the project, a tag (by name) or an article (by id).
KINDS = ("project", "tag", "article")


@dataclass(frozen=True, slots=True)
class Memo(Stamped):
    """A memo: what it is about (``kind`` and ``target``), its text, author and times."""

    kind: str
    target: str
    text: str
    author: str = ""
    created: str = field(default_factory=now)
    modified: str = ""
    #: The ``modified`` time of the copy last imported ("" if never), as an annotation's.
    synced: str = ""

    @property
    def doc_id(self) -> int:
        """The store's document id, derived from what the memo is about."""
        return memo_doc_id(self.kind, self.target)

    @property
    def label(self) -> str:
        """What the memo is about, in words: "the project", "tag trade", "article 002_…"."""
        return "the project" if self.kind == "project" else f"{self.kind} {self.target}"

    def edited(self, text: str, author: str) -> Memo:
        """This memo with new text by ``author``, now."""
        return replace(self, text=text, author=author, modified=now())

    def as_json(self) -> dict[str, Any]:
        """The stored and exported form."""
        return {
            "kind": self.kind,
            "target": self.target,
            "text": self.text,
            "author": self.author,
            **self.times_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Memo:
        """The memo of a stored or exported record."""
        return cls(
            kind=str(data["kind"]),
            target=str(data.get("target", "")),
            text=str(data.get("text", "")),
            author=str(data.get("author", "")),
            **times_from_json(data),
        )


def memo_doc_id(kind: str, target: str) -> int:
    """The store's document id of the memo on ``target`` ("" for the project's)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"iranpak-reader:memo:{kind}:{target}").int


def merged_text(kept: str, added: str, source: str) -> str:
    """A memo's text after another tag's memo is merged into it: both kept, the second headed."""
    if not added.strip() or added == kept:
        return kept
    if not kept.strip():
        return added
    return f"{kept.rstrip()}\n\nFrom {source}:\n{added.strip()}"


def document_problem(key: str, document: dict[str, Any]) -> str | None:
    """What is wrong with a stored memo, or None."""
    name = f"memo {document.get('kind', '')!s:.20} {document.get('target', key)!s:.40}"
    if document.get("kind") not in KINDS:
        return f"{name}: 'kind' is not one of {', '.join(KINDS)}"
    for field_name in ("target", "text", "author", "created", "modified", "synced"):
        if not isinstance(document.get(field_name, ""), str):
            return f"{name}: {field_name!r} is not text"
    if key != str(memo_doc_id(document["kind"], str(document.get("target", "")))):
        return f"{name} is filed under another key"
    return None


def search(memos: list[Memo], needle: str) -> list[tuple[Memo, int]]:
    """The memos whose text holds ``needle`` (case-insensitive), each with the offset of the first hit."""
    wanted = needle.casefold()
    if not wanted:
        return []
    found = []
    for memo in memos:
        at = memo.text.casefold().find(wanted)
        if at >= 0:
            found.append((memo, at))
    return found
