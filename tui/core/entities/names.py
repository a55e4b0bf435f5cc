"""Personal-name handling: titles, honorifics, spelling-variant keys and derived aliases, the lists
of given names and surnames (built from names-dataset by ``tools/build_given_names.py``), and
when two names are one person's (:func:`keys_linked`).

A *key* folds the usual transliteration differences of Persian, Urdu and Arabic names into
one form, so "Qalibaf", "Ghalibaf" and "Kalibaf" share the key ``qlbf`` and "Mohammad",
"Muhammad" and "Mohammed" share ``mhmd``. Keys compare names; they are never shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from unidecode import unidecode

#: Offices and roles written before a name ("Prime Minister Shehbaz Sharif"). Not part of a name.
TITLES: tuple[str, ...] = (
    "Prime Minister",
    "Deputy Prime Minister",
    "Caretaker Prime Minister",
    "President",
    "Acting President",
    "Vice President",
    "First Vice President",
    "Foreign Minister",
    "Interior Minister",
    "Defence Minister",
    "Defense Minister",
    "Finance Minister",
    "Commerce Minister",
    "Information Minister",
    "Planning Minister",
    "Energy Minister",
    "Petroleum Minister",
    "Oil Minister",
    "Chief Minister",
    "Minister",
    "Speaker",
    "Chairman",
    "Secretary",
    "Secretary General",
    "Secretary-General",
    "Ambassador",
    "Envoy",
    "Spokesman",
    "Spokesperson",
    "Governor",
    "Commander",
    "General",
    "Gen.",
    "Field Marshal",
    "Army Chief",
    "Supreme Leader",
    "Ayatollah",
    "Grand Ayatollah",
    "Ayatullah",
    "Grand Ayatullah",
    "Hojatoleslam",
    "Hujjatul Islam",
    "Secretary of State",
    "Crown Prince",
    "Prince",
    "King",
    "Emir",
    "PM",
    "FM",
    "Engr.",
    "Engr",
    "Chief Justice",
    "Senator",
    "Consul General",
    "Dr.",
    "Dr",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
)

#: Lower-case role words that introduce a new person after or before a comma
#: ("consul general in Karachi, Akbar Issazadeh"; "X, Pakistan's ambassador to Tehran").
ROLE_WORDS: tuple[str, ...] = (
    "minister",
    "ambassador",
    "envoy",
    "consul general",
    "consul",
    "spokesman",
    "spokesperson",
    "secretary",
    "chairman",
    "governor",
    "commander",
    "adviser",
    "advisor",
    "president",
    "speaker",
    "head",
    "counterpart",
)

#: Words of ministers' and secretaries' portfolios ("Minister for Commerce", "Secretary of State"),
#: which every government has: discovery reads a minister's portfolio with them, and a ministry's
#: name of these words alone is generic (:func:`.organisations.is_generic`).
PORTFOLIO_WORDS = frozenset(
    {
        "Affairs",
        "Agriculture",
        "Aviation",
        "Broadcasting",
        "Change",
        "Climate",
        "Commerce",
        "Communications",
        "Control",
        "Cooperatives",
        "Culture",
        "Defence",
        "Defense",
        "Development",
        "Economic",
        "Education",
        "Energy",
        "Environment",
        "Finance",
        "Food",
        "Foreign",
        "Health",
        "Heritage",
        "Home",
        "Housing",
        "Human",
        "Industries",
        "Industry",
        "Information",
        "Intelligence",
        "Interior",
        "Investment",
        "Justice",
        "Kashmir",
        "Labour",
        "Law",
        "Maritime",
        "Mining",
        "Minorities",
        "Narcotics",
        "National",
        "Oil",
        "Overseas",
        "Pakistanis",
        "Parliamentary",
        "Petroleum",
        "Planning",
        "Ports",
        "Power",
        "Privatisation",
        "Production",
        "Railways",
        "Religious",
        "Resources",
        "Revenue",
        "Rights",
        "Roads",
        "Science",
        "Security",
        "Shipping",
        "Sports",
        "State",
        "Technology",
        "Tourism",
        "Trade",
        "Transport",
        "Treasury",
        "Urban",
        "Water",
        "Welfare",
        "Works",
        "Youth",
    }
)

#: Honorifics that are part of a name as written but not needed to identify the person.
HONORIFICS: tuple[str, ...] = (
    "Syed",
    "Sayyid",
    "Seyed",
    "Seyyed",
    "Sardar",
    "Allama",
    "Mian",
    "Hazrat",
    "Sheikh",
    "Chaudhry",
    "Khawaja",
    "Haji",
    "Begum",
    "Maulana",
    "Hafiz",
    "Sayed",
    "Sayyed",
    "Sahibzada",
    "Nawabzada",
    "Makhdoom",
    "Mufti",
    "Qari",
    "Pir",
)

#: Words of the names of towns, buildings, roads, trains, awards, projects and feasts, never of a
#: person's ("Karim Abad", "Jaffar Express", "Aga Khan Hospital", "Eid Al Adha", "Mahan Air"); the
#: organisations' head words are others (:data:`.organisations.HEADS`).
NON_PERSON_WORDS: frozenset[str] = frozenset(
    {
        "Abad",
        "Air",
        "Airlines",
        "Airways",
        "Award",
        "Bay",
        "Bazaar",
        "Block",
        "Boulevard",
        "Building",
        "Camp",
        "Canal",
        "Cantonment",
        "Card",
        "Cement",
        "Center",
        "Centre",
        "Chowk",
        "City",
        "Clinic",
        "College",
        "Colony",
        "Complex",
        "Cup",
        "Dasht",
        "Express",
        "Expressway",
        "Garden",
        "Garh",
        "Gulf",
        "Hills",
        "Hospital",
        "Hotel",
        "Industries",
        "Initiative",
        "Island",
        "Islands",
        "Kalat",
        "Kalay",
        "Kot",
        "Lake",
        "Library",
        "Limited",
        "Mail",
        "Mall",
        "Market",
        "Medal",
        "Motors",
        "Mountain",
        "Mountains",
        "Museum",
        "Eid",
        "Adha",
        "Azha",
        "Fitr",
        "Day",
        "Week",
        "Park",
        "Gardens",
        "Hall",
        "Nagar",
        "Ocean",
        "Plaza",
        "Prize",
        "Program",
        "Programme",
        "Project",
        "Pur",
        "Road",
        "Scheme",
        "Scholarship",
        "School",
        "Sea",
        "Sector",
        "Shahr",
        "Station",
        "Steel",
        "Strait",
        "Street",
        "Tehsil",
        "Textile",
        "Town",
        "Trophy",
        "Trust",
        "Village",
    }
)

#: Verbs of reporting next to which a name stands alone: "said Ali Smith", "Ali Smith said".
SAYING: tuple[str, ...] = ("said", "says", "according to")

#: Clan and family names so common that, alone, they name someone only in an article that has
#: just named that person in full ("Rahim Hayat Qureshi ... Qureshi made the remarks").
COMMON_SURNAMES: frozenset[str] = frozenset({"Khan", "Shah", "Malik", "Butt", "Mirza", "Baig", "Qureshi"})

#: Given names and clan names too common to stand alone as a surname alias.
COMMON_NAMES: frozenset[str] = frozenset(
    {
        "Ali",
        "Shah",
        "Khan",
        "Ahmed",
        "Ahmad",
        "Hussain",
        "Hussein",
        "Hassan",
        "Hasan",
        "Mohammad",
        "Muhammad",
        "Mohammed",
        "Asif",
        "Reza",
        "Raza",
        "Abbas",
        "Malik",
        "Butt",
        "Mirza",
        "Baig",
        "Qureshi",
    }
)

#: Words written in front of a person's usual name that do not make another name ("Muhammad
#: Shehbaz Sharif" is "Shehbaz Sharif"); honorifics (:data:`HONORIFICS`) are such words too.
NAME_PREFIXES: tuple[str, ...] = (
    "Muhammad",
    "Mohammad",
    "Mohammed",
    "Muhammed",
    "Mohd",
    "Mian",
    "Syed",
    "Hafiz",
)

_COMMON_KEYS: frozenset[str] = frozenset()  # filled below, once token_key is defined
_PREFIX_KEYS: frozenset[str] = frozenset()  # likewise
_TITLE_RE = re.compile(
    "^(?:(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\s+)+"
)
_DIGRAPHS = (("ou", "u"), ("ph", "f"), ("kh", "x"), ("gh", "q"), ("dj", "j"), ("zh", "j"), ("ck", "k"))
_FOLD = str.maketrans("kwy", "qvi")
_VOWELS = re.compile("[aeiou]")
_DOUBLES = re.compile(r"(.)\1+")
_NON_ALPHA = re.compile("[^a-z]")
_NAME_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)(?![\w’'-])")
_NAME_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+) $")


@lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """The spelling-variant key of one name token ("Ghalibaf" -> "qlbf", "Muhammad" -> "mhmd")."""
    s = _NON_ALPHA.sub("", unidecode(token).lower())
    if not s:
        return ""
    for old, new in _DIGRAPHS:
        s = s.replace(old, new)
    s = s.translate(_FOLD)
    if len(s) > 2 and s[-1] == "h" and s[-2] in "aeiou":
        s = s[:-1]
    head = "a" if s[0] in "aeiou" else s[0]
    tail = "a" if len(s) > 1 and s[-1] in "aeiou" else ""
    return _DOUBLES.sub(r"\1", head + _VOWELS.sub("", s[1:]) + tail)


_COMMON_KEYS = frozenset(token_key(name) for name in COMMON_NAMES | COMMON_SURNAMES)
_PREFIX_KEYS = frozenset(token_key(name) for name in (*HONORIFICS, *NAME_PREFIXES))


def name_key(name: str) -> tuple[str, ...]:
    """The key of every token of a name, in order."""
    return tuple(token_key(token) for token in name.split())


def split_title(name: str) -> tuple[str, str]:
    """Split leading titles off a name: ("Prime Minister", "Shehbaz Sharif"); ("", name) if none."""
    match = _TITLE_RE.match(name)
    if match is None:
        return "", name
    return match.group().strip(), name[match.end() :]


def strip_honorifics(name: str) -> str:
    """The name without leading honorifics ("Syed Yusuf Raza Gilani" -> "Yusuf Raza Gilani")."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[0] in HONORIFICS:
        tokens.pop(0)
    return " ".join(tokens)


