"""The reader with the Cross-references pane, following the chosen entity and the open article.

The entity is the one chosen in the entity pane or under the text cursor; the pane lists its
mentions across the corpus with their sentences, the entities most often named with it, and
the articles related to the open one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.binding import Binding
from textual.worker import get_current_worker

from tui.ui.messages import (
    CompanyCounted,
    CursorMoved,
    EntityChosen,
    IndexReady,
    RelatedRanked,
    SameThingFound,
    XrefChosen,
)
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.chronicle import ChronicleScreen

if TYPE_CHECKING:
    from textual.widgets import TabbedContent

    from tui.core.corpus_index import CorpusIndex
    from tui.core.same_thing import SameThing
    from tui.ui.xref.xref_pane import XrefPane

#: How many related articles the pane lists.
RELATED = 30
#: How many of the entities most often named with the one followed it lists.
COMPANY = 8


class CrossRefScreen(ChronicleScreen):
    """Read, annotate, follow events in time and entities across the corpus."""

    BINDINGS = [Binding("X", "focus('#xref-list')", "Xref", tooltip="The cross-references pane")]

    xref_entity: str | None = None
    xref_passage: tuple[int, int] | None = None
    _elsewhere: SameThing | None = None

    async def mount_more_panes(self, side: TabbedContent) -> None:
        """The Cross-references pane after the others."""
        from textual.widgets import TabPane

        from tui.ui.xref.xref_pane import XrefPane

        await super().mount_more_panes(side)
        await side.add_pane(TabPane("Xref", XrefPane(id="xref-pane"), id="xref-tab"))
        self.show_xref()

    def article_opened(self) -> None:
        """Related articles change with the article; the passage is gone."""
        super().article_opened()
        self.xref_passage = None
        self.show_xref()

    @on(EntityChosen)
    def _follow_chosen(self, message: EntityChosen) -> None:
        """Follow the entity chosen in the entity pane or the text."""
        self.xref_entity = message.entity_id
        self.show_xref()

    @on(CursorMoved)
    def _follow_cursor(self, message: CursorMoved) -> None:
        """Follow the entity under the text cursor, and the selected (or annotated) passage."""
        passage = message.selection
        if passage is None:
            annotated = self._at(message.offset)
            passage = (annotated[-1].start, annotated[-1].end) if annotated else None
        entity = self.entity_at(message.offset) or self.xref_entity
        if entity != self.xref_entity or passage != self.xref_passage:
            self.xref_entity, self.xref_passage = entity, passage
            self.show_xref()

    @on(IndexReady)
    def _index_arrived(self, message: IndexReady) -> None:
        """The indexes are in: fill the pane."""
        self.call_after_refresh(self.show_xref)

    def show_xref(self) -> None:
        """Fill the pane for the current entity, article and passage (the passage's search in a worker)."""
        if self.index is None or not self.query("#xref-pane"):
            return
        if self.xref_passage is not None and self.article is not None:
            self._elsewhere = None
            self.same_thing_worker(self.index, self.article.id, *self.xref_passage)
        self._fill_xref()

    def _fill_xref(self) -> None:
        """Lay out the pane from the indexes and the last search's result."""
        from tui.ui.xref.xref_pane import XrefRows, XrefView

        panes = self.query("#xref-pane")
        if self.index is None or not panes:
            return
        xref = self.index.xref
        related = xref.ranked_already(self.article.id, limit=RELATED) if self.article else []
        if related is None and self.article is not None:
            self.related_worker(self.index, self.article.id)
        passage = self.xref_passage is not None
        view = XrefView(self.xref_entity, related, elsewhere=self._elsewhere if passage else None)
        view.searching = passage and self._elsewhere is None
        if self.xref_entity is not None:
            counted = xref.counted_company(self.xref_entity)
            if counted is None:
                self.company_worker(self.index, self.xref_entity)
            else:
                view.company = counted.most_common(COMPANY)
        cast("XrefPane", panes.first()).show(XrefRows(xref, view, self.article_titles()))

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="related",
        description="ranking related articles",
    )
    def related_worker(self, index: CorpusIndex, article: str) -> None:
        """Rank the articles related to one (a thread: on a large corpus it reads thousands of postings)."""
        index.xref.related(article, limit=RELATED)
        if not get_current_worker().is_cancelled:
            self.post_message(RelatedRanked(article))

    @on(RelatedRanked)
    def _related_ranked(self, message: RelatedRanked) -> None:
        """Show the related articles, if the article is still open."""
        if self.article is not None and self.article.id == message.article:
            self._fill_xref()

    @work(thread=True, exit_on_error=False, exclusive=True, group="company", description="counting company")
    def company_worker(self, index: CorpusIndex, entity: str) -> None:
        """Count the entities named in the same sentences as one (a thread: it reads each article with it)."""
        index.xref.co_mentioned(entity)
        if not get_current_worker().is_cancelled:
            self.post_message(CompanyCounted(entity))

    @on(CompanyCounted)
    def _company_counted(self, message: CompanyCounted) -> None:
        """Show the entities named with the entity followed, if it still is."""
        if message.entity == self.xref_entity:
            self._fill_xref()

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="same-thing",
        description="the same thing elsewhere",
    )
    def same_thing_worker(self, index: CorpusIndex, article: str, start: int, end: int) -> None:
        """Look for the passage's event, figures and wording elsewhere (a thread: it reads every sentence)."""
        from tui.core.same_thing import same_thing

        found = same_thing(index, article, start, end)
        if not get_current_worker().is_cancelled:
            self.post_message(SameThingFound(article, (start, end), found))

    @on(SameThingFound)
    def _same_thing_found(self, message: SameThingFound) -> None:
        """Show what the search found, if the passage is still the one selected."""
        if self.article is not None and (message.article, message.passage) == (
            self.article.id,
            self.xref_passage,
        ):
            self._elsewhere = message.found
            self._fill_xref()

    @on(XrefChosen)
    def _xref_chosen(self, message: XrefChosen) -> None:
        """Jump to a mention, choose an entity, or open a related article."""
        if message.kind == "article":
            self.select_article(message.key)
        elif message.kind == "entity":
            self.xref_entity = message.key
            self.mark_entity(message.key)
            self.show_xref()
        else:
            self.select_article(message.key)
            view = self.query_one(ArticleView)
            view.select(message.start, message.end)
            view.focus()
