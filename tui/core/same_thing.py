"""Passages in other articles that report the same thing as a selected passage.

Three kinds of evidence, strongest first: the same event (a merged timeline event one of whose
sources overlaps the passage); the same normalised figure ("$10 billion" = "ten billion
dollars"); very similar wording (RapidFuzz token-set similarity of sentences). Figures of the
same unit whose sentences talk about the same thing (shared content words) but give different
values are listed side by side as disagreements ("trade … $3.1 billion" against another figure);
:func:`compared_figures` groups them by the figure here, each with its value and unit as a reader
would say them (7.5 billion USD, 1,000 MW, 900 km, 3 killed), for a table.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from tui.core.entities.amounts import readable
from tui.core.models import EntityType, Mention

if TYPE_CHECKING:
    from tui.core.corpus_index import CorpusIndex

SIMILARITY_CUTOFF = 72.0
_FIGURES = (EntityType.MONEY, EntityType.FIGURE)
_WORD = re.compile(r"[a-z]{4,}")
#: A figure in a sentence like these is a goal, not a measure: "raising trade to $10 billion".
_TARGET = re.compile(r"\b(?:increas|rais|goal|target|plan|aim|boost|up to|reach|ambitio)", re.IGNORECASE)
_STOP = frozenset(
    (
        "that",
        "with",
        "from",
        "this",
        "have",
        "been",
        "were",
        "will",
        "their",
        "which",
        "about",
        "also",
        "said",
        "into",
        "more",
        "than",
        "over",
        "between",
        "both",
        "sides",
        "while",
        "would",
        "could",
        "after",
        "before",
        "during",
        "under",
        "where",
        "when",
        "what",
        "they",
        "them",
        "percent",
        "billion",
        "million",
        "dollars",
    )
)


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence elsewhere, why it matches, and the figure it gives (if that is why)."""

    article: str
    start: int
    end: int
    sentence: str
    reason: str
    figure: str = ""
    #: The figure's normalised value and unit ("USD", "percent", "km"...), when it is a figure.
    value: float | None = None
    unit: str | None = None

    def amount(self) -> tuple[str, str]:
        """The figure's value and unit as a reader would say them ("7.5 billion", "USD"); ("", "")
        for a passage that gives no figure."""
        return ("", "") if self.value is None else readable(self.value, self.unit)

    def as_json(self) -> dict[str, Any]:
        """JSON-ready (with the figure's value and unit when it gives one)."""
        data = {"article": self.article, "start": self.start, "end": self.end, "sentence": self.sentence,
                "reason": self.reason, "figure": self.figure}  # fmt: skip
        if self.value is not None:
            data |= {"value": self.value, "unit": self.unit}
        return data


@dataclass(frozen=True, slots=True)
class Selection:
    """The passage asked about, in the whole sentences holding it (``context``, from ``context_start``)."""

    article: str
    start: int
    end: int
    context_start: int
    context: str


@dataclass
class SameThing:
    """What the corpus says elsewhere about a passage (``selection``: that passage in its sentences)."""

    same: list[Passage] = field(default_factory=list)
    disagreements: list[tuple[Passage, Passage]] = field(default_factory=list)
    selection: Selection | None = None


def compared_figures(found: SameThing) -> list[tuple[Passage, list[Passage]]]:
    """Each figure of the selection that others contradict, with the differing figures elsewhere,
    in the order the disagreements were found (a figure stated twice in one sentence counts once)."""
    groups: dict[tuple[int, str, float | None, str | None], tuple[Passage, list[Passage]]] = {}
    for mine, theirs in found.disagreements:
        key = (mine.start, mine.figure, mine.value, mine.unit)
        groups.setdefault(key, (mine, []))[1].append(theirs)
    return list(groups.values())


def same_thing(index: CorpusIndex, article_id: str, start: int, end: int) -> SameThing:
    """Passages in other articles reporting what ``start``–``end`` of an article reports."""
    found = SameThing()
    seen: set[tuple[str, int]] = set()

    def add(passage: Passage) -> None:
        """Keep the first reason for each sentence."""
        if (passage.article, passage.start) not in seen:
            seen.add((passage.article, passage.start))
            found.same.append(passage)

    for passage in _same_event(index, article_id, start, end):
        add(passage)
    own = [m for m in index.mentions.get(article_id, []) if m.type in _FIGURES and start <= m.start < end]
    for figure in own:
        for other, mention in index.xref.figures(figure.unit):
            if other != article_id and mention.value == figure.value:
                add(_passage(index, other, mention, f"the same figure: {figure.text} = {mention.text}"))
    quote = index.articles[article_id].text[start:end]
    for passage in _similar_wording(index, article_id, quote):
        add(passage)
    found.disagreements = _disagreements(index, article_id, own)
    found.selection = _selection(index, article_id, start, end)
    return found


