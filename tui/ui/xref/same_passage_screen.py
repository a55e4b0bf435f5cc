"""The selection elsewhere, at full width: the passages in full, and differing figures in a table.

:class:`SamePassageScreen` is built from a :class:`~tui.core.same_thing.SameThing` (with its
``selection``) and the articles' titles and dates. On top, the selection in its sentences; then
each passage elsewhere with its article, date, why it matches and its whole sentence, wrapped to
the width; below, the figures of the selection that other articles give differently, in a table
(figure, value, unit, article, date), the figure here on its own row and each figure elsewhere
under it. Enter on a passage or a row dismisses the screen with an
:class:`~tui.ui.messages.OpenPassage`; Esc with None; Tab moves between the list and the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from tui.core.safe_text import one_line
from tui.core.same_thing import Passage, SameThing, compared_figures
from tui.ui.labels import counted, date_label
from tui.ui.messages import OpenPassage
from tui.ui.widgets.full_width import FullWidthView
from tui.ui.xref.xref_rows import EntryRows, Target, article_line, marked

#: The table's columns, in order.
COLUMNS = ("figure", "value", "unit", "article", "date")


class PassageRows(EntryRows):
    """The selection, then each passage elsewhere: article and date, why it matches, the sentence."""

    def __init__(self, found: SameThing, titles: Mapping[str, str], published: Mapping[str, date | None]):
        """Entries for ``found``, titled from ``titles`` and ``published``."""
        entries: list[tuple[list[Text], Target]] = []
        selection = found.selection
        if selection is not None:
            start = selection.start - selection.context_start
            lines = [
                article_line(selection.article, titles, published),
                marked(selection.context, start, start + selection.end - selection.start, "  "),
            ]
            entries.append(([Text("The selection", "bold")], None))
            entries.append((lines, OpenPassage(selection.article, selection.start, selection.end)))
        heading = f"Elsewhere: {counted(len(found.same), 'passage')}" if found.same else "Elsewhere: nothing"
        entries.append(([Text(), Text(heading, "bold")], None))
        for passage in found.same:
            lines = [article_line(passage.article, titles, published), _reason(passage), _sentence(passage)]
            entries.append((lines, OpenPassage(passage.article, passage.start, passage.end)))
        super().__init__(entries)


def _reason(passage: Passage) -> Text:
    """Why a passage matches, dimmed (a reason may quote a figure from the text: shown as text)."""
    return Text.assemble("  ", (one_line(passage.reason), "dim italic"))


def _sentence(passage: Passage) -> Text:
    """A passage's whole sentence, its figure (if it gives one) marked."""
    at = passage.sentence.find(passage.figure) if passage.figure else -1
    if at < 0:
        return Text.assemble("  ", one_line(passage.sentence))
    return marked(passage.sentence, at, at + len(passage.figure), "  ")


class SamePassageScreen(FullWidthView):
    """The selection elsewhere at full width: whole passages, and differing figures side by side."""

    DEFAULT_CSS = """
    SamePassageScreen {
        & > #same-figures-title { height: auto; padding: 0 1; text-style: bold; }
        & > DataTable { height: auto; max-height: 45%; }
    }
    """

    BINDINGS = [
        Binding(
            "tab", "app.focus_next", "Passages / figures", tooltip="Move between the passages and the table"
        ),
    ]

    def __init__(
        self, found: SameThing, titles: Mapping[str, str], published: Mapping[str, date | None]
    ) -> None:
        """The view of ``found`` (its ``selection`` on top), titled from ``titles`` and ``published``."""
        self.passages = PassageRows(found, titles, published)
        super().__init__(self.passages)
        self.found, self.titles, self.published = found, titles, published
        self.groups = compared_figures(found)
        #: What each table row opens, by row key.
        self.row_targets: dict[str, OpenPassage] = {}
        self._table_width = 0

    def title_line(self) -> Text:
        """How many passages elsewhere, how many figures differ."""
        differing = sum(len(theirs) for _, theirs in self.groups)
        title = Text("The selection, elsewhere", "bold")
        title.append(
            f": {counted(len(self.found.same), 'passage')} · {counted(differing, 'differing figure')}"
        )
        return title

    def compose_below(self) -> ComposeResult:
        """The table of differing figures, under the passages."""
        if self.groups:
            yield Static(Text("Figures that differ (here, then elsewhere)"), id="same-figures-title")
            table: DataTable[Text] = DataTable(id="same-figures", cursor_type="row", zebra_stripes=True)
            yield table
        else:
            yield Static(
                Text("No figure in the selection is given differently elsewhere."), id="same-figures-title"
            )

    def choose(self, index: int) -> OpenPassage | None:
        """The passage chosen."""
        target = self.passages.target(index)
        return target if isinstance(target, OpenPassage) else None

    def on_resize(self, event: events.Resize) -> None:
        """Lay the table out for the width, its article column taking what the others leave."""
        if self.groups and event.size.width != self._table_width:
            self._table_width = event.size.width
            self._fill_table(event.size.width)

    def _fill_table(self, width: int) -> None:
        """The figure here, then each differing figure elsewhere, per figure of the selection."""
        table: DataTable[Text] = self.query_one("#same-figures", DataTable)
        rows: list[tuple[Passage, bool]] = []
        for mine, theirs in self.groups:
            rows += [(mine, True), *((passage, False) for passage in theirs)]
        cells = [self._cells(passage, here) for passage, here in rows]
        fixed = [max(len(COLUMNS[n]), *(cell[n].cell_len for cell in cells)) for n in (0, 1, 2, 4)]
        fixed[0] = min(fixed[0], 28)  # a long figure wraps rather than squeezing out the titles
        # Two cells of padding per column, and the scroll bar's width.
        article_width = max(16, width - sum(fixed) - 2 * len(COLUMNS) - 2)
        cursor = table.cursor_row
        table.clear(columns=True)
        for label, size in zip(COLUMNS, [*fixed[:3], article_width, fixed[3]], strict=True):
            table.add_column(label, width=size, key=label)
        self.row_targets = {}
        for number, ((passage, _), row) in enumerate(zip(rows, cells, strict=True)):
            key = f"row-{number}"
            self.row_targets[key] = OpenPassage(passage.article, passage.start, passage.end)
            table.add_row(*row, height=None, key=key)
        table.move_cursor(row=cursor)

    def _cells(self, passage: Passage, here: bool) -> list[Text]:
        """One row: the figure as written, its value and unit, its article and date."""
        value, unit = passage.amount()
        style = "bold" if here else ""
        title = one_line(self.titles.get(passage.article) or passage.article)
        return [
            Text(("" if here else "≠ ") + one_line(passage.figure), style),
            Text(value, style),
            Text(unit, style),
            Text(("here: " if here else "") + title, style),
            Text(date_label(self.published.get(passage.article)), style),
        ]

    @on(DataTable.RowSelected)
    def _row_chosen(self, message: DataTable.RowSelected) -> None:
        """Open the sentence of the figure chosen."""
        message.stop()
        target = self.row_targets.get(str(message.row_key.value))
        if target is not None:
            self.dismiss(target)
