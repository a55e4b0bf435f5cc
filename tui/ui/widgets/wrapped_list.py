"""A list whose entries are word-wrapped to the width, for views that show whole sentences.

:class:`WrappedList` shows the same :class:`~tui.ui.widgets.line_list.Rows` as
:class:`~tui.ui.widgets.line_list.LineList`, but nothing is cut: each logical line of an entry is
wrapped at word boundaries, its continuation lines indented as the line itself is. Heights are
not known until an entry is wrapped, so the list scrolls by entry: the scroll position is the
entry at the top of the screen (the scrollbar counts entries), plus how many of its lines are
scrolled past. Only the entries drawn are made and wrapped, and they are kept for the width,
so a list of two hundred thousand entries opens and pages as fast as one of ten.

Keys: ↓/j and ↑/k move the cursor (through an entry taller than the screen a line at a time
first), PgDn/PgUp a screenful, Home/g and End/G to the ends, Enter or a click chooses
(:class:`WrappedList.Selected`); the mouse wheel scrolls by lines.
"""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.bidi_text import BidiMode
from tui.ui.bidi_display import bidi_mode, drawn_lines
from tui.ui.messages import Report
from tui.ui.widgets.line_list import LineList, Rows

#: A place in the list: an entry and how many of its wrapped lines are above it.
Position = tuple[int, int]

#: How many wrapped entries are kept before the cache is emptied (a few screens' worth).
_KEPT = 600


