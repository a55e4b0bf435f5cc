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
* Annotations keep their tag's colour, lightened or darkened to reach 4.5:1 (:func:`readable_on`)
  in its own hue (OKLCH lightness, chroma kept), so that tags stay apart in the light theme.
* Every figure holds both in truecolour and in 256 colours (tmux reports 256, and Rich then
  shows the nearest xterm colour, :func:`quantised`): a colour exactly at 4.5:1 may fall below it
  once quantised, and a dark shade mixed towards black turns grey there.
* Textual's list cursors, key bar and tick marks (``$block-cursor-…``, ``$footer-…``) are made
  readable the same way for whatever theme is chosen (:func:`readable_variables`), dimmed parts of
  a cursor's row included: Textual draws dim text as its colour blended towards the background.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from functools import lru_cache
from itertools import chain

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from textual.color import Color, ColorParseError
from textual.content import Content
from textual.filter import dim_color

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
    return 0.2126 * _linear(colour.r) + 0.7152 * _linear(colour.g) + 0.0722 * _linear(colour.b)


def _linear(channel: int) -> float:
    """One 0–255 sRGB channel as linear light, 0–1."""
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def contrast_ratio(first: Color, second: Color) -> float:
    """The WCAG 2.1 contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(background: Color) -> Color:
    """Black or white, whichever contrasts more with ``background`` (at least 4.58:1 for any colour)."""
    return BLACK if contrast_ratio(BLACK, background) >= contrast_ratio(WHITE, background) else WHITE


@lru_cache(maxsize=1024)
def quantised(colour: Color) -> Color:
    """``colour`` as a 256-colour terminal shows it: the xterm palette colour Rich downgrades it to."""
    rich = RichColor.from_rgb(colour.r, colour.g, colour.b).downgrade(ColorSystem.EIGHT_BIT)
    red, green, blue = rich.get_truecolor()
    return Color(red, green, blue)


def legible(text: Color, background: Color, ratio: float = AA_TEXT) -> bool:
    """Whether ``text`` on ``background`` reaches ``ratio`` both in truecolour and in 256 colours."""
    return (
        contrast_ratio(text, background) >= ratio
        and contrast_ratio(quantised(text), quantised(background)) >= ratio
    )


def dimmed(text: Color, background: Color) -> Color:
    """Dim ``text`` as Textual draws it on ``background``: blended towards it (``TEXTUAL_DIM_FACTOR``)."""
    return Color.from_rich_color(dim_color(background.rich_color, text.rich_color))


# OKLab (Björn Ottosson, 2020): lightness, and two axes whose angle is a hue that stays put as the
# lightness changes, unlike HSL's, where a dark blue drifts to purple. Written out rather than as
# matrix products: a theme's colours are worked out at start-up, a few thousand conversions.


def oklch(colour: Color) -> tuple[float, float, float]:
    """A colour's OKLCH lightness (0–1), chroma (0 for a grey) and hue (degrees)."""
    red, green, blue = _linear(colour.r), _linear(colour.g), _linear(colour.b)
    long = (0.4122214708 * red + 0.5363325363 * green + 0.0514459929 * blue) ** (1 / 3)
    medium = (0.2119034982 * red + 0.6806995451 * green + 0.1073969566 * blue) ** (1 / 3)
    short = (0.0883024619 * red + 0.2817188376 * green + 0.6299787005 * blue) ** (1 / 3)
    lightness = 0.2104542553 * long + 0.7936177850 * medium - 0.0040720468 * short
    a = 1.9779984951 * long - 2.4285922050 * medium + 0.4505937099 * short
    b = 0.0259040371 * long + 0.7827717662 * medium - 0.8086757660 * short
    return lightness, math.hypot(a, b), math.degrees(math.atan2(b, a)) % 360


def _linear_rgb(lightness: float, a: float, b: float) -> tuple[float, float, float]:
    """An OKLab colour as linear sRGB (0–1 inside the gamut; outside it, beyond)."""
    long = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    medium = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    short = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    return (
        4.0767416621 * long - 3.3077115913 * medium + 0.2309699292 * short,
        -1.2684380046 * long + 2.6097574011 * medium - 0.3413193965 * short,
        -0.0041960863 * long - 0.7034186147 * medium + 1.7076147010 * short,
    )


def _inside(channels: tuple[float, float, float]) -> bool:
    """Whether linear sRGB channels are a colour sRGB has (to within rounding to 0–255)."""
    return min(channels) >= -0.0002 and max(channels) <= 1.002


def _srgb(channels: tuple[float, float, float]) -> Color:
    """Linear sRGB channels as a colour, each encoded and rounded to 0–255."""
    red, green, blue = (
        round(255 * (value * 12.92 if value <= 0.0031308 else 1.055 * value ** (1 / 2.4) - 0.055))
        for value in (min(1.0, max(0.0, channel)) for channel in channels)
    )
    return Color(red, green, blue)


