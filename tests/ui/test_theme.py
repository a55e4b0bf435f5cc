"""The entity colours: one definition, read from the theme's variables with a safe fallback; any
theme's cursor, keys and text made readable."""

from __future__ import annotations

from typing import Any

from rich.color import Color
from textual.color import Color as TextualColor
from textual.constants import DIM_FACTOR
from textual.theme import BUILTIN_THEMES, Theme

from tests.ui.test_contrast import SYSTEMS, downgraded
from tui.core.models import EntityType
from tui.ui.theme import (
    AA_TEXT,
    ENTITY_COLOURS,
    KNOWN,
    READ,
    contrast_ratio,
    entity_styles,
    theme_variables,
    worked_out,
)


def test_every_type_has_a_variable_and_a_distinct_colour() -> None:
    variables = theme_variables()
    styles = entity_styles(variables)
    assert {f"entity-{kind.value}" for kind in EntityType} <= set(variables)
    assert len({styles[kind].bgcolor for kind in EntityType}) == len(EntityType)
    assert styles[EntityType.PERSON].bgcolor == Color.parse("#1e90ff")


def test_a_theme_may_override_a_colour_with_any_css_colour_form() -> None:
    for value in ("#ff0000", "rgb(255, 0, 0)", "red 40%", "  red  "):
        styles = entity_styles({**theme_variables(), "entity-money": value})
        assert styles[EntityType.MONEY].bgcolor == Color.parse("#ff0000"), value
        assert styles[EntityType.PERSON].bgcolor == Color.parse("#1e90ff")


def test_a_value_that_is_not_a_colour_falls_back_to_the_default() -> None:
    for value in ("", "not-a-colour", "$primary", "[bold]x[/]"):
        styles = entity_styles({"entity-date": value})
        default = entity_styles(theme_variables())[EntityType.DATE]
        assert styles[EntityType.DATE] == default, value
    assert ENTITY_COLOURS[EntityType.DATE] == "#22b8cf"


def test_entity_text_is_black_or_white_whichever_reads_better_on_the_theme_colour() -> None:
    for value, text in (("#ffff00", "#000000"), ("#000080", "#ffffff"), ("#1e90ff", "#000000")):
        style = entity_styles({**theme_variables(), "entity-money": value})[EntityType.MONEY]
        assert style.color == Color.parse(text), value


def test_the_selection_differs_between_dark_and_light_themes_and_nothing_else_does() -> None:
    dark, light = theme_variables(dark=True), theme_variables(dark=False)
    assert {name for name in dark if dark[name] != light[name]} == {
        "article-selection",
        "article-selection-text",
    }


#: A theme of the kind a user may register: a mid-tone cursor that neither black nor white text
#: reads well on once dimmed, keys in a colour near the key bar's, a faint text colour.
FAINT = Theme(
    name="faint",
    primary="#2f8fd8",
    foreground="#8a8a8a",
    background="#202020",
    dark=True,
    variables={"footer-key-foreground": "#3d4f60", "block-cursor-foreground": "#f0f0f0"},
)


async def test_a_registered_theme_gets_readable_cursors_keys_and_dim_text(make_app: Any) -> None:
    """Whatever the theme, the cursor's text and its dimmed parts, the keys and dim text on the
    surface read at AA in truecolour and in 256 colours."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.register_theme(FAINT)
        app.theme = "faint"
        await pilot.pause()
        colour = {
            name: TextualColor.parse(value)
            for name, value in app.theme_variables.items()
            if value.startswith("#")
        }
        pairs = {
            "cursor": (colour["block-cursor-foreground"], colour["block-cursor-background"]),
            "unfocused cursor": (colour["foreground"], colour["block-cursor-blurred-background"]),
            "keys": (colour["footer-key-foreground"], colour["footer-background"]),
            "text": (colour["foreground"], colour["surface"]),
        }
        pairs |= {f"dim {name}": (back.blend(text, DIM_FACTOR), back) for name, (text, back) in pairs.items()}
        ratios = {
            (name, system): round(
                contrast_ratio(*(shown if system == "truecolor" else map(downgraded, shown))), 2
            )
            for name, shown in pairs.items()
            for system in SYSTEMS
            if name != "dim keys"  # a dimmed key is one that does nothing here
        }
        assert {where: ratio for where, ratio in ratios.items() if ratio < AA_TEXT} == {}


def test_the_colours_kept_for_textuals_themes_are_the_ones_worked_out() -> None:
    """Start-up reads Textual's dark and light themes' readable colours from a table: it must hold
    those themes' values (Textual may change them) and what the function works out for them."""
    for name in ("textual-dark", "textual-light"):
        theme = BUILTIN_THEMES[name]
        variables = {**theme.to_color_system().generate(), **theme.variables}
        values = tuple(variables.get(variable, "") for variable in READ)
        assert values in KNOWN, name
        assert KNOWN[values] == worked_out(values), name
    assert len(KNOWN) == 2
