"""Tick boxes and radio buttons whose state shows in their characters, not only in their colour.

Textual draws the same ``▐X▌`` (``▐●▌`` for a radio button) ticked or not, telling the two apart
by colour alone: unticked, a dark ``X`` on the dark panel still reads as a tick. Here an unticked
box is empty and a ticked one holds a mark. The app uses these in place of Textual's
``SelectionList``, ``Checkbox`` and ``RadioButton`` (a test keeps it so).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import SelectionType

TICK = "✓"
DOT = "●"
EMPTY = " "


class TickList(SelectionList[SelectionType]):
    """A ``SelectionList`` whose boxes are empty unticked and hold a tick when ticked."""

    def render_line(self, y: int) -> Strip:
        """Textual's line, with the box's inside replaced by a tick or a blank."""
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip  # not a line with a box (Textual draws one on each option's line)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        mark = TICK if option.value in self.selected else EMPTY
        segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)


class Radio(RadioButton):
    """A ``RadioButton`` whose button is empty when off and holds a dot when on."""

    def render(self) -> Content:
        """Textual's button and label, the button's inside chosen by the value (read when drawn)."""
        self.BUTTON_INNER = DOT if self.value else EMPTY
        return super().render()


class Tick(Checkbox):
    """A ``Checkbox`` whose box is empty when off and holds a tick when on."""

    def render(self) -> Content:
        """Textual's box and label, the box's inside chosen by the value (read when drawn)."""
        self.BUTTON_INNER = TICK if self.value else EMPTY
        return super().render()
