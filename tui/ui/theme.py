"""The reader's highlight colours as theme variables, chosen so that every highlighted word can be read.

Each entity type's colour is the background of its highlights: in the text, in the title and in the
legend. The find matches, the current match and the selection have their own backgrounds, with a text
colour given for each. A custom theme may override any of these variables; the widgets read the
theme's values through :func:`entity_styles` (a value that is not a colour falls back to the
default, so a bad theme cannot hide the highlights).

Why these colours (``tests/ui/test_contrast.py`` computes the figures):

* Text on every highlight meets WCAG AA, 4.5:1 (WCAG 2.1's contrast ratio): an entity's text is
  black or white, whichever contrasts more (:func:`text_on`); the six defaults are mid-tones that
  stand out from both themes' surfaces, on which black reads at 5.3:1 to 9.4:1.
* No two highlights look alike: entity types, find matches, the current match and the selection
  differ pairwise by at least 20 in CIEDE2000 (small marks need large differences).
* Find matches are pale yellow, as in most finds; the current match pink, bold and underlined, so
  it differs by more than colour; the selection grey, which no entity has, lighter than the dark
  theme's surface and darker than the light one's (the only variable that differs by theme).
* Annotations keep their tag's colour, lightened or darkened to reach 4.5:1 (:func:`readable_on`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from rich.style import Style
from textual.color import Color, ColorParseError

from tui.core.models import EntityType

#: WCAG AA's least contrast ratio for text (success criterion 1.4.3).
AA_TEXT = 4.5

ENTITY_COLOURS: dict[EntityType, str] = {
    EntityType.PERSON: "#1e90ff",  # blue
    EntityType.ORGANISATION: "#ba55d3",  # orchid
    EntityType.PLACE: "#5cb85c",  # yellow-green, apart from the Dates' cyan
    EntityType.MONEY: "#daa520",  # gold
    EntityType.FIGURE: "#ff7f50",  # coral, apart from Money's gold and the matches' yellow
    EntityType.DATE: "#22b8cf",  # blue-cyan
}

#: The find and selection colours common to both themes: black text on each.
_HIGHLIGHTS = {
    "find-match": "#ffff5f",
    "find-match-text": "#000000",
    "find-current": "#ff5f87",
    "find-current-text": "#000000",
}

#: The selection, grey: lighter than the text's background in a dark theme, darker in a light one.
_SELECTION = {
    True: {"article-selection": "#8c8c8c", "article-selection-text": "#000000"},
    False: {"article-selection": "#666666", "article-selection-text": "#ffffff"},
}

BLACK = Color(0, 0, 0)
WHITE = Color(255, 255, 255)


def theme_variables(dark: bool = True) -> dict[str, str]:
    """The ``$entity-<type>``, ``$find-…`` and ``$article-selection…`` CSS variables for a dark or
    a light theme."""
    entities = {f"entity-{kind.value}": colour for kind, colour in ENTITY_COLOURS.items()}
    return {**entities, **_HIGHLIGHTS, **_SELECTION[dark]}


def entity_styles(variables: Mapping[str, str]) -> Mapping[EntityType, Style]:
    """Each entity type's highlight style under a theme's variables (``App.theme_variables``).

    Read from the variables rather than from CSS component classes: three widgets show the same
    six colours, and styling eighteen component classes twice costs a few milliseconds of start-up.
    """
    return _styles(tuple(variables.get(f"entity-{kind.value}", "") for kind in EntityType))


@lru_cache(maxsize=8)
def _styles(values: tuple[str, ...]) -> Mapping[EntityType, Style]:
    """The styles for one theme's values, in EntityType order (a theme switch changes them)."""
    styles = {}
    for kind, value in zip(EntityType, values, strict=True):
        background = _colour(value, kind)
        styles[kind] = Style(color=text_on(background).rich_color, bgcolor=background.rich_color)
    return styles


def _colour(value: str, kind: EntityType) -> Color:
    """A theme's colour for a type. As in CSS, an alpha (``"red 40%"``) does not carry into a Rich
    style, so only the colour is read; a value that is not a colour gives the default."""
    value = value.strip()
    colour, _, alpha = value.rpartition(" ")
    for candidate in (value, colour if alpha.endswith("%") else ""):
        try:
            return Color.parse(candidate).with_alpha(1.0)
        except ColorParseError:
            continue
    return Color.parse(ENTITY_COLOURS[kind])


def relative_luminance(colour: Color) -> float:
    """A colour's relative luminance, as WCAG 2.1 defines it (sRGB channels linearised, weighted)."""

    def linear(channel: int) -> float:
        """One 0–255 sRGB channel as linear light, 0–1."""
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b)


def contrast_ratio(first: Color, second: Color) -> float:
    """The WCAG 2.1 contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(background: Color) -> Color:
    """Black or white, whichever contrasts more with ``background`` (at least 4.58:1 for any colour)."""
    return BLACK if contrast_ratio(BLACK, background) >= contrast_ratio(WHITE, background) else WHITE


@lru_cache(maxsize=256)
def readable_on(colour: Color, background: Color, ratio: float = AA_TEXT) -> Color:
    """``colour`` as text on ``background``: itself if it contrasts enough, else blended towards
    black or white (whichever ``background`` contrasts more with) just far enough to reach ``ratio``."""
    if contrast_ratio(colour, background) >= ratio:
        return colour
    target = text_on(background)
    low, high = 0.0, 1.0  # how far towards the target: high always reaches the ratio
    for _ in range(16):
        middle = (low + high) / 2
        if contrast_ratio(colour.blend(target, middle), background) >= ratio:
            high = middle
        else:
            low = middle
    return colour.blend(target, high)