def person_aliases(name: str, given: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Derive a person's aliases from the name and the given aliases.

    Returns ``(aliases, titles)``: every form with and without titles and honorifics, the
    name without its first word when that is a name prefix ("Ishaq Dar"; a given name there
    makes a child's name: "Maryam Nawaz Sharif" is not "Nawaz Sharif", her father), the surname
    alone unless it is a common name, and title + surname ("Prime Minister Sharif") for
    each title found in the given forms.
    """
    aliases: list[str] = []
    titles: list[str] = []
    surnames: list[str] = []
    for form in (name, *given):
        title, bare = split_title(form)
        if title and title not in titles:
            titles.append(title)
        core = strip_honorifics(bare)
        tokens = core.split()
        if not all(token[:1].isupper() for token in tokens):
            aliases.append(form)
            continue
        forms = [form, bare, core]
        if len(tokens) >= 3 and token_key(tokens[0]) in _PREFIX_KEYS:  # not "Maryam Nawaz Sharif"
            forms.append(" ".join(tokens[1:]))
        if len(tokens) >= 2 and tokens[-1] not in COMMON_NAMES and tokens[-1][:1].isupper():
            surnames.append(tokens[-1])
            forms.append(tokens[-1])
        aliases.extend(forms)
    for title in titles:
        aliases.extend(f"{title} {surname}" for surname in surnames)
    return unique([alias for alias in aliases if alias and alias != name]), titles


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names of ``given_names.txt`` (built from names-dataset), less titles and honorifics.

    Read on first use, inside the recogniser's build: about 10,000 names, 75 KB.
    """
    path = Path(__file__).with_name("given_names.txt")
    listed = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    not_given = {*HONORIFICS, *COMMON_SURNAMES, *(word for title in TITLES for word in title.split())}
    return frozenset(name for name in listed if name and not name.startswith("#") and name not in not_given)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The surnames of ``surnames.txt`` (built from names-dataset, English words left out).

    Read on first use, by discovery next to "said" (about 11,000 names; a set of about 1 MB).
    """
    path = Path(__file__).with_name("surnames.txt")
    listed = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(name for name in listed if name and not name.startswith("#"))


def is_name_word(word: str) -> bool:
    """Whether a capitalised word is a listed given name or surname, or a common name ("Ali")."""
    return word in COMMON_NAMES or word in given_names() or word in surnames()


def beside_another_name(text: str, start: int, end: int) -> bool:
    """Whether the one-word name at ``start``..``end`` is a word of a longer name, which names
    someone else: a given name or surname stands just before or after it ("Zulfikar Ali Bhutto"
    is not Bilawal Bhutto, "Asif Ali" the cricketer not Khawaja Asif).

    Read with string methods first: most names are followed by a lower-case word or a stop and
    come after a lower-case word, which is told at once.
    """
    if text[end : end + 1] == " " and text[end + 1 : end + 2].isupper():
        after = _NAME_WORD_AFTER.match(text, end)
        if after is not None and is_name_word(after.group(1)):
            return True
    if start < 2 or text[start - 1] != " " or not text[start - 2].islower():
        return False
    space = text.rfind(" ", max(0, start - 30), start - 1)
    if not text[space + 1 : space + 2].isupper():
        return False
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and is_name_word(before.group(1))


def keys_linked(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two names' keys (honorifics and titles off) name one person.

    The shorter must have two keys or more, end with the longer's last key and be the longer's
    keys with some left out: "Ali Ardashir Larijani" and "Ali Larijani", "Muhammad Shehbaz Sharif"
    and "Shahbaz Sharif". Words left out in front may only be honorifics and name prefixes
    (:data:`NAME_PREFIXES`): a given name in front is a child's name after the parent's
    ("Maryam Nawaz Sharif" is not "Nawaz Sharif", "Hamza Shehbaz Sharif" not "Shehbaz Sharif").
    People who share only a surname or a given name stay apart ("Nawaz Sharif" and "Shehbaz
    Sharif", "Ali Larijani" and "Sadegh Larijani"), and so does a shorter name of common names
    only ("Ali Khan" is not "Ali Amin Khan").
    """
    short, long = sorted((first, second), key=len)
    if len(short) < 2 or short[-1] != long[-1] or not all(short):
        return False
    if all(key in _COMMON_KEYS for key in short):
        return False
    start = long.index(short[0]) if short[0] in long else -1
    if start < 0 or not all(key in _PREFIX_KEYS for key in long[:start]):
        return False
    remaining = iter(long[start:])
    return all(key in remaining for key in short)


class NameIndex:
    """People's names as keys, by their last and their first key, so that a new name is linked to
    the people who could share it without a look at every person of a large corpus."""

    def __init__(self) -> None:
        """An empty index."""
        self.by_last: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self.by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}

    def add(self, entity_id: str, forms: Iterable[str]) -> None:
        """Index a person's written forms: those without a title, honorifics off."""
        for form in forms:
            title, bare = split_title(form)
            if title or not bare[:1].isupper():
                continue
            key = name_key(strip_honorifics(bare))
            if not key or not all(key):
                continue
            self.by_last.setdefault(key[-1], []).append((entity_id, key))
            if len(key) >= 2:
                self.by_first.setdefault(key[0], []).append((entity_id, key))

    def linked(self, key: tuple[str, ...]) -> set[str]:
        """The people one of whose names links with ``key`` (see :func:`keys_linked`)."""
        if not key:
            return set()
        return {entity_id for entity_id, other in self.by_last.get(key[-1], ()) if keys_linked(key, other)}

    def first_named(self, first: str) -> set[str]:
        """The people one of whose names of two words or more starts with the key ``first``."""
        return {entity_id for entity_id, other in self.by_first.get(first, ()) if other[-1] != first}


def slugify(text: str) -> str:
    """A lower-case ASCII slug of a name ("Mohsin Naqvi" -> "mohsin-naqvi")."""
    return re.sub("[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def unique(items: list[str]) -> list[str]:
    """The items in order with repeats removed."""
    return list(dict.fromkeys(items))
