"""Where the sentences of each article start, found once per article and kept.

The timeline, the cross-references and the "same thing elsewhere" search all ask which
sentence holds an offset; on a large corpus finding the starts again each time would cost
more than everything else they do.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence

from tui.core import textnav
from tui.core.models import Article


class Sentences:
    """The sentence starts of a corpus's articles, found on first use."""

    def __init__(self, articles: list[Article]) -> None:
        """Know the articles; nothing is scanned yet."""
        self._texts = {article.id: article.text for article in articles}
        self._starts: dict[str, Sequence[int]] = {}

    def starts(self, article_id: str) -> Sequence[int]:
        """Where each sentence of an article starts (``[0]`` for an empty one), as machine integers."""
        found = self._starts.get(article_id)
        if found is None:
            starts = textnav.sentence_starts(self._texts.get(article_id, "")) or [0]
            found = self._starts[article_id] = array("l", starts)
        return found

    def index(self, article_id: str, offset: int) -> int:
        """The number of the sentence holding ``offset``."""
        return max(0, bisect_right(self.starts(article_id), offset) - 1)

    def span(self, article_id: str, offset: int) -> tuple[int, int]:
        """The span of the sentence holding ``offset``, without trailing space."""
        starts = self.starts(article_id)
        text = self._texts.get(article_id, "")
        index = max(0, bisect_right(starts, offset) - 1)
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        return start, start + len(text[start:end].rstrip())

    def text(self, article_id: str, offset: int) -> str:
        """The sentence holding ``offset``."""
        start, end = self.span(article_id, offset)
        return self._texts.get(article_id, "")[start:end]
