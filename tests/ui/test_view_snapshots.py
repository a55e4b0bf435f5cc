"""Snapshot tests of the five full-width views (Timeline, Search results, Cross-references, the same
passage elsewhere, coded segments), each pushed over a bare app on the bundled corpus, at 80×24 and 120×40."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from textual.screen import Screen

from tests.conftest import ARTICLES
from tests.ui.conftest import settle
from tests.ui.test_segments_view import LONG_NOTE
from tests.ui.test_xref_views import ViewApp, article, published, titles
from tests.unit.test_segments import code
from tui.core.annotations.model import Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.core.corpus_index import CorpusIndex
from tui.core.corpus_search import search
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.same_thing import same_thing
from tui.ui.annotations.segments_screen import SegmentsScreen
from tui.ui.messages import OpenPassage
from tui.ui.search.results_screen import SearchResultsScreen
from tui.ui.timeline.timeline_screen import TimelineScreen
from tui.ui.xref.same_passage_screen import SamePassageScreen
from tui.ui.xref.xref_screen import CrossReferencesScreen

#: A fixed time for every tag and annotation, so that nothing shown comes from the clock.
STAMP = "2026-01-01T00:00:00Z"
#: The passage of the first article whose sameness elsewhere is shown: it holds a figure.
TRADE = "raising bilateral trade to $10 billion"

ViewFactory = Callable[[], Screen[OpenPassage | None]]


@pytest.fixture(scope="module")
def bundled(corpus: Corpus) -> CorpusIndex:
    """The bundled corpus as it is, indexed (timeline, cross-references, sentences)."""
    engine = EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))
    articles = list(corpus.articles)
    return CorpusIndex.build(articles, engine.extract_corpus({a.id: a.text for a in articles}))


def timeline_view(index: CorpusIndex) -> ViewFactory:
    """Every event of the bundled corpus's timeline."""
    events = list(range(len(index.timeline.events)))
    return lambda: TimelineScreen(index.timeline, events, titles(index), "All events")


def search_view(index: CorpusIndex) -> ViewFactory:
    """The articles and sentences holding "border" (the bundled articles never say "gas")."""
    articles = list(index.articles.values())
    return lambda: SearchResultsScreen(articles, search(articles, "border"), "border")


def xref_view(index: CorpusIndex) -> ViewFactory:
    """Ali Larijani's mentions from article 004, the company and related articles worked out in workers."""
    opened = article(index, "004").id
    return lambda: CrossReferencesScreen(
        index.xref, "person:larijani", None, None, titles(index), published(index), opened
    )


def same_passage_view(index: CorpusIndex) -> ViewFactory:
    """What other articles say about the $10 billion trade target of the first article."""
    first = article(index, "000")
    start = first.text.index(TRADE)
    found = same_thing(index, first.id, start, start + len(TRADE))
    return lambda: SamePassageScreen(found, titles(index), published(index))


def segments_view(index: CorpusIndex) -> ViewFactory:
    """Four coded passages of three articles, with overlapping tags and one long note."""
    a001, a003, a004 = (article(index, prefix) for prefix in ("001", "003", "004"))
    store = AnnotationStore.in_memory()
    for name, colour in (("iran", "#61afef"), ("pakistan", "#98c379"), ("people", "#e5c07b")):
        store.save_tag(Tag(name, colour, created=STAMP))
    coded = (
        code(a004, "Larijani", "people", "iran", note="security chief"),
        code(a003, "Mohsin Naqvi", "people", "pakistan", note=LONG_NOTE),
        code(a001, "Larijani", "iran", occurrence=1),
        code(a001, "Ishaq Dar", "pakistan", "people", note="Deputy Prime Minister"),
    )
    store.save(
        *(
            replace(a, id=str(uuid.UUID(int=n + 1)), created=STAMP, modified=STAMP)
            for n, a in enumerate(coded)
        )
    )
    return lambda: SegmentsScreen(store, index.articles)


class SizedViews:
    """The five views at the size a subclass names (not collected itself)."""

    SIZE: tuple[int, int]

    def look(self, snap_compare: Any, make: ViewFactory) -> bool:
        """Whether the view ``make`` builds, once its workers are done, looks as in its snapshot."""
        result: bool = snap_compare(ViewApp(make), terminal_size=self.SIZE, run_before=settle)
        return result

    def test_timeline(self, snap_compare: Any, bundled: CorpusIndex) -> None:
        assert self.look(snap_compare, timeline_view(bundled))

    def test_search_results(self, snap_compare: Any, bundled: CorpusIndex) -> None:
        assert self.look(snap_compare, search_view(bundled))

    def test_cross_references(self, snap_compare: Any, bundled: CorpusIndex) -> None:
        assert self.look(snap_compare, xref_view(bundled))

    def test_same_passage(self, snap_compare: Any, bundled: CorpusIndex) -> None:
        assert self.look(snap_compare, same_passage_view(bundled))

    def test_segments(self, snap_compare: Any, bundled: CorpusIndex) -> None:
        assert self.look(snap_compare, segments_view(bundled))


class TestViewsAt80x24(SizedViews):
    """The default size of most terminals."""

    SIZE = (80, 24)


class TestViewsAt120x40(SizedViews):
    """A medium terminal."""

    SIZE = (120, 40)
