"""Importing annotations: either format, checked whole before anything is saved, then one save.

Each incoming annotation is placed in its article's current text (see :mod:`.anchoring`);
one whose article is not in the corpus, or whose passage is not found, is still imported
and counted as orphaned. Times are checked (ISO 8601 dates and times, not in the future;
one without a time zone is read as UTC) and compared as times. An id already stored is
decided by :func:`decide`: updated when the incoming copy was made from the local one as it
is now, skipped when it is the same or older, and otherwise a conflict: both were edited
since they parted, so the local copy is kept and the conflict reported, never overwritten.
Tags of the codebook are decided the same way (their colour and description). Importing a
file twice changes nothing. REFI-QDA projects and codebooks (ZIP or XML) are read by :mod:`.refi`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import orjson

from tui.core.annotations import checks, native, w3c
from tui.core.annotations.anchoring import place
from tui.core.annotations.history import Changes
from tui.core.annotations.memos import Memo
from tui.core.annotations.model import Annotation, Tag, now, text_hash
from tui.core.annotations.native import ProjectRecords
from tui.core.annotations.store import AnnotationStore
from tui.core.attributes import (
    RESERVED,
    AttributeDef,
    AttributeValue,
    InvalidAttribute,
    check_value,
    definitions,
    from_front_matter,
)
from tui.core.models import Article
from tui.core.user_files import UserFileError, read_regular_file

#: Import files larger than this are refused.
MAX_BYTES = 256 * 1024 * 1024
#: The time of an annotation that gives none: before any other.
NO_TIME = datetime.min.replace(tzinfo=UTC)
#: What an import decides about, one copy against another.
Record = Annotation | Tag | Memo | AttributeDef | AttributeValue


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    format: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    tags_added: list[str] = field(default_factory=list)
    conflicts: list[dict[str, str]] = field(default_factory=list)
    dry_run: bool = False
    #: What a file holds that could not be imported, and why, one line each.
    left_out: list[str] = field(default_factory=list)
    #: The memos added or updated, each as what it is on ("tag trade", "the project").
    memos: list[str] = field(default_factory=list)
    #: The attribute definitions and article values added or updated ("outlet", "002_…: outlet").
    attributes: list[str] = field(default_factory=list)
    #: What the import saved, each record before and after (empty for a dry run): one undoable step.
    changes: Changes = field(default_factory=Changes)
    #: A REFI-QDA project's text sources the corpus lacks (their names): added as articles first, then
    #: their passages, memos and attributes come in (a dry run adds none and imports none of them).
    new_articles: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: "3 added, 1 updated, 0 skipped, 1 orphaned, 0 conflicts, 2 new tags"."""
        verb = "would be " if self.dry_run else ""
        kept = " (the local copies kept)" if self.conflicts else ""
        return (
            f"{len(self.added)} {verb}added, {len(self.updated)} {verb}updated, "
            f"{len(self.skipped)} skipped, {len(self.orphaned)} orphaned, "
            f"{len(self.conflicts)} conflict{'s' if len(self.conflicts) != 1 else ''}{kept}, "
            f"{len(self.tags_added)} new tag{'s' if len(self.tags_added) != 1 else ''} ({self.format})"
            + (f"; {len(self.memos)} memo{'s' if len(self.memos) != 1 else ''}" if self.memos else "")
            + (
                f"; {len(self.attributes)} attribute change{'s' if len(self.attributes) != 1 else ''}"
                if self.attributes
                else ""
            )
            + (f"; {len(self.left_out)} left out" if self.left_out else "")
            + (f"; {len(self.new_articles)} new article{'s' if len(self.new_articles) != 1 else ''}"
               f"{' to add' if self.dry_run else ' not added'}" if self.new_articles else "")
        )  # fmt: skip

    def as_json(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "format": self.format,
            "dry_run": self.dry_run,
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "orphaned": self.orphaned,
            "conflicts": self.conflicts,
            "tags_added": self.tags_added,
            "left_out": self.left_out,
            "memos": self.memos,
            "attributes": self.attributes,
            "new_articles": self.new_articles,
        }


