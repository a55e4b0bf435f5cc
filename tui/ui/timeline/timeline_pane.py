"""The Timeline pane: events in date order grouped by month, with the articles' publication dates as markers.

Each event shows its date at its real precision, a one-line headline, its first participants
and its number of sources. Enter on an event opens its source (asking which, if several) with
:class:`OpenPassage`; f filters by the chosen entity, T by a tag (events inside passages with it),
F clears the filter. The pane reads the corpus's timeline from the reader's shared state.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label

from tui.core.safe_text import one_line
from tui.core.timeline.events import Event
from tui.ui.labels import counted
from tui.ui.messages import OpenPassage, Report
from tui.ui.state import ReaderState
from tui.ui.widgets.line_list import LineList, Rows

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.core.timeline.build import Timeline
    from tui.core.timeline.events import Source

#: An entry: its kind, its date, and what it stands for: ("month", day, None), ("event", day,
#: event number) or ("published", day, article id).
Entry = tuple[str, date, int | str | None]


class TimelineRows(Rows):
    """Months, events (two lines each) and publication markers, in date order."""

    def __init__(
        self, events: list[Event], numbers: list[int], published: dict[str, date], titles: dict[str, str]
    ) -> None:
        """Order the chosen events (``numbers`` into ``events``) and the markers, with month headings."""
        self._events, self._titles = events, titles
        dated: list[tuple[date, int, str, int | str]] = [
            (events[n].when.start, 1, "event", n) for n in numbers
        ]
        dated += [(day, 0, "published", article) for article, day in published.items()]
        dated.sort(key=lambda item: (item[0], item[1]))
        entries: list[Entry] = []
        month = None
        for day, _, kind, key in dated:
            if (day.year, day.month) != month:
                month = (day.year, day.month)
                entries.append(("month", day, None))
            entries.append((kind, day, key))
        self.entries = entries
        self.shown = len(numbers)

    def __len__(self) -> int:
        """The number of entries."""
        return len(self.entries)

    def heights(self) -> list[int]:
        """Two lines per event, one per heading and marker."""
        return [2 if kind == "event" else 1 for kind, _, _ in self.entries]

    def enabled(self, index: int) -> bool:
        """Month headings cannot be chosen."""
        return self.entries[index][0] != "month"

    def lines(self, index: int) -> list[Text]:
        """A heading, a marker, or an event's date, sources and participants over its headline."""
        kind, day, key = self.entries[index]
        if kind == "month":
            return [Text(f"{day:%B %Y}", "bold")]
        if isinstance(key, str):  # a publication marker
            title = one_line(self._titles.get(key, key))[:70]
            return [
                Text.assemble((f"{day.day} {day:%b %Y}  ", "dim"), (f"▸ published: {title}", "dim italic"))
            ]
        assert isinstance(key, int)
        event = self._events[key]
        count = len(event.sources)
        first = Text()
        first.append(event.when.label(), "bold")
        first.append(f" · {counted(count, 'source')}", "dim")
        names = sorted(event.participants.values())
        more = f" +{len(names) - 3} more (z: all)" if len(names) > 3 else ""
        who = ", ".join(one_line(name) for name in names[:3]) + more
        if who:
            first.append(f" · {who}", "italic")
        return [first, Text(one_line(event.headline))]

    def key(self, index: int) -> tuple[str, int | str | None]:
        """What an entry stands for: ("event", number), ("published", article id) or ("month", None)."""
        kind, _, key = self.entries[index]
        return kind, key


class TimelineList(LineList):
    """The events; f, T and F filter."""

    BINDINGS = [
        Binding("enter", "choose", "Open", tooltip="Open the event's source sentence"),
        Binding(
            "f", "filter('entity')", "Filter by entity", tooltip="Only the entity chosen in the entity pane"
        ),
        Binding("T", "filter('tag')", "Filter by tag", tooltip="Only events inside passages with a tag"),
        Binding("F", "filter('clear')", "All events"),
    ]

    class FilterAsked(Report):
        """The user asked to filter the timeline: by "entity", by "tag", or "clear"."""

        by: str

    def action_filter(self, by: str) -> None:
        """Ask the pane to filter."""
        self.post_message(self.FilterAsked(by))


