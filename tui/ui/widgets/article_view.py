"""The article text, wrapped to the width, with entities, marks and find matches highlighted."""

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
from tui.ui.messages import EntityChosen
from tui.ui.theme import entity_components, entity_rules
from tui.ui.widgets.highlights import Layer, line_segments
from tui.ui.widgets.wrap import VisualLine, wrap_text

Span = tuple[int, int]


class ArticleView(ScrollView, can_focus=True):
    """Renders one article's text through the line API, so every line knows its offsets."""

    COMPONENT_CLASSES = {
        *entity_components("article-view"),
        "article-view--marked",
        "article-view--match",
        "article-view--current",
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
    }
    """.replace("ENTITY_RULES", entity_rules("article-view"))

    BINDINGS = [
        Binding("up,k", "scroll_up", "Line up", show=False),
        Binding("down,j", "scroll_down", "Line down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("home,g", "scroll_home", "Top", show=False),
        Binding("end,G", "scroll_end", "Bottom", show=False),
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
        self._layout_width = 0
        self._restyle()
        self.scroll_to(0, 0, animate=False)

    def set_mentions(self, mentions: Iterable[Mention]) -> None:
        """Replace the entity mentions (when extraction finishes in the background)."""
        self._mentions = list(mentions)
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
            self._layer_cache = [Layer.of(entities), Layer.of(marks), Layer.of(found)]
        return self._layer_cache

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
                if used < width:
                    segments.append(Segment(" " * (width - used), base))
                strip = Strip(segments, max(used, width))
            self._cache[key] = strip
        if self.scroll_offset.x or strip.cell_length != width:
            return strip.crop(self.scroll_offset.x, self.scroll_offset.x + width)
        return strip

    def on_click(self, event: events.Click) -> None:
        """Clicking an entity chooses it (marks all its mentions)."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        position = self.offset_at(offset.x + self.scroll_offset.x, offset.y + self.scroll_offset.y)
        if position is None:
            return
        for mention in self._mentions:
            if mention.start <= position < mention.end and mention.type in self._enabled:
                self.post_message(EntityChosen(mention.entity_id))
                return
