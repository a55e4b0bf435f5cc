"""The reader with the Search pane: find a text in every article, open one at its matches.

Ctrl+F shows the pane with its field focused. Each change of the query searches in a worker
(a newer query cancels an older one); once the corpus indexes are built, a word index is built
in the background too, and searches then read only the articles holding the query's words.
Choosing an article opens it with the find bar on the query and the first match in view.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.binding import Binding
from textual.worker import get_current_worker

from tui.ui.messages import IndexReady, SearchChanged, SearchChosen, SearchDone, WordsIndexed
from tui.ui.screens.adding_screen import AddingScreen

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.widgets import TabbedContent

    from tui.core.corpus_search import WordIndex
    from tui.core.models import Article
    from tui.ui.search.search_pane import SearchPane


#: How long typing must pause before the query is searched for.
TYPING_PAUSE = 0.12


class SearchingScreen(AddingScreen):
    """Read, annotate, follow, add, and search the whole corpus."""

    BINDINGS = [Binding("ctrl+f", "focus('#search-input')", "Search all", tooltip="Search every article")]

    words: WordIndex | None = None
    search_query = ""
    _pending: Timer | None = None

    async def mount_more_panes(self, side: TabbedContent) -> None:
        """The Search pane after the others."""
        from textual.widgets import TabPane

        from tui.ui.search.search_pane import SearchPane

        await super().mount_more_panes(side)
        await side.add_pane(TabPane("Search", SearchPane(id="search-pane"), id="search-tab"))

    @on(IndexReady)
    def _index_words(self, message: IndexReady) -> None:
        """The corpus changed: index its words in the background."""
        self.words = None
        self.words_worker(list(self.corpus.articles))

    @work(thread=True, exit_on_error=False, exclusive=True, group="words", description="indexing words")
    def words_worker(self, articles: list[Article]) -> None:
        """Build the word index (a thread: it reads every article)."""
        from tui.core.corpus_search import WordIndex

        index = WordIndex(articles)
        if not get_current_worker().is_cancelled:
            self.post_message(WordsIndexed(index))

    @on(WordsIndexed)
    def _words_indexed(self, message: WordsIndexed) -> None:
        """Searches read only the articles holding the query's words from now on."""
        self.words = message.index

    @on(SearchChanged)
    def _search_changed(self, message: SearchChanged) -> None:
        """Search for the new query once typing pauses (a word typed is one search, not one per letter)."""
        self.search_query = message.query
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(TYPING_PAUSE, self._start_search)

    def _start_search(self) -> None:
        """Search for the latest query."""
        self._pending = None
        self.search_worker(self.search_query, list(self.corpus.articles), self.words)

    @work(thread=True, exit_on_error=False, exclusive=True, group="search", description="searching")
    def search_worker(self, query: str, articles: list[Article], words: WordIndex | None) -> None:
        """Find the articles holding the query (a thread: without the word index it reads them all)."""
        from tui.core.corpus_search import search

        started = time.perf_counter()
        worker = get_current_worker()
        numbers = search(articles, query, words, lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(SearchDone(query, numbers, time.perf_counter() - started))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        """Show the results of the latest query."""
        from tui.ui.search.search_pane import SearchRows

        if message.query != self.search_query:
            return
        panes = self.query("#search-pane")
        if panes:
            rows = SearchRows(list(self.corpus.articles), message.numbers, message.query)
            cast("SearchPane", panes.first()).show(rows, len(self.corpus.articles), message.seconds)

    @on(SearchChosen)
    async def _search_chosen(self, message: SearchChosen) -> None:
        """Open the article with the find bar on the query, at its first match."""
        from tui.ui.reader.find_bar import FindInput

        self.select_article(message.article)
        await self.action_find()
        field = self.query_one(FindInput)
        with field.prevent(type(field).Changed):
            field.value = message.query
        self.run_find(message.query)
        span = self.stepper.current
        if span is not None:
            from tui.ui.reader.article_view import ArticleView

            self.query_one(ArticleView).scroll_to_offset(span[0])
