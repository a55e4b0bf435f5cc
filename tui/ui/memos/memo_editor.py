"""The memo editor: a dialog with the memo's text in a soft-wrapping TextArea, who wrote it and when
under it; Ctrl+S saves, Esc closes (asking first whether to drop changes not saved).

The text is the user's and is shown as it is: the TextArea never reads markup, and the title and
the line under the text are :class:`~textual.content.Content`. Control characters (a memo written
with the CLI may hold a terminal escape sequence) are shown as symbols such as ␛, as the tag
dialog shows a note: a memo left as it was is saved as it was.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Label, TextArea

from tui.core.annotations.memos import Memo
from tui.core.safe_text import clipped, one_line, visible
from tui.ui.dialogs.frame import DialogFrame
from tui.ui.dialogs.prompt import ConfirmDialog


def about_line(memo: Memo | None) -> str:
    """Who wrote the memo and when, in one line ("No memo yet" for a new one)."""
    if memo is None:
        return "No memo yet: what you write here is saved with Ctrl+S"
    author = one_line(memo.author) or "someone unknown"
    created, modified = _when(memo.created), _when(memo.modified)
    edited = f" · modified {modified}" if modified != created else ""
    return f"By {author} · created {created}{edited}"


def restored(typed: str, original: str) -> str:
    """``typed`` with each symbol that stood for one of ``original``'s control characters (␛ for an
    escape) put back as that character: editing a memo never changes what the user did not touch.
    A symbol standing for several characters (�) is left as it is."""
    stand_ins: dict[str, set[str]] = {}
    for char in set(original):
        shown = visible(char)
        if shown != char:
            stand_ins.setdefault(shown, set()).add(char)
    table = {ord(shown): chars.pop() for shown, chars in stand_ins.items() if len(chars) == 1}
    return typed.translate(table) if table else typed


def _when(stamp: str) -> str:
    """A stored time as date and minutes ("2026-12-07 20:35")."""
    return one_line(stamp)[:16].replace("T", " ")


class MemoEditor(DialogFrame[str | None]):
    """Edit one memo; the result is the new text (saved by the caller), or None if left unsaved."""

    DEFAULT_CSS = """
    MemoEditor {
        #memo-text { height: 14; }  /* then as tall as the terminal allows: see fit_height */
        #memo-about, #memo-description { color: $text-muted; }
    }
    """
    BOX_WIDTH = 90
    BODY_SCROLLS = False  # the TextArea scrolls its own text
    KEYS_HINT = "Ctrl+S save · Esc close (an empty memo is deleted)"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Close", priority=True),
    ]

    def __init__(
        self,
        label: str,
        memo: Memo | None,
        read_only: str | None = None,
        draft: str | None = None,
        description: str = "",
    ) -> None:
        """The memo on ``label`` ("tag trade"), its stored form (None: no memo yet), why it cannot
        be saved, if it cannot, a text to start from other than the memo's (``draft``), and a tag's
        short description, shown above the memo (another tool's codebook may hold its definition there)."""
        super().__init__(f"Memo on {one_line(label)}")
        self.memo = memo
        self.read_only = read_only
        self.draft = draft
        self.description = description

    def compose_body(self) -> ComposeResult:
        """The tag's description, the text, who wrote it and when, and a line for what stops a save."""
        if self.description.strip():
            yield Label(Content(f"Description: {clipped(self.description, 140)}"), id="memo-description")
        yield TextArea(
            self.shown if self.draft is None else self.draft,
            soft_wrap=True,
            show_line_numbers=False,
            id="memo-text",
        )
        yield Label(Content(about_line(self.memo)), id="memo-about")
        problem = f"Read-only: {one_line(self.read_only)}" if self.read_only else ""
        yield Label(Content(problem), classes="problem")

    def on_mount(self) -> None:
        """Start typing at the end of the memo, in a box as tall as the terminal allows."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        self.fit_height(self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        """The terminal changed size: the text takes what height there is."""
        self.fit_height(event.size.height)

    def fit_height(self, rows: int) -> None:
        """Give the text the terminal's height less the frame, title and lines under it (10 rows),
        between 5 and 30 lines: a long memo is read in one look on a tall terminal."""
        lines = 2 if self.description.strip() else 0  # the description above the text
        self.query_one(TextArea).styles.height = max(5, min(rows - 10 - lines, 30))

    @property
    def shown(self) -> str:
        """The memo's text as the editor first shows it (control characters as symbols)."""
        return visible(self.memo.text) if self.memo else ""

    @property
    def text(self) -> str:
        """The memo's text now: as it was if the editor's is as first shown, else the editor's with
        the symbols that stand for the memo's control characters turned back into them."""
        typed = self.query_one(TextArea).text
        if not self.memo:
            return typed
        return self.memo.text if typed == self.shown else restored(typed, self.memo.text)

    @property
    def changed(self) -> bool:
        """Whether the text differs from the memo's as it was opened."""
        return self.query_one(TextArea).text != self.shown

    def action_save(self) -> None:
        """Return the text to be saved (or say why it cannot be)."""
        if self.read_only:
            self.show_problem(f"Not saved: read-only: {self.read_only}")
            return
        # Unchanged: nothing to save, so nothing saved since elsewhere is written over.
        self.dismiss(self.text if self.changed else None)

    def action_cancel(self) -> None:
        """Close; with changes not saved, ask first whether to drop them."""
        if not self.changed:
            self.dismiss(None)
            return
        self.app.push_screen(ConfirmDialog("Discard your changes to this memo?"), self._discard)

    def _discard(self, yes: bool | None) -> None:
        """Close without saving if the user said yes; else keep editing."""
        if yes:
            self.dismiss(None)
