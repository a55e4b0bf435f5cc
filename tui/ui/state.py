"""What the reader screen shares with its features: the corpus, its entities and indexes, the open
article, the chosen entity and the annotation store.

The screen owns one :class:`ReaderState` and changes it; the features are given it when they are
made and read it when the screen tells them something changed. Nothing here imports Textual.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.annotations.store import AnnotationStore
    from tui.core.attributes import Condition
    from tui.core.catalogue import Pending
    from tui.core.corpus import Corpus
    from tui.core.corpus_index import CorpusIndex
    from tui.core.entities import EntityEngine
    from tui.core.models import Article, Mention


@dataclass
class ReaderState:
    """The reader's shared state (the screen changes it; the features read it)."""

    corpus: Corpus
    engine: EntityEngine
    pending: Pending | None = None
    """A corpus shown from its catalogue, read after the first frame (None once read)."""
    mentions: dict[str, list[Mention]] | None = None
    """Every article's mentions, once found (None while the extraction runs)."""
    titles: dict[str, list[Mention]] = field(default_factory=dict)
    """The mentions in each article's title."""
    index: CorpusIndex | None = None
    """The timeline and cross-reference indexes, once built."""
    article: Article | None = None
    """The open article."""
    entity: str | None = None
    """The entity chosen (marked in the text, followed by the panes)."""
    store: AnnotationStore | None = None
    """The annotation store as the Annotations pane guards it, once that pane is mounted."""
    where: list[Condition] = field(default_factory=list)
    """The attribute filter (``outlet=Dawn``...): the list, search, timeline and segments show only
    the articles that pass every condition."""
    passing: set[str] | None = None
    """The ids of the articles that pass :attr:`where` (None: no filter), as the screen last worked out."""
    _titles: tuple[Corpus | None, dict[str, str]] = (None, {})

    def article_titles(self) -> dict[str, str]:
        """Every article's title by id (made once per corpus)."""
        if self._titles[0] is not self.corpus:
            self._titles = (self.corpus, {article.id: article.title for article in self.corpus.articles})
        return self._titles[1]

    def where_label(self) -> str:
        """The attribute filter as written ("outlet=Dawn, kind=news"), or "" with none."""
        return ", ".join(str(condition) for condition in self.where)

    def passes(self, article_id: str) -> bool:
        """Whether an article passes the attribute filter (every article does with none)."""
        return self.passing is None or article_id in self.passing

    def article_dates(self) -> dict[str, date | None]:
        """Every article's publication date by id."""
        return {article.id: article.published for article in self.corpus.articles}

    def article_mentions(self) -> list[Mention]:
        """The open article's mentions ([] while extraction runs)."""
        if self.mentions is None or self.article is None:
            return []
        return self.mentions.get(self.article.id, [])

    def entity_at(self, offset: int) -> str | None:
        """The entity mentioned at an offset of the open article, if any."""
        mentions = self.article_mentions()
        index = bisect_right([m.start for m in mentions], offset) - 1
        if index >= 0 and offset < mentions[index].end:
            return mentions[index].entity_id
        return None

    def entity_name(self, entity_id: str) -> str:
        """An entity's canonical name (its id if the engine does not know it)."""
        entity = self.engine.entity(entity_id)
        return entity.name if entity else entity_id
