"""The reader with the Timeline pane: every dated event of the corpus, filtered, opening its sources.

The corpus's indexes (the timeline and the cross-references, see :class:`CorpusIndex`) are
built in a worker once the entities are found, and again only when they are found anew; the
panes then only read them. Filters: the entity chosen in the entity pane, or a tag (events
inside passages with it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.binding import Binding
from textual.worker import get_current_worker

from tui.core.safe_text import one_line
from tui.ui.messages import BuildProgress, EventChosen, IndexReady, MentionsReady, TimelineFilter
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.annotating import AnnotatingScreen

if TYPE_CHECKING:
    from textual.widgets import TabbedContent

    from tui.core.corpus_index import CorpusIndex
    from tui.core.entities.cache import MentionCache
    from tui.core.models import Mention
    from tui.core.timeline.build import Timeline
    from tui.core.timeline.events import Event, Source
    from tui.ui.timeline.timeline_pane import TimelinePane


class ChronicleScreen(AnnotatingScreen):
    """Read, annotate, and follow events in time."""

    BINDINGS = [Binding("L", "focus('#timeline-list')", "Timeline", tooltip="The Timeline pane")]

    index: CorpusIndex | None = None
    timeline_entity: str | None = None
    timeline_tag: str | None = None

    @property
    def timeline(self) -> Timeline | None:
        """The corpus timeline, once built."""
        return self.index.timeline if self.index is not None else None

    async def mount_more_panes(self, side: TabbedContent) -> None:
        """The Timeline pane after the others."""
        from textual.widgets import TabPane

        from tui.ui.timeline.timeline_pane import TimelinePane

        await super().mount_more_panes(side)
        await side.add_pane(TabPane("Timeline", TimelinePane(id="timeline-pane"), id="timeline-tab"))
        self.show_timeline()

    @on(MentionsReady)
    def _build_index(self, message: MentionsReady) -> None:
        """Index the corpus with the new mentions."""
        self.index_worker(message.mentions, message.cache)

    @work(thread=True, exit_on_error=False, exclusive=True, group="index", description="indexing the corpus")
    def index_worker(self, mentions: dict[str, list[Mention]], cache: MentionCache | None = None) -> None:
        """Resolve every date, merge the events, index the mentions (a thread: a large corpus takes
        time); then write the caches, the mentions' and the events', for the next run."""
        from tui.core.corpus_index import CorpusIndex

        self.post_message(
            BuildProgress(f"Indexing events and cross-references in {len(mentions):,} articles")
        )
        open_events = getattr(self.app, "event_cache", None)  # ReaderApp's; none on a bare App
        events = open_events() if open_events is not None else None
        index = CorpusIndex.build(self.corpus.articles, mentions, events)
        if not get_current_worker().is_cancelled:
            self.post_message(IndexReady(index))
        for kept in (events, cache):
            if kept is not None:
                kept.save()

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        """Show the new timeline; the background work is done."""
        self.index = message.index
        self.build_done()
        self.show_timeline()

    def show_timeline(self) -> None:
        """List the events that pass the filter."""
        panes = self.query("#timeline-pane")
        timeline = self.timeline
        if not panes or timeline is None:
            return
        from tui.ui.timeline.timeline_pane import TimelineRows

        numbers: Sequence[int] = range(len(timeline.events))
        label = "All events"
        if self.timeline_entity is not None:
            entity = self.timeline_entity
            numbers = [n for n in numbers if entity in timeline.events[n].participants]
            label = f"With {one_line(self._entity_name(entity))} (F: all)"
        if self.timeline_tag is not None:
            tagged = self._tagged_passages(self.timeline_tag)
            numbers = [n for n in numbers if _inside(timeline.events[n].sources, tagged)]
            label = f"In passages tagged {one_line(self.timeline_tag)} (F: all)"
        titles = self.article_titles()
        rows = TimelineRows(timeline.events, list(numbers), timeline.published, titles)
        cast("TimelinePane", panes.first()).show(rows, label)

    def _entity_name(self, entity_id: str) -> str:
        """An entity's canonical name."""
        entity = self.engine.entity(entity_id)
        return entity.name if entity else entity_id

    def _tagged_passages(self, tag: str) -> dict[str, list[tuple[int, int]]]:
        """The passages with a tag, by article."""
        passages: dict[str, list[tuple[int, int]]] = {}
        for annotation in self.store.annotations(tag=tag):
            passages.setdefault(annotation.article, []).append((annotation.start, annotation.end))
        return passages

    @on(TimelineFilter)
    def _filter(self, message: TimelineFilter) -> None:
        """Filter by the chosen entity or a tag, or show everything."""
        if message.by == "clear":
            self.timeline_entity = self.timeline_tag = None
        elif message.by == "entity":
            entity = self.marked or self.entity_at(self.query_one(ArticleView).cursor.offset)
            if entity is None:
                self.notify("Choose an entity first: e, then Enter on one, or put the text cursor on one")
                return
            self.timeline_entity, self.timeline_tag = entity, None
        else:
            from tui.ui.dialogs.prompt import PromptDialog

            names = ", ".join(one_line(tag.name) for tag in self.store.tags()[:8]) or "no tags yet"
            dialog = PromptDialog(f"Events in passages with which tag? ({names})", placeholder="tag name")
            self.app.push_screen(dialog, self._filter_by_tag)
            return
        self.show_timeline()

    def _filter_by_tag(self, name: str | None) -> None:
        """Only events inside passages with the tag."""
        if name:
            self.timeline_tag, self.timeline_entity = name, None
            self.show_timeline()

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
        from tui.ui.dialogs.chooser import ChooserDialog

        titles = self.article_titles()
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


def _inside(sources: Sequence[Source], passages: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether a source sentence lies in (or overlaps) one of the passages."""
    return any(
        start < source.end and source.start < end
        for source in sources
        for start, end in passages.get(source.article, ())
    )
