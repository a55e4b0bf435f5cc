"""Random and adversarial REFI-QDA files: read whole, or refused in one InvalidImport line.

The inputs are a real exported project, its ``project.qde`` with attribute values replaced and
bytes cut or changed, ZIPs of random members, and raw bytes that start like XML or a ZIP.
Whatever is read must import into an empty store and export again as a project that reads back.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz.limits import assert_one_line, time_limit
from tui.core.annotations import refi
from tui.core.annotations.checks import InvalidImport
from tui.core.annotations.exporting import export_bytes
from tui.core.annotations.importing import import_document
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import load_corpus
from tui.core.models import Article

ARTICLES = Path(__file__).resolve().parents[2] / "articles"
ATTRIBUTES = (
    "guid",
    "name",
    "startPosition",
    "endPosition",
    "targetGUID",
    "color",
    "isCodable",
    "plainTextPath",
)


@functools.cache
def corpus_articles() -> dict[str, Article]:
    """The bundled articles by id."""
    return {article.id: article for article in load_corpus(ARTICLES).articles}


@functools.cache
def real_qde() -> bytes:
    """The project.qde of a real export with a nested tag, a note and a Persian passage."""
    articles = corpus_articles()
    store = AnnotationStore.in_memory()
    store.save_tag(Tag("framing/security", "#e06c75", "description"))
    text = articles["001_837904dac7d69cd7"].text
    store.save(
        Annotation.create("001_837904dac7d69cd7", text, 10, 60, ("framing/security",), "note 🇮🇷", "ali")
    )
    qdpx, _ = export_bytes("qdpx", store, articles)
    return zipfile.ZipFile(io.BytesIO(qdpx)).read("project.qde")


def _zip(members: dict[str, bytes]) -> bytes:
    """A ZIP of these members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _check(raw: bytes) -> None:
    """Read ``raw``: refused in one line, or imported and exported again as a project that reads back."""
    articles = corpus_articles()
    store = AnnotationStore.in_memory()
    try:
        import_document(refi.RefiFile(raw), store, articles)
    except InvalidImport as error:
        assert_one_line(error)
        return
    again, _ = export_bytes("qdpx", store, articles)
    assert len(refi.read(again, articles).annotations) == len(store.annotations())


@st.composite
def mutated_qde(draw: st.DrawFn) -> bytes:
    """The real .qde with one attribute's values replaced, or bytes cut, or one byte changed."""
    qde = real_qde()
    how = draw(st.sampled_from(["attribute", "cut", "byte"]))
    if how == "attribute":
        name = draw(st.sampled_from(ATTRIBUTES)).encode()
        value = draw(st.text(max_size=20)).replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        parts = qde.split(name + b'="')
        index = draw(st.integers(0, max(0, len(parts) - 2)))
        if len(parts) > 1:
            tail = parts[index + 1].split(b'"', 1)[1]
            parts[index + 1] = value.encode("utf-8", "surrogatepass") + b'"' + tail
        qde = (name + b'="').join(parts)
    elif how == "cut":
        qde = qde[: draw(st.integers(0, len(qde)))]
    else:
        at = draw(st.integers(0, len(qde) - 1))
        qde = qde[:at] + bytes([draw(st.integers(0, 255))]) + qde[at + 1 :]
    return _zip({"project.qde": qde}) if draw(st.booleans()) else qde


@settings(settings.get_profile("fuzz"), max_examples=150)
@given(mutated_qde())
def test_a_mutated_project_is_read_whole_or_refused_in_one_line(raw: bytes) -> None:
    with time_limit("refi: mutated project"):
        _check(raw)


@settings(settings.get_profile("fuzz"), max_examples=100)
@given(
    st.dictionaries(
        st.sampled_from(
            ["project.qde", "Project.QDE", "sources/x.txt", "a/../b", "/abs", "sources/", "other.qde"]
        ),
        st.binary(max_size=200) | st.just(b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'),
        max_size=4,
    )
    | st.binary(max_size=300).map(lambda b: b"<" + b)
    | st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b)
)
def test_random_zips_and_bytes_are_read_whole_or_refused_in_one_line(data: dict[str, bytes] | bytes) -> None:
    with time_limit("refi: random ZIPs and bytes"):
        _check(data if isinstance(data, bytes) else _zip(data))


#: Any character, and often one XML cannot hold (a control character, a lone surrogate, U+FFFF).
_ANY = st.one_of(st.characters(), st.sampled_from("\x00\x0b\x0c\x1b\ud800\udfff\ufffe\uffff\r\t"))


@settings(settings.get_profile("fuzz"), max_examples=100)
@given(st.text(_ANY, max_size=40), st.text(_ANY, max_size=40))
def test_any_text_in_a_memo_a_title_or_a_tag_exports_and_reads_back_as_xml_holds_it(
    text: str, name: str
) -> None:
    from tui.core.annotations.memos import Memo

    article = Article("950_any", name, "Some text of an article.")
    tag = Tag(f"t{name}", "red", text)
    memos = [Memo("project", "", f"memo {text}", "ali"), Memo("tag", tag.name, f"memo {text}", name)]
    qdpx = refi.export_project([], [tag], {article.id: article}, memos)
    found = refi.read(qdpx, {article.id: article})
    project = next(memo for memo in found.memos if memo.kind == "project")
    assert project.text == refi.xml_text(f"memo {text}")
