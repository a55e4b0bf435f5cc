"""The footer: the keys that apply where the focus is, drawn as one line by one widget.

Textual's own ``Footer`` rebuilds a widget per key each time the focus moves, which costs a
reader with twenty keys on screen a tenth of a second at every Tab; this bar only redraws its
line. A click on a key presses it; the command palette's key sits at the right-hand end.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style as VisualStyle
from textual.widget import Widget


class KeyBar(Widget):
    """One line of keys and what they do, for the focused widget and everything around it."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}

    DEFAULT_CSS = """
    KeyBar {
        split: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: list[tuple[int, int, str, bool]] = []  # (first cell, end cell, key, enabled)

    def on_mount(self) -> None:
        """Redraw whenever the screen's keys change (the focus moved, a key was enabled)."""
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def on_unmount(self) -> None:
        """Stop listening."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, screen: Screen[object]) -> None:
        """The keys changed: draw them again."""
        if screen is self.screen:
            self.refresh()

    def _shown(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """The keys to show, one per action in the order they apply, and the palette's key."""
        seen: set[str] = set()
        shown: list[tuple[Binding, bool]] = []
        palette = None
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.action == "app.command_palette" or binding.action == "command_palette":
                palette = (binding, enabled)
            elif binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled))
        return shown, palette

    def render(self) -> Content:
        """The keys, each as its key then its description, the palette's key at the end."""
        key_style = self.get_visual_style("key-bar--key")
        text_style = self.get_visual_style("key-bar--description")
        shown, palette = self._shown()
        parts: list[tuple[str, str, bool]] = [
            (self.app.get_key_display(b), b.description, enabled) for b, enabled in shown
        ]
        tail = None
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            tail = (self.app.get_key_display(palette[0]), palette[0].description, palette[1])
        width = self.size.width
        tail_width = len(tail[0]) + len(tail[1]) + 3 if tail else 0
        pieces: list[Content] = []
        keys: list[tuple[int, int, str, bool]] = []
        used = 0
        for (display, description, enabled), (binding, _) in zip(parts, shown, strict=True):
            size = len(display) + len(description) + 3
            if used + size > width - tail_width:
                break
            pieces.append(self._item(display, description, enabled, key_style, text_style))
            keys.append((used, used + size, binding.key.split(",")[0], enabled))
            used += size
        if tail is not None and palette is not None:
            pieces.append(Content(" " * max(0, width - tail_width - used)))
            start = max(used, width - tail_width)
            pieces.append(self._item(*tail, key_style, text_style))
            keys.append((start, start + tail_width, palette[0].key.split(",")[0], palette[1]))
        self._keys = keys
        return Content("").join(pieces)

    @staticmethod
    def _item(display: str, description: str, enabled: bool, key: VisualStyle, text: VisualStyle) -> Content:
        """One key: ' key description ' (dimmed if it does nothing here)."""
        item = Content.assemble((f" {display} ", key), (f"{description} ", text))
        return item if enabled else item.stylize("dim")

    def on_click(self, event: events.Click) -> None:
        """Press the key under the mouse."""
        for start, end, key, enabled in self._keys:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return