def wrap_line(text: Text, width: int, console: Console, mode: BidiMode = "app") -> list[Text]:
    """One logical line word-wrapped to ``width`` cells, continuation lines keeping its indent
    (up to half the width); a word longer than the width is cut into pieces. Right-to-left text
    is put in visual order on each line, with the line's own direction (``mode``: unless the
    terminal does it)."""
    plain = text.plain
    indent = min(len(plain) - len(plain.lstrip(" ")), width // 2)
    body = text[indent:] if indent else text
    pad = " " * indent
    wrapped: list[Text] = []
    pieces = list(body.wrap(console, max(1, width - indent), overflow="fold"))
    for line in pieces:
        line.rstrip()  # the space a line was broken at
    for line in drawn_lines(body, pieces, mode):
        wrapped.append(Text(pad) + line if indent else line)
    return wrapped or [Text()]


class WrappedList(ScrollView, can_focus=True):
    """A cursor over rows whose lines are word-wrapped to the width, scrolled by entry."""

    COMPONENT_CLASSES = {"wrapped-list--cursor"}

    DEFAULT_CSS = """
    WrappedList {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: scroll;
        & > .wrapped-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .wrapped-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
    }
    """

    BINDINGS = LineList.BINDINGS  # the same keys as the lists of the panes

    class Selected(Report):
        """An entry was chosen (Enter or a click)."""

        wrapped_list: WrappedList
        index: int

        @property
        def control(self) -> WrappedList:
            """The list the entry was chosen in."""
            return self.wrapped_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: Rows = Rows()
        self.cursor: int | None = None
        self._wrapped: dict[int, list[Text]] = {}  # entries wrapped at _wrapped_width
        self._wrapped_width = 0
        self._skip: Position = (0, 0)  # (entry, lines of it scrolled past) when that entry is on top
        self._styles: tuple[Style, Style] | None = None
        self._screen_rows: list[Position] = []

    # The rows and their wrapped lines

    def show(self, rows: Rows) -> None:
        """Show new rows, the cursor on the first entry it can stop on, scrolled to the top."""
        self.rows = rows
        self._wrapped = {}
        self._skip = (0, 0)
        self.cursor = self.rows.next_enabled(0, 1)
        self._update_virtual_size()
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def rows_grew(self) -> None:
        """The rows gained entries at their end (those shown before are unchanged): take them in,
        keeping the cursor and the scroll position."""
        if self.cursor is None:
            self.cursor = self.rows.next_enabled(0, 1)
        self._update_virtual_size()
        self.refresh()

    def _update_virtual_size(self) -> None:
        """One scroll step per entry, with room for the last entry to reach the top of the screen."""
        height = max(0, self.scrollable_content_region.height - 1)
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows) + height)

    def _text_width(self) -> int:
        """The cells a line is wrapped to: the content width less a margin either side."""
        return max(4, self.scrollable_content_region.width - 2)

    def wrapped(self, index: int) -> list[Text]:
        """An entry's lines wrapped to the width, made once while the width and the rows stay."""
        width = self._text_width()
        if width != self._wrapped_width:
            self._wrapped, self._wrapped_width = {}, width
        found = self._wrapped.get(index)
        if found is None:
            if len(self._wrapped) > _KEPT:
                self._wrapped.clear()
            console, mode = self.app.console, bidi_mode(self.app)
            lines = self.rows.lines(index)
            found = [part for line in lines for part in wrap_line(line, width, console, mode)]
            self._wrapped[index] = found or [Text()]
        return found or [Text()]

    def _height(self, index: int) -> int:
        """How many screen lines an entry takes."""
        return len(self.wrapped(index))

    # Positions: (entry, lines of it above the screen)

    def _forward(self, position: Position, count: int) -> Position:
        """``count`` lines further down, stopping at the last line of the last entry."""
        entry, skip = position
        last = len(self.rows) - 1
        while count > 0 and entry <= last:
            room = self._height(entry) - 1 - skip
            if count <= room:
                return entry, skip + count
            if entry == last:
                return entry, skip + room
            count -= room + 1
            entry, skip = entry + 1, 0
        return entry, skip

    def _backward(self, position: Position, count: int) -> Position:
        """``count`` lines further up, stopping at the first line."""
        entry, skip = position
        while count > 0:
            if count <= skip:
                return entry, skip - count
            if entry == 0:
                return 0, 0
            count -= skip + 1
            entry -= 1
            skip = self._height(entry) - 1
        return entry, skip

    def _fill(self, position: Position, lines: int) -> list[Position]:
        """The (entry, line) drawn on each of ``lines`` screen lines from ``position`` on."""
        entry, skip = position
        drawn: list[Position] = []
        while len(drawn) < lines and entry < len(self.rows):
            height = self._height(entry)
            drawn.extend((entry, part) for part in range(skip, min(height, skip + lines - len(drawn))))
            entry, skip = entry + 1, 0
        return drawn

    def _settled(self, position: Position) -> Position:
        """``position``, moved up if the entries after it would leave the screen's bottom empty."""
        height = self.scrollable_content_region.height
        if len(self.rows) == 0 or height <= 0:
            return 0, 0
        entry = min(position[0], len(self.rows) - 1)
        skip = min(position[1], self._height(entry) - 1)
        shown = len(self._fill((entry, skip), height))
        return self._backward((entry, skip), height - shown) if shown < height else (entry, skip)

    def position(self) -> Position:
        """The entry at the top of the screen and how many of its lines are scrolled past."""
        top = self.scroll_offset.y
        skip = self._skip[1] if self._skip[0] == top else 0
        return self._settled((top, skip))

    def _go(self, position: Position) -> None:
        """Scroll to a position (settled so the screen stays full)."""
        entry, skip = self._settled(position)
        self._skip = (entry, skip)
        self.scroll_to(y=entry, animate=False)
        self.refresh()

    def on_screen(self) -> list[Position]:
        """The (entry, line) on each line of the screen, top to bottom."""
        return self._fill(self.position(), self.scrollable_content_region.height)

    # Drawing

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in ``crop``: what is on screen and the styles are worked out once for all of them."""
        self._styles = (self.rich_style, self.get_component_rich_style("wrapped-list--cursor"))
        self._screen_rows = self.on_screen()
        try:
            return super().render_lines(crop)
        finally:
            self._styles = None

    def render_line(self, y: int) -> Strip:
        """One screen line: a line of an entry, highlighted if the cursor is on the entry."""
        width = self.scrollable_content_region.width
        base, cursor_style = self._styles or (
            self.rich_style,
            self.get_component_rich_style("wrapped-list--cursor"),
        )
        if not 0 <= y < len(self._screen_rows) or width <= 0:
            return Strip.blank(width, base)
        entry, part = self._screen_rows[y]
        lines = self.wrapped(entry)
        text = lines[part] if part < len(lines) else Text()
        cursor = cursor_style if entry == self.cursor else None
        styled = Segment.apply_style([Segment(" "), *text.render(self.app.console)], base, cursor)
        return Strip(styled).extend_cell_length(width, base + cursor if cursor else base).crop(0, width)

    # Moving

    def move_to(self, index: int | None, from_below: bool = False) -> None:
        """Put the cursor on an entry and scroll it into view: all of it if it fits, else its top
        (its bottom when coming ``from_below``)."""
        if index is None or not 0 <= index < len(self.rows):
            return
        self.cursor = index
        height = self.scrollable_content_region.height
        shown = self.on_screen()
        entry_height = self._height(index)
        first_shown = (index, 0) in shown
        last_shown = (index, entry_height - 1) in shown
        if not (first_shown and last_shown):
            top, _ = self.position()
            bottom_of_entry = (index, entry_height - 1)
            if entry_height > height:
                self._go(self._backward(bottom_of_entry, height - 1) if from_below else (index, 0))
            elif index < top or (index == top and not first_shown):
                self._go((index, 0))
            else:
                self._go(self._backward(bottom_of_entry, height - 1))
        self.refresh()

    def action_move(self, step: int) -> None:
        """The cursor to the next (or previous) entry it can stop on, after scrolling through the
        rest of a cursor entry taller than the screen."""
        if self.cursor is None:
            return
        shown = self.on_screen()
        if shown:
            edge = shown[-1] if step > 0 else shown[0]
            entry, part = edge
            more = part < self._height(entry) - 1 if step > 0 else part > 0
            if entry == self.cursor and more:
                position = self.position()
                self._go(self._forward(position, 1) if step > 0 else self._backward(position, 1))
                return
        self.move_to(self.rows.next_enabled(self.cursor + step, step), from_below=step < 0)

    def action_page(self, direction: int) -> None:
        """A screenful down or up; the cursor to the first entry that starts on the new screen."""
        if self.cursor is None:
            return
        height = self.scrollable_content_region.height
        before = self.position()
        step = max(1, height - 1)
        self._go(self._forward(before, step) if direction > 0 else self._backward(before, step))
        if self.position() == before:  # at the end already: to the last (or first) entry
            self.action_edge(1 if direction > 0 else 0)
            return
        self._cursor_on_screen(keep=False)

    def _cursor_on_screen(self, keep: bool) -> None:
        """Put the cursor on the first entry starting on screen it can stop on (or the first shown),
        unless ``keep`` and it is on screen already."""
        shown = self.on_screen()
        entries = list(dict.fromkeys(entry for entry, _ in shown))
        if keep and self.cursor in entries:
            return
        starting = [entry for entry, part in shown if part == 0 and self.rows.enabled(entry)]
        enabled = [entry for entry in entries if self.rows.enabled(entry)]
        if starting or enabled:
            self.cursor = (starting or enabled)[0]
            self.refresh()

    def action_edge(self, last: int) -> None:
        """The cursor to the first (0) or last (1) entry it can stop on."""
        if not len(self.rows):
            return
        if last:
            end = len(self.rows) - 1
            self._go((end, self._height(end) - 1))
            self.move_to(self.rows.next_enabled(end, -1))
        else:
            self._go((0, 0))
            self.move_to(self.rows.next_enabled(0, 1))

    def action_choose(self) -> None:
        """Choose the entry under the cursor."""
        if self.cursor is not None:
            self.post_message(self.Selected(self, self.cursor))

    def _wheel(self, event: events.MouseScrollDown | events.MouseScrollUp, direction: int) -> None:
        """Scroll by a few lines; the cursor stays if still on screen, else moves onto it."""
        event.prevent_default()
        event.stop()
        lines = max(1, int(self.app.scroll_sensitivity_y))
        position = self.position()
        self._go(self._forward(position, lines) if direction > 0 else self._backward(position, lines))
        self._cursor_on_screen(keep=True)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel scrolls down by lines."""
        self._wheel(event, 1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel scrolls up by lines."""
        self._wheel(event, -1)

    def entry_at(self, y: int) -> int | None:
        """The entry drawn on screen line ``y``."""
        shown = self.on_screen()
        return shown[y][0] if 0 <= y < len(shown) else None

    def on_click(self, event: events.Click) -> None:
        """A click on an entry moves the cursor there and chooses it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.entry_at(offset.y)
        if index is not None and self.rows.enabled(index):
            self.cursor = index
            self.refresh()
            self.post_message(self.Selected(self, index))

    def on_resize(self, event: events.Resize) -> None:
        """Keep the virtual size in step with the size (the wrapping follows the width when drawn)."""
        self._update_virtual_size()
