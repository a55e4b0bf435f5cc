"""The Timeline pane: events in date order grouped by month, with the articles' publication dates as markers.

Each event shows its date at its real precision, a one-line headline, its first participants
and its number of sources. Enter on an event posts :class:`EventChosen`; f filters by the
entity chosen in the entity pane, T by a tag, F clears the filter (:class:`TimelineFilter`).
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label

from tui.core.safe_text import one_line
from tui.core.timeline.events import Event
from tui.ui.messages import EventChosen, TimelineFilter
from tui.ui.widgets.line_list import LineList, Rows

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
        first.append(f" · {count} source{'s' if count != 1 else ''}", "dim")
        who = ", ".join(one_line(name) for name in sorted(event.participants.values())[:3])
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
        Binding(
            "f", "filter('entity')", "Filter by entity", tooltip="Only the entity chosen in the entity pane"
        ),
        Binding("T", "filter('tag')", "Filter by tag", tooltip="Only events inside passages with a tag"),
        Binding("F", "filter('clear')", "All events"),
    ]

    def action_filter(self, by: str) -> None:
        """Ask the screen to filter."""
        self.post_message(TimelineFilter(by))


class TimelinePane(Vertical):
    """A filter line above the list of events."""

    DEFAULT_CSS = """
    TimelinePane {
        & > Label { color: $text-muted; padding: 0 1; }
        & > TimelineList { height: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        """The filter line and the list."""
        yield Label("Building the timeline…", id="timeline-filter")
        yield TimelineList(id="timeline-list")

    def show(self, rows: TimelineRows, filtering: str) -> None:
        """Show the rows under a filter line."""
        self.query_one("#timeline-filter", Label).update(Content(f"{filtering} · {rows.shown:,} events"))
        self.query_one(TimelineList).show(rows)

    @on(LineList.Selected, "#timeline-list")
    def _chosen(self, message: LineList.Selected) -> None:
        """Open an event's source, or a marker's article."""
        message.stop()
        rows = message.line_list.rows
        if not isinstance(rows, TimelineRows):
            return
        _, key = rows.key(message.index)
        if isinstance(key, int):
            self.post_message(EventChosen(key))
        elif isinstance(key, str):
            self.post_message(EventChosen(None, key))
