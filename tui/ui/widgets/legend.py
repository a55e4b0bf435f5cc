"""The legend: the entity types in their text colours, two rows of three; click or 1–6 to toggle."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widget import Widget

from tui.core.models import EntityType
from tui.ui.messages import TypeToggled
from tui.ui.theme import entity_styles

SHORT_LABELS = {
    EntityType.PERSON: "People",
    EntityType.ORGANISATION: "Orgs",
    EntityType.PLACE: "Places",
    EntityType.MONEY: "Money",
    EntityType.FIGURE: "Figures",
    EntityType.DATE: "Dates",
}
COLUMNS = 3


class Legend(Widget):
    """One cell per type: its key, name and mention count, coloured as in the text, struck when off."""

    COMPONENT_CLASSES = {"legend--off"}

    DEFAULT_CSS = """
    Legend {
        height: 2;
        padding: 0 2;
        background: $surface;
        & > .legend--off { color: $text-disabled; text-style: strike; background: transparent; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.enabled: set[EntityType] = set(EntityType)
        self.counts: dict[EntityType, int] | None = None

    def set_state(self, enabled: set[EntityType], counts: dict[EntityType, int] | None) -> None:
        """Show which types are on and how many mentions each has in the open article."""
        self.enabled = set(enabled)
        self.counts = None if counts is None else dict(counts)
        self.refresh()

    def _cell_width(self) -> int:
        """The width of one type's cell, a gap included."""
        return max(8, self.content_size.width // COLUMNS)

    def render(self) -> Text:
        """Two rows of three coloured cells."""
        width = self._cell_width()
        legend = Text(no_wrap=True, overflow="crop")
        colours = entity_styles(self.app.theme_variables)
        off = self.get_component_rich_style("legend--off", partial=True)
        for index, kind in enumerate(EntityType):
            if index and index % COLUMNS == 0:
                legend.append("\n")
            label = f" {index + 1} {SHORT_LABELS[kind]}"
            if self.counts is not None:
                label += f" {self.counts.get(kind, 0)}"
            legend.append(label[: width - 1].ljust(width - 1), colours[kind] if kind in self.enabled else off)
            legend.append(" ")
        return legend

    def type_at(self, x: int, y: int) -> EntityType | None:
        """The type whose cell is at content offset (x, y)."""
        column = x // self._cell_width()
        index = y * COLUMNS + column
        kinds = list(EntityType)
        return kinds[index] if 0 <= column < COLUMNS and 0 <= index < len(kinds) else None

    def on_click(self, event: events.Click) -> None:
        """Toggle the clicked type."""
        offset = event.get_content_offset(self)
        kind = None if offset is None else self.type_at(offset.x, offset.y)
        if kind is not None:
            event.stop()
            self.post_message(TypeToggled(kind))
