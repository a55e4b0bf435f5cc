"""The legend: one chip per entity type, coloured as in the text; click or 1–6 to toggle."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.containers import Container
from textual.widgets import Static

from tui.core.models import EntityType
from tui.ui.messages import TypeToggled

SHORT_LABELS = {
    EntityType.PERSON: "People",
    EntityType.ORGANISATION: "Orgs",
    EntityType.PLACE: "Places",
    EntityType.MONEY: "Money",
    EntityType.FIGURE: "Figures",
    EntityType.DATE: "Dates",
}


class TypeChip(Static):
    """One entity type in the legend, showing its colour, key, name and mention count."""

    DEFAULT_CSS = """
    TypeChip {
        width: 1fr;
        padding: 0 1;
        margin-right: 1;
        &.-off { text-style: strike; color: $text-disabled; background: transparent; }
        &.person { background: $entity-person; }
        &.organisation { background: $entity-organisation; }
        &.place { background: $entity-place; }
        &.money { background: $entity-money; }
        &.figure { background: $entity-figure; }
        &.date { background: $entity-date; }
    }
    """

    def __init__(self, entity_type: EntityType, key: str) -> None:
        super().__init__(classes=entity_type.value)
        self.entity_type = entity_type
        self.key = key
        self.count: int | None = None

    def refresh_label(self) -> None:
        """Redraw the chip text."""
        label = f"{self.key} {SHORT_LABELS[self.entity_type]}"
        if self.count is not None:
            label += f" {self.count}"
        self.update(Text(label))

    def on_mount(self) -> None:
        """Draw the label once mounted."""
        self.refresh_label()

    def on_click(self, event: events.Click) -> None:
        """Toggle this type."""
        event.stop()
        self.post_message(TypeToggled(self.entity_type))


class Legend(Container):
    """The type chips above the article text, in a grid of three columns."""

    DEFAULT_CSS = """
    Legend {
        layout: grid;
        grid-size: 3;
        grid-gutter: 0 0;
        height: 2;
        padding: 0 2;
        background: $surface;
    }
    """

    def compose(self):  # type: ignore[no-untyped-def]
        """One chip per type, keyed 1–6."""
        for number, entity_type in enumerate(EntityType, start=1):
            yield TypeChip(entity_type, str(number))

    def set_state(self, enabled: set[EntityType], counts: dict[EntityType, int] | None) -> None:
        """Show which types are on and how many mentions each has in the open article."""
        for chip in self.query(TypeChip):
            chip.set_class(chip.entity_type not in enabled, "-off")
            chip.count = None if counts is None else counts.get(chip.entity_type, 0)
            chip.refresh_label()