def read_document(path: Path) -> Any:
    """The parsed JSON of an import file (a REFI-QDA file: its bytes, as a :class:`.refi.RefiFile`);
    InvalidImport says why it cannot be read.

    Only a regular file of at most :data:`MAX_BYTES` is read: a FIFO, a device such as
    ``/dev/zero`` or a folder is refused at once, without blocking or reading without end.
    """
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except UserFileError as error:
        raise checks.InvalidImport("", error.reason) from None
    from tui.core.annotations import refi

    if refi.looks_like_refi(raw):
        return refi.RefiFile(raw)
    if path.suffix.lower() in (".qdpx", ".qde", ".qdc"):
        kind = "a ZIP archive" if path.suffix.lower() == ".qdpx" else "XML"
        raise checks.InvalidImport(
            "", f"not a REFI-QDA file: a {path.suffix.lower()} file is {kind}, and this is not"
        )
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise checks.InvalidImport("", f"not valid JSON ({error})") from None


def import_document(
    data: Any, store: AnnotationStore, articles: dict[str, Article], dry_run: bool = False
) -> ImportReport:
    """Import a parsed document into ``store`` (``articles``: the corpus by id); all or nothing."""
    from tui.core.annotations import refi

    records = ProjectRecords()
    if isinstance(data, refi.RefiFile):
        found = data.found if data.found is not None else refi.read(data.raw, articles)
        incoming, tags = found.annotations, found.tags
        records = ProjectRecords(found.memos, found.attributes, found.values)
        report = ImportReport(found.format, dry_run=dry_run, left_out=found.left_out)
        report.new_articles = [name for name, _, _ in found.new_texts]
    elif native.is_native(data):
        incoming, tags, records = native.parse(data)
        report = ImportReport("native", dry_run=dry_run)
    elif w3c.is_w3c(data):
        by_url = {article.url: article.id for article in articles.values() if article.url}
        incoming = [_anchored_w3c(a, positioned, articles) for a, positioned in w3c.parse(data, by_url)]
        tags = []
        report = ImportReport("w3c", dry_run=dry_run)
    else:
        raise checks.InvalidImport("", "neither iranpak-reader annotations nor W3C Web Annotations")
    with store.transaction():
        to_save = _changes(incoming, store, articles, report)
        new_tags = _tag_changes(tags, to_save, store, report)
        named = {tag.name for tag in (*store.tags(), *tags)} | {t for a in to_save for t in a.tags}
        others = record_changes(records, store, report, named)
        if not dry_run:  # one apply: the app records what it did as one undoable step
            everything = Changes(
                tuple((None, annotation) for annotation in to_save),
                tuple((None, tag) for tag in new_tags),
                others.memos,
                others.attributes,
                others.values,
            )
            if everything:
                report.changes = store.apply(everything)
    return report


def record_changes(
    records: ProjectRecords, store: AnnotationStore, report: ImportReport, tag_names: set[str]
) -> Changes:
    """The memos, attribute definitions and values to save, each decided as an annotation is.

    A value its attribute's type does not allow (after the incoming definitions) is left out
    and said so in ``report.left_out``, as is a tag memo whose tag neither side has.
    """
    homeless = [m for m in records.memos if m.kind == "tag" and m.target not in tag_names]
    report.left_out.extend(f"the memo on tag {m.target!r}: no such tag" for m in homeless)
    wanted = [m for m in records.memos if m not in homeless]
    memos = _decided(wanted, store.memos(), lambda m: (m.kind, m.target), report, "memo")
    report.memos.extend(after.label for _, after in memos if after is not None)
    known_definitions = {d.name: d for d in store.attribute_definitions()}
    report.left_out.extend(
        f"the attribute {d.name!r}: it comes from the article files, never from an import"
        for d in records.attributes
        if from_front_matter(d.name)
    )
    reserved = {d.name for d in records.attributes if d.name in RESERVED}
    report.left_out.extend(
        f"the attribute {name!r} and its values: {RESERVED[name]}" for name in sorted(reserved)
    )
    incoming_definitions = [
        d for d in records.attributes if not from_front_matter(d.name) and d.name not in reserved
    ]
    records = replace(records, values=[v for v in records.values if v.name not in reserved])
    new_definitions = _decided(
        incoming_definitions, list(known_definitions.values()), lambda d: d.name, report, "attribute"
    )
    incoming_values = _decided(
        records.values, store.attribute_values(), lambda v: (v.article, v.name), report, "attribute value"
    )
    replaced = {(after.article, after.name) for _, after in incoming_values if after is not None}
    kept = [v for v in store.attribute_values() if (v.article, v.name) not in replaced]
    # A new definition must not leave a value kept here outside its type (define_attribute refuses that too).
    accepted: list[tuple[AttributeDef | None, AttributeDef | None]] = []
    for old_definition, definition in new_definitions:
        assert definition is not None
        misfit = next((v for v in kept if v.name == definition.name and not _fits(definition, v)), None)
        if misfit is None:
            accepted.append((old_definition, definition))
        else:
            report.left_out.append(
                f"the definition of {definition.name!r}: article {misfit.article} "
                f"has {misfit.value!r}, which it refuses"
            )
    new_definitions = accepted
    known_definitions.update({after.name: after for _, after in new_definitions if after is not None})
    allowed = definitions(known_definitions.values())
    values = []
    for old_value, value in incoming_values:
        assert value is not None
        wanted_definition = allowed.get(value.name)
        try:
            if wanted_definition is None:
                raise InvalidAttribute(f"{value.name}: no such attribute is defined")
            values.append((old_value, replace(value, value=check_value(wanted_definition, value.value))))
        except InvalidAttribute as error:
            report.left_out.append(f"the value of article {value.article}: {error}")
    report.attributes.extend(after.name for _, after in new_definitions if after is not None)
    report.attributes.extend(f"{after.article}: {after.name}" for _, after in values if after is not None)
    return Changes(memos=tuple(memos), attributes=tuple(new_definitions), values=tuple(values))


