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
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.core.safe_text import one_line
from tui.core.timeline.events import Event
from tui.ui.messages import EventChosen, TimelineFilter


class TimelineList(OptionList):
    """The events, each on two lines cut to the width; f, T and F filter."""

    DEFAULT_CSS = """
    TimelineList { text-wrap: nowrap; text-overflow: ellipsis; }
    """

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

    def show(
        self,
        events: list[tuple[int, Event]],
        published: dict[str, date],
        titles: dict[str, str],
        filtering: str,
    ) -> None:
        """List ``(index, event)`` pairs by month, with publication markers, under a filter line."""
        self.query_one("#timeline-filter", Label).update(Content(f"{filtering} · {len(events)} events"))
        entries: list[tuple[date, int, Option]] = []
        for index, event in events:
            entries.append((event.when.start, 1, self._event(index, event)))
        for article, day in published.items():
            text = Content.styled(f"▸ published: {one_line(titles.get(article, article))[:70]}", "dim italic")
            entries.append(
                (day, 0, Option(Content.styled(f"{day.day} {day:%b %Y}  ", "dim") + text, id=f"a:{article}"))
            )
        options: list[Option | None] = []
        month = None
        for day, _, option in sorted(entries, key=lambda item: (item[0], item[1])):
            if (day.year, day.month) != month:
                month = (day.year, day.month)
                options.append(Option(Content.styled(f"{day:%B %Y}", "bold"), disabled=True))
            options.append(option)
        listing = self.query_one(TimelineList)
        listing.clear_options()
        listing.add_options(options)

    @staticmethod
    def _event(index: int, event: Event) -> Option:
        """One event on two lines, cut to the width: date, sources and participants; the headline."""
        count = len(event.sources)
        who = ", ".join(one_line(name) for name in sorted(event.participants.values())[:3])
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(event.when.label(), "bold")
        text.append(f" · {count} source{'s' if count != 1 else ''}", "dim")
        if who:
            text.append(f" · {who}", "italic")
        text.append("\n" + one_line(event.headline))
        return Option(text, id=f"e:{index}")

    @on(OptionList.OptionSelected, "#timeline-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Open an event's source, or a marker's article."""
        event.stop()
        key = event.option.id or ""
        if key.startswith("e:"):
            self.post_message(EventChosen(int(key[2:])))
        elif key.startswith("a:"):
            self.post_message(EventChosen(None, key[2:]))
