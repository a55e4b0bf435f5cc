"""The open article's title, standfirst and metadata, above the text."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.core.models import Article, Mention
from tui.core.safe_text import one_line
from tui.ui.theme import entity_styles

MAX_STANDFIRST_LINES = 3


class ArticleHeader(Widget):
    """Title in bold and standfirst in italics (wrapped), then metadata lines cut with an ellipsis."""

    DEFAULT_CSS = """
    ArticleHeader {
        height: auto;
        padding: 0 2;
        background: $boost;
        border-bottom: solid $primary 40%;
        color: $foreground;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.title_mentions: list[Mention] = []
        self.hint: str | None = None
        self._drawn: tuple[int, Text] | None = None  # (width, header): measuring and drawing reuse it

    def show_article(
        self, article: Article | None, title_mentions: list[Mention] | None = None, hint: str | None = None
    ) -> None:
        """Show an article's header (its title's entities coloured), or a hint when there is none."""
        self.article = article
        self.title_mentions = list(title_mentions or [])
        self.hint = hint
        self._drawn = None
        self.refresh(layout=True)

    def notify_style_update(self) -> None:
        """The styles changed (another theme): make the header again in the new colours."""
        super().notify_style_update()
        self._drawn = None

    def render(self) -> Text:
        """The header for the current width (made once per width: its height is measured with it)."""
        width = max(self.content_size.width, 10)
        if self._drawn is None or self._drawn[0] != width:
            self._drawn = (width, self._header(width))
        return self._drawn[1]

    def _header(self, width: int) -> Text:
        """Title, standfirst and metadata at ``width`` cells (metadata lines never wrap)."""
        article = self.article
        if article is None:
            return Text(self.hint or "No article open. Choose one in the list on the left.", style="dim")
        header = Text(one_line(article.title), style="bold")
        colours = entity_styles(self.app.theme_variables)
        for mention in self.title_mentions:
            header.stylize(colours[mention.type], mention.start, mention.end)
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
