"""REFI-QDA exchange: exports validate against the standard's schemas, other tools' projects import
with their codes and codings in place, offsets survive emoji and Persian, hostile files are refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import xmlschema

from tui.core.annotations import refi
from tui.core.annotations.checks import InvalidImport
from tui.core.annotations.exporting import export_bytes
from tui.core.annotations.importing import import_document, read_document
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.core.models import Article

DATA = Path(__file__).resolve().parent.parent / "data" / "refi-qda"
EMOJI_TEXT = "Talks in Tehran 🇮🇷🤝🇵🇰 went well.\nتهران و اسلام‌آباد 😀 agreed on trade."
#: A codebook as Taguette 1.4.1 writes one (by hand: the original declares no licence), with the
#: empty <Sets/> that Taguette writes and the schema does not allow.
TAGUETTE_QDC = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.4.1">'
    b'<Codes><Code guid="1C3E2A9B-0D4F-5A6B-8C7D-9E0F1A2B3C4D" name="border security" isCodable="true"/>'
    b'<Code guid="2D4F3B0C-1E5A-5B7C-9D8E-0F1A2B3C4D5E" name="trade" isCodable="true"/></Codes><Sets/></CodeBook>'
)


@pytest.fixture(scope="module")
def articles(corpus: Corpus) -> dict[str, Article]:
    """The bundled articles, and one with emoji and Persian."""
    found = {article.id: article for article in corpus.articles}
    found["900_emoji"] = Article("900_emoji", "Emoji and Persian", EMOJI_TEXT)
    return found


def _coded(articles: dict[str, Article]) -> AnnotationStore:
    """A store with a two-level tag, a parent that is no tag, notes, and passages in Persian and after emoji."""
    store = AnnotationStore.in_memory()
    store.save_tag(Tag("framing/security", "#e06c75", "Security framing of the border"))
    store.save_tag(Tag("trade", "red"))
    persian = articles["001_837904dac7d69cd7"].text
    start = next(i for i, c in enumerate(persian) if "\u0600" <= c <= "\u06ff")
    store.save(
        Annotation.create("001_837904dac7d69cd7", persian, start, start + 12, ("framing/security",), "یادداشت 🇮🇷", "ali"),
        Annotation.create("900_emoji", EMOJI_TEXT, EMOJI_TEXT.index("went"), EMOJI_TEXT.index("went") + 4, ("trade",)),
        Annotation.create("900_emoji", EMOJI_TEXT, EMOJI_TEXT.index("agreed"), len(EMOJI_TEXT) - 1, ("trade", "framing/security"), author="sara"),
    )  # fmt: skip
    return store


def _qde(qdpx: bytes) -> bytes:
    """The project.qde of a .qdpx."""
    return zipfile.ZipFile(io.BytesIO(qdpx)).read("project.qde")


def test_the_exported_project_and_codebook_validate(articles: dict[str, Article]) -> None:
    store = _coded(articles)
    qdpx, count = export_bytes("qdpx", store, articles)
    assert count == 3
    xmlschema.XMLSchema(str(DATA / "Project.xsd")).validate(_qde(qdpx).decode("utf-8"))
    names = zipfile.ZipFile(io.BytesIO(qdpx)).namelist()
    assert len([n for n in names if n.startswith("sources/") and n.endswith(".txt")]) == len(articles)
    qdc, tags = export_bytes("qdc", store, articles)
    assert tags == 2
    xmlschema.XMLSchema(str(DATA / "Codebook.xsd")).validate(qdc.decode("utf-8"))
    text = qdc.decode("utf-8")
    assert (
        'name="framing" isCodable="false"' in text
        and 'name="security" isCodable="true" color="#E06C75"' in text
    )
    assert 'color="#800000"' in text  # a colour name as rich reads it (the terminal's standard red)


def test_a_codebook_without_codes_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one code"):
        export_bytes("qdc", AnnotationStore.in_memory(), {})


def test_a_round_trip_gives_the_same_project_and_exact_offsets(articles: dict[str, Article]) -> None:
    store = _coded(articles)
    first, _ = export_bytes("qdpx", store, articles)
    assert export_bytes("qdpx", store, articles)[0] == first  # stable GUIDs and times
    emoji = [a for a in store.annotations() if a.article == "900_emoji"]
    qde = _qde(first).decode("utf-8")
    for annotation in emoji:  # code points, the end exclusive
        assert f'startPosition="{annotation.start}" endPosition="{annotation.end}"' in qde
    empty = AnnotationStore.in_memory()
    report = import_document(refi.RefiFile(first), empty, articles)
    assert len(report.added) == 3 and not report.orphaned and not report.left_out
    assert [(a.article, a.start, a.end, a.quote, a.tags, a.note, a.author) for a in empty.annotations()] == [
        (a.article, a.start, a.end, a.quote, a.tags, a.note, a.author) for a in store.annotations()
    ]
    assert export_bytes("qdpx", empty, articles)[0] == first
    again = import_document(refi.RefiFile(first), empty, articles)
    assert len(again.skipped) == 3 and not again.added and not again.updated and not again.tags_added


def _project(text: str, selections: str, codes: str = "") -> bytes:
    """A .qdpx with one text source (``text`` as its UTF-8 file) and these selections."""
    qde = (
        '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="t">'
        + (codes or '<CodeBook><Codes><Code guid="11111111-2222-3333-4444-555555555555" name="a/b" isCodable="true"/></Codes></CodeBook>')
        + '<Sources><TextSource guid="AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE" name="s" plainTextPath="internal://AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE.txt">'
        + selections
        + "</TextSource></Sources></Project>"
    )  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Project.qde", qde)
        archive.writestr("Sources/AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE.txt", text.encode("utf-8"))
    return buffer.getvalue()


def _selection(start: int, end: int, number: int = 1) -> str:
    """A selection coded with the code a/b."""
    return (
        f'<PlainTextSelection guid="00000000-0000-0000-0000-00000000000{number}" startPosition="{start}" endPosition="{end}">'
        '<Coding guid="99999999-0000-0000-0000-000000000000"><CodeRef targetGUID="11111111-2222-3333-4444-555555555555"/></Coding>'
        "</PlainTextSelection>"
    )  # fmt: skip


def test_utf16_counted_selections_after_emoji_are_read_right(articles: dict[str, Article]) -> None:
    # As NVivo for Windows counts: each emoji flag letter (outside the BMP) is two units.
    units = [(len(s[:i].encode("utf-16-le")) // 2) for s in (EMOJI_TEXT,) for i in range(len(s) + 1)]
    spans = [
        (EMOJI_TEXT.index(word), EMOJI_TEXT.index(word) + len(word)) for word in ("went", "agreed", "trade")
    ]
    selections = "".join(_selection(units[a], units[b], n) for n, (a, b) in enumerate(spans, 1))
    found = refi.read(_project("\ufeff" + EMOJI_TEXT, selections), articles)
    assert [a.quote for a in found.annotations] == ["went", "agreed", "trade"]
    # a slash in a code's own name is not a level of the hierarchy
    assert [t.name for t in found.tags] == ["a-b"] and found.annotations[0].tags == ("a-b",)
    plain = refi.read(
        _project(EMOJI_TEXT, "".join(_selection(a, b, n) for n, (a, b) in enumerate(spans, 1))), articles
    )
    assert [a.quote for a in plain.annotations] == ["went", "agreed", "trade"]


def test_crlf_counted_as_two_is_read_right(articles: dict[str, Article]) -> None:
    crlf = EMOJI_TEXT.replace("\n", "\r\n")
    word = "agreed"
    start = crlf.index(word)  # code points with the CR counted
    found = refi.read(_project(crlf, _selection(start, start + len(word)) + _selection(crlf.index("Talks"), crlf.index("Talks") + 5, 2)), articles)  # fmt: skip
    assert [a.quote for a in found.annotations] == ["agreed", "Talks"]


def test_the_atlas_ti_sample_brings_its_codes_and_leaves_out_sources_it_lacks(
    articles: dict[str, Article],
) -> None:
    found = refi.read((DATA / "TestProject.qdpx").read_bytes(), articles)
    assert len(found.tags) == 14 and not found.annotations
    by_name = {tag.name: tag for tag in found.tags}
    assert by_name["Coke::diet Coke"].description == "non sucré" and by_name["Coke"].colour == "#966450"
    assert by_name["cornflakes"].description == "breakfast cereal made by Kellogg’s"
    assert any("its text is not in the file" in line for line in found.left_out)
    assert any("PictureSource" in line for line in found.left_out)


def test_the_nvivo_sample_keeps_its_code_hierarchy(articles: dict[str, Article]) -> None:
    found = refi.read((DATA / "nvivo_project.qdpx").read_bytes(), articles)
    names = {tag.name for tag in found.tags}
    assert len(names) == 262
    assert {
        "rq1_definition/competencies/programming",
        "rq1_definition/framings/cs_as_programming/programming",
    } <= names
    assert "rq1_definition/defining_education/restructuring_high_school/restructure_curriculum" in names
    assert not found.annotations  # its .txt sources are empty: no text to place selections on


def _demo_articles() -> dict[str, Article]:
    """The demo project's two transcripts as articles (as `add` would keep their text)."""
    archive = zipfile.ZipFile(DATA / "demo.qdpx")
    return {
        name: Article(name, name, archive.read(f"sources/{name}.txt").decode("utf-8").lstrip("\n").rstrip())
        for name in ("board_2017", "admin-1")
    }