_Kept = TypeVar("_Kept", Memo, AttributeDef, AttributeValue)


def _decided(
    incoming: list[_Kept],
    stored: list[_Kept],
    key: Callable[[_Kept], object],
    report: ImportReport,
    what: str,
) -> list[tuple[_Kept | None, _Kept | None]]:
    """The incoming records to save (each with the stored one it replaces), decided by :func:`decide`;
    conflicts go into the report, the local copy kept."""
    local = {key(record): record for record in stored}
    latest: dict[object, _Kept] = {}
    for record in incoming:  # the same record twice: the later modification wins
        if key(record) not in latest or when(record.modified) > when(latest[key(record)].modified):
            latest[key(record)] = record
    changes: list[tuple[_Kept | None, _Kept | None]] = []
    stamp = now()
    for identity, record in latest.items():
        if not record.modified:  # a file that gives no times (REFI variables): stamped when imported
            record = replace(record, created=record.created or stamp, modified=stamp)
        existing = local.get(identity)
        verdict = "add" if existing is None else decide(record, existing)
        if verdict == "conflict" and existing is not None:
            report.conflicts.append(
                {
                    what: _label(existing),
                    "local_modified": existing.modified,
                    "incoming_modified": record.modified,
                }
            )
        elif verdict in ("add", "update"):
            changes.append((existing, replace(record, synced=record.modified)))
    return changes


def _fits(definition: AttributeDef, value: AttributeValue) -> bool:
    """Whether ``definition`` allows ``value``'s value."""
    try:
        check_value(definition, value.value)
    except InvalidAttribute:
        return False
    return True


def _label(record: Memo | AttributeDef | AttributeValue) -> str:
    """What a memo or attribute record is, in a conflict report."""
    if isinstance(record, Memo):
        return record.label
    if isinstance(record, AttributeValue):
        return f"{record.article}: {record.name}"
    return record.name


def _changes(
    incoming: list[Annotation], store: AnnotationStore, articles: dict[str, Article], report: ImportReport
) -> list[Annotation]:
    """The annotations to save, sorting every incoming one into the report."""
    latest: dict[str, Annotation] = {}
    for annotation in incoming:  # the same id twice in one file: the later modification wins
        if annotation.id not in latest or when(annotation.modified) > when(latest[annotation.id].modified):
            latest[annotation.id] = annotation
    to_save: list[Annotation] = []
    for annotation in latest.values():
        existing = store.get(annotation.id)
        verdict = "add" if existing is None else decide(annotation, existing)
        if verdict == "skip":
            report.skipped.append(annotation.id)
            continue
        if verdict == "conflict":
            assert existing is not None
            report.conflicts.append(_conflict(existing, annotation))
            continue
        (report.added if existing is None else report.updated).append(annotation.id)
        if not annotation.modified:  # a W3C annotation without times: stamped when first imported
            stamp = now()
            annotation = replace(annotation, created=annotation.created or stamp, modified=stamp)
        article = articles.get(annotation.article)
        if article is None or place(annotation, article.text, text_hash(article.text)).orphan:
            report.orphaned.append(annotation.id)
        to_save.append(replace(annotation, synced=annotation.modified))
    return to_save


