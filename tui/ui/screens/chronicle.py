"""The reader with the Timeline pane: every dated event of the corpus, filtered, opening its sources.

The timeline is built in a worker once the entities are found, and again when they are found
anew. Filters: the entity chosen in the entity pane, or a tag (events inside passages with it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.binding import Binding
from textual.worker import get_current_worker

from tui.core.safe_text import one_line
from tui.ui.messages import EventChosen, MentionsReady, TimelineFilter, TimelineReady
from tui.ui.screens.annotating import AnnotatingScreen
from tui.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from textual.widgets import TabbedContent

    from tui.core.models import Mention
    from tui.core.timeline.build import Timeline
    from tui.core.timeline.events import Event, Source
    from tui.ui.widgets.timeline_pane import TimelinePane


class ChronicleScreen(AnnotatingScreen):
    """Read, annotate, and follow events in time."""

    BINDINGS = [Binding("L", "focus('#timeline-list')", "Timeline", tooltip="The Timeline pane")]

    timeline: Timeline | None = None
    timeline_entity: str | None = None
    timeline_tag: str | None = None

    async def mount_more_panes(self, side: TabbedContent) -> None:
        """The Timeline pane after the others."""
        from textual.widgets import TabPane

        from tui.ui.widgets.timeline_pane import TimelinePane

        await super().mount_more_panes(side)
        await side.add_pane(TabPane("Timeline", TimelinePane(id="timeline-pane"), id="timeline-tab"))
        self._show_timeline()

    @on(MentionsReady)
    def _build_timeline(self, message: MentionsReady) -> None:
        """Build the timeline from the new mentions."""
        self.timeline_worker(message.mentions)

    @work(thread=True, exclusive=True, group="timeline")
    def timeline_worker(self, mentions: dict[str, list[Mention]]) -> None:
        """Resolve every date, find the events and merge them (a thread: a large corpus takes a while)."""
        from tui.core.timeline.build import build_timeline

        timeline = build_timeline(self.corpus.articles, mentions)
        if not get_current_worker().is_cancelled:
            self.post_message(TimelineReady(timeline))

    @on(TimelineReady)
    def _timeline_ready(self, message: TimelineReady) -> None:
        """Show the new timeline."""
        self.timeline = message.timeline
        self._show_timeline()

    def _show_timeline(self) -> None:
        """List the events that pass the filter."""
        panes = self.query("#timeline-pane")
        if not panes or self.timeline is None:
            return
        pane = cast("TimelinePane", panes.first())
        events = list(enumerate(self.timeline.events))
        label = "All events"
        if self.timeline_entity is not None:
            events = [(i, e) for i, e in events if self.timeline_entity in e.participants]
            label = f"With {one_line(self._entity_name(self.timeline_entity))} (F: all)"
        if self.timeline_tag is not None:
            events = [(i, e) for i, e in events if any(self._tagged(s, self.timeline_tag) for s in e.sources)]
            label = f"In passages tagged {one_line(self.timeline_tag)} (F: all)"
        titles = {article.id: article.title for article in self.corpus.articles}
        pane.show(events, self.timeline.published, titles, label)

    def _entity_name(self, entity_id: str) -> str:
        """An entity's canonical name."""
        entity = self.engine.entity(entity_id)
        return entity.name if entity else entity_id

    def _tagged(self, source: Source, tag: str) -> bool:
        """Whether a source sentence lies in (or overlaps) a passage with the tag."""
        return any(
            a.start < source.end and source.start < a.end
            for a in self.store.annotations(article=source.article, tag=tag)
        )

    @on(TimelineFilter)
    def _filter(self, message: TimelineFilter) -> None:
        """Filter by the chosen entity or a tag, or show everything."""
        if message.by == "clear":
            self.timeline_entity = self.timeline_tag = None
        elif message.by == "entity":
            if self.marked is None:
                self.notify("Choose an entity first: e, then Enter on one (or click it in the text)")
                return
            self.timeline_entity, self.timeline_tag = self.marked, None
        else:
            from tui.ui.screens.prompt import PromptDialog

            names = ", ".join(one_line(tag.name) for tag in self.store.tags()[:8]) or "no tags yet"
            dialog = PromptDialog(f"Events in passages with which tag? ({names})", placeholder="tag name")
            self.app.push_screen(dialog, self._filter_by_tag)
            return
        self._show_timeline()

    def _filter_by_tag(self, name: str | None) -> None:
        """Only events inside passages with the tag."""
        if name:
            self.timeline_tag, self.timeline_entity = name, None
            self._show_timeline()

    @on(EventChosen)
    def _event_chosen(self, message: EventChosen) -> None:
        """Open the event's source (asking which, if several) or a marker's article."""
        if message.article is not None:
            self.select_article(message.article)
            return
        if self.timeline is None or message.index is None:
            return
        event = self.timeline.events[message.index]
        if len(event.sources) == 1:
            self._open_source(event.sources[0])
            return
        from tui.ui.screens.chooser import ChooserDialog

        titles = {article.id: article.title for article in self.corpus.articles}
        items = [f"{titles.get(s.article, s.article)}: {s.sentence}" for s in event.sources]
        self.app.push_screen(
            ChooserDialog(f"{event.when.label()}: reported by {len(items)} articles", items),
            lambda index: self._open_source(event.sources[index]) if index is not None else None,
        )

    def _open_source(self, source: Source) -> None:
        """Open an article with the source sentence selected."""
        self.select_article(source.article)
        view = self.query_one(ArticleView)
        view.select(source.start, source.end)
        view.focus()

    def events_for(self, entity_id: str) -> list[Event]:
        """The events an entity takes part in (for the palette and tests)."""
        return self.timeline.for_entity(entity_id) if self.timeline else []
