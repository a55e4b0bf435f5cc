"""The annotation store, on memory and on the journalled file storage, and the storage's safety rules."""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.core.store import StoreError
from tui.core.store.journal import encode

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
    assert store.rename_tag("people", "actors") == 1
    assert store.tag("actors") is not None and store.tag("actors").colour == "#112233"  # type: ignore[union-attr]
    assert store.tag("people") is None
    assert store.merge_tags(["persons"], "actors") == 1
    assert store.tag_counts() == {"actors": 2, "iran": 1}
    assert store.delete_tag("iran") == 1
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


def test_a_snapshot_edited_by_hand_is_refused(tmp_path: Path, corpus: Corpus) -> None:
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


def test_journal_of_an_older_generation_is_ignored(
    tmp_path: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between a compaction's two renames: the new snapshot already holds the old journal."""
    monkeypatch.setattr("tui.core.store.storage.COMPACT_BYTES", 0)
    store = AnnotationStore.open(tmp_path)
    annotation = make(corpus, "Larijani", "a")
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
