"""The Search pane: a query field over the articles holding it, each with its matches counted.

Typing posts :class:`SearchChanged` (the screen searches in a worker and calls :meth:`show`);
Enter on an article posts :class:`SearchChosen`. An article's matches are counted, and its
first shown in context, only when its entry is drawn, so ten thousand results list at once.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label

from tui.core.corpus_search import context, matches
from tui.core.models import Article
from tui.core.safe_text import one_line
from tui.ui.messages import SearchChanged, SearchChosen
from tui.ui.widgets.line_list import LineList, Rows


class SearchRows(Rows):
    """The articles holding the query: title and number of matches, then the first in context."""

    def __init__(self, articles: list[Article], numbers: list[int], query: str) -> None:
        """The articles (``numbers`` into ``articles``) for ``query``."""
        self.articles, self.numbers, self.query = articles, numbers, query

    def __len__(self) -> int:
        """The number of articles found."""
        return len(self.numbers)

    def heights(self) -> list[int]:
        """Two lines each."""
        return [2] * len(self.numbers)

    def lines(self, index: int) -> list[Text]:
        """An article's title and count, and its first match in context."""
        article = self.articles[self.numbers[index]]
        spans = matches(article.text, self.query)
        first = Text()
        first.append(one_line(article.title), "bold")
        first.append(f" · {len(spans)} match{'es' if len(spans) != 1 else ''}", "dim")
        second = Text(
            "  " + one_line(context(article.text, *spans[0], around=60, before_chars=16)) if spans else "",
            "italic",
        )
        return [first, second]

    def article(self, index: int) -> str:
        """The id of an entry's article."""
        return self.articles[self.numbers[index]].id


class SearchList(LineList):
    """The articles found."""


class SearchPane(Vertical):
    """The query, what was found, and the list."""

    DEFAULT_CSS = """
    SearchPane {
        & > Input { margin: 0 0 0 0; }
        & > Label { color: $text-muted; padding: 0 1; }
        & > SearchList { height: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        """Field, status line, list."""
        yield Input(placeholder="Search every article (any case)", id="search-input")
        yield Label("Type to search the whole corpus; Enter on an article opens it at the matches",
                    id="search-status")  # fmt: skip
        yield SearchList(id="search-list")

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        """Ask for a search."""
        event.stop()
        self.post_message(SearchChanged(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in the field moves to the results."""
        event.stop()
        self.query_one(SearchList).focus()

    def show(self, rows: SearchRows, total: int, seconds: float) -> None:
        """Show what a search found."""
        query = one_line(rows.query)
        status = f"{len(rows):,} of {total:,} articles hold “{query}” ({seconds * 1000:.0f} ms)"
        self.query_one("#search-status", Label).update(Content(status if rows.query.strip() else ""))
        self.query_one(SearchList).show(rows)

    @on(LineList.Selected, "#search-list")
    def _chosen(self, message: LineList.Selected) -> None:
        """Open an article at its matches."""
        message.stop()
        rows = message.line_list.rows
        if isinstance(rows, SearchRows):
            self.post_message(SearchChosen(rows.article(message.index), rows.query))
