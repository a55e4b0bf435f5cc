"""The workspace's annotations and tags, kept in TinyDB on the journalled storage.

``AnnotationStore.open(folder)`` opens (or starts) the store in a workspace's ``annotations/``
folder; ``AnnotationStore.in_memory()`` gives one for tests. Every method that changes
something is one durable save (one journal commit, however many documents it touches): when
it returns, the change survives kill -9 and power loss, and a kill before that leaves none of
it. Several such calls inside :meth:`AnnotationStore.transaction` are one save together. Each
returns the :class:`.history.Changes` it made, every annotation and tag before and after, for
the undo history. Tags are referred to by name; a tag used by an annotation is added to the
codebook if new. Every document read is checked against the model's schema.
"""

from __future__ import annotations

import contextlib
import copy
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import Any, Literal, TypeVar

import orjson
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from tui.core.annotations import memos as memo_records
from tui.core.annotations.history import Change, Changes, StaleStep
from tui.core.annotations.memos import Memo, memo_doc_id, merged_text
from tui.core.annotations.model import PALETTE, Annotation, InvalidAnnotation, Tag, document_problem, now
from tui.core.annotations.tag_tree import TagTreeError, check_move, moved, subtree, within
from tui.core.attributes import AttributeDef, AttributeValue, InvalidAttribute, value_doc_id
from tui.core.attributes import document_problem as attribute_problem
from tui.core.safe_text import one_line
from tui.core.store.errors import StoreError
from tui.core.store.storage import JournalStorage
from tui.core.store.table import JournalTable

_Record = TypeVar("_Record", Annotation, Tag, Memo, AttributeDef, AttributeValue)
ANNOTATIONS = "annotations"
TAGS = "tags"
MEMOS = "memos"
ATTRIBUTES = "attributes"
VALUES = "attribute_values"


def _document_problem(table: str, key: str, document: dict[str, Any]) -> str | None:
    """What is wrong with a stored document of any of the store's tables, or None."""
    if table == MEMOS:
        return memo_records.document_problem(key, document)
    if table in (ATTRIBUTES, VALUES):
        return attribute_problem(table, key, document)
    return document_problem(table, key, document)


class Unchecked(Enum):
    """A save that does not check what it replaces (the default of :meth:`AnnotationStore.save_memo`)."""

    UNCHECKED = "unchecked"


class _Database(TinyDB):
    """TinyDB whose tables save only what changed (see :class:`JournalTable`)."""

    table_class = JournalTable


def _check_unchanged(
    expected: Changes,
    annotations: list[tuple[Annotation | None, Annotation | None]],
    tags: list[tuple[Tag | None, Tag | None]],
) -> None:
    """Raise StaleStep naming the first annotation or tag stored as neither its before nor its after."""
    for (wanted, after), (found, _) in zip(expected.annotations, annotations, strict=True):
        if found not in (wanted, after):  # already as the step leaves it: nothing is overwritten
            quote = one_line(_subject((wanted, found)).quote)[:40]
            raise StaleStep(f"the annotation of {quote!r} was changed since, elsewhere")
    for (wanted_tag, after_tag), (found_tag, _) in zip(expected.tags, tags, strict=True):
        if found_tag not in (wanted_tag, after_tag):
            name = one_line(_subject((wanted_tag, found_tag)).name)
            raise StaleStep(f"the tag {name!r} was changed since, elsewhere")


