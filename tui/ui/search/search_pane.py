"""The Search pane: a query field over the articles holding it, each with its matches counted.

Each change of the query is searched for in a worker once typing pauses (a newer query cancels an
older one); once the corpus indexes are built, a word index is built in the background too, and
searches then read only the articles holding the query's words. Enter on an article opens it with
the find bar on the query (:class:`OpenPassage`). An article's matches are counted, and its first
shown in context, only when its entry is drawn, so ten thousand results list at once. With "Memos
too" ticked, the memos holding the query are listed first; Enter opens one in the memo editor.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label
from textual.worker import Worker, get_current_worker

from tui.core.corpus_search import context, matches
from tui.core.models import Article
from tui.core.safe_text import one_line
from tui.ui.bidi_display import isolated, plain_paragraph
from tui.ui.labels import counted
from tui.ui.messages import OpenPassage, Report, report_failed_work
from tui.ui.state import ReaderState
from tui.ui.widgets.line_list import LineList, Rows
from tui.ui.widgets.toggles import Tick

if TYPE_CHECKING:
    from pathlib import Path

    from textual.screen import Screen
    from textual.timer import Timer

    from tui.core.corpus_search import WordIndex
    from tui.ui.memos.memo_actions import MemoHost

#: How long typing must pause before the query is searched for.
TYPING_PAUSE = 0.12


@dataclass(frozen=True, slots=True)
class MemoHit:
    """A memo holding the query: what it is about, the line of its first match, how many matches."""

    kind: str
    target: str
    about: str
    line: str
    count: int


class SearchRows(Rows):
    """The memos holding the query (if asked), then the articles: title and number of matches, then
    the first in context."""

    def __init__(
        self, articles: list[Article], numbers: list[int], query: str, memos: Sequence[MemoHit] = ()
    ) -> None:
        """The articles (``numbers`` into ``articles``) for ``query``, after the ``memos`` holding it."""
        self.articles, self.numbers, self.query = articles, numbers, query
        self.memos = list(memos)

    def __len__(self) -> int:
        """The number of memos and articles found."""
        return len(self.memos) + len(self.numbers)

    def heights(self) -> list[int]:
        """Two lines each."""
        return [2] * len(self)

    def memo(self, index: int) -> MemoHit | None:
        """The memo at an entry (None: an article's entry)."""
        return self.memos[index] if index < len(self.memos) else None

    def lines(self, index: int) -> list[Text]:
        """A memo's subject and count, or an article's title and count; then the first match in context."""
        hit = self.memo(index)
        if hit is not None:
            first = Text.assemble(("✎ memo on ", "bold"), (one_line(hit.about), "bold"))
            first.append(f" · {counted(hit.count, 'match', 'matches')}", "dim")
            return [first, Text("  " + one_line(hit.line), "italic")]
        article = self.articles[self.numbers[index - len(self.memos)]]
        spans = matches(article.text, self.query)
        first = Text()
        first.append(one_line(article.title), "bold")
        first.append(f" · {counted(len(spans), 'match', 'matches')}", "dim")
        second = Text(
            "  " + one_line(context(article.text, *spans[0], around=60, before_chars=16)) if spans else "",
            "italic",
        )
        return [first, second]

    def article(self, index: int) -> str:
        """The id of an entry's article."""
        return self.articles[self.numbers[index - len(self.memos)]].id


class SearchList(LineList):
    """The articles found."""

    BINDINGS = [Binding("enter", "choose", "Open", tooltip="Open the article with the find bar on the query")]


class SearchInput(Input):
    """The query field; ↓ goes down into the results, as Enter does."""

    BINDINGS = [Binding("down", "to_results", "Results", show=False, tooltip="Go to the articles found")]

    def action_to_results(self) -> None:
        """Move into the list of articles found."""
        self.post_message(Input.Submitted(self, self.value))


class SearchPane(Vertical):
    """The query, what was found, and the list."""

    ALLOW_MAXIMIZE = True  # Ctrl+P Maximize fills the screen with the whole pane, not one list

    DEFAULT_CSS = """
    SearchPane {
        & > Input { margin: 0 0 0 0; }
        & > Label { color: $text-muted; padding: 0 1; }
        & > SearchList { height: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        """Field, status line, list."""
        yield SearchInput(placeholder="Search every article (any case)", id="search-input")
        yield Tick("Memos too", id="search-memos", compact=True, tooltip="Search the memos as well")
        yield Label("Type to search the whole corpus; Enter on an article opens it at the matches",
                    id="search-status")  # fmt: skip
        yield SearchList(id="search-list")

    class Done(Report):
        """A search finished (in the background): the articles' numbers, and how long it took."""

        query: str
        articles: list[Article]
        numbers: list[int]
        seconds: float

    class WordsIndexed(Report):
        """The corpus's word index was built (in the background)."""

        index: WordIndex

    def __init__(self, state: ReaderState, *, id: str | None = None) -> None:
        """A pane over the reader's shared state."""
        super().__init__(id=id)
        self.state = state
        self.words: WordIndex | None = None
        self.query_text = ""
        # The query shown, the articles it was searched in, and the numbers of those holding it.
        self.found: tuple[str, list[Article], list[int]] = ("", [], [])
        self._pending: Timer | None = None

    def corpus_replaced(self) -> None:
        """Articles were added: the word index no longer fits them; the query is searched again."""
        self.words = None
        self.workers.cancel_group(self, "words")
        if self.query_text.strip():
            self._start_search()

    def filter_changed(self) -> None:
        """The attribute filter changed: the query is searched again among the articles that pass."""
        if self.query_text.strip():
            self._start_search()

    def corpus_indexed(self, cache_folder: Path | None = None) -> None:
        """The corpus changed and is indexed: index its words in the background (read from the
        cache folder's copy if it was kept for exactly these articles, else built and kept there)."""
        self.words = None
        self.words_worker(list(self.state.corpus.articles), cache_folder)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """A worker of this widget failed: the screen reports it."""
        report_failed_work(event)

    @work(thread=True, exit_on_error=False, exclusive=True, group="words", description="indexing words")
    def words_worker(self, articles: list[Article], cache_folder: Path | None = None) -> None:
        """Read or build the word index (a thread: building it reads every article)."""
        from tui.core.word_cache import cached_word_index

        index, _ = cached_word_index(cache_folder, articles)
        if not get_current_worker().is_cancelled:
            self.post_message(self.WordsIndexed(index))

    @on(WordsIndexed)
    def _words_indexed(self, message: WordsIndexed) -> None:
        """Searches read only the articles holding the query's words from now on."""
        message.stop()
        self.words = message.index

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        """Search for the new query once typing pauses (a word typed is one search, not one per letter)."""
        event.stop()
        self.query_text = event.value
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(TYPING_PAUSE, self._start_search)

    def _start_search(self) -> None:
        """Search for the latest query."""
        self._pending = None
        self.search_worker(self.query_text, list(self.state.corpus.articles), self.words, self.state.passing)

    @work(thread=True, exit_on_error=False, exclusive=True, group="search", description="searching")
    def search_worker(
        self, query: str, articles: list[Article], words: WordIndex | None, passing: set[str] | None = None
    ) -> None:
        """Find the articles holding the query (a thread: without the word index it reads them all);
        with ``passing``, only those of these ids (the attribute filter)."""
        from tui.core.corpus_search import search

        started = time.perf_counter()
        worker = get_current_worker()
        numbers = search(articles, query, words, lambda: worker.is_cancelled)
        if passing is not None:
            numbers = [number for number in numbers if articles[number].id in passing]
        if not worker.is_cancelled:
            self.post_message(self.Done(query, articles, numbers, time.perf_counter() - started))

    @on(Done)
    def _search_done(self, message: Done) -> None:
        """Show the results of the latest query (in the articles it was searched in)."""
        message.stop()
        if message.query == self.query_text:
            self.found = (message.query, message.articles, message.numbers)
            rows = SearchRows(
                message.articles, message.numbers, message.query, self._memo_hits(message.query)
            )
            passing = self.state.passing
            self.show(rows, len(message.articles) if passing is None else len(passing), message.seconds)

    def _memo_hits(self, query: str) -> list[MemoHit]:
        """The memos holding the query, if "Memos too" is ticked (there are few: read here); an
        article's only if the article passes the attribute filter."""
        from tui.core.corpus_search import text_hits

        store, passing = self.state.store, self.state.passing
        if store is None or not self.query_one("#search-memos", Checkbox).value:
            return []
        memos = [m for m in store.memos() if passing is None or m.kind != "article" or m.target in passing]
        return [
            MemoHit(
                memos[hit.number].kind, memos[hit.number].target, memos[hit.number].label, hit.line, hit.count
            )
            for hit in text_hits([memo.text for memo in memos], query)
        ]

    @on(Checkbox.Changed, "#search-memos")
    def _memos_toggled(self, event: Checkbox.Changed) -> None:
        """Search again, with or without the memos."""
        event.stop()
        if self.query_text.strip():
            self._start_search()

    def full_view(self) -> Screen[OpenPassage | None] | None:
        """The articles found at full width, every matching sentence in full."""
        from tui.ui.search.results_screen import SearchResultsScreen

        query, articles, numbers = self.found
        if not query.strip():
            self.notify("Search first: type in the Search pane (Ctrl+F)")
            return None
        index = self.state.index
        sentences = index.sentences if index is not None else None
        return SearchResultsScreen(articles, numbers, query, sentences)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in the field moves to the results."""
        event.stop()
        self.query_one(SearchList).focus()

    def show(self, rows: SearchRows, total: int, seconds: float) -> None:
        """Show what a search found."""
        query = isolated(one_line(rows.query))  # read in its own direction, the line in its own
        status = f"{len(rows.numbers):,} of {total:,} articles hold “{query}” ({seconds * 1000:.0f} ms)"
        if self.state.where:  # of the articles that pass the attribute filter
            status = status.replace(" articles ", f" articles ({one_line(self.state.where_label())}) ", 1)
        if rows.memos:
            status += f" · {counted(len(rows.memos), 'memo')}"
        self.query_one("#search-status", Label).update(
            plain_paragraph(status if rows.query.strip() else "", self.app)
        )
        self.query_one(SearchList).show(rows)

    @on(LineList.Selected, "#search-list")
    def _chosen(self, message: LineList.Selected) -> None:
        """Open an article with the find bar on the query, or a memo in the editor."""
        message.stop()
        rows = message.line_list.rows
        hit = rows.memo(message.index) if isinstance(rows, SearchRows) else None
        if hit is not None:
            from tui.ui.memos.memo_actions import edit_memo

            # the Annotations pane holds the store and the undo history a memo's save goes to
            host = cast("MemoHost", self.screen.query_one("#annotation-pane"))
            edit_memo(host, hit.kind, hit.target, after=self._start_search)
        elif isinstance(rows, SearchRows):
            self.post_message(OpenPassage(rows.article(message.index), find=rows.query))
