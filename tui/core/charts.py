"""Counts over time for charts: passages of a tag, mentions of an entity, events in the timeline.

Each thing counted is a dated item with a group: the article it is in (or, for an event, the
article that first reported it), which :func:`grouped` turns into that article's value of an
attribute (outlet, source, country…) when a chart is split by it. Items are counted by month or by
ISO week, every period between the first and the last shown, empty ones at zero, so a chart's gaps
are real. Items with no date (an article with no publication date) are counted apart and said,
never placed on a guessed date.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from tui.core.annotations.model import Annotation
from tui.core.annotations.tag_tree import within
from tui.core.models import Article, Mention
from tui.core.timeline.events import Event

#: The periods a chart counts by.
GRAINS = ("month", "week")

#: One thing counted: its date (None: undated) and its group (its article's id, until :func:`grouped`).
Item = tuple[date | None, str]
#: The group of the items whose article has no value of the attribute a chart is split by.
NO_VALUE = "(none)"


@dataclass(frozen=True, slots=True)
class Series:
    """One line or set of bars: a label and a count for every period."""

    label: str
    counts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """Counts of one subject by period, in one series or one per group, and how many had no date."""

    title: str
    grain: str
    periods: tuple[date, ...]
    series: tuple[Series, ...]
    undated: int

    @property
    def total(self) -> int:
        """How many dated items the chart counts."""
        return sum(sum(series.counts) for series in self.series)

    def labels(self) -> list[str]:
        """Each period as the axis names it: ``2025-11`` or ``2025-W47``."""
        if self.grain == "week":
            return [f"{p.isocalendar().year}-W{p.isocalendar().week:02}" for p in self.periods]
        return [p.strftime("%Y-%m") for p in self.periods]


def period_of(day: date, grain: str) -> date:
    """The first day of the month or ISO week holding ``day``."""
    if grain == "week":
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown grain {grain!r}: one of {', '.join(GRAINS)}")


def chart(title: str, items: Iterable[Item], grain: str = "month", split: bool = False) -> Chart:
    """Count ``items`` by ``grain``: one series, or one per group (the largest first) if ``split``."""
    counted: Counter[tuple[str, date]] = Counter()
    undated = 0
    for day, group in items:
        if day is None:
            undated += 1
        else:
            counted[(group if split else title, period_of(day, grain))] += 1
    periods = _every_period({p for _, p in counted}, grain)
    totals: Counter[str] = Counter()
    for (group, _), count in counted.items():
        totals[group] += count
    series = tuple(
        Series(group, tuple(counted[(group, p)] for p in periods))
        for group, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    )
    return Chart(title, grain, tuple(periods), series, undated)


def grouped(items: Iterable[Item], values: Mapping[str, Mapping[str, str]], attribute: str) -> list[Item]:
    """``items`` (grouped by article) grouped by their articles' value of ``attribute`` instead, or
    :data:`NO_VALUE`; ``values`` are each article's attribute values by id."""
    return [(day, values.get(article, {}).get(attribute) or NO_VALUE) for day, article in items]


def tag_items(annotations: Iterable[Annotation], articles: Mapping[str, Article], tag: str) -> list[Item]:
    """The passages of ``tag`` (and the tags below it), dated by their articles."""
    items: list[Item] = []
    for annotation in annotations:
        if any(within(name, tag) for name in annotation.tags):
            items.append(_dated(annotation.article, articles))
    return items


def mention_items(
    mentions: Mapping[str, list[Mention]], articles: Mapping[str, Article], entity: str
) -> list[Item]:
    """The mentions of ``entity`` (under any spelling), dated by their articles."""
    items: list[Item] = []
    for article_id, found in mentions.items():
        count = sum(1 for mention in found if mention.entity_id == entity)
        items.extend([_dated(article_id, articles)] * count)
    return items


def event_items(events: Iterable[Event], passing: Collection[str] | None = None) -> list[Item]:
    """The timeline's events, on their own dates, grouped by the article that first reported them
    (with ``passing``, the attribute filter's articles: the first of those that reported it, so an
    event the Timeline keeps for a later source is charted too)."""
    items: list[Item] = []
    for event in events:
        reporting = [s.article for s in event.sources if passing is None or s.article in passing]
        items.append((event.when.start, reporting[0] if reporting else ""))
    return items


def _dated(article_id: str, articles: Mapping[str, Article]) -> Item:
    """An item dated by its article's publication date (None if it has none, or is gone)."""
    article = articles.get(article_id)
    return (article.published if article is not None else None, article_id)


def _every_period(found: set[date], grain: str) -> list[date]:
    """Every period from the first found to the last, in order."""
    if not found:
        return []
    first, last = min(found), max(found)
    periods = [first]
    while periods[-1] < last:
        following = periods[-1] + timedelta(days=7 if grain == "week" else 32)
        periods.append(period_of(following, grain))
    return periods
