"""Random and adversarial store files: the journal's reader, and a store opened on random snapshot/journal bytes.

The journal decoder returns the records of complete saves or raises JournalCorrupt; a store
opened on whatever bytes (random, cut short, mutated, or with valid checksums around documents
missing their fields) either opens, reads and saves, or raises one StoreError line.
"""

from __future__ import annotations

import functools
import shutil
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.fuzz.limits import assert_one_line, time_limit
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import ANNOTATIONS, TAGS, AnnotationStore
from tui.core.store.errors import StoreError
from tui.core.store.journal import JournalCorrupt, decode, encode, encode_commit
from tui.core.store.storage import FORMAT, VERSION

TEXT = "Iran and Pakistan agreed in Tehran to raise trade to $10 billion."
HEADER = {"format": FORMAT, "version": VERSION, "generation": "fuzz"}

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.text(max_size=12),
    st.sampled_from(["", "\n"]),
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
records = st.dictionaries(st.sampled_from(["t", "k", "d", "x", "commit"]) | st.text(max_size=4), json_values)


@st.composite
def journals(draw: st.DrawFn) -> bytes:
    """Journal lines of a few saves, then cut, flipped, interleaved with garbage or left as they are."""
    saves = draw(st.lists(st.lists(records, max_size=3), max_size=4))
    data = bytearray(b"".join(encode_commit(save) for save in saves))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        action = draw(st.sampled_from(["cut", "flip", "garbage", "line"]))
        where = draw(st.integers(min_value=0, max_value=len(data)))
        if action == "cut":
            del data[where:]
        elif action == "flip" and where < len(data):
            data[where] ^= draw(st.integers(min_value=1, max_value=255))
        elif action == "garbage":
            data[where:where] = draw(st.binary(max_size=20))
        else:
            data[where:where] = encode(draw(records))
    return bytes(data)


@settings(settings.get_profile("fuzz"), max_examples=300)
@given(journals() | st.binary(max_size=300), st.integers(min_value=0, max_value=1 << 40))
@example(b"00000000 {}\n" * 3, 0)
@example(b"\xef\xbb\xbf" + encode_commit([{"t": "tags", "k": "1", "d": {}}]), 0)
@example(encode_commit([{"t": "tags"}]).replace(b"\n", b"\r\n"), 0)
@example(b'ffffffff {"commit": ' + b"9" * 5000 + b"}\n" + b"x" * 10_000_000, 7)
def test_the_journal_decoder_returns_complete_saves_or_says_corrupt(data: bytes, base: int) -> None:
    with time_limit("store: journal decode"):
        try:
            decoded = decode(data, base)
        except JournalCorrupt as error:
            assert_one_line(error)
        else:
            assert base <= decoded.end <= base + len(data)
            assert all(isinstance(record, dict) for record in decoded.records)


@settings(settings.get_profile("fuzz"), max_examples=100)
@given(st.lists(st.lists(records.filter(lambda record: "commit" not in record), max_size=3), max_size=4))
def test_the_journal_decoder_reads_back_every_whole_save(saves: list[list[dict[str, Any]]]) -> None:
    with time_limit("store: journal round trip"):
        data = b"".join(encode_commit(save) for save in saves)
        assert decode(data).records == [record for save in saves for record in save]
        if data:  # a save cut anywhere in its last line is dropped whole
            torn = decode(data[:-1])
            assert torn.records == [record for save in saves[:-1] for record in save]


@functools.cache
def _stored_tables() -> bytes:
    """Two annotations and a tag as this program stores them, with fixed ids and times."""
    stamp = "2025-11-07T10:00:00Z"
    first = Annotation.create("000", TEXT, 0, 4, ("places",), "a note", "analyst")
    first = replace(first, id="6b1e2f2e-8d1e-4c1b-9a51-0d4f3c2b1a00", created=stamp, modified=stamp)
    second = Annotation.create("000", TEXT, 9, 17)
    second = replace(second, id="0f0e2f2e-8d1e-4c1b-9a51-0d4f3c2b1a01", created=stamp, modified=stamp)
    tag = Tag("places", "#61afef", "where", created=stamp, modified=stamp)
    return orjson.dumps(
        {
            ANNOTATIONS: {str(a.doc_id): a.as_json() for a in (first, second)},
            TAGS: {str(tag.doc_id): tag.as_json()},
        }
    )


