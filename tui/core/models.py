"""The core data model: articles, load problems, entities and their mentions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple


class EntityType(StrEnum):
    """The kinds of thing the entity engine recognises, in legend order."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    MONEY = "money"
    FIGURE = "figure"
    DATE = "date"

    @property
    def label(self) -> str:
        """The plural heading shown in the legend and the entity pane."""
        return _LABELS[self]


_LABELS = {
    EntityType.PERSON: "People",
    EntityType.ORGANISATION: "Organisations",
    EntityType.PLACE: "Places",
    EntityType.MONEY: "Money",
    EntityType.FIGURE: "Figures",
    EntityType.DATE: "Dates",
}


@dataclass(frozen=True, slots=True)
class Article:
    """One article of the corpus: metadata from the front matter and the verbatim body text.

    Every character offset in the project (mentions, find matches, later annotations)
    is an offset into ``text``.
    """

    id: str
    title: str
    text: str
    path: str = ""
    standfirst: str = ""
    published: date | None = None
    dateline: str = "unknown"
    date_basis: str = "unknown"
    source: str = "unknown"
    url: str = ""

    @property
    def word_count(self) -> int:
        """The number of whitespace-separated words in the body."""
        return len(self.text.split())

    @property
    def published_label(self) -> str:
        """The publication date as ISO text, or 'unknown'."""
        return self.published.isoformat() if self.published else "unknown"

    def as_json(self) -> dict[str, Any]:
        """The article's metadata (not its text) as JSON-ready data."""
        return {
            "id": self.id,
            "title": self.title,
            "standfirst": self.standfirst,
            "published": self.published.isoformat() if self.published else None,
            "dateline": self.dateline,
            "date_basis": self.date_basis,
            "source": self.source,
            "url": self.url,
            "word_count": self.word_count,
            "path": self.path,
        }


class LoadProblem(NamedTuple):
    """A file that could not be loaded, and why, in one line."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    def as_json(self) -> dict[str, str]:
        """The problem as JSON-ready data."""
        return {"path": self.path, "problem": self.message}


#: Marks an entity id that stands only within the text it was found in: a name every government has
#: ("the Foreign Ministry") in a text that does not say whose it is (``org:foreign-ministry~3fa2c1``).
TEXT_LOCAL = "~"


def text_local(entity_id: str) -> bool:
    """Whether an entity id stands only within its own text (see :data:`TEXT_LOCAL`)."""
    return TEXT_LOCAL in entity_id


class Entity(NamedTuple):
    """A canonical entity: one person, organisation, place, amount, figure or date."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()


class Mention(NamedTuple):
    """One occurrence of an entity in a text: ``text[start:end]``.

    ``value`` and ``unit`` carry the normalised amount for money ("USD", 1e10) and
    figures ("percent", 13.6; "times", 3.5); for dates ``value`` is unset and the
    normalised date, where known, is part of ``entity_id``. An immutable named tuple:
    extraction builds one for every few dozen characters of text, and tuples are cheap.
    """

    start: int
    end: int
    text: str
    type: EntityType
    entity_id: str
    canonical: str
    value: float | None = None
    unit: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The mention as JSON-ready data."""
        data: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": str(self.type),
            "entity_id": self.entity_id,
            "canonical": self.canonical,
        }
        if self.value is not None:
            data["value"] = self.value
            data["unit"] = self.unit
        return data


class EntitySummary(NamedTuple):
    """An entity as it appears in one article: its mentions (a list filled as they are found)
    and the names used for it."""

    entity_id: str
    canonical: str
    type: EntityType
    mentions: list[Mention]

    @property
    def names(self) -> list[str]:
        """The distinct surface forms used for this entity, most frequent first."""
        counts: dict[str, int] = {}
        for mention in self.mentions:
            counts[mention.text] = counts.get(mention.text, 0) + 1
        return sorted(counts, key=lambda name: (-counts[name], name))


def summarise(mentions: list[Mention]) -> list[EntitySummary]:
    """Group mentions by entity, in legend order then by mention count and name."""
    by_id: dict[str, EntitySummary] = {}
    for mention in mentions:
        summary = by_id.get(mention.entity_id)
        if summary is None:
            summary = by_id[mention.entity_id] = EntitySummary(
                mention.entity_id, mention.canonical, mention.type, []
            )
        summary.mentions.append(mention)
    order = list(EntityType)
    return sorted(
        by_id.values(),
        key=lambda s: (order.index(s.type), -len(s.mentions), s.canonical.casefold()),
    )
