"""The indexes of one corpus state: sentences, the timeline and the cross-references, built together.

Built once from the articles and their mentions (in a worker, in the app) and kept until the
corpus changes, so that opening the Timeline and Xref panes, following an entity or asking
what other articles say about a passage never rescans the corpus.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

from tui.core.models import Article, Mention
from tui.core.sentences import Sentences
from tui.core.timeline.build import Timeline, build_timeline
from tui.core.timeline.event_cache import EventCache
from tui.core.xref import XrefIndex


@dataclass
class CorpusIndex:
    """Everything the timeline and cross-reference views ask, for one corpus state."""

    articles: dict[str, Article]
    mentions: dict[str, list[Mention]]
    sentences: Sentences
    timeline: Timeline
    xref: XrefIndex
    #: Tables derived on first use by the questions asked of the index (see :mod:`.same_thing`).
    derived: dict[str, object] = field(default_factory=dict)

    @classmethod
    def build(
        cls, articles: list[Article], mentions: dict[str, list[Mention]], events: EventCache | None = None
    ) -> CorpusIndex:
        """Index a corpus given every article's mentions (and a cache of each article's events).

        The cyclic garbage collector is paused meanwhile: the index is hundreds of thousands of
        new objects and none is garbage, while the collector's passes over them and over the
        mentions would cost a third of the time on a large corpus.
        """
        paused = gc.isenabled()
        gc.disable()
        try:
            sentences = Sentences(articles)
            timeline = build_timeline(articles, mentions, sentences, events)
            xref = XrefIndex(articles, mentions, sentences)
        finally:
            if paused:
                gc.enable()
        return cls({a.id: a for a in articles}, mentions, sentences, timeline, xref)
