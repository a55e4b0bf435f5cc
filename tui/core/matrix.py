"""Code matrices: how often tags meet (tag × tag) and where they are used (tag × article, tag ×
attribute value).

Tag × tag counts co-occurrence in one of three units, as MAXQDA's code relations browser does:
- ``overlap``: pairs of coded passages, one with each tag, whose spans overlap (a passage carrying
  both tags is one such pair); the diagonal counts the tag's passages;
- ``sentence`` or ``paragraph``: the sentences (paragraphs) of the corpus holding coded text of
  both tags; the diagonal counts the units coded with the tag.

Tag × article counts each tag's passages in each article; tag × attribute value (outlet, say)
counts them in the articles with each value, those without one in a :data:`NO_VALUE` column, as
MAXQDA's crosstabs and NVivo's framework matrices compare outlets. Every cell keeps the spans it counts
(``article``, ``start``, ``end``), so a view can open them. Passages are counted where they are in
the current text (placed as the coded segments view places them); orphans count nowhere.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from tui.core import textnav
from tui.core.annotations.model import Annotation
from tui.core.annotations.tag_tree import within
from tui.core.models import Article
from tui.core.segments import Segment, placed
from tui.core.sentences import Sentences

#: The units tag × tag co-occurrence is counted in.
UNITS = ("overlap", "sentence", "paragraph")

#: The column of the articles that have no value for the attribute a matrix is by.
NO_VALUE = "(none)"

#: One span a cell counts: the article, and where in its text.
Place = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class Matrix:
    """Rows of tags against columns (tags or articles), each cell the places it counts."""

    kind: str
    unit: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: Mapping[tuple[str, str], tuple[Place, ...]] = field(default_factory=dict)
    #: The attribute whose values are the columns ("" unless the matrix is tag × attribute).
    attribute: str = ""

    def count(self, row: str, column: str) -> int:
        """How many places cell (``row``, ``column``) holds."""
        return len(self.cells.get((row, column), ()))

    def places(self, row: str, column: str) -> tuple[Place, ...]:
        """The spans cell (``row``, ``column``) counts, in article and text order."""
        return self.cells.get((row, column), ())

    def counts(self) -> list[list[int]]:
        """The counts, row by row."""
        return [[self.count(row, column) for column in self.columns] for row in self.rows]

    def as_json(self) -> dict[str, Any]:
        """The matrix as JSON: its rows, columns, counts, and each non-empty cell's spans."""
        return {
            "kind": self.kind,
            "unit": self.unit,
            **({"attribute": self.attribute} if self.attribute else {}),
            "rows": list(self.rows),
            "columns": list(self.columns),
            "counts": self.counts(),
            "cells": [
                {
                    "row": row,
                    "column": column,
                    "places": [{"article": a, "start": s, "end": e} for a, s, e in self.places(row, column)],
                }
                for row in self.rows
                for column in self.columns
                if self.count(row, column)
            ],
        }

    def as_csv_rows(self) -> list[list[str]]:
        """The matrix as CSV rows: a header of the columns, then each row's name and counts."""
        kind = f"tag × {self.attribute}" if self.attribute else self.kind
        header = [f"{kind} ({self.unit})", *self.columns]
        return [
            header,
            *([row, *map(str, counts)] for row, counts in zip(self.rows, self.counts(), strict=True)),
        ]


def tag_by_tag(
    annotations: Iterable[Annotation],
    articles: Mapping[str, Article],
    tags: Sequence[str],
    unit: str = "overlap",
) -> Matrix:
    """How often each pair of ``tags`` co-occurs, in ``unit`` (one of :data:`UNITS`)."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}: one of {', '.join(UNITS)}")
    found = _coded(annotations, articles, tags)
    cells: dict[tuple[str, str], set[Place]] = {}
    if unit == "overlap":
        for segment in found:
            for tag in _tags_of(segment, tags):
                cells.setdefault((tag, tag), set()).add(_place(segment))
        by_article: dict[str, list[Segment]] = {}
        for segment in found:
            by_article.setdefault(segment.article, []).append(segment)
        for group in by_article.values():
            for first, second in _overlapping(group):
                for a in _tags_of(first, tags):
                    for b in _tags_of(second, tags):
                        if a != b:  # the diagonal counts passages, not pairs of them
                            _pair(cells, a, b, _joined(first, second))
            for segment in group:  # one passage with two tags: a pair of its own
                for a, b in combinations(_tags_of(segment, tags), 2):
                    _pair(cells, a, b, _place(segment))
    else:
        units = _Units(articles, unit)
        coded: dict[Place, set[str]] = {}
        for segment in found:
            for span in units.covering(segment):
                coded.setdefault(span, set()).update(_tags_of(segment, tags))
        for span, present in coded.items():
            for tag in present:
                cells.setdefault((tag, tag), set()).add(span)
            for a, b in combinations(sorted(present), 2):
                _pair(cells, a, b, span)
    return Matrix("tag × tag", unit, tuple(tags), tuple(tags), _sorted(cells))


def tag_by_article(
    annotations: Iterable[Annotation], articles: Mapping[str, Article], tags: Sequence[str]
) -> Matrix:
    """How many passages of each of ``tags`` each article holds (articles with none left out)."""
    found = _coded(annotations, articles, tags)
    cells: dict[tuple[str, str], set[Place]] = {}
    for segment in found:
        for tag in _tags_of(segment, tags):
            cells.setdefault((tag, segment.article), set()).add(_place(segment))
    used = {article for _, article in cells}
    columns = tuple(article for article in articles if article in used)
    return Matrix("tag × article", "passage", tuple(tags), columns, _sorted(cells))


def tag_by_attribute(
    annotations: Iterable[Annotation],
    articles: Mapping[str, Article],
    tags: Sequence[str],
    values: Mapping[str, Mapping[str, str]],
    attribute: str,
) -> Matrix:
    """How many passages of each of ``tags`` the articles with each value of ``attribute`` hold.

    ``values`` are each article's attribute values by id (:func:`~tui.core.attributes.values_by_article`).
    The columns are every value the ``articles`` have, in alphabetical order, then :data:`NO_VALUE`
    if any article has none; each cell keeps its passages, as tag × article's do.
    """
    by_article = tag_by_article(annotations, articles, tags)

    def value_of(article: str) -> str:
        """The article's value of the attribute, or :data:`NO_VALUE`."""
        return values.get(article, {}).get(attribute) or NO_VALUE

    cells: dict[tuple[str, str], set[Place]] = {}
    for (tag, article), places in by_article.cells.items():
        cells.setdefault((tag, value_of(article)), set()).update(places)
    found = {value_of(article) for article in articles}
    columns = sorted(found - {NO_VALUE}, key=lambda value: (value.casefold(), value))
    if NO_VALUE in found:
        columns.append(NO_VALUE)
    return Matrix("tag × attribute", "passage", tuple(tags), tuple(columns), _sorted(cells), attribute)


