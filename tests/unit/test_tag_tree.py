"""Hierarchical codes: the tree of the codebook with passage counts, and the store's tree operations.

Moves, renames, merges and deletes carry a tag's children along, each as one undoable save;
the tag filters of the store and of the coded segments include the children unless asked not to.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.test_store import ARTICLE, make
from tui.core.annotations.history import History
from tui.core.annotations.model import Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.annotations.tag_tree import (
    TagTreeError,
    ancestors,
    check_move,
    flattened,
    parent,
    parts,
    tag_tree,
    within,
)
from tui.core.corpus import Corpus
from tui.core.segments import SegmentQuery, segments

Coded = tuple[AnnotationStore, dict[str, Annotation]]


@pytest.fixture(params=["memory", "file"])
def coded(request: pytest.FixtureRequest, tmp_path: Path, corpus: Corpus) -> Iterator[Coded]:
    """A store of each kind with four passages of a bundled article coded with a two-level codebook."""
    store = AnnotationStore.in_memory() if request.param == "memory" else AnnotationStore.open(tmp_path)
    passages = {
        "Larijani": make(corpus, "Larijani", "framing/security", "framing/economy"),
        "Tehran": make(corpus, "Tehran", "framing/security/border"),
        "Islamabad": make(corpus, "Islamabad", "framing", "places"),
        "Naqvi": make(corpus, "Mohsin Naqvi", "actors/pakistan"),
    }
    store.save(*passages.values())
    store.save_tag(Tag("framing/security", "#e06c75", "threats and defence"))
    yield store, passages
    store.close()


def names(store: AnnotationStore) -> list[str]:
    """The codebook's names."""
    return [tag.name for tag in store.tags()]


def test_paths_parents_and_odd_names() -> None:
    assert parts("framing/security/border") == ("framing", "security", "border")
    assert parent("framing/security") == "framing"
    assert parent("framing") == ""
    assert ancestors("a/b/c") == ["a", "a/b"]
    # a name with an empty or blank part is one top-level name: no folder called ""
    for odd in ("/a", "a/", "a//b", "a/ /b"):
        assert parts(odd) == (odd,) and parent(odd) == ""
    assert within("framing/security", "framing") and within("framing", "framing")
    assert not within("framingx/a", "framing") and not within("framing", "framing/security")


def test_the_tree_counts_passages_once_for_a_parent(coded: Coded, corpus: Corpus) -> None:
    store, _ = coded
    roots = tag_tree(store.tags(), (a.tags for a in store.annotations()))
    rows = {node.name: (node.tag is not None, node.own, node.total, node.depth) for node in flattened(roots)}
    assert [node.name for node in flattened(roots)] == [
        "actors",
        "actors/pakistan",
        "framing",
        "framing/economy",
        "framing/security",
        "framing/security/border",
        "places",
    ]
    # "actors" is a folder: no tag of that name, its count is its child's
    assert rows["actors"] == (False, 0, 1, 0)
    # Larijani carries two framing tags but is one passage: 3 passages under framing, 1 its own
    assert rows["framing"] == (True, 1, 3, 0)
    assert rows["framing/security"] == (True, 1, 2, 1)
    assert rows["framing/security/border"] == (True, 1, 1, 2)
    framing = next(node for node in roots if node.name == "framing")
    assert framing.descendants == 3 and framing.label == "framing"
    assert framing.children[1].label == "security"


def test_a_tree_of_no_passages_and_codebook_only_tags() -> None:
    roots = tag_tree([Tag("b/z"), Tag("B/a"), Tag("a")], [])
    assert [(n.name, n.total) for n in flattened(roots)] == [
        ("a", 0),
        ("B", 0),
        ("B/a", 0),
        ("b", 0),
        ("b/z", 0),
    ]


def test_move_renames_the_subtree_and_undo_restores_it(coded: Coded, corpus: Corpus) -> None:
    store, passages = coded
    before = (store.annotations(), store.tags())
    history = History()
    history.record("move", store.move_tag("framing/security", ""))
    assert names(store) == [
        "actors/pakistan",
        "framing",
        "framing/economy",
        "places",
        "security",
        "security/border",
    ]
    assert store.get(passages["Tehran"].id).tags == ("security/border",)  # type: ignore[union-attr]
    moved = store.tag("security")
    assert moved is not None and (moved.colour, moved.description) == ("#e06c75", "threats and defence")
    history.record("move back", store.move_tag("security", "actors/pakistan"))
    assert "actors/pakistan/security/border" in names(store)
    history.undo(store)
    history.undo(store)
    assert (store.annotations(), store.tags()) == before


