"""The article text, wrapped to the width, with entities, annotations, marks and matches highlighted.

A cursor (an offset into the text) moves by character, line, word, sentence and paragraph;
``v`` or shift+movement, or a mouse drag, selects a passage. The view reports where the cursor
and selection are with :class:`CursorMoved`; it never touches the annotation store.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from rich.cells import cell_len
from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Size
from textual.strip import Strip

from tui.core.bidi_text import (
    BidiMode,
    DisplayLine,
    Levels,
    display_line,
    paragraph_levels,
    right_to_left_lines,
)
from tui.core.models import EntityType, Mention
from tui.core.safe_text import visible
from tui.ui.messages import EntityChosen
from tui.ui.reader.cursor import Cursor
from tui.ui.reader.cursor_view import CursorView
from tui.ui.reader.highlights import Layer, annotation_layers, line_segments, visual_segments
from tui.ui.reader.wrap import VisualLine, wrap_text
from tui.ui.theme import entity_styles, readable_on

Span = tuple[int, int]


class ArticleView(CursorView, can_focus=True):
    """Renders one article's text through the line API, so every line knows its offsets."""

    COMPONENT_CLASSES = {
        "article-view--marked",
        "article-view--match",
        "article-view--current",
        "article-view--cursor",
        "article-view--selection",
        "article-view--overlap",
    }

    #: The background the annotation colours were last made readable on.
    _layers_background: RichColor | None = None

    DEFAULT_CSS = """
    ArticleView {
        overflow-y: scroll;
        padding: 0 0 0 2;
        background: $surface;
        &:focus { background-tint: $foreground 3%; }
        /* Colours from tui/ui/theme.py (why each, there); each background has its text colour.
           The mark and the cursor reverse what is under them, which keeps its contrast. */
        & > .article-view--marked { text-style: bold reverse; }
        & > .article-view--match { background: $find-match; color: $find-match-text; }
        & > .article-view--current {
            background: $find-current; color: $find-current-text; text-style: bold underline;
        }
        & > .article-view--cursor { text-style: reverse; }
        & > .article-view--selection { background: $article-selection; color: $article-selection-text; }
        & > .article-view--overlap { text-style: bold italic; }
    }
    """

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
        self.bidi: BidiMode = "app"
        # The paragraphs holding right-to-left text (found on show(); none in most articles), their
        # levels, and their wrapped lines as drawn: only these lines leave the plain drawing path.
        self._right_to_left: list[tuple[int, int]] = []
        self._right_to_left_starts: list[int] = []
        self._levels: dict[int, Levels | None] = {}
        self._placed_lines: dict[int, tuple[DisplayLine, int] | None] = {}

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
        self._right_to_left = right_to_left_lines(self._visible)
        self._right_to_left_starts = [start for start, _ in self._right_to_left]
        self._levels = {}
        self._placed_lines = {}
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

    def scroll_to_span(self, start: int, end: int) -> None:
        """Scroll so the whole of ``start``–``end`` is in view if it fits (its first line about a
        third down, or at the top when it is long), unless it is in view already."""
        self._ensure_layout()
        first, last = self.line_of(start), self.line_of(max(start, end - 1))
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if top <= first and last < top + height:
            return
        lead = height // 3 if last - first + 1 <= height - height // 3 else 0
        self.scroll_to(y=max(0, first - lead), animate=False)

    def line_of(self, offset: int) -> int:
        """The index of the visual line holding ``offset``."""
        self._ensure_layout()
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def offset_at(self, x: int, y: int) -> int | None:
        """The character offset under content cell (x, y), or None off the text."""
        self._ensure_layout()
        if not 0 <= y < len(self._lines):
            return None
        placed = self._placed(y)
        if placed is not None:
            display, left = placed
            return display.cells[x - left] if 0 <= x - left < len(display.cells) else None
        line = self._lines[y]
        column = 0
        for index in range(line.start, line.end):
            column += cell_len(self._text[index])
            if column > x:
                return index
        return None

    def column_of(self, offset: int) -> int:
        """The screen column ``offset`` is drawn in on its line (where the cursor shows there); the
        end of a line, or a space cut off its end, is the cell after its text in reading order."""
        index = self.line_of(offset)
        line = self._lines[min(index, len(self._lines) - 1)]
        placed = self._placed(index)
        if placed is None:
            return cell_len(self._text[line.start : offset])
        display, left = placed
        if offset in display.cells:
            return left + display.cells.index(offset)
        if offset in display.offsets:  # a mark drawn in its letter's cell
            return left + max(0, cell_len(display.glyphs[: display.offsets.index(offset)]) - 1)
        return left - 1 if display.right_to_left else left + len(display.cells)

    def offset_in_column(self, index: int, column: int) -> int:
        """The offset drawn at ``column`` on visual line ``index`` (for up and down to keep the
        column). Off a reordered line's text: the space after its end if the line has one, else the
        character drawn nearest, so the cursor stays on the line."""
        line = self._lines[index]
        placed = self._placed(index)
        if placed is None:
            offset, used = line.start, 0
            while offset < line.end and used + cell_len(self._text[offset]) <= column:
                used += cell_len(self._text[offset])
                offset += 1
            return offset
        display, left = placed
        cell = column - left
        if not display.cells:
            return line.start
        if 0 <= cell < len(display.cells):
            return display.cells[cell]
        end = line.start + len(self._visible[line.start : line.end].rstrip())
        past_end = cell < 0 if display.right_to_left else cell >= len(display.cells)
        if past_end and end < line.end:  # a space after the text, still on this line
            return end
        return display.cells[0 if cell < 0 else -1]

    def on_mount(self) -> None:
        """Draw right-to-left text the way the app was started with (``--bidi``; on a bare App, here)."""
        self.bidi = "terminal" if getattr(self.app, "bidi", "app") == "terminal" else "app"

    def set_bidi(self, mode: BidiMode) -> None:
        """Draw right-to-left text reordered and shaped here ("app"), or in logical order for a
        terminal that reorders it itself ("terminal")."""
        if mode != self.bidi:
            self.bidi = mode
            self._placed_lines = {}
            self._cache.clear()
            self.refresh()

    def _placed(self, index: int) -> tuple[DisplayLine, int] | None:
        """Visual line ``index`` as drawn, with the column its text starts in, if it is in a paragraph
        holding right-to-left text and the app reorders it (else None: drawn as it is)."""
        if not self._right_to_left or self.bidi != "app" or not 0 <= index < len(self._lines):
            return None
        if index in self._placed_lines:
            return self._placed_lines[index]
        line = self._lines[index]
        found = bisect_right(self._right_to_left_starts, line.start) - 1
        placed = None
        if line.paragraph >= 0 and found >= 0 and line.start < self._right_to_left[found][1]:
            start, end = self._right_to_left[found]
            if start not in self._levels:
                self._levels[start] = paragraph_levels(self._visible, start, end)
            levels = self._levels[start]
            if levels is not None:
                text_end = line.start + len(self._visible[line.start : line.end].rstrip())
                display = display_line(self._visible, levels, line.start, text_end)
                # A right-to-left paragraph ends at the right edge; its line-end cell is on the left.
                left = self._layout_width - len(display.cells) if display.right_to_left else 0
                placed = (display, max(left, 0))
        self._placed_lines[index] = placed
        return placed

    def _restyle(self) -> None:
        """Rebuild the styled text after any change of marks, types or matches."""
        self._layer_cache = None
        self._cache.clear()
        self.refresh()

    def lay_out(self) -> Size | None:
        """Wrap the text at the width, if it changed: the new virtual size (else None)."""
        width = self.scrollable_content_region.width or self.size.width or 80
        if width == self._layout_width and self._lines:
            return None
        self._layout_width = width
        self._lines = wrap_text(self._text, width - 1)
        self._line_starts = [line.start if line.paragraph >= 0 else line.start - 1 for line in self._lines]
        self._placed_lines = {}
        self._cache.clear()
        return Size(width, len(self._lines))

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap at the new width."""
        self._ensure_layout()

    def notify_style_update(self) -> None:
        """The styles changed (another theme): draw every line again in the new colours."""
        super().notify_style_update()
        self._restyle()

    def _layers(self) -> list[Layer]:
        """The highlight layers, rebuilt after any change of types, mark or matches, or of the
        background (focus tints it), which the annotations' colours are chosen against."""
        background = self.line_style()[0].bgcolor
        if self._layer_cache is None or background != self._layers_background:
            self._layers_background = background
            style = self._style
            colours = entity_styles(self.app.theme_variables)
            entities = [(m.start, m.end, colours[m.type]) for m in self._mentions if m.type in self._enabled]
            marked = style("article-view--marked")
            marks = [(m.start, m.end, marked) for m in self._mentions if m.entity_id == self._marked]
            match, current = style("article-view--match"), style("article-view--current")
            found = [
                (s, e, current if i == self._current else match) for i, (s, e) in enumerate(self._matches)
            ]
            # Annotations under the entities: an entity's text keeps the colour chosen against its
            # background (the annotation's underline stays); elsewhere it takes its tag's colour.
            self._layer_cache = [
                *annotation_layers(self._readable_annotations(background), style("article-view--overlap")),
                Layer.of(entities),
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

    def _readable_annotations(self, background: RichColor | None) -> list[tuple[int, int, Style]]:
        """The annotated passages, each tag colour made readable (4.5:1) on the text's background."""
        if background is None:
            return self._annotations
        behind = Color.from_rich_color(background, ansi=False)
        readable = []
        for start, end, style in self._annotations:
            if style.color is not None and not style.color.is_default:
                colour = readable_on(Color.from_rich_color(style.color, ansi=False), behind)
                style = style + Style(color=colour.rich_color)
            readable.append((start, end, style))
        return readable

    def _style(self, component: str) -> Style:
        """The Rich style of a component class (theme-aware)."""
        return self.get_component_rich_style(component, partial=True)

    def render_line(self, y: int) -> Strip:
        """One screen line of the text, padded to the width (lines are wrapped to fit it)."""
        self._ensure_layout()
        index = self.scroll_offset.y + y
        base, width = self.line_style()
        key = (index, width)
        strip = self._cache.get(key)
        if strip is None:
            if index >= len(self._lines):
                strip = Strip.blank(width, base)
            else:
                line = self._lines[index]
                text = self._visible[line.start : line.end].rstrip()
                end = line.start + len(text)
                placed = self._placed(index)
                if placed is None:
                    segments = line_segments(self._visible, line.start, end, self._layers(), base)
                    used = cell_len(text)
                else:
                    display, left = placed
                    glyphs = visual_segments(
                        display.glyphs, display.offsets, line.start, end, self._layers(), base
                    )
                    segments = [Segment(" " * left, base), *glyphs] if left else glyphs
                    used = left + len(display.cells)
                cursor = self.cursor.offset
                # Past a line's text, or on the line break a blank line between paragraphs stands for.
                past = cursor >= end or line.paragraph < 0
                at_end = self.has_focus and past and self.line_of(cursor) == index
                cursor_style = base + self._style("article-view--cursor")
                if at_end and placed is not None and placed[0].right_to_left and placed[1]:
                    # The end of a right-to-left line is on its left: the cursor takes the pad's last cell.
                    pad = [Segment(" " * (placed[1] - 1), base)] if placed[1] > 1 else []
                    segments[0:1] = [*pad, Segment(" ", cursor_style)]
                elif at_end and used < width:
                    segments.append(Segment(" ", cursor_style))  # at line end
                    used += 1
                if used < width:
                    segments.append(Segment(" " * (width - used), base))
                strip = Strip(segments, max(used, width))
            self._cache[key] = strip
        if self.scroll_offset.x or strip.cell_length != width:
            return strip.crop(self.scroll_offset.x, self.scroll_offset.x + width)
        return strip

    def on_click(self, event: events.Click) -> None:
        """Clicking an entity (not dragging across it) chooses it: all its mentions are marked."""
        position = self._position(event)
        if position is None or self.cursor.selection is not None:
            return
        for mention in self._mentions:
            if mention.start <= position < mention.end and mention.type in self._enabled:
                self.post_message(EntityChosen(mention.entity_id))
                return
