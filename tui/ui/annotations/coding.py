"""Coding: tag, note, highlight, delete, undo and redo (each one save and one step), the coded
segments view, and export.

The screen's coding keys (:mod:`.bindings`) call :func:`run` with the Annotations pane, which holds
the store and the history, and the article view, which holds the selection and the cursor. A store
that cannot be written leaves reading untouched: every change is refused with one message saying why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tui.core.safe_text import clipped, one_line, quoted
from tui.ui.annotations.annotation_pane import AnnotationPane
from tui.ui.reader.article_view import ArticleView

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.core.annotations.history import Change
    from tui.core.annotations.model import Annotation, Tag
    from tui.core.annotations.store import AnnotationStore
    from tui.ui.annotations.tag_dialog import TagChoice
    from tui.ui.messages import OpenPassage

SELECT_FIRST = "Select a passage first: v then move, shift+arrows, or drag with the mouse"


def run(pane: AnnotationPane, view: ArticleView, operation: str, *arguments: str) -> None:
    """Run one of the coding operations by name (as the coding keys give it)."""
    if operation == "annotate":
        annotate(pane, view, *arguments)
    elif operation == "repeat":
        repeat(pane, view)
    elif operation == "highlight":
        highlight(pane, view)
    elif operation == "delete":
        delete(pane, view)
    elif operation == "undo":
        undo(pane)
    elif operation == "redo":
        redo(pane)
    elif operation == "segments":
        segments = segments_view(pane)
        if segments is not None:
            pane.app.push_screen(segments, pane.open_chosen)
    elif operation == "matrix":
        matrix = matrix_view(pane)
        if matrix is not None:
            pane.app.push_screen(matrix, pane.open_chosen)
    elif operation == "report":
        write_report(pane)
    elif operation == "export":
        from tui.ui.annotations.codebook_actions import export_annotations

        export_annotations(pane)
    elif operation == "import":
        from tui.ui.annotations.importer import import_annotations

        import_annotations(pane)


def segments_view(pane: AnnotationPane, tags: Sequence[str] = ()) -> Screen[OpenPassage | None] | None:
    """The coded segments view, starting from ``tags`` (or the tag listed in the pane); None, said
    why, while the annotations cannot be read."""
    from tui.ui.annotations.segments_screen import SegmentsScreen

    if pane.unreadable:
        pane.notify(f"Annotations cannot be read: {pane.unreadable}", severity="warning", markup=False)
        return None
    articles = {article.id: article for article in pane.state.corpus.articles}
    start = list(tags) or ([pane.tag_filter] if pane.tag_filter else [])
    state = pane.state
    return SegmentsScreen(pane.store, articles, tags=start, passing=state.passing, where=state.where_label())


def matrix_view(pane: AnnotationPane) -> Screen[OpenPassage | None] | None:
    """The code matrix of the codebook over every passage; None, said why, while the annotations
    cannot be read."""
    from tui.ui.annotations.matrix_screen import MatrixPlace, MatrixScreen

    if pane.unreadable:
        pane.notify(f"Annotations cannot be read: {pane.unreadable}", severity="warning", markup=False)
        return None
    from tui.core.attributes import values_by_article

    articles = {article.id: article for article in pane.state.corpus.articles}
    values = values_by_article(articles.values(), pane.store.attribute_values())
    state = pane.state
    if pane.matrix_place is None:
        pane.matrix_place = MatrixPlace()
    return MatrixScreen(
        pane.store.annotations(),
        articles,
        pane.store.tags(),
        values,
        state.passing,
        state.where_label(),
        pane.matrix_place,
    )


def write_report(pane: AnnotationPane) -> None:
    """Ask for a report's format and file, and write it (the dialog shows how far it has come)."""
    from pathlib import Path

    from tui.ui.annotations.report_dialog import ReportDialog

    if pane.unreadable:
        pane.notify(f"Annotations cannot be read: {pane.unreadable}", severity="warning", markup=False)
        return
    folder = pane.store.path.parent.parent if pane.store.path else Path.cwd()
    from tui.core.attributes import values_by_article

    articles = {article.id: article for article in pane.state.corpus.articles}
    values = values_by_article(articles.values(), pane.store.attribute_values())
    store = pane.store
    state = pane.state
    dialog = ReportDialog(
        store.annotations(),
        store.tags(),
        articles,
        folder,
        values=values,
        memos=store.memos(),
        passing=state.passing,
        where=state.where_label(),
    )
    pane.app.push_screen(dialog)


