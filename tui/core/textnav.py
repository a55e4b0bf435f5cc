"""Moving a cursor through text by word, word end, sentence and paragraph (offsets into the text).

Each unit is a sorted list of the offsets where one starts; moving forward goes to the first
start after the cursor, moving back to the last start before it (so from inside a sentence,
back goes to its own start first, as in editors).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import regex

#: A word, by Unicode's definition of a word character (the regex module's ``\w``), which keeps the
#: combining marks (Arabic vowel signs, shadda) and the joiners of Persian inside it, where ``re``'s
#: breaks the word at each.
_WORD = regex.compile(r"\w[\w’'-]*")
#: A sentence end (its mark, closing quotes or brackets, then space) or a line break, up to the next
#: sentence's first character: ``(?:[.!?…][”"’')\]]*\s|\n)\s*(?=\S)``, written to start with one
#: character class (the line break's branch is a look-behind), which lets the regex engine skip
#: ahead to the candidates: twice as fast as the alternation.
_SENTENCE = re.compile(r"[.!?…\n](?:(?<=\n)|[”\"’')\]]*\s)\s*(?=\S)")
_FIRST = re.compile(r"\s*(?=\S)")
_PARAGRAPH = re.compile(r"^[ \t]*(?=\S)", re.MULTILINE)


def word_starts(text: str) -> list[int]:
    """Where each word starts."""
    return [match.start() for match in _WORD.finditer(text)]


def word_ends(text: str) -> list[int]:
    """Where each word ends (the offset just after its last character)."""
    return [match.end() for match in _WORD.finditer(text)]


def sentence_starts(text: str) -> list[int]:
    """Where each sentence starts: the text's first character and the first after each sentence end."""
    found = {match.end() for match in _SENTENCE.finditer(text)}
    first = _FIRST.match(text)
    if first is not None:
        found.add(first.end())
    return sorted(found)


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph (non-blank line) starts."""
    return [match.end() for match in _PARAGRAPH.finditer(text)]


def after(starts: list[int], offset: int, end: int) -> int:
    """The first start after ``offset`` (``end`` if there is none)."""
    index = bisect_right(starts, offset)
    return starts[index] if index < len(starts) else end


def before(starts: list[int], offset: int) -> int:
    """The last start before ``offset`` (0 if there is none)."""
    index = bisect_left(starts, offset)
    return starts[index - 1] if index else 0


def word_at(text: str, offset: int) -> tuple[int, int]:
    """The span of the word at ``offset`` (an empty span at ``offset`` if it is not in a word)."""
    for match in _WORD.finditer(text, max(0, offset - 100), min(len(text), offset + 100)):
        if match.start() <= offset < match.end():
            return match.start(), match.end()
    return offset, offset
