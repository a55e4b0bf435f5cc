"""Adding articles from the app: ask what to add, add the files in the background, report.

:class:`ArticleAdder` (mounted once the first frame is on screen, showing nothing) opens the add
dialog, adds the files in a worker, its progress shown in the build bar under the text
(:class:`BuildProgress`) while the app stays usable, then reads the grown corpus and reports it
(:class:`ArticleAdder.Added`); the screen shows it and opens the first new article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from tui.core.safe_text import one_line
from tui.ui.labels import counted
from tui.ui.messages import BuildProgress, Report, report_failed_work
from tui.ui.state import ReaderState

if TYPE_CHECKING:
    from tui.core.adding.add import AddReport
    from tui.core.corpus import Corpus
    from tui.ui.adding.add_dialog import AddRequest


class ArticleAdder(Widget):
    """Owns the add dialog's request and the worker that adds the files (shows nothing)."""

    DEFAULT_CSS = "ArticleAdder { display: none; }"

    class Added(Report):
        """Adding finished: the report and the corpus read again (None and ``error`` if it failed)."""

        report: AddReport | None
        corpus: Corpus | None
        error: str = ""

    def __init__(self, state: ReaderState, *, id: str | None = None) -> None:
        """An adder into the shared state's corpus folder."""
        super().__init__(id=id)
        self.state = state
        self.adding = False

    def ask(self) -> None:
        """Ask what to add, then add it (one adding at a time)."""
        if self.adding:
            self.notify("Articles are being added; wait for them to finish")
            return
        from tui.ui.adding.add_dialog import AddDialog

        self.app.push_screen(AddDialog(), self._add)

    def _add(self, request: AddRequest | None) -> None:
        """Start adding (its progress shows in the bar of the background work)."""
        if request is not None:
            self.adding = True
            self.add_worker(request)

    def on_article_adder_added(self) -> None:
        """Adding is over (the message goes on to the screen)."""
        self.adding = False

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """A worker of this widget failed: the screen reports it, and adding can start again."""
        if event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.adding = False
        report_failed_work(event)

    @work(thread=True, exit_on_error=False, exclusive=True, group="add", description="adding articles")
    def add_worker(self, request: AddRequest) -> None:
        """Add the files (a thread: a large folder takes a while), then read the grown corpus."""
        from tui.core.adding.add import AddError, add_paths
        from tui.core.corpus import load_corpus

        worker = get_current_worker()

        def progress(done: int, total: int, _: object) -> bool:
            """Report each file taken; go on unless the worker was cancelled."""
            self.post_message(BuildProgress(f"Adding {counted(total, 'file')}", done / total))
            return not worker.is_cancelled

        folder = self.state.corpus.folder
        try:
            report = add_paths(request.paths, folder, self.state.engine, request.defaults, progress)
            grown = load_corpus(folder)
        except AddError as error:
            self.post_message(self.Added(None, None, str(error)))
            return
        except Exception as error:  # whatever goes wrong adding files, the app says so and goes on
            self.post_message(self.Added(None, None, f"{type(error).__name__}: {error}"))
            return
        self.post_message(self.Added(report, grown))


def summary(report: AddReport) -> str:
    """One notification: how many were added and skipped, and the first failure."""
    added, skipped, failed = report.of("added"), report.of("skipped"), report.of("failed")
    parts = [f"Added {counted(len(added), 'article')}"]
    if skipped:
        parts.append(f"skipped {len(skipped)} already in the corpus")
    if failed:
        parts.append(f"{len(failed)} could not be added (first: {one_line(str(failed[0]))})")
    return "; ".join(parts)
