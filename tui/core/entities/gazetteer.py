"""The known entities: the package's own, and a workspace's ``articles/entities.toml``.

Each ``[[entity]]`` table has ``id`` (a short slug), ``name``, ``type`` (person,
organisation or place) and optional ``aliases``. Entity ids are the slug prefixed by
the type: ``person:qalibaf``, ``org:iaea``, ``place:tehran``. Bad rows are reported as
:class:`LoadProblem` lines and skipped; every valid row still loads. A problem is one line, with
the file's own text in it (ids, keys) shown with its control characters as symbols.

The engine's own knowledge (countries, capitals, the known people and organisations) is part
of the package, ``known_entities.toml`` beside this module, so every workspace has it. A
workspace's file is laid over it: an entity there replaces, in place, each built-in entity
with the same slug or the same canonical name (compared ignoring case and spacing), so its
name, type and aliases are the workspace's; any other is added after the built-in ones. A
workspace file that cannot be read or parsed is one problem, and the built-in entities are
used alone.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.models import Entity, EntityType, LoadProblem
from tui.core.safe_text import one_line
from tui.core.toml_text import TomlProblem, parse_toml

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
#: The package's own known entities, a resource beside this module.
BUILTIN_FILE = "known_entities.toml"
#: A workspace's entities file larger than this is refused (the built-in one is about 20 KiB).
MAX_ENTITIES_BYTES = 8 * 1024 * 1024


@dataclass(slots=True)
class Gazetteer:
    """The known entities, in file order, and the problems met loading them."""

    entities: list[Entity] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)


def load_gazetteer(path: Path) -> Gazetteer:
    """The known entities: the package's own, with the workspace's file at ``path`` laid over them."""
    return merge_gazetteers(builtin_gazetteer(), read_entities_file(path))


def builtin_gazetteer() -> Gazetteer:
    """The package's own known entities (a fresh copy: the lists may be changed by the caller)."""
    entities, problems = _builtin()
    return Gazetteer(list(entities), list(problems))


@functools.cache
def _builtin() -> tuple[tuple[Entity, ...], tuple[LoadProblem, ...]]:
    """The package's known-entities file, parsed once per process."""
    from importlib import resources  # only here: read in the extraction worker, not at start-up

    resource = resources.files(__package__ or "tui.core.entities").joinpath(BUILTIN_FILE)
    gazetteer = parse_entities(resource.read_text(encoding="utf-8"), str(resource))
    return tuple(gazetteer.entities), tuple(gazetteer.problems)


def read_entities_file(path: Path) -> Gazetteer:
    """One entities file alone; a missing file gives an empty gazetteer with no problem.

    Only a regular file is read, up to :data:`MAX_ENTITIES_BYTES` (a FIFO there is refused at
    once rather than waited on); anything wrong with it is one problem naming the file.
    """
    from tui.core.user_files import UserFileError, read_regular_file  # off the start-up path

    if not os.path.lexists(path):
        return Gazetteer()
    try:
        text = read_regular_file(path, MAX_ENTITIES_BYTES).decode("utf-8")
    except UserFileError as error:
        return Gazetteer(problems=[_problem(str(path), f"cannot read the entities file: {error.reason}")])
    except UnicodeDecodeError as error:
        return Gazetteer(problems=[_problem(str(path), f"cannot read the entities file: {error}")])
    return parse_entities(text, str(path))


def parse_entities(text: str, path: str) -> Gazetteer:
    """The entities of one file's text; ``path`` names the file in the problems.

    Whatever makes the text unreadable as TOML (see :mod:`tui.core.toml_text`) is the file's one
    problem.
    """
    gazetteer = Gazetteer()
    try:
        data = parse_toml(text)
    except TomlProblem as problem:
        gazetteer.problems.append(_problem(path, f"cannot read the entities file: {problem}"))
        return gazetteer
    rows = data.get("entity", [])
    if not isinstance(rows, list):
        rows = []
        gazetteer.problems.append(_problem(path, "'entity' must be a list of [[entity]] tables"))
    for key in sorted(set(data) - {"entity"}):
        gazetteer.problems.append(_problem(path, f"unknown top-level key '{key}' ignored"))
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        entity, message = _parse_row(row)
        slug = _slug_of(entity) if entity is not None else ""
        if slug in seen:
            entity, message = None, f"duplicate id '{slug}'"
        if message:
            label = row.get("id") if isinstance(row, dict) else None
            where = f"entity #{number}" + (f" (id '{label}')" if isinstance(label, str) else "")
            gazetteer.problems.append(_problem(path, f"{where}: {message}"))
        if entity is not None:
            seen.add(slug)
            gazetteer.entities.append(entity)
    return gazetteer


def merge_gazetteers(builtin: Gazetteer, workspace: Gazetteer) -> Gazetteer:
    """The built-in entities with a workspace's laid over them (see the module's docstring).

    A workspace entity takes the place of the first built-in one it matches (by slug or by
    canonical name) and removes any other it matches; a built-in entity already replaced is
    not replaced again by a later workspace entity, which is then added instead.
    """
    merged: list[Entity | None] = list(builtin.entities)
    where: dict[tuple[str, str], int] = {}
    for index, entity in enumerate(builtin.entities):
        for key in _merge_keys(entity):
            where.setdefault(key, index)
    replaced: set[int] = set()
    added: list[Entity] = []
    for entity in workspace.entities:
        matches = sorted({where[key] for key in _merge_keys(entity) if key in where} - replaced)
        if not matches:
            added.append(entity)
            continue
        merged[matches[0]] = entity
        for index in matches[1:]:
            merged[index] = None
        replaced.update(matches)
    entities = [entity for entity in merged if entity is not None] + added
    return Gazetteer(entities, builtin.problems + workspace.problems)


def _problem(path: str, message: str) -> LoadProblem:
    """A problem with the file at ``path``; the message, which may quote the file, on one line."""
    return LoadProblem(path, one_line(message))


def _slug_of(entity: Entity) -> str:
    """The entity's slug: its id without the type prefix."""
    return entity.id.split(":", 1)[1]


def _merge_keys(entity: Entity) -> tuple[tuple[str, str], ...]:
    """What makes a workspace entity replace a built-in one: the same slug or canonical name."""
    return (("slug", _slug_of(entity)), ("name", " ".join(entity.name.casefold().split())))


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
