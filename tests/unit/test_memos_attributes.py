"""Memos and article attributes in the store: saved, carried with their tags, undone, and filtered by.

Both kinds of store (memory and the journalled files); the articles are the bundled ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.annotations.checks import InvalidImport
from tui.core.annotations.exporting import export_bytes
from tui.core.annotations.history import History, StaleStep
from tui.core.annotations.importing import import_document
from tui.core.annotations.model import Annotation, InvalidAnnotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.attributes import (
    BUILT_IN,
    AttributeValue,
    InvalidAttribute,
    article_values,
    check_value,
    define,
    definitions,
    filter_articles,
    matches,
    parse_where,
    values_by_article,
)
from tui.core.corpus import Corpus
from tui.core.store import StoreError
from tui.core.store.journal import encode_commit

ARTICLE = "002_19b2f72fda372731"


@pytest.fixture(params=["memory", "file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AnnotationStore]:
    """An empty store of each kind."""
    opened = AnnotationStore.in_memory() if request.param == "memory" else AnnotationStore.open(tmp_path)
    yield opened
    opened.close()


def coded(corpus: Corpus, quote: str, *tags: str) -> Annotation:
    """An annotation of the first ``quote`` in the test article."""
    article = corpus.find(ARTICLE)
    assert article is not None
    start = article.text.index(quote)
    return Annotation.create(ARTICLE, article.text, start, start + len(quote), tags)


# Memos


def test_memos_of_each_kind_are_saved_with_author_and_times(store: AnnotationStore) -> None:
    store.save_tag(Tag("framing/security"))
    store.save_memo("project", "ignored", "Iran–Pakistan coverage, 2025.\nSecond line.", "ayesha")
    store.save_memo("tag", "framing/security", "Code passages that frame the border as a threat.", "ayesha")
    store.save_memo("article", ARTICLE, "Pezeshkian's visit: the Tehran Times' framing.", "reza")
    assert [(m.kind, m.target) for m in store.memos()] == [
        ("project", ""),
        ("tag", "framing/security"),
        ("article", ARTICLE),
    ]
    project = store.memo("project")
    assert project is not None and project.author == "ayesha" and project.created == project.modified
    assert project.text.splitlines() == ["Iran–Pakistan coverage, 2025.", "Second line."]


def test_editing_a_memo_keeps_its_created_time_and_empty_text_deletes_it(store: AnnotationStore) -> None:
    store.save_memo("article", ARTICLE, "first", "ayesha")
    first = store.memo("article", ARTICLE)
    store.save_memo("article", ARTICLE, "second", "reza")
    second = store.memo("article", ARTICLE)
    assert first is not None and second is not None
    assert (second.created, second.author, second.text) == (first.created, "reza", "second")
    assert second.modified > first.modified
    assert not store.save_memo("article", ARTICLE, "second", "reza")  # unchanged: nothing saved
    store.save_memo("article", ARTICLE, "  \n ", "reza")
    assert store.memo("article", ARTICLE) is None


def test_a_tag_memo_needs_the_tag(store: AnnotationStore) -> None:
    with pytest.raises(InvalidAnnotation, match="no tag called 'trade'"):
        store.save_memo("tag", "trade", "rules")
    with pytest.raises(InvalidAnnotation, match="not 'code'"):
        store.save_memo("code", "trade", "rules")


def test_a_tag_memo_follows_renames_and_moves_and_merges_join_memos(
    store: AnnotationStore, corpus: Corpus
) -> None:
    store.save(coded(corpus, "Masoud Pezeshkian", "security"), coded(corpus, "Shehbaz Sharif", "trade"))
    store.save_memo("tag", "security", "Border and militancy.", "ayesha")
    store.save_memo("tag", "trade", "Trade figures and deals.", "reza")
    store.move_tag("security", "framing")
    assert store.memo("tag", "security") is None
    moved = store.memo("tag", "framing/security")
    assert moved is not None and moved.text == "Border and militancy."
    store.merge_tags(["trade"], "framing/security")
    joined = store.memo("tag", "framing/security")
    assert joined is not None
    assert joined.text == "Border and militancy.\n\nFrom trade:\nTrade figures and deals."
    assert store.memo("tag", "trade") is None


def test_deleting_a_tag_deletes_its_subtrees_memos_and_undo_brings_them_back(store: AnnotationStore) -> None:
    history = History()
    store.save_tag(Tag("framing"))
    store.save_tag(Tag("framing/security"))
    store.save_memo("tag", "framing/security", "rules", "ayesha")
    history.record("delete", store.delete_tag("framing"))
    assert store.memos() == []
    history.undo(store)
    memo = store.memo("tag", "framing/security")
    assert memo is not None and memo.text == "rules"


def test_a_memo_edit_is_undone_and_redone(store: AnnotationStore) -> None:
    history = History()
    history.record("memo", store.save_memo("project", "", "one", "a"))
    history.record("memo", store.save_memo("project", "", "two", "a"))
    history.undo(store)
    assert (memo := store.memo("project")) is not None and memo.text == "one"
    history.undo(store)
    assert store.memo("project") is None
    history.redo(store)
    assert (memo := store.memo("project")) is not None and memo.text == "one"


def test_undo_refuses_a_memo_changed_since_by_another_handle(tmp_path: Path) -> None:
    one, two = AnnotationStore.open(tmp_path), AnnotationStore.open(tmp_path)
    history = History()
    history.record("memo", one.save_memo("project", "", "mine", "a"))
    two.save_memo("project", "", "theirs", "b")
    with pytest.raises(StaleStep, match="memo on the project was changed since"):
        history.undo(one)
    assert (memo := one.memo("project")) is not None and memo.text == "theirs"


def test_memos_and_values_survive_reopening(tmp_path: Path) -> None:
    store = AnnotationStore.open(tmp_path)
    store.save_memo("project", "", "kept", "a")
    store.set_attributes(ARTICLE, {"outlet": "Tehran Times"}, "a")
    store.close()
    again = AnnotationStore.open(tmp_path)
    assert [m.text for m in again.memos()] == ["kept"]
    assert [(v.name, v.value) for v in again.attribute_values(ARTICLE)] == [("outlet", "Tehran Times")]


@pytest.mark.parametrize(
    ("table", "document", "problem"),
    [
        ("memos", {"kind": "chapter", "target": "", "text": "x"}, "'kind' is not one of"),
        (
            "attribute_values",
            {"article": "a", "name": "outlet", "value": 3},
            "'value' is missing or not text",
        ),
        ("attributes", {"name": "year", "type": "colour"}, "unknown type 'colour'"),
    ],
)
def test_a_bad_stored_memo_or_attribute_is_refused_naming_it(
    tmp_path: Path, table: str, document: dict[str, object], problem: str
) -> None:
    first = AnnotationStore.open(tmp_path)
    first.save_memo("project", "", "a project", "a")
    first.close()
    with (tmp_path / "annotations.journal").open("ab") as file:
        file.write(encode_commit([{"t": table, "k": "1", "d": document}]))
    with pytest.raises(StoreError, match=problem):
        AnnotationStore.open(tmp_path)


# Attributes


def test_front_matter_values_appear_as_attributes_and_store_values_join_them(corpus: Corpus) -> None:
    article = corpus.find(ARTICLE)
    assert article is not None
    stored = [AttributeValue(ARTICLE, "outlet", "Tehran Times"), AttributeValue("other", "outlet", "Dawn")]
    assert article_values(article, stored) == {
        "published": "2025-08-02",
        "dateline": "Tehran/Islamabad",
        "outlet": "Tehran Times",
    }  # "source" is "unknown" in the file: left out


def test_values_are_checked_against_their_type() -> None:
    known = definitions(
        [define("words", "number"), define("seen", "date"), define("side", "choice", ["PK", "IR"])]
    )
    assert check_value(known["kind"], "Op-Ed") == "op-ed"  # a choice as it is listed
    assert check_value(known["words"], " 1200 ") == "1200"
    assert check_value(known["seen"], "2025-08-02") == "2025-08-02"
    for name, raw, problem in [
        ("words", "1,200", "not a number"),
        ("words", "nan", "not a number"),
        ("seen", "2 Aug 2025", "not a date"),
        ("side", "AF", "not one of its choices"),
        ("outlet", "  ", "empty"),
    ]:
        with pytest.raises(InvalidAttribute, match=problem):
            check_value(known[name], raw)


def test_definitions_are_checked() -> None:
    for args, problem in [
        (("published", "text"), "front matter"),
        (("2nd", "text"), "cannot be an attribute name"),
        (("side", "choice"), "needs its values"),
        (("side", "colour"), "not a type"),
        (("words", "number", ["a"]), "only a choice attribute"),
    ]:
        with pytest.raises(InvalidAttribute, match=problem):
            define(*args)  # type: ignore[arg-type]
    assert define(" Side ", "choice", ["PK", "IR", "PK", " "]).choices == ("PK", "IR")


def test_set_and_unset_are_one_save_each_and_undo(store: AnnotationStore) -> None:
    history = History()
    history.record("set", store.set_attributes(ARTICLE, {"outlet": "Tehran Times", "country": "Iran"}, "a"))
    history.record("set", store.set_attributes(ARTICLE, {"outlet": "IRNA", "country": None}, "a"))
    assert [(v.name, v.value) for v in store.attribute_values(ARTICLE)] == [("outlet", "IRNA")]
    history.undo(store)
    assert [(v.name, v.value) for v in store.attribute_values(ARTICLE)] == [
        ("country", "Iran"),
        ("outlet", "Tehran Times"),
    ]


def test_a_choice_redefined_without_a_value_in_use_is_refused(store: AnnotationStore) -> None:
    store.define_attribute(define("side", "choice", ["PK", "IR"]))
    store.set_attributes(ARTICLE, {"side": "IR"})
    with pytest.raises(InvalidAttribute, match=f"article {ARTICLE} has side: 'IR' is not one"):
        store.define_attribute(define("side", "choice", ["PK", "AF"]))
    store.remove_attribute("side")
    assert store.attribute_definitions() == [] and store.attribute_values() == []


def test_where_filters_the_bundled_articles(corpus: Corpus) -> None:
    stored = [
        AttributeValue("000_9154f6903408afad", "outlet", "IRNA"),
        AttributeValue("001_837904dac7d69cd7", "outlet", "Dawn"),
        AttributeValue(ARTICLE, "outlet", "Tehran Times"),
    ]
    known = definitions([])
    values = values_by_article(corpus.articles, stored)

    def ids(*filters: str) -> list[str]:
        """The ids (first 3 characters) of the articles passing these filters."""
        conditions = [parse_where(text, known) for text in filters]
        return [article.id[:3] for article in filter_articles(corpus.articles, conditions, values)]

    assert ids("outlet=dawn") == ["001"]
    assert ids("outlet!=Dawn") == ["000", "002", "003", "004"]  # no outlet counts as not Dawn
    assert ids("outlet~times") == ["002"]
    assert ids("published>=2025-11") == ["000", "001", "004"]
    assert ids("published=2025-08") == ["002"]  # the whole month
    assert ids("published<=2025-10", "outlet~t") == ["002"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("outlet", "is not a filter"),
        ("colour=red", "no attribute called 'colour'"),
        ("published>=August", "is a date"),
        ("published>=2025-13", "is a date"),
        ("outlet=", "value to compare with is missing"),
        ("kind=blog", "'blog' is not one of its choices"),
        ("kind!=blog", "'blog' is not one of its choices"),
    ],
)
def test_bad_filters_say_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(InvalidAttribute, match=problem):
        parse_where(text, definitions([]))


def test_numbers_compare_as_numbers() -> None:
    known = definitions([define("words", "number")])
    assert matches([parse_where("words>=900", known)], {"words": "1200"})
    assert not matches([parse_where("words<900", known)], {"words": "1200"})


@given(st.text(max_size=60))
def test_any_filter_text_parses_or_is_refused_in_words(text: str) -> None:
    known = {definition.name: definition for definition in BUILT_IN}
    try:
        condition = parse_where(text, known)
    except InvalidAttribute as error:
        assert str(error)
        return
    assert condition.name in known and condition.value
    matches([condition], {"outlet": "Dawn"})  # never raises


# The native export carries memos and attributes


def _project(store: AnnotationStore, corpus: Corpus) -> None:
    """A store with a coded passage, a memo of each kind and attributes of each type."""
    store.save(coded(corpus, "Masoud Pezeshkian", "framing/security"))
    store.save_memo("project", "", "Coverage of the August 2025 visit.", "ayesha")
    store.save_memo("tag", "framing/security", "Borders, militancy.\nNot trade.", "ayesha")
    store.save_memo("article", ARTICLE, "Tehran Times' framing.", "reza")
    store.define_attribute(define("words", "number"))
    store.define_attribute(define("side", "choice", ["PK", "IR"]))
    store.set_attributes(ARTICLE, {"outlet": "Tehran Times", "words": "640", "side": "IR"}, "reza")


def test_a_native_export_round_trips_memos_and_attributes(corpus: Corpus) -> None:
    source, target = AnnotationStore.in_memory(), AnnotationStore.in_memory()
    _project(source, corpus)
    articles = {article.id: article for article in corpus.articles}
    raw, _ = export_bytes("native", source, articles)
    report = import_document(orjson.loads(raw), target, articles)
    assert sorted(report.memos) == ["article " + ARTICLE, "tag framing/security", "the project"]
    assert len(report.attributes) == 5  # 2 definitions, 3 values
    assert [m.as_json() | {"synced": ""} for m in target.memos()] == [m.as_json() for m in source.memos()]
    assert [(v.name, v.value) for v in target.attribute_values(ARTICLE)] == [
        ("outlet", "Tehran Times"),
        ("side", "IR"),
        ("words", "640"),
    ]
    again = import_document(orjson.loads(raw), target, articles)
    assert (again.memos, again.attributes, again.conflicts) == ([], [], [])  # idempotent


def test_an_import_never_overwrites_a_memo_edited_here(corpus: Corpus) -> None:
    source, target = AnnotationStore.in_memory(), AnnotationStore.in_memory()
    _project(source, corpus)
    articles = {article.id: article for article in corpus.articles}
    import_document(orjson.loads(export_bytes("native", source, articles)[0]), target, articles)
    target.save_memo("project", "", "Edited here.", "omar")
    source.save_memo("project", "", "Edited there.", "ayesha")
    report = import_document(orjson.loads(export_bytes("native", source, articles)[0]), target, articles)
    assert report.conflicts[0]["memo"] == "the project"
    assert (memo := target.memo("project")) is not None and memo.text == "Edited here."


def test_a_value_its_type_refuses_is_left_out_and_the_rest_imported(corpus: Corpus) -> None:
    source = AnnotationStore.in_memory()
    _project(source, corpus)
    articles = {article.id: article for article in corpus.articles}
    data = orjson.loads(export_bytes("native", source, articles)[0])
    data["attribute_values"][1]["value"] = "AF"  # side: not a choice
    data["memos"].append({"kind": "tag", "target": "nowhere", "text": "orphan"})
    target = AnnotationStore.in_memory()
    report = import_document(data, target, articles)
    assert report.left_out == [
        "the memo on tag 'nowhere': no such tag",
        f"the value of article {ARTICLE}: side: 'AF' is not one of its choices (PK, IR)",
    ]
    assert [v.name for v in target.attribute_values()] == ["outlet", "words"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["memos"][0].update(kind="chapter"), r"memos\[0\]\.kind: not one of"),
        (lambda d: d["memos"][2].update(target=""), r"memos\[2\]\.target: a article memo needs"),
        (lambda d: d["attributes"][0].update(type="colour"), r"attributes\[0\]\.type"),
        (lambda d: d["attributes"][0].update(name="Two Words"), r"attributes\[0\]\.name"),
        (lambda d: d["attribute_values"][0].update(value=7), r"attribute_values\[0\]\.value"),
    ],
)
def test_a_bad_memo_or_attribute_refuses_the_whole_import(
    corpus: Corpus, change: Callable[[dict[str, Any]], None], problem: str
) -> None:
    source = AnnotationStore.in_memory()
    _project(source, corpus)
    articles = {article.id: article for article in corpus.articles}
    data = orjson.loads(export_bytes("native", source, articles)[0])
    change(data)
    target = AnnotationStore.in_memory()
    with pytest.raises(InvalidImport, match=problem):
        import_document(data, target, articles)
    assert target.annotations() == [] and target.memos() == []


def test_a_version_1_file_still_imports(corpus: Corpus) -> None:
    source = AnnotationStore.in_memory()
    _project(source, corpus)
    articles = {article.id: article for article in corpus.articles}
    data = orjson.loads(export_bytes("native", source, articles)[0])
    for key in ("memos", "attributes", "attribute_values"):
        del data[key]
    data["version"] = 1
    target = AnnotationStore.in_memory()
    assert len(import_document(data, target, articles).added) == 1


def test_an_import_checks_definitions_and_stores_values_as_their_type_has_them(corpus: Corpus) -> None:
    articles = {article.id: article for article in corpus.articles}
    target = AnnotationStore.in_memory()
    target.set_attributes("003_ae4195037769579a", {"kind": "news"})
    source = AnnotationStore.in_memory()
    _project(source, corpus)
    data = orjson.loads(export_bytes("native", source, articles)[0])
    data["attributes"] += [
        {"name": "kind", "type": "choice", "choices": ["blog"]},  # 003 has kind=news here
        {"name": "published", "type": "text"},
    ]
    data["attribute_values"].append({"article": ARTICLE, "name": "kind", "value": "OP-ED"})
    data["attribute_values"][0]["value"] = "  Tehran\x1b[2J Times\nDaily "
    report = import_document(data, target, articles)
    assert report.left_out == [
        "the attribute 'published': it comes from the article files, never from an import",
        "the definition of 'kind': article 003_ae4195037769579a has 'news', which it refuses",
    ]
    assert [d.name for d in target.attribute_definitions()] == ["side", "words"]
    stored = {v.name: v.value for v in target.attribute_values(ARTICLE)}
    assert stored["kind"] == "op-ed"  # as the built-in choice lists it
    assert stored["outlet"] == "Tehran␛[2J Times Daily"  # on one line, trimmed, escapes shown as symbols


def test_a_value_from_a_file_without_times_updates_an_unedited_copy_and_conflicts_with_an_edited_one(
    corpus: Corpus,
) -> None:
    articles = {article.id: article for article in corpus.articles}

    def native_values(value: str) -> dict[str, Any]:
        """A native file with one outlet value and no times, as REFI-QDA variables come."""
        return {
            "format": "iranpak-reader/annotations",
            "version": 2,
            "attribute_values": [{"article": ARTICLE, "name": "outlet", "value": value}],
        }

    target = AnnotationStore.in_memory()
    import_document(native_values("Dawn"), target, articles)
    (first,) = target.attribute_values(ARTICLE)
    assert first.created and first.modified == first.synced  # stamped when imported
    import_document(native_values("Dawn News"), target, articles)
    assert [v.value for v in target.attribute_values(ARTICLE)] == ["Dawn News"]
    target.set_attributes(ARTICLE, {"outlet": "Dawn (Karachi)"})
    report = import_document(native_values("DAWN"), target, articles)
    assert report.conflicts and report.conflicts[0]["attribute value"] == f"{ARTICLE}: outlet"
    assert [v.value for v in target.attribute_values(ARTICLE)] == ["Dawn (Karachi)"]


def test_a_memo_on_a_folder_makes_it_a_tag_in_the_same_save(store: AnnotationStore) -> None:
    history = History()
    store.save_tag(Tag("framing/security"))
    history.record("memo", store.save_memo("tag", "framing", "What counts as framing.", "ayesha"))
    assert [t.name for t in store.tags()] == ["framing", "framing/security"]
    history.undo(store)
    assert [t.name for t in store.tags()] == ["framing/security"] and store.memos() == []
    with pytest.raises(InvalidAnnotation, match="no tag called 'fram'"):
        store.save_memo("tag", "fram", "not a folder: a prefix of one")
