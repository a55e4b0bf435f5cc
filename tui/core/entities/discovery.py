"""Discovery of entities the data file does not list.

* New people introduced by a title or role: "Interior Minister Mohsin Naqvi",
  "Minister of Roads and Urban Development, Farzaneh Sadegh Maloujerdi",
  "Minister for Commerce Jam Kamal Khan", "Muhammad Mudassir Tipu, Pakistan's ambassador to
  Tehran", "ambassador to Tehran Rahim Hayat Qureshi", or by an honorific ("Syed Owais Qadir Shah").
* New people by other evidence: a name that starts with a listed given name ("Hossein
  Amirabdollahian landed"), a byline ("By MUNIR AHMED"), a name next to "said" that ends with a
  listed surname ("..., said Cyrus Nasseri"); and a title with one given name ("PM Shehbaz"),
  which the recogniser links to the one known person of that name or drops.
* Acronym definitions "Long Name (ABC)": the acronym becomes an alias of the long name.

The engine finds the titles, role words, honorifics, given names and "said" with its automaton
and calls the functions here at those places only. A candidate is only a string: the recogniser
decides whether it is a new person, a known one's other name, or no one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tui.core.entities.names import HONORIFICS, PORTFOLIO_WORDS, ROLE_WORDS, given_names, surnames

#: A capitalised name word: "Amir-Abdollahian", "Ja’fari", and "Shia’" with its ayn before "al-".
_TOKEN = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+|[’'][a-z]{2,}|[’'](?=\s(?:al|el|ul)-[A-Z]))?"
_HONORIFIC = "(?:" + "|".join(HONORIFICS) + ")"
#: "bin", "ibn", "bint" join an Arabic name's parts: "Mohammed bin Salman"; "al-" starts one:
#: "Mohammed Shia’ al-Sudani".
_JOIN = r"\s(?:(?:bin|ibn|bint)\s|(?:al|el|ul)-)?"
_NAME = rf"(?P<name>(?:{_HONORIFIC}\s)?{_TOKEN}(?:{_JOIN}{_TOKEN}){{1,3}})(?![\w-]|\s[A-Z])"
_AFTER_TITLE = re.compile(rf",?\s{_NAME}")
_AFTER_ROLE = re.compile(
    rf"(?:\s(?:of|for|in|to|and|the|[A-Z][a-z]+(?:’s|'s)?)){{0,8}}?(?:\s\([A-Z][A-Za-z&]{{1,7}}\))?,\s{_NAME}"
)
_BEFORE_ROLE = re.compile(
    rf"(?<![\w-])(?P<name>{_TOKEN}(?:\s{_TOKEN}){{1,3}}),\s(?:the\s)?(?:[A-Z][a-z]+(?:’s|'s)\s)?(?:[a-z]+\s){{0,2}}$"
)
_AFTER_HONORIFIC = re.compile(rf"\s(?P<name>{_TOKEN}(?:{_JOIN}{_TOKEN}){{1,3}})(?![\w-]|\s[A-Z])")
_AFTER_TITLE_ONE = re.compile(rf"\s(?P<name>{_TOKEN})(?![\w-]|\s[A-Z]|\s?\()")
_GIVEN_NAME = re.compile(rf"(?P<name>{_TOKEN}(?:{_JOIN}{_TOKEN}){{1,3}})(?![\w-]|\s[A-Z])")
_CAPITALISED_BEFORE = re.compile(r"(?P<word>[A-Z][\w’'-]*)\s$")
#: Capitalised words that may stand just before a name at the start of a sentence.
_OPENERS = frozenset(
    {"The", "In", "On", "At", "As", "But", "And", "When", "While", "After", "Before", "For", "With", "From"}
    | {"To", "By", "Meanwhile", "Later", "Earlier", "Also", "Then", "Yesterday", "Today", "Separately"}
    | {"However", "Now", "Still", "Instead", "Moreover", "Previously", "Recently", "Finally", "Subsequently"}
)
_BYLINE = re.compile(r"(?m)^By (?P<name>[A-Z][A-Za-z’'-]+(?: [A-Z][A-Za-z’'-]+){1,3}) *$")
#: "ambassador to Tehran Rahim Hayat Qureshi": a role, a preposition and a place, then the name.
_ROLE_AND_PLACE_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(ROLE_WORDS) + r")\s(?:to|in|of|for|at)\s(?:the\s)?[A-Z][\w’'-]*\s$"
)
_PORTFOLIO_RUN = re.compile(
    rf"\s(?:of|for)\s(?P<run>{_TOKEN}(?:,?\s(?:and\s)?{_TOKEN}){{2,7}})(?![\w-]|\s[A-Z])"
)
_SAID_NAME = re.compile(rf"\s(?P<name>{_TOKEN}(?:\s{_TOKEN}){{1,2}})(?=[,.;]|\swho\s)")
_NAME_SAID = re.compile(rf"(?:^|[.!?”\"]\s|\n|\s[a-z]+\s)(?P<name>{_TOKEN}(?:\s{_TOKEN}){{1,2}})\s$")
#: Last words of long names that are not organisations' ("Free Trade Agreement (FTA)").
_NOT_BODIES = frozenset(
    {"Agreement", "Agreements", "Understanding", "Treaty", "Deal", "Accord", "Plan", "Action", "Order"}
    | {"Act", "Ordinance", "Bill", "Law", "Policy", "Strategy", "Programme", "Program", "Project"}
    | {"Scheme", "Framework", "Mechanism", "System", "Product", "Index", "Rate", "Gas", "Fuel", "Card"}
    | {"Certificate", "Code", "Zone", "Zones", "Route", "Exercise", "Summit", "Conference", "Expo"}
    | {"Exhibition", "Visa", "Tax", "Tariff", "Tariffs", "Duty", "Account", "Number", "Price", "Prices"}
)
#: "(ECO)", and with the small letter of a connective inside: "(CCoE)", "(MoFA)".
_ACRONYM = re.compile(r"\(([A-Z](?:[A-Z&]|[a-z](?=[A-Z])){1,7})\)")
_WORD = re.compile(r"[A-Za-z][\w’']*")
#: Lower-case words inside a long name; "al", "ul" and "el" join Arabic and Urdu names ("Jaish al Adl").
_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "de", "&", "al", "ul", "el"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible new person: the name as written (``start``..``end``) and the title before it."""

    start: int
    end: int
    name: str
    title: str


