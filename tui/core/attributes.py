"""Article attributes: what an article is (its outlet, country, language, kind), to compare by.

Three sorts, shown together as one article's attributes:

- the front matter's ``source``, ``published`` and ``dateline``, read from the article file;
- the attributes every project has (:data:`BUILT_IN`: outlet, country, language, kind);
- attributes the user defines (:class:`AttributeDef`: a name and a type, text, number, date or
  choice).

Values the user sets are :class:`AttributeValue` records in the annotation store, so article
files are never rewritten. :func:`parse_where` reads a filter such as ``outlet=Dawn`` or
``published>=2025-08`` and :func:`matches` applies it to one article's values.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

from tui.core.clock import Stamped, now, times_from_json
from tui.core.models import Article
from tui.core.safe_text import one_line

#: The types an attribute can have.
TYPES = ("text", "number", "date", "choice")
#: An attribute name: a letter, then letters, digits, "-" or "_" (what ``--where name=…`` can parse).
_NAME = re.compile(r"[^\W\d_][\w-]{0,39}")
#: ``name`` ``operator`` ``value``: the operators longest first, so ">=" is not read as ">".
_WHERE = re.compile(r"\s*([^\W\d_][\w-]*)\s*(>=|<=|!=|=|>|<|~)\s*(.*?)\s*\Z", re.DOTALL)
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
#: Words ``matrix --by`` and ``report --by`` read as themselves, not as an attribute: an attribute
#: of that name could never be chosen there.
RESERVED = {
    "tag": "matrix --by tag is the tag × tag matrix",
    "article": "matrix --by article is the tag × article matrix",
    "none": "report --by none asks for no attribute matrix",
}


class InvalidAttribute(ValueError):
    """An attribute name, definition, value or filter that cannot be used: the reason, in words."""


@dataclass(frozen=True, slots=True)
class AttributeDef(Stamped):
    """An attribute articles can carry: its name, its type and, for a choice, the values allowed."""

    name: str
    type: str = "text"
    choices: tuple[str, ...] = ()
    created: str = field(default_factory=now)
    modified: str = ""
    #: The ``modified`` time of the copy last imported ("" if never), as an annotation's.
    synced: str = ""

    @property
    def doc_id(self) -> int:
        """The store's document id, derived from the name."""
        return uuid.uuid5(uuid.NAMESPACE_URL, "iranpak-reader:attribute:" + self.name).int

    def as_json(self) -> dict[str, Any]:
        """The stored and exported form."""
        return {
            "name": self.name,
            "type": self.type,
            "choices": list(self.choices),
            **self.times_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AttributeDef:
        """The definition of a stored or exported record."""
        return cls(
            name=str(data["name"]),
            type=str(data.get("type", "text")),
            choices=tuple(str(choice) for choice in data.get("choices", ())),
            **times_from_json(data),
        )


@dataclass(frozen=True, slots=True)
class AttributeValue(Stamped):
    """The value one article has for one attribute, as the user set it."""

    article: str
    name: str
    value: str
    author: str = ""
    created: str = field(default_factory=now)
    modified: str = ""
    synced: str = ""

    @property
    def doc_id(self) -> int:
        """The store's document id, derived from the article and the attribute's name."""
        return value_doc_id(self.article, self.name)

    def edited(self, value: str, author: str) -> AttributeValue:
        """This value changed to ``value`` by ``author``, now."""
        return replace(self, value=value, author=author, modified=now())

    def as_json(self) -> dict[str, Any]:
        """The stored and exported form."""
        return {
            "article": self.article,
            "name": self.name,
            "value": self.value,
            "author": self.author,
            **self.times_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AttributeValue:
        """The value of a stored or exported record."""
        return cls(
            article=str(data["article"]),
            name=str(data["name"]),
            value=str(data["value"]),
            author=str(data.get("author", "")),
            **times_from_json(data),
        )


def value_doc_id(article: str, name: str) -> int:
    """The store's document id of an article's value of an attribute."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"iranpak-reader:value:{article}\0{name}").int


#: The attributes the front matter gives: shown with the others, set by editing the article file.
FRONT_MATTER = (
    AttributeDef("source", created=""),
    AttributeDef("published", "date", created=""),
    AttributeDef("dateline", created=""),
)
#: The attributes every project has, before the user defines any.
BUILT_IN = (
    AttributeDef("outlet", created=""),
    AttributeDef("country", created=""),
    AttributeDef("language", created=""),
    AttributeDef("kind", "choice", ("news", "op-ed", "statement"), created=""),
)
_FRONT_MATTER_NAMES = frozenset(definition.name for definition in FRONT_MATTER)


def from_front_matter(name: str) -> bool:
    """Whether ``name`` is an attribute read from the article file (not set in the store)."""
    return name in _FRONT_MATTER_NAMES


def definitions(stored: Iterable[AttributeDef]) -> dict[str, AttributeDef]:
    """Every attribute by name: the front matter's, the built-in ones, then the user's.

    A stored definition of a built-in name (a choice list edited, say) replaces the built-in one.
    """
    found = {definition.name: definition for definition in (*FRONT_MATTER, *BUILT_IN)}
    for definition in stored:
        if not from_front_matter(definition.name):
            found[definition.name] = definition
    return found


def check_name(name: str) -> str:
    """``name`` as an attribute name (lower case), or InvalidAttribute saying why it cannot be one
    (a name :data:`RESERVED` included)."""
    cleaned = name.strip().lower()
    if not _NAME.fullmatch(cleaned):
        raise InvalidAttribute(
            f"{one_line(name)[:40]!r} cannot be an attribute name: use a letter, then letters, "
            "digits, '-' or '_' (at most 40)"
        )
    if cleaned in RESERVED:
        raise InvalidAttribute(f"{cleaned!r} cannot be an attribute name: {RESERVED[cleaned]}")
    return cleaned


def define(name: str, kind: str = "text", choices: Iterable[str] = ()) -> AttributeDef:
    """A checked new definition; InvalidAttribute for a bad name, type or choice list."""
    name = check_name(name)
    if from_front_matter(name):
        raise InvalidAttribute(f"{name!r} comes from the article files' front matter: it cannot be redefined")
    if kind not in TYPES:
        raise InvalidAttribute(f"{one_line(kind)[:20]!r} is not a type: use one of {', '.join(TYPES)}")
    listed = tuple(dict.fromkeys(one_line(choice).strip() for choice in choices if choice.strip()))
    if kind == "choice" and not listed:
        raise InvalidAttribute(f"the choice attribute {name!r} needs its values (--choices news,op-ed)")
    if kind != "choice" and listed:
        raise InvalidAttribute(f"only a choice attribute has values to choose from, not a {kind} one")
    return AttributeDef(name, kind, listed)


def check_value(definition: AttributeDef, raw: str) -> str:
    """``raw`` as a value of ``definition`` (trimmed, on one line); InvalidAttribute says why not."""
    value = one_line(raw).strip()
    if not value:
        raise InvalidAttribute(f"{definition.name}: the value is empty (to remove it, unset it)")
    if definition.type == "number" and _number(value) is None:
        raise InvalidAttribute(f"{definition.name}: {value[:40]!r} is not a number")
    if definition.type == "date":
        try:
            value = date.fromisoformat(value).isoformat()
        except ValueError:
            raise InvalidAttribute(f"{definition.name}: {value[:40]!r} is not a date (YYYY-MM-DD)") from None
    if definition.type == "choice":
        chosen = {choice.casefold(): choice for choice in definition.choices}.get(value.casefold())
        if chosen is None:
            listed = ", ".join(definition.choices)
            raise InvalidAttribute(f"{definition.name}: {value[:40]!r} is not one of its choices ({listed})")
        value = chosen
    return value


def _number(value: str) -> float | None:
    """``value`` as a finite number, or None."""
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def article_values(article: Article, stored: Iterable[AttributeValue]) -> dict[str, str]:
    """An article's attributes by name: its front matter's values, then those set in the store.

    A front-matter value the file leaves "unknown" is left out, as a value never set is.
    """
    values: dict[str, str] = {}
    if article.source and article.source != "unknown":
        values["source"] = article.source
    if article.published is not None:
        values["published"] = article.published.isoformat()
    if article.dateline and article.dateline != "unknown":
        values["dateline"] = article.dateline
    for value in stored:
        if value.article == article.id and not from_front_matter(value.name):
            values[value.name] = value.value
    return values


def values_by_article(
    articles: Iterable[Article], stored: Iterable[AttributeValue]
) -> dict[str, dict[str, str]]:
    """:func:`article_values` of every article, by article id."""
    by_article: dict[str, list[AttributeValue]] = {}
    for value in stored:
        by_article.setdefault(value.article, []).append(value)
    return {article.id: article_values(article, by_article.get(article.id, ())) for article in articles}


class Condition(NamedTuple):
    """One ``--where`` filter: an attribute, an operator (= != < <= > >= ~) and a value."""

    name: str
    operator: str
    value: str
    type: str

    def __str__(self) -> str:
        """The filter as it is written."""
        return f"{self.name}{self.operator}{self.value}"


def parse_where(text: str, known: Mapping[str, AttributeDef]) -> Condition:
    """A ``--where`` filter such as ``outlet=Dawn``, ``published>=2025-08`` or ``outlet~tribune``.

    ``=`` and ``!=`` compare whole values without regard to case, ``~`` finds a part of one; the
    order operators compare numbers as numbers and dates by as much as is given (``2025-08`` is
    the whole of August). Raises InvalidAttribute naming what is wrong.
    """
    match = _WHERE.fullmatch(text)
    if match is None:
        raise InvalidAttribute(
            f"{one_line(text)[:60]!r} is not a filter: write NAME=VALUE, or use != < <= > >= ~ (contains)"
        )
    name, operator, value = match.group(1).lower(), match.group(2), one_line(match.group(3))
    definition = known.get(name)
    if definition is None:
        raise InvalidAttribute(f"no attribute called {name!r}: there are {', '.join(sorted(known))}")
    if not value:
        raise InvalidAttribute(f"{text.strip()[:60]!r}: the value to compare with is missing")
    ordered = operator in ("<", "<=", ">", ">=")
    if definition.type == "number" and ordered and _number(value) is None:
        raise InvalidAttribute(f"{name} is a number: {value[:40]!r} is not one")
    if definition.type == "date" and operator != "~" and not _valid_partial_date(value):
        raise InvalidAttribute(f"{name} is a date: write {value[:40]!r} as YYYY, YYYY-MM or YYYY-MM-DD")
    choices = {choice.casefold() for choice in definition.choices}
    if definition.type == "choice" and operator in ("=", "!=") and value.casefold() not in choices:
        # no article can have it (values are checked when set): a typo, said rather than matching nothing
        listed = ", ".join(definition.choices)
        raise InvalidAttribute(f"{name}: {value[:40]!r} is not one of its choices ({listed})")
    return Condition(name, operator, value, definition.type)


def reparse_where(
    conditions: Iterable[Condition], known: Mapping[str, AttributeDef]
) -> tuple[list[Condition], list[str]]:
    """``conditions`` read again against the definitions now (a condition keeps the type its
    attribute had when it was written): those that still hold, and for each that no longer can (its
    attribute removed, or redefined so the value cannot be one) the reason, naming it."""
    kept: list[Condition] = []
    dropped: list[str] = []
    for condition in conditions:
        try:
            # a space after the operator: a value "=b" after "<" is not read back as "<=" "b"
            written = f"{condition.name}{condition.operator} {condition.value}"
            kept.append(parse_where(written, known))
        except InvalidAttribute as error:
            dropped.append(f"{one_line(str(condition))[:60]}: {error}")
    return kept, dropped


def _valid_partial_date(value: str) -> bool:
    """Whether ``value`` is YYYY, YYYY-MM or YYYY-MM-DD with a real month and day."""
    if not _PARTIAL_DATE.fullmatch(value):
        return False
    parts = [*value.split("-"), "01", "01"][:3]
    try:
        date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return False
    return True


def matches(conditions: Iterable[Condition], values: Mapping[str, str]) -> bool:
    """Whether an article with these attribute values passes every condition.

    An article without a value for the attribute passes only ``!=``.
    """
    return all(_passes(condition, values.get(condition.name)) for condition in conditions)


def _passes(condition: Condition, value: str | None) -> bool:
    """Whether one value passes one condition."""
    operator, wanted = condition.operator, condition.value
    if value is None:
        return operator == "!="
    if operator == "~":
        return wanted.casefold() in value.casefold()
    left: Any
    right: Any
    if condition.type == "number" and _number(value) is not None and _number(wanted) is not None:
        left, right = _number(value), _number(wanted)
    elif condition.type == "date":
        left, right = value[: len(wanted)], wanted  # by as much as is given: 2025-08 is all August
    else:
        left, right = value.casefold(), wanted.casefold()
    if operator == "=":
        return bool(left == right)
    if operator == "!=":
        return bool(left != right)
    if operator == "<":
        return bool(left < right)
    if operator == "<=":
        return bool(left <= right)
    if operator == ">":
        return bool(left > right)
    return bool(left >= right)


def filter_articles(
    articles: Iterable[Article], conditions: list[Condition], values: Mapping[str, Mapping[str, str]]
) -> list[Article]:
    """The articles that pass every condition (``values``: each article's, by id), in order."""
    if not conditions:
        return list(articles)
    return [article for article in articles if matches(conditions, values.get(article.id, {}))]


def document_problem(table: str, key: str, document: dict[str, Any]) -> str | None:
    """What is wrong with a stored definition ("attributes") or value ("attribute_values"), or None."""
    if table == "attributes":
        name = f"attribute {document.get('name', key)!s:.40}"
        for field_name in ("name", "type", "created", "modified"):
            if not isinstance(document.get(field_name, ""), str):
                return f"{name}: {field_name!r} is not text"
        if "name" not in document:
            return f"{name} has no 'name'"
        if document.get("type", "text") not in TYPES:
            return f"{name} has an unknown type {one_line(str(document.get('type')))[:20]!r}"
        choices = document.get("choices", [])
        if not isinstance(choices, list) or not all(isinstance(choice, str) for choice in choices):
            return f"{name}: 'choices' is not a list of text"
        if key != str(AttributeDef(document["name"], created="").doc_id):
            return f"{name} is filed under another name's key"
        return None
    name = f"attribute value {document.get('article', key)!s:.40}/{document.get('name', '')!s:.40}"
    for field_name in ("article", "name", "value"):
        if not isinstance(document.get(field_name), str):
            return f"{name}: {field_name!r} is missing or not text"
    for field_name in ("author", "created", "modified", "synced"):
        if not isinstance(document.get(field_name, ""), str):
            return f"{name}: {field_name!r} is not text"
    if key != str(value_doc_id(document["article"], document["name"])):
        return f"{name} is filed under another key"
    return None