class TimelinePane(Vertical):
    """A filter line above the list of events; it filters and opens the events' sources itself."""

    ALLOW_MAXIMIZE = True  # Ctrl+P Maximize fills the screen with the whole pane, not one list

    DEFAULT_CSS = """
    TimelinePane {
        & > Label { color: $text-muted; padding: 0 1; }
        & > TimelineList { height: 1fr; }
    }
    """

    def __init__(self, state: ReaderState, *, id: str | None = None) -> None:
        """A pane over the reader's shared state."""
        super().__init__(id=id)
        self.state = state
        self.entity: str | None = None
        self.tag: str | None = None
        self.shown: tuple[list[int], str] = ([], "All events")  # the events listed, and the filter's label
        self._scoped: tuple[object, object, Timeline | None] = (None, None, None)

    @property
    def timeline(self) -> Timeline | None:
        """The corpus timeline, once built, as the attribute filter leaves it: each event with only
        its sources in articles that pass, and only their publication markers."""
        built = self.state.index.timeline if self.state.index is not None else None
        passing = self.state.passing
        if built is None or passing is None:
            return built
        if self._scoped[0] is not built or self._scoped[1] != passing:  # once per timeline and filter
            from dataclasses import replace

            from tui.core.timeline.build import Timeline

            events = [
                replace(event, sources=[s for s in event.sources if s.article in passing])
                for event in built.events
            ]
            published = {article: day for article, day in built.published.items() if article in passing}
            self._scoped = (built, set(passing), Timeline(events, published))
        return self._scoped[2]

    def compose(self) -> ComposeResult:
        """The filter line and the list."""
        yield Label("Building the timeline…", id="timeline-filter")
        yield TimelineList(id="timeline-list")

    def on_mount(self) -> None:
        """Show the timeline if it is already built."""
        self.show_events()

    def show_events(self) -> None:
        """List the events that pass the filter (nothing until the timeline is built)."""
        timeline = self.timeline
        if timeline is None:
            return
        numbers: Sequence[int] = range(len(timeline.events))
        label = "All events"
        if self.entity is not None:
            entity = self.entity
            numbers = [n for n in numbers if entity in timeline.events[n].participants]
            label = f"With {one_line(self.state.entity_name(entity))} (F: all)"
        if self.tag is not None:
            tagged = self._tagged_passages(self.tag)
            numbers = [n for n in numbers if _inside(timeline.events[n].sources, tagged)]
            label = f"In passages tagged {one_line(self.tag)} (F: all)"
        if self.state.passing is not None:  # the attribute filter left these events without a source
            numbers = [n for n in numbers if timeline.events[n].sources]
            label = f"{label} · {one_line(self.state.where_label())}"
        self.shown = (list(numbers), label)
        rows = TimelineRows(timeline.events, list(numbers), timeline.published, self.state.article_titles())
        self.query_one("#timeline-filter", Label).update(Content(f"{label} · {counted(rows.shown, 'event')}"))
        self.query_one(TimelineList).show(rows)

    def unavailable(self, reason: str) -> None:
        """Say why there are no events (the indexes could not be built)."""
        self.query_one("#timeline-filter", Label).update(Content(reason))

    def full_view(self) -> Screen[OpenPassage | None] | None:
        """The events listed here at full width, every source sentence in full."""
        from tui.ui.timeline.timeline_screen import TimelineScreen

        if self.timeline is None:
            self.notify("The timeline is still being built")
            return None
        numbers, label = self.shown
        return TimelineScreen(self.timeline, numbers, self.state.article_titles(), label)

    def _tagged_passages(self, tag: str) -> dict[str, list[tuple[int, int]]]:
        """The passages with a tag, by article."""
        passages: dict[str, list[tuple[int, int]]] = {}
        store = self.state.store
        for annotation in store.annotations(tag=tag) if store is not None else []:
            passages.setdefault(annotation.article, []).append((annotation.start, annotation.end))
        return passages

    @on(TimelineList.FilterAsked)
    def _filter(self, message: TimelineList.FilterAsked) -> None:
        """Filter by the chosen entity or a tag, or show everything."""
        message.stop()
        if message.by == "clear":
            self.entity = self.tag = None
        elif message.by == "entity":
            if self.state.entity is None:
                self.notify("Choose an entity first: E, then Enter on one, or put the text cursor on one")
                return
            self.entity, self.tag = self.state.entity, None
        else:
            store = self.state.store
            tags = store.tags() if store is not None else []
            if store is None or not tags:
                self.notify("No tags yet: select a passage in an article and press t to tag it")
                return
            from tui.ui.dialogs.tag_picker import TagPickerDialog

            picker = TagPickerDialog("Events in passages with which tag?", tags, store.tag_counts())
            self.app.push_screen(picker, self._filter_by_tag)
            return
        self.show_events()

    def _filter_by_tag(self, name: str | None) -> None:
        """Only events inside passages with the tag."""
        if name:
            self.tag, self.entity = name, None
            self.show_events()

    @on(LineList.Selected, "#timeline-list")
    def _chosen(self, message: LineList.Selected) -> None:
        """Open an event's source (asking which, if several), or a marker's article."""
        message.stop()
        rows = message.line_list.rows
        timeline = self.timeline
        if not isinstance(rows, TimelineRows) or timeline is None:
            return
        _, key = rows.key(message.index)
        if isinstance(key, str):
            self.post_message(OpenPassage(key))
            return
        if not isinstance(key, int):
            return
        event = timeline.events[key]
        if len(event.sources) == 1:
            self._open_source(event.sources[0])
            return
        from tui.ui.dialogs.chooser import ChooserDialog

        titles = self.state.article_titles()
        items = [f"{titles.get(s.article, s.article)}: {s.sentence}" for s in event.sources]
        self.app.push_screen(
            ChooserDialog(f"{event.when.label()}: reported by {len(items)} articles", items),
            lambda index: self._open_source(event.sources[index]) if index is not None else None,
        )

    def _open_source(self, source: Source) -> None:
        """Open an article with the source sentence selected."""
        self.post_message(OpenPassage(source.article, source.start, source.end))


def _inside(sources: Sequence[Source], passages: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether a source sentence lies in (or overlaps) one of the passages."""
    return any(
        start < source.end and source.start < end
        for source in sources
        for start, end in passages.get(source.article, ())
    )
