"""The open article's title, standfirst and metadata, above the text."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.core.models import Article
from tui.core.safe_text import one_line


class ArticleHeader(Vertical):
    """Title in bold, standfirst in italics, then one line of metadata and how the date is known."""

    DEFAULT_CSS = """
    ArticleHeader {
        height: auto;
        padding: 0 2;
        background: $boost;
        border-bottom: solid $primary 40%;
        & > Static { height: auto; }
        & > #title { text-style: bold; }
        & > #standfirst { text-style: italic; max-height: 3; }
        & > .meta { color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    }
    """

    def compose(self) -> ComposeResult:
        """A Static per part, so long metadata is cut with an ellipsis instead of pushing lines out."""
        yield Static(id="title")
        yield Static(id="standfirst")
        yield Static(id="meta", classes="meta")
        yield Static(id="basis", classes="meta")

    def show_article(self, article: Article | None) -> None:
        """Show an article's header, or a hint when there is none."""
        title, standfirst, meta, basis = self.query(Static)
        if article is None:
            title.update(Text("No article open. Choose one in the list on the left."))
            for part in (standfirst, meta, basis):
                part.update(Text(""))
            return
        title.update(Text(one_line(article.title)))
        standfirst.update(Text(one_line(article.standfirst)))
        standfirst.display = bool(article.standfirst)
        fields = [article.published_label, article.dateline, f"source {article.source}"]
        meta.update(Text(one_line(" · ".join(fields) + f" · {article.word_count:,} words")))
        basis.update(Text(one_line(f"Date from {article.date_basis}")))
