"""Passages in other articles that report the same thing as a selected passage.

Three kinds of evidence, strongest first: the same event (a merged timeline event one of whose
sources overlaps the passage); the same normalised figure ("$10 billion" = "ten billion
dollars"); very similar wording (RapidFuzz token-set similarity of sentences). Figures of the
same unit whose sentences talk about the same thing (shared content words) but give different
values are listed side by side as disagreements ("trade … $3.1 billion" against another figure).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from tui.core import textnav
from tui.core.models import Article, EntityType, Mention
from tui.core.timeline.build import Timeline
from tui.core.xref import sentence_of

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

    def as_json(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"article": self.article, "start": self.start, "end": self.end, "sentence": self.sentence,
                "reason": self.reason, "figure": self.figure}  # fmt: skip


@dataclass
class SameThing:
    """What the corpus says elsewhere about a passage."""

    same: list[Passage] = field(default_factory=list)
    disagreements: list[tuple[Passage, Passage]] = field(default_factory=list)


def same_thing(
    article: Article, start: int, end: int, articles: list[Article], mentions: dict[str, list[Mention]],
    timeline: Timeline | None = None,
) -> SameThing:  # fmt: skip
    """Passages in other articles reporting what ``article.text[start:end]`` reports."""
    found = SameThing()
    seen: set[tuple[str, int]] = set()

    def add(passage: Passage) -> None:
        """Keep the first reason for each sentence."""
        if (passage.article, passage.start) not in seen:
            seen.add((passage.article, passage.start))
            found.same.append(passage)

    for passage in _same_event(article.id, start, end, timeline):
        add(passage)
    own = [m for m in mentions.get(article.id, []) if m.type in _FIGURES and start <= m.start < end]
    others = [a for a in articles if a.id != article.id]
    for figure in own:
        for other in others:
            for mention in mentions.get(other.id, []):
                if mention.type in _FIGURES and (mention.value, mention.unit) == (figure.value, figure.unit):
                    add(_passage(other, mention, f"the same figure: {figure.text} = {mention.text}"))
    for passage in _similar_wording(article.text[start:end], others):
        add(passage)
    found.disagreements = _disagreements(article, own, others, mentions)
    return found


def _same_event(article: str, start: int, end: int, timeline: Timeline | None) -> list[Passage]:
    """The other sources of merged events reported in the passage."""
    if timeline is None:
        return []
    passages = []
    for event in timeline.events:
        if any(s.article == article and s.start < end and start < s.end for s in event.sources):
            for source in event.sources:
                if source.article != article:
                    reason = f"the same event ({event.when.label()})"
                    passages.append(
                        Passage(source.article, source.start, source.end, source.sentence, reason)
                    )
    return passages


def _similar_wording(quote: str, others: list[Article]) -> list[Passage]:
    """Sentences of other articles worded much like the passage."""
    if len(quote.strip()) < 25:
        return []
    from rapidfuzz import fuzz

    found = []
    for other in others:
        starts = [*textnav.sentence_starts(other.text), len(other.text)]
        for begin, stop in itertools.pairwise(starts):
            sentence = other.text[begin:stop].strip()
            score = fuzz.token_set_ratio(quote, sentence, score_cutoff=SIMILARITY_CUTOFF)
            if score and len(sentence) > 20:
                found.append((score, Passage(other.id, begin, begin + len(sentence), sentence,
                                             f"similar wording ({score:.0f}%)")))  # fmt: skip
    return [passage for _, passage in sorted(found, key=lambda item: -item[0])[:5]]


def _disagreements(
    article: Article, own: list[Mention], others: list[Article], mentions: dict[str, list[Mention]]
) -> list[tuple[Passage, Passage]]:
    """Figures of the same unit about the same thing with different values.

    The same thing: the sentences share two content words, and both state a measure or both a
    goal ("raising trade to $10 billion" is not a figure for current trade).
    """
    pairs = []
    for figure in own:
        mine = _passage(article, figure, figure.text)
        topic = _content_words(mine.sentence)
        for other in others:
            for mention in mentions.get(other.id, []):
                if (
                    mention.type not in _FIGURES
                    or mention.unit != figure.unit
                    or mention.value == figure.value
                ):
                    continue
                theirs = _passage(other, mention, mention.text)
                same_kind = bool(_TARGET.search(mine.sentence)) == bool(_TARGET.search(theirs.sentence))
                if same_kind and len(topic & _content_words(theirs.sentence)) >= 2:
                    pairs.append((mine, theirs))
    return pairs


def _passage(article: Article, mention: Mention, reason: str) -> Passage:
    """The sentence holding a mention, as a passage."""
    begin, stop = sentence_of(article.text, mention.start)
    return Passage(article.id, begin, stop, article.text[begin:stop], reason, mention.text)


def _content_words(sentence: str) -> set[str]:
    """The words a sentence is about (lower case, four letters or more, common words left out)."""
    return {word for word in _WORD.findall(sentence.lower()) if word not in _STOP}
