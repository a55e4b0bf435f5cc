"""The known-entities data file (``articles/entities.toml``) and its loader.

Each ``[[entity]]`` table has ``id`` (a short slug), ``name``, ``type`` (person,
organisation or place) and optional ``aliases``. Entity ids are the slug prefixed by
the type: ``person:qalibaf``, ``org:iaea``, ``place:tehran``. Bad rows are reported as
:class:`LoadProblem` lines and skipped; every valid row still loads.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.models import Entity, EntityType, LoadProblem

#: The id prefix of each entity type.
ID_PREFIX: dict[EntityType, str] = {
    EntityType.PERSON: "person",
    EntityType.ORGANISATION: "org",
    EntityType.PLACE: "place",
    EntityType.MONEY: "money",
    EntityType.FIGURE: "figure",
    EntityType.DATE: "date",
}

_TYPES: dict[str, EntityType] = {
    "person": EntityType.PERSON,
    "organisation": EntityType.ORGANISATION,
    "organization": EntityType.ORGANISATION,
    "org": EntityType.ORGANISATION,
    "place": EntityType.PLACE,
}
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
_KEYS = frozenset({"id", "name", "type", "aliases"})


@dataclass(slots=True)
class Gazetteer:
    """The known entities, in file order, and the problems met loading them."""

    entities: list[Entity] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)


def load_gazetteer(path: Path) -> Gazetteer:
    """Load the known-entities file; a missing file gives an empty gazetteer with no problem."""
    gazetteer = Gazetteer()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return gazetteer
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        gazetteer.problems.append(LoadProblem(str(path), f"cannot read the entities file: {error}"))
        return gazetteer
    rows = data.get("entity", [])
    if not isinstance(rows, list):
        rows = []
        gazetteer.problems.append(LoadProblem(str(path), "'entity' must be a list of [[entity]] tables"))
    for key in sorted(set(data) - {"entity"}):
        gazetteer.problems.append(LoadProblem(str(path), f"unknown top-level key '{key}' ignored"))
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        entity, message = _parse_row(row)
        slug = entity.id.split(":", 1)[1] if entity is not None else ""
        if slug in seen:
            entity, message = None, f"duplicate id '{slug}'"
        if message:
            label = row.get("id") if isinstance(row, dict) else None
            where = f"entity #{number}" + (f" (id '{label}')" if isinstance(label, str) else "")
            gazetteer.problems.append(LoadProblem(str(path), f"{where}: {message}"))
        if entity is not None:
            seen.add(slug)
            gazetteer.entities.append(entity)
    return gazetteer


def _parse_row(row: Any) -> tuple[Entity | None, str]:
    """Check one ``[[entity]]`` table: the entity (or None if unusable) and a problem message."""
    if not isinstance(row, dict):
        return None, "not a table"
    slug, name, kind, aliases = row.get("id"), row.get("name"), row.get("type"), row.get("aliases", [])
    if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
        return None, "'id' must be a lower-case slug such as \"qalibaf\""
    if not isinstance(name, str) or not name.strip():
        return None, "'name' is missing or empty"
    if not isinstance(kind, str) or kind.strip().lower() not in _TYPES:
        return None, f"'type' must be person, organisation or place, not {kind!r}"
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        return None, "'aliases' must be a list of non-empty strings"
    etype = _TYPES[kind.strip().lower()]
    entity = Entity(
        id=f"{ID_PREFIX[etype]}:{slug}",
        name=" ".join(name.split()),
        type=etype,
        aliases=tuple(dict.fromkeys(" ".join(a.split()) for a in aliases)),
    )
    unknown = sorted(set(row) - _KEYS)
    return entity, (f"unknown field(s) {', '.join(unknown)} ignored" if unknown else "")
