"""The add dialog: a file or folder of articles, and what to use where a file does not say."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from tui.core.adding.add import Defaults
from tui.ui.dialogs.frame import DialogFrame
from tui.ui.dialogs.typed_path import path_problem, typed_path


@dataclass(frozen=True)
class AddRequest:
    """What to add and the defaults to fill in with."""

    paths: list[Path]
    defaults: Defaults


class AddDialog(DialogFrame[AddRequest | None]):
    """A path, then optional title, date, source and address; Enter adds, Esc cancels."""

    BOX_WIDTH = 84
    KEYS_HINT = "Enter to add · Tab to move · Esc to cancel"

    def __init__(self) -> None:
        super().__init__("Add articles: a text, Markdown or HTML file, or a folder of them")

    def compose_body(self) -> ComposeResult:
        """The fields, and the line that says what is wrong with them."""
        yield Input(placeholder="path to a file or folder (several: separate with ;)", id="add-path")
        yield Label("For files that do not say (each file's own title and date come first):", classes="hint")
        yield Input(placeholder="title", id="add-title")
        yield Input(placeholder="published: YYYY-MM-DD", id="add-published")
        yield Input(placeholder="source (outlet)", id="add-source")
        yield Input(placeholder="address (URL)", id="add-url")
        yield Label("", id="add-error", classes="problem")

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
            self.show_problem("Give a file or a folder to add")
            return
        try:
            paths = [typed_path(part) for part in typed]
            missing = [str(p) for p in paths if not p.exists()]
        except (RuntimeError, OSError, ValueError) as error:  # ~nosuchuser, a name too long
            self.show_problem(path_problem(value["path"], error))
            return
        if missing:
            self.show_problem(f"No such file or folder: {missing[0]}")
            return
        published = None
        if value["published"]:
            try:
                published = date.fromisoformat(value["published"])
            except ValueError:
                self.show_problem(f"Not a date like 2025-11-07: {value['published']}")
                return
        self.dismiss(AddRequest(paths, Defaults(value["title"], published, value["source"], value["url"])))