def decide(incoming: Record, local: Record) -> str:
    """What to do with an incoming copy of a stored annotation or tag: "update", "skip" or "conflict".

    Update when the incoming copy was made from the local one as it is now (it was imported
    from it, or the local one is unedited since it was made or last imported, and the incoming
    one is newer). Skip when it says the same, or is an older copy the local one was made from.
    Anything else means both were edited since they parted: a conflict.
    """
    if _content(incoming) == _content(local):
        return "skip"
    newer = when(incoming.modified) > when(local.modified)
    if (incoming.synced and incoming.synced == local.modified) or (unedited(local) and newer):
        return "update"
    if (local.synced and local.synced == incoming.modified) or (unedited(incoming) and not newer):
        return "skip"
    if local.synced and unedited(local) and when(incoming.modified) <= when(local.synced):
        return "skip"  # an older copy than the one last imported, which is unedited here since
    return "conflict"


def unedited(record: Record) -> bool:
    """Whether an annotation or tag is as it was made, or as it was when last imported."""
    return record.modified in (record.created, record.synced)


def when(stamp: str) -> datetime:
    """A stored or imported time as a datetime (:data:`NO_TIME` if it is missing or not a time)."""
    return checks.parse_time(stamp) or NO_TIME


def _content(record: Record) -> tuple[object, ...]:
    """What a user sees and edits: an annotation's passage, tags and note; a tag's colour and
    description; a memo's text; an attribute's type and choices; a value."""
    if isinstance(record, Tag):
        return (record.name, record.colour, record.description)
    if isinstance(record, Memo):
        return (record.kind, record.target, record.text)
    if isinstance(record, AttributeDef):
        return (record.name, record.type, record.choices)
    if isinstance(record, AttributeValue):
        return (record.article, record.name, record.value)
    annotation = record
    return (
        annotation.article,
        annotation.start,
        annotation.end,
        annotation.quote,
        annotation.tags,
        annotation.note,
    )


def _conflict(local: Annotation, incoming: Annotation) -> dict[str, str]:
    """A conflict as reported: the annotation and both copies' modification times."""
    return {
        "id": local.id,
        "article": local.article,
        "quote": local.quote,
        "local_modified": local.modified,
        "incoming_modified": incoming.modified,
    }


def _tag_conflict(local: Tag, incoming: Tag) -> dict[str, str]:
    """A codebook conflict as reported: the tag and both copies' modification times."""
    return {"tag": local.name, "local_modified": local.modified, "incoming_modified": incoming.modified}


def _tag_changes(
    tags: list[Tag], annotations: list[Annotation], store: AnnotationStore, report: ImportReport
) -> list[Tag]:
    """Tags to add or update (decided as annotations are); names only used count as new too."""
    known = {tag.name: tag for tag in store.tags()}
    changes = []
    for tag in tags:
        verdict = "add" if tag.name not in known else decide(tag, known[tag.name])
        if verdict == "conflict":
            report.conflicts.append(_tag_conflict(known[tag.name], tag))
        elif verdict != "skip":
            changes.append(replace(tag, synced=tag.modified))
    new_names = {tag.name for tag in changes if tag.name not in known}
    new_names |= {name for a in annotations for name in a.tags if name not in known}
    report.tags_added.extend(sorted(new_names))
    return changes


def _anchored_w3c(annotation: Annotation, positioned: bool, articles: dict[str, Article]) -> Annotation:
    """A W3C annotation with its offsets found in its article's text, where the quote is there."""
    article = articles.get(annotation.article)
    if article is None:
        return annotation
    current = text_hash(article.text)
    placed = place(replace(annotation, text_hash=current if positioned else ""), article.text, current)
    if placed.orphan:
        return annotation
    return replace(annotation, start=placed.start, end=placed.end, text_hash=current)