def save(pane: AnnotationPane, label: str, changes: list[Change], new_tags: Sequence[Tag] = ()) -> None:
    """Save changes, with the new tags they bring, as one commit and one undoable step; show them."""
    from tui.core.annotations.history import Changes
    from tui.core.annotations.model import InvalidAnnotation
    from tui.core.store import StoreError

    try:
        done = pane.store.apply(Changes(tuple(changes), tuple((None, tag) for tag in new_tags)))
    except (StoreError, InvalidAnnotation) as error:
        pane.notify(str(error), title="Not saved", severity="error", markup=False)
        return
    pane.history.record(label, done)
    pane.saved()


def annotate(pane: AnnotationPane, view: ArticleView, focus: str) -> None:
    """Tag or note the selection (a new annotation) or the annotation at the cursor (an edit);
    ``focus`` is the dialog's field to start in: "tags" or "note"."""
    article = pane.state.article
    if article is None or not pane.writable():
        return
    from tui.core.annotations.model import Annotation, default_author, recent_tags
    from tui.ui.annotations.tag_dialog import TagDialog

    selection = trimmed(article.text, view.cursor.selection)
    existing = None if selection else next(reversed(pane.at(view.cursor.offset)), None)
    if selection is None and existing is None:
        pane.notify(SELECT_FIRST)
        return
    quote = article.text[selection[0] : selection[1]] if selection else existing.annotation.quote  # type: ignore[union-attr]
    before = existing.annotation if existing else None

    def done(choice: TagChoice | None) -> None:
        """Save what the dialog returned."""
        if choice is None:
            return
        if choice.tags:
            pane.last_tags = choice.tags
        if before is None and selection is not None:
            made = Annotation.create(
                article.id, article.text, *selection, choice.tags, choice.note, default_author()
            )
            view.clear_selection()
            save(pane, _label("tagging", made), [(None, made)], choice.new_tags)
        elif before is not None:
            edited = before.edited(tags=choice.tags, note=choice.note)
            save(pane, _label("edit of", edited), [(before, edited)], choice.new_tags)

    recent = recent_tags(pane.store.annotations())
    dialog = TagDialog(
        quote, pane.store.tags(), before.tags if before else (), before.note if before else "", recent
    )
    pane.app.push_screen(dialog, done)
    if focus == "note":
        pane.call_after_refresh(lambda: dialog.query_one("#note").focus())


def repeat(pane: AnnotationPane, view: ArticleView) -> None:
    """Give the selection the tags last given to a passage (in this session, else the newest tagged
    annotation's), with no note: coding passage after passage with the same tags in one key."""
    article = pane.state.article
    if article is None or not pane.writable():
        return
    from tui.core.annotations.model import Annotation, default_author

    # Only tags the codebook still has: one renamed, merged or deleted since must not come back.
    tags = tuple(tag for tag in pane.last_tags if pane.store.tag(tag) is not None)
    if not tags:
        tagged = [annotation for annotation in pane.store.annotations() if annotation.tags]
        tags = max(tagged, key=lambda annotation: annotation.modified).tags if tagged else ()
    if not tags:
        pane.notify("Nothing to repeat yet: tag a passage with t, then . gives the next one the same tags")
        return
    selection = trimmed(article.text, view.cursor.selection)
    if selection is None:
        pane.notify(SELECT_FIRST)
        return
    made = Annotation.create(article.id, article.text, *selection, tags, author=default_author())
    view.clear_selection()
    pane.last_tags = tags
    save(pane, _label("tagging", made), [(None, made)])
    pane.notify(f"Tagged {', '.join(one_line(tag) for tag in tags)}", timeout=2, markup=False)