@dataclass(frozen=True, slots=True)
class AcronymDefinition:
    """ "Long Name (ABC)": the long name's span and text, and the acronym."""

    start: int
    end: int
    long_name: str
    acronym: str


def after_title(text: str, start: int, end: int) -> Candidate | None:
    """A name straight after a title ("Interior Minister Mohsin Naqvi") or after its role phrase."""
    match = _AFTER_TITLE.match(text, end) or _AFTER_ROLE.match(text, end)
    if match is None:
        return None
    return Candidate(match.start("name"), match.end("name"), match.group("name"), text[start:end])


def after_portfolio(text: str, start: int, end: int) -> Candidate | None:
    """A name after a title and its portfolio, without a comma: "Minister for Commerce Jam Kamal Khan".

    The portfolio is the longest run of portfolio words ("Foreign Affairs", "State") at the start
    of the capitalised words after "of" or "for"; the name is the two to four words left.
    """
    match = _PORTFOLIO_RUN.match(text, end)
    if match is None:
        return None
    words = list(re.finditer(r"[^\s,]+", match.group("run")))
    first = 0
    while first < len(words) and (words[first].group() in PORTFOLIO_WORDS or words[first].group() == "and"):
        first += 1
    name = match.group("run")[words[first].start() :] if first < len(words) else ""
    if first == 0 or not 2 <= len(words) - first <= 4 or "," in name or " and " in name:
        return None
    name_start = match.start("run") + words[first].start()
    return Candidate(name_start, match.end("run"), text[name_start : match.end("run")], text[start:end])


def around_saying(text: str, start: int, end: int) -> Candidate | None:
    """A name of two or three words alone just after or before "said", "says", "according to".

    "..., said Cyrus Nasseri." and "Cyrus Nasseri said ..."; the name must be the whole run of
    capitalised words, ending at a comma or full stop after the verb, or starting a sentence or
    following a lower-case word before it, and end with a surname of the list built from
    names-dataset (:func:`.names.surnames`): capitalised words next to "said" are as often an
    organisation ("Human Rights Watch said").
    """
    found = None
    if text[end : end + 1] == " " and text[end + 1 : end + 2].isupper():
        found = _SAID_NAME.match(text, end)
    if found is None and text[start - 1 : start] == " " and start > 1 and text[start - 2].isalpha():
        found = _NAME_SAID.search(text, max(0, start - 60), start)
    if found is None or found.group("name").rsplit(" ", 1)[-1] not in surnames():
        return None
    begin, name = found.start("name"), found.group("name")
    first, _, rest = name.partition(" ")
    if first in _OPENERS:  # "Later Iqbal said": the sentence's opener, then the name
        if " " not in rest:
            return None
        begin, name = begin + len(first) + 1, rest
    return Candidate(begin, found.end("name"), name, "")


def title_and_one_name(text: str, start: int, end: int) -> Candidate | None:
    """A title and one capitalised word after it, alone: "PM Shehbaz" (the title included).

    The word may be the given name of a known person; the recogniser decides.
    """
    match = _AFTER_TITLE_ONE.match(text, end)
    if match is None:
        return None
    return Candidate(start, match.end("name"), text[start : match.end("name")], text[start:end])


