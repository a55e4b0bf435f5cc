"""Key bindings gathered by action: what the help screen lists and the command palette runs.

The bindings are the one place an action is named and given its keys; the help screen and the
palette read them from here, so a new binding shows in both without being typed again. Only
Textual modules the app has already loaded are imported: the palette's module is on the start-up path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from textual.actions import parse
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import key_to_character
from textual.screen import Screen

#: Bindings that are not actions to offer: the palette's own key.
NOT_COMMANDS = frozenset({"command_palette", "app.command_palette"})

_PRETTY = {
    "slash": "/",
    "question_mark": "?",
    "left_parenthesis": "(",
    "right_parenthesis": ")",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
}


def pretty_key(key: str) -> str:
    """A key name as people write it: "ctrl+shift+left" is "Ctrl+Shift+←"."""
    *modifiers, last = key.split("+")
    character = None if modifiers or last in _PRETTY else key_to_character(last)  # "full_stop" is "."
    if character is not None and character.isprintable() and not character.isspace():
        return character
    named = _PRETTY.get(last, last.capitalize() if len(last) > 1 else last.upper() if modifiers else last)
    return "+".join([*(m.capitalize() for m in modifiers), named])


class BoundAction(NamedTuple):
    """One action of one node with every key that runs it there, as people read them."""

    node: DOMNode | None
    """Where the action runs (``None`` when gathered from a class, for the help screen)."""
    action: str
    """The action string, as bound."""
    title: str
    """What it does: the binding's tooltip, or its description if it has none."""
    description: str
    """The short word the key bar shows."""
    keys: tuple[str, ...]
    """Its keys, pretty; none when every one is taken by a widget nearer the focus."""
    shown: bool
    """Whether the key bar shows it."""

    @property
    def keys_label(self) -> str:
        """The keys joined, e.g. "Ctrl+R / U"."""
        return " / ".join(self.keys)


def by_action(bindings: Iterable[tuple[DOMNode | None, Binding, bool]]) -> list[BoundAction]:
    """(node, binding, key usable) triples as one entry per (node, action), in order of first binding.

    Only described bindings count; a key that is not usable there is left out of the entry's keys.
    """
    order: dict[tuple[int, str], tuple[DOMNode | None, Binding, list[str]]] = {}
    for node, binding, usable in bindings:
        if not binding.description:
            continue
        _, _, keys = order.setdefault((id(node), binding.action), (node, binding, []))
        key = pretty_key(binding.key)
        if usable and key not in keys:
            keys.append(key)
    return [
        BoundAction(
            node,
            binding.action,
            binding.tooltip or binding.description,
            binding.description,
            tuple(keys),
            binding.show,
        )
        for node, binding, keys in order.values()
    ]


def class_bindings(node_class: type[DOMNode]) -> list[BoundAction]:
    """The described bindings a class declares (its own and inherited), grouped by action."""
    return by_action(
        (None, binding, True)
        for bindings in node_class._merge_bindings().key_to_bindings.values()
        for binding in bindings
    )


def screen_commands(screen: Screen[object]) -> list[BoundAction]:
    """The actions the palette offers over ``screen``: every described binding of the screen and the
    app, and the key bar's (``show``) bindings of the focused widget and its containers, whose hidden
    ones are only cursor moves. Actions that cannot run now (``check_action``) are left out.

    A key counts as the action's only where pressing it would run it: not where a widget nearer
    the focus binds it too, or consumes it as typing (an ``Input``), unless the binding has priority.
    """
    app = screen.app
    focused = screen.focused
    chain: list[DOMNode] = list(focused.ancestors_with_self) if focused is not None else [screen, app]
    taken: set[str] = set()
    consumers: list[DOMNode] = []
    found: list[tuple[DOMNode | None, Binding, bool]] = []
    for node in chain:
        bound = node._bindings.key_to_bindings
        for key, bindings in bound.items():
            usable = not (
                key in taken or any(c.check_consume_key(key, key_to_character(key)) for c in consumers)
            )
            for binding in bindings:
                if binding.action in NOT_COMMANDS or not (node is screen or node is app or binding.show):
                    continue
                if _can_run(screen, node, binding.action):
                    found.append((node, binding, usable or binding.priority))
        taken.update(bound)
        consumers.append(node)
        if node.is_modal:  # as Textual does: nothing below a modal screen answers keys
            break
    return by_action(found)


def _can_run(screen: Screen[object], node: DOMNode, action: str) -> bool:
    """Whether ``action``, bound on ``node``, would run now (its target's ``check_action``)."""
    namespace, name, parameters = parse(action)
    targets: dict[str, DOMNode | None] = {
        "": node,
        "app": screen.app,
        "screen": screen,
        "focused": screen.focused,
    }
    target = targets.get(namespace)
    return target is not None and bool(target.check_action(name, parameters))
