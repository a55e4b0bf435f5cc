"""The export dialog: a format and a file to write the annotations to."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet


class ExportDialog(ModalScreen[tuple[str, Path] | None]):
    """Choose native or W3C JSON and a path; Enter in the path field exports."""

    DEFAULT_CSS = """
    ExportDialog {
        align: center middle;
        & > Vertical {
            width: 80; max-width: 95%; height: auto;
            border: thick $primary 60%; background: $surface; padding: 0 1;
        }
        .hint { color: $text-muted; }
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        """Format choice and path."""
        with Vertical():
            yield Label("Export every annotation")
            with RadioSet(id="format"):
                yield RadioButton("Native JSON (everything, for iranpak-reader)", value=True, id="native")
                yield RadioButton("W3C Web Annotation JSON-LD (for other tools)", id="w3c")
            yield Input(str(self.folder / "annotations-export.json"), id="path")
            yield Label("Enter to export · Esc to cancel", classes="hint")

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#path", Input).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """Suggest a file name that says the format."""
        field = self.query_one("#path", Input)
        path = Path(field.value)
        stem = "annotations-w3c" if event.pressed.id == "w3c" else "annotations-export"
        field.value = str(path.with_name(stem + path.suffix if path.suffix else stem + ".json"))

    @on(Input.Submitted, "#path")
    def _export(self, event: Input.Submitted) -> None:
        """Return the format and the path."""
        if not event.value.strip():
            return
        pressed = self.query_one(RadioSet).pressed_button
        kind = "w3c" if pressed is not None and pressed.id == "w3c" else "native"
        self.dismiss((kind, Path(event.value.strip()).expanduser()))

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
