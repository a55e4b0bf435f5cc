"""Keys and the mouse for the article view's cursor and selection (see :class:`CursorView`)."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.strip import Strip

from tui.ui.messages import Report
from tui.ui.reader.cursor import Cursor
from tui.ui.reader.wrap import VisualLine
from tui.ui.widgets.early_layout import EarlyLayout


class CursorView(EarlyLayout):
    """A scrolling text with a cursor: the movement keys, selection, the mouse, and keeping it in view.

    The article view builds on it and supplies the text, its wrapped lines, the line cache
    and the offset maths (``line_of``, ``offset_at``).
    """

    class CursorMoved(Report):
        """The text cursor moved; ``selection`` is the selected span, if any."""

        offset: int
        selection: tuple[int, int] | None

    cursor: Cursor
    _text: str
    _lines: list[VisualLine]
    _cache: LRUCache[tuple[int, int], Strip]
    _dragging: bool
    # Supplied by the article view: where an offset is drawn, what is under a cell (lines of
    # right-to-left text are drawn reordered, so columns come from it too).
    line_of: Callable[[int], int]
    offset_at: Callable[[int, int], int | None]
    column_of: Callable[[int], int]
    offset_in_column: Callable[[int, int], int]

    BINDINGS = [
        Binding("up,k", "line(-1)", "Line up", show=False),
        Binding("down,j", "line(1)", "Line down", show=False),
        Binding("left,h", "char(-1)", "Left", show=False),
        Binding("right,l", "char(1)", "Right", show=False),
        Binding("shift+up", "line(-1, True)", "Select line up", show=False),
        Binding("shift+down", "line(1, True)", "Select line down", show=False),
        Binding("shift+left", "char(-1, True)", "Select left", show=False),
        Binding("shift+right", "char(1, True)", "Select right", show=False),
        Binding("w,ctrl+right", "unit('word', 1)", "Next word", show=False),
        Binding("b,ctrl+left", "unit('word', -1)", "Previous word", show=False),
        # As vim's e, but to just after the word's last letter, so "v e" selects the whole word.
        Binding("e", "unit('word_end', 1)", "End of the word", show=False),
        Binding("ctrl+shift+right", "unit('word', 1, True)", "Select next word", show=False),
        Binding("ctrl+shift+left", "unit('word', -1, True)", "Select previous word", show=False),
        Binding("right_parenthesis", "unit('sentence', 1)", "Next sentence", show=False),
        Binding("left_parenthesis", "unit('sentence', -1)", "Previous sentence", show=False),
        Binding("right_curly_bracket", "unit('paragraph', 1)", "Next paragraph", show=False),
        Binding("left_curly_bracket", "unit('paragraph', -1)", "Previous paragraph", show=False),
        Binding("v", "toggle_selecting", "Select", tooltip="Start or drop a selection at the cursor"),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("home,g", "edge(-1)", "Top", show=False),
        Binding("end,G", "edge(1)", "Bottom", show=False),
    ]

    # The cursor

    def move_cursor(self, offset: int, extend: bool = False) -> None:
        """Put the cursor at ``offset`` (``extend``: select from where it was), keep it in view, report it."""
        self.cursor.move(offset, extend)
        self._cursor_changed()

    def select(self, start: int, end: int) -> None:
        """Select a span (the cursor at its end) and show it."""
        self.cursor.select(start, end)
        self._cursor_changed()

    def clear_selection(self) -> None:
        """Drop the selection, keeping the cursor where it is."""
        if self.cursor.anchor is not None or self.cursor.selecting:
            self.cursor.clear()
            self._cursor_changed()

    def _cursor_changed(self) -> None:
        """Redraw, scroll the cursor into view and tell the screen."""
        self._cache.clear()
        self.refresh()
        line = self.line_of(self.cursor.offset)
        height = self.scrollable_content_region.height
        if line < self.scroll_offset.y:
            self.scroll_to(y=line, animate=False)
        elif height and line >= self.scroll_offset.y + height:
            self.scroll_to(y=line - height + 1, animate=False)
        self.post_message(self.CursorMoved(self.cursor.offset, self.cursor.selection))

    def action_char(self, delta: int, extend: bool = False) -> None:
        """One character left or right."""
        self.move_cursor(self.cursor.offset + delta, extend)

    def action_line(self, delta: int, extend: bool = False) -> None:
        """One visual line up or down, keeping the column (the blank lines between paragraphs are skipped)."""
        target = self.line_of(self.cursor.offset) + delta
        while 0 <= target < len(self._lines) and self._lines[target].paragraph < 0:
            target += delta
        if 0 <= target < len(self._lines):
            self.move_cursor(self._offset_on_line(target), extend)

    def action_unit(self, unit: str, direction: int, extend: bool = False) -> None:
        """To the next or previous word, sentence or paragraph."""
        self.move_cursor(self.cursor.step(unit, direction), extend)

    def action_page(self, direction: int) -> None:
        """A page down or up: the text scrolls and the cursor goes with it."""
        height = max(1, self.scrollable_content_region.height - 1)
        line = self.line_of(self.cursor.offset) + direction * height
        self.scroll_to(y=self.scroll_offset.y + direction * height, animate=False)
        self.move_cursor(self._offset_on_line(line), self.cursor.anchor is not None)

    def action_edge(self, direction: int) -> None:
        """The start or the end of the text."""
        self.move_cursor(0 if direction < 0 else len(self._text), self.cursor.anchor is not None)

    def action_toggle_selecting(self) -> None:
        """Start a selection at the cursor (then move to extend it), or drop it."""
        self.cursor.toggle_selecting()
        self._cursor_changed()

    def _offset_on_line(self, line: int) -> int:
        """The offset at the cursor's column on visual line ``line`` (clamped to the text)."""
        self._ensure_layout()
        if not self._lines:
            return 0
        column = self.column_of(self.cursor.offset)
        return self.offset_in_column(max(0, min(line, len(self._lines) - 1)), column)

    def on_focus(self) -> None:
        """Show the cursor."""
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        """Hide the cursor."""
        self._cache.clear()
        self.refresh()

    # The mouse

    def _position(self, event: events.MouseEvent) -> int | None:
        """The text offset under the mouse."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return self.offset_at(offset.x + self.scroll_offset.x, offset.y + self.scroll_offset.y)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Put the cursor under the mouse and start a possible drag."""
        position = self._position(event)
        if position is None or event.button != 1:
            return
        self.focus()
        self.move_cursor(position)
        self._dragging = True
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Dragging selects."""
        if not self._dragging:
            return
        position = self._position(event)
        if position is None:
            return
        anchor = self.cursor.offset if self.cursor.anchor is None else self.cursor.anchor
        end = position + 1 if position >= anchor else position  # the character under the mouse is in
        if end != self.cursor.offset:
            self.move_cursor(end, True)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """End a drag."""
        if self._dragging:
            self._dragging = False
            self.release_mouse()
