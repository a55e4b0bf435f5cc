"""The legend at every width: it wraps onto more rows rather than cutting a type off."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui.core.models import EntityType
from tui.ui.reader.legend import SHORT_LABELS, Legend


class LegendApp(App[None]):
    """A legend alone, at a given width."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.legend_width = width

    def compose(self) -> ComposeResult:
        """The legend, with the width asked for."""
        legend = Legend()
        legend.styles.width = self.legend_width
        yield legend


@pytest.mark.parametrize(("width", "rows"), [(100, 2), (49, 2), (40, 3), (20, 6)])
async def test_the_legend_wraps_rather_than_dropping_a_type(width: int, rows: int) -> None:
    app = LegendApp(width)
    async with app.run_test(size=(120, 20)) as pilot:
        legend = app.query_one(Legend)
        legend.set_state({EntityType.PERSON}, {kind: 123 for kind in EntityType})
        await pilot.pause()
        assert legend.region.height == rows
        lines = legend.render().plain.splitlines()
        assert all(len(line.rstrip()) <= legend.content_size.width for line in lines)
        for index, (kind, label) in enumerate(zip(EntityType, SHORT_LABELS.values(), strict=True), start=1):
            cell = f"{index} {label} 123"
            y = next(row for row, line in enumerate(lines) if cell in line)  # whole, on some row
            assert legend.type_at(lines[y].index(cell), y) is kind  # and a click there toggles it