def _selection(index: CorpusIndex, article: str, start: int, end: int) -> Selection:
    """The passage asked about, with the whole sentences it starts and ends in."""
    begin, _ = index.sentences.span(article, start)
    _, stop = index.sentences.span(article, max(start, end - 1))
    begin, stop = min(begin, start), max(stop, end)
    return Selection(article, start, end, begin, index.articles[article].text[begin:stop])


def _same_event(index: CorpusIndex, article: str, start: int, end: int) -> list[Passage]:
    """The other sources of merged events reported in the passage."""
    passages = []
    for number in index.timeline.events_in(article, start, end):
        event = index.timeline.events[number]
        for source in event.sources:
            if source.article != article:
                reason = f"the same event ({event.when.label()})"
                passages.append(Passage(source.article, source.start, source.end, source.sentence, reason))
    return passages


def _similar_wording(index: CorpusIndex, article: str, quote: str) -> list[Passage]:
    """The five sentences of other articles worded most like the passage."""
    if len(quote.strip()) < 25:
        return []
    from rapidfuzz import fuzz, process

    places, texts = _corpus_sentences(index)
    matches = process.extract(
        quote, texts, scorer=fuzz.token_set_ratio, score_cutoff=SIMILARITY_CUTOFF, limit=None
    )
    found = []
    for _, score, number in sorted(matches, key=lambda match: (-match[1], match[2])):
        other, begin = places[number]
        sentence = texts[number]
        if other != article and len(sentence) > 20:
            reason = f"similar wording ({score:.0f}%)"
            found.append(Passage(other, begin, begin + len(sentence), sentence, reason))
            if len(found) == 5:
                break
    return found


def _corpus_sentences(index: CorpusIndex) -> tuple[list[tuple[str, int]], list[str]]:
    """Every sentence of the corpus, stripped: where each starts (article, offset) and its text."""
    cached = index.derived.get("sentences")
    if cached is None:
        places: list[tuple[str, int]] = []
        texts: list[str] = []
        for article_id, article in index.articles.items():
            text = article.text
            starts = [*index.sentences.starts(article_id), len(text)]
            for begin, stop in itertools.pairwise(starts):
                sentence = text[begin:stop].strip()
                places.append((article_id, begin))
                texts.append(sentence)
        cached = index.derived["sentences"] = (places, texts)
    return cast("tuple[list[tuple[str, int]], list[str]]", cached)


def _disagreements(index: CorpusIndex, article: str, own: list[Mention]) -> list[tuple[Passage, Passage]]:
    """Figures of the same unit about the same thing with different values.

    The same thing: the sentences share two content words, and both state a measure or both a
    goal ("raising trade to $10 billion" is not a figure for current trade).
    """
    pairs = []
    about: dict[str, tuple[set[str], bool]] = {}  # sentence -> its content words, whether a goal
    for figure in own:
        mine = _passage(index, article, figure, figure.text)
        topic, goal = _about(mine.sentence, about)
        for other, mention in index.xref.figures(figure.unit):
            if other == article or mention.value == figure.value:
                continue
            theirs = _passage(index, other, mention, mention.text)
            words, their_goal = _about(theirs.sentence, about)
            if goal == their_goal and len(topic & words) >= 2:
                pairs.append((mine, theirs))
    return pairs


def _about(sentence: str, cache: dict[str, tuple[set[str], bool]]) -> tuple[set[str], bool]:
    """A sentence's content words and whether it states a goal, worked out once per sentence."""
    found = cache.get(sentence)
    if found is None:
        found = cache[sentence] = (_content_words(sentence), bool(_TARGET.search(sentence)))
    return found


def _passage(index: CorpusIndex, article: str, mention: Mention, reason: str) -> Passage:
    """The sentence holding a mention, as a passage."""
    begin, stop = index.sentences.span(article, mention.start)
    sentence = index.articles[article].text[begin:stop]
    return Passage(article, begin, stop, sentence, reason, mention.text, mention.value, mention.unit)


def _content_words(sentence: str) -> set[str]:
    """The words a sentence is about (lower case, four letters or more, common words left out)."""
    return {word for word in _WORD.findall(sentence.lower()) if word not in _STOP}
