"""One line under the text: the tags and note of the annotations at the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from tui.core.safe_text import one_line

if TYPE_CHECKING:
    from tui.core.annotations.model import Annotation


class AnnotationBar(Static):
    """Shows what is annotated where the cursor is; hidden when nothing is."""

    DEFAULT_CSS = """
    AnnotationBar {
        height: auto; max-height: 3; padding: 0 2;
        background: $boost; color: $text; display: none;
        &.-shown { display: block; }
    }
    """

    def show_annotations(self, annotations: list[Annotation]) -> None:
        """Describe the annotations (innermost last), or hide the bar."""
        self.set_class(bool(annotations), "-shown")
        parts = []
        for annotation in annotations:
            tags = ", ".join(one_line(tag) for tag in annotation.tags) or annotation.kind
            part = Content.styled(f"◆ {tags}", "bold")
            if annotation.note:
                part += Content(f" — {one_line(annotation.note)[:200]}")
            parts.append(part)
        hint = Content.styled("   t tags · c note · x delete · u undo", "dim") if annotations else Content("")
        self.update(Content("  ").join(parts) + hint)
