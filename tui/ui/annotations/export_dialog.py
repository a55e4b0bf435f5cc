"""The export dialog: a format and a file to write the annotations to."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioSet

from tui.ui.dialogs.frame import DialogFrame
from tui.ui.dialogs.typed_path import path_problem, typed_path
from tui.ui.widgets.toggles import Radio


class ExportDialog(DialogFrame[tuple[str, Path] | None]):
    """Choose native or W3C JSON and a path; Enter in the path field exports."""

    BOX_WIDTH = 80
    KEYS_HINT = "Enter to export · Esc to cancel"

    def __init__(self, folder: Path) -> None:
        super().__init__("Export every annotation")
        self.folder = folder

    def compose_body(self) -> ComposeResult:
        """Format choice, path, and the line that says why a path cannot be used."""
        with RadioSet(id="format"):
            yield Radio("Native JSON (everything, for iranpak-reader)", value=True, id="native")
            yield Radio("W3C Web Annotation JSON-LD (for other tools)", id="w3c")
        yield Input(str(self.folder / "annotations-export.json"), id="path")
        yield Label("", id="export-error", classes="problem")

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#path", Input).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """Suggest a file name that says the format."""
        field = self.query_one("#path", Input)
        typed = field.value.strip()
        stem = "annotations-w3c" if event.pressed.id == "w3c" else "annotations-export"
        if not typed:
            field.value = str(self.folder / f"{stem}.json")
            return
        path = Path(typed)
        if typed.endswith("/") or path.name in ("", ".", ".."):  # a folder: the file goes in it
            field.value = str(path / f"{stem}.json")
        else:
            field.value = str(path.with_name(stem + (path.suffix or ".json")))

    @on(Input.Submitted, "#path")
    def _export(self, event: Input.Submitted) -> None:
        """Return the format and the path."""
        if not event.value.strip():
            return
        pressed = self.query_one(RadioSet).pressed_button
        kind = "w3c" if pressed is not None and pressed.id == "w3c" else "native"
        try:
            path = typed_path(event.value.strip())
        except RuntimeError as error:  # ~nosuchuser
            self.show_problem(path_problem(event.value, error))
            return
        self.dismiss((kind, path))
