"""Entity colours as theme variables, so every widget and theme shares one definition.

Each colour is a translucent hue blended over the background, which reads well on both
dark and light themes; a custom theme may override any ``$entity-*`` variable.
"""

from __future__ import annotations

from tui.core.models import EntityType

ENTITY_COLOURS: dict[EntityType, str] = {
    EntityType.PERSON: "dodgerblue 35%",
    EntityType.ORGANISATION: "mediumorchid 35%",
    EntityType.PLACE: "seagreen 40%",
    EntityType.MONEY: "goldenrod 45%",
    EntityType.FIGURE: "darkorange 35%",
    EntityType.DATE: "darkcyan 35%",
}


def theme_variables() -> dict[str, str]:
    """The ``$entity-<type>`` CSS variables."""
    return {f"entity-{kind.value}": colour for kind, colour in ENTITY_COLOURS.items()}


def entity_rules(prefix: str) -> str:
    """Nested CSS rules giving component classes ``<prefix>--<type>`` the entity colours."""
    return "\n".join(
        f"& > .{prefix}--{kind.value} {{ background: $entity-{kind.value}; }}" for kind in EntityType
    )


def entity_components(prefix: str) -> set[str]:
    """The component class names ``<prefix>--<type>`` for every entity type."""
    return {f"{prefix}--{kind.value}" for kind in EntityType}
