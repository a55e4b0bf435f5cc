"""Opening a memo for the project, a tag or an article, and saving it as one undoable step.

The Annotations pane is the host: it holds the store and the undo history. This package sits
below the feature packages (the codebook opens a tag's memo from here), so it asks of its host only
what :class:`MemoHost` names, and never imports the pane.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from tui.core.annotations.memos import Memo
from tui.core.safe_text import one_line
from tui.ui.memos.memo_editor import MemoEditor

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from tui.core.annotations.history import History
    from tui.core.annotations.store import AnnotationStore
    from tui.core.models import Article


class MemoHost(Protocol):
    """What opening and saving a memo needs: the store, the undo history, and a way to say things."""

    @property
    def store(self) -> AnnotationStore:
        """The annotation store memos are saved in."""

    @property
    def history(self) -> History:
        """The app's undo and redo."""

    @property
    def read_only(self) -> str | None:
        """Why nothing can be saved now, or None."""

    @property
    def app(self) -> App[object]:
        """The app, to open dialogs over."""

    def saved(self) -> None:
        """A change was saved here: show it."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Say something to the user."""


def label(kind: str, target: str) -> str:
    """What a memo is about, in words: "the project", "tag trade", "article 003_…"."""
    return Memo(kind, target, "").label


def edit_memo(
    host: MemoHost,
    kind: str,
    target: str = "",
    after: Callable[[], None] | None = None,
    about: str = "",
) -> None:
    """Open the memo on the project (``kind`` "project"), a tag or an article in the editor (titled
    with ``about``, if given: an article's title); a save is one undoable step, and ``after`` runs
    once it is saved."""
    _open_editor(host, kind, target, host.store.memo(kind, target), about, after)


def _open_editor(
    host: MemoHost,
    kind: str,
    target: str,
    memo: Memo | None,
    about: str,
    after: Callable[[], None] | None,
    draft: str | None = None,
) -> None:
    """Open the editor on ``memo`` as stored now (starting from ``draft`` if given) and save what it returns.

    If the memo was saved elsewhere (another window, the CLI) while it was open, nothing is
    written over: the editor opens again with the memo as it is now and the user's text under
    it, to keep what they want of each. A save refused for another reason opens it again with
    the user's text, never lost.
    """
    tag = host.store.tag(target) if kind == "tag" else None
    description = tag.description if tag is not None else ""
    editor = MemoEditor(about or label(kind, target), memo, host.read_only, draft, description)

    def done(text: str | None) -> None:
        """Save what the editor returned (None: nothing to save)."""
        if text is None:
            return
        saved = save_memo(host, kind, target, text, memo)
        if saved is not None:  # saved, or nothing to save (an empty new memo)
            if saved and after is not None:
                after()
            return
        current = host.store.memo(kind, target)
        if current != memo:  # changed elsewhere: merge by hand rather than lose either text
            theirs = current.text if current else ""
            merged = f"{theirs.rstrip()}\n\n--- Your text, not saved: keep what you want of each ---\n{text}"
            _open_editor(host, kind, target, current, about, after, merged.lstrip("\n"))
        else:  # refused (said why): the text stays in the editor, to fix or copy
            _open_editor(host, kind, target, current, about, after, text)

    host.app.push_screen(editor, done)


def save_memo(host: MemoHost, kind: str, target: str, text: str, opened: Memo | None) -> bool | None:
    """Save a memo's text (empty deletes it) as one undoable step, if the memo is still as it was
    ``opened``; say what became of it. Returns whether anything changed, or None if the save was
    refused (changed elsewhere, or the store would not take it).
    """
    from tui.core.annotations.history import StaleStep
    from tui.core.annotations.model import InvalidAnnotation, default_author
    from tui.core.store import StoreError

    about = one_line(label(kind, target))
    try:
        changes = host.store.save_memo(kind, target, text, default_author(), expected=opened)
    except StaleStep:
        host.notify(
            f"The memo on {about} was changed elsewhere while you wrote: both texts are in the editor",
            title="Memo not saved",
            severity="warning",
            markup=False,
        )
        return None
    except (StoreError, InvalidAnnotation) as error:
        host.notify(one_line(str(error)), title="Memo not saved", severity="error", markup=False)
        return None
    if not changes.memos:
        host.notify(f"Nothing to save in the memo on {about}", timeout=3, markup=False)
        return False
    host.history.record(f"memo on {label(kind, target)}", changes)
    host.saved()
    _, after = changes.memos[0]
    host.notify(f"{'Saved' if after else 'Deleted'} the memo on {about}", timeout=3, markup=False)
    return True


def pick_tag_memo(host: MemoHost) -> None:
    """Ask which tag (in the tag picker), then open its memo."""
    from tui.ui.dialogs.tag_picker import TagPickerDialog

    tags = host.store.tags()
    if not tags:
        host.notify("No tags yet: tag a passage first (t)", markup=False)
        return
    picker = TagPickerDialog("Memo on which tag?", tags, host.store.tag_counts())
    host.app.push_screen(picker, lambda name: edit_memo(host, "tag", name) if name else None)


def open_memo(host: MemoHost, about: str, article: Article | None, articles: Sequence[Article]) -> None:
    """Open a memo for ``about``: "article" (the open one), "project", "tag" (a picker asks which)
    or "all" (the Memos view)."""
    if about == "project":
        edit_memo(host, "project")
    elif about == "tag":
        pick_tag_memo(host)
    elif about == "all":
        from tui.ui.memos.memos_view import MemosView

        host.app.push_screen(MemosView(host, {a.id: a.title for a in articles}))
    elif article is None:
        host.notify("Open an article first", markup=False)
    else:
        edit_memo(host, "article", article.id, about=f"“{article.title}”")


def with_memo_mark(facts: str, store: AnnotationStore | None, article: Article | None) -> str:
    """The article header's line of attributes, with "✎ memo" after it when the article has a memo."""
    if store is None or article is None or store.memo("article", article.id) is None:
        return facts
    return f"{facts} · ✎ memo" if facts else "✎ memo"