def _in_gamut(lightness: float, a: float, b: float) -> Color:
    """An OKLab colour in sRGB, its chroma lowered (hue and lightness kept) as far as sRGB needs."""
    channels = _linear_rgb(lightness, a, b)
    if _inside(channels):
        return _srgb(channels)
    low, high = 0.0, 1.0  # how much of the chroma is kept: none (a grey) is always inside
    for _ in range(12):
        middle = (low + high) / 2
        if _inside(_linear_rgb(lightness, a * middle, b * middle)):
            low = middle
        else:
            high = middle
    return _srgb(_linear_rgb(lightness, a * low, b * low))


def shades(colour: Color, darker: bool) -> Iterator[Color]:
    """``colour`` ever darker (or lighter) in OKLCH lightness, in steps of 0.005, its hue and chroma
    kept (chroma lowered only where sRGB has no such colour); black (or white) last."""
    lightness, chroma, hue = oklch(colour)
    a, b = chroma * math.cos(math.radians(hue)), chroma * math.sin(math.radians(hue))
    step = -0.005 if darker else 0.005
    for number in range(1, 201):
        shade = lightness + number * step
        if not 0 < shade < 1:
            break
        yield _in_gamut(shade, a, b)
    yield BLACK if darker else WHITE


#: Below this OKLCH chroma a colour reads as grey (the xterm greys have none; #5f5f87 has 0.06).
GREY_CHROMA = 0.04
#: How far (OKLCH degrees) the 256-colour form of a readable tag colour may turn from the tag's hue.
HUE_KEPT = 20.0


def hue_difference(first: float, second: float) -> float:
    """The angle between two hues, in degrees (0–180)."""
    return abs((first - second + 180) % 360 - 180)


def keeps_hue(original: Color, shown: Color) -> bool:
    """Whether ``shown`` looks like ``original``'s hue: a grey stays grey, a colour is not turned
    grey nor more than :data:`HUE_KEPT` degrees from its hue."""
    _, chroma, hue = oklch(original)
    if chroma < GREY_CHROMA:
        return True
    _, shown_chroma, shown_hue = oklch(shown)
    return shown_chroma >= GREY_CHROMA and hue_difference(hue, shown_hue) <= HUE_KEPT


@lru_cache(maxsize=256)
def readable_on(colour: Color, background: Color, ratio: float = AA_TEXT) -> Color:
    """``colour`` as text on ``background``: itself if it reads at ``ratio`` in truecolour and in
    256 colours, else the first shade of it towards black or white (whichever ``background``
    contrasts more with) that does, in the same hue (:func:`shades`): the first whose 256-colour
    form keeps the hue too, or, where none does, the first that reads."""
    if legible(colour, background, ratio):
        return colour
    first = None
    for shade in shades(colour, darker=text_on(background) == BLACK):
        if legible(shade, background, ratio):
            if keeps_hue(colour, quantised(shade)):
                return shade
            first = first or shade
    return first or text_on(background)


def _opaque(value: str, under: Color) -> Color | None:
    """A theme variable's colour laid over ``under`` (so a translucent one counts as seen), or None
    for what is not a plain colour (an ANSI colour, the terminal's default)."""
    colour, _, alpha = value.strip().rpartition(" ")
    try:
        if alpha.endswith("%"):
            parsed = Color.parse(colour).multiply_alpha(float(alpha[:-1]) / 100)
        else:
            parsed = Color.parse(value.strip())
    except (ColorParseError, ValueError):
        return None
    return None if parsed.ansi is not None else under + parsed


def _text_colour(value: str, background: Color) -> Color | None:
    """A text colour variable on ``background``: Textual's ``auto`` is the contrasting colour."""
    if value.strip().startswith("auto"):
        return background.get_contrast_text(1.0)
    return _opaque(value, background)


#: The relative luminance at which black and white text contrast equally (√(1.05 × 0.05) − 0.05).
MIDDLE_LUMINANCE = math.sqrt(1.05 * 0.05) - 0.05


def cursor_background(text: Color, background: Color) -> Color:
    """A list cursor's background for ``text``: ``background`` itself if the text and its dimmed
    parts (counts, dates, descriptions) read on it at AA in truecolour and 256 colours, else the
    first shade of it, in its hue, away from the text that they do."""
    darker = relative_luminance(text) > relative_luminance(background)
    for shade in chain((background,), shades(background, darker)):
        if legible(text, shade) and legible(dimmed(text, shade), shade):
            return shade
    return BLACK if darker else WHITE


#: How much of the text colour a focused list or text adds to its background (Textual's
#: ``background-tint: $foreground 5%``; the article's is 3%).
FOCUS_TINT = 0.05


def dim_readable(text: Color, backgrounds: tuple[Color, ...]) -> Color:
    """The theme's text colour ``text``, or the first shade of it away from ``backgrounds`` whose
    dimmed form (counts, dates, hints) reads at AA on each of them, and on the first as a focused
    widget tints it, in truecolour and 256 colours."""
    darker = relative_luminance(text) < relative_luminance(backgrounds[0])
    for shade in chain((text,), shades(text, darker)):
        tinted = backgrounds[0].blend(shade, FOCUS_TINT)
        if all(legible(dimmed(shade, back), back) for back in (*backgrounds, tinted)):
            return shade
    return BLACK if darker else WHITE