def attributes_in(values: Mapping[str, Mapping[str, str]]) -> list[str]:
    """The attributes some article has a value of, to split or compare by: those set in the store
    (outlet, country…) alphabetically, then the front matter's (source, published, dateline)."""
    from tui.core.attributes import from_front_matter

    names = {name for found in values.values() for name, value in found.items() if value}
    return sorted(names, key=lambda name: (from_front_matter(name), name))


class _Units:
    """The sentences or paragraphs of the corpus's articles, found once per article."""

    def __init__(self, articles: Mapping[str, Article], unit: str) -> None:
        """Know the articles; nothing is scanned yet."""
        self._articles = articles
        self._unit = unit
        self._sentences = Sentences(list(articles.values())) if unit == "sentence" else None
        self._starts: dict[str, list[int]] = {}

    def covering(self, segment: Segment) -> list[Place]:
        """The units a placed segment has text in, as (article, start, end) spans."""
        assert segment.start is not None and segment.end is not None
        text = self._articles[segment.article].text
        starts = self._unit_starts(segment.article, text)
        first = max(0, bisect_right(starts, segment.start) - 1)
        last = max(0, bisect_right(starts, max(segment.start, segment.end - 1)) - 1)
        spans = []
        for index in range(first, last + 1):
            start = starts[index]
            end = starts[index + 1] if index + 1 < len(starts) else len(text)
            spans.append((segment.article, start, start + len(text[start:end].rstrip())))
        return spans

    def _unit_starts(self, article: str, text: str) -> list[int]:
        """Where each unit of one article starts."""
        found = self._starts.get(article)
        if found is None:
            if self._sentences is not None:
                found = list(self._sentences.starts(article))
            else:
                found = textnav.paragraph_starts(text) or [0]
            self._starts[article] = found
        return found


def _coded(
    annotations: Iterable[Annotation], articles: Mapping[str, Article], tags: Sequence[str]
) -> list[Segment]:
    """The passages carrying any of ``tags`` or a tag below one, placed in the current texts;
    orphans left out."""
    chosen = [a for a in annotations if any(within(name, tag) for name in a.tags for tag in tags)]
    return [s for s in placed(chosen, articles) if not s.orphan]


def _tags_of(segment: Segment, tags: Sequence[str]) -> list[str]:
    """The rows among ``tags`` the segment counts in, once each, in ``tags``' order: its own tags
    and the tags above them (a parent's row counts its children's passages, as the codebook does)."""
    return [tag for tag in tags if any(within(name, tag) for name in segment.tags)]


def _place(segment: Segment) -> Place:
    """Where a placed segment is."""
    assert segment.start is not None and segment.end is not None
    return (segment.article, segment.start, segment.end)


def _joined(first: Segment, second: Segment) -> Place:
    """The span two overlapping segments cover together."""
    a, b = _place(first), _place(second)
    return (a[0], min(a[1], b[1]), max(a[2], b[2]))


def _overlapping(group: list[Segment]) -> Iterable[tuple[Segment, Segment]]:
    """Each pair of distinct segments of one article whose spans overlap."""
    ordered = sorted(group, key=lambda s: (s.start or 0, s.end or 0))
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if (second.start or 0) >= (first.end or 0):
                break
            yield first, second


def _pair(cells: dict[tuple[str, str], set[Place]], a: str, b: str, place: Place) -> None:
    """Count ``place`` for the pair both ways (a tag with itself only once); a tag and one above it
    are not a pair: every passage below would count for both."""
    if a != b and (within(a, b) or within(b, a)):
        return
    cells.setdefault((a, b), set()).add(place)
    if a != b:
        cells.setdefault((b, a), set()).add(place)


def _sorted(cells: Mapping[tuple[str, str], set[Place]]) -> dict[tuple[str, str], tuple[Place, ...]]:
    """Each cell's places in article and text order."""
    return {key: tuple(sorted(places)) for key, places in cells.items()}
