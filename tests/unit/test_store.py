"""The annotation store, on memory and on the journalled file storage, and the storage's safety rules.

One user-level change is one journal commit, a failed one leaves no trace, undo and redo restore
exactly, and the store checks every document it reads.
"""

from __future__ import annotations

import os
import uuid
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest

from tests.conftest import make_not_a_file
from tui.core.annotations.history import History, StaleStep
from tui.core.annotations.model import Annotation, InvalidAnnotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.core.store import StoreError, files
from tui.core.store.journal import decode, encode, encode_commit

ARTICLE = "003_ae4195037769579a"


@pytest.fixture(params=["memory", "file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AnnotationStore]:
    """An empty store of each kind."""
    opened = AnnotationStore.in_memory() if request.param == "memory" else AnnotationStore.open(tmp_path)
    yield opened
    opened.close()


def make(corpus: Corpus, quote: str, *tags: str, note: str = "") -> Annotation:
    """An annotation of the first occurrence of ``quote`` in the test article."""
    article = corpus.find(ARTICLE)
    assert article is not None
    start = article.text.index(quote)
    return Annotation.create(ARTICLE, article.text, start, start + len(quote), tags, note)


def test_save_get_and_filter(store: AnnotationStore, corpus: Corpus) -> None:
    first = make(corpus, "Larijani", "people", "security")
    second = make(corpus, "Mohsin Naqvi", "people", note="Pakistan's foreign minister")
    store.save(first, second)
    assert store.get(first.id) == first
    assert [a.id for a in store.annotations(tag="people")] == sorted(
        [first.id, second.id],
        key=lambda i: store.get(i).start,  # type: ignore[union-attr]
    )
    assert [a.id for a in store.annotations(tag="security")] == [first.id]
    assert store.annotations(article="other") == []
    assert store.counts_by_article() == {ARTICLE: 2}
    assert store.tag_counts() == {"people": 2, "security": 1}
    assert [t.name for t in store.tags()] == ["people", "security"]
    assert first.prefix and first.suffix and len(first.prefix) <= 32


def test_edit_and_delete(store: AnnotationStore, corpus: Corpus) -> None:
    annotation = make(corpus, "Larijani", "people")
    store.save(annotation)
    edited = annotation.edited(note="edited", tags=("people", "iran"))
    store.save(edited)
    assert store.get(annotation.id) == edited
    assert len(store.annotations()) == 1
    store.delete(annotation.id)
    assert store.get(annotation.id) is None
    assert store.annotations() == []


def test_rename_merge_and_delete_tags_everywhere(store: AnnotationStore, corpus: Corpus) -> None:
    a = make(corpus, "Larijani", "people", "iran")
    b = make(corpus, "Mohsin Naqvi", "persons")
    store.save(a, b)
    store.save_tag(Tag("people", "#112233", "who is who"))
    assert len(store.rename_tag("people", "actors").annotations) == 1
    assert store.tag("actors") is not None and store.tag("actors").colour == "#112233"  # type: ignore[union-attr]
    assert store.tag("people") is None
    assert len(store.merge_tags(["persons"], "actors").annotations) == 1
    assert store.tag_counts() == {"actors": 2, "iran": 1}
    assert len(store.delete_tag("iran").annotations) == 1
    assert store.get(a.id).tags == ("actors",)  # type: ignore[union-attr]
    assert [t.name for t in store.tags()] == ["actors"]


def test_text_is_stored_byte_for_byte(store: AnnotationStore, corpus: Corpus) -> None:
    hostile = "[bold red]x[/] \x1b[31mred\x1b[0m 🇮🇷🤝🇵🇰 سلام دنیا [link=http://e.vil]y[/link]"
    annotation = make(corpus, "Larijani", hostile, note=hostile + "\nsecond line")
    store.save(annotation)
    assert store.get(annotation.id) == annotation
    assert store.tags()[0].name == hostile


def test_file_store_survives_reopening(tmp_path: Path, corpus: Corpus) -> None:
    store = AnnotationStore.open(tmp_path)
    annotation = make(corpus, "Larijani", "people")
    store.save(annotation)
    store.close()
    again = AnnotationStore.open(tmp_path)
    assert again.annotations() == [annotation]


def test_two_handles_see_each_other(tmp_path: Path, corpus: Corpus) -> None:
    one, two = AnnotationStore.open(tmp_path), AnnotationStore.open(tmp_path)
    a, b = make(corpus, "Larijani", "x"), make(corpus, "Mohsin Naqvi", "y")
    one.save(a)
    two.save(b)
    assert {x.id for x in one.annotations()} == {a.id, b.id}
    assert {x.id for x in two.annotations()} == {a.id, b.id}


def test_torn_tail_is_dropped_and_cut_on_next_save(tmp_path: Path, corpus: Corpus) -> None:
    store = AnnotationStore.open(tmp_path)
    kept = make(corpus, "Larijani", "kept")
    store.save(kept)
    store.close()
    journal = tmp_path / "annotations.journal"
    lost = make(corpus, "Mohsin Naqvi", "lost")
    line = encode({"t": "annotations", "k": str(lost.doc_id), "d": lost.as_json()})
    with journal.open("ab") as file:
        file.write(line + line[:20])  # a record without its commit line, then half a line
    again = AnnotationStore.open(tmp_path)
    assert [a.id for a in again.annotations()] == [kept.id]
    later = make(corpus, "Tehran", "later")
    again.save(later)
    assert {a.id for a in AnnotationStore.open(tmp_path).annotations()} == {kept.id, later.id}


def test_damaged_line_in_the_middle_is_refused(tmp_path: Path, corpus: Corpus) -> None:
    store = AnnotationStore.open(tmp_path)
    store.save(make(corpus, "Larijani", "a"))
    store.save(make(corpus, "Mohsin Naqvi", "b"))
    store.close()
    journal = tmp_path / "annotations.journal"
    data = bytearray(journal.read_bytes())
    second_line = data.index(b"\n") + 1
    data[second_line + 12] ^= 0x01
    journal.write_bytes(bytes(data))
    before = journal.read_bytes()
    with pytest.raises(StoreError, match="damaged line"):
        AnnotationStore.open(tmp_path)
    assert journal.read_bytes() == before


def _snapshot(tables: object, version: int = 1, crc: str | None = None) -> bytes:
    """Snapshot bytes with a header describing ``tables`` (or a given, wrong CRC)."""
    body = orjson.dumps(tables)
    header = {"format": "iranpak-reader/store", "version": version, "generation": "g", "bytes": len(body)}
    header["crc32"] = crc or f"{zlib.crc32(body):08x}"
    return orjson.dumps(header) + b"\n" + body


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "something else"}\n{}', "not an iranpak-reader store"),
        (_snapshot({}, version=99), "newer iranpak-reader"),
        (_snapshot({"annotations": {}}, crc="00000000"), "checksum does not match"),
        (_snapshot({"annotations": {}})[:-3], "checksum does not match"),
        (_snapshot({"annotations": []}), "not objects"),
    ],
)
def test_unreadable_snapshot_is_reported_and_never_overwritten(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    snapshot = tmp_path / "annotations.json"
    snapshot.write_bytes(content)
    with pytest.raises(StoreError, match=reason) as caught:
        AnnotationStore.open(tmp_path)
    assert str(snapshot) in str(caught.value)
    assert snapshot.read_bytes() == content


def test_a_snapshot_edited_by_hand_is_refused(
    tmp_path: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.core.store.storage.COMPACT_BYTES", 0)  # closing folds the save into it
    store = AnnotationStore.open(tmp_path)
    store.save(make(corpus, "Larijani", "a"))
    store.close()
    snapshot = tmp_path / "annotations.json"
    snapshot.write_bytes(snapshot.read_bytes().replace(b'"a"', b'"b"'))
    with pytest.raises(StoreError, match="checksum"):
        AnnotationStore.open(tmp_path)


def test_journal_without_snapshot_is_refused(tmp_path: Path) -> None:
    (tmp_path / "annotations.journal").write_bytes(b"junk\n")
    with pytest.raises(StoreError, match="without its snapshot"):
        AnnotationStore.open(tmp_path)


def test_a_removed_journal_is_reported_and_the_store_never_written(tmp_path: Path, corpus: Corpus) -> None:
    """The journal holds every save since the last compaction: without it they would be lost unsaid."""
    store = AnnotationStore.open(tmp_path)
    store.save(make(corpus, "Larijani", "a"), make(corpus, "Tehran", "b"))
    (tmp_path / "annotations.journal").unlink()
    with pytest.raises(StoreError, match=r"annotations\.journal: missing: the saves it held"):
        store.annotations()  # a running process notices at its next read
    with pytest.raises(StoreError, match="missing"):
        AnnotationStore.open(tmp_path)
    snapshot = (tmp_path / "annotations.json").read_bytes()
    with pytest.raises(StoreError):
        store.save(make(corpus, "Islamabad", "c"))
    assert (tmp_path / "annotations.json").read_bytes() == snapshot
    assert not (tmp_path / "annotations.journal").exists()


def test_a_new_store_cut_short_or_without_its_first_snapshot_loses_nothing(
    tmp_path: Path, corpus: Corpus
) -> None:
    """A store's first journal is begun before its (empty) snapshot, so either file alone is whole."""
    store = AnnotationStore.open(tmp_path)
    store.save(make(corpus, "Larijani", "a"))
    (tmp_path / "annotations.json").unlink()
    reopened = AnnotationStore.open(tmp_path)
    assert [a.tags for a in reopened.annotations()] == [("a",)]
    reopened.save(make(corpus, "Tehran", "b"))  # writes the snapshot back
    assert (tmp_path / "annotations.json").exists()
    assert sorted(a.tags for a in AnnotationStore.open(tmp_path).annotations()) == [("a",), ("b",)]


def test_journal_of_an_older_generation_is_ignored(
    tmp_path: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between a compaction's two renames: the new snapshot already holds the old journal."""
    monkeypatch.setattr("tui.core.store.storage.COMPACT_BYTES", 0)
    store = AnnotationStore.open(tmp_path)
    annotation = make(corpus, "Larijani", "a")
    for note in ("first", "second", "third"):  # the first save writes a snapshot, the others the journal
        annotation = annotation.edited(note=note)
        store.save(annotation)
    journal = tmp_path / "annotations.journal"
    old_journal = journal.read_bytes()
    store.close()  # compacts: a new snapshot and a fresh journal of a new generation
    assert journal.read_bytes() != old_journal
    journal.write_bytes(old_journal)
    reopened = AnnotationStore.open(tmp_path)
    assert [a.id for a in reopened.annotations()] == [annotation.id]
    later = make(corpus, "Tehran", "b")
    reopened.save(later)  # the stale journal is replaced, not appended to
    assert {a.id for a in AnnotationStore.open(tmp_path).annotations()} == {annotation.id, later.id}


def test_a_compaction_cut_between_its_two_files_loses_no_save_of_another_store(
    tmp_path: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Store one's compaction replaces the snapshot, then fails on the journal; store two saves next."""
    monkeypatch.setattr("tui.core.store.storage.COMPACT_BYTES", 0)
    one, two = AnnotationStore.open(tmp_path), AnnotationStore.open(tmp_path)
    annotation = make(corpus, "Larijani", "a")
    for note in ("first", "second", "third"):
        annotation = annotation.edited(note=note)
        one.save(annotation)
    assert [a.note for a in two.annotations()] == ["third"]  # two is up to date with this journal
    replace_atomically = files.replace_atomically

    def journal_fails(path: Path, data: bytes) -> None:
        if path.suffix == ".journal":
            raise StoreError(path, "cannot write: no space left on device")
        replace_atomically(path, data)

    snapshot = (tmp_path / "annotations.json").read_bytes()
    monkeypatch.setattr(files, "replace_atomically", journal_fails)
    one.close()  # compacts: the new snapshot is written, the journal is not
    monkeypatch.undo()
    assert (tmp_path / "annotations.json").read_bytes() != snapshot
    later = make(corpus, "Tehran", "b")
    two.save(later)
    assert {a.id for a in AnnotationStore.open(tmp_path).annotations()} == {annotation.id, later.id}
    assert {a.id for a in two.annotations()} == {annotation.id, later.id}


def test_close_folds_a_long_journal_into_the_snapshot(
    tmp_path: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.core.store.storage.COMPACT_BYTES", 1000)
    store = AnnotationStore.open(tmp_path)
    for index in range(20):
        store.save(make(corpus, "Larijani", f"tag{index}"))
    journal = tmp_path / "annotations.journal"
    assert journal.stat().st_size > 1000
    store.close()
    assert journal.stat().st_size < 200
    assert len(AnnotationStore.open(tmp_path).annotations()) == 20


def test_stray_temporary_files_are_removed_on_open(tmp_path: Path) -> None:
    stray = tmp_path / ".annotations.json.deadbeef.tmp"
    stray.write_bytes(b"half a snapshot")
    AnnotationStore.open(tmp_path).close()
    assert not stray.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_opens_read_only(tmp_path: Path, corpus: Corpus) -> None:
    store = AnnotationStore.open(tmp_path)
    annotation = make(corpus, "Larijani", "a")
    store.save(annotation)
    store.close()
    tmp_path.chmod(0o555)
    try:
        again = AnnotationStore.open(tmp_path)
        assert again.read_only and "not writable" in again.read_only
        assert again.annotations() == [annotation]
        with pytest.raises(StoreError, match="read-only"):
            again.save(make(corpus, "Mohsin Naqvi", "b"))
    finally:
        tmp_path.chmod(0o755)


def test_folder_without_write_permission_opens_read_only(
    tmp_path: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as above for root, who can write anywhere: the lock file cannot be made."""
    store = AnnotationStore.open(tmp_path)
    annotation = make(corpus, "Larijani", "a")
    store.save(annotation)
    store.close()
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("filelock.FileLock.acquire", refuse)
    again = AnnotationStore.open(tmp_path)
    assert again.read_only == f"{tmp_path} is not writable"
    assert again.annotations() == [annotation]
    with pytest.raises(StoreError, match="read-only"):
        again.save(make(corpus, "Tehran", "b"))
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


# One change, one commit


def commits(folder: Path) -> int:
    """How many commit lines the store's journal holds."""
    data = (folder / "annotations.journal").read_bytes()
    lines = data.splitlines(keepends=True)
    return sum(1 for line in lines[1:] if decode(line).end)


def state(store: AnnotationStore) -> tuple[list[Annotation], list[Tag]]:
    """Everything the store holds, every field."""
    return store.annotations(), store.tags()


OPERATIONS: dict[str, Callable[[AnnotationStore, Corpus], object]] = {
    "tag with a new tag": lambda store, corpus: store.save(make(corpus, "Mohsin Naqvi", "fresh", "people")),
    "rename": lambda store, _: store.rename_tag("people", "actors"),
    "merge into a new tag": lambda store, _: store.merge_tags(["people", "security"], "framing"),
    "merge into an existing tag": lambda store, _: store.merge_tags(["people"], "security"),
    "delete a tag": lambda store, _: store.delete_tag("security"),
    "delete annotations": lambda store, _: store.delete(*(a.id for a in store.annotations())),
}


def _populated(folder: Path, corpus: Corpus) -> AnnotationStore:
    """A file store with two annotations, three tags and a journal already started."""
    store = AnnotationStore.open(folder)
    store.save(make(corpus, "Larijani", "people", "security"))
    store.save(make(corpus, "Tehran", "people", "places"))
    store.save_tag(Tag("people", "#112233", "who is who"))
    return store


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_each_user_operation_is_one_journal_commit(operation: str, tmp_path: Path, corpus: Corpus) -> None:
    store = _populated(tmp_path, corpus)
    before = commits(tmp_path)
    OPERATIONS[operation](store, corpus)
    assert commits(tmp_path) == before + 1
    store.close()


def test_an_undo_and_a_redo_are_one_commit_each(tmp_path: Path, corpus: Corpus) -> None:
    store = _populated(tmp_path, corpus)
    history = History()
    history.record("merge", store.merge_tags(["people", "places"], "security"))
    before = commits(tmp_path)
    history.undo(store)
    assert commits(tmp_path) == before + 1
    history.redo(store)
    assert commits(tmp_path) == before + 2


def test_a_transaction_is_one_commit_and_nested_ones_join_it(tmp_path: Path, corpus: Corpus) -> None:
    store = _populated(tmp_path, corpus)
    before = commits(tmp_path)
    with store.transaction():
        store.save_tag(Tag("new", "#445566"))
        with store.transaction():
            store.save(make(corpus, "Mohsin Naqvi", "new"))
        store.rename_tag("places", "geography")
    assert commits(tmp_path) == before + 1
    assert {t.name for t in AnnotationStore.open(tmp_path).tags()} == {
        "people",
        "security",
        "new",
        "geography",
    }


def test_a_failed_transaction_leaves_no_trace(store: AnnotationStore, corpus: Corpus, tmp_path: Path) -> None:
    store.save(make(corpus, "Larijani", "people"))
    store.save_tag(Tag("people", "#112233", "who is who"))
    start = state(store)
    files_before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    with pytest.raises(RuntimeError, match="stop"), store.transaction():
        store.save(make(corpus, "Tehran", "places"))
        store.rename_tag("people", "actors")
        store.save_tag(Tag("people", "#000000"))
        raise RuntimeError("stop")
    assert state(store) == start
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == files_before


def test_a_save_that_fails_on_disk_leaves_memory_as_the_disk(
    tmp_path: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _populated(tmp_path, corpus)
    start = state(store)

    def full(*args: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tui.core.store.files._write_all", full)
    with pytest.raises(StoreError, match="no space left"):
        store.rename_tag("people", "actors")
    monkeypatch.undo()
    assert state(store) == start
    assert state(AnnotationStore.open(tmp_path)) == start


@pytest.mark.parametrize("where", ["tag", "note"])
def test_text_that_is_not_unicode_is_refused(where: str, store: AnnotationStore, corpus: Corpus) -> None:
    """A lone surrogate (what Python makes of undecodable bytes in argv) cannot be stored."""
    store.save(make(corpus, "Larijani", "people"))
    start = state(store)
    bad = make(corpus, "Tehran", "bad\udcff") if where == "tag" else make(corpus, "Tehran", note="\udcff")
    with pytest.raises(InvalidAnnotation, match="not valid Unicode"):
        store.save(bad)
    with pytest.raises(InvalidAnnotation, match="not valid Unicode"):
        store.save_tag(Tag("x\ud800"))
    assert state(store) == start


# Undo and redo restore exactly


def test_undo_and_redo_of_a_merge_restore_tags_and_annotations(
    store: AnnotationStore, corpus: Corpus
) -> None:
    """The issue's case: the merged tag came back with 0 annotations and the default colour."""
    store.save(make(corpus, "Larijani", "security-framing"), make(corpus, "Tehran", "regional-tension"))
    store.save_tag(Tag("regional-tension", "#e06c75", "neighbours at odds"))
    store.save_tag(Tag("security-framing", "#c678dd", "security first"))
    start = state(store)
    history = History()
    history.record("merge", store.merge_tags(["regional-tension"], "security-framing"))
    end = state(store)
    assert store.tag_counts() == {"security-framing": 2}
    history.undo(store)
    assert state(store) == start
    history.redo(store)
    assert state(store) == end
    assert store.tag("security-framing") == Tag(
        "security-framing", "#c678dd", "security first", *_stamps(start)
    )


def _stamps(start: tuple[list[Annotation], list[Tag]]) -> tuple[str, str]:
    """The created and modified times of the start's security-framing tag."""
    tag = next(t for t in start[1] if t.name == "security-framing")
    return tag.created, tag.modified


@pytest.mark.parametrize(
    "operation", ["rename", "merge into a new tag", "delete a tag", "tag with a new tag"]
)
def test_undo_and_redo_of_codebook_operations_are_exact(
    operation: str, store: AnnotationStore, corpus: Corpus
) -> None:
    store.save(make(corpus, "Larijani", "people", "security"), make(corpus, "Tehran", "people", "places"))
    store.save_tag(Tag("people", "#112233", "who is who"))
    store.save_tag(Tag("security", "#445566", "guns and borders"))
    start = state(store)
    history = History()
    step = OPERATIONS[operation](store, corpus)
    history.record(operation, step)  # type: ignore[arg-type]
    end = state(store)
    assert history.undo(store) == operation
    assert state(store) == start
    assert history.redo(store) == operation
    assert state(store) == end


def test_a_failed_undo_keeps_the_step(
    store: AnnotationStore, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = History()
    history.record("annotate", store.save(make(corpus, "Larijani", "people")))

    def refuse(*args: object, **options: object) -> None:
        raise StoreError(Path("annotations.json"), "read-only: test")

    monkeypatch.setattr(store, "apply", refuse)
    with pytest.raises(StoreError):
        history.undo(store)
    monkeypatch.undo()
    assert history.undo(store) == "annotate"
    assert store.annotations() == []


def test_an_undo_over_a_change_made_elsewhere_is_refused_and_dropped(tmp_path: Path, corpus: Corpus) -> None:
    """Another process (here a second store on the same folder) edits the annotation, then this one undoes."""
    mine, theirs = AnnotationStore.open(tmp_path), AnnotationStore.open(tmp_path)
    history = History()
    history.record("annotate", mine.save(make(corpus, "Larijani", "people")))
    history.record("retag", mine.rename_tag("people", "actors"))
    (annotation,) = theirs.annotations()
    theirs.save(annotation.edited(note="checked by the second coder"))
    with pytest.raises(StaleStep, match=r"'retag'.*changed since"):
        history.undo(mine)
    assert [a.note for a in mine.annotations()] == ["checked by the second coder"]
    assert [t.name for t in mine.tags()] == ["actors"]
    with pytest.raises(StaleStep, match="'annotate'"):
        history.undo(mine)  # the creation's after is not what is stored either
    assert history.undo(mine) is None
    assert mine.annotations()[0].note == "checked by the second coder"


def test_a_tag_recoloured_elsewhere_is_not_undone_over(tmp_path: Path, corpus: Corpus) -> None:
    mine, theirs = AnnotationStore.open(tmp_path), AnnotationStore.open(tmp_path)
    mine.save(make(corpus, "Larijani", "people"))
    history = History()
    history.record("recolour", mine.save_tag(Tag("people", "#112233")))
    theirs.save_tag(Tag("people", "#abcdef", "theirs"))
    with pytest.raises(StaleStep, match="tag 'people'"):
        history.undo(mine)
    assert mine.tag("people") == theirs.tag("people")


def test_undoing_a_new_tag_keeps_it_while_another_store_uses_it(tmp_path: Path, corpus: Corpus) -> None:
    """The undone step made the tag; another process has since tagged its own annotation with it."""
    mine, theirs = AnnotationStore.open(tmp_path), AnnotationStore.open(tmp_path)
    history = History()
    history.record("annotate", mine.save(make(corpus, "Larijani", "fresh")))
    fresh = mine.tag("fresh")
    theirs.save(make(corpus, "Tehran", "fresh"))
    history.undo(mine)
    assert [a.quote for a in mine.annotations()] == ["Tehran"]
    assert mine.tag("fresh") == fresh
    history.redo(mine)  # the tag is already as the step leaves it: nothing is overwritten
    assert sorted(a.quote for a in AnnotationStore.open(tmp_path).annotations()) == ["Larijani", "Tehran"]
    history.undo(mine)
    assert AnnotationStore.open(tmp_path).tag("fresh") == fresh


# The store checks what it reads


def _journal_record(folder: Path, table: str, key: str, document: dict[str, object]) -> None:
    """Append one committed record with a valid checksum, as a foreign writer could."""
    with (folder / "annotations.journal").open("ab") as journal:
        journal.write(encode_commit([{"t": table, "k": key, "d": document}]))


def _tag_key(name: str) -> str:
    """The key a tag is stored under."""
    return str(Tag(name).doc_id)


def _stored_annotation(annotation_id: str) -> dict[str, object]:
    """A whole stored annotation, in the shape this version writes, with this id."""
    return {**Annotation(str(uuid.UUID(int=1)), "a", "", 0, 1, "q").as_json(), "id": annotation_id}


def _older_stored_annotation(annotation_id: str) -> dict[str, object]:
    """A stored annotation in an older shape (no ``synced``), checked field by field."""
    document = _stored_annotation(annotation_id)
    del document["synced"]
    return document


_UUID = uuid.UUID(int=0xABC)
#: Ids that Python's int() or uuid.UUID() read as a number, each with the key that number gives.
NOT_CANONICAL_IDS = [
    ("+1", "1"),
    ("0x1", "1"),
    (" 1 ", "1"),
    ("1_0", "16"),
    ("{" + str(_UUID) + "}", str(_UUID.int)),
    ("urn:uuid:" + str(_UUID), str(_UUID.int)),
    (str(_UUID).upper(), str(_UUID.int)),
    (_UUID.hex, str(_UUID.int)),
]

BAD_DOCUMENTS = [
    ("tags", _tag_key("x"), {"colour": "#112233"}, "has no 'name'"),
    ("weird", "1", {"name": "x"}, "a table this store does not have"),
    ("tags", _tag_key("x"), {"name": "x", "colour": 7}, "'colour' is not text"),
    ("tags", _tag_key("y"), {"name": "x"}, "another name's key"),
    ("annotations", "12", {"id": "12", "article": "a", "start": 0, "end": 1}, "has no 'quote'"),
    (
        "annotations",
        str(uuid.UUID(int=5).int),
        {"id": str(uuid.UUID(int=5)), "article": "a", "start": 4, "end": 1, "quote": "q"},
        "offsets",
    ),
    (
        "annotations",
        str(uuid.UUID(int=5).int),
        {"id": str(uuid.UUID(int=5)), "article": "a", "start": 0, "end": 1, "quote": "q", "tags": [1]},
        "tag that is not text",
    ),
    ("annotations", "x1", {"id": "x"}, "not a number"),
    *(
        ("annotations", key, document, "id is not a UUID")
        for id_, key in NOT_CANONICAL_IDS
        for document in (_stored_annotation(id_), _older_stored_annotation(id_))
    ),
]


@pytest.mark.parametrize(("table", "key", "document", "problem"), BAD_DOCUMENTS)
def test_an_invalid_document_makes_the_store_damaged_and_unwritten(
    table: str, key: str, document: dict[str, object], problem: str, tmp_path: Path, corpus: Corpus
) -> None:
    _populated(tmp_path, corpus).close()
    _journal_record(tmp_path, table, key, document)
    files_before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    with pytest.raises(StoreError, match=f"damaged: .*{problem}") as caught:
        AnnotationStore.open(tmp_path)
    assert caught.value.path == tmp_path / "annotations.journal"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == files_before


def test_an_invalid_document_appended_under_an_open_store_is_a_store_error(
    tmp_path: Path, corpus: Corpus
) -> None:
    store = _populated(tmp_path, corpus)
    _journal_record(tmp_path, "tags", _tag_key("x"), {"colour": "#112233"})
    journal = (tmp_path / "annotations.journal").read_bytes()
    with pytest.raises(StoreError, match="has no 'name'"):
        store.tags()
    with pytest.raises(StoreError, match="has no 'name'"):
        store.save(make(corpus, "Mohsin Naqvi", "more"))
    assert (tmp_path / "annotations.journal").read_bytes() == journal


def test_a_record_without_its_table_or_key_is_damage(tmp_path: Path, corpus: Corpus) -> None:
    _populated(tmp_path, corpus).close()
    with (tmp_path / "annotations.journal").open("ab") as journal:
        journal.write(encode_commit([{"d": {"name": "x"}}]))
    with pytest.raises(StoreError, match="without its table"):
        AnnotationStore.open(tmp_path)


def test_garbage_then_a_save_appended_under_an_open_store_is_a_store_error(
    tmp_path: Path, corpus: Corpus
) -> None:
    store = _populated(tmp_path, corpus)
    with (tmp_path / "annotations.journal").open("ab") as journal:
        journal.write(b"\x00garbage\xff\n" + encode({"commit": 0}))
    with pytest.raises(StoreError, match="damaged line"):
        store.annotations()


def test_an_invalid_document_in_the_snapshot_is_damage(tmp_path: Path, corpus: Corpus) -> None:
    store = _populated(tmp_path, corpus)
    store.close()
    (tmp_path / "annotations.journal").unlink()
    (tmp_path / "annotations.json").unlink()
    store = AnnotationStore.open(tmp_path)
    store._db.storage.write({"tags": {_tag_key("x"): {"colour": "#112233"}}})  # type: ignore[attr-defined]
    with pytest.raises(StoreError, match="has no 'name'") as caught:
        AnnotationStore.open(tmp_path)
    assert caught.value.path == tmp_path / "annotations.json"


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("folder", "is a folder"),
        ("fifo", r"is a FIFO \(named pipe\)"),
        ("loop", "symbolic link that leads nowhere"),
    ],
)
def test_a_lock_file_that_is_not_a_file_is_said_in_words(tmp_path: Path, kind: str, said: str) -> None:
    lock = make_not_a_file(tmp_path / ".annotations.lock", kind)
    with pytest.raises(StoreError, match=f"{said}, not a lock file: remove it") as caught:
        AnnotationStore.open(tmp_path)
    assert caught.value.path == lock


# Quotes


@pytest.mark.parametrize("span", ["space", "newline", "empty", "outside"])
def test_a_blank_or_impossible_passage_is_refused(span: str, corpus: Corpus) -> None:
    article = corpus.find(ARTICLE)
    assert article is not None
    text = article.text
    space, newline = text.index(" "), text.index("\n")
    start, end = {
        "space": (space, space + 1),
        "newline": (newline, newline + 1),
        "empty": (5, 5),
        "outside": (len(text) - 1, len(text) + 4),
    }[span]
    with pytest.raises(InvalidAnnotation, match=r"white space|not within"):
        Annotation.create(ARTICLE, text, start, end, ("ws",))


#: Opens the store in argv[1] and prints the error; then, if argv[2] names a file, makes it a FIFO and reads again.
FIFO_PROBE = """
import os, sys
from pathlib import Path
from tui.core.annotations.store import AnnotationStore
from tui.core.store import StoreError
try:
    store = AnnotationStore.open(Path(sys.argv[1]))
    os.unlink(sys.argv[2])
    os.mkfifo(sys.argv[2])
    store.annotations()
except StoreError as error:
    print(error.reason)
"""


@pytest.mark.parametrize("name", ["annotations.json", "annotations.journal"])
def test_a_fifo_in_place_of_a_store_file_is_refused_without_hanging(
    name: str, tmp_path: Path, corpus: Corpus
) -> None:
    import subprocess
    import sys

    _populated(tmp_path, corpus).close()
    if name == "annotations.json":
        (tmp_path / name).unlink()
        os.mkfifo(tmp_path / name)
    completed = subprocess.run(
        [sys.executable, "-c", FIFO_PROBE, str(tmp_path), str(tmp_path / name)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert "is a FIFO (named pipe), not a regular file" in completed.stdout, completed.stderr
