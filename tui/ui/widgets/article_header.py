"""The open article's title, standfirst and metadata, above the text."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.core.models import Article
from tui.core.safe_text import one_line


class ArticleHeader(Static):
    """Title in bold, standfirst in italics, then date, dateline, source and how the date is known."""

    DEFAULT_CSS = """
    ArticleHeader {
        padding: 0 2;
        background: $boost;
        border-bottom: solid $primary 40%;
        max-height: 8;
    }
    """

    def show_article(self, article: Article | None) -> None:
        """Show an article's header, or a hint when there is none."""
        self.update(self.render_header(article))

    @staticmethod
    def render_header(article: Article | None) -> Text:
        """The header as styled text (never parsed as markup)."""
        if article is None:
            return Text("No article open. Choose one in the list on the left.", style="dim")
        header = Text(one_line(article.title), style="bold")
        if article.standfirst:
            header.append("\n" + one_line(article.standfirst), style="italic")
        meta = [
            f"Published {article.published_label}",
            f"Dateline {article.dateline}",
            f"Source {article.source}",
            f"{article.word_count:,} words",
        ]
        header.append("\n" + one_line(" · ".join(meta)), style="dim")
        header.append("\n" + one_line(f"Date from: {article.date_basis}"), style="dim italic")
        return header
