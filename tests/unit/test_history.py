"""Undo and redo, property-tested: any sequence of changes, undone whole, leaves the store as it began.

Hypothesis draws sequences of annotation and codebook operations on the bundled articles
(create, edit and delete an annotation; create, recolour, rename, merge and delete a tag), each
recorded in a :class:`History` as the store returns it. Undoing every step must give back the
store at its start, every field of every annotation and tag; redoing every step, the store at
the end. On a store in memory, and on one on disk that is closed and opened again.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.annotations.history import Changes, History
from tui.core.annotations.model import PALETTE, Annotation, Tag, document_problem
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus, load_corpus

ROOT = Path(__file__).resolve().parent.parent.parent
#: The bundled articles, read once for every example.
CORPUS: Corpus = load_corpus(ROOT / "articles")
#: Each article's words, as (article, start, end): the passages the operations annotate.
WORDS = [
    (article, match.start(), match.end())
    for article in CORPUS.articles
    for match in re.finditer(r"\S+(?: \S+){0,3}", article.text[:3000])
]
#: Tag names, including ones that look like markup or are not ASCII.
NAMES = ("people", "places", "security-framing", "regional-tension", "[bold]x[/]", "ünïcode", "a b")

pick = st.integers(min_value=0, max_value=10_000)
names = st.lists(st.sampled_from(NAMES), max_size=3)
colours = st.sampled_from((*PALETTE, "#123456", "teal"))
descriptions = st.sampled_from(("", "who is who", "[link=file:///etc/passwd]x[/link]", "\x1b[2J"))
OPERATION = st.one_of(
    st.tuples(st.just("create"), pick, names, st.sampled_from(("", "a note"))),
    st.tuples(st.just("edit"), pick, names, st.sampled_from(("", "edited"))),
    st.tuples(st.just("delete"), pick),
    st.tuples(st.just("new tag"), st.sampled_from(NAMES), colours, descriptions),
    st.tuples(st.just("recolour"), pick, colours),
    st.tuples(st.just("rename"), pick, st.sampled_from(NAMES)),
    st.tuples(st.just("merge"), st.lists(pick, min_size=1, max_size=3), st.sampled_from(NAMES)),
    st.tuples(st.just("delete tag"), pick),
)
SEQUENCES = st.lists(OPERATION, min_size=1, max_size=12)


def perform(store: AnnotationStore, operation: tuple[Any, ...]) -> Changes:
    """Do one drawn operation (choices taken modulo what is there); the change it made."""
    kind, *args = operation
    annotations, tags = store.annotations(), [tag.name for tag in store.tags()]
    if kind == "create":
        article, start, end = WORDS[args[0] % len(WORDS)]
        return store.save(Annotation.create(article.id, article.text, start, end, tuple(args[1]), args[2]))
    if kind == "new tag":
        return store.save_tag(Tag(args[0], args[1], args[2]))
    if kind in ("edit", "delete") and annotations:
        chosen = annotations[args[0] % len(annotations)]
        if kind == "delete":
            return store.delete(chosen.id)
        return store.save(chosen.edited(tags=tuple(args[1]), note=args[2]))
    if kind == "merge" and tags:
        return store.merge_tags([tags[index % len(tags)] for index in args[0]], args[1])
    if kind in ("recolour", "rename", "delete tag") and tags:
        chosen_tag = tags[args[0] % len(tags)]
        if kind == "recolour":
            old = store.tag(chosen_tag)
            assert old is not None
            return store.save_tag(
                Tag(old.name, args[1], old.description, old.created, "2026-01-01T00:00:00Z")
            )
        if kind == "rename":
            return store.rename_tag(chosen_tag, args[1])
        return store.delete_tag(chosen_tag)
    return Changes()


def contents(store: AnnotationStore) -> tuple[list[Annotation], list[Tag]]:
    """Every annotation and tag the store holds, with all their fields."""
    return store.annotations(), store.tags()


def seed(store: AnnotationStore) -> None:
    """A start that is not empty: two annotations and a described codebook."""
    article, start, end = WORDS[5]
    store.save(Annotation.create(article.id, article.text, start, end, ("people", "places"), "first"))
    article, start, end = WORDS[40]
    store.save(Annotation.create(article.id, article.text, start, end, ("regional-tension",)))
    store.save_tag(Tag("regional-tension", "#e06c75", "neighbours at odds"))


def record_all(store: AnnotationStore, operations: list[tuple[Any, ...]]) -> History:
    """Perform the operations, each recorded as one step."""
    history = History()
    for operation in operations:
        history.record(operation[0], perform(store, operation))
    return history


def undo_all(history: History, store: AnnotationStore) -> None:
    """Undo every step."""
    while history.undo(store) is not None:
        pass


def redo_all(history: History, store: AnnotationStore) -> None:
    """Redo every undone step."""
    while history.redo(store) is not None:
        pass


@settings(max_examples=60, deadline=5000)
@given(SEQUENCES)
def test_undo_everything_restores_the_start_and_redo_the_end_in_memory(
    operations: list[tuple[Any, ...]],
) -> None:
    store = AnnotationStore.in_memory()
    seed(store)
    start = contents(store)
    history = record_all(store, operations)
    end = contents(store)
    undo_all(history, store)
    assert contents(store) == start
    redo_all(history, store)
    assert contents(store) == end


@settings(max_examples=20, deadline=10_000)
@given(SEQUENCES)
def test_undo_everything_restores_the_start_and_redo_the_end_on_disk(
    operations: list[tuple[Any, ...]],
) -> None:
    with tempfile.TemporaryDirectory(prefix="iranpak-history-") as folder:
        store = AnnotationStore.open(Path(folder))
        seed(store)
        start = contents(store)
        history = record_all(store, operations)
        end = contents(store)
        undo_all(history, store)
        store.close()
        store = AnnotationStore.open(Path(folder))
        assert contents(store) == start
        redo_all(history, store)
        store.close()
        assert contents(AnnotationStore.open(Path(folder))) == end


@settings(max_examples=200, deadline=1000)
@given(
    st.sampled_from(WORDS),
    st.lists(st.text(min_size=1, max_size=12), max_size=4),
    st.text(max_size=40),
    st.text(max_size=20),
)
def test_every_annotation_and_tag_round_trips_through_its_stored_form(
    word: tuple[Any, int, int], tags: list[str], note: str, description: str
) -> None:
    article, start, end = word
    annotation = Annotation.create(article.id, article.text, start, end, tuple(tags), note, "author")
    edited = annotation.edited(tags=(*tags, "extra"), note=note + "!")
    for made in (annotation, edited):
        assert Annotation.from_json(made.as_json()) == made
        assert document_problem("annotations", str(made.doc_id), made.as_json()) is None
    for name in tags:
        tag = Tag(name, "#61afef", description)
        assert Tag.from_json(tag.as_json()) == tag
        assert document_problem("tags", str(tag.doc_id), tag.as_json()) is None
