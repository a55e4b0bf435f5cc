"""The article list: title, date and entity count per article; broken files marked."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.models import Article, LoadProblem
from tui.core.safe_text import one_line
from tui.ui.messages import ArticleChosen

PROBLEM_PREFIX = "problem:"


class ArticleList(OptionList):
    """Lists the corpus; moving the highlight opens the article, Enter moves into it."""

    DEFAULT_CSS = """
    ArticleList {
        & > .option-list--option { padding: 0 1; }
    }
    """

    BINDINGS = [
        Binding("down,j", "cursor_down", "Next article", show=False),
        Binding("up,k", "cursor_up", "Previous article", show=False),
        Binding("home,g", "first", "First article", show=False),
        Binding("end,G", "last", "Last article", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._articles: list[Article] = []
        self._counts: dict[str, int] = {}

    def populate(self, articles: list[Article], problems: list[LoadProblem]) -> None:
        """Fill the list with the articles, then one disabled entry per file that failed to load."""
        self._articles = list(articles)
        self.clear_options()
        self.add_options([Option(self._prompt(a), id=a.id) for a in articles])
        self.add_options(
            [Option(self._problem_prompt(p), id=f"{PROBLEM_PREFIX}{p.path}", disabled=True) for p in problems]
        )
        if articles:
            self.highlighted = 0

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show the number of entities found in each article."""
        self._counts = dict(counts)
        for article in self._articles:
            self.replace_option_prompt(article.id, self._prompt(article))

    def _prompt(self, article: Article) -> Text:
        """Two lines: the title, then date, words and entity count."""
        prompt = Text(one_line(article.title), style="bold")
        count = self._counts.get(article.id)
        entities = "… entities" if count is None else f"{count} entities"
        prompt.append(f"\n{article.published_label} · {article.word_count:,} words · {entities}", style="dim")
        return prompt

    @staticmethod
    def _problem_prompt(problem: LoadProblem) -> Text:
        """A marked entry for a file that could not be loaded."""
        name = problem.path.rsplit("/", 1)[-1]
        prompt = Text(f"⚠ {one_line(name)}", style="bold red")
        prompt.append(f"\n{one_line(problem.message)}", style="red")
        return prompt

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Open the highlighted article."""
        event.stop()
        if event.option.id and not event.option.id.startswith(PROBLEM_PREFIX):
            self.post_message(ArticleChosen(event.option.id))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an article opens it and moves into the text."""
        event.stop()
        if event.option.id and not event.option.id.startswith(PROBLEM_PREFIX):
            self.post_message(ArticleChosen(event.option.id, focus_reader=True))

    def select_article(self, article_id: str) -> None:
        """Highlight an article by id (from the command palette)."""
        self.highlighted = self.get_option_index(article_id)
