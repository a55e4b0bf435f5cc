"""What a pane with a full-width view offers: the view of what it shows, as a screen of its own."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.screen import Screen

from tui.ui.messages import OpenPassage


@runtime_checkable
class FullViewHolder(Protocol):
    """A pane that can show what it lists at full width (``z``)."""

    def full_view(self) -> Screen[OpenPassage | None] | None:
        """The view, or None (having said why) when there is nothing to show yet."""
        ...
