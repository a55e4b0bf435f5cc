"""Counts over time at full width: passages of a tag, mentions of an entity, or the timeline's events,
by month or week, as bars or a line, in one series or one per value of an attribute (outlet, source…).

``c`` chooses what is charted, ``g`` the period, ``k`` bars or line, ``s`` what to split by: one
series, then one per value of each attribute some article has (the publication date aside: it is
the axis), named in the title; the chart is drawn again at once. The counts come from
:mod:`tui.core.charts`; the drawing is plotext's, in a Textual widget (textual-plotext). Labels are
tag, entity and outlet names: they are passed through :func:`~tui.core.safe_text.one_line` first,
since plotext's output is read back as ANSI text and a name must not carry escape sequences into it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from tui.core.charts import GRAINS, Chart, Item, Series, chart, grouped
from tui.core.matrix import attributes_in
from tui.core.safe_text import clipped, one_line
from tui.ui.labels import counted
from tui.ui.widgets.key_bar import KeyBar

#: How many series a split chart draws: the values with the most items; the rest are summed.
MOST_SERIES = 6


@dataclass(frozen=True)
class Subject:
    """Something to chart: what it is called and its dated items (grouped by article)."""

    label: str
    items: Sequence[Item]


class ChartScreen(Screen[None]):
    """One subject's counts over time; Esc goes back."""

    DEFAULT_CSS = """
    ChartScreen {
        layout: vertical;
        & > #chart-title { height: auto; padding: 0 1; background: $panel; }
        & > #chart { height: 1fr; }
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", tooltip="Back to the reader, where it was"),
        Binding("q", "close", "Back", show=False, tooltip="Back to the reader, where it was"),
        Binding("c", "choose", "What", tooltip="Chart something else: a tag, the entity chosen, the events"),
        Binding("g", "next_grain", "Month/week", tooltip="Count by month or by week"),
        Binding("k", "switch_kind", "Bars/line", tooltip="Bars or a line"),
        Binding(
            "s",
            "switch_split",
            "Split",
            tooltip="One series, or one per value of an attribute (outlet, source…)",
        ),
    ]

    def __init__(
        self,
        subjects: Sequence[Subject],
        start: int = 0,
        values: Mapping[str, Mapping[str, str]] | None = None,
        passing: set[str] | None = None,
        where: str = "",
    ) -> None:
        """Chart ``subjects[start]``; ``c`` offers the others. ``values`` are each article's attribute
        values by id: ``s`` splits by each attribute they hold. With ``passing``, only the items of
        the articles of these ids are counted (the attribute filter, written ``where``)."""
        super().__init__()
        self.passing, self.where = passing, where
        self.values = {article: dict(found) for article, found in (values or {}).items()}
        #: The attributes to split by, in the order ``s`` steps through them.
        self.splits = [name for name in attributes_in(self.values) if name != "published"]
        self.subjects = list(subjects)
        self.subject = self.subjects[start] if self.subjects else Subject("nothing", ())
        self.grain = GRAINS[0]
        self.kind = "bar"
        #: The attribute the chart is split by, or None for one series.
        self.split: str | None = None
        self.chart: Chart | None = None

    def compose(self) -> ComposeResult:
        """The title line, the chart, the keys."""
        from textual_plotext import PlotextPlot  # here: plotext is not needed until a chart is shown

        yield Static(id="chart-title")
        yield PlotextPlot(id="chart")
        yield KeyBar()

    def on_mount(self) -> None:
        """Draw the first subject."""
        self.draw()

    def draw(self) -> None:
        """Count the subject by the period chosen and draw it as chosen."""
        from textual_plotext import PlotextPlot

        items = [item for item in self.subject.items if self.passing is None or item[1] in self.passing]
        if self.split is not None:
            items = grouped(items, self.values, self.split)
        made = chart(one_line(self.subject.label), items, self.grain, self.split is not None)
        self.chart = made
        widget = self.query_one(PlotextPlot)
        plt = widget.plt
        plt.clear_data()
        plt.clear_figure()
        labels = made.labels()
        series = _fewest(made)
        if labels and series:
            positions = [float(n) for n in range(1, len(labels) + 1)]
            if self.kind == "bar" and len(series) > 1:
                counts = [list(s.counts) for s in series]
                # plotext's keyword is "labels"; textual-plotext's type stub names it "label"
                plt.multiple_bar(positions, counts, labels=[s.label for s in series])  # type: ignore[call-arg]
            elif self.kind == "bar":
                plt.bar(positions, list(series[0].counts), width=0.8)
            else:
                for one in series:
                    plt.plot(positions, list(one.counts), label=one.label if len(series) > 1 else None)
            step = max(1, len(labels) // 8)  # an axis label every few periods, so they never overlap
            plt.xticks(positions[::step], labels[::step])
            top = max(max(one.counts) for one in series)
            every = max(1, -(-top // 5))  # whole numbers on the count axis, about five of them
            plt.yticks([float(n) for n in range(0, top + every, every)])
            if len(series) > 1:  # room above the highest bar for the legend, drawn over the plot
                rows = max(6, widget.size.height - 4)
                share = min(0.6, (len(series) + 1) / rows)
                plt.ylim(0.0, max(top, 1) / (1 - share))
            if len(labels) < 3:  # one or two periods: bars of a period's width, not the whole plot's
                plt.xlim(0.0, len(labels) + 1.0)
        plt.title("")
        widget.refresh()
        self.query_one("#chart-title", Static).update(self._title(made))

    def _title(self, made: Chart) -> Text:
        """What is charted, how many, by what, and what was left out."""
        per = "month" if self.grain == "month" else "week"
        parts = [f"{clipped(self.subject.label, 60)}: {counted(made.total, 'item')} by {per}"]
        if self.split is not None:
            parts.append(f"one {'line' if self.kind == 'line' else 'bar'} per {self.split}")
        if self.where:
            parts.append(self.where)
        if made.undated:
            parts.append(f"{counted(made.undated, 'item')} with no date left out")
        if not made.total:
            parts.append("nothing dated to chart: c charts something else")
        return Text(one_line(" · ".join(parts)), style="bold")

    # Keys

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)

    def action_next_grain(self) -> None:
        """Count by the other period."""
        self.grain = GRAINS[(GRAINS.index(self.grain) + 1) % len(GRAINS)]
        self.draw()

    def action_switch_kind(self) -> None:
        """Bars or a line."""
        self.kind = "line" if self.kind == "bar" else "bar"
        self.draw()

    def action_switch_split(self) -> None:
        """The next split: one series, then one per value of each attribute, and round again."""
        if not self.splits:
            self.notify("No article has an attribute to split by: set one (an outlet, say) first")
            return
        order: list[str | None] = [None, *self.splits]
        self.split = order[(order.index(self.split) + 1) % len(order)] if self.split in order else None
        self.draw()

    def action_choose(self) -> None:
        """Ask what to chart."""
        from tui.ui.dialogs.chooser import ChooserDialog

        passing = self.passing  # counted as the chart will count them: under the attribute filter

        def count(subject: Subject) -> int:
            """How many of a subject's items the chart would show."""
            return sum(1 for item in subject.items if passing is None or item[1] in passing)

        items = [f"{one_line(s.label)} ({counted(count(s), 'item')})" for s in self.subjects]

        def chosen(index: int | None) -> None:
            """Chart the subject chosen, if one was."""
            if index is not None:
                self.subject = self.subjects[index]
                self.draw()

        self.app.push_screen(ChooserDialog("Chart what?", items), chosen)


def _fewest(made: Chart) -> list[Series]:
    """The series to draw: all of them, or the largest few and the rest summed as "others"."""
    series = [Series(one_line(s.label), s.counts) for s in made.series]
    if len(series) <= MOST_SERIES:
        return series
    kept, rest = series[: MOST_SERIES - 1], series[MOST_SERIES - 1 :]
    summed = tuple(sum(counts) for counts in zip(*(s.counts for s in rest), strict=True))
    return [*kept, Series(f"{len(rest)} others", summed)]
