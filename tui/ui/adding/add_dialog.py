"""The add dialog: a file or folder of articles, and what to use where a file does not say."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.core.adding.add import Defaults
from tui.core.safe_text import one_line
from tui.ui.dialogs.typed_path import path_problem, typed_path


@dataclass(frozen=True)
class AddRequest:
    """What to add and the defaults to fill in with."""

    paths: list[Path]
    defaults: Defaults


class AddDialog(ModalScreen[AddRequest | None]):
    """A path, then optional title, date, source and address; Enter adds, Esc cancels."""

    DEFAULT_CSS = """
    AddDialog {
        align: center middle;
        & > Vertical {
            width: 84; max-width: 95%; height: auto; max-height: 100%;
            border: thick $primary 60%; background: $surface; padding: 0 1;
        }
        #dialog-body { height: auto; max-height: 100%; }
        .hint { color: $text-muted; }
        #keys-hint { dock: bottom; }
        #add-error { color: $error; }
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        """The fields."""
        with Vertical():
            with VerticalScroll(id="dialog-body"):  # scrolls when the terminal is too short
                yield Label("Add articles: a text, Markdown or HTML file, or a folder of them")
                yield Input(placeholder="path to a file or folder (several: separate with ;)", id="add-path")
                yield Label(
                    "For files that do not say (each file's own title and date come first):", classes="hint"
                )
                yield Input(placeholder="title", id="add-title")
                yield Input(placeholder="published: YYYY-MM-DD", id="add-published")
                yield Input(placeholder="source (outlet)", id="add-source")
                yield Input(placeholder="address (URL)", id="add-url")
                yield Label("", id="add-error")
            yield Label("Enter to add · Tab to move · Esc to cancel", classes="hint", id="keys-hint")

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#add-path", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        """Check the fields and return the request."""
        value = {name: self.query_one(f"#add-{name}", Input).value.strip() for name in
                 ("path", "title", "published", "source", "url")}  # fmt: skip
        typed = [part.strip() for part in value["path"].split(";") if part.strip()]
        if not typed:
            self._error("Give a file or a folder to add")
            return
        try:
            paths = [typed_path(part) for part in typed]
            missing = [str(p) for p in paths if not p.exists()]
        except (RuntimeError, OSError, ValueError) as error:  # ~nosuchuser, a name too long
            self._error(path_problem(value["path"], error))
            return
        if missing:
            self._error(f"No such file or folder: {missing[0]}")
            return
        published = None
        if value["published"]:
            try:
                published = date.fromisoformat(value["published"])
            except ValueError:
                self._error(f"Not a date like 2025-11-07: {value['published']}")
                return
        self.dismiss(AddRequest(paths, Defaults(value["title"], published, value["source"], value["url"])))

    def _error(self, message: str) -> None:
        """Say what is wrong with the fields, as text (a path or a date may hold anything)."""
        self.query_one("#add-error", Label).update(Content(one_line(message)))

    def action_cancel(self) -> None:
        """Add nothing."""
        self.dismiss(None)
