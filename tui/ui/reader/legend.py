"""The legend: the entity types in their text colours, two rows of three (more rows when narrow, so
no type is ever cut off); click or 1–6 to toggle."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.widget import Widget

from tui.core.models import EntityType
from tui.ui.messages import Report
from tui.ui.theme import entity_styles

SHORT_LABELS = {
    EntityType.PERSON: "People",
    EntityType.ORGANISATION: "Orgs",
    EntityType.PLACE: "Places",
    EntityType.MONEY: "Money",
    EntityType.FIGURE: "Figures",
    EntityType.DATE: "Dates",
}
#: The columns tried, widest first: two rows of three, else three rows of two, else one a row.
COLUMNS = (3, 2, 1)


class Legend(Widget):
    """One cell per type: its key, name and mention count, coloured as in the text, struck when off."""

    class TypeToggled(Report):
        """The user toggled the highlighting of one entity type in the legend."""

        entity_type: EntityType

    COMPONENT_CLASSES = {"legend--off"}

    DEFAULT_CSS = """
    Legend {
        height: auto;
        padding: 0 2;
        background: $surface;
        /* Off: struck through (a cue besides colour), muted but still readable (4.5:1). */
        & > .legend--off { color: $text-muted; text-style: strike; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.enabled: set[EntityType] = set(EntityType)
        self.counts: dict[EntityType, int] | None = None

    def set_state(self, enabled: set[EntityType], counts: dict[EntityType, int] | None) -> None:
        """Show which types are on and how many mentions each has in the open article."""
        rows = self._rows()
        self.enabled = set(enabled)
        self.counts = None if counts is None else dict(counts)
        self.refresh(layout=self._rows() != rows)  # counts make the labels longer: maybe more rows

    def _labels(self) -> list[str]:
        """Each type's label: its key, short name and (once known) count."""
        labels = []
        for index, kind in enumerate(EntityType):
            label = f" {index + 1} {SHORT_LABELS[kind]}"
            if self.counts is not None:
                label += f" {self.counts.get(kind, 0)}"
            labels.append(label)
        return labels

    def _grid(self, width: int | None = None) -> tuple[int, int]:
        """The number of columns and the width of one cell (a gap included) at ``width`` cells:
        the most columns whose cells hold every whole label, spread over the width."""
        width = self.content_size.width if width is None else width
        needed = max(len(label) for label in self._labels()) + 1
        columns = next((n for n in COLUMNS if n * needed <= width), 1)
        return columns, max(needed, width // columns)

    def _rows(self, width: int | None = None) -> int:
        """How many rows the legend takes at ``width`` cells."""
        columns, _ = self._grid(width)
        return -(-len(EntityType) // columns)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the columns that fit need."""
        return self._rows(width)

    def render(self) -> Text:
        """The cells, row by row, coloured by type (struck when off)."""
        columns, width = self._grid()
        legend = Text(no_wrap=True, overflow="crop")
        colours = entity_styles(self.app.theme_variables)
        off = self.get_component_rich_style("legend--off")  # whole: "auto 60%" resolved on the background
        for index, (kind, label) in enumerate(zip(EntityType, self._labels(), strict=True)):
            if index and index % columns == 0:
                legend.append("\n")
            legend.append(label.ljust(width - 1), colours[kind] if kind in self.enabled else off)
            legend.append(" ")
        return legend

    def type_at(self, x: int, y: int) -> EntityType | None:
        """The type whose cell is at content offset (x, y)."""
        columns, width = self._grid()
        column = x // width
        index = y * columns + column
        kinds = list(EntityType)
        return kinds[index] if 0 <= column < columns and 0 <= index < len(kinds) else None

    def on_click(self, event: events.Click) -> None:
        """Toggle the clicked type."""
        offset = event.get_content_offset(self)
        kind = None if offset is None else self.type_at(offset.x, offset.y)
        if kind is not None:
            event.stop()
            self.post_message(self.TypeToggled(kind))
