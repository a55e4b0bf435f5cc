"""Organisations, facilities and events found by the shape of their names.

A *head word* anchors each shape (the automaton finds them; see :mod:`.matcher`):

* an organisation head ("Ministry", "Commission", "Bank", "Army", "News"...) with the capitalised
  words before it and an "of …" tail after it: "the Foreign Ministry", "Ministry of Energy",
  "Cabinet Committee on Energy", "Trade Promotion Organization of Iran", "Balochistan Liberation
  Front", "Pakistan-Iran Joint Economic Commission", "ARY News";
* a facility head ("Pipeline", "Port", "Airport", "Mausoleum"...): the whole name is a place
  ("Iran-Pakistan Gas Pipeline", "Gwadar Port"), never a person inside it;
* "Province" after a known place: the place's mention grows to take it in ("Sistan-Baluchestan
  Province");
* an event head ("Summit", "Conference", "Expo"...): no mention, and no person inside it;
* a Persian or Urdu izafat compound ("Aiwan-e-Sadr", "Mazar-i-Iqbal", "Tehreek-e-Insaf"): a place
  or an organisation by its first word, and never the person whose name ends it.

A name found this way is the known entity of that name if there is one. Otherwise its id is
``org:<slug>`` (``place:<slug>``), the id an acronym definition of the same long name gets, so
"Pakistan-Iran Joint Economic Commission (JEC)" links the two. A *generic* name, which every
country's government has ("Foreign Ministry", "Ministry of Energy", "Joint Economic Commission"),
is one entity only within its text: it is the entity of the last mention before it whose name
ends in it ("Iran's Foreign Ministry" … "the Foreign Ministry"), else an entity of its own text
(``org:foreign-ministry~<text hash>``), so that two countries' ministries are never linked.

An organisation named in full is also the acronym of its name's initials later in its text, undefined
("Trade Promotion Organization of Iran" … "the TPOI head"; :func:`acronyms_in_text`). Source tags of
news agencies are organisations by their position: "(IRNA) –", "/DNA/",
"Chabahar, Dec 20, IRNA –" (:func:`source_tags`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from zlib import crc32

from tui.core.entities import dates, names, places
from tui.core.entities.spans import Record, Span
from tui.core.models import TEXT_LOCAL, EntityType

ORG, FACILITY, PROVINCE, EVENT, IZAFAT, LOWER = "org", "facility", "province", "event", "izafat", "lower"

#: Words that end (or, before "of", begin) an organisation's name.
ORGANISATION_HEADS: tuple[str, ...] = (
    "Ministry",
    "Office",
    "Department",
    "Division",
    "Directorate",
    "Secretariat",
    "Administration",
    "Committee",
    "Commission",
    "Council",
    "Authority",
    "Agency",
    "Board",
    "Bureau",
    "Bank",
    "Corporation",
    "Company",
    "Party",
    "League",
    "Movement",
    "Front",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Corps",
    "Guard",
    "Guards",
    "Police",
    "University",
    "Institute",
    "Academy",
    "Chamber",
    "Association",
    "Federation",
    "Union",
    "Organisation",
    "Organization",
    "Foundation",
    "Society",
    "Court",
    "Assembly",
    "Parliament",
    "Government",
    "Governorate",
    "Embassy",
    "Consulate",
    "Exchange",
    "News",
    "Times",
    "Tribune",
    "Television",
    "Cabinet",
    "Fund",
    "Airlines",
    "Airways",
    "Group",
    "Network",
    "Alliance",
    "Coalition",
    "Command",
    "Brigade",
    "Tribunal",
    "Mission",
    "Judiciary",
)
#: Heads of a named facility, which is a place.
FACILITY_HEADS: tuple[str, ...] = (
    "Pipeline",
    "Port",
    "Airport",
    "Airbase",
    "Harbour",
    "Harbor",
    "Bridge",
    "Dam",
    "Highway",
    "Motorway",
    "Railway",
    "Crossing",
    "Terminal",
    "Mosque",
    "Shrine",
    "Mausoleum",
    "Palace",
    "Stadium",
    "Border Market",
    "Air Base",
    "Gate",
    "Square",
    "Tower",
    "Avenue",
    "River",
    "Valley",
    "Desert",
)
#: Heads of a named event, which is none of person, organisation or place.
EVENT_HEADS: tuple[str, ...] = ("Summit", "Conference", "Expo", "Exhibition", "Festival", "Fair", "Olympics")
#: First words of izafat compounds ("Aiwan-e-Sadr"): places, and organisations.
IZAFAT_PLACES: tuple[str, ...] = ("Aiwan", "Mazar", "Qasr", "Minar", "Bagh", "Masjid", "Darbar", "Qila")
IZAFAT_ORGANISATIONS: tuple[str, ...] = (
    "Tehreek",
    "Tehrik",
    "Jamaat",
    "Jamiat",
    "Lashkar",
    "Jaish",
    "Sipah",
    "Harkat",
    "Majlis",
    "Anjuman",
    "Tanzeem",
    "Hizb",
)

#: Portfolios whose ministry news also writes in lower case ("the foreign ministry said").
PORTFOLIOS: tuple[str, ...] = (
    "foreign",
    "interior",
    "defence",
    "defense",
    "finance",
    "commerce",
    "energy",
    "petroleum",
    "oil",
    "information",
    "health",
    "education",
    "planning",
    "trade",
    "industries",
    "intelligence",
    "culture",
    "justice",
    "economy",
)
#: Company suffixes, which end a company's name.
COMPANY_HEADS: tuple[str, ...] = (
    "Limited",
    "Ltd",
    "Inc",
    "Corp",
    "LLC",
    "PLC",
    "Holding",
    "Holdings",
    "Airlines",
    "Airways",
)

#: Every anchor word and what it heads.
HEADS: dict[str, str] = {
    **dict.fromkeys(ORGANISATION_HEADS, ORG),
    **dict.fromkeys(FACILITY_HEADS, FACILITY),
    "Province": PROVINCE,
    **dict.fromkeys(EVENT_HEADS, EVENT),
    **dict.fromkeys(IZAFAT_PLACES + IZAFAT_ORGANISATIONS, IZAFAT),
    **dict.fromkeys(COMPANY_HEADS, ORG),
    "District": PROVINCE,
    **dict.fromkeys((f"{portfolio} ministry" for portfolio in PORTFOLIOS), LOWER),
    "foreign office": LOWER,
}

#: Heads of the names of a government's ministries, generic whatever the portfolio.
_MINISTRY_HEADS = frozenset({"Ministry", "Ministries"})
#: Words of the names every government has: a name made of these and a head alone is generic. The
#: portfolios' words (:data:`.names.PORTFOLIO_WORDS`) and these others.
_GENERIC = names.PORTFOLIO_WORDS | frozenset(
    {
        "Federal",
        "Central",
        "Supreme",
        "High",
        "Joint",
        "Standing",
        "Cabinet",
        "Prime",
        "Minister's",
        "Provincial",
        "Customs",
        "Gas",
        "Council",
        "Ministers",
        "Privatization",
        "Social",
        "Public",
        "Women",
        "Relations",
        "International",
        "Cooperation",
        "Economy",
        "Mines",
        "Minerals",
        "Statistics",
        "Reconstruction",
        "Crisis",
        "Management",
        "Disaster",
        "Permanent",
        "Air",
        "Armed",
        "Naval",
        "Military",
        "Border",
        "Frontier",
        "Coast",
        "Special",
        "Counter",
        "Terrorism",
        "Anti",
        "District",
        "City",
        "Municipal",
        "Metropolitan",
        "Capital",
        "Election",
        "Select",
        "Upper",
        "Lower",
        "House",
        "Executive",
        "Advisory",
        "Steering",
        "Technical",
        "Business",
        "Stock",
        "Electricity",
        "Telecommunication",
        "Telecommunications",
        "Working",
        "Contact",
        "Regional",
        "Policy",
        "Senate",
        "Civil",
        "Red",
        "Crescent",
        "Cross",
        "Atomic",
        "Nuclear",
        "Space",
        "Research",
        "Meteorological",
        "Tax",
        "Immigration",
        "Passports",
        "Investigation",
        "Accountability",
        "Audit",
        "Auditor",
        "Electoral",
        "Radio",
        "Press",
        "Media",
        "Mineral",
        "Fisheries",
        "Forest",
        "Forests",
        "Wildlife",
        "Irrigation",
        "Livestock",
        "Postal",
        "Post",
        "Telecom",
        "Airports",
        "Highways",
        "Motorways",
        "Procurement",
        "Supply",
        "Emergency",
        "Rescue",
        "Relief",
        "Medical",
        "Higher",
        "Schools",
        "Training",
        "Staff",
        "Chiefs",
        "Ground",
        "Marine",
        "Marines",
        "Rangers",
        "Services",
        "Service",
        "Consular",
        "Diplomatic",
        "Protocol",
        "Dialogue",
        "Strategic",
        "Studies",
        "General",
    }
)
#: Verbs of news headlines written in title case ("PM Warns Tehreek-e-Labbaik"), never a word of a name.
_HEADLINE_VERBS = frozenset(
    {"Says", "Warns", "Urges", "Slams", "Calls", "Meets", "Holds", "Asks", "Vows", "Rejects", "Condemns"}
    | {"Demands", "Seeks", "Hails", "Welcomes", "Announces", "Blames", "Accuses", "Backs", "Bans", "Signs"}
    | {"Visits", "Receives", "Chairs", "Lauds", "Praises", "Criticises", "Criticizes", "Thanks", "Tells"}
)
#: Capitalised words a name never starts with: sentence openers, titles before a name, and
#: headlines' verbs.
_STOP = _HEADLINE_VERBS | frozenset(
    {
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "By",
        "From",
        "With",
        "As",
        "But",
        "And",
        "Or",
        "Of",
        "To",
        "Meanwhile",
        "However",
        "Also",
        "This",
        "That",
        "These",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "Both",
        "Former",
        "Under",
        "After",
        "Before",
        "During",
        "While",
        "When",
        "Mr",
        "Ms",
        "Dr",
        # A title's last word ("Minister", "President"), not its first ("Foreign", "Energy"), nor one
        # that is also a word of organisations' names ("State Bank", "General Assembly").
        *({title.split()[-1] for title in names.TITLES} - {"State", "General", "Justice", "Islam"}),
    }
)
#: A name has at most this many words before its head ("Islamic Republic of Iran Customs …"), so
#: a long run of capitalised words (a headline in title case) costs no more than this per head.
_MAX_WORDS_BEFORE = 8
#: A capitalised word of a name; its parts joined by a hyphen, an en dash or a non-breaking hyphen
#: ("Pakistan–Iran"), which news writes alike.
_WORD = re.compile(r"[A-Z][\w’'.&]*(?:[-–‑][A-Za-z][\w’']*)*")
_WORD_CHARS = "_’'.&-–‑"
_DASHES = str.maketrans("–‑", "--")
_OF_TAIL = re.compile(
    r" (?:of|for|on) (?:the )?(?:[A-Z][\w’'&]*(?:-[A-Z][\w’']*)*)"
    r"(?:(?:,? and |, |,? & | )[A-Z][\w’'&]*(?:-[A-Z][\w’']*)*)*"
)
_OWNER = re.compile(r"([A-Z][a-z]+(?:’s|'s|n|i|ese)) $")
_IN_CITY = re.compile(r" in ([A-Z][a-z]+)\b")
_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
_IZAFAT_TAIL = re.compile(r"(?:-(?:e|i|ul|al|o)-[A-Z][a-z]+)+")
_SOURCE = re.compile(
    r"(?:^|\n)[^\n]{0,60}?\((?P<a>[A-Z][A-Za-z]{1,9})\)\s?[–—:-]"
    r"|(?<=\s)/(?P<b>[A-Z]{2,8})/"
    r"|(?:^|\n)\((?P<c>[A-Z]{2,10})\)\s"
    r"|(?:^|\n)[A-Z][A-Za-z]+, [A-Z][a-z]{2}\.? \d{1,2}, (?P<d>[A-Z]{2,8}) [–—-]"
)
#: Source tags stand in the dateline, at the start of an article: only its first characters are read.
_SOURCE_WINDOW = 300
#: A credit at the end of a text: "— APP", "- DNA".
_CREDIT = re.compile(r"(?:^|\s)[–—-] ?(?P<e>[A-Z]{2,8})\s*$")
_NOT_SOURCES = frozenset({"AM", "PM", "PST", "GMT", "UTC", "IST", "FM", "CM"})

#: Heads of the names of news outlets, whose generic names are not outlets.
_PRESS = frozenset({"News", "Times", "Tribune", "Television", "Network", "Group"})
#: Words of the names of a news page's sections.
_SECTIONS = frozenset(
    {"Breaking", "Latest", "Top", "World", "Local", "Related", "Business", "National", "International"}
    | {"Sports", "More", "Fake", "Good", "Bad", "Other", "Recent", "Daily", "Weekly", "Evening", "Morning"}
)
#: "a Guard of Honour": a ceremony, not a body.
_CEREMONY = frozenset({"Honour", "Honor"})
#: Compass words before "Bank" name a land ("West Bank"), not a bank.
_COMPASS = frozenset({"West", "East", "North", "South"})
_DATE_WORDS = frozenset({*dates.MONTHS, *dates.ABBREVIATIONS, *dates.WEEKDAYS})

Lookup = Callable[[str], Record | None]


def shape_span(
    text: str, start: int, end: int, kind: str, spans: list[Span], lookup: Lookup
) -> tuple[Span | None, int]:
    """The name a head word at ``start``..``end`` anchors, and where its words begin.

    ``spans`` are the text's spans before the head (the caller drops those the name covers);
    ``lookup`` gives a known entity's record by name. Returns ``(span or None, begin)``: an
    event gives no span but its ``begin``, so that the caller drops the people inside it.
    """
    if kind == IZAFAT:
        return _izafat(text, start, end, lookup)
    if kind == LOWER:  # "the foreign ministry": named as "Foreign Ministry" is
        name = text[start:end].title()
        return (start, end, _record(text, name, EntityType.ORGANISATION, spans, lookup, start, end)), start
    begin = _extend_left(text, start, kind)
    finish = end
    if kind == ORG:
        tail = _OF_TAIL.match(text, end)
        if tail is not None and not _ends_badly(tail.group()):
            finish = end + len(_without_person(tail.group(), lookup))
    if kind == PROVINCE:
        return _province(text, begin, start, end, spans), begin
    if begin == start and finish == end:
        return None, begin
    if text[start:end] in _PRESS and all(word in _SECTIONS for word in text[begin:start].split()):
        return None, begin  # "Breaking News", "World News": a section of a page, not an outlet
    if text[start:end] == "Bank" and text[begin:start].strip() in _COMPASS and finish == end:
        return None, begin
    if kind == EVENT:
        return None, begin
    name = text[begin:finish]
    etype = EntityType.PLACE if kind == FACILITY else EntityType.ORGANISATION
    return (begin, finish, _record(text, name, etype, spans, lookup, begin, finish)), begin


def _extend_left(text: str, start: int, kind: str) -> int:
    """Where the capitalised words before a head begin (through "of" and "&" between them).

    A word that opens a sentence or is a title ("The", "President") ends the name, as does a
    possessive ("Iran’s Foreign Ministry": the name is "Foreign Ministry") or an abbreviation.
    "and" joins only words of government bodies' names on both sides ("Security and Foreign
    Policy"), never a person's name to an organisation's ("Dar and Foreign Office officials") nor
    two companies ("Pakistan State Oil and Sui Southern Gas Company"). "of" joins no plural noun
    ("Shares of Habib Bank Limited", "Students of ... Institute"). Each step reads back only the
    one word before, so a long run of capitalised words costs at most a few words per head.
    """
    begin = start
    for _ in range(_MAX_WORDS_BEFORE):
        at = begin
        joiner = ""
        if begin != start:
            joiner = next((j for j in (" of ", " & ", " and ") if text.endswith(j, 0, begin)), "")
            if joiner:
                at = begin - len(joiner) + 1
        word_start = _word_start_before(text, at)
        if word_start < 0:
            return begin
        word = text[word_start : at - 1]
        if joiner == " and " and (word not in _GENERIC or _first_word(text, begin) not in _GENERIC):
            return begin  # "National Security and Foreign Policy Committee" only
        if joiner == " of " and word.endswith("s") and word not in _GENERIC and word not in HEADS:
            return begin
        if word in _STOP or word.endswith(("’s", "'s", "s’", ".")) or word.isdigit():
            return begin
        if kind == FACILITY and HEADS.get(word) == FACILITY:
            return begin
        begin = word_start
    return begin


def _word_start_before(text: str, at: int) -> int:
    """Where the capitalised word ending in the space just before ``at`` starts (-1 if none).

    A word of :data:`_WORD` after no word character, at most 40 characters back, found by reading back
    over the word's characters rather than by a regex search over the window.
    """
    if at < 2 or text[at - 1] != " ":
        return -1
    first = at - 1
    floor = max(0, at - 40)
    while first > floor and (text[first - 1].isalnum() or text[first - 1] in _WORD_CHARS):
        first -= 1
    for begin in range(first, at - 1):
        after_word = begin and (text[begin - 1].isalnum() or text[begin - 1] in "_’'-–‑")
        if text[begin].isupper() and not after_word and _WORD.fullmatch(text, begin, at - 1):
            return begin
    return -1


def _first_word(text: str, begin: int) -> str:
    """The word that starts at ``begin``."""
    space = text.find(" ", begin)
    return text[begin : space if space >= 0 else len(text)]


def _ends_badly(tail: str) -> bool:
    """Whether an "of" tail ends in a word that starts a new clause or a title ("… of Iran President"),
    or holds a date ("the Federal Cabinet on Tuesday")."""
    words = tail.split(" ")
    return words[-1] in _STOP or any(word in _DATE_WORDS or word in _CEREMONY for word in words)


def _without_person(tail: str, lookup: Lookup) -> str:
    """An "of" tail without the person named after the organisation: "Chairman Senate Standing
    Committee on Foreign Affairs Sherry Rehman" ends at "Affairs".

    The last two of three or more capitalised words in a row are a person's name when they are
    one known, or when they follow a word of the names of government bodies ("Affairs", "Energy")
    and are not such words themselves.
    """
    words = tail.split(" ")
    run = 0
    while run < len(words) and words[len(words) - 1 - run][:1].isupper():
        run += 1
    if run < 3:
        return tail
    last_two = " ".join(words[-2:])
    known = lookup(last_two)
    if (known is not None and known[0] is EntityType.PERSON) or (
        words[-3] in _GENERIC and words[-2] not in _GENERIC and words[-1] not in _GENERIC
    ):
        return " ".join(words[:-2])
    return tail


def _province(text: str, begin: int, start: int, end: int, spans: list[Span]) -> Span | None:
    """A known place's mention grown to take in the "Province" or "District" after it; else the
    capitalised words before it and it, a new place ("Kech District")."""
    if spans:
        place_start, place_end, record = spans[-1]
        if record[0] is EntityType.PLACE and place_end + 1 == start and text[place_end] == " ":
            return place_start, end, record
    if begin == start or (spans and spans[-1][1] > begin):
        return None
    name = text[begin:end]
    return begin, end, (EntityType.PLACE, f"place:{names.slugify(name)}", name, None, None)


def _izafat(text: str, start: int, end: int, lookup: Lookup) -> tuple[Span | None, int]:
    """An izafat compound ("Aiwan-e-Sadr"): a place or organisation by its first word."""
    tail = _IZAFAT_TAIL.match(text, end)
    if tail is None:
        return None, start
    finish = tail.end()
    etype = EntityType.PLACE if text[start:end] in IZAFAT_PLACES else EntityType.ORGANISATION
    country = _WORD_AFTER.match(text, finish)
    if etype is EntityType.ORGANISATION and country is not None:
        known = lookup(country.group(1))  # "Tehreek-e-Taliban Pakistan": the country is in the name
        if known is not None and known[0] is EntityType.PLACE:
            finish = country.end(1)
    begin = _extend_left(text, start, ORG)
    name = text[begin:finish]
    return (begin, finish, _record(text, name, etype, [], lookup)), begin


def _record(
    text: str, name: str, etype: EntityType, spans: list[Span], lookup: Lookup, at: int = -1, end: int = -1
) -> Record:
    """The record of a name found by its shape: known, else new, else (generic) this text's.

    A generic name (at ``at``..``end``) is the known entity its owner's name makes it
    ("Pakistan's" or "Pakistani" before "Foreign Office", "in Islamabad" after it), else the
    last organisation before it whose name ends in it, else this text's own.
    """
    found = lookup(name)
    if found is None and ("–" in name or "‑" in name):  # "Pakistan–Iran Joint …" is "Pakistan-Iran Joint …"
        found = lookup(name.translate(_DASHES))
    if found is not None and found[0] is etype:
        return found
    owner = _OWNER.search(text, max(0, at - 30), at) if at > 0 else None
    if owner is not None:  # "Iran's Atomic Energy Organization": the known one "… of Iran"
        word = owner.group(1)
        country = word[:-2] if word.endswith(("’s", "'s")) else word
        for form in (f"{word} {name}", f"{name} of {country}", f"{country}'s {name}"):
            found = lookup(form)
            if found is not None and found[0] is etype:
                return found
    prefix = "org" if etype is EntityType.ORGANISATION else "place"
    if etype is EntityType.PLACE or not is_generic(name):
        return etype, f"{prefix}:{names.slugify(name)}", name, None, None
    city = _IN_CITY.match(text, end) if end > 0 else None
    capital_of = places.country_of_capital(city.group(1)) if city is not None else None
    if capital_of is not None:
        found = lookup(f"{name} of {capital_of}")
        if found is not None and found[0] is etype:
            return found
    folded = name.casefold()
    for start, end, record in reversed(spans):
        if record[0] is etype and (
            text[start:end].casefold().endswith(folded) or record[2].casefold().endswith(folded)
        ):
            return record
    local = f"{prefix}:{names.slugify(name)}{TEXT_LOCAL}{crc32(text.encode()) & 0xFFFFFF:06x}"
    return etype, local, name, None, None


def is_generic(name: str) -> bool:
    """Whether an organisation's name is one every government has ("Foreign Office", "Ministry of Energy").

    A ministry's name is generic unless a country or a place is in it: two countries' "Ministry of
    Water Resources and Irrigation" are two ministries, whatever words name the portfolio.
    """
    words = [w for w in re.split(r"[ ,]+", name) if w and w not in ("of", "for", "on", "the", "and", "&")]
    if any(w in _MINISTRY_HEADS for w in words):
        return not any(places.is_place_word(part) for w in words for part in w.split("-"))
    return all(w in _GENERIC or HEADS.get(w) == ORG for w in words)


def source_tags(text: str) -> list[tuple[int, int, str]]:
    """The news agencies' source tags: "(IRNA) –", "(AP) —" and "(APP):" in a dateline, "/DNA/", a
    leading "(MENAFN)", "Chabahar, Dec 20, IRNA –", and a credit ending the text ("— APP"):
    ``(start, end, tag)``."""
    found = []
    for match in _SOURCE.finditer(text, 0, _SOURCE_WINDOW):
        group = next(g for g in ("a", "b", "c", "d") if match.group(g))
        tag = match.group(group)
        if tag not in _NOT_SOURCES and not tag.isdigit():
            found.append((match.start(group), match.end(group), tag))
    credit = _CREDIT.search(text, max(0, len(text) - 40))
    if credit is not None and credit.group("e") not in _NOT_SOURCES:
        tag = (credit.start("e"), credit.end("e"), credit.group("e"))
        if not found or found[-1][1] <= tag[0]:
            found.append(tag)
    return found


_DEFINED = re.compile(r" \(([A-Z](?:[A-Z&]|[a-z](?=[A-Z])){1,7})\)")
_LINKING = frozenset({"of", "for", "on", "and", "the", "&", "al", "ul", "el"})


def initials(name: str) -> str:
    """The capital initials of a name's words, hyphenated parts included ("Pakistan-Iran" → "PI")."""
    words = re.split(r"[ ,]+", name)
    return "".join(part[0] for w in words if w not in _LINKING for part in w.split("-") if part).upper()