class AnnotationStore:
    """Annotations and the codebook of tags, with the queries the app and the CLI need."""

    def __init__(self, database: TinyDB, path: Path | None = None) -> None:
        """Wrap an open TinyDB (use :meth:`open` or :meth:`in_memory`)."""
        self._db = database
        self.path = path
        self._annotations: JournalTable = database.table(ANNOTATIONS)  # type: ignore[assignment]
        self._tags: JournalTable = database.table(TAGS)  # type: ignore[assignment]
        self._memos: JournalTable = database.table(MEMOS)  # type: ignore[assignment]
        self._attributes: JournalTable = database.table(ATTRIBUTES)  # type: ignore[assignment]
        self._values: JournalTable = database.table(VALUES)  # type: ignore[assignment]
        self._memory_before: object = None  # an in-memory store's data when its transaction began

    @classmethod
    def open(cls, folder: Path) -> AnnotationStore:
        """The store in ``folder`` (created on first save); raises StoreError if it cannot be read."""
        database = _Database(folder, storage=JournalStorage, validate=_document_problem)
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
        """Several reads and saves as one save, with no other process in between.

        What is saved inside is one journal commit when the outermost transaction ends; if it
        raises, none of it is saved, on disk or in memory. Transactions inside it join it.
        """
        storage = self._db.storage
        if isinstance(storage, JournalStorage):
            with storage.transaction():
                yield
            return
        assert isinstance(storage, MemoryStorage)
        if self._memory_before is not None:
            yield
            return
        self._memory_before = copy.deepcopy(storage.memory) or {}
        try:
            yield
        except BaseException:
            storage.memory = self._memory_before
            raise
        finally:
            self._memory_before = None

    # Annotations

    def annotations(
        self, article: str | None = None, tag: str | None = None, exact: bool = False
    ) -> list[Annotation]:
        """Annotations in article and text order, optionally of one article and/or with one tag.

        A tag includes the tags below it (``framing`` finds ``framing/security``) unless ``exact``.
        """
        docs = self._annotations.all()
        if article is not None:  # filter the stored documents first: only the matches are converted
            docs = [doc for doc in docs if doc.get("article") == article]
        if tag is not None and exact:
            docs = [doc for doc in docs if tag in doc.get("tags", ())]
        elif tag is not None:
            docs = [doc for doc in docs if any(within(name, tag) for name in doc.get("tags", ()))]
        found = [Annotation.from_json(doc) for doc in docs]
        found.sort(key=lambda a: (a.article, a.start, a.end, a.created))
        return found

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, if stored."""
        return self._stored([annotation_id]).get(annotation_id)

    def save(self, *annotations: Annotation) -> Changes:
        """Add or replace annotations (by id), adding any new tag names to the codebook: one save."""
        latest = {annotation.id: annotation for annotation in annotations}
        return self.apply(Changes(tuple((None, annotation) for annotation in latest.values())))

    def delete(self, *annotation_ids: str) -> Changes:
        """Delete annotations by id (unknown ids are ignored): one save."""
        with self.transaction():
            stored = self._stored(annotation_ids)
            return self.apply(Changes(tuple((annotation, None) for annotation in stored.values())))

    def counts_by_article(self) -> Counter[str]:
        """How many annotations each article has."""
        return Counter(str(doc.get("article")) for doc in self._annotations.all())

    def apply(self, changes: Changes, expect_before: bool = False) -> Changes:
        """Make every ``after`` of ``changes`` true (deleting where it is None), as one save.

        Used to save, and to undo and redo. Returns what it did: each annotation and tag as it
        was stored just before (whatever ``changes`` says it was) and as it is now, with the
        tags added to the codebook because an annotation carries them. With ``expect_before``
        (undo and redo), nothing is saved and :class:`StaleStep` is raised unless the store
        still holds exactly every ``before`` (or already its ``after``): another process changed
        them since. A tag to delete that an annotation still carries (another process used it
        since the step that made it) is kept, so no annotation is left with a tag the codebook lacks.
        """
        _check_encodable(changes)
        with self.transaction():
            tags = [(self.tag(_subject(pair).name), pair[1]) for pair in changes.tags]
            stored = self._stored(_subject(pair).id for pair in changes.annotations)
            annotations = [(stored.get(_subject(pair).id), pair[1]) for pair in changes.annotations]
            if expect_before:
                _check_unchanged(changes, annotations, tags)
            if any(after for _, after in tags):
                self._tags.put_many({after.doc_id: after.as_json() for _, after in tags if after})
            deleted = [before.doc_id for before, after in annotations if after is None and before is not None]
            if deleted:
                self._annotations.remove_ids(deleted)
            saved = [after for _, after in annotations if after is not None]
            if saved:
                self._annotations.put_many({annotation.doc_id: annotation.as_json() for annotation in saved})
            # A tag still carried (another process used it since the step that made it) stays.
            in_use = self._tags_in_use({before.name for before, after in tags if before and after is None})
            tags = [
                (before, after)
                for before, after in tags
                if not (before and after is None and before.name in in_use)
            ]
            removed = [before.doc_id for before, after in tags if before and after is None]
            if removed:
                self._tags.remove_ids(removed)
            added = self._add_missing_tags(tag for annotation in saved for tag in annotation.tags)
            memos = self._apply_records(self._memos, changes.memos, Memo.from_json, expect_before)
            definitions = self._apply_records(
                self._attributes, changes.attributes, AttributeDef.from_json, expect_before
            )
            values = self._apply_records(
                self._values, changes.values, AttributeValue.from_json, expect_before
            )
        all_tags = (*tags, *((None, tag) for tag in added))
        return Changes(tuple(annotations), all_tags, memos, definitions, values)

    @staticmethod
    def _apply_records(
        table: JournalTable,
        pairs: tuple[tuple[_Record | None, _Record | None], ...],
        read: Callable[[dict[str, Any]], _Record],
        expect_before: bool,
    ) -> tuple[tuple[_Record | None, _Record | None], ...]:
        """Make each ``after`` of memos or attribute records true (None: deleted); each pair as done.

        With ``expect_before``, raises StaleStep unless each is stored as its before or its after.
        """
        if not pairs:
            return ()
        keys = [_subject(pair).doc_id for pair in pairs]
        stored = {record.doc_id: record for record in map(read, map(dict, table.get_many(keys)))}
        done = tuple((stored.get(key), after) for key, (_, after) in zip(keys, pairs, strict=True))
        if expect_before:
            for (wanted, after), (found, _) in zip(pairs, done, strict=True):
                if found not in (wanted, after):
                    subject = _describe(_subject((wanted, found)))
                    raise StaleStep(f"the {subject} was changed since, elsewhere")
        removed = [key for key, (_, after) in zip(keys, done, strict=True) if after is None]
        if removed:
            table.remove_ids(removed)
        put = {after.doc_id: after.as_json() for _, after in done if after is not None}
        if put:
            table.put_many(put)
        return tuple(pair for pair in done if pair[0] != pair[1])

    def _stored(self, annotation_ids: Iterable[str]) -> dict[str, Annotation]:
        """The stored annotations of these ids, by id (ids not stored, or not UUIDs, left out)."""
        doc_ids = []
        for annotation_id in annotation_ids:
            with contextlib.suppress(ValueError):
                doc_ids.append(uuid.UUID(annotation_id).int)
        if not doc_ids:
            return {}
        found = [Annotation.from_json(dict(doc)) for doc in self._annotations.get_many(doc_ids)]
        return {annotation.id: annotation for annotation in found}

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

    def tag_sets(self) -> list[tuple[str, ...]]:
        """The tags of each annotation (what the codebook tree counts passages by), unconverted."""
        return [tuple(doc.get("tags", ())) for doc in self._annotations.all()]

    def save_tag(self, tag: Tag) -> Changes:
        """Add or replace a tag (by name): a new one, a new colour or description."""
        return self.apply(Changes(tags=((None, tag),)))

    def rename_tag(self, old: str, new: str) -> Changes:
        """Rename a tag and the tags below it everywhere (into an existing one: a merge), as one save.

        Renaming ``framing`` to ``frames`` renames ``framing/security`` to ``frames/security``.
        """
        return self.merge_tags([old], new)

    def merge_tags(self, sources: Iterable[str], target: str) -> Changes:
        """Replace the ``sources`` tags by ``target`` everywhere, as one save.

        The tags below a source move below ``target`` (``a/x`` into ``b`` becomes ``b/x``),
        merging with a tag of that name if there is one. A new ``target`` takes the colour and
        description of the first source in the codebook. Raises :class:`TagTreeError` for a
        merge into a tag below a source: its own children would be renamed without end.
        """
        names = [name for name in dict.fromkeys(sources) if name != target]
        for name in names:
            if within(target, name):
                raise TagTreeError(f"cannot merge {name!r} into {target!r}, a tag below it")
        with self.transaction():
            known = self._names()
            mapping = {old: moved(old, name, target) for name in names for old in subtree(name, known)}
            return self._renamed(mapping, ensure=target)

    def move_tag(self, name: str, under: str) -> Changes:
        """Move a tag and every tag below it under ``under`` ("" for the top level), as one save.

        ``security`` under ``framing`` becomes ``framing/security``, and ``security/border``
        becomes ``framing/security/border``. Raises :class:`TagTreeError` for a move under
        itself or a tag below it, onto a name that is already a tag's, or of an unknown name.
        """
        with self.transaction():
            return self._renamed(check_move(name, under, self._names()))

    def delete_tag(self, name: str) -> Changes:
        """Remove a tag and every tag below it from the codebook and every annotation, as one save.

        As QualCoder and NVivo do, the subtree goes with its parent (the app asks first, saying
        how many tags and passages go); a passage left without tags stays, with its note.
        """
        with self.transaction():
            names = subtree(name, self._names())
            old = [tag for tag in (self.tag(n) for n in names) if tag is not None]
            gone = set(names)
            retagged = self._retagged(lambda tags: [t for t in tags if t not in gone], names)
            memos = tuple((memo, None) for memo in self._tag_memos(names).values())
            return self.apply(Changes(retagged, tuple((tag, None) for tag in old), memos))

    def _names(self) -> list[str]:
        """Every tag name in the codebook or carried by an annotation, in codebook order."""
        return list(dict.fromkeys([*(tag.name for tag in self.tags()), *self.tag_counts()]))

    def _renamed(self, mapping: dict[str, str], ensure: str | None = None) -> Changes:
        """Rename tags all at once (old name to new) in the codebook and every annotation: one save.

        A new name that is already a tag's (and is not renamed itself) merges into that tag;
        otherwise it takes the colour, description and created time of the first tag renamed to
        it that the codebook has. ``ensure`` is a name the codebook must have afterwards.
        """
        mapping = {old: new for old, new in mapping.items() if old != new}
        wanted = [*mapping.values(), *([ensure] if ensure is not None else [])]
        stored = {name: self.tag(name) for name in (*mapping, *wanted)}
        final: dict[str, Tag | None] = dict.fromkeys(mapping)
        for new in dict.fromkeys(wanted):
            if stored[new] is not None and new not in mapping:
                continue  # an existing tag: the others merge into it
            sources = [stored[old] for old, to in mapping.items() if to == new]
            base = next((tag for tag in sources if tag is not None), None)
            if base is None:
                base = Tag(new, PALETTE[len(self._tags) % len(PALETTE)])
            final[new] = Tag(new, base.colour, base.description, base.created, now())
        tags = tuple((stored[name], after) for name, after in final.items() if stored[name] != after)
        retagged = self._retagged(lambda names: [mapping.get(t, t) for t in names], list(mapping))
        return self.apply(Changes(retagged, tags, self._moved_memos(mapping)))

    def _tag_memos(self, names: Iterable[str]) -> dict[str, Memo]:
        """The stored memos of these tags, by tag name."""
        return {memo.target: memo for memo in (self.memo("tag", name) for name in names) if memo is not None}

    def _moved_memos(self, mapping: dict[str, str]) -> tuple[tuple[Memo | None, Memo | None], ...]:
        """The memo changes of renaming tags (old name to new): each memo follows its tag, and the
        memos of tags merged into one are joined, each headed by the tag it came from."""
        olds = self._tag_memos(mapping)
        if not olds:
            return ()
        news = self._tag_memos(new for new in mapping.values() if new not in mapping)
        changes: dict[str, tuple[Memo | None, Memo | None]] = {}
        for old, memo in olds.items():
            new = mapping[old]
            changes[old] = (memo, None)
            before, current = changes.get(new, (news.get(new), news.get(new)))
            if current is None:
                after = Memo("tag", new, memo.text, memo.author, memo.created, memo.modified)
            else:
                text = merged_text(current.text, memo.text, old)
                after = current.edited(text, memo.author or current.author)
            changes[new] = (before, after)
        return tuple(changes.values())

    # Memos

    def memos(self, kind: str | None = None) -> list[Memo]:
        """Every memo (or every memo of one kind): the project's, then tags', then articles', by target."""
        found = [Memo.from_json(dict(doc)) for doc in self._memos.all()]
        order = {name: index for index, name in enumerate(memo_records.KINDS)}
        found.sort(key=lambda memo: (order.get(memo.kind, 9), memo.target.casefold()))
        return [memo for memo in found if kind is None or memo.kind == kind]

    def memo(self, kind: str, target: str = "") -> Memo | None:
        """The memo on the project (``kind`` "project"), a tag (by name) or an article (by id)."""
        doc = self._memos.get(doc_id=memo_doc_id(kind, target))
        return Memo.from_json(dict(doc)) if isinstance(doc, dict) else None

    def save_memo(
        self,
        kind: str,
        target: str,
        text: str,
        author: str = "",
        expected: Memo | Literal[Unchecked.UNCHECKED] | None = Unchecked.UNCHECKED,
    ) -> Changes:
        """Write the memo on the project, a tag or an article (empty text deletes it): one save.

        ``expected`` is the memo as the user opened it (None: there was none); if the store holds
        something else (another window or the CLI saved since), nothing is saved and StaleStep is
        raised. A memo on a folder (a name with tags below it, such as ``framing`` above
        ``framing/security``) makes the folder a tag, in the same save, so the memo has a tag to
        follow. Raises InvalidAnnotation for an unknown kind, or a tag memo on a name that is
        neither a tag nor a folder.
        """
        if kind not in memo_records.KINDS:
            kinds = ", ".join(memo_records.KINDS)
            raise InvalidAnnotation(f"a memo is on {kinds}, not {one_line(kind)[:20]!r}")
        target = "" if kind == "project" else target
        with self.transaction():
            folder: tuple[tuple[Tag | None, Tag | None], ...] = ()
            if kind == "tag" and self.tag(target) is None:
                if not any(within(name, target) and name != target for name in self._names()):
                    raise InvalidAnnotation(f"no tag called {one_line(target)[:60]!r}")
                folder = ((None, Tag(target, PALETTE[len(self._tags) % len(PALETTE)])),)
            before = self.memo(kind, target)
            if expected is not Unchecked.UNCHECKED and before != expected:
                raise StaleStep(
                    f"the memo on {one_line(Memo(kind, target, '').label)} was changed since, elsewhere"
                )
            if not text.strip():
                after = None
            elif before is None:
                after = Memo(kind, target, text, author)
            elif before.text == text:
                return Changes()
            else:
                after = before.edited(text, author)
            if before is None and after is None:
                return Changes()
            return self.apply(Changes(tags=folder if after is not None else (), memos=((before, after),)))

    # Article attributes

    def attribute_definitions(self) -> list[AttributeDef]:
        """The attributes the user defined (or redefined), by name."""
        found = [AttributeDef.from_json(dict(doc)) for doc in self._attributes.all()]
        return sorted(found, key=lambda definition: definition.name)

    def define_attribute(self, definition: AttributeDef) -> Changes:
        """Add or replace an attribute definition: one save.

        A choice attribute whose choices no longer include a value some article has is refused
        (InvalidAttribute names the value), so no article is left with a value it cannot have.
        """
        with self.transaction():
            before = self._attributes.get(doc_id=definition.doc_id)
            old = AttributeDef.from_json(dict(before)) if isinstance(before, dict) else None
            if definition.type != "text":
                from tui.core.attributes import check_value

                for value in self.attribute_values(name=definition.name):
                    try:
                        check_value(definition, value.value)
                    except InvalidAttribute as error:
                        raise InvalidAttribute(f"article {value.article} has {error}") from None
            if old is not None and (old.type, old.choices) == (definition.type, definition.choices):
                return Changes()
            return self.apply(Changes(attributes=((old, definition),)))

    def remove_attribute(self, name: str) -> Changes:
        """Remove a user-defined attribute and every article's value of it: one save."""
        with self.transaction():
            doc = self._attributes.get(doc_id=AttributeDef(name, created="").doc_id)
            old = AttributeDef.from_json(dict(doc)) if isinstance(doc, dict) else None
            values = tuple((value, None) for value in self.attribute_values(name=name))
            definitions = ((old, None),) if old is not None else ()
            return self.apply(Changes(attributes=definitions, values=values))

    def attribute_values(self, article: str | None = None, name: str | None = None) -> list[AttributeValue]:
        """The attribute values set in the store, optionally of one article and/or one attribute."""
        docs = self._values.all()
        if article is not None:
            docs = [doc for doc in docs if doc.get("article") == article]
        if name is not None:
            docs = [doc for doc in docs if doc.get("name") == name]
        found = [AttributeValue.from_json(dict(doc)) for doc in docs]
        return sorted(found, key=lambda value: (value.article, value.name))

    def set_attributes(self, article: str, values: Mapping[str, str | None], author: str = "") -> Changes:
        """Set (or, for None, unset) some of an article's attribute values: one save.

        The values are stored as given: check them with :func:`tui.core.attributes.check_value` first.
        """
        with self.transaction():
            pairs: list[tuple[AttributeValue | None, AttributeValue | None]] = []
            for name, value in values.items():
                doc = self._values.get(doc_id=value_doc_id(article, name))
                before = AttributeValue.from_json(dict(doc)) if isinstance(doc, dict) else None
                if value is None:
                    after = None
                elif before is None:
                    after = AttributeValue(article, name, value, author)
                elif before.value == value:
                    continue
                else:
                    after = before.edited(value, author)
                if before is not None or after is not None:
                    pairs.append((before, after))
            if not pairs:
                return Changes()
            return self.apply(Changes(values=tuple(pairs)))

    def _retagged(self, change: Callable[[list[str]], list[str]], names: list[str]) -> tuple[Change, ...]:
        """Every annotation carrying one of ``names``, with ``change`` applied to its tags."""
        wanted = set(names)
        return tuple(
            (a, a.edited(tags=tuple(change(list(a.tags)))))
            for a in (Annotation.from_json(doc) for doc in self._annotations.all())
            if wanted.intersection(a.tags)
        )

    def _tags_in_use(self, names: set[str]) -> set[str]:
        """Which of ``names`` some stored annotation carries."""
        if not names:
            return set()
        return {tag for doc in self._annotations.all() for tag in doc.get("tags", ()) if tag in names}

    def _add_missing_tags(self, names: Iterable[str]) -> list[Tag]:
        """Add tags to the codebook for names it does not have yet, each with the next palette colour."""
        known = {str(doc.get("name")) for doc in self._tags.all()}
        new = [name for name in dict.fromkeys(names) if name not in known]
        count = len(known)
        tags = [Tag(name, PALETTE[(count + i) % len(PALETTE)]) for i, name in enumerate(new)]
        if tags:
            self._tags.put_many({tag.doc_id: tag.as_json() for tag in tags})
        return tags