def test_the_qc_sample_brings_its_codings_to_the_right_places() -> None:
    demo = _demo_articles()
    store = AnnotationStore.in_memory()
    report = import_document(read_document(DATA / "demo.qdpx"), store, demo)
    assert report.format == "qdpx" and len(report.added) == 158 and not report.orphaned
    annotations = store.annotations()
    assert sum(len(a.tags) for a in annotations) == 205 and {a.author for a in annotations} == {"cp"}
    quotes = {a.quote.strip(): a.tags for a in annotations}
    assert quotes["This district goal is engage every student in joyful, purposeful learning that"] == (
        "rq2_curriculum_and_instruction/pedagogy/fun",
    )
    assert quotes["that all students feel empowered by complex problem solving in computer"] == (
        "rq1_definition/practices/computational_thinking",
    )
    assert "rq2_curriculum_and_instruction/pedagogy/participation/learning_opportunities" in {
        t.name for t in store.tags()
    }
    again = import_document(read_document(DATA / "demo.qdpx"), store, demo)
    assert len(again.skipped) == 158 and not again.added and not again.tags_added


def test_a_taguette_codebook_imports_its_codes(tmp_path: Path) -> None:
    path = tmp_path / "codebook.qdc"
    path.write_bytes(TAGUETTE_QDC)
    store = AnnotationStore.in_memory()
    report = import_document(read_document(path), store, {})
    assert report.format == "qdc" and report.tags_added == ["border security", "trade"]
    assert [t.name for t in store.tags()] == ["border security", "trade"]


