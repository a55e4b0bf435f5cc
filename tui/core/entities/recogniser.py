"""The recogniser behind the entity engine: known names, spelling variants, discovered people
and acronyms, amounts and dates.

:class:`~tui.core.entities.engine.EntityEngine` creates a ``Recogniser`` on first use, so
importing the engine stays cheap; the automaton is compiled on first use too. ``extract`` and
``extract_corpus`` return start-sorted, non-overlapping mentions. Known entities keep their
data-file ids (``person:qalibaf``); people found through a title or role get
``person:<slug of the name>`` and new acronym definitions ``org:<slug of the long name>``.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Iterator

from tui.core.entities import dates, names, organisations, parallel, places
from tui.core.entities.cache import MentionCache, discovered_fingerprint, text_hash
from tui.core.entities.gazetteer import Gazetteer
from tui.core.entities.matcher import Matcher, build_matcher
from tui.core.entities.parallel import Progress
from tui.core.entities.passes import Found, State, build_mentions, first_pass, second_pass
from tui.core.entities.spans import Record, Span
from tui.core.models import Entity, EntityType, Mention

_PERSON = EntityType.PERSON
#: How many texts are scanned between two reports of progress when no helper shares the work.
_CHUNK = 200


def _tell(progress: Progress | None, fraction: float) -> None:
    """Report progress, if anyone listens."""
    if progress is not None:
        progress(min(1.0, fraction))


class Recogniser:
    """Recognises entities in article texts against a gazetteer of known entities."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        """Keep the gazetteer; matching structures are built lazily on first use."""
        self._gazetteer = gazetteer
        self._compiled: Matcher | None = None
        self._with_places: list[Entity] | None = None
        self._found: dict[str, Entity] = {}
        self._found_aliases: dict[str, list[str]] = {}
        self._extra: Matcher | None = None
        self._tried: set[str] = set()
        self._known_names: names.NameIndex | None = None
        self._found_names = names.NameIndex()
        self._found_names_for: dict[str, Entity] | None = None  # the ``_found`` it indexes

    @property
    def _matcher(self) -> Matcher:
        """The compiled matcher for the gazetteer's entities."""
        if self._compiled is None:
            self._compiled = build_matcher(self._entities)
        return self._compiled

    @property
    def _entities(self) -> list[Entity]:
        """The known entities and the place gazetteer's other places (read on first use)."""
        if self._with_places is None:
            known = self._gazetteer.entities
            self._with_places = known + places.place_entities(known)
        return self._with_places

    def extract(self, text: str) -> list[Mention]:
        """All mentions in one text, sorted by start and non-overlapping."""
        return self.extract_corpus({"": text})[""]

    def extract_corpus(
        self, texts: dict[str, str], cache: MentionCache | None = None, progress: Progress | None = None
    ) -> dict[str, list[Mention]]:
        """Mentions for every text, after discovering new people and acronyms across all of them.

        Large corpora are shared with a helper process (see :mod:`.parallel`), with the same result.
        With a ``cache``, texts extracted before are taken from it (see :mod:`.cache`) and the
        others added to it. The cyclic garbage collector is paused meanwhile: the mentions are
        plain tuples, and its repeated passes over millions of them cost a fifth of the run time.
        ``progress`` is told how far the extraction has come (0 to 1) now and then.
        """
        paused = gc.isenabled()
        gc.disable()
        try:
            if cache is None:
                return self._extract_corpus(texts, progress)[0]
            return self._extract_cached(texts, cache, progress)
        finally:
            if paused:
                gc.enable()

    def _extract_corpus(
        self, texts: dict[str, str], progress: Progress | None = None
    ) -> tuple[dict[str, list[Mention]], list[Found]]:
        """:meth:`extract_corpus` with the collector paused: mentions, and each text's pass-1 finds."""
        matcher = self._matcher
        self._found, self._found_aliases, self._extra, self._tried = {}, {}, None, set()
        found_all: list[Found] = []

        def settle(found: Iterator[Found]) -> tuple[Matcher | None, list[Entity]]:
            """Discover, keeping what each text had to discover."""
            found_all.extend(found)
            return self._settle(iter(found_all))

        if parallel.worth_it(texts):
            shared = parallel.extract(matcher, self._entities, texts, settle, progress)
            if shared is not None:
                return shared, found_all
            found_all.clear()
            self._found, self._found_aliases, self._extra, self._tried = {}, {}, None, set()
        values = list(texts.values())
        states: list[State] = []
        found: list[Found] = []
        for start in range(0, len(values), _CHUNK):
            more_states, more_found = first_pass(matcher, values[start : start + _CHUNK])
            states += more_states
            found += more_found
            _tell(progress, 0.5 * (start + _CHUNK) / len(values))
        extra, _ = settle(iter(found))
        spans: list[list[Span]] = []
        for start in range(0, len(values), _CHUNK):
            chunk = slice(start, start + _CHUNK)
            spans += second_pass(matcher, extra, values[chunk], states[chunk])
            _tell(progress, 0.5 + 0.5 * (start + _CHUNK) / len(values))
        mentions = {key: build_mentions(text, s) for (key, text), s in zip(texts.items(), spans, strict=True)}
        return mentions, found_all

    def _extract_cached(
        self, texts: dict[str, str], cache: MentionCache, progress: Progress | None = None
    ) -> dict[str, list[Mention]]:
        """:meth:`extract_corpus` through a cache: only texts not cached, or cached before the corpus
        discovered what it discovers now, are scanned (all of them, shared with a helper, if most are)."""
        keys = {name: text_hash(text) for name, text in texts.items()}
        cache.used = set(keys.values())
        cached = {name: cache.get(key) for name, key in keys.items()}
        missing = [name for name, entry in cached.items() if entry is None]
        if len(missing) * 2 > len(texts):
            return self._extract_into(texts, keys, cache, progress)
        matcher = self._matcher
        self._found, self._found_aliases, self._extra, self._tried = {}, {}, None, set()
        states, new_found = first_pass(matcher, [texts[name] for name in missing])
        scanned = dict(zip(missing, zip(states, new_found, strict=True), strict=True))
        found_in_order = [scanned[n][1] if entry is None else entry.found for n, entry in cached.items()]
        extra, entities = self._settle(iter(found_in_order))
        discovered = discovered_fingerprint(entities)
        stale = [
            name for name, entry in cached.items() if entry is not None and entry.discovered != discovered
        ]
        if (len(stale) + len(missing)) * 2 > len(texts):
            return self._extract_into(texts, keys, cache, progress)
        mentions: dict[str, list[Mention]] = {}
        for name, text in texts.items():
            entry = cached[name]
            if entry is not None and entry.discovered == discovered:
                from_cache = cache.mentions(entry, text)
                if from_cache is not None:
                    mentions[name] = from_cache
                    continue
            state = scanned[name][0] if name in scanned else first_pass(matcher, [text])[0][0]
            mentions[name] = build_mentions(text, second_pass(matcher, extra, [text], [state])[0])
            one = scanned[name][1] if name in scanned else (entry.found if entry else ([], []))
            cache.put(keys[name], one, discovered, mentions[name])
        _tell(progress, 1.0)
        return mentions

    def _extract_into(
        self, texts: dict[str, str], keys: dict[str, str], cache: MentionCache, progress: Progress | None
    ) -> dict[str, list[Mention]]:
        """Extract every text afresh and cache it all."""
        everything, found = self._extract_corpus(texts, progress)
        discovered = discovered_fingerprint(self._discovered_entities())
        for name, one in zip(texts, found, strict=True):
            cache.put(keys[name], one, discovered, everything[name])
        return everything

    def _settle(self, found: Iterator[Found]) -> tuple[Matcher | None, list[Entity]]:
        """Discover over pass 1's results in text order; the discovered entities and their matcher."""
        for one in found:
            self._discover(one)
        entities = self._discovered_entities()
        self._extra = build_matcher(entities, anchors=False) if entities else None
        return self._extra, entities

    def resolve(self, name: str) -> Entity | None:
        """The entity a name, alias or spelling variant refers to, including discovered ones."""
        records = self._lookup(" ".join(name.split()))
        return self.entity(records[0][1]) if records else None

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with its full alias list: given, derived and found in the last texts."""
        profile = self._matcher.profiles.get(entity_id)
        if profile is None:
            return self._found.get(entity_id)
        extra = self._found_aliases.get(entity_id)
        if not extra:
            return profile.entity
        entity = profile.entity
        return Entity(entity.id, entity.name, entity.type, tuple(names.unique([*entity.aliases, *extra])))

    def _lookup(self, name: str) -> tuple[Record, ...]:
        """Records for a name: exact, case-insensitive, without titles, then by spelling key."""
        matchers = [m for m in (self._extra, self._matcher) if m is not None]
        for form in names.unique(
            [name, names.split_title(name)[1], names.strip_honorifics(names.split_title(name)[1])]
        ):
            for matcher in matchers:
                if form in matcher.exact:
                    return matcher.exact[form]
            for matcher in matchers:
                if form.casefold() in matcher.folded:
                    return matcher.folded[form.casefold()]
            key = names.name_key(form)
            if len(key) > 1 or (key and len(key[0]) >= 4):
                for matcher in matchers:
                    if key in matcher.variants:
                        return (matcher.variants[key],)
        return ()

    def _discover(self, found: Found) -> None:
        """Record the new people and acronym definitions pass 1 found in one text."""
        people, definitions = found
        tried = self._tried
        for name in people:
            if name not in tried:
                tried.add(name)
                self._add_person(name)
        for long_name, acronym in definitions:
            records = self._lookup(long_name)
            if records:
                self._found_aliases.setdefault(records[0][1], []).append(acronym)
                continue
            if organisations.is_generic(long_name):  # "Ministry of Foreign Affairs (MoFA)": whose?
                continue  # linked within its text only (organisations.acronyms_in_text)
            entity_id = f"org:{names.slugify(long_name)}"
            entity = self._found.get(entity_id)
            aliases = names.unique([*(entity.aliases if entity else ()), acronym])
            self._found[entity_id] = Entity(entity_id, long_name, EntityType.ORGANISATION, tuple(aliases))

    def _add_person(self, written: str) -> None:
        """Add a newly introduced person unless the name is known or not a plausible name.

        A name in capitals (a byline's "MUNIR AHMED") is named in title case. A name that is a
        known or found person's with middle names, honorifics or other spellings ("Syed Ali
        Hosseini Khamenei") becomes one of that person's aliases instead (see
        :func:`.names.keys_linked`); so does a title and a given name alone ("PM Shehbaz") that
        only one known person bears.
        """
        title, bare = names.split_title(written)
        if title and " " not in bare:
            self._link_given_name(written, bare)
            return
        core = names.strip_honorifics(bare)
        if core.isupper():
            core = core.title()
        if any(
            token in _NOT_NAMES or token in organisations.HEADS or self._not_a_name_word(token)
            for token in core.split()
        ):
            return
        if (
            any(word in names.NON_PERSON_WORDS for word in core.split())
            or names.name_key(core) in _gazetteer_keys()
        ):
            return  # a town named like a person ("Rahim Yar Khan"), which the gazetteer matches not
        known = self._lookup(core)
        if known:
            if bare != core and known[0][0] is _PERSON and len(known) == 1:
                self._add_alias(known[0][1], [bare])  # "Seyyed Ali Khamenei" as written, honorific and all
            return
        forms = names.unique([written, bare, core])
        linked = self._linked_person(core)
        if linked is not None:
            self._add_alias(linked, forms)
            return
        aliases, _ = names.person_aliases(core, tuple(form for form in forms if form != core))
        aliases = [a for a in aliases if " " in a or not self._matcher.exact.get(a)]
        entity_id = f"person:{names.slugify(core)}"
        index = self._name_indexes()[1]
        self._found[entity_id] = Entity(entity_id, core, _PERSON, tuple(aliases))
        index.add(entity_id, (core, *aliases))

    def _name_indexes(self) -> tuple[names.NameIndex, names.NameIndex]:
        """The name keys of the known people (built once) and of the people found so far."""
        if self._known_names is None:
            self._known_names = names.NameIndex()
            for profile in self._matcher.profiles.values():
                if profile.entity.type is _PERSON:
                    self._known_names.add(profile.entity.id, (profile.entity.name, *profile.entity.aliases))
        if self._found_names_for is not self._found:  # a new extraction started afresh
            self._found_names, self._found_names_for = names.NameIndex(), self._found
            for entity in self._found.values():
                if entity.type is _PERSON:
                    self._found_names.add(entity.id, (entity.name, *entity.aliases))
        return self._known_names, self._found_names

    def _linked_person(self, core: str) -> str | None:
        """The one known or found person whose name links with ``core`` (None if none, or several)."""
        key = names.name_key(core)
        known, found = self._name_indexes()
        linked = known.linked(key) | found.linked(key)
        return linked.pop() if len(linked) == 1 else None

    def _link_given_name(self, written: str, given: str) -> None:
        """Make "PM Shehbaz" an alias of the one known person whose first name is "Shehbaz", if one."""
        key = names.token_key(given)
        if given in names.COMMON_NAMES or len(key) < 3:
            return
        known, found = self._name_indexes()
        named = known.first_named(key) | found.first_named(key)
        if len(named) == 1:
            self._add_alias(named.pop(), [written])

    def _add_alias(self, entity_id: str, forms: list[str]) -> None:
        """Give a known or found person more written forms."""
        entity = self._found.get(entity_id)
        if entity is not None:
            aliases = names.unique([*entity.aliases, *(form for form in forms if form != entity.name)])
            self._found[entity_id] = Entity(entity.id, entity.name, entity.type, tuple(aliases))
            self._name_indexes()[1].add(entity_id, forms)
            return
        self._found_aliases.setdefault(entity_id, []).extend(forms)

    def _not_a_name_word(self, token: str) -> bool:
        """Whether a word is known as something other than a person, so not part of a new name.

        A town only the place gazetteer knows does not count: many are named like people
        ("Sofia", "Victoria").
        """
        records = self._lookup(token)
        return bool(records) and records[0][0] is not _PERSON and not places.is_weak(records[0][1])

    def _discovered_entities(self) -> list[Entity]:
        """Discovered entities, and known ones with only the acronyms newly attached to them."""
        entities = list(self._found.values())
        for entity_id, extra in self._found_aliases.items():
            known = self.entity(entity_id)
            if known is not None:
                entities.append(Entity(known.id, known.name, known.type, tuple(extra)))
        return entities


@functools.cache
def _gazetteer_keys() -> frozenset[tuple[str, ...]]:
    """The spelling keys of every name of two words or more in the place gazetteer, matched or not.

    The gazetteer leaves out towns named with people's words ("Rahim Yar Khan", "Hasan Abdal") so
    that they never hide a person; they, and their other spellings, are not new people either.
    """
    forms = (form for row in places._rows() for form in (row[1], *row[3]) if " " in form)  # name, aliases
    return frozenset(names.name_key(form) for form in forms)


_NOT_NAMES = frozenset(
    {
        *dates.MONTHS,
        *dates.WEEKDAYS,
        *names.HONORIFICS,
        "The",
        "And",
        "Of",
        "In",
        "On",
        *(word for title in names.TITLES for word in title.split()),
    }
)
