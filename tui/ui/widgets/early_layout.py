"""Scroll views that lay out their content in the same pass that sizes them.

A view whose lines depend on its width (wrapped text, titles over one or two lines) can only lay
them out once it has a size. Done when it is first drawn, setting the virtual size then asks for
a second layout and draws every line twice before the first frame is on screen. Done here, in
the pass that gives the view its size, the first frame draws each line once.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


class EarlyLayout(ScrollView):
    """A scroll view that lays out its content (:meth:`lay_out`) as soon as its size is known."""

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
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        laid_out = self.lay_out()
        if laid_out is not None and laid_out != self.virtual_size:
            self.set_reactive(ScrollView.virtual_size, laid_out)
            self._scroll_update(laid_out)
        return changed
