"""The reader's entity highlighting: which types are shown, which entity is marked, and the marked
entity's mentions that n and N step through; drawn in the text, the legend and the entity pane."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from tui.core.models import Entity, EntityType, summarise
from tui.core.search import Stepper
from tui.ui.state import ReaderState

if TYPE_CHECKING:
    from tui.ui.reader.article_view import ArticleView
    from tui.ui.reader.entity_pane import EntityPane
    from tui.ui.reader.legend import Legend


class EntityMarks:
    """The entity types highlighted and the entity marked, shown in the widgets it is given."""

    def __init__(self, state: ReaderState) -> None:
        """Every type highlighted, nothing marked, until :meth:`attach` gives the widgets."""
        self.state = state
        self.enabled: set[EntityType] = set(EntityType)
        self.marked: str | None = None
        self.stepper = Stepper()
        self._view: ArticleView | None = None
        self._legend: Legend | None = None

    def attach(self, view: ArticleView, legend: Legend) -> None:
        """The text and the legend to draw in (they are composed with the screen)."""
        self._view, self._legend = view, legend

    def show(self, pane: EntityPane | None) -> None:
        """The open article's entities in the pane and their counts in the legend (both waiting
        while the extraction runs)."""
        if self.state.mentions is None:
            if pane is not None:
                pane.show_summaries(None)
            self._show_legend()
            return
        if pane is not None:
            summaries = summarise(self.state.article_mentions())
            pane.show_summaries(summaries, article_open=self.state.article is not None)
        self._show_legend()

    def _show_legend(self) -> None:
        """Each type with its count in the open article, or none while the extraction runs."""
        if self._legend is not None:
            mentions = self.state.article_mentions()
            counts = None if self.state.mentions is None else Counter(m.type for m in mentions)
            self._legend.set_state(self.enabled, counts)

    def mark(self, entity_id: str, pane: EntityPane | None) -> list[tuple[int, int]]:
        """Mark an entity's mentions in the text and describe it in the pane; its mentions' spans."""
        assert self._view is not None
        self.marked = self.state.entity = entity_id
        spans = self._view.mark_entity(entity_id)
        summaries = summarise(self.state.article_mentions())
        summary = next((s for s in summaries if s.entity_id == entity_id), None)
        entity = self.state.engine.entity(entity_id)
        if entity is None and summary is not None:
            entity = Entity(entity_id, summary.canonical, summary.type)
        if entity is not None and pane is not None:
            pane.show_details(entity, summary)
        self.stepper = Stepper(spans)
        return spans

    def toggle(self, kind: EntityType) -> bool:
        """Turn one type's highlighting on or off; whether it is on now."""
        self.enabled ^= {kind}
        if self._view is not None:
            self._view.set_enabled_types(self.enabled)
        self._show_legend()
        return kind in self.enabled

    def clear(self) -> None:
        """No entity marked any more."""
        self.marked = None
        self.stepper = Stepper()
        if self._view is not None:
            self._view.mark_entity(None)
