"""The code matrix at full width: tags against tags (or articles, or an attribute's values) as a
heatmap, each cell's passages a key away.

Each cell shows its count on a background shaded by it, from the surface (none) to the theme's
primary colour (the most), its text black or white, whichever reads better. ``b`` cycles the
columns: tags, articles, then the values of each attribute some article has (outlet, source…),
the attribute named in the title; ``u`` the unit of co-occurrence (overlapping passages,
sentences, paragraphs). Enter on a cell opens its passage, or asks which when it holds several;
Esc goes back. The counts come from :mod:`tui.core.matrix`, worked out in a thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerState

from tui.core.annotations.model import Annotation, Tag
from tui.core.matrix import (
    NO_VALUE,
    UNITS,
    Matrix,
    attributes_in,
    tag_by_article,
    tag_by_attribute,
    tag_by_tag,
)
from tui.core.models import Article
from tui.core.safe_text import clipped, one_line, quoted
from tui.ui.labels import counted
from tui.ui.messages import OpenPassage, report_failed_work
from tui.ui.theme import text_on
from tui.ui.widgets.key_bar import KeyBar

#: How the title names each unit of co-occurrence.
UNIT_WORDS = {"overlap": "overlapping passages", "sentence": "sentences", "paragraph": "paragraphs"}
#: How wide a column's label may be: an article's title or a tag's name is cut to it.
LABEL_WIDTH = 16


class MatrixTable(DataTable[Text]):
    """The heatmap's cells; the key bar says what Enter does."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", tooltip="Open the cell's passage, or choose one")]


@dataclass
class MatrixPlace:
    """Where the user was in the matrix view (its columns, unit and the cell under the cursor):
    kept by the Annotations pane, so that after opening a cell's passage ``H`` comes back to it."""

    by: str = "tag"
    unit: str = UNITS[0]
    cell: tuple[str, str] | None = None  # the row's and the column's keys


