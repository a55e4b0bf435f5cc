"""A list that draws only the lines on screen: for panes of tens of thousands of entries.

:class:`LineList` shows :class:`Rows`: entries of one or more lines each, some of them
headings that the cursor skips. Showing new rows costs one pass over their heights; each line
is made (by the rows) only when it is drawn, so a pane fills as fast for a corpus of ten
thousand articles as for five. The cursor moves with the arrows or j/k, PgUp/PgDn, g/G;
Enter or a click chooses the entry under it (:class:`LineList.Selected`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.ui.bidi_display import bidi_mode, drawn
from tui.ui.messages import Report


class Rows:
    """What a :class:`LineList` shows; subclasses say how many entries and draw each one."""

    def __len__(self) -> int:
        """The number of entries."""
        return 0

    def heights(self) -> list[int] | None:
        """Every entry's number of lines, or None if each has one."""
        return None

    def lines(self, index: int) -> list[Text]:
        """The lines of one entry, as plain text with styles (never markup)."""
        raise IndexError(index)

    def enabled(self, index: int) -> bool:
        """Whether the cursor can stop on an entry (headings cannot)."""
        return True

    def next_enabled(self, index: int, step: int) -> int | None:
        """The first entry from ``index`` on (by ``step``: 1 down, -1 up) the cursor can stop on."""
        while 0 <= index < len(self):
            if self.enabled(index):
                return index
            index += step
        return None


class LineList(ScrollView, can_focus=True):
    """A cursor over rows drawn line by line, each line cut to the width with an ellipsis."""

    COMPONENT_CLASSES = {"line-list--cursor"}

    DEFAULT_CSS = """
    LineList {
        height: 1fr;
        & > .line-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .line-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
    }
    """

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "edge(0)", "First", show=False),
        Binding("end,G", "edge(1)", "Last", show=False),
        Binding("enter", "choose", "Choose", show=False),
    ]

    class Selected(Report):
        """An entry was chosen (Enter or a click). (A :class:`Report`: made a dataclass when first
        sent, not at import, as the article list puts this module on the start-up path.)"""

        line_list: LineList
        index: int

        @property
        def control(self) -> LineList:
            """The list the entry was chosen in."""
            return self.line_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Rows = Rows()
        self.cursor: int | None = None
        self._starts: Sequence[int] = [0]
        self._drawn: dict[int, list[Text]] = {}
        self._styles: tuple[Style, Style] | None = None

    def show(self, rows: Rows) -> None:
        """Show new rows, the cursor on the first entry it can stop on, scrolled to the top."""
        self.rows = rows
        heights = rows.heights()
        count = len(rows)
        self._starts = [0, *accumulate(heights)] if heights is not None else range(count + 1)
        self._drawn = {}
        self.cursor = self.rows.next_enabled(0, 1)
        self.virtual_size = Size(self.size.width, self._starts[-1])
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def measure(self) -> Size:
        """Measure the rows again, their heights having changed in place (with the width, say),
        keeping the cursor: the new virtual size, for the caller to set."""
        heights = self.rows.heights()
        self._starts = [0, *accumulate(heights)] if heights is not None else range(len(self.rows) + 1)
        self._drawn = {}
        return Size(self.size.width, self._starts[-1])

    def redraw(self) -> None:
        """Make the lines again as they are drawn (the rows changed in place, not their heights)."""
        self._drawn = {}
        self.refresh()

    def _entry_lines(self, index: int) -> list[Text]:
        """An entry's lines, made once while it stays near the screen."""
        found = self._drawn.get(index)
        if found is None:
            if len(self._drawn) > 400:
                self._drawn.clear()
            found = self._drawn[index] = self.rows.lines(index)
        return found

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in ``crop``: the widget's styles are looked up once for all of them."""
        self._styles = (self.rich_style, self.cursor_style())
        try:
            return super().render_lines(crop)
        finally:
            self._styles = None

    def cursor_style(self) -> Style:
        """The style of the entry under the cursor, over the entry's own styles."""
        return self.get_component_rich_style("line-list--cursor")

    def render_line(self, y: int) -> Strip:
        """One line of one entry, highlighted if the cursor is on the entry."""
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base, cursor_style = self._styles or (self.rich_style, self.cursor_style())
        if not 0 <= line < self._starts[-1] or width <= 0:
            return Strip.blank(width, base)
        index = bisect_right(self._starts, line) - 1
        lines = self._entry_lines(index)
        part = line - self._starts[index]
        if part >= len(lines):  # lines an entry's height leaves below its own: a gap, never highlighted
            return Strip.blank(width, base)
        text = lines[part].copy()
        text.truncate(width - 1, overflow="ellipsis")
        text = drawn(text, bidi_mode(self.app))  # cut in logical order, then reordered
        cursor = cursor_style if index == self.cursor else None
        styled = Segment.apply_style([Segment(" "), *text.render(self.app.console)], base, cursor)
        return Strip(styled).extend_cell_length(width, base + cursor if cursor else base).crop(0, width)

    def entry_at(self, y: int) -> int | None:
        """The entry drawn at content line ``y`` (scroll included)."""
        if not 0 <= y < self._starts[-1]:
            return None
        return bisect_right(self._starts, y) - 1

    def move_to(self, index: int | None) -> None:
        """Put the cursor on an entry and scroll it into view."""
        if index is None or not 0 <= index < len(self.rows):
            return
        self.cursor = index
        first, last = self._starts[index], self._starts[index + 1] - 1
        height = self.scrollable_content_region.height
        if first < self.scroll_offset.y:
            self.scroll_to(y=first, animate=False)
        elif last >= self.scroll_offset.y + height:
            self.scroll_to(y=max(first, last - height + 1), animate=False)
        self.refresh()

    def action_move(self, step: int) -> None:
        """The cursor to the next (or previous) entry it can stop on."""
        if self.cursor is None:
            return
        self.move_to(self.rows.next_enabled(self.cursor + step, step))

    def action_page(self, direction: int) -> None:
        """The cursor about a screenful down or up."""
        if self.cursor is None:
            return
        target = self._starts[self.cursor] + direction * max(1, self.scrollable_content_region.height - 1)
        index = self.entry_at(max(0, min(target, self._starts[-1] - 1)))
        if index is not None:
            self.move_to(
                self.rows.next_enabled(index, direction) or self.rows.next_enabled(index, -direction)
            )

    def action_edge(self, last: int) -> None:
        """The cursor to the first (0) or last (1) entry it can stop on."""
        self.move_to(self.rows.next_enabled(len(self.rows) - 1, -1) if last else self.rows.next_enabled(0, 1))

    def action_choose(self) -> None:
        """Choose the entry under the cursor."""
        if self.cursor is not None:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        """A click on an entry moves the cursor there and chooses it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.entry_at(offset.y + self.scroll_offset.y)
        if index is not None and self.rows.enabled(index):
            self.move_to(index)
            self.post_message(self.Selected(self, index))

    def on_resize(self, event: events.Resize) -> None:
        """Keep the virtual size in step with the width."""
        self.virtual_size = Size(self.size.width, self._starts[-1])
