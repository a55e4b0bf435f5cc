"""Entity colours as theme variables, so every widget and theme shares one definition.

Each colour is the background of its type's highlights: in the text, in the title and in the
legend. A custom theme may override any ``$entity-<type>`` variable; the widgets read the
theme's values through :func:`entity_styles` (and a value that is not a colour falls back to the
default, so a bad theme cannot hide the highlights).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from rich.style import Style
from textual.color import Color, ColorParseError

from tui.core.models import EntityType

ENTITY_COLOURS: dict[EntityType, str] = {
    EntityType.PERSON: "dodgerblue",
    EntityType.ORGANISATION: "mediumorchid",
    EntityType.PLACE: "seagreen",
    EntityType.MONEY: "goldenrod",
    EntityType.FIGURE: "darkorange",
    EntityType.DATE: "darkcyan",
}


def theme_variables() -> dict[str, str]:
    """The ``$entity-<type>`` CSS variables."""
    return {f"entity-{kind.value}": colour for kind, colour in ENTITY_COLOURS.items()}


def entity_styles(variables: Mapping[str, str]) -> Mapping[EntityType, Style]:
    """Each entity type's highlight style under a theme's variables (``App.theme_variables``).

    Read from the variables rather than from CSS component classes: three widgets show the same
    six colours, and styling eighteen component classes twice costs a few milliseconds of start-up.
    """
    return _styles(tuple(variables.get(f"entity-{kind.value}", "") for kind in EntityType))


@lru_cache(maxsize=8)
def _styles(values: tuple[str, ...]) -> Mapping[EntityType, Style]:
    """The styles for one theme's values, in EntityType order (a theme switch changes them)."""
    return {
        kind: Style(bgcolor=_colour(value, kind).rich_color)
        for kind, value in zip(EntityType, values, strict=True)
    }


def _colour(value: str, kind: EntityType) -> Color:
    """A theme's colour for a type. As in CSS, an alpha (``"red 40%"``) does not carry into a Rich
    style, so only the colour is read; a value that is not a colour gives the default."""
    value = value.strip()
    colour, _, alpha = value.rpartition(" ")
    for candidate in (value, colour if alpha.endswith("%") else ""):
        try:
            return Color.parse(candidate)
        except ColorParseError:
            continue
    return Color.parse(ENTITY_COLOURS[kind])