class MatrixScreen(Screen[OpenPassage | None]):
    """Tags against tags, articles or an attribute's values, a heatmap of counts; Enter opens a cell's
    passages."""

    DEFAULT_CSS = """
    MatrixScreen {
        layout: vertical;
        & > #matrix-title { height: auto; padding: 0 1; background: $panel; }
        & > MatrixTable { height: 1fr; }
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", tooltip="Back to the reader, where it was"),
        Binding("q", "close", "Back", show=False, tooltip="Back to the reader, where it was"),
        Binding(
            "b",
            "switch_columns",
            "Columns",
            tooltip="Columns: the tags, the articles, or the values of an attribute articles have (outlet…)",
        ),
        Binding("u", "next_unit", "Unit", tooltip="Tag × tag: overlapping passages, sentences or paragraphs"),
    ]
    AUTO_FOCUS = "MatrixTable"

    def __init__(
        self,
        annotations: Sequence[Annotation],
        articles: Mapping[str, Article],
        tags: Sequence[Tag],
        values: Mapping[str, Mapping[str, str]] | None = None,
        passing: set[str] | None = None,
        where: str = "",
        place: MatrixPlace | None = None,
    ) -> None:
        """The matrix of ``tags`` over ``annotations`` in ``articles``; ``values`` are each article's
        attribute values by id, whose attributes ``b`` offers as columns. With ``passing``, only the
        articles of these ids are counted (the attribute filter, written ``where``). ``place`` is
        where the view was left last time: it starts there, and keeps it up to date."""
        super().__init__()
        self.where = where
        self.annotations = [a for a in annotations if passing is None or a.article in passing]
        self.articles = {k: v for k, v in articles.items() if passing is None or k in passing}
        self.tags = [tag.name for tag in tags]
        self.values = {article: dict(found) for article, found in (values or {}).items()}
        #: What the columns can be, in the order ``b`` steps through them: tags, articles, attributes.
        self.column_kinds = ["tag", "article", *attributes_in(self.values)]
        self.place = place if place is not None else MatrixPlace()
        self.by = self.place.by if self.place.by in self.column_kinds else "tag"
        self.unit = self.place.unit if self.place.unit in UNITS else UNITS[0]
        self.matrix: Matrix | None = None

    def compose(self) -> ComposeResult:
        """The title line, the table, the keys."""
        yield Static(Text("Counting…"), id="matrix-title")
        yield MatrixTable(cursor_type="cell", zebra_stripes=False, id="matrix-table")
        yield KeyBar()

    def on_mount(self) -> None:
        """Count, in the background."""
        self._count()

    @work(thread=True, exit_on_error=False, exclusive=True, group="matrix", description="counting the matrix")
    def _count(self) -> Matrix:
        """The matrix for the columns and unit chosen (placing passages can take a while)."""
        if self.by == "article":
            return tag_by_article(self.annotations, self.articles, self.tags)
        if self.by == "tag":
            return tag_by_tag(self.annotations, self.articles, self.tags, self.unit)
        return tag_by_attribute(self.annotations, self.articles, self.tags, self.values, self.by)

    @on(Worker.StateChanged)
    def _counted(self, event: Worker.StateChanged) -> None:
        """Show the matrix the worker made (a newer one replaces it)."""
        if event.worker.group != "matrix":
            return
        if event.state == WorkerState.ERROR:
            report_failed_work(event)
        elif event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Matrix):
            self.show(event.worker.result)

    def show(self, matrix: Matrix) -> None:
        """Fill the table with ``matrix``: a row per tag, a heat-shaded count per cell."""
        self.matrix = matrix
        table = self.query_one(MatrixTable)
        table.clear(columns=True)
        table.add_column(Text("tag"), key="")
        for column in matrix.columns:
            table.add_column(Text(self._label(column)), key=column)
        variables = self.app.theme_variables  # the shades' ends, read once for every cell
        ends = (
            Color.parse(variables.get("surface", "#1e1e1e")),
            Color.parse(variables.get("primary", "#0178d4")),
        )
        table_counts = matrix.counts()
        highest = max((count for row in table_counts for count in row), default=0)
        for row, counts in zip(matrix.rows, table_counts, strict=True):
            cells = [self._heat(count, highest, ends) for count in counts]
            table.add_row(Text(clipped(row, 30)), *cells, key=row)
        self.query_one("#matrix-title", Static).update(self._title(matrix))
        if self.place.cell is not None:  # back where the user left the view, if that cell is still there
            row_key, column_key = self.place.cell
            if row_key in matrix.rows and column_key in matrix.columns:
                table.move_cursor(row=matrix.rows.index(row_key), column=matrix.columns.index(column_key) + 1)

    @on(DataTable.CellHighlighted)
    def _cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        """Remember the cell under the cursor, for the next time the view opens."""
        row, column = event.cell_key.row_key.value, event.cell_key.column_key.value
        if row is not None and column:
            self.place.cell = (row, column)

    def _label(self, column: str) -> str:
        """A column's label: a tag's name, or an article's title, cut short."""
        if self.matrix is not None and self.matrix.kind == "tag × article":
            article = self.articles.get(column)
            return clipped(article.title if article is not None and article.title else column, LABEL_WIDTH)
        return clipped(column, LABEL_WIDTH)

    @staticmethod
    def _heat(count: int, highest: int, ends: tuple[Color, Color]) -> Text:
        """A count on its shade, between ``ends``: the surface for none, the primary colour for the most."""
        cold, hot = ends
        shade = cold.blend(hot, count / highest if highest else 0.0)
        ink = text_on(shade)
        style = Style(bgcolor=shade.rich_color, color=ink.rich_color, bold=count > 0)
        return Text(f" {count:>4} " if count else "    · ", style=style, justify="right")

    def _title(self, matrix: Matrix) -> Text:
        """What the view shows and how many, and the keys that change it."""
        tags = counted(len(matrix.rows), "tag")
        if not matrix.rows:
            what = "No tags yet: code a passage (t in the text), then come back"
        elif matrix.kind == "tag × article":
            what = f"Tag × article: passages of {tags} in {counted(len(matrix.columns), 'article')}"
        elif matrix.attribute:
            values = counted(len([c for c in matrix.columns if c != NO_VALUE]), "value")
            unset = f"; {NO_VALUE}: not set" if NO_VALUE in matrix.columns else ""
            name = matrix.attribute
            what = f"Tag × {name}: passages of {tags} by the articles' {name} ({values}{unset})"
        else:
            unit = UNIT_WORDS[matrix.unit]
            what = f"Tag × tag: {unit} holding both ({tags}; the diagonal, each tag's own)"
        if self.where and matrix.rows:
            what += f" · {self.where}"
        return Text(one_line(what), style="bold")

    # Keys

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)

    def action_switch_columns(self) -> None:
        """The next columns: tags, articles, then each attribute's values, and round again."""
        kinds = self.column_kinds
        self.by = self.place.by = (
            kinds[(kinds.index(self.by) + 1) % len(kinds)] if self.by in kinds else kinds[0]
        )
        self._count()

    def action_next_unit(self) -> None:
        """The next unit of co-occurrence (tag × tag)."""
        self.unit = self.place.unit = UNITS[(UNITS.index(self.unit) + 1) % len(UNITS)]
        if self.by == "tag":
            self._count()

    @on(DataTable.CellSelected)
    def _cell_chosen(self, event: DataTable.CellSelected) -> None:
        """Enter or a click on a cell: open its passage, or ask which of them."""
        matrix = self.matrix
        row, column = event.cell_key.row_key.value, event.cell_key.column_key.value
        if matrix is None or row is None or not column:
            return
        places = matrix.places(row, column)
        if not places:
            self.notify("No passages in this cell")
            return
        if len(places) == 1:
            self.dismiss(OpenPassage(*places[0]))
            return
        from tui.ui.dialogs.chooser import ChooserDialog

        items = [self._describe(place) for place in places]
        title = f"{one_line(row)} × {one_line(self._label(column))}: {counted(len(places), 'passage')}"

        def chosen(index: int | None) -> None:
            """Open the passage chosen, if one was."""
            if index is not None:
                self.dismiss(OpenPassage(*places[index]))

        self.app.push_screen(ChooserDialog(title, items), chosen)

    def _describe(self, place: tuple[str, int, int]) -> str:
        """One passage of a cell: its article's title and its text."""
        article_id, start, end = place
        article = self.articles.get(article_id)
        title = article.title if article is not None and article.title else article_id
        text = article.text[start:end] if article is not None else ""
        return f"{clipped(title, 40)} · {quoted(text, 160)}"
