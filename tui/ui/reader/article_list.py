"""The article list: title, date and entity count per article; files that failed to load marked.

A :class:`LineList` of :class:`ArticleRows`: laying out the rows only measures their titles, and
only the visible lines are made and drawn, so the list costs about the same at five articles as
at ten thousand. A line too long for the list ends in an ellipsis; the highlighted entry's whole
title and details are the list's tooltip (and the header shows the open article's title in full).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, overload

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip

from tui.core.catalogue import Listed
from tui.core.models import Article, LoadProblem
from tui.core.safe_text import one_line
from tui.ui.messages import Report
from tui.ui.widgets.early_layout import EarlyLayout
from tui.ui.widgets.line_list import LineList, Rows

#: What an empty list says, a line each: how to add articles.
EMPTY_HINT = (
    "No articles yet.",
    "",
    "Ctrl+O adds a file or",
    "a folder of them, or run:",
    "iranpak-reader add FILE",
    "",
    "I imports a project",
    "(REFI-QDA .qdpx) with",
    "its texts and coding.",
)


class Row(NamedTuple):
    """One entry: an article (``article_id`` set) or a file that could not be loaded."""

    title: str
    detail: str
    article_id: str | None


class ArticleRows(Rows, Sequence[Row]):
    """The articles, then the files that could not be loaded: each entry a title over one or two
    lines (at :attr:`width`), its details, and a blank line; made when first asked for."""

    def __init__(self, articles: Sequence[Article | Listed], problems: Sequence[LoadProblem]) -> None:
        self.articles, self.problems = list(articles), list(problems)
        self.counts: dict[str, int] = {}
        """Entities found in each article, by id (none yet: shown as "…")."""
        self.annotations: dict[str, int] = {}
        """Annotations on each article, by id."""
        self.width = 8
        """The cells a title's lines have (a longer title takes two lines, the second cut)."""
        self.styles: dict[str, Style] = {}
        """The styles of the parts ("title", "detail", "problem"), from the list's CSS."""
        self.console: Console | None = None
        """The console a title is wrapped for (the app's)."""
        self._words = {a.id: a.word_count for a in articles if isinstance(a, Listed)}
        self._made: dict[int, Row] = {}

    def __len__(self) -> int:
        """The number of entries."""
        return len(self.articles) + len(self.problems)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        """An entry (or a slice of them), made when first asked for."""
        if isinstance(index, slice):
            return [self.row(i) for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return self.row(index % len(self))

    def forget(self) -> None:
        """Make the entries again when next asked for (their counts changed)."""
        self._made = {}

    def row(self, index: int) -> Row:
        """One entry, made when first asked for (ten thousand are not made to show twenty)."""
        made = self._made.get(index)
        if made is not None:
            return made
        if index >= len(self.articles):
            problem = self.problems[index - len(self.articles)]
            made = Row(f"⚠ {one_line(problem.path.rsplit('/', 1)[-1])}", one_line(problem.message), None)
        else:
            article = self.articles[index]
            count = self.counts.get(article.id)
            entities = "… entities" if count is None else f"{count} entities"
            notes = self.annotations.get(article.id, 0)
            if notes:
                entities += f" · {notes} annotation{'s' if notes != 1 else ''}"
            words = self._words.get(article.id)
            if words is None:
                words = self._words[article.id] = article.word_count  # an Article counts its words each time
            detail = f"{article.published_label} · {words:,} words\n{entities}"
            made = Row(one_line(article.title), detail, article.id)
        self._made[index] = made
        return made

    def heights(self) -> list[int]:
        """A title's one or two lines, then two lines of details (one for a problem) and a blank line."""
        usable = self.width
        heights = [(1 if cell_len(one_line(a.title)) <= usable else 2) + 3 for a in self.articles]
        for problem in self.problems:
            name = f"⚠ {one_line(problem.path.rsplit('/', 1)[-1])}"
            heights.append((1 if cell_len(name) <= usable else 2) + 2)
        return heights

    def lines(self, index: int) -> list[Text]:
        """The title over one or two lines (the second cut with an ellipsis), then the details;
        the blank line below is left to the height."""
        row = self.row(index)
        styles = self.styles
        title_style = styles.get("title" if row.article_id else "problem", Style())
        detail_style = styles.get("detail" if row.article_id else "problem", Style())
        if cell_len(row.title) <= self.width:
            titles = [row.title]
        else:
            wrapped = Text(row.title).wrap(self.console or Console(), self.width)
            pieces = [piece.plain.strip() for piece in wrapped] or [""]
            rest = Text(" ".join(pieces[1:]))
            rest.truncate(self.width, overflow="ellipsis")
            titles = [pieces[0], rest.plain]
        # A style as a span: drawing a line renders its spans only, not the Text's own style.
        made = [Text.assemble((title, title_style), end="") for title in titles]
        made += [Text.assemble((detail, detail_style), end="") for detail in row.detail.split("\n")]
        return made

    def full(self, index: int) -> Text:
        """An entry's whole title and details, for the tooltip."""
        row = self.row(index)
        return Text.assemble((row.title, "bold"), "\n", row.detail)


class ArticleList(LineList, EarlyLayout):
    """Lists the corpus; moving the highlight opens the article, Enter moves into it."""

    class Chosen(Report):
        """The user moved to (or picked) an article in the list."""

        article_id: str
        focus_reader: bool = False

    COMPONENT_CLASSES = {
        "article-list--title",
        "article-list--detail",
        "article-list--problem",
    }

    DEFAULT_CSS = """
    ArticleList {
        height: 1fr;
        scrollbar-gutter: stable;
        & > .article-list--title { text-style: bold; }
        & > .article-list--detail { text-style: dim; }
        & > .article-list--problem { color: $error; }
        /* filtered by attributes: the filter in a title over the list */
        &.-filtered { border-top: solid $primary 30%; border-title-color: $accent; }
    }
    """

    BINDINGS = [
        Binding("down,j", "move(1)", "Next article", show=False),
        Binding("up,k", "move(-1)", "Previous article", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "first", "First article", show=False),
        Binding("end,G", "last", "Last article", show=False),
        Binding("enter", "select", "Open", tooltip="Open the article and move into its text"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: ArticleRows = ArticleRows([], [])
        self._laid_out_at = -1  # the width the rows were measured at (-1: measure again)
        self._index: dict[str, int] | None = None

    @property
    def highlighted(self) -> int | None:
        """The highlighted entry (the cursor), if any."""
        return self.cursor

    def populate(self, articles: Sequence[Article | Listed], problems: list[LoadProblem]) -> None:
        """Fill the list with the articles, then one marked entry per file that failed to load."""
        previous = self.rows
        self.rows = ArticleRows(articles, problems)
        self.rows.counts, self.rows.annotations = previous.counts, previous.annotations
        self._index = None
        self.cursor = 0 if articles else None
        self._laid_out_at = -1  # measured once the width is known, in the pass that sizes the list
        self.scroll_to(y=0, animate=False)
        self._update_tooltip()
        self.redraw()

    def show_filter(self, label: str) -> None:
        """Say in the list's title what it is filtered by ("Articles · outlet=Dawn · 2 of 5"), or
        take the title away ("")."""
        self.border_title = Content(one_line(label)) if label else None
        self.set_class(bool(label), "-filtered")

    def add_problems(self, problems: list[LoadProblem]) -> None:
        """Mark more files that could not be loaded (found in the background), after the others."""
        self.rows.problems.extend(problems)
        self._laid_out_at = -1
        self.redraw()

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show the number of entities found in each article."""
        self.rows.counts = dict(counts)
        self._changed()

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """Show the number of annotations on each article."""
        if counts != self.rows.annotations:
            self.rows.annotations = dict(counts)
            self._changed()

    def _changed(self) -> None:
        """The counts changed: the entries are made again as they are drawn."""
        self.rows.forget()
        self._update_tooltip()
        self.redraw()

    def select_article(self, article_id: str) -> None:
        """Highlight an article by id (from the command palette)."""
        if self._index is None:
            self._index = {article.id: number for number, article in enumerate(self.rows.articles)}
        index = self._index.get(article_id)
        if index is not None:
            self._highlight(index, announce=False)

    def row(self, index: int) -> Row:
        """One entry (made when first asked for)."""
        return self.rows.row(index)

    def __len__(self) -> int:
        """The number of entries."""
        return len(self.rows)

    def lay_out(self) -> Size | None:
        """Measure the rows at this width (a title takes one line or two): the new virtual size,
        or None if the width did not change. Measuring a title is cheap, so ten thousand rows
        lay out at once; their lines are made only when drawn."""
        width = self.scrollable_content_region.width
        if width == self._laid_out_at:
            return None
        self._laid_out_at = width
        self.rows.width = max(width - 2, 8)  # a space before, and the ellipsis's cell kept free
        return Size(width, self.measure().height)

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in ``crop``, the parts' styles looked up once for all of them."""
        rows = self.rows
        rows.console = self.app.console
        rows.styles = {
            part: self.get_component_rich_style(f"article-list--{part}", partial=True)
            for part in ("title", "detail", "problem")
        }
        return super().render_lines(crop)

    def cursor_style(self) -> Style:
        """The highlight, over the title's boldness and the details' dimness (which it keeps)."""
        return self.get_component_rich_style("line-list--cursor", partial=True)

    def render_line(self, y: int) -> Strip:
        """One line of one entry; an empty list says how to add articles."""
        line = self.scroll_offset.y + y
        if not self.rows and line < len(EMPTY_HINT):
            base, width = self.line_style()
            style = base + self.get_component_rich_style("article-list--detail", partial=True)
            hint = Text(EMPTY_HINT[line], end="")
            hint.truncate(max(0, width - 1), overflow="ellipsis")
            segments = Segment.apply_style([Segment(" "), *hint.render(self.app.console)], style)
            return Strip(segments).extend_cell_length(width, base).crop(0, width)
        return super().render_line(y)

    def row_at(self, y: int) -> int | None:
        """The row drawn at content line ``y`` (scroll included)."""
        self._ensure_layout()
        return self.entry_at(y)

    def _update_tooltip(self) -> None:
        """The highlighted entry's whole title and details, shown when the mouse rests on the list."""
        self.tooltip = self.rows.full(self.cursor) if self.cursor is not None else None

    def _highlight(self, index: int | None, announce: bool = True) -> None:
        """Move the highlight to a row, scroll it into view and open its article."""
        if index is None or not self.rows:
            return
        self._ensure_layout()
        self.move_to(max(0, min(index, len(self.rows) - 1)))
        self._update_tooltip()
        article_id = self.rows[self.cursor or 0].article_id
        if announce and article_id is not None:
            self.post_message(self.Chosen(article_id))

    def action_move(self, step: int) -> None:
        """Highlight the next or previous row."""
        self._highlight(self.cursor + step if self.cursor is not None else 0)

    def action_page(self, direction: int) -> None:
        """Move the highlight by about a screenful."""
        self._ensure_layout()
        before = self.cursor
        super().action_page(direction)
        if self.cursor != before:
            self._highlight(self.cursor)

    def action_first(self) -> None:
        """Highlight the first row."""
        self._highlight(0)

    def action_last(self) -> None:
        """Highlight the last row."""
        self._highlight(len(self.rows) - 1)

    def action_select(self) -> None:
        """Open the highlighted article and move into its text."""
        if self.cursor is not None:
            article_id = self.rows[self.cursor].article_id
            if article_id is not None:
                self.post_message(self.Chosen(article_id, focus_reader=True))

    def on_click(self, event: events.Click) -> None:
        """Clicking a row highlights it and opens its article (the list's own choosing is not posted)."""
        event.prevent_default()
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = self.row_at(offset.y + self.scroll_offset.y)
        if row is not None:
            self._highlight(row)

    def on_resize(self, event: events.Resize) -> None:
        """Lay out again at the new width (the content's width, which the line list's own
        handler would replace with the whole width, asking for a second layout before the first frame)."""
        event.prevent_default()
        self._ensure_layout()
