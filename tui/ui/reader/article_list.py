"""The article list: title, date and entity count per article; files that failed to load marked.

A line-API widget: laying out the rows only measures their titles, and only the visible lines
are made and drawn, so the list costs about the same at five articles as at ten thousand.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple, overload

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.strip import Strip

from tui.core.catalogue import Listed
from tui.core.models import Article, LoadProblem
from tui.core.safe_text import one_line
from tui.ui.messages import ArticleChosen
from tui.ui.widgets.early_layout import EarlyLayout

#: What an empty list says, a line each: how to add articles.
EMPTY_HINT = (
    "No articles yet.",
    "",
    "Ctrl+O adds a file or",
    "a folder of them, or run:",
    "iranpak-reader add FILE",
)


class Row(NamedTuple):
    """One entry: an article (``article_id`` set) or a file that could not be loaded."""

    title: str
    detail: str
    article_id: str | None


class _Rows(Sequence[Row]):
    """The list's entries as a sequence, each made when asked for."""

    def __init__(self, listing: ArticleList) -> None:
        self._listing = listing

    def __len__(self) -> int:
        return len(self._listing)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return [self._listing.row(i) for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return self._listing.row(index % len(self))


class ArticleList(EarlyLayout, can_focus=True):
    """Lists the corpus; moving the highlight opens the article, Enter moves into it."""

    COMPONENT_CLASSES = {
        "article-list--title",
        "article-list--detail",
        "article-list--problem",
        "article-list--highlight",
    }

    DEFAULT_CSS = """
    ArticleList {
        scrollbar-gutter: stable;
        & > .article-list--title { text-style: bold; }
        & > .article-list--detail { text-style: dim; }
        & > .article-list--problem { color: $error; }
        & > .article-list--highlight { background: $block-cursor-blurred-background; }
        &:focus > .article-list--highlight {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
    }
    """

    BINDINGS = [
        Binding("down,j", "move(1)", "Next article", show=False),
        Binding("up,k", "move(-1)", "Previous article", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "first", "First article", show=False),
        Binding("end,G", "last", "Last article", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._articles: list[Article | Listed] = []
        self._problems: list[LoadProblem] = []
        self._counts: dict[str, int] = {}
        self._annotations: dict[str, int] = {}
        self._words: dict[str, int] = {}
        self._made: dict[int, Row] = {}
        self._index: dict[str, int] | None = None
        self.highlighted: int | None = None
        self._row_starts: list[int] = []
        self._lines_total = 0
        self._drawn: dict[int, list[tuple[str, str]]] = {}
        self._usable = 8
        self._width = 0

    def populate(self, articles: Sequence[Article | Listed], problems: list[LoadProblem]) -> None:
        """Fill the list with the articles, then one marked entry per file that failed to load."""
        self._articles, self._problems = list(articles), list(problems)
        self._words = {a.id: a.word_count for a in articles if isinstance(a, Listed)}
        self._index = None
        self._width = 0  # lay out again
        self._build_rows()
        self.highlighted = 0 if articles else None

    def add_problems(self, problems: list[LoadProblem]) -> None:
        """Mark more files that could not be loaded (found in the background), after the others."""
        self._problems.extend(problems)
        self._width = 0  # lay out again
        self._build_rows()

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show the number of entities found in each article."""
        self._counts = dict(counts)
        self._build_rows()

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """Show the number of annotations on each article."""
        if counts != self._annotations:
            self._annotations = dict(counts)
            self._build_rows()

    def select_article(self, article_id: str) -> None:
        """Highlight an article by id (from the command palette)."""
        if self._index is None:
            self._index = {article.id: number for number, article in enumerate(self._articles)}
        index = self._index.get(article_id)
        if index is not None:
            self._highlight(index, announce=False)

    @property
    def rows(self) -> Sequence[Row]:
        """Every entry: the articles, then the files that could not be loaded (made when asked for)."""
        return _Rows(self)

    def row(self, index: int) -> Row:
        """One entry, made when first asked for (ten thousand are not made to show twenty)."""
        made = self._made.get(index)
        if made is not None:
            return made
        if index >= len(self._articles):
            problem = self._problems[index - len(self._articles)]
            made = Row(f"⚠ {one_line(problem.path.rsplit('/', 1)[-1])}", one_line(problem.message), None)
        else:
            article = self._articles[index]
            count = self._counts.get(article.id)
            entities = "… entities" if count is None else f"{count} entities"
            notes = self._annotations.get(article.id, 0)
            if notes:
                entities += f" · {notes} annotation{'s' if notes != 1 else ''}"
            words = self._words.get(article.id)
            if words is None:
                words = self._words[article.id] = article.word_count  # an Article counts its words each time
            detail = f"{article.published_label} · {words:,} words\n{entities}"
            made = Row(one_line(article.title), detail, article.id)
        self._made[index] = made
        return made

    def __len__(self) -> int:
        """The number of entries."""
        return len(self._articles) + len(self._problems)

    def _build_rows(self) -> None:
        """Forget the entries made so far (counts changed): they are made again when drawn."""
        self._made = {}
        self._drawn = {}
        self.refresh()

    def lay_out(self) -> Size | None:
        """Where each row starts at this width: its title takes one line or two (cut with an
        ellipsis), its details one line each, then a blank line. Measuring a title is cheap, so
        ten thousand rows lay out at once; their lines are made only when drawn. The new virtual
        size, or None if the width did not change."""
        width = self.scrollable_content_region.width
        if width == self._width and self._row_starts:
            return None
        self._width = width
        usable = max(width - 2, 8)
        self._usable = usable
        starts: list[int] = []
        line = 0
        for article in self._articles:  # a title, two lines of details, a blank line
            starts.append(line)
            line += (1 if cell_len(one_line(article.title)) <= usable else 2) + 3
        for problem in self._problems:  # a name, the problem, a blank line
            starts.append(line)
            name = f"⚠ {one_line(problem.path.rsplit('/', 1)[-1])}"
            line += (1 if cell_len(name) <= usable else 2) + 2
        self._row_starts = starts
        self._lines_total = max(0, line - 1)
        self._drawn = {}
        return Size(width, self._lines_total)

    def _row_lines(self, index: int) -> list[tuple[str, str]]:
        """A row's lines as (text, part), made when first drawn at this width."""
        found = self._drawn.get(index)
        if found is None:
            if len(self._drawn) > 500:
                self._drawn.clear()
            row = self.row(index)
            title_part = "title" if row.article_id else "problem"
            pieces = [p.plain.strip() for p in Text(row.title).wrap(self.app.console, self._usable)] or [""]
            if len(pieces) > 2 or (len(pieces) == 2 and cell_len(pieces[1]) > self._usable):
                rest = Text(" ".join(pieces[1:]))
                rest.truncate(self._usable, overflow="ellipsis")
                pieces = [pieces[0], rest.plain]
            detail_part = "detail" if row.article_id else "problem"
            found = [(piece, title_part) for piece in pieces]
            found += [(piece, detail_part) for piece in row.detail.split("\n")]
            found.append(("", "detail"))
            self._drawn[index] = found
        return found

    def render_line(self, y: int) -> Strip:
        """One line of one row, highlighted if its row is."""
        self._ensure_layout()
        index = self.scroll_offset.y + y
        base, width = self.line_style()
        if index >= self._lines_total:
            if not self._articles and not self._problems and index < len(EMPTY_HINT):
                return self._hint_line(EMPTY_HINT[index], base, width)
            return Strip.blank(width, base)
        row = bisect_right(self._row_starts, index) - 1
        lines = self._row_lines(row)
        part_index = index - self._row_starts[row]
        text, part = lines[part_index] if part_index < len(lines) else ("", "detail")
        if part_index == len(lines) - 1:  # the blank line after the row belongs to no highlight
            return Strip.blank(width, base)
        style = base + self.get_component_rich_style(f"article-list--{part}", partial=True)
        if row == self.highlighted:
            style += self.get_component_rich_style("article-list--highlight", partial=True)
        return Strip([Segment(f" {text}".ljust(width), style)]).crop(0, width)

    def _hint_line(self, text: str, base: Style, width: int) -> Strip:
        """One line of the hint an empty list shows, dimmed and cut to the width."""
        style = base + self.get_component_rich_style("article-list--detail", partial=True)
        return Strip([Segment(f" {text}".ljust(width), style)]).crop(0, width)

    def row_at(self, y: int) -> int | None:
        """The row drawn at content line ``y`` (scroll included)."""
        self._ensure_layout()
        if not 0 <= y < self._lines_total or not self.rows:
            return None
        return bisect_right(self._row_starts, y) - 1

    def _highlight(self, index: int, announce: bool = True) -> None:
        """Move the highlight to a row, scroll it into view and open its article."""
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        self.highlighted = index
        self._ensure_layout()
        first = self._row_starts[index]
        last = self._row_starts[index + 1] - 2 if index + 1 < len(self.rows) else self._lines_total - 1
        height = self.scrollable_content_region.height
        if first < self.scroll_offset.y:
            self.scroll_to(y=first, animate=False)
        elif last >= self.scroll_offset.y + height:
            self.scroll_to(y=max(first, last - height + 1), animate=False)
        self.refresh()
        article_id = self.rows[index].article_id
        if announce and article_id is not None:
            self.post_message(ArticleChosen(article_id))

    def action_move(self, delta: int) -> None:
        """Highlight the next or previous row."""
        self._highlight((self.highlighted or 0) + delta if self.highlighted is not None else 0)

    def action_page(self, direction: int) -> None:
        """Move the highlight by about a screenful."""
        self._ensure_layout()
        if self.highlighted is None:
            return
        target = self._row_starts[self.highlighted] + direction * self.scrollable_content_region.height
        row = bisect_right(self._row_starts, max(0, target)) - 1
        self._highlight(row)

    def action_first(self) -> None:
        """Highlight the first row."""
        self._highlight(0)

    def action_last(self) -> None:
        """Highlight the last row."""
        self._highlight(len(self.rows) - 1)

    def action_select(self) -> None:
        """Open the highlighted article and move into its text."""
        if self.highlighted is not None:
            article_id = self.rows[self.highlighted].article_id
            if article_id is not None:
                self.post_message(ArticleChosen(article_id, focus_reader=True))

    def on_click(self, event: events.Click) -> None:
        """Clicking a row highlights it and opens its article."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = self.row_at(offset.y + self.scroll_offset.y)
        if row is not None:
            self._highlight(row)

    def on_resize(self, event: events.Resize) -> None:
        """Lay out again at the new width."""
        self._ensure_layout()
