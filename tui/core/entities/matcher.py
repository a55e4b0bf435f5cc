"""The compiled matcher: one Aho-Corasick scanner over every known surface form and anchor.

Keys are entity aliases (given and derived, case-sensitive) plus the cheap anchors the other
recognisers start from: titles, role words and honorifics (discovery), month and weekday
names, year numbers and relative phrases (dates), currency signs and unit words (amounts), and
the head words of organisations, facilities and events named by their shape (:mod:`.organisations`).
A key-sequence index catches spelling variants ("Bagher Ghalibaf") in runs of capitalised words.
A one-letter name ("X", the platform) is only taken in context, and so is a place only the
place gazetteer knows (:mod:`.places`); see :mod:`.passes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.entities import amounts, dates, names, organisations, places
from tui.core.entities.scanner import Scanner, Value, build_scanner
from tui.core.entities.spans import Record, Span
from tui.core.models import Entity, EntityType

ENTITY, AMBIGUOUS, TITLE, ROLE, HONORIFIC, MONTH, WEEKDAY, RELATIVE, PREFIX, UNIT, YEAR, LETTER = range(12)
#: A place only the place gazetteer knows: taken where it is not part of a longer name (:mod:`.places`).
WEAK = 12
#: A given name ("Hossein"): a new person may start there (see :func:`.discovery.after_given_name`).
GIVEN = 13
#: A head word of a name found by its shape ("Ministry", "Pipeline"; see :mod:`.organisations`).
SHAPE = 14
#: A verb of reporting ("said"): a name may stand just before or after it (:func:`.discovery.around_saying`).
SAYING = 15
#: A run of capitalised words. Possessive: nothing follows that could need a shorter run, and not
#: keeping the states to backtrack to makes this scan of every text a tenth faster.
_RUN = re.compile(r"[A-Z][^\W\d_]++(?: [A-Z][^\W\d_]++)*+")
_MAX_RUN_CACHE = 200_000


@dataclass(slots=True)
class Profile:
    """A known entity with its derived aliases, the titles it is known by and its match record."""

    entity: Entity
    record: Record
    titles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Matcher:
    """The automaton and variant index compiled from a list of entities."""

    profiles: dict[str, Profile]
    scanner: Scanner
    exact: dict[str, tuple[Record, ...]]
    folded: dict[str, tuple[Record, ...]]
    variants: dict[tuple[str, ...], Record]
    run_cache: dict[str, tuple[tuple[int, int, Record], ...]] = field(default_factory=dict)

    def record(self, name: str) -> Record | None:
        """The record of the entity a name (as written, else ignoring case) is an alias of, if one."""
        records = self.exact.get(name) or self.folded.get(name.casefold())
        return records[0] if records else None

    def variant_spans(self, text: str) -> list[Span]:
        """Spans of spelling variants of known names in runs of capitalised words."""
        cache = self.run_cache
        if len(cache) > _MAX_RUN_CACHE:
            cache.clear()
        hits = set()
        for run in set(_RUN.findall(text)):
            found = cache.get(run)
            if found is None:
                found = cache[run] = self._run_variants(run)
            if found:
                hits.add(run)
        spans: list[Span] = []
        if hits:
            for match in _RUN.finditer(text):
                if match.group() in hits:
                    base = match.start()
                    spans.extend((base + s, base + e, r) for s, e, r in cache[match.group()])
        return spans

    def _run_variants(self, run: str) -> tuple[tuple[int, int, Record], ...]:
        """The variant (not exact) name matches within one run of capitalised words."""
        tokens = run.split(" ")
        offsets = [0]
        for token in tokens[:-1]:
            offsets.append(offsets[-1] + len(token) + 1)
        keys = [names.token_key(token) for token in tokens]
        found: list[tuple[int, int, Record]] = []
        i = 0
        while i < len(tokens):
            for j in range(min(len(tokens), i + 5), i, -1):
                record = self.variants.get(tuple(keys[i:j]))
                if record is None or (j - i == 1 and (len(keys[i]) < 4 or len(tokens[i]) < 5)):
                    continue
                if j - i == 1 and any(  # "Mushahid" is Mashhad, but not in "Mushahid Hussain Sayed"
                    0 <= k < len(tokens) and names.is_name_word(tokens[k]) for k in (i - 1, i + 1)
                ):
                    continue
                phrase = " ".join(tokens[i:j])
                if phrase not in self.exact:
                    found.append((offsets[i], offsets[i] + len(phrase), record))
                i = j - 1
                break
            i += 1
        return tuple(found)


def entity_record(entity: Entity) -> Record:
    """The match record of a named entity."""
    return entity.type, entity.id, entity.name, None, None


def surface_forms(entity: Entity) -> tuple[list[str], list[str]]:
    """Every alias of an entity (given and derived, without the name) and its titles."""
    if entity.type is EntityType.PERSON:
        aliases, titles = names.person_aliases(entity.name, entity.aliases)
    else:
        aliases, titles = list(entity.aliases), []
        if entity.type is EntityType.PLACE:
            aliases.extend(form.upper() for form in (entity.name, *entity.aliases) if len(form) >= 4)
    quotes = [a.replace("'", "’") for a in aliases if "'" in a] + [
        a.replace("’", "'") for a in aliases if "’" in a
    ]
    return names.unique([a for a in aliases + quotes if a != entity.name]), titles


def build_matcher(entities: list[Entity], anchors: bool = True) -> Matcher:
    """Compile entities into the scanner (aliases and, if ``anchors``, anchor keys) and the variant index."""
    profiles: dict[str, Profile] = {}
    exact: dict[str, list[tuple[Record, int]]] = {}
    variants: dict[tuple[str, ...], Record] = {}
    for entity in entities:
        weak = places.is_weak(entity.id)  # a gazetteer place: its exact name only, no variants
        aliases, titles = surface_forms(entity)
        full = Entity(entity.id, entity.name, entity.type, tuple(aliases))
        record = entity_record(entity)
        profiles[entity.id] = Profile(full, record, titles)
        for alias in (entity.name, *aliases):
            title, bare = names.split_title(alias) if entity.type is EntityType.PERSON else ("", alias)
            exact.setdefault(alias, []).append((record, len(alias) - len(bare)))
            if (
                not title
                and not weak
                and all(
                    token[:1].isupper() and token.isalpha() and not token.isupper() for token in alias.split()
                )
            ):
                variants.setdefault(names.name_key(alias), record)
    entries = anchor_entries() if anchors else []
    for alias, found in exact.items():
        lb, rb = alias[0].isalnum(), alias[-1].isalnum()
        records = tuple(dict.fromkeys(record for record, _ in found))
        trim = found[0][1]
        if len(records) > 1:
            entries.append((alias, (AMBIGUOUS, len(alias), lb, rb, trim, records)))
        else:
            kind = LETTER if len(alias) == 1 and alias.isupper() else ENTITY
            if places.is_weak(records[0][1]):
                kind = WEAK
            entries.append((alias, (kind, len(alias), lb, rb, trim, records[0])))
    records_by_alias = {alias: tuple(dict.fromkeys(r for r, _ in found)) for alias, found in exact.items()}
    folded: dict[str, tuple[Record, ...]] = {}
    for alias, records in records_by_alias.items():
        folded.setdefault(alias.casefold(), records)
    return Matcher(profiles, build_scanner(entries, ENTITY), records_by_alias, folded, variants)


def anchor_entries() -> list[tuple[str, Value]]:
    """The anchor keys of the discovery, date and amount recognisers and their match values."""
    anchors: list[tuple[str, int, object]] = [(t, TITLE, None) for t in names.TITLES]
    anchors += [(w, ROLE, None) for w in names.ROLE_WORDS]
    anchors += [(h, HONORIFIC, None) for h in names.HONORIFICS]
    anchors += [(g, GIVEN, None) for g in names.given_names()]
    anchors += [(w, SAYING, None) for w in names.SAYING]
    anchors += [(m, MONTH, None) for m in dates.MONTH_ANCHORS]
    anchors += [(d, WEEKDAY, None) for d in dates.WEEKDAYS]
    anchors += [(p, RELATIVE, None) for r in dates.RELATIVE for p in (r, r[0].upper() + r[1:])]
    anchors += [(o, RELATIVE, None) for o in dates.ORDINALS]  # "the 22nd of this month", "on the 3rd"
    anchors += [(str(y), YEAR, None) for y in (*dates.GREGORIAN_YEARS, *dates.SOLAR_YEARS)]
    anchors += [(c, PREFIX, code) for c, code in amounts.CURRENCY_PREFIXES.items()]
    anchors += [(u, UNIT, unit) for u, unit in amounts.UNIT_WORDS.items()]
    anchors += [(word, SHAPE, head) for word, head in organisations.HEADS.items()]
    return [
        (key, (kind, len(key), key[0].isalnum(), key[-1].isalnum() and kind != PREFIX, 0, payload))
        for key, kind, payload in anchors
    ]
