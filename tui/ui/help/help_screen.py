"""The help screen: every key of the app, gathered from the live bindings so it never drifts."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.help.keys import key_sections


class HelpScreen(ModalScreen[None]):
    """A modal listing every key by where it applies; any of Esc, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > Vertical {
            width: 90;
            max-width: 95%;
            height: 90%;
            border: thick $primary 60%;
            background: $surface;
            padding: 0 1;
        }
        #keys-hint { dock: bottom; }
    }
    """

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

    def compose(self) -> ComposeResult:
        """One table per section, scrolling, with how to close it always in sight."""
        from rich.table import Table  # not needed before the first paint

        with Vertical():
            yield Static(Text("Esc, q or ? closes this help.", style="dim"), id="keys-hint")  # in sight
            with VerticalScroll():
                yield Static(Text("iranpak-reader — keys", style="bold"))
                for title, rows in key_sections(self.app):
                    table = Table(
                        title=title, title_justify="left", title_style="bold", expand=True, box=None
                    )
                    table.add_column("Key", style="bold", width=22)
                    table.add_column("Action")
                    for key, description in rows:
                        table.add_row(Text(key), Text(description))
                    yield Static(table)
