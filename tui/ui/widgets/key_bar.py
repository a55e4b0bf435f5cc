"""The footer: the keys that apply where the focus is, drawn as one line by one widget.

Textual's own ``Footer`` rebuilds a widget per key each time the focus moves, which costs a
reader with twenty keys on screen a tenth of a second at every Tab; this bar only redraws its
line. A click on a key presses it; the command palette's key sits at the right-hand end.
"""

from __future__ import annotations

from textual import events
from textual.actions import parse
from textual.binding import Binding
from textual.content import Content
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.screen import Screen
from textual.style import Style as VisualStyle
from textual.widget import Widget

#: The palette's action, which the bar puts at its right-hand end.
PALETTE_ACTIONS = frozenset({"app.command_palette", "command_palette"})
#: The help screen's action: "? keys" when the bar leaves keys out.
HELP_ACTIONS = frozenset({"app.help", "help"})

#: One key as drawn: its display, description, key name (pressed on a click) and whether it runs here.
Item = tuple[str, str, str, bool]


def _width(items: list[Item]) -> int:
    """The cells ``items`` take: ' key description ' each."""
    return sum(len(display) + len(description) + 3 for display, description, _, _ in items)


def _fitting(items: list[Item], room: int) -> list[Item]:
    """The items, in order, that fit in ``room`` cells, passing over any that would not."""
    kept: list[Item] = []
    used = 0
    for item in items:
        size = _width([item])
        if used + size <= room:
            kept.append(item)
            used += size
    return kept


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

    def _shown(self) -> tuple[list[tuple[Binding, bool, bool]], tuple[Binding, bool] | None]:
        """One (binding, enabled, kept first) per action, in the order they apply: the shown keys,
        and the keys that bring a panel into view (the screen's ``focus(...)`` bindings, shown or
        not, whose panel is there and does not hold the focus already); and the palette's key. What
        Enter does in the focused widget comes first and is kept first, however narrow the bar."""
        seen: set[str] = set()
        entries: list[tuple[Binding, bool, bool]] = []
        palette = None
        screen = self.screen
        focused = screen.focused
        holding = set(focused.ancestors_with_self) if focused is not None else set()
        for node, binding, enabled, _ in screen.active_bindings.values():
            if binding.action in PALETTE_ACTIONS:
                palette = (binding, enabled)
            elif binding.action not in seen:
                panel = node is screen and self._brings_in(binding.action, holding)
                if binding.show and node is focused and "enter" in binding.key.split(","):
                    seen.add(binding.action)
                    entries.insert(0, (binding, enabled, True))
                elif binding.show or panel:
                    seen.add(binding.action)
                    entries.append((binding, enabled, panel))
        return entries, palette

    def _brings_in(self, action: str, holding: set[DOMNode]) -> bool:
        """Whether ``action`` focuses a panel that is on the screen and does not hold the focus."""
        if not action.startswith(("focus(", "screen.focus(")):
            return False
        _, _, parameters = parse(action)
        if not parameters or not isinstance(parameters[0], str):
            return False
        selector = parameters[0]
        if selector.startswith("#") and selector[1:].replace("-", "_").isidentifier():
            try:  # an id, found without parsing a selector (the bar is drawn on the first frame)
                targets: list[DOMNode] = [self.screen.get_widget_by_id(selector[1:])]
            except NoMatches:
                return False
        else:
            targets = list(self.screen.query(selector))
        return bool(targets) and not any(target in holding for target in targets)

    def _help(self) -> Item | None:
        """The help key as the bar shows it when keys are left out: ``? keys``."""
        for active in self.screen.active_bindings.values():
            if active.binding.action in HELP_ACTIONS:
                binding = active.binding
                return self.app.get_key_display(binding), "keys", binding.key.split(",")[0], active.enabled
        return None

    def render(self) -> Content:
        """The keys, each as its key then its description, the palette's key at the end.

        When the shown keys do not all fit, the keys that bring a panel into view come first,
        then as many of the others as fit, then ``? keys`` (the help screen, listing them all)."""
        key_style = self.get_visual_style("key-bar--key")
        text_style = self.get_visual_style("key-bar--description")
        entries, palette = self._shown()
        width = self.size.width
        tail = None
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            tail = (self.app.get_key_display(palette[0]), palette[0].description, palette[1])
        tail_width = len(tail[0]) + len(tail[1]) + 3 if tail else 0
        display = self.app.get_key_display
        items = [(display(b), b.description, b.key.split(",")[0], e) for b, e, _ in entries if b.show]
        if _width(items) > width - tail_width:  # too narrow for all: the most useful, then "? keys"
            help_item = self._help()
            room = width - tail_width - (_width([help_item]) if help_item else 0)
            panels = [(display(b), b.description, b.key.split(",")[0], e) for b, e, panel in entries if panel]
            others = [i for i in items if i not in panels and (help_item is None or i[2] != help_item[2])]
            items = _fitting([*panels, *others], room) + ([help_item] if help_item else [])
        pieces: list[Content] = []
        keys: list[tuple[int, int, str, bool]] = []
        used = 0
        for shown, description, key, enabled in items:
            size = len(shown) + len(description) + 3
            if used + size > width - tail_width:
                break
            pieces.append(self._item(shown, description, enabled, key_style, text_style))
            keys.append((used, used + size, key, enabled))
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
