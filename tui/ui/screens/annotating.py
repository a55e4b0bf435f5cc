"""Changing annotations: select, tag, note, highlight, edit, delete, undo and redo, codebook, export.

Widgets report; this screen calls the store and keeps the undo history. A store that cannot be
written leaves reading untouched: every change is refused with one message saying why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.binding import Binding

from tui.core.safe_text import one_line
from tui.ui.messages import TagAction
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.annotated import AnnotatedScreen

if TYPE_CHECKING:  # imported when first used: they are not needed for the first paint
    from tui.core.annotations.history import Change, History
    from tui.core.annotations.model import Tag
    from tui.core.annotations.store import AnnotationStore
    from tui.ui.annotations.tag_dialog import TagChoice


class AnnotatingScreen(AnnotatedScreen):
    """Read and annotate: the annotated reader plus the keys that change annotations, and undo."""

    BINDINGS = [
        Binding(
            "t", "annotate('tags')", "Tag", tooltip="Tag the selection, or edit the annotation at the cursor"
        ),
        Binding(
            "c", "annotate('note')", "Note", tooltip="A note on the selection or the annotation at the cursor"
        ),
        Binding("m", "highlight", "Highlight", tooltip="Highlight the selection (no tags, no note)"),
        Binding("x,delete", "delete_annotation", "Delete", tooltip="Delete the annotation at the cursor"),
        Binding("u", "undo", "Undo"),
        Binding("ctrl+r,U", "redo", "Redo"),
        Binding("A", "focus('#passages')", "Pane", tooltip="The Annotations pane and the codebook"),
        Binding("ctrl+e", "export", "Export", tooltip="Export every annotation to a file"),
    ]

    @property
    def history(self) -> History:
        """This session's undo and redo."""
        if self._history is None:
            from tui.core.annotations.history import History

            self._history = History()
        return self._history

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show Redo only when there is something to redo (and the reader's own rules)."""
        if action == "redo":  # no history yet, nothing to redo (and no import before the first frame)
            return self._history is not None and self._history.can_redo
        return super().check_action(action, parameters)

    def _writable(self) -> bool:
        """Whether changes can be saved; says why not if they cannot."""
        if self.read_only:
            self.notify(f"Annotations are read-only: {self.read_only}", severity="error", markup=False)
            return False
        return True

    def _save(self, label: str, changes: list[Change], new_tags: Sequence[Tag] = ()) -> None:
        """Save changes, with the new tags they bring, as one commit and one undoable step; show them."""
        from tui.core.annotations.history import Changes
        from tui.core.store import StoreError

        try:
            done = self.store.apply(Changes(tuple(changes), tuple((None, tag) for tag in new_tags)))
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return
        self.history.record(label, done)
        self.refresh_bindings()
        self._signature = self.store.signature()
        self.refresh_annotations()

    def action_annotate(self, focus: str) -> None:
        """Tag or note the selection (a new annotation) or the annotation at the cursor (an edit)."""
        if self.article is None or not self._writable():
            return
        from tui.core.annotations.model import Annotation, default_author
        from tui.ui.annotations.tag_dialog import TagDialog

        view = self.query_one(ArticleView)
        selection = _trimmed(self.article.text, view.cursor.selection)
        existing = None if selection else next(reversed(self._at(view.cursor.offset)), None)
        if selection is None and existing is None:
            self.notify("Select a passage first: v then move, shift+arrows, or drag with the mouse")
            return
        article = self.article
        quote = article.text[selection[0] : selection[1]] if selection else existing.annotation.quote  # type: ignore[union-attr]
        before = existing.annotation if existing else None

        def done(choice: TagChoice | None) -> None:
            """Save what the dialog returned."""
            if choice is None:
                return
            if before is None and selection is not None:
                made = Annotation.create(
                    article.id, article.text, *selection, choice.tags, choice.note, default_author()
                )
                view.clear_selection()
                self._save("annotate", [(None, made)], choice.new_tags)
            elif before is not None:
                edited = before.edited(tags=choice.tags, note=choice.note)
                self._save("edit", [(before, edited)], choice.new_tags)

        dialog = TagDialog(
            quote, self.store.tags(), before.tags if before else (), before.note if before else ""
        )
        self.app.push_screen(dialog, done)
        if focus == "note":
            self.call_after_refresh(lambda: dialog.query_one("#note").focus())

    def action_highlight(self) -> None:
        """A plain highlight of the selection."""
        view = self.query_one(ArticleView)
        if self.article is None or not self._writable():
            return
        selection = _trimmed(self.article.text, view.cursor.selection)
        if selection is None:
            self.notify("Select a passage first: v then move, shift+arrows, or drag with the mouse")
            return
        from tui.core.annotations.model import Annotation, default_author

        made = Annotation.create(self.article.id, self.article.text, *selection, author=default_author())
        view.clear_selection()
        self._save("highlight", [(None, made)])

    def action_delete_annotation(self) -> None:
        """Delete the (innermost) annotation at the cursor."""
        view = self.query_one(ArticleView)
        found = self._at(view.cursor.offset)
        if not found or not self._writable():
            if not found:
                self.notify("No annotation at the cursor")
            return
        self._save("delete", [(found[-1].annotation, None)])
        self.notify("Annotation deleted (u to undo)", timeout=3)

    def action_undo(self) -> None:
        """Undo the last create, edit, delete or tag change."""
        self._history_step(self.history.undo, "Undid", "Nothing to undo")

    def action_redo(self) -> None:
        """Redo what was undone."""
        self._history_step(self.history.redo, "Redid", "Nothing to redo")

    def _history_step(self, step: Callable[[AnnotationStore], str | None], done: str, nothing: str) -> None:
        """Run an undo or redo against the store and show the result (the label names tags: text)."""
        from tui.core.annotations.history import StaleStep
        from tui.core.store import StoreError

        if not self._writable():
            return
        try:
            label = step(self.store)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return
        except StaleStep as error:
            self.notify(str(error), title="Changed elsewhere", severity="warning", markup=False)
            self.refresh_bindings()
            self.refresh_annotations()
            return
        self.refresh_bindings()
        self.notify(f"{done} {one_line(label)}" if label else nothing, timeout=2, markup=False)
        self._signature = self.store.signature()
        self.refresh_annotations()

    # The pane

    def action_start_selecting(self) -> None:
        """Go to the text and start (or stop) selecting at the cursor."""
        view = self.query_one(ArticleView)
        view.focus()
        view.action_toggle_selecting()

    @on(TagAction)
    def _tag_action(self, message: TagAction) -> None:
        """Rename, recolour, merge or delete a tag, asked from the codebook."""
        self.tag_action(message.action, message.name)

    def tag_action(self, action: str, name: str) -> None:
        """Rename, recolour, merge or delete a tag everywhere (see :mod:`.codebook_actions`)."""
        from tui.ui.annotations.codebook_actions import run_tag_action

        if self._writable():
            run_tag_action(self, action, name)

    def action_export(self) -> None:
        """Export every annotation to a file the user names."""
        from tui.ui.annotations.codebook_actions import export_annotations

        export_annotations(self)


def _trimmed(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A selection without the spaces at either end (None if nothing is left)."""
    if span is None:
        return None
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