def _zip(members: dict[str, bytes]) -> bytes:
    """A ZIP of these members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


GOOD_QDE = b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'
ENTITIES = (
    b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    b'<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>'
)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (_zip({"project.qde": GOOD_QDE, "sources/../../evil.txt": b"x"}), "points outside the ZIP"),
        (_zip({"/etc/passwd": b"x", "project.qde": GOOD_QDE}), "points outside the ZIP"),
        (_zip({"project.qde": GOOD_QDE, "sources/big.txt": b"0" * 5000}), "unpacks to 5000 bytes"),
        (_zip({"notes.txt": b"x"}), "no project.qde"),
        (_zip({"project.qde": ENTITIES}), "declares a DTD"),
        (ENTITIES, "declares a DTD"),
        (_zip({"project.qde": b"<Project"}), "not well-formed XML"),
        (b"PK\x03\x04 broken", "not a readable ZIP"),
        (b"<html/>", "not a REFI-QDA Project or CodeBook"),
        (
            _project("text", _selection(0, 4).replace("00000000-0000-0000-0000-000000000001", "c001")),
            "not a GUID",
        ),
        (
            _project("text", _selection(0, 4).replace('startPosition="0"', 'startPosition="-1"')),
            "not a position",
        ),
    ],
)
def test_hostile_files_are_refused_whole(
    raw: bytes, problem: str, articles: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(refi, "MAX_MEMBER", 4096)  # a zip bomb in miniature
    store = AnnotationStore.in_memory()
    with pytest.raises(InvalidImport) as caught:
        import_document(refi.RefiFile(raw), store, {"s": Article("s", "s", "text"), **articles})
    message = str(caught.value)
    assert problem in message and "\n" not in message
    assert store.annotations() == [] and store.tags() == []


def test_a_member_whose_header_lies_about_its_size_is_refused_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = bytearray(_zip({"project.qde": GOOD_QDE + b" " * 9000}))
    monkeypatch.setattr(refi, "MAX_MEMBER", 4096)
    # the local and central headers claim 100 bytes; the real data is larger
    central = raw.rindex(b"PK\x01\x02")
    raw[central + 24 : central + 28] = (100).to_bytes(4, "little")
    with pytest.raises(InvalidImport, match=r"the ZIP member 'project\.qde' cannot be read"):
        refi.read(bytes(raw), {})


def test_sources_the_corpus_lacks_become_articles_once_with_their_codings_in_place(tmp_path: Path) -> None:
    from tests.conftest import ARTICLES
    from tui.core.corpus import load_corpus
    from tui.core.entities import EntityEngine, load_gazetteer
    from tui.core.refi_sources import add_sources

    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    folder = tmp_path / "articles"
    folder.mkdir()
    crlf = "\r\n" + EMOJI_TEXT.replace("\n", "\r\n") + "\r\n"
    units = [len(crlf[:i].encode("utf-16-le")) // 2 for i in range(len(crlf) + 1)]  # NVivo for Windows
    spans = [(crlf.index(word), crlf.index(word) + len(word)) for word in ("went", "تهران", "trade")]
    raw = _project(crlf, "".join(_selection(units[a], units[b], n) for n, (a, b) in enumerate(spans, 1)))
    added, problems = add_sources(raw, {}, folder, engine)
    assert not problems and len(added) == 1
    article = next(iter(added.values()))
    assert article.title == "s" and article.text == EMOJI_TEXT
    found = refi.read(raw, added)
    assert [a.quote for a in found.annotations] == ["went", "تهران", "trade"] and not found.left_out
    assert all(article.text[a.start : a.end] == a.quote for a in found.annotations)
    again, _ = add_sources(raw, {a.id: a for a in load_corpus(folder).articles}, folder, engine)
    assert again == {} and len(list(folder.glob("*.md"))) == 1


def test_a_project_carries_passages_where_they_are_now_and_leaves_out_those_without_text(
    articles: dict[str, Article],
) -> None:
    store = AnnotationStore.in_memory()
    went = EMOJI_TEXT.index("went")
    moved = Annotation.create("900_emoji", EMOJI_TEXT, went, went + 4, ("trade",))
    store.save(moved, Annotation.create("999_gone", "a text no longer here", 2, 6, ("trade",)))
    edited = {**articles, "900_emoji": Article("900_emoji", "Emoji", "A new first line.\n" + EMOJI_TEXT)}
    qdpx, count = export_bytes("qdpx", store, edited)
    assert count == 1
    start = edited["900_emoji"].text.index("went")
    qde = _qde(qdpx).decode("utf-8")
    assert f'startPosition="{start}" endPosition="{start + 4}"' in qde and "999_gone" not in qde
    assert [a.quote for a in refi.read(qdpx, edited).annotations] == ["went"]


def _with_memos_and_attributes(articles: dict[str, Article]) -> AnnotationStore:
    """The coded store with a memo of each kind and an attribute of each type set on an article."""
    from tui.core.attributes import define

    store = _coded(articles)
    store.save_memo("project", "", "What the project asks\nand how.\n", "ali")  # as a file ends
    store.save_memo("tag", "trade", "Code a passage on tariffs or barter.", "sara")
    store.save_memo("tag", "framing/security", "Border and militancy.", "ali")
    store.save_memo("article", "900_emoji", "Emoji stand for the flags.", "ali")
    store.define_attribute(define("score", "number"))
    store.define_attribute(define("share", "number"))
    store.define_attribute(define("seen", "date"))
    store.define_attribute(define("stance", "choice", ["pro", "anti"]))
    values = {
        "outlet": "Dawn",
        "kind": "op-ed",
        "score": "3",
        "share": "0.25",
        "seen": "2025-08-01",
        "stance": "anti",
    }
    store.set_attributes("900_emoji", values, "ali")
    store.set_attributes("001_837904dac7d69cd7", {"outlet": "Tehran Times", "score": "-12"}, "sara")
    return store


def test_memos_are_notes_and_attributes_are_variables_in_a_valid_project(
    articles: dict[str, Article],
) -> None:
    store = _with_memos_and_attributes(articles)
    qdpx, _ = export_bytes("qdpx", store, articles)
    qde = _qde(qdpx).decode("utf-8")
    xmlschema.XMLSchema(str(DATA / "Project.xsd")).validate(qde)
    root = xmlschema.XMLSchema(str(DATA / "Project.xsd")).to_dict(qde)
    notes = {note["@name"]: note for note in root["Notes"]["Note"]}
    project = notes["Memo on the project"]
    assert project["PlainTextContent"] == "What the project asks\nand how.\n"
    assert project["@creatingUser"] == refi.guid("user", "ali") and project["@modifiedDateTime"]
    assert root["NoteRef"] == [{"@targetGUID": project["@guid"]}]
    emoji = next(s for s in root["Sources"]["TextSource"] if s["@name"] == "Emoji and Persian")
    assert emoji["NoteRef"] == [{"@targetGUID": notes["Memo on article 900_emoji"]["@guid"]}]
    trade = next(c for c in root["CodeBook"]["Codes"]["Code"] if c["@name"] == "trade")
    assert trade["NoteRef"] == [{"@targetGUID": notes["Memo on tag trade"]["@guid"]}]
    types = {v["@name"]: v["@typeOfVariable"] for v in root["Variables"]["Variable"]}
    assert types == {
        "published": "Date", "dateline": "Text", "outlet": "Text", "kind": "Text",
        "score": "Integer", "share": "Float", "seen": "Date", "stance": "Text",
    }  # fmt: skip
    names = {refi.guid("variable", name): name for name in types}
    given = {names[v["VariableRef"]["@targetGUID"]]: v for v in emoji["VariableValue"]}
    assert given["seen"]["DateValue"] == "2025-08-01" and given["stance"]["TextValue"] == "anti"
    assert str(given["share"]["FloatValue"]) == "0.25" and given["score"]["IntegerValue"] == 3
    qdc, _ = export_bytes("qdc", store, articles)
    xmlschema.XMLSchema(str(DATA / "Codebook.xsd")).validate(qdc.decode("utf-8"))
    assert "Security framing of the border\n\nMemo:\nBorder and militancy." in qdc.decode("utf-8")


def _kept(store: AnnotationStore) -> tuple[object, ...]:
    """What a round trip must keep: the memos, definitions and values (without their times)."""
    return (
        [(m.kind, m.target, m.text, m.author) for m in store.memos()],
        [(d.name, d.type, d.choices) for d in store.attribute_definitions()],
        [(v.article, v.name, v.value) for v in store.attribute_values()],
    )


def test_memos_and_attributes_survive_a_round_trip_once(articles: dict[str, Article]) -> None:
    store = _with_memos_and_attributes(articles)
    first, _ = export_bytes("qdpx", store, articles)
    empty = AnnotationStore.in_memory()
    report = import_document(refi.RefiFile(first), empty, articles)
    assert not report.left_out and not report.conflicts
    assert _kept(empty) == _kept(store)
    assert [m.modified for m in empty.memos()] == [m.modified for m in store.memos()]
    assert export_bytes("qdpx", empty, articles)[0] == first
    again = import_document(refi.RefiFile(first), empty, articles)
    assert not again.memos and not again.attributes and not again.conflicts
    assert _kept(empty) == _kept(store)  # nothing twice: a memo's text is not appended to itself


def test_a_codebooks_tag_memos_come_back_apart_from_the_descriptions(articles: dict[str, Article]) -> None:
    store = _with_memos_and_attributes(articles)
    qdc, _ = export_bytes("qdc", store, articles)
    found = refi.read(qdc, articles)
    assert {tag.name: tag.description for tag in found.tags} == {
        "framing/security": "Security framing of the border",
        "trade": "",
    }
    assert [(m.target, m.text) for m in sorted(found.memos, key=lambda m: m.target)] == [
        ("framing/security", "Border and militancy."),
        ("trade", "Code a passage on tariffs or barter."),
    ]


def test_the_atlas_ti_samples_notes_make_the_project_memo(articles: dict[str, Article]) -> None:
    found = refi.read((DATA / "TestProject.qdpx").read_bytes(), articles)
    [memo] = found.memos
    assert (memo.kind, memo.target) == ("project", "")
    assert memo.text.startswith("Research Plan:\nThis is a great project by a dynamic team")
    assert "\n\nMy favorite Coke ad:\nThis version is much better" in memo.text
    assert memo.created == "2018-03-27T19:38:46Z" and memo.modified == "2018-03-27T19:43:23Z"


def test_another_tools_cases_and_variables_become_values_and_misfits_are_left_out(
    articles: dict[str, Article],
) -> None:
    text = articles["900_emoji"].text
    variables = (
        '<Variables><Variable guid="10000000-0000-0000-0000-000000000001" name="Age group" typeOfVariable="Integer"/>'
        '<Variable guid="10000000-0000-0000-0000-000000000002" name="Interviewed" typeOfVariable="DateTime"/>'
        '<Variable guid="10000000-0000-0000-0000-000000000003" name="9 lives" typeOfVariable="Text"/>'
        '<Variable guid="10000000-0000-0000-0000-000000000004" name="Source" typeOfVariable="Text"/></Variables>'
        '<Cases><Case guid="20000000-0000-0000-0000-000000000001" name="Ali">'
        '<VariableValue><VariableRef targetGUID="10000000-0000-0000-0000-000000000001"/><IntegerValue>{age}</IntegerValue></VariableValue>'
        '<VariableValue><VariableRef targetGUID="10000000-0000-0000-0000-000000000002"/><DateTimeValue>2025-08-01T09:30:00Z</DateTimeValue></VariableValue>'
        '<VariableValue><VariableRef targetGUID="10000000-0000-0000-0000-000000000004"/><TextValue>Reuters</TextValue></VariableValue>'
        '<SourceRef targetGUID="AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE"/></Case></Cases>'
    )  # fmt: skip
    codes = '<CodeBook><Codes><Code guid="11111111-2222-3333-4444-555555555555" name="a" isCodable="true"/></Codes></CodeBook>'  # fmt: skip
    raw = _project(text, "", codes + variables.format(age=4))
    found = refi.read(raw, articles)
    assert [(d.name, d.type) for d in found.attributes] == [("age_group", "number"), ("interviewed", "date")]
    assert [(v.article, v.name, v.value) for v in found.values] == [
        ("900_emoji", "age_group", "4"),
        ("900_emoji", "interviewed", "2025-08-01"),
    ]
    assert any("'9 lives'" in line for line in found.left_out)
    assert any(
        "the source of article 900_emoji, 'Reuters': it is read from the article file" in line
        for line in found.left_out
    )
    wrong = refi.read(_project(text, "", codes + variables.format(age="four")), articles)
    assert any("'four' is not a number" in line for line in wrong.left_out)
    assert [(v.name, v.value) for v in wrong.values] == [("interviewed", "2025-08-01")]


def test_an_import_is_one_step_that_undoes_whole(articles: dict[str, Article]) -> None:
    first, _ = export_bytes("qdpx", _with_memos_and_attributes(articles), articles)
    store = AnnotationStore.in_memory()
    report = import_document(refi.RefiFile(first), store, articles)
    done = report.changes
    assert len(done.annotations) == 3 and len(done.memos) == 4 and done.attributes and done.values
    store.apply(done.inverse(), expect_before=True)
    assert not store.annotations() and not store.tags() and _kept(store) == ([], [], [])
    dry = import_document(refi.RefiFile(first), store, articles, dry_run=True)
    assert not dry.changes and len(dry.added) == 3 and not store.annotations()


def test_control_characters_in_any_text_are_dropped_and_the_export_still_validates(
    articles: dict[str, Article],
) -> None:
    from tui.core.attributes import define

    bad = "\x0c\x00\x1b\ufffe"  # the store refuses a lone surrogate: xml_text's is checked below
    text = f"Border talks\x0c resumed.\nA bell\x07 rang.{bad}"
    corpus = {"950_ctrl": Article("950_ctrl", f"Con\x0btrol {bad}", text)}
    store = AnnotationStore.in_memory()
    store.save_tag(Tag(f"bord\x1ber{bad}", "red", f"Crossings\x0c{bad}"))
    store.save(
        Annotation.create("950_ctrl", text, 0, 20, (f"bord\x1ber{bad}",), f"note\x08{bad}", f"ali\x01{bad}")
    )
    store.save_memo("project", "", f"para one\n\x0cpara two\n{bad}", "ali")
    store.save_memo("tag", f"bord\x1ber{bad}", f"memo\x0c{bad}", "ali")
    store.define_attribute(define("stance", "choice", [f"pro\x0c{bad}", "anti"]))
    store.set_attributes("950_ctrl", {"outlet": f"Da\x0cwn{bad}"}, "ali")
    qdpx, count = export_bytes("qdpx", store, corpus)
    assert count == 1
    qde = _qde(qdpx).decode("utf-8")
    xmlschema.XMLSchema(str(DATA / "Project.xsd")).validate(qde)
    assert "para one\npara two\n" in qde and 'name="border"' in qde and "<TextValue>Dawn</TextValue>" in qde
    assert "note" in qde and "Crossings" in qde and 'name="ali"' in qde and 'Border talks resume"' in qde
    archive = zipfile.ZipFile(io.BytesIO(qdpx))
    [source] = [name for name in archive.namelist() if name.startswith("sources/")]
    assert archive.read(source) == text.encode("utf-8")  # not XML: kept byte for byte
    qdc, _ = export_bytes("qdc", store, corpus)
    xmlschema.XMLSchema(str(DATA / "Codebook.xsd")).validate(qdc.decode("utf-8"))
    assert "Crossings\n\nMemo:\nmemo" in qdc.decode("utf-8")
    assert refi.xml_text("tab\there\r\n\x85é🇮🇷\ud800\uffff") == "tab\there\r\n\x85é🇮🇷"


def _notes_on(member: bytes, count: int, inline: str = "") -> bytes:
    """A .qdpx whose ``count`` notes all take their text from one member (a decompression bomb in
    miniature), and one note with ``inline`` text."""
    notes = "".join(
        f'<Note guid="00000000-0000-4000-8000-{i:012d}" name="n{i}" plainTextPath="internal://big.txt"/>'
        for i in range(count)
    )
    if inline:
        notes += f'<Note guid="00000000-0000-4000-9000-000000000001" name="i"><PlainTextContent>{inline}</PlainTextContent></Note>'  # fmt: skip
    qde = f'<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Notes>{notes}</Notes></Project>'
    return _zip({"project.qde": qde.encode(), "sources/big.txt": member})


def test_many_notes_on_one_big_member_unpack_it_once_and_are_refused_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unpacked: list[str] = []
    read = refi._Members.read

    def counted(members: refi._Members, info: zipfile.ZipInfo) -> bytes:
        """Count each member unpacked."""
        unpacked.append(info.filename)
        return read(members, info)

    monkeypatch.setattr(refi._Members, "read", counted)
    monkeypatch.setattr(refi, "MAX_UNPACKED", 100_000)
    found = refi.read(_notes_on(b"word " * 4000, 4), {})
    assert unpacked.count("sources/big.txt") == 1
    [memo] = found.memos
    assert memo.text.count(":\nword word") == 4 and len(memo.text) < 100_000
    with pytest.raises(InvalidImport) as caught:  # 25 × 20,000 characters, from a file of a few KB
        refi.read(_notes_on(b"word " * 4000, 25), {})
    message = str(caught.value)
    assert "refer to more than 100000 characters" in message and "'sources/big.txt'" in message
    assert "\n" not in message and unpacked.count("sources/big.txt") == 2


def test_members_that_unpack_to_too_much_in_all_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(refi, "MAX_UNPACKED", 10_000)
    small = b'<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>'
    sources = "".join(
        f'<TextSource guid="00000000-0000-4000-8000-{i:012d}" name="s{i}" plainTextPath="internal://{i}.txt">'
        f'<NoteRef targetGUID="00000000-0000-4000-9000-000000000001"/></TextSource>'
        for i in range(3)
    )
    qde = small + sources.encode() + b"</Sources></Project>"
    raw = _zip({"project.qde": qde, **{f"sources/{i}.txt": b"x" * 4000 for i in range(3)}})
    with pytest.raises(InvalidImport, match="the ZIP's members unpack to more than 10000 bytes in all"):
        refi.read(raw, {})


def test_a_memo_longer_than_the_limit_is_refused_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(refi, "MAX_MEMO", 5_000)
    assert "word" in refi.read(_notes_on(b"word " * 900, 1, inline="short"), {}).memos[0].text
    with pytest.raises(InvalidImport) as caught:
        refi.read(_notes_on(b"word " * 900, 2), {})
    assert (
        str(caught.value) == "the memo on the project gathers 9000 characters from its notes (at most 5000)"
    )


@pytest.mark.parametrize("edited_here", [False, True])
def test_a_value_changed_at_its_source_updates_an_unedited_copy_or_conflicts_with_an_edited_one(
    articles: dict[str, Article], edited_here: bool
) -> None:
    a, b = AnnotationStore.in_memory(), AnnotationStore.in_memory()
    a.set_attributes("900_emoji", {"outlet": "Dawn"}, "ali")
    first = refi.read(export_bytes("qdpx", a, articles)[0], articles)
    assert [(v.value, v.created, v.modified) for v in first.values] == [("Dawn", "", "")]  # no times invented
    import_document(refi.RefiFile(export_bytes("qdpx", a, articles)[0]), b, articles)
    [imported] = b.attribute_values("900_emoji")
    assert imported.value == "Dawn" and imported.modified  # stamped when imported
    if edited_here:
        b.set_attributes("900_emoji", {"outlet": "Dawn (Karachi)"}, "sara")
    a.set_attributes("900_emoji", {"outlet": "Dawn News"}, "ali")
    report = import_document(refi.RefiFile(export_bytes("qdpx", a, articles)[0]), b, articles)
    [kept] = b.attribute_values("900_emoji")
    if edited_here:
        assert kept.value == "Dawn (Karachi)" and len(report.conflicts) == 1
    else:
        assert kept.value == "Dawn News" and not report.conflicts


@pytest.mark.parametrize(
    "name", ["framing/ ", "framing/\x00", "framing/\u3000/security", "framing//security"]
)
def test_a_tag_path_part_no_code_name_can_hold_is_left_out_of_the_code_tree(name: str) -> None:
    """A blank part, or one of characters XML cannot hold, would be a nameless code, which an import
    refuses: the export leaves the part out, and the tag and its passages read back under the rest."""
    article = Article("950_any", "A title", "Some text of an article.")
    annotation = Annotation.create(article.id, article.text, 0, 4, (name,))
    qdpx = refi.export_project([annotation], [Tag(name, "red", "")], {article.id: article}, [])
    found = refi.read(qdpx, {article.id: article})
    expected = "/".join(part for part in name.split("/") if part.strip() and part != "\x00")
    assert [tag.name for tag in found.tags if tag.name == expected]
    assert [a.tags for a in found.annotations] == [(expected,)]
