"""The open article's title, standfirst and metadata, above the text.

A long standfirst is folded after :data:`MAX_STANDFIRST_LINES` lines, and a metadata line longer
than the width is cut, each with a marker saying so; a click on the header (or the reader's ``i``)
unfolds them, and folds them again."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.core.models import Article, Mention
from tui.core.safe_text import one_line
from tui.ui.bidi_display import bidi_mode, drawn_lines, wrapped_text
from tui.ui.labels import counted
from tui.ui.theme import entity_styles

MAX_STANDFIRST_LINES = 3
#: Ends a folded standfirst's last line; and an unfolded one's, to fold it again.
MORE = " … more (i)"
LESS = " less (i)"


class ArticleHeader(Widget):
    """Title in bold and standfirst in italics (wrapped), then metadata lines; what does not fit is
    folded, with a marker, until unfolded."""

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
        self.unfolded = False  # the whole standfirst, however long
        self.folded = False  # as drawn: some of the standfirst is left out
        self._drawn: tuple[int, Text] | None = None  # (width, header): measuring and drawing reuse it
        self.attributes = ""  # the open article's key attributes ("Dawn · Pakistan"), after its facts

    def show_article(
        self, article: Article | None, title_mentions: list[Mention] | None = None, hint: str | None = None
    ) -> None:
        """Show an article's header (its title's entities coloured), or a hint when there is none
        (a new article's standfirst starts folded)."""
        self.title_mentions = list(title_mentions or [])
        self.hint = hint
        if article is not self.article or article is None:
            self.unfolded = False
        self.article = article
        self._drawn = None
        self.refresh(layout=True)

    def show_attributes(self, attributes: str) -> None:
        """Show the open article's key attributes (outlet, country...) after its date and source."""
        if attributes != self.attributes:
            self.attributes = attributes
            self._drawn = None
            self.refresh(layout=True)

    def toggle_standfirst(self) -> None:
        """Show the whole standfirst, or fold it again."""
        self.unfolded = not self.unfolded
        self._drawn = None
        self.refresh(layout=True)

    def on_click(self) -> None:
        """A click on a header with a long standfirst unfolds it (or folds it)."""
        if self.folded or self.unfolded:
            self.toggle_standfirst()

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
        self.folded = False
        if article is None:
            return Text(self.hint or "No article open. Choose one in the list on the left.", style="dim")
        header = Text(one_line(article.title), style="bold")
        colours = entity_styles(self.app.theme_variables)
        for mention in self.title_mentions:
            header.stylize(colours[mention.type], mention.start, mention.end)
        mode = bidi_mode(self.app)
        header = wrapped_text(header, width, self.app.console, mode)
        if article.standfirst:
            standfirst = Text(one_line(article.standfirst), style="italic")
            lines = drawn_lines(standfirst, list(standfirst.wrap(self.app.console, width)), mode)
            if len(lines) > MAX_STANDFIRST_LINES:
                self.folded = not self.unfolded
                if self.folded:
                    lines = lines[:MAX_STANDFIRST_LINES]
                marker = MORE if self.folded else LESS
                last = lines[-1].copy()
                last.rstrip()
                if last.cell_len + len(marker) > width:
                    last.truncate(max(width - len(marker), 0))
                last.append(marker, style="dim not italic")
                lines[-1] = last
            header.append("\n")
            header.append(Text("\n").join(lines))
        facts = [*_facts(article), counted(article.word_count, "word")]
        meta = one_line(" · ".join([*facts, self.attributes] if self.attributes else facts))
        basis = one_line(_date_basis(article.date_basis))
        for line, look in ((meta, "dim"), (basis, "dim italic")):
            part = Text(line, style=look)
            if part.cell_len > width and not self.unfolded:  # cut, saying so; unfolded, it wraps
                self.folded = True
                part.truncate(max(width - len(MORE), 0))
                part.append(MORE, style="dim not italic")
            header.append("\n")
            header.append(part)
        return header


def _facts(article: Article) -> list[str]:
    """The date, dateline and source as a reader says them: "date unknown", "no dateline",
    "source unknown" rather than a bare "unknown"."""
    return [
        article.published.isoformat() if article.published else "date unknown",
        article.dateline if article.dateline != "unknown" else "no dateline",
        f"source {article.source}",
    ]


def _date_basis(basis: str) -> str:
    """Where the date came from, as a sentence: "Date from its own dateline …", "Date inferred: …",
    or "Date unknown"."""
    if basis == "unknown":
        return "Date unknown"
    if basis.startswith("inferred"):
        return "Date " + basis
    return f"Date from {basis}"
