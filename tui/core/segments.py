"""Coded segments: every passage with chosen tags across the corpus, as analysts read them.

A segment is one tagged annotation found again in its article's current text (re-anchored as
the ``annotations`` command does), with its quote in full, the rest of its sentence either side
as context, and its article's title and date. Passages whose article or text is gone are kept
and marked orphan, with the context stored when they were made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from tui.core.annotations.anchoring import place
from tui.core.annotations.model import Annotation, text_hash
from tui.core.annotations.tag_tree import within
from tui.core.models import Article
from tui.core.sentences import Sentences

#: The ways segments can be ordered.
SORTS = ("article", "date", "tag")
#: At most this many characters of context either side, so a sentence without an end (a list,
#: a table) does not bring a whole article with it.
CONTEXT_LIMIT = 240


@dataclass(frozen=True, slots=True)
class SegmentQuery:
    """Which segments: ``tags`` (none: every coded passage), all of them or any, a text to find
    in the quote, context or note (any case), and the order (one of :data:`SORTS`). A tag
    includes the tags below it (``framing`` finds ``framing/security``) unless ``exact``."""

    tags: tuple[str, ...] = ()
    all: bool = False
    exact: bool = False
    match: str = ""
    sort: str = "article"


@dataclass(frozen=True, slots=True)
class Segment:
    """One coded passage: where it is now (``start``/``end`` None for an orphan) and its context."""

    id: str
    article: str
    title: str | None
    published: date | None
    status: str
    start: int | None
    end: int | None
    quote: str
    before: str
    after: str
    tags: tuple[str, ...]
    note: str

    @property
    def orphan(self) -> bool:
        """Whether the passage could not be found in its article's current text (or the article is gone)."""
        return self.status == "orphan"

    @property
    def context(self) -> str:
        """The quote with its context either side."""
        return self.before + self.quote + self.after

    def as_json(self) -> dict[str, Any]:
        """The segment as JSON-ready data."""
        return {
            "id": self.id,
            "article": self.article,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "status": self.status,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "context": {"before": self.before, "after": self.after},
            "tags": list(self.tags),
            "note": self.note,
        }


def wanted(annotation: Annotation | Segment, tags: tuple[str, ...], every: bool, exact: bool = False) -> bool:
    """Whether an annotation (or a segment) is one for these tags: coded at all when none are given.

    A tag is there if the passage carries it or, unless ``exact``, a tag below it.
    """
    if not tags:
        return bool(annotation.tags)
    have = set(annotation.tags)

    def has(tag: str) -> bool:
        """Whether the passage carries ``tag`` (or one below it)."""
        return tag in have or (not exact and any(within(name, tag) for name in have))

    return all(map(has, tags)) if every else any(map(has, tags))


def segments(
    annotations: Iterable[Annotation], articles: Mapping[str, Article], query: SegmentQuery
) -> list[Segment]:
    """The segments ``query`` asks for among ``annotations``, placed in ``articles``' current texts."""
    _check_sort(query.sort)
    chosen = [a for a in annotations if wanted(a, query.tags, query.all, query.exact)]
    return select(placed(chosen, articles), query)


def placed(annotations: Iterable[Annotation], articles: Mapping[str, Article]) -> list[Segment]:
    """Every coded annotation as a segment, placed in ``articles``' current texts, in no order:
    the costly part, done once by a view that then asks :func:`select` for each query."""
    chosen = [a for a in annotations if a.tags]
    sentences = Sentences([articles[a.article] for a in chosen if a.article in articles])
    hashes: dict[str, str] = {}  # one hash per article, however many passages it holds
    return [_segment(a, articles.get(a.article), sentences, hashes) for a in chosen]


def select(found: Iterable[Segment], query: SegmentQuery) -> list[Segment]:
    """The segments among ``found`` (already placed) with ``query``'s tags and text, in its order."""
    _check_sort(query.sort)
    chosen = [s for s in found if wanted(s, query.tags, query.all, query.exact)]
    needle = query.match.casefold()
    if needle:
        chosen = [s for s in chosen if needle in s.context.casefold() or needle in s.note.casefold()]
    chosen.sort(key=_SORT_KEYS[query.sort])
    return chosen


def _check_sort(sort: str) -> None:
    """Refuse a sort that is not one of :data:`SORTS`."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}")


def _segment(
    annotation: Annotation, article: Article | None, sentences: Sentences, hashes: dict[str, str]
) -> Segment:
    """The annotation placed in its article's current text, with the sentence around it; an
    orphan keeps its stored quote and context."""
    status, quote, before, after = "orphan", annotation.quote, annotation.prefix, annotation.suffix
    start: int | None = None
    end: int | None = None
    if article is not None:
        text = article.text
        current = hashes.get(article.id) or hashes.setdefault(article.id, text_hash(text))
        placed = place(annotation, text, current)
        if not placed.orphan:
            first, _ = sentences.span(article.id, placed.start)
            _, last = sentences.span(article.id, max(placed.start, placed.end - 1))
            status, start, end = placed.method, placed.start, placed.end
            quote = text[placed.start : placed.end]
            before = text[max(first, placed.start - CONTEXT_LIMIT) : placed.start]
            if placed.start - CONTEXT_LIMIT > first:  # cut: at a word's start, and said so
                before = "…" + before[before.find(" ") + 1 :] if " " in before else "…" + before
            after = text[placed.end : max(placed.end, min(last, placed.end + CONTEXT_LIMIT))]
            if placed.end + CONTEXT_LIMIT < last:
                after = after[: after.rfind(" ")] + "…" if " " in after.strip() else after + "…"
    return Segment(
        id=annotation.id,
        article=annotation.article,
        title=article.title if article else None,
        published=article.published if article else None,
        status=status,
        start=start,
        end=end,
        quote=quote,
        before=before,
        after=after,
        tags=annotation.tags,
        note=annotation.note,
    )


def _offset(segment: Segment) -> tuple[bool, int]:
    """Where a segment sorts within its article: placed passages in text order, then orphans."""
    return (segment.orphan, segment.start if segment.start is not None else 0)


_SORT_KEYS: dict[str, Any] = {
    "article": lambda s: (s.article, _offset(s), s.id),
    # undated articles last, as an unknown date is no earlier than any other
    "date": lambda s: (s.published is None, s.published or date.min, s.article, _offset(s), s.id),
    "tag": lambda s: ([t.casefold() for t in sorted(s.tags, key=str.casefold)], s.article, _offset(s), s.id),
}