def highlight(pane: AnnotationPane, view: ArticleView) -> None:
    """A plain highlight of the selection."""
    article = pane.state.article
    if article is None or not pane.writable():
        return
    selection = trimmed(article.text, view.cursor.selection)
    if selection is None:
        pane.notify(SELECT_FIRST)
        return
    from tui.core.annotations.model import Annotation, default_author

    made = Annotation.create(article.id, article.text, *selection, author=default_author())
    view.clear_selection()
    save(pane, _label("highlight", made), [(None, made)])


def delete(pane: AnnotationPane, view: ArticleView) -> None:
    """Delete the annotation at the cursor; where several overlap there, ask which (each shown with
    its tags, note and quote), rather than take one silently."""
    found = pane.at(view.cursor.offset)
    if not found:
        pane.notify("No annotation at the cursor")
        return
    if not pane.writable():
        return
    if len(found) == 1:
        _delete(pane, found[0].annotation)
        return
    from tui.ui.dialogs.chooser import ChooserDialog

    choices = [placed.annotation for placed in reversed(found)]  # innermost first
    items = [_described(annotation) for annotation in choices]
    title = f"Delete which of the {len(items)} annotations here?"
    pane.app.push_screen(
        ChooserDialog(title, items),
        lambda index: _delete(pane, choices[index]) if index is not None else None,
    )


def _label(what: str, annotation: Annotation) -> str:
    """How undo and redo name a change to one annotation: "tagging “Karachi” (security)"."""
    tags = f" ({', '.join(annotation.tags)})" if annotation.tags else ""
    return f"{what} {quoted(annotation.quote, 40)}{tags}"


def _described(annotation: Annotation) -> str:
    """One annotation in a line: its tags (or what it is), its note, and its quote."""
    parts = [", ".join(annotation.tags) or annotation.kind]
    if annotation.note:
        parts.append(f"✎ {annotation.note}")
    parts.append(quoted(annotation.quote))
    return " · ".join(clipped(part, 120) for part in parts)


def _delete(pane: AnnotationPane, annotation: Annotation) -> None:
    """Delete one annotation (one undoable step) and say how to bring it back."""
    save(pane, _label("deletion of", annotation), [(annotation, None)])
    pane.notify("Annotation deleted (u to undo)", timeout=3)


def undo(pane: AnnotationPane) -> None:
    """Undo the last create, edit, delete or tag change."""
    _history_step(pane, pane.history.undo, "Undid", "Nothing to undo")


def redo(pane: AnnotationPane) -> None:
    """Redo what was undone."""
    _history_step(pane, pane.history.redo, "Redid", "Nothing to redo")


def _history_step(
    pane: AnnotationPane, step: Callable[[AnnotationStore], str | None], done: str, nothing: str
) -> None:
    """Run an undo or redo against the store and show the result (the label names tags: text)."""
    from tui.core.annotations.history import StaleStep
    from tui.core.store import StoreError

    if not pane.writable():
        return
    try:
        label = step(pane.store)
    except StoreError as error:
        pane.notify(str(error), title="Not saved", severity="error", markup=False)
        return
    except StaleStep as error:
        pane.notify(str(error), title="Changed elsewhere", severity="warning", markup=False)
        pane.refresh_annotations()
        return
    pane.notify(f"{done} {one_line(label)}" if label else nothing, timeout=2, markup=False)
    pane.saved()


def trimmed(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A selection without the spaces at either end (None if nothing is left)."""
    if span is None:
        return None
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
