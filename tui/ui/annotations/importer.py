"""Importing from the app: the import dialog over the Annotations pane's store, then one undoable
step in the pane's history, the pane shown anew, and the articles a project added in the list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.safe_text import one_line
from tui.ui.labels import counted

if TYPE_CHECKING:
    from tui.ui.annotations.annotation_pane import AnnotationPane
    from tui.ui.annotations.import_dialog import Imported


def import_annotations(pane: AnnotationPane) -> None:
    """Ask for a file, check it, import it (see :class:`~.import_dialog.ImportDialog`), record it."""
    if not pane.writable():
        return
    from tui.ui.annotations.import_dialog import ImportDialog

    store = getattr(pane.store, "guarded", pane.store)  # the store itself: the dialog reads it in a thread
    articles = {article.id: article for article in pane.state.corpus.articles}
    folder = pane.state.corpus.folder
    dialog = ImportDialog(store, articles, folder, pane.state.engine)
    pane.app.push_screen(dialog, lambda result: imported(pane, result))


def imported(pane: AnnotationPane, result: Imported | None) -> None:
    """Record the import as one step (``u`` undoes it), show it, and list the articles it added."""
    if result is None:
        return
    report = result.report
    pane.history.record(f"import ({report.format})", report.changes)
    pane.saved()
    message = one_line(report.summary())
    if result.added:
        message += f"; {counted(len(result.added), 'article')} added from the project's sources"
    if result.problems:
        message += f"; {counted(len(result.problems), 'source')} not added ({one_line(result.problems[0])})"
    pane.notify(message, title="Imported", timeout=10, markup=False)
    if result.corpus is not None:
        # the reader screen shows a corpus read again (as after ctrl+o); reached by name, since a
        # feature does not import the screen above it
        replace_corpus = getattr(pane.screen, "replace_corpus", None)
        if callable(replace_corpus):
            replace_corpus(result.corpus, result.added[0] if result.added else None)
