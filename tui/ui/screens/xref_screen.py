"""The reader with the Cross-references pane, following the chosen entity and the open article.

The entity is the one chosen in the entity pane or under the text cursor; the pane lists its
mentions across the corpus with their sentences, the entities most often named with it, and
the articles related to the open one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.binding import Binding

from tui.ui.messages import CursorMoved, EntityChosen, MentionsReady, XrefChosen
from tui.ui.screens.chronicle import ChronicleScreen
from tui.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from textual.widgets import TabbedContent

    from tui.ui.widgets.xref_pane import XrefPane


class CrossRefScreen(ChronicleScreen):
    """Read, annotate, follow events in time and entities across the corpus."""

    BINDINGS = [Binding("X", "focus('#xref-list')", "Xref", tooltip="The cross-references pane")]

    xref_entity: str | None = None
    xref_passage: tuple[int, int] | None = None

    async def mount_more_panes(self, side: TabbedContent) -> None:
        """The Cross-references pane after the others."""
        from textual.widgets import TabPane

        from tui.ui.widgets.xref_pane import XrefPane

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
        under = next((m for m in self._article_mentions() if m.start <= message.offset < m.end), None)
        entity = under.entity_id if under is not None else self.xref_entity
        if entity != self.xref_entity or passage != self.xref_passage:
            self.xref_entity, self.xref_passage = entity, passage
            self.show_xref()

    @on(MentionsReady)
    def _mentions_arrived(self, message: MentionsReady) -> None:
        """Mentions are in: fill the pane."""
        self.call_after_refresh(self.show_xref)

    def show_xref(self) -> None:
        """Fill the pane for the current entity and article."""
        panes = self.query("#xref-pane")
        if not panes or self.mentions is None:
            return
        from tui.core.xref import co_mentioned, occurrences, related

        articles = self.corpus.articles
        titles = {a.id: a.title for a in articles}
        entity = found = None
        with_it: list[tuple[str, str, int]] = []
        if self.xref_entity is not None:
            found = occurrences(self.xref_entity, articles, self.mentions)
            names = {m.entity_id: m.canonical for ms in self.mentions.values() for m in ms}
            entity = (self.xref_entity, names.get(self.xref_entity, self.xref_entity))
            counts = co_mentioned(self.xref_entity, articles, self.mentions).most_common(8)
            with_it = [(key, names.get(key, key), count) for key, count in counts]
        ranked = related(self.article.id, articles, self.mentions) if self.article else []
        elsewhere = None
        if self.xref_passage is not None and self.article is not None:
            from tui.core.same_thing import same_thing

            start, end = self.xref_passage
            elsewhere = same_thing(self.article, start, end, articles, self.mentions, self.timeline)
        cast("XrefPane", panes.first()).show(entity, found or [], with_it, ranked, titles, elsewhere)

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