def _documents() -> dict[str, dict[str, dict[str, Any]]]:
    """A fresh copy of the stored tables (the strategies change what they are given)."""
    tables: dict[str, dict[str, dict[str, Any]]] = orjson.loads(_stored_tables())
    return tables


@st.composite
def damaged_tables(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """Real tables with documents changed: a field dropped or retyped, a key changed, junk added."""
    tables: dict[str, dict[str, Any]] = _documents()
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        table = draw(st.sampled_from([ANNOTATIONS, TAGS, "other"]))
        rows = tables.setdefault(table, {})
        if not rows or draw(st.integers(min_value=0, max_value=4)) == 0:
            rows[draw(st.sampled_from(["1", "x", "007", "-1"]))] = draw(json_values)
            continue
        key = draw(st.sampled_from(sorted(rows)))
        document = rows[key]
        if not isinstance(document, dict) or not document:
            continue
        field = draw(st.sampled_from(sorted(document)))
        if draw(st.booleans()):
            del document[field]
        else:
            document[field] = draw(st.sampled_from([None, -1, 2**40, "", "\n", [], {}, True, "zzzz"]))
    return tables


def snapshot_bytes(tables: Any) -> bytes:
    """A snapshot file with a valid header and checksum around ``tables``."""
    body = orjson.dumps(tables)
    summary = {**HEADER, "bytes": len(body), "crc32": f"{zlib.crc32(body):08x}"}
    return orjson.dumps(summary) + b"\n" + body


@st.composite
def store_files(draw: st.DrawFn) -> tuple[bytes | None, bytes | None]:
    """A snapshot's and a journal's bytes (None: no such file), well-formed or not."""
    snapshot = draw(
        st.sampled_from([snapshot_bytes(_documents()), snapshot_bytes({})])
        | damaged_tables().map(snapshot_bytes)
        | st.binary(max_size=100)
        | st.none()
    )
    if snapshot is not None and draw(st.integers(min_value=0, max_value=5)) == 0:
        cut = draw(st.integers(min_value=0, max_value=len(snapshot)))
        snapshot = snapshot[:cut]
    journal_records = draw(
        st.lists(
            st.builds(
                lambda table, key, document: {"t": table, "k": key, "d": document},
                st.sampled_from([ANNOTATIONS, TAGS]),
                st.sampled_from(sorted(_documents()[ANNOTATIONS]) + sorted(_documents()[TAGS]) + ["1", "x"]),
                json_values
                | damaged_tables().map(lambda tables: next(iter(tables[ANNOTATIONS].values()), {})),
            )
            | records,
            max_size=3,
        )
    )
    journal = draw(
        st.just(encode(HEADER) + encode_commit(journal_records))
        | journals().map(lambda lines: encode(HEADER) + lines)
        | st.binary(max_size=60)
        | st.none()
    )
    return snapshot, journal


def _open_read_and_save(folder: Path) -> None:
    """Open the store in ``folder``, read all of it and save a tag: or one StoreError line."""
    try:
        store = AnnotationStore.open(folder)
    except StoreError as error:
        assert_one_line(error)
        return
    try:
        store.annotations()
        store.tags()
        store.tag_counts()
        store.save_tag(Tag("fuzzed"))
        assert store.tag("fuzzed") is not None
    except StoreError as error:
        assert_one_line(error)
    finally:
        store.close()


@settings(settings.get_profile("fuzz"), max_examples=150)
@given(store_files())
@example((snapshot_bytes({TAGS: {"1": {"colour": "#61afef"}}}), None))  # a tag without its name
@example((snapshot_bytes({}), encode(HEADER) + encode_commit([{"t": TAGS, "k": "5", "d": {"x": 1}}])))
@example((snapshot_bytes({}), encode(HEADER) + encode_commit([]) + b"garbage appended\n" + encode_commit([])))
@example((b"\x00" * 64, None))
@example((None, encode(HEADER)))
@example((snapshot_bytes({ANNOTATIONS: {"1": {"id": "a\nb"}}}), None))
def test_a_store_on_any_files_opens_or_is_one_store_error(
    tmp_path: Path, files: tuple[bytes | None, bytes | None]
) -> None:
    snapshot, journal = files
    with time_limit("store: open on random files"):
        folder = tmp_path / "store"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        if snapshot is not None:
            (folder / "annotations.json").write_bytes(snapshot)
        if journal is not None:
            (folder / "annotations.journal").write_bytes(journal)
        _open_read_and_save(folder)
