"""The open article's title, standfirst and metadata, above the text."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.core.models import Article, Mention
from tui.core.safe_text import one_line
from tui.ui.theme import entity_components, entity_rules

MAX_STANDFIRST_LINES = 3


class ArticleHeader(Widget):
    """Title in bold and standfirst in italics (wrapped), then metadata lines cut with an ellipsis."""

    COMPONENT_CLASSES = entity_components("article-header")

    DEFAULT_CSS = """
    ArticleHeader {
        height: auto;
        padding: 0 2;
        background: $boost;
        border-bottom: solid $primary 40%;
        color: $foreground;
        ENTITY_RULES
    }
    """.replace("ENTITY_RULES", entity_rules("article-header"))

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.title_mentions: list[Mention] = []
        self.hint: str | None = None

    def show_article(
        self, article: Article | None, title_mentions: list[Mention] | None = None, hint: str | None = None
    ) -> None:
        """Show an article's header (its title's entities coloured), or a hint when there is none."""
        self.article = article
        self.title_mentions = list(title_mentions or [])
        self.hint = hint
        self.refresh(layout=True)

    def render(self) -> Text:
        """The header for the current width (metadata lines never wrap)."""
        article = self.article
        if article is None:
            return Text(self.hint or "No article open. Choose one in the list on the left.", style="dim")
        width = max(self.content_size.width, 10)
        header = Text(one_line(article.title), style="bold")
        for mention in self.title_mentions:
            style = self.get_component_rich_style(f"article-header--{mention.type.value}", partial=True)
            header.stylize(style, mention.start, mention.end)
        if article.standfirst:
            standfirst = Text(one_line(article.standfirst), style="italic")
            lines = standfirst.wrap(self.app.console, width)[:MAX_STANDFIRST_LINES]
            header.append("\n")
            header.append(Text("\n").join(lines))
        fields = [article.published_label, article.dateline, f"source {article.source}"]
        meta = one_line(" · ".join(fields) + f" · {article.word_count:,} words")
        basis = one_line(f"Date from {article.date_basis}")
        for line, look in ((meta, "dim"), (basis, "dim italic")):
            part = Text(line, style=look)
            part.truncate(width, overflow="ellipsis")
            header.append("\n")
            header.append(part)
        return header
