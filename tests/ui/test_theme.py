"""The entity colours: one definition, read from the theme's variables with a safe fallback."""

from __future__ import annotations

from rich.color import Color

from tui.core.models import EntityType
from tui.ui.theme import ENTITY_COLOURS, entity_styles, theme_variables


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
