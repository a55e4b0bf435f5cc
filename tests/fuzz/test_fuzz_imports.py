"""Random and adversarial import files, native and W3C: imported whole, or refused in one InvalidImport line.

Documents are real exports of a small store, mutated at random (a value replaced by any JSON
value, a key dropped, an item duplicated), documents built from strategies shaped like the
two formats, and raw bytes. Whatever an import accepts, an export of the store it made must
import again into an empty store: a backup that cannot be restored is a defect too.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import orjson
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.fuzz.limits import assert_one_line, example_file, time_limit
from tui.core.annotations import native
from tui.core.annotations.checks import InvalidImport
from tui.core.annotations.exporting import export_bytes
from tui.core.annotations.importing import import_document, read_document
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import load_corpus
from tui.core.models import Article

ARTICLES = Path(__file__).resolve().parents[2] / "articles"
DEEP_ARRAYS = b"[" * 2000 + b"]" * 2000
TEN_MEGABYTES = 10 * 1024 * 1024

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**64 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["", " ", "\t\n", "2025-11-07T10:00:00Z", "zzzz", "9999-12-31T23:59:59Z", "#61afef"]),
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


@functools.cache
def corpus_articles() -> dict[str, Article]:
    """The bundled articles by id (read once: the tests never change them)."""
    return {article.id: article for article in load_corpus(ARTICLES).articles}


@functools.cache
def real_exports() -> dict[str, bytes]:
    """A native and a W3C export of a store with tags, notes, a highlight and an odd tag name."""
    articles = corpus_articles()
    store = AnnotationStore.in_memory()
    text = articles["003_ae4195037769579a"].text
    start = text.index("Ali Larijani")
    other = articles["000_9154f6903408afad"].text
    money = other.index("$10 billion")
    store.save(
        Annotation.create("003_ae4195037769579a", text, start, start + 12, ("people",), "SNSC", "analyst"),
        Annotation.create("000_9154f6903408afad", other, money, money + 11, ("[b]x[/]",), "", "analyst"),
        Annotation.create("000_9154f6903408afad", other, 0, 20),
    )
    store.save_tag(Tag("people", "#61afef", "who is who"))
    return {kind: export_bytes(kind, store, articles)[0] for kind in ("native", "w3c")}


@st.composite
def mutated_exports(draw: st.DrawFn) -> Any:
    """A real export with a few random changes deep inside it."""
    document = orjson.loads(real_exports()[draw(st.sampled_from(["native", "w3c"]))])
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        _mutate(document, draw)
    return document


def _mutate(document: Any, draw: st.DrawFn) -> None:
    """Walk to a random object or array in ``document`` and change one of its entries."""
    node = document
    while True:
        children = list(node.values()) if isinstance(node, dict) else node
        containers = [child for child in children if isinstance(child, dict | list)]
        if not containers or draw(st.integers(min_value=0, max_value=3)) == 0:
            break
        node = draw(st.sampled_from(containers))
    if isinstance(node, dict) and node:
        key = draw(st.sampled_from(sorted(node)))
        action = draw(st.sampled_from(["replace", "drop", "retype"]))
        if action == "drop":
            del node[key]
        elif action == "retype":
            node[key] = draw(st.sampled_from([None, 0, -1, "", " ", [], {}, 2**70, "zzzz", True]))
        else:
            node[key] = draw(json_values)
    elif isinstance(node, list) and node:
        index = draw(st.integers(min_value=0, max_value=len(node) - 1))
        if draw(st.booleans()):
            node.append(node[index])  # the same item twice
        else:
            node[index] = draw(json_values)


annotation_shaped = st.fixed_dictionaries(
    {
        "id": st.uuids().map(str) | st.text(max_size=8),
        "article": st.sampled_from(["000_9154f6903408afad", "003_ae4195037769579a", "nope", ""]),
        "text_hash": st.text(max_size=8),
        "start": st.integers(min_value=-5, max_value=5000),
        "end": st.integers(min_value=-5, max_value=5000),
        "quote": st.sampled_from(["Ali Larijani", " ", "", "Tehran"]) | st.text(max_size=20),
    },
    optional={
        "prefix": st.text(max_size=10),
        "suffix": st.text(max_size=10),
        "tags": st.lists(st.text(max_size=8), max_size=3) | json_values,
        "note": st.text(max_size=20),
        "author": st.text(max_size=8),
        "created": st.sampled_from(["2025-11-07T10:00:00Z", "zzzz", ""]) | st.text(max_size=8),
        "modified": st.sampled_from(["2025-11-07T10:00:00Z", "9999-12-31T23:59:59Z", "zzzz"]),
    },
)
native_shaped = st.fixed_dictionaries(
    {"format": st.just(native.FORMAT), "version": st.just(1) | st.sampled_from([0, 2, -1, "1", None, 2**70])},
    optional={
        "tags": st.lists(
            st.fixed_dictionaries(
                {"name": st.text(max_size=8)},
                optional={
                    "colour": st.sampled_from(["#61afef", "red", "", "#zzzzzz"]),
                    "description": json_values,
                },
            ),
            max_size=3,
        ),
        "annotations": st.lists(annotation_shaped, max_size=3),
        "articles": json_values,
    },
)
w3c_shaped = st.fixed_dictionaries(
    {
        "@context": st.just("http://www.w3.org/ns/anno.jsonld"),
        "type": st.sampled_from(["Annotation", "AnnotationCollection", "Other"]),
    },
    optional={
        "id": st.sampled_from(["urn:uuid:6b1e2f2e-8d1e-4c1b-9a51-0d4f3c2b1a00", "x"]) | st.text(max_size=8),
        "target": json_values
        | st.fixed_dictionaries(
            {
                "source": st.sampled_from(["iranpak:000_9154f6903408afad", "https://example.org/a"]),
                "selector": st.lists(
                    st.fixed_dictionaries(
                        {"type": st.sampled_from(["TextQuoteSelector", "TextPositionSelector"])},
                        optional={
                            "exact": st.sampled_from(["Tehran", " ", ""]) | st.text(max_size=10),
                            "start": st.integers(-3, 5000),
                            "end": st.integers(-3, 5000),
                        },
                    ),
                    max_size=2,
                ),
            }
        ),
        "body": json_values,
        "first": json_values,
        "items": st.lists(json_values, max_size=2),
    },
)


def _import_or_refuse(document: Any) -> None:
    """Import into an empty store; if accepted, its native export must import into another one."""
    articles = corpus_articles()
    store = AnnotationStore.in_memory()
    try:
        import_document(document, store, articles)
    except InvalidImport as error:
        assert_one_line(error)
        assert store.annotations() == [] and store.tags() == []  # all or nothing
        return
    backup = orjson.loads(export_bytes("native", store, articles)[0])
    restored = AnnotationStore.in_memory()
    import_document(backup, restored, articles)  # a backup is always restorable
    assert {a.id for a in restored.annotations()} == {a.id for a in store.annotations()}


@settings(settings.get_profile("fuzz"), max_examples=250)
@given(mutated_exports() | native_shaped | w3c_shaped | json_values)
def test_an_import_document_is_imported_whole_or_refused_in_one_line(document: Any) -> None:
    with time_limit("imports: documents"):
        _import_or_refuse(document)


@settings(settings.get_profile("fuzz"), max_examples=100)
@given(
    st.sampled_from(["native", "w3c"]).flatmap(
        lambda kind: st.integers(min_value=0, max_value=len(real_exports()[kind])).map(
            lambda cut: real_exports()[kind][:cut]
        )
    )
    | st.binary(max_size=200)
)
@example(DEEP_ARRAYS)
@example(b'{"format": "iranpak-reader/annotations", "version": ' + b"9" * 5000 + b"}")
@example(b'{"format": "iranpak-reader/annotations", "version": 1, "tags": [{"name": "\\ud800"}]}')
@example(b'{"format": "iranpak-reader/annotations", "version": 1, "tags": [{"name": "a\\u0000b"}]}')
@example(b'\xef\xbb\xbf{"format": "iranpak-reader/annotations", "version": 1}')
@example(b'{"format": "iranpak-reader/annotations",\r\n "version": 1}\r\n')
@example(b"[" + b"0," * (TEN_MEGABYTES // 2) + b"0]")
@example(b"\x00" * 100)
def test_an_import_file_is_read_or_refused_in_one_line(tmp_path: Path, content: bytes) -> None:
    with example_file("imports: files", tmp_path / "import.json", content) as path:
        try:
            document = read_document(path)
        except InvalidImport as error:
            assert_one_line(error)
            return
        _import_or_refuse(document)
