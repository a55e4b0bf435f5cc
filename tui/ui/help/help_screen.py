"""The help screen: every key of the app, gathered from the live bindings so it never drifts."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.ui.dialogs.frame import DialogFrame
from tui.ui.help.keys import key_sections


class HelpScreen(DialogFrame[None]):
    """A dialog listing every key by where it applies; any of Esc, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen > #dialog-box { height: 90%; }
    """
    BINDINGS = [Binding("escape,q,question_mark", "cancel", "Close help")]
    BOX_WIDTH = 90

    def compose_body(self) -> ComposeResult:
        """One table per section, under a heading that scrolls with them."""
        from rich.table import Table  # not needed before the first paint

        yield Static(Text("iranpak-reader — keys", style="bold"))
        for title, rows in key_sections(self.app):
            table = Table(title=title, title_justify="left", title_style="bold", expand=True, box=None)
            table.add_column("Key", style="bold", width=22)
            table.add_column("Action")
            for key, description in rows:
                table.add_row(Text(key), Text(description))
            yield Static(table)

    def compose_keys(self) -> ComposeResult:
        """How to close it, always in sight."""
        yield Static(Text("Esc, q or ? closes this help.", style="dim"), id="keys-hint")
