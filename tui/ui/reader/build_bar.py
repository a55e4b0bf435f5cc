"""The bar under the text while the corpus is worked out: what is being done, and how far along."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar

from tui.core.safe_text import one_line


class BuildBar(Horizontal):
    """A stage ("Finding entities in 10,000 articles") and a bar (a moving one when unknown)."""

    DEFAULT_CSS = """
    BuildBar {
        dock: bottom;
        height: 1;
        background: $boost;
        & > Label { width: auto; padding: 0 1; color: $text-muted; }
        & > ProgressBar { width: 1fr; }
    }
    """

    def __init__(self, stage: str, fraction: float | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._stage, self._fraction = stage, fraction

    def compose(self) -> ComposeResult:
        """The stage and the bar."""
        yield Label(Content(one_line(self._stage)), id="build-stage")
        yield ProgressBar(total=None, show_eta=False, id="build-progress")

    def on_mount(self) -> None:
        """Show where things stood when the bar was made."""
        self.show(self._stage, self._fraction)

    def show(self, stage: str, fraction: float | None) -> None:
        """Say what is being done and how far along (None: not known)."""
        self._stage, self._fraction = stage, fraction
        if not self.is_mounted or not self.query("#build-stage"):
            return
        self.query_one("#build-stage", Label).update(Content(one_line(stage)))
        bar = self.query_one(ProgressBar)
        if fraction is None:
            bar.update(total=None)
        else:
            bar.update(total=100, progress=round(fraction * 100))
