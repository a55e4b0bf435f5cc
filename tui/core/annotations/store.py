"""The workspace's annotations and tags, kept in TinyDB on the journalled storage.

``AnnotationStore.open(folder)`` opens (or starts) the store in a workspace's ``annotations/``
folder; ``AnnotationStore.in_memory()`` gives one for tests. Every method that changes
something is one durable save: when it returns, the change survives kill -9 and power loss.
Tags are referred to by name; a tag used by an annotation is added to the codebook if new.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from tui.core.annotations.model import PALETTE, Annotation, Tag, now
from tui.core.store.errors import StoreError
from tui.core.store.storage import JournalStorage
from tui.core.store.table import JournalTable

ANNOTATIONS = "annotations"
TAGS = "tags"


class _Database(TinyDB):
    """TinyDB whose tables save only what changed (see :class:`JournalTable`)."""

    table_class = JournalTable


class AnnotationStore:
    """Annotations and the codebook of tags, with the queries the app and the CLI need."""

    def __init__(self, database: TinyDB, path: Path | None = None) -> None:
        """Wrap an open TinyDB (use :meth:`open` or :meth:`in_memory`)."""
        self._db = database
        self.path = path
        self._annotations: JournalTable = database.table(ANNOTATIONS)  # type: ignore[assignment]
        self._tags: JournalTable = database.table(TAGS)  # type: ignore[assignment]

    @classmethod
    def open(cls, folder: Path) -> AnnotationStore:
        """The store in ``folder`` (created on first save); raises StoreError if it cannot be read."""
        database = _Database(folder, storage=JournalStorage)
        storage = database.storage
        assert isinstance(storage, JournalStorage)
        return cls(database, storage.snapshot_path)

    @classmethod
    def in_memory(cls) -> AnnotationStore:
        """An empty store that lives only in memory."""
        return cls(_Database(storage=MemoryStorage))

    @property
    def read_only(self) -> str | None:
        """Why the store cannot be changed, or None if it can."""
        storage = self._db.storage
        return storage.read_only if isinstance(storage, JournalStorage) else None

    def signature(self) -> object:
        """A value that changes when anyone saves to the store (poll it to notice other processes)."""
        storage = self._db.storage
        return storage.signature() if isinstance(storage, JournalStorage) else None

    def close(self) -> None:
        """Close the files (folding a long journal into the snapshot first)."""
        self._db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Several reads and saves as one, with no other process in between."""
        storage = self._db.storage
        if isinstance(storage, JournalStorage):
            with storage.transaction():
                yield
        else:
            yield

    # Annotations

    def annotations(self, article: str | None = None, tag: str | None = None) -> list[Annotation]:
        """Annotations in article and text order, optionally of one article and/or with one tag."""
        docs = self._annotations.all()
        if article is not None:  # filter the stored documents first: only the matches are converted
            docs = [doc for doc in docs if doc.get("article") == article]
        if tag is not None:
            docs = [doc for doc in docs if tag in doc.get("tags", ())]
        found = [Annotation.from_json(doc) for doc in docs]
        found.sort(key=lambda a: (a.article, a.start, a.end, a.created))
        return found

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, if stored."""
        try:
            doc_id = Annotation(annotation_id, "", "", 0, 0, "").doc_id
        except ValueError:
            return None
        doc = self._annotations.get(doc_id=doc_id)
        return Annotation.from_json(dict(doc)) if isinstance(doc, dict) else None

    def save(self, *annotations: Annotation) -> None:
        """Add or replace annotations (by id), adding any new tag names to the codebook: one save."""
        with self.transaction():
            self._add_missing_tags(tag for a in annotations for tag in a.tags)
            self._annotations.put_many({a.doc_id: a.as_json() for a in annotations})

    def delete(self, *annotation_ids: str) -> None:
        """Delete annotations by id (unknown ids are ignored): one save."""
        ids = [Annotation(i, "", "", 0, 0, "").doc_id for i in annotation_ids]
        self._annotations.remove_ids(ids)

    def counts_by_article(self) -> Counter[str]:
        """How many annotations each article has."""
        return Counter(str(doc.get("article")) for doc in self._annotations.all())

    # Tags

    def tags(self) -> list[Tag]:
        """The codebook, by name."""
        return sorted((Tag.from_json(dict(doc)) for doc in self._tags.all()), key=lambda t: t.name.casefold())

    def tag(self, name: str) -> Tag | None:
        """The tag called ``name``."""
        doc = self._tags.get(doc_id=Tag(name).doc_id)
        return Tag.from_json(dict(doc)) if isinstance(doc, dict) else None

    def tag_counts(self) -> Counter[str]:
        """How many annotations carry each tag."""
        return Counter(tag for doc in self._annotations.all() for tag in doc.get("tags", ()))

    def save_tag(self, tag: Tag) -> None:
        """Add or replace a tag (by name)."""
        self._tags.put_many({tag.doc_id: tag.as_json()})

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag everywhere (into an existing one: a merge); returns the annotations changed."""
        return self.merge_tags([old], new)

    def merge_tags(self, sources: Iterable[str], target: str) -> int:
        """Replace the ``sources`` tags by ``target`` everywhere; returns the annotations changed."""
        names = [name for name in dict.fromkeys(sources) if name != target]
        with self.transaction():
            existing = self.tag(target)
            if existing is None:
                first = next((t for t in (self.tag(n) for n in names) if t is not None), None)
                base = first or Tag(target, PALETTE[len(self._tags) % len(PALETTE)])
                self.save_tag(Tag(target, base.colour, base.description, base.created, now()))
            changed = self._retag(lambda tags: [target if t in names else t for t in tags], names)
            self._tags.remove_ids(Tag(n).doc_id for n in names)
        return changed

    def delete_tag(self, name: str) -> int:
        """Remove a tag from the codebook and from every annotation; returns the annotations changed."""
        with self.transaction():
            changed = self._retag(lambda tags: [t for t in tags if t != name], [name])
            self._tags.remove_ids([Tag(name).doc_id])
        return changed

    def _retag(self, change: Any, names: list[str]) -> int:
        """Apply ``change`` to the tag list of every annotation carrying one of ``names``."""
        wanted = set(names)
        edited = [
            a.edited(tags=tuple(change(list(a.tags))))
            for a in (Annotation.from_json(doc) for doc in self._annotations.all())
            if wanted.intersection(a.tags)
        ]
        if edited:
            self._annotations.put_many({a.doc_id: a.as_json() for a in edited})
        return len(edited)

    def _add_missing_tags(self, names: Iterable[str]) -> None:
        """Add tags to the codebook for names it does not have yet, each with the next palette colour."""
        known = {str(doc.get("name")) for doc in self._tags.all()}
        new = [name for name in dict.fromkeys(names) if name not in known]
        count = len(known)
        tags = [Tag(name, PALETTE[(count + i) % len(PALETTE)]) for i, name in enumerate(new)]
        if tags:
            self._tags.put_many({tag.doc_id: tag.as_json() for tag in tags})


__all__ = ["AnnotationStore", "StoreError"]
