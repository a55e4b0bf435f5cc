"""Corpus search results at full width: every matching sentence in full, the query highlighted.

:class:`SearchResultsScreen` is given the articles, the numbers of those holding the query (from
:func:`tui.core.corpus_search.search`) and the query. Each article shows its title, its date, its
source and its number of matches, then each sentence holding a match, wrapped to the width, with
the matches highlighted (found as :func:`~tui.core.corpus_search.matches` finds them: any case,
any spacing). Enter on a sentence opens its first match, on an article the article with the find
bar on the query (the view is dismissed with an :class:`~tui.ui.messages.OpenPassage`).

The first articles' matches are found at once; the rest in a worker, batch by batch, appended to
the list as they come (what is on screen stays where it is), so ten thousand results open at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import work
from textual.worker import get_current_worker

from tui.core.corpus_search import matches, query_pattern
from tui.core.models import Article
from tui.core.safe_text import one_line
from tui.core.sentences import Sentences
from tui.ui.bidi_display import isolated
from tui.ui.labels import counted, date_label
from tui.ui.messages import OpenPassage
from tui.ui.widgets.full_width import FullWidthView, ViewRows

#: A sentence holding a match: its span, and the span of its first match.
Found = tuple[int, int, int, int]
#: How many articles' matches are found before the view first shows, and then per batch.
FIRST, BATCH = 20, 250
HIGHLIGHT = "reverse"


def matching_sentences(article: Article, query: str, sentences: Sentences) -> tuple[int, list[Found]]:
    """How many matches an article holds, and each sentence holding one (with its first match)."""
    spans = matches(article.text, query)
    found: list[Found] = []
    for start, end in spans:
        sentence_start, sentence_end = sentences.span(article.id, start)
        if found and found[-1][0] == sentence_start:
            continue  # another match in the same sentence
        found.append((sentence_start, max(sentence_end, end), start, end))
    return len(spans), found


class SearchResultRows(ViewRows):
    """Per article, its title, date, source and count, then its matching sentences; filled in batches."""

    def __init__(self, articles: Sequence[Article], query: str) -> None:
        """No article yet: see :meth:`add`."""
        self.articles, self.query = articles, query
        self._pattern = query_pattern(query)
        #: (article number, sentence number): sentence -1 is the article's own entry.
        self.entries: list[tuple[int, int]] = []
        self._found: dict[int, tuple[int, list[Found]]] = {}
        self.shown_articles = 0
        self.sentences = 0
        self.matches = 0

    def add(self, batch: list[tuple[int, int, list[Found]]]) -> None:
        """Append articles (number, match count, sentences), in order."""
        for number, count, found in batch:
            self._found[number] = (count, found)
            self.entries.append((number, -1))
            self.entries.extend((number, n) for n in range(len(found)))
            self.shown_articles += 1
            self.sentences += len(found)
            self.matches += count

    def __len__(self) -> int:
        """Articles and sentences so far."""
        return len(self.entries)

    def lines(self, index: int) -> list[Text]:
        """An article's title (after a blank line) over its date, source and count; or a sentence."""
        number, sentence = self.entries[index]
        article = self.articles[number]
        count, found = self._found[number]
        if sentence < 0:
            details = f"  {date_label(article.published)} · {one_line(article.source)} · "
            return [
                Text(),
                Text(one_line(article.title), "bold"),
                Text(details + counted(count, "match", "matches"), "dim"),
            ]
        start, end, _, _ = found[sentence]
        line = Text("    " + one_line(article.text[start:end]))
        if self._pattern is not None:
            for match in self._pattern.finditer(article.text, start, end):
                line.stylize(HIGHLIGHT, match.start() - start + 4, match.end() - start + 4)
        return [line]

    def passage(self, index: int) -> OpenPassage:
        """A sentence opens its first match; an article opens with the find bar on the query."""
        number, sentence = self.entries[index]
        article = self.articles[number]
        if sentence < 0:
            return OpenPassage(article.id, find=self.query)
        _, _, start, end = self._found[number][1][sentence]
        return OpenPassage(article.id, start, end)


class SearchResultsScreen(FullWidthView):
    """The corpus search results at full width, every matching sentence in full."""

    def __init__(
        self,
        articles: Sequence[Article],
        numbers: list[int],
        query: str,
        sentences: Sentences | None = None,
    ) -> None:
        """The articles ``numbers`` (into ``articles``) that hold ``query``; ``sentences``: the corpus
        index's sentence starts, if built (else they are found for the articles shown)."""
        self.results = SearchResultRows(articles, query)
        self.numbers = numbers
        self._sentences = sentences or Sentences([articles[n] for n in numbers])
        self.results.add(self._batch(numbers[:FIRST]))
        self.counting = len(numbers) > FIRST
        super().__init__(self.results)

    def _batch(self, numbers: Sequence[int]) -> list[tuple[int, int, list[Found]]]:
        """The matches of some articles."""
        articles, query, sentences = self.results.articles, self.results.query, self._sentences
        return [(n, *matching_sentences(articles[n], query, sentences)) for n in numbers]

    def title_line(self) -> Text:
        """The query, how many articles hold it, how many matches in how many sentences."""
        rows = self.results
        articles = len(self.numbers)
        found = f"{counted(rows.matches, 'match', 'matches')} in {counted(rows.sentences, 'sentence')}"
        if self.counting:
            found += f" of the first {rows.shown_articles:,} (counting…)"
        return Text.assemble(
            "Search · “",
            isolated(one_line(rows.query)),  # read in its own direction, the line in its own
            "” · ",
            (f"{counted(articles, 'article')}, {found}", "dim"),
            style="bold",
        )

    def on_mount(self) -> None:
        """Find the other articles' matches in the background."""
        if self.counting:
            self._count_the_rest()

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="search-results",
        description="counting matches",
    )
    def _count_the_rest(self) -> None:
        """Find the remaining articles' matches, batch by batch, and add each to the list."""
        worker = get_current_worker()
        rest = self.numbers[FIRST:]
        for start in range(0, len(rest), BATCH):
            if worker.is_cancelled:
                return
            batch = self._batch(rest[start : start + BATCH])
            self.app.call_from_thread(self._add, batch, start + BATCH >= len(rest))

    def _add(self, batch: list[tuple[int, int, list[Found]]], last: bool) -> None:
        """Append a batch to the list (if the view is still open)."""
        if not self.is_attached:
            return
        self.results.add(batch)
        self.counting = not last
        self.listing.rows_grew()
        self.update_title()
