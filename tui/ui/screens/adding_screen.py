"""The reader that grows: add articles from a dialog, in the background, and show them at once.

Ctrl+O (or the palette's "Add articles") opens the dialog; the files are added in a worker,
their progress shown in the background work's bar under the text, the app staying usable;
then the corpus is read again, the list shows the new articles and the first of them opens,
and the entities, timeline and cross-references are worked out again for the grown corpus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.binding import Binding
from textual.worker import get_current_worker

from tui.core.safe_text import one_line
from tui.ui.messages import ArticlesAdded, BuildProgress
from tui.ui.screens.xref_screen import CrossRefScreen

if TYPE_CHECKING:
    from tui.core.adding.add import AddReport
    from tui.ui.adding.add_dialog import AddRequest


class AddingScreen(CrossRefScreen):
    """Read, annotate, follow, and add articles."""

    BINDINGS = [
        Binding("ctrl+o", "add_articles", "Add", tooltip="Add text, Markdown or HTML files or folders")
    ]

    adding = False

    def action_add_articles(self) -> None:
        """Ask what to add."""
        if self.adding:
            self.notify("Articles are being added; wait for them to finish")
            return
        from tui.ui.adding.add_dialog import AddDialog

        self.app.push_screen(AddDialog(), self._add)

    def _add(self, request: AddRequest | None) -> None:
        """Start adding (its progress shows in the bar of the background work)."""
        if request is None:
            return
        self.adding = True
        self.add_worker(request)

    @work(thread=True, exit_on_error=False, exclusive=True, group="add", description="adding articles")
    def add_worker(self, request: AddRequest) -> None:
        """Add the files (a thread: a large folder takes a while), then read the grown corpus."""
        from tui.core.adding.add import AddError, add_paths
        from tui.core.corpus import load_corpus

        worker = get_current_worker()

        def progress(done: int, total: int, _: object) -> bool:
            """Report each file taken; go on unless the worker was cancelled."""
            self.post_message(
                BuildProgress(f"Adding {total:,} file{'s' if total != 1 else ''}", done / total)
            )
            return not worker.is_cancelled

        folder = self.corpus.folder
        try:
            report = add_paths(request.paths, folder, self.engine, request.defaults, progress)
        except AddError as error:
            self.post_message(ArticlesAdded(None, None, str(error)))
            return
        except Exception as error:  # whatever goes wrong adding files, the app says so and goes on
            self.post_message(ArticlesAdded(None, None, f"{type(error).__name__}: {error}"))
            return
        self.post_message(ArticlesAdded(report, load_corpus(folder)))

    @on(ArticlesAdded)
    def _articles_added(self, message: ArticlesAdded) -> None:
        """Say what was added, show the grown corpus and open the first new article."""
        self.adding = False
        if message.report is None or message.corpus is None:
            self.build_done()
            self.notify(one_line(message.error), title="Could not add", severity="error", markup=False)
            return
        self.notify(_summary(message.report), title="Add articles", markup=False, timeout=8)
        added = message.report.of("added")
        self.replace_corpus(message.corpus, added[0].article if added else None)


def _summary(report: AddReport) -> str:
    """One notification: how many were added and skipped, and the first failure."""
    added, skipped, failed = report.of("added"), report.of("skipped"), report.of("failed")
    parts = [f"Added {len(added)} article{'s' if len(added) != 1 else ''}"]
    if skipped:
        parts.append(f"skipped {len(skipped)} already in the corpus")
    if failed:
        parts.append(f"{len(failed)} could not be added (first: {one_line(str(failed[0]))})")
    return "; ".join(parts)
