"""Finding text across the corpus: the articles that hold a query, each with its matches.

A :class:`WordIndex` (built with the corpus indexes) knows which articles hold each word, so a
query is looked for only in the articles holding all of its words (the last one may be the
start of a word: "Ghal" finds "Ghalibaf"); there it is matched case-insensitively with any
spacing between its words, as :func:`tui.core.search.find_all` does in one article.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.core.models import Article

_WORD = re.compile(r"\w+")
#: How many articles are read between two looks at whether the search was stopped.
_BATCH = 500


class WordIndex:
    """The articles (by number) holding each case-folded word.

    Kept as three flat parts rather than a table of lists (a corpus of ten thousand articles has
    millions of postings, and a list or array per word costs its header many times over): the
    sorted vocabulary, where each word's postings start in ``numbers``, and every word's article
    numbers one after the other. :mod:`tui.core.word_cache` keeps these parts between runs.
    """

    __slots__ = ("numbers", "starts", "vocabulary")

    def __init__(self, articles: list[Article]) -> None:
        """Index every article's words."""
        postings: dict[str, array[int]] = {}
        for number, article in enumerate(articles):
            for word in set(_WORD.findall(article.text.casefold())):
                found = postings.get(word)
                if found is None:
                    found = postings[word] = array("i")
                found.append(number)
        self.vocabulary: list[str] = sorted(postings)
        self.starts: array[int] = array("q", [0])
        self.numbers: array[int] = array("i")
        for word in self.vocabulary:
            self.numbers.extend(postings.pop(word))  # popped: the table goes as the flat copy grows
            self.starts.append(len(self.numbers))

    @classmethod
    def from_parts(cls, vocabulary: list[str], starts: array[int], numbers: array[int]) -> WordIndex:
        """An index from its parts (read back from a cache: see :mod:`tui.core.word_cache`)."""
        index = cls.__new__(cls)
        index.vocabulary, index.starts, index.numbers = vocabulary, starts, numbers
        return index

    def _postings(self, position: int) -> array[int]:
        """The article numbers of the word at ``position`` in the vocabulary."""
        return self.numbers[self.starts[position] : self.starts[position + 1]]

    def articles_with(self, word: str) -> array[int]:
        """The numbers of the articles holding a (case-folded) word, in corpus order."""
        position = bisect_left(self.vocabulary, word)
        if position < len(self.vocabulary) and self.vocabulary[position] == word:
            return self._postings(position)
        return array("i")

    def candidates(self, query: str) -> list[int] | None:
        """The numbers of the articles holding every word of the query (the last as a word start);
        None for a query with no word (it is then looked for in every article)."""
        words = _WORD.findall(query.casefold())
        if not words:
            return None
        typing = query[-1:].isalnum()  # the last word may not be finished
        sets = [set(self.articles_with(word)) for word in (words[:-1] if typing else words)]
        if typing:
            sets.append(self._starting(words[-1]))
        sets.sort(key=len)
        found = sets[0]
        for other in sets[1:]:
            found &= other
        return sorted(found)

    def _starting(self, prefix: str) -> set[int]:
        """The articles holding a word that starts with ``prefix``."""
        found: set[int] = set()
        vocabulary = self.vocabulary
        index = bisect_left(vocabulary, prefix)
        while index < len(vocabulary) and vocabulary[index].startswith(prefix):
            found.update(self._postings(index))
            index += 1
        return found


def query_pattern(query: str) -> re.Pattern[str] | None:
    """A query as a case-insensitive pattern with any spacing between its words (None if blank)."""
    parts = query.split()
    if not parts:
        return None
    return re.compile(r"\s+".join(map(re.escape, parts)), re.IGNORECASE)


def _variants(query: str) -> list[str]:
    """The ways a query is written in running text: as typed, lower case, capitalised, title case,
    upper case (a literal search for each is many times faster than a case-blind regex)."""
    text = " ".join(query.split())
    forms = [text, text.lower(), text[:1].upper() + text[1:], text.title(), text.upper()]
    return list(dict.fromkeys(form for form in forms if form))


def search(
    articles: list[Article],
    query: str,
    index: WordIndex | None = None,
    stopped: Callable[[], bool] | None = None,
) -> list[int]:
    """The numbers (in corpus order) of the articles holding ``query``.

    With a word index only the articles holding its words are read; without, every article.
    Each is checked for the query as it would be written (see :func:`_variants`); the matches
    themselves are found by :func:`matches`, article by article, when shown. ``stopped`` is
    asked now and then (a newer query came): if it says so, the search ends early.
    """
    if not query.strip():
        return []
    numbers = index.candidates(query) if index is not None else None
    chosen = range(len(articles)) if numbers is None else numbers
    forms = _variants(query)
    found: list[int] = []
    for start in range(0, len(chosen), _BATCH):
        if stopped is not None and stopped():
            break
        batch = chosen[start : start + _BATCH]
        found += [n for n in batch if any(form in articles[n].text for form in forms)]
    return found


def matches(text: str, query: str) -> list[tuple[int, int]]:
    """The spans of the query in a text, in any case and with any spacing."""
    pattern = query_pattern(query)
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


def context(text: str, start: int, end: int, around: int = 60, before_chars: int | None = None) -> str:
    """The match with up to ``around`` characters either side (``before_chars`` before it, if
    given: a narrow list keeps the match in view), on one line."""
    lead = around if before_chars is None else before_chars
    before = ("…" if start > lead else "") + text[max(0, start - lead) : start]
    after = text[end : end + around] + ("…" if end + around < len(text) else "")
    return " ".join(f"{before}{text[start:end]}{after}".split())


@dataclass(frozen=True, slots=True)
class TextHit:
    """A text (a memo, say) holding a query: its place in the list searched, the line of its first
    match (clipped around it, on one line) and how many matches it holds."""

    number: int
    line: str
    count: int


def text_hits(texts: Sequence[str], query: str) -> list[TextHit]:
    """The texts holding ``query`` (any case, any spacing), in the order given.

    The texts are plain strings (memos, passed in by whoever has them), so this layer needs
    nothing of the store.
    """
    found: list[TextHit] = []
    for number, text in enumerate(texts):
        spans = matches(text, query)
        if not spans:
            continue
        start, end = spans[0]
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        found.append(TextHit(number, context(line, start - line_start, end - line_start), len(spans)))
    return found
