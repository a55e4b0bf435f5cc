"""Scroll views that lay out their content in the same pass that sizes them.

A view whose lines depend on its width (wrapped text, titles over one or two lines) can only lay
them out once it has a size. Done when it is first drawn, setting the virtual size then asks for
a second layout and draws every line twice before the first frame is on screen. Done here, in
the pass that gives the view its size, the first frame draws each line once.

Drawing looks the view's style and width up once for all the lines it draws: Textual works the
style out from every ancestor's each time it is asked, which was half the cost of a line.
"""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class EarlyLayout(ScrollView):
    """A scroll view that lays out its content (:meth:`lay_out`) as soon as its size is known."""

    _drawing: tuple[Style, int] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the lines in ``crop``, with :meth:`line_style` looked up once for them all."""
        self._ensure_layout()
        self._drawing = (self.rich_style, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = None

    def line_style(self) -> tuple[Style, int]:
        """The view's base style and content width, for drawing one line."""
        return self._drawing or (self.rich_style, self.scrollable_content_region.width)

    def _ensure_layout(self) -> None:
        """Lay the content out again if its width changed (at any time after the first sizing)."""
        laid_out = self.lay_out()
        if laid_out is not None:
            self.virtual_size = laid_out

    def lay_out(self) -> Size | None:
        """Lay out the content for :attr:`scrollable_content_region`: the virtual size, or None
        if nothing changed (subclasses say how)."""
        raise NotImplementedError

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Textual's sizing pass: lay the content out too, without asking for another layout.

        (Overrides a private method of Textual's ``ScrollView``; if Textual stops calling it, the
        content is laid out when first drawn, as before: one more layout, nothing wrong.)
        """
        # Textual passes the arranged size of the children, which a line-drawn view has none of,
        # so it never equals the virtual size and the scrollbar was redrawn on every layout; the
        # view's virtual size is its own (set below), so the scrollbars change with the size alone.
        changed = super()._size_updated(size, self.virtual_size, container_size, layout)
        laid_out = self.lay_out()
        if laid_out is not None and laid_out != self.virtual_size:
            self.set_reactive(ScrollView.virtual_size, laid_out)
            self._scroll_update(laid_out)
        return changed
