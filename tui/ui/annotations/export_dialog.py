"""The export dialog: a format and a file to write the annotations (or the codebook) to."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioSet

from tui.ui.dialogs.frame import DialogFrame
from tui.ui.dialogs.typed_path import path_problem, typed_path
from tui.ui.widgets.toggles import Radio

#: The formats offered: (id, what it is for, the file name suggested).
FORMATS = (
    ("native", "Native JSON (everything, for iranpak-reader)", "annotations-export.json"),
    ("w3c", "W3C Web Annotation JSON-LD (for other tools)", "annotations-w3c.json"),
    ("qdpx", "REFI-QDA project .qdpx (ATLAS.ti, NVivo, MAXQDA, QualCoder)", "project.qdpx"),
    ("qdc", "REFI-QDA codebook .qdc (the tags alone)", "codebook.qdc"),
)
_NAMES = {kind: name for kind, _, name in FORMATS}


class ExportDialog(DialogFrame[tuple[str, Path] | None]):
    """Choose a format (native, W3C, REFI-QDA project or codebook) and a path; Enter in the path
    field exports."""

    BOX_WIDTH = 80
    KEYS_HINT = "Enter to export · Esc to cancel"

    def __init__(self, folder: Path) -> None:
        super().__init__("Export every annotation")
        self.folder = folder

    def compose_body(self) -> ComposeResult:
        """Format choice, path, and the line that says why a path cannot be used."""
        with RadioSet(id="format"):
            for index, (kind, label, _) in enumerate(FORMATS):
                yield Radio(label, value=index == 0, id=kind)
        yield Input(str(self.folder / _NAMES["native"]), id="path")
        yield Label("", id="export-error", classes="problem")

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#path", Input).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """Suggest a file name that says the format."""
        field = self.query_one("#path", Input)
        typed = field.value.strip()
        name = _NAMES.get(event.pressed.id or "", _NAMES["native"])
        if not typed:
            field.value = str(self.folder / name)
            return
        path = Path(typed)
        if typed.endswith("/") or path.name in ("", ".", ".."):  # a folder: the file goes in it
            field.value = str(path / name)
        else:  # the format's own name; a JSON format keeps the extension typed (.jsonld)
            suggested = Path(name)
            json_format = suggested.suffix == ".json"
            suffix = (
                path.suffix if json_format and path.suffix not in ("", ".qdpx", ".qdc") else suggested.suffix
            )
            field.value = str(path.with_name(suggested.stem + suffix))

    @on(Input.Submitted, "#path")
    def _export(self, event: Input.Submitted) -> None:
        """Return the format and the path."""
        if not event.value.strip():
            return
        pressed = self.query_one(RadioSet).pressed_button
        kind = pressed.id if pressed is not None and pressed.id in _NAMES else "native"
        try:
            path = typed_path(event.value.strip())
        except RuntimeError as error:  # ~nosuchuser
            self.show_problem(path_problem(event.value, error))
            return
        self.dismiss((kind, path))
