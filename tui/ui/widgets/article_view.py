"""The article text, wrapped to the width, with entities, annotations, marks and matches highlighted.

A cursor (an offset into the text) moves by character, line, word, sentence and paragraph;
``v`` or shift+movement, or a mouse drag, selects a passage. The view reports where the cursor
and selection are with :class:`CursorMoved`; it never touches the annotation store.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.models import EntityType, Mention
from tui.core.safe_text import visible
from tui.ui.messages import CursorMoved, EntityChosen
from tui.ui.theme import entity_components, entity_rules
from tui.ui.widgets.cursor import Cursor
from tui.ui.widgets.highlights import Layer, annotation_layers, line_segments
from tui.ui.widgets.wrap import VisualLine, wrap_text

Span = tuple[int, int]


class ArticleView(ScrollView, can_focus=True):
    """Renders one article's text through the line API, so every line knows its offsets."""

    COMPONENT_CLASSES = {
        *entity_components("article-view"),
        "article-view--marked",
        "article-view--match",
        "article-view--current",
        "article-view--cursor",
        "article-view--selection",
        "article-view--overlap",
    }

    DEFAULT_CSS = """
    ArticleView {
        overflow-y: scroll;
        padding: 0 0 0 2;
        background: $surface;
        &:focus { background-tint: $foreground 3%; }
        ENTITY_RULES
        & > .article-view--marked { text-style: bold reverse; }
        & > .article-view--match { background: $warning 45%; }
        & > .article-view--current { background: $warning; color: $background; text-style: bold; }
        & > .article-view--cursor { text-style: reverse; }
        & > .article-view--selection { background: $accent 55%; }
        & > .article-view--overlap { text-style: bold italic; }
    }
    """.replace("ENTITY_RULES", entity_rules("article-view"))

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""
        self._mentions: list[Mention] = []
        self._enabled: set[EntityType] = set(EntityType)
        self._marked: str | None = None
        self._matches: list[Span] = []
        self._current: int | None = None
        self._lines: list[VisualLine] = []
        self._line_starts: list[int] = []
        self._layout_width = 0
        self._visible = ""
        self._layer_cache: list[Layer] | None = None
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._annotations: list[tuple[int, int, Style]] = []
        self.cursor = Cursor()
        self._dragging = False

    @property
    def text(self) -> str:
        """The text being shown."""
        return self._text

    @property
    def lines(self) -> list[VisualLine]:
        """The current visual lines (for tests and navigation)."""
        return self._lines

    def show(self, text: str, mentions: Iterable[Mention] = ()) -> None:
        """Show a new text, scrolled to the top, with no marks or matches."""
        self._text = text
        self._visible = visible(text)
        self._mentions = list(mentions)
        self._marked = None
        self._matches, self._current = [], None
        self._annotations = []
        self.cursor.reset(text)
        self._layout_width = 0
        self._restyle()
        self.scroll_to(0, 0, animate=False)

    def set_mentions(self, mentions: Iterable[Mention]) -> None:
        """Replace the entity mentions (when extraction finishes in the background)."""
        self._mentions = list(mentions)
        self._restyle()

    def set_annotations(self, spans: list[tuple[int, int, Style]]) -> None:
        """Mark annotated passages: each span with its style (passages may overlap)."""
        self._annotations = spans
        self._restyle()

    def set_enabled_types(self, enabled: set[EntityType]) -> None:
        """Highlight only these entity types."""
        self._enabled = set(enabled)
        self._restyle()

    def mark_entity(self, entity_id: str | None) -> list[Span]:
        """Emphasise every mention of one entity; returns their spans in text order."""
        self._marked = entity_id
        self._restyle()
        return [(m.start, m.end) for m in self._mentions if m.entity_id == entity_id]

    def set_matches(self, matches: list[Span], current: int | None) -> None:
        """Show find matches, one of them current, and scroll the current one into view."""
        self._matches, self._current = matches, current
        self._restyle()
        if current is not None and matches:
            self.scroll_to_offset(matches[current][0])

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding character ``offset`` is in view, about a third down."""
        self._ensure_layout()
        line = self.line_of(offset)
        target = max(0, line - self.scrollable_content_region.height // 3)
        if not (self.scroll_offset.y <= line < self.scroll_offset.y + self.scrollable_content_region.height):
            self.scroll_to(y=target, animate=False)

    def line_of(self, offset: int) -> int:
        """The index of the visual line holding ``offset``."""
        self._ensure_layout()
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def offset_at(self, x: int, y: int) -> int | None:
        """The character offset under content cell (x, y), or None off the text."""
        self._ensure_layout()
        if not 0 <= y < len(self._lines):
            return None
        line = self._lines[y]
        column = 0
        for index in range(line.start, line.end):
            column += cell_len(self._text[index])
            if column > x:
                return index
        return None

    def _restyle(self) -> None:
        """Rebuild the styled text after any change of marks, types or matches."""
        self._layer_cache = None
        self._cache.clear()
        self.refresh()

    def _ensure_layout(self) -> None:
        """Re-wrap the text if the width changed."""
        width = self.scrollable_content_region.width or self.size.width or 80
        if width == self._layout_width and self._lines:
            return
        self._layout_width = width
        self._lines = wrap_text(self._text, width - 1)
        self._line_starts = [line.start if line.paragraph >= 0 else line.start - 1 for line in self._lines]
        self._cache.clear()
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap at the new width."""
        self._ensure_layout()

    def _layers(self) -> list[Layer]:
        """The highlight layers, rebuilt after any change of types, mark or matches."""
        if self._layer_cache is None:
            style = self._style
            entities = [
                (m.start, m.end, style(f"article-view--{m.type.value}"))
                for m in self._mentions
                if m.type in self._enabled
            ]
            marked = style("article-view--marked")
            marks = [(m.start, m.end, marked) for m in self._mentions if m.entity_id == self._marked]
            match, current = style("article-view--match"), style("article-view--current")
            found = [
                (s, e, current if i == self._current else match) for i, (s, e) in enumerate(self._matches)
            ]
            self._layer_cache = [
                Layer.of(entities),
                *annotation_layers(self._annotations, style("article-view--overlap")),
                Layer.of(marks),
                Layer.of(found),
            ]
        layers = list(self._layer_cache)
        selection = self.cursor.selection
        if selection is not None:
            layers.append(Layer.of([(*selection, self._style("article-view--selection"))]))
        if self.has_focus:
            offset = self.cursor.offset
            layers.append(Layer.of([(offset, offset + 1, self._style("article-view--cursor"))]))
        return layers

    def _style(self, component: str) -> Style:
        """The Rich style of a component class (theme-aware)."""
        return self.get_component_rich_style(component, partial=True)

    def render_line(self, y: int) -> Strip:
        """One screen line of the text, padded to the width (lines are wrapped to fit it)."""
        self._ensure_layout()
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        key = (index, width)
        strip = self._cache.get(key)
        if strip is None:
            base = self.rich_style
            if index >= len(self._lines):
                strip = Strip.blank(width, base)
            else:
                line = self._lines[index]
                text = self._visible[line.start : line.end].rstrip()
                end = line.start + len(text)
                segments = line_segments(self._visible, line.start, end, self._layers(), base)
                used = cell_len(text)
                cursor = self.cursor.offset
                if self.has_focus and cursor >= end and used < width and self.line_of(cursor) == index:
                    segments.append(Segment(" ", base + self._style("article-view--cursor")))  # at line end
                    used += 1
                if used < width:
                    segments.append(Segment(" " * (width - used), base))
                strip = Strip(segments, max(used, width))
            self._cache[key] = strip
        if self.scroll_offset.x or strip.cell_length != width:
            return strip.crop(self.scroll_offset.x, self.scroll_offset.x + width)
        return strip

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
        self.post_message(CursorMoved(self.cursor.offset, self.cursor.selection))

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
        current = self._lines[max(0, min(self.line_of(self.cursor.offset), len(self._lines) - 1))]
        column = cell_len(self._text[current.start : self.cursor.offset])
        target = self._lines[max(0, min(line, len(self._lines) - 1))]
        offset, used = target.start, 0
        while offset < target.end and used + cell_len(self._text[offset]) <= column:
            used += cell_len(self._text[offset])
            offset += 1
        return offset

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

    def on_click(self, event: events.Click) -> None:
        """Clicking an entity (not dragging across it) chooses it: all its mentions are marked."""
        position = self._position(event)
        if position is None or self.cursor.selection is not None:
            return
        for mention in self._mentions:
            if mention.start <= position < mention.end and mention.type in self._enabled:
                self.post_message(EntityChosen(mention.entity_id))
                return
