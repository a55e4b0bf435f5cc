"""The coding keys, which the reader screen binds: each runs ``code(operation, …)`` on the screen,
which hands it to :func:`tui.ui.annotations.coding.run` with the Annotations pane.

Kept apart from the pane's module so that binding the keys imports nothing heavy at start-up.
"""

from __future__ import annotations

from textual.binding import Binding

CODING_BINDINGS = [
    Binding(
        "t",
        "code('annotate', 'tags')",
        "Tag",
        tooltip="Tag the selection, or edit the annotation at the cursor",
    ),
    Binding(
        "c",
        "code('annotate', 'note')",
        "Note",
        tooltip="A note on the selection or the annotation at the cursor",
    ),
    Binding(
        "full_stop",
        "code('repeat')",
        "Same tags",
        tooltip="Give the selection the tags last given to a passage",
    ),
    Binding("m", "code('highlight')", "Highlight", tooltip="Highlight the selection (no tags, no note)"),
    Binding("x,delete", "code('delete')", "Delete", tooltip="Delete the annotation at the cursor"),
    Binding("u", "code('undo')", "Undo"),
    Binding("ctrl+r,U", "code('redo')", "Redo"),
    Binding("A", "focus('#passages')", "Pane", tooltip="The Annotations pane and the codebook"),
    Binding("S", "code('segments')", "Segments", tooltip="Coded segments: every passage with chosen tags"),
    Binding(
        "H",
        "code('matrix')",
        "Matrix",
        show=False,
        tooltip="Code matrix: tags against tags or articles, as a heatmap",
    ),
    Binding(
        "W",
        "code('report')",
        "Report",
        show=False,
        tooltip="Write a report of the coding: HTML to read and print, XLSX or CSV",
    ),
    Binding("ctrl+e", "code('export')", "Export", tooltip="Export every annotation to a file"),
    Binding("I", "code('import')", "Import", show=False, tooltip="Import annotations or a project…"),
]