def after_given_name(text: str, start: int, end: int) -> Candidate | None:
    """A name that starts with a given name ("Hossein Amirabdollahian landed ..."), two to four words.

    The name must be the whole run of capitalised words: one that goes on ("Hossein Tehrani
    Street") or that follows a capitalised word (the given name is then a middle name, or part of
    something else) is not taken here; titles and roles find those.
    """
    after = text[end : end + 2]
    if len(after) < 2 or not ((after[0] == " " and after[1].isupper()) or after[0] == "-"):
        return None  # the cheap test first: most given names met are not followed by another name
    before = (
        _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
        if text[start - 1 : start] == " "
        else None
    )
    if (
        before is not None
        and before.group("word") not in _OPENERS
        and not before.group("word").endswith(("’s", "'s"))  # "Iran's Hossein Salami"
        and not _ROLE_AND_PLACE_BEFORE.search(text, max(0, start - 80), start)
    ):
        return None
    match = _GIVEN_NAME.match(text, start)
    if match is None:
        return None
    return Candidate(start, match.end("name"), match.group("name"), "")


def bylines(text: str) -> Iterator[Candidate]:
    """The author of a byline line at the top of a text: "By MUNIR AHMED", "By Kamran Yousaf".

    The name must start with a listed given name or end with a listed surname: "By Our
    Correspondent" and "By Web Desk" name no one.
    """
    for match in _BYLINE.finditer(text, 0, min(len(text), 300)):
        words = match.group("name").title().split()
        if words[0] in given_names() or words[-1] in surnames():
            yield Candidate(match.start("name"), match.end("name"), match.group("name"), "By")


def around_role(text: str, start: int, end: int) -> Candidate | None:
    """A name before ", Pakistan's ambassador" or after "consul general in Karachi," (lower-case role)."""
    forward = _AFTER_ROLE.match(text, end)
    if forward is not None:
        return Candidate(forward.start("name"), forward.end("name"), forward.group("name"), "")
    window_start = max(0, start - 90)
    backward = _BEFORE_ROLE.search(text, window_start, start)
    if backward is None:
        return None
    return Candidate(backward.start("name"), backward.end("name"), backward.group("name"), "")


def after_honorific(text: str, start: int, end: int) -> Candidate | None:
    """A name introduced by an honorific: "Syed Owais Qadir Shah" (the honorific included)."""
    match = _AFTER_HONORIFIC.match(text, end)
    if match is None:
        return None
    return Candidate(start, match.end("name"), text[start : match.end("name")], "")


def acronym_definitions(text: str) -> Iterator[AcronymDefinition]:
    """Every "Long Name (ABC)" in the text whose capitalised words spell the acronym.

    Not where the long name is a document, deal, plan or thing rather than a body: "Memorandum of
    Understanding (MoU)", "Free Trade Agreement (FTA)", "Liquefied Natural Gas (LNG)".
    """
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        window_start = max(0, match.start() - 120)
        words = list(_WORD.finditer(text, window_start, match.start()))
        if not words or match.start() - words[-1].end() > 1 or words[-1].group() in _NOT_BODIES:
            continue
        for skip_connectors in (True, False):
            first = _spell(words, acronym.replace("&", ""), skip_connectors)
            if first is not None:
                begin = _with_compound_before(text, words, first)
                end = words[-1].end()
                yield AcronymDefinition(begin, end, text[begin:end], acronym)
                break


def _with_compound_before(text: str, words: list[re.Match[str]], first: int) -> int:
    """Where the long name begins, taking in a hyphenated compound of capitalised words just before
    it, which the acronym leaves out: "Pakistan-Iran Joint Economic Commission (JEC)"."""
    index = first - 1
    if index < 1 or text[words[index].end() : words[first].start()] != " ":
        return words[first].start()
    while index and text[words[index - 1].end() : words[index].start()] == "-":
        index -= 1
    parts = words[index:first]
    if len(parts) < 2 or not all(part.group()[0].isupper() for part in parts):
        return words[first].start()
    return words[index].start()


def _spell(words: list[re.Match[str]], acronym: str, skip_connectors: bool) -> int | None:
    """The index of the first word of the trailing words whose initials spell ``acronym``."""
    letters = acronym
    index = len(words)
    while letters and index:
        index -= 1
        word = words[index].group()
        if skip_connectors and word in _CONNECTORS:
            continue
        initials = "".join(part[0] for part in word.split("-") if part)
        if not word[0].isupper() and not (not skip_connectors and word in _CONNECTORS):
            return None
        if not letters.upper().endswith(initials.upper()):
            return None
        letters = letters[: len(letters) - len(initials)]
    return index if not letters and words[index].group()[0].isupper() else None