def _check_encodable(changes: Changes) -> None:
    """Refuse text that cannot be stored (lone surrogates, as undecodable bytes in argv become)."""
    pairs: Iterable[tuple[Any, Any]] = (
        *changes.annotations,
        *changes.tags,
        *changes.memos,
        *changes.attributes,
        *changes.values,
    )
    for record in pairs:
        after = record[1]
        if after is None:
            continue
        try:
            orjson.dumps(after.as_json())
        except orjson.JSONEncodeError:
            raise InvalidAnnotation(
                f"{after.__class__.__name__.lower()} holds text that is not valid Unicode"
            ) from None


def _describe(record: Annotation | Tag | Memo | AttributeDef | AttributeValue) -> str:
    """A stored record in words, for a refusal."""
    if isinstance(record, Annotation):
        return f"annotation of {one_line(record.quote)[:40]!r}"
    if isinstance(record, Tag):
        return f"tag {one_line(record.name)!r}"
    if isinstance(record, Memo):
        return f"memo on {one_line(record.label)[:60]}"
    if isinstance(record, AttributeDef):
        return f"attribute {one_line(record.name)[:40]!r}"
    return f"attribute {one_line(record.name)[:40]!r} of article {one_line(record.article)[:40]}"


def _subject(change: tuple[_Record | None, _Record | None]) -> _Record:
    """The annotation or tag a change is about: its after, or its before if it is deleted."""
    before, after = change
    subject = after or before
    if subject is None:
        raise ValueError("a change with neither a before nor an after")
    return subject


__all__ = ["AnnotationStore", "Changes", "StoreError", "TagTreeError"]