def test_move_refuses_itself_its_children_and_taken_names(coded: Coded, corpus: Corpus) -> None:
    store, _ = coded
    before = (store.annotations(), store.tags())
    with pytest.raises(TagTreeError, match="under itself"):
        store.move_tag("framing", "framing/security")
    with pytest.raises(TagTreeError, match="under itself"):
        store.move_tag("framing", "framing")
    store.save(make(corpus, "Larijani", "security"))
    with pytest.raises(TagTreeError, match="'security' is already a tag"):
        store.move_tag("framing/security", "")
    with pytest.raises(TagTreeError, match="no tag 'nothing'"):
        check_move("nothing", "", names(store))
    assert store.tags() != before[1]  # only the new "security" tag: the refusals saved nothing
    assert "framing/security/border" in names(store)


def test_a_folder_moves_with_its_tags(coded: Coded, corpus: Corpus) -> None:
    store, _ = coded
    store.move_tag("actors", "framing")
    assert "framing/actors/pakistan" in names(store) and "actors/pakistan" not in names(store)


def test_rename_and_merge_keep_the_children(coded: Coded, corpus: Corpus) -> None:
    store, passages = coded
    history = History()
    before = (store.annotations(), store.tags())
    history.record("rename", store.rename_tag("framing", "frames"))
    assert [n for n in names(store) if n.startswith("fram")] == [
        "frames",
        "frames/economy",
        "frames/security",
        "frames/security/border",
    ]
    assert store.get(passages["Larijani"].id).tags == ("frames/security", "frames/economy")  # type: ignore[union-attr]
    history.undo(store)
    assert (store.annotations(), store.tags()) == before
    # merging framing/security into a new "risk" that already has a child called "border":
    # the children collide and merge as tags do
    store.save(make(corpus, "Mohsin Naqvi", "risk/border"))
    store.merge_tags(["framing/security"], "risk")
    assert "risk/border" in names(store) and "framing/security/border" not in names(store)
    assert len(store.annotations(tag="risk/border", exact=True)) == 2
    assert store.tag("risk") is not None and store.tag("risk").colour == "#e06c75"  # type: ignore[union-attr]


def test_a_merge_into_a_child_is_refused(coded: Coded, corpus: Corpus) -> None:
    store, _ = coded
    with pytest.raises(TagTreeError, match="a tag below it"):
        store.merge_tags(["framing"], "framing/security")


def test_delete_of_a_parent_takes_its_subtree(coded: Coded, corpus: Corpus) -> None:
    store, passages = coded
    history = History()
    before = (store.annotations(), store.tags())
    history.record("delete", store.delete_tag("framing/security"))
    assert names(store) == ["actors/pakistan", "framing", "framing/economy", "places"]
    assert store.get(passages["Larijani"].id).tags == ("framing/economy",)  # type: ignore[union-attr]
    assert store.get(passages["Tehran"].id).tags == ()  # type: ignore[union-attr]
    history.undo(store)
    assert (store.annotations(), store.tags()) == before


def test_tag_filters_include_children_unless_exact(coded: Coded, corpus: Corpus) -> None:
    store, passages = coded
    framing = {passages[k].id for k in ("Larijani", "Tehran", "Islamabad")}
    assert {a.id for a in store.annotations(tag="framing")} == framing
    assert [a.id for a in store.annotations(tag="framing", exact=True)] == [passages["Islamabad"].id]
    assert {a.id for a in store.annotations(tag="actors")} == {passages["Naqvi"].id}
    found = segments(store.annotations(), {ARTICLE: corpus.find(ARTICLE)}, SegmentQuery(tags=("framing",)))  # type: ignore[dict-item]
    assert {s.id for s in found} == framing
    exact = segments(
        store.annotations(), {ARTICLE: corpus.find(ARTICLE)}, SegmentQuery(("framing",), exact=True)
    )  # type: ignore[dict-item]
    assert [s.id for s in exact] == [passages["Islamabad"].id]
    both = SegmentQuery(tags=("framing/security", "framing/economy"), all=True)
    assert [s.id for s in segments(store.annotations(), {ARTICLE: corpus.find(ARTICLE)}, both)] == [  # type: ignore[dict-item]
        passages["Larijani"].id
    ]