def acronyms_in_text(text: str, spans: list[Span]) -> list[Span]:
    """Acronyms of organisations named in full earlier in the text, there and after: defined in
    parentheses ("Cabinet Committee on Energy (CCoE)", which for a generic name is all that links
    them), or not ("… the TPOI head").

    An undefined acronym is a name's initials written as a word of capitals, of a name of three
    words or more; the acronym gets the name's record.
    """
    found: list[Span] = []
    seen: set[str] = set()
    for start, end, record in spans:
        if record[0] is not EntityType.ORGANISATION:
            continue
        name = text[start:end]
        defined = _DEFINED.match(text, end)
        letters = defined.group(1) if defined is not None else initials(name)
        if defined is None and (len(letters) < 3 or name.count(" ") < 2 or not letters.isalpha()):
            continue
        if letters in seen:
            continue
        seen.add(letters)
        at = text.find(letters, end)
        while at >= 0:
            after = at + len(letters)
            if not (text[at - 1].isalnum() or (after < len(text) and text[after].isalnum())):
                found.append((at, after, record))
            at = text.find(letters, after)
    found.sort()
    return found


#: Outlets named like common words, taken only where they are reported from.
WORD_OUTLETS: tuple[str, ...] = ("Dawn", "The News", "The Nation")
_OUTLETS = "Dawn|The News|The Nation"
_OUTLET = re.compile(
    r"(?:(?<=\btold )|(?<=\baccording to )|(?<=\bwrote in )|(?<=\bpublished in ))"
    rf"(?P<a>{_OUTLETS})\b|(?<![\w-])(?P<b>{_OUTLETS})(?:\.com)?"
    r"(?=(?:’s|'s)? (?:reported|said|quoted|learnt|has learnt"
    r"|newspaper|correspondent|editorial|report|reporter|spoke)\b)"
)


def outlet_mentions(text: str) -> list[tuple[int, int, str]]:
    """Outlets named like common words where a text reports from them: "told Dawn", "Dawn reported",
    "according to The News": ``(start, end, name)``."""
    found = []
    for name in WORD_OUTLETS:  # the regex tried only where a name stands: a title-case text has many
        at = text.find(name)
        while at >= 0:
            match = _OUTLET.match(text, at)
            if match is not None:
                group = "a" if match.group("a") else "b"
                found.append((match.start(group), match.end(group), match.group(group)))
            at = text.find(name, at + len(name))
    found.sort()
    return found