#: The theme variables :func:`readable_variables` reads.
READ = (
    "surface",
    "panel",
    "background",
    "foreground",
    "block-cursor-background",
    "block-cursor-foreground",
    "block-cursor-blurred-background",
    "footer-background",
    "footer-key-background",
    "footer-key-foreground",
    "footer-description-background",
    "footer-description-foreground",
    "text-success",
)


@lru_cache(maxsize=8)
def worked_out(values: tuple[str, ...]) -> dict[str, str]:
    """:func:`readable_variables` for one theme's values of :data:`READ` (cached: a theme switch
    asks again)."""
    variables = dict(zip(READ, values, strict=True))
    surface = _opaque(variables.get("surface", ""), BLACK)
    panel = _opaque(variables.get("panel", ""), surface or BLACK)
    footer = _opaque(variables.get("footer-background", ""), surface or BLACK)
    if surface is None or panel is None or footer is None:
        return {}  # an ANSI theme: the terminal's own colours, which it knows how to show
    readable: dict[str, str] = {}
    background = _opaque(variables.get("background", ""), surface) or surface
    foreground = _opaque(variables.get("foreground", ""), surface)
    if foreground is not None:
        foreground = dim_readable(foreground, (surface, background))
        readable["foreground"] = foreground.hex
    # The focused cursor: its text black or white (on the side the theme chose), the background
    # moved in lightness until the text and its dimmed parts read.
    cursor = _opaque(variables.get("block-cursor-background", ""), surface)
    cursor_text = cursor and _text_colour(variables.get("block-cursor-foreground", ""), cursor)
    if cursor is not None and cursor_text is not None:
        text = WHITE if relative_luminance(cursor_text) > MIDDLE_LUMINANCE else BLACK
        readable["block-cursor-foreground"] = text.hex
        readable["block-cursor-background"] = cursor_background(text, cursor).hex
    # Without the focus, lists draw their cursor row in the theme's foreground.
    blurred = _opaque(variables.get("block-cursor-blurred-background", ""), surface)
    if blurred is not None and foreground is not None:
        readable["block-cursor-blurred-foreground"] = foreground.hex
        readable["block-cursor-blurred-background"] = cursor_background(foreground, blurred).hex
    key = _opaque(variables.get("footer-key-background", ""), footer)
    description = _opaque(variables.get("footer-description-background", ""), footer)
    # $text-success is the mark of a ticked box or a radio button that is on, drawn on $panel.
    for name, behind in (
        ("footer-key-foreground", key),
        ("footer-description-foreground", description),
        ("text-success", panel),
    ):
        colour = behind and _text_colour(variables.get(name, ""), behind)
        if behind is not None and colour is not None:
            readable[name] = readable_on(colour, behind).hex
    return readable


def readable_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """Textual's own colours that text is drawn in, as generated for a theme
    (``App.get_css_variables``), made readable (AA in truecolour and 256 colours): ``$foreground``
    (its dimmed form too), the list cursor's (focused and not, dimmed parts of the row included),
    the key bar's keys and descriptions, and ``$text-success`` (the marks of tick boxes and radio
    buttons, on ``$panel``). Values already readable come back as they are; an ANSI theme's are
    left alone."""
    values = tuple(variables.get(name, "") for name in READ)
    return dict(KNOWN.get(values) or worked_out(values))


#: What :func:`worked_out` gives for Textual's dark and light themes, kept here so that start-up does
#: not work it out again (about 12 M instructions, 1% of start-up); ``tests/ui/test_theme.py`` checks
#: each entry against the function.
KNOWN: dict[tuple[str, ...], dict[str, str]] = {
    # textual-dark
    (
        "#1E1E1E",
        "#242F38",
        "#121212",
        "#E0E0E0",
        "#0178D4",
        "auto 87%",
        "#0178D44C",
        "#242F38",
        "transparent",
        "#FFA62B",
        "transparent",
        "#E0E0E0",
        "#8AD4A1",
    ): {
        "foreground": "#E0E0E0",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#004F8F",
        "block-cursor-blurred-foreground": "#E0E0E0",
        "block-cursor-blurred-background": "#0B2F4A",
        "footer-key-foreground": "#FFA62B",
        "footer-description-foreground": "#E0E0E0",
        "text-success": "#8AD4A1",
    },
    # textual-light
    (
        "#D8D8D8",
        "#D0D0D0",
        "#E0E0E0",
        "#1F1F1F",
        "#004578",
        "auto 87%",
        "#0045784C",
        "#D0D0D0",
        "transparent",
        "#0178D4",
        "transparent",
        "#1F1F1F",
        "#337E4A",
    ): {
        "foreground": "#191919",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#002F54",
        "block-cursor-blurred-foreground": "#191919",
        "block-cursor-blurred-background": "#B6CCDB",
        "footer-key-foreground": "#002F59",
        "footer-description-foreground": "#1F1F1F",
        "text-success": "#0D612F",
    },
}


def colour_dot(colour: str) -> Content:
    """A tag's colour as a dot before its name ("● "), plain if the colour is not one."""
    from tui.core.annotations.model import valid_colour  # here: the model is not needed to start

    return Content.styled("● ", colour if valid_colour(colour) else "")
