"""Every article's mentions, in its body and in its title, found together (and cached when asked).

Titles are extracted with the bodies so that a name discovered in a body ("Interior Minister
Mohsin Naqvi") is found in a title too; the app and the command line extract the same texts,
so they share one cache.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.core.models import Article, Mention

if TYPE_CHECKING:
    from tui.core.entities import EntityEngine
    from tui.core.entities.cache import MentionCache

#: Where a title's text sits among the texts extracted (no article id starts with a NUL).
TITLE_KEY = "\x00title:"


def corpus_mentions(
    articles: list[Article],
    engine: EntityEngine,
    cache: MentionCache | None = None,
    progress: Callable[[float], None] | None = None,
) -> tuple[dict[str, list[Mention]], dict[str, list[Mention]]]:
    """Every article's mentions in its body, and in its title (``progress`` told how far it has come)."""
    texts = {article.id: article.text for article in articles}
    texts |= {TITLE_KEY + article.id: article.title for article in articles}
    found = engine.extract_corpus(texts, cache, progress)
    bodies = {article.id: found[article.id] for article in articles}
    titles = {article.id: found[TITLE_KEY + article.id] for article in articles}
    return bodies, titles
