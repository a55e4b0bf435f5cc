"""Discovery of entities the data file does not list.

* New people introduced by a title or role: "Interior Minister Mohsin Naqvi",
  "Minister of Roads and Urban Development, Farzaneh Sadegh Maloujerdi",
  "Muhammad Mudassir Tipu, Pakistan's ambassador to Tehran", or by an honorific
  ("Syed Owais Qadir Shah").
* Acronym definitions "Long Name (ABC)": the acronym becomes an alias of the long name.

The engine finds the titles, role words and honorifics with its automaton and calls the
functions here at those places only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tui.core.entities.names import HONORIFICS

_TOKEN = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
_HONORIFIC = "(?:" + "|".join(HONORIFICS) + ")"
_NAME = rf"(?P<name>(?:{_HONORIFIC}\s)?{_TOKEN}(?:\s{_TOKEN}){{1,3}})(?![\w-]|\s[A-Z])"
_AFTER_TITLE = re.compile(rf",?\s{_NAME}")
_AFTER_ROLE = re.compile(rf"(?:\s(?:of|for|in|to|and|the|[A-Z][a-z]+(?:’s|'s)?)){{1,8}}?,\s{_NAME}")
_BEFORE_ROLE = re.compile(
    rf"(?<![\w-])(?P<name>{_TOKEN}(?:\s{_TOKEN}){{1,3}}),\s(?:the\s)?(?:[A-Z][a-z]+(?:’s|'s)\s)?(?:[a-z]+\s){{0,2}}$"
)
_AFTER_HONORIFIC = re.compile(rf"\s(?P<name>{_TOKEN}(?:\s{_TOKEN}){{1,3}})(?![\w-]|\s[A-Z])")
_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
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
    """Every "Long Name (ABC)" in the text whose capitalised words spell the acronym."""
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        window_start = max(0, match.start() - 120)
        words = list(_WORD.finditer(text, window_start, match.start()))
        if not words or match.start() - words[-1].end() > 1:
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
