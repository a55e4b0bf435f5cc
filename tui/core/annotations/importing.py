"""Importing annotations: either format, checked whole before anything is saved, then one save.

Each incoming annotation is placed in its article's current text (see :mod:`.anchoring`);
one whose article is not in the corpus, or whose passage is not found, is still imported
and counted as orphaned. An id already stored is updated only if the incoming copy was
modified later; otherwise it is skipped, so importing a file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from tui.core.annotations import checks, native, w3c
from tui.core.annotations.anchoring import place
from tui.core.annotations.model import Annotation, Tag, now, text_hash
from tui.core.annotations.store import AnnotationStore
from tui.core.models import Article
from tui.core.user_files import UserFileError, read_regular_file

#: Import files larger than this are refused.
MAX_BYTES = 256 * 1024 * 1024


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    format: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    tags_added: list[str] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        """One line: "3 added, 1 updated, 0 skipped, 1 orphaned, 2 new tags"."""
        verb = "would be " if self.dry_run else ""
        return (
            f"{len(self.added)} {verb}added, {len(self.updated)} {verb}updated, "
            f"{len(self.skipped)} skipped, {len(self.orphaned)} orphaned, "
            f"{len(self.tags_added)} new tag{'s' if len(self.tags_added) != 1 else ''} ({self.format})"
        )

    def as_json(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "format": self.format,
            "dry_run": self.dry_run,
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "orphaned": self.orphaned,
            "tags_added": self.tags_added,
        }


def read_document(path: Path) -> Any:
    """The parsed JSON of an import file; InvalidImport says why it cannot be read.

    Only a regular file of at most :data:`MAX_BYTES` is read: a FIFO, a device such as
    ``/dev/zero`` or a folder is refused at once, without blocking or reading without end.
    """
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except UserFileError as error:
        raise checks.InvalidImport("", error.reason) from None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise checks.InvalidImport("", f"not valid JSON ({error})") from None


def import_document(
    data: Any, store: AnnotationStore, articles: dict[str, Article], dry_run: bool = False
) -> ImportReport:
    """Import a parsed document into ``store`` (``articles``: the corpus by id); all or nothing."""
    if native.is_native(data):
        incoming, tags = native.parse(data)
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
        if not dry_run:
            for tag in new_tags:
                store.save_tag(tag)
            if to_save:
                store.save(*to_save)
    return report


def _changes(
    incoming: list[Annotation], store: AnnotationStore, articles: dict[str, Article], report: ImportReport
) -> list[Annotation]:
    """The annotations to save, sorting every incoming one into the report."""
    latest: dict[str, Annotation] = {}
    for annotation in incoming:  # the same id twice in one file: the later modification wins
        if annotation.id not in latest or annotation.modified > latest[annotation.id].modified:
            latest[annotation.id] = annotation
    to_save: list[Annotation] = []
    for annotation in latest.values():
        existing = store.get(annotation.id)
        if existing is not None and not annotation.modified > existing.modified:
            report.skipped.append(annotation.id)
            continue
        (report.added if existing is None else report.updated).append(annotation.id)
        if not annotation.modified:  # a W3C annotation without times: stamped when first imported
            stamp = now()
            annotation = replace(annotation, created=annotation.created or stamp, modified=stamp)
        article = articles.get(annotation.article)
        if article is None or place(annotation, article.text, text_hash(article.text)).orphan:
            report.orphaned.append(annotation.id)
        to_save.append(annotation)
    return to_save


def _tag_changes(
    tags: list[Tag], annotations: list[Annotation], store: AnnotationStore, report: ImportReport
) -> list[Tag]:
    """Tags to add or update: those in the file, newer than ours; names only used count as new too."""
    known = {tag.name: tag for tag in store.tags()}
    changes = [tag for tag in tags if tag.name not in known or tag.modified > known[tag.name].modified]
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
