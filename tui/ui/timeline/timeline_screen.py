"""The Timeline at full width: every event with all its sources, each sentence in full.

:class:`TimelineScreen` lists what the Timeline pane lists, in the same order (month headings,
the articles' publication markers, the events: see :class:`~.timeline_pane.TimelineRows`), but
each event shows its date at its precision, all its participants and its headline (its first
source's sentence, in full), followed by every source: the article's title and publication date
and the source sentence (unless it is the headline's), wrapped to the width. Enter on a source
opens its sentence, on an event its first source, on a publication marker the article (the view
is dismissed with an :class:`~tui.ui.messages.OpenPassage`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from itertools import accumulate

from rich.text import Text

from tui.core.safe_text import one_line
from tui.core.timeline.build import Timeline
from tui.core.timeline.events import Event
from tui.ui.labels import counted, date_label
from tui.ui.messages import OpenPassage
from tui.ui.timeline.timeline_pane import TimelineRows
from tui.ui.widgets.full_width import FullWidthView, ViewRows


class TimelineSourceRows(ViewRows):
    """The pane's entries, each event followed by one entry per source.

    The entries are numbered through the pane's (``_starts``: where each of them begins), so an
    event's sources are looked up only when drawn: opening costs one pass over the events.
    """

    def __init__(self, timeline: Timeline, numbers: list[int], titles: Mapping[str, str]) -> None:
        """The events ``numbers`` (into ``timeline.events``) with the markers and month headings."""
        self._events, self._published, self._titles = timeline.events, timeline.published, titles
        order = TimelineRows(timeline.events, numbers, timeline.published, dict(titles))
        self._entries = order.entries
        events = timeline.events
        sizes = (1 + len(events[key].sources) if isinstance(key, int) else 1 for _, _, key in self._entries)
        self._starts = [0, *accumulate(sizes)]
        self.events = order.shown
        self.sources = sum(len(events[n].sources) for n in numbers)

    def __len__(self) -> int:
        """Headings, markers, events and their sources."""
        return self._starts[-1]

    def _place(self, index: int) -> tuple[int, int]:
        """The pane's entry an entry belongs to, and which part of it (0: itself, n: its nth source)."""
        entry = bisect_right(self._starts, index) - 1
        return entry, index - self._starts[entry]

    def enabled(self, index: int) -> bool:
        """Month headings cannot be chosen."""
        entry, _ = self._place(index)
        return self._entries[entry][0] != "month"

    def lines(self, index: int) -> list[Text]:
        """A month heading, a publication marker, an event or one of its sources."""
        entry, part = self._place(index)
        kind, day, key = self._entries[entry]
        if kind == "month":
            return [Text(), Text(f"{day:%B %Y}", "bold underline")]
        if isinstance(key, str):
            title = one_line(self._titles.get(key, key))
            return [Text.assemble((f"{date_label(day)}  ▸ published: ", "dim"), (title, "dim italic"))]
        assert isinstance(key, int)
        event = self._events[key]
        return self._event_lines(event) if part == 0 else self._source_lines(event, part - 1)

    @staticmethod
    def _event_lines(event: Event) -> list[Text]:
        """An event's date, its number of sources, its participants and its headline: its first
        source's sentence, in full."""
        first = Text.assemble(
            (event.when.label(), "bold"), (f" · {counted(len(event.sources), 'source')}", "dim")
        )
        lines = [first]
        who = ", ".join(one_line(name) for name in sorted(event.participants.values()))
        if who:
            lines.append(Text(f"  {who}", "italic"))
        headline = event.sources[0].sentence if event.sources else event.headline
        lines.append(Text(f"  {one_line(headline)}", "bold"))
        return lines

    def _source_lines(self, event: Event, number: int) -> list[Text]:
        """One source: its article's title and publication date, then its sentence in full (unless it
        is the headline, just above)."""
        source = event.sources[number]
        title = one_line(self._titles.get(source.article, source.article))
        heading = Text.assemble(
            ("    ▸ ", "dim"),
            (title, "bold"),
            (f" · {date_label(self._published.get(source.article))}", "dim"),
        )
        if number == 0 or source.sentence == event.sources[0].sentence:
            return [heading]
        return [heading, Text(f"      {one_line(source.sentence)}")]

    def passage(self, index: int) -> OpenPassage | None:
        """A source's sentence, an event's first source, a marker's article."""
        entry, part = self._place(index)
        _, _, key = self._entries[entry]
        if isinstance(key, str):
            return OpenPassage(key)
        if not isinstance(key, int) or not self._events[key].sources:
            return None
        source = self._events[key].sources[max(0, part - 1)]
        return OpenPassage(source.article, source.start, source.end)


class TimelineScreen(FullWidthView):
    """The Timeline pane at full width, every source sentence in full."""

    def __init__(
        self, timeline: Timeline, numbers: list[int], titles: Mapping[str, str], filtering: str = "All events"
    ) -> None:
        """The events ``numbers`` of ``timeline``, the articles' ``titles`` (by id), and a label of the
        filter that chose the events."""
        self.filtering = filtering
        self.timeline_rows = TimelineSourceRows(timeline, numbers, titles)
        super().__init__(self.timeline_rows)

    def title_line(self) -> Text:
        """What is shown: the filter, the number of events and of their sources."""
        rows = self.timeline_rows
        return Text.assemble(
            "Timeline · ",
            one_line(self.filtering),
            (f" · {counted(rows.events, 'event')}, {counted(rows.sources, 'source')}", "dim"),
            style="bold",
        )
