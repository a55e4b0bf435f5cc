"""The import dialog: a file of annotations or a REFI-QDA project, checked first (a dry run whose
report the dialog shows), then imported on a second Enter, in a thread, as one save.

The dialog reads and writes the store only from its workers, and never through the screen's guard
(whose failure handling touches the screen): a store that fails is one line in the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Label, ProgressBar
from textual.worker import Worker, WorkerState

from tui.core.safe_text import one_line
from tui.ui.dialogs.frame import DialogFrame
from tui.ui.dialogs.path_suggester import PathSuggester
from tui.ui.dialogs.typed_path import path_problem, typed_path
from tui.ui.labels import counted

if TYPE_CHECKING:
    from tui.core.annotations.importing import ImportReport
    from tui.core.annotations.store import AnnotationStore
    from tui.core.corpus import Corpus
    from tui.core.entities import EntityEngine
    from tui.core.models import Article

#: The files the path field suggests first.
SUFFIXES = (".json", ".jsonld", ".qdpx", ".qde", ".qdc")
#: The most lines of a kind (left out, conflicts) the report shows before "… and N more".
SHOWN = 6


@dataclass(frozen=True)
class Imported:
    """What an import did: its report (with the changes to undo), and the articles the project added
    (with the corpus read again, or None if none was added), and the sources that could not be."""

    report: ImportReport
    added: list[str] = field(default_factory=list)
    corpus: Corpus | None = None
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Checked:
    """A dry run's report of a file, and how many of its sources would be added as articles."""

    path: Path
    report: ImportReport
    new_articles: int


class ImportDialog(DialogFrame[Imported | None]):
    """A path (completed with →); Enter checks the file and shows what importing it would do, Enter
    again imports it. A file that cannot be imported is one line, and the dialog stays open."""

    BOX_WIDTH = 84
    KEYS_HINT = "Enter: check, then import · → completes the path · Esc to cancel"
    DEFAULT_CSS = """
    ImportDialog {
        #import-progress { display: none; }
        #import-progress.-working { display: block; }
        #import-report { height: auto; }
    }
    """

    def __init__(
        self, store: AnnotationStore, articles: dict[str, Article], folder: Path, engine: EntityEngine
    ) -> None:
        """Import into ``store`` over ``articles``; a project's new sources go into ``folder``."""
        super().__init__("Import annotations or a project (JSON, W3C, REFI-QDA .qdpx/.qdc)")
        self.store, self.articles, self.folder, self.engine = store, articles, folder, engine
        self.checked: _Checked | None = None

    def compose_body(self) -> ComposeResult:
        """The path, what the check found, the progress, and the line that says what went wrong."""
        yield Input(
            placeholder="path to a .json, .jsonld, .qdpx, .qde or .qdc file",
            suggester=PathSuggester(SUFFIXES),
            id="import-path",
        )
        yield Label("", id="import-report")
        yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="import-progress")
        yield Label("", classes="problem")

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#import-path", Input).focus()

    @on(Input.Changed, "#import-path")
    def _path_changed(self, event: Input.Changed) -> None:
        """Another path: the report shown is not about it any more."""
        if self.checked is not None and event.value.strip() != str(self.checked.path):
            self.checked = None
            self.query_one("#import-report", Label).update("")

    @on(Input.Submitted, "#import-path")
    def _submitted(self, event: Input.Submitted) -> None:
        """Check the file typed, or import the file just checked."""
        typed = event.value.strip()
        if not typed or self.query_one("#import-progress").has_class("-working"):
            return
        try:
            path = typed_path(typed)
        except RuntimeError as error:  # ~nosuchuser
            self.show_problem(path_problem(typed, error))
            return
        self.show_problem("")
        self.query_one("#import-progress").add_class("-working")
        if self.checked is not None and self.checked.path == path:
            self._import(path)
        else:
            self.query_one("#import-report", Label).update("")
            self._check(path)

    def action_cancel(self) -> None:
        """Close without importing; not while an import is being saved (its step must be recorded)."""
        if any(w.node is self and w.group == "import" and w.is_running for w in self.workers):
            self.show_problem("Importing: wait for it to finish")
            return
        super().action_cancel()

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="import-check",
        description="checking the import",
    )
    def _check(self, path: Path) -> _Checked:
        """The dry run: what importing the file would do, changing nothing."""
        from tui.core.annotations import refi
        from tui.core.annotations.importing import import_document, read_document

        document = read_document(path)
        new = 0
        if isinstance(document, refi.RefiFile):  # read once: the dry run imports what was read
            found = refi.read(document.raw, self.articles)
            new = len(found.new_texts)
            document = refi.RefiFile(document.raw, found)
        report = import_document(document, self.store, self.articles, dry_run=True)
        return _Checked(path, report, new)

    @work(
        thread=True, exit_on_error=False, exclusive=True, group="import", description="importing annotations"
    )
    def _import(self, path: Path) -> Imported:
        """Import the file as one save (a project's new sources added as articles first)."""
        from tui.core.annotations import refi
        from tui.core.annotations.importing import import_document, read_document

        document = read_document(path)
        articles = self.articles
        added: dict[str, Article] = {}
        problems: list[str] = []
        if isinstance(document, refi.RefiFile):
            from tui.core.refi_sources import add_sources

            found = refi.read(document.raw, articles)
            added, problems = add_sources(document.raw, articles, self.folder, self.engine, found)
            if added:  # read again: the selections on the articles just added are imported too
                articles = {**articles, **added}
            else:
                document = refi.RefiFile(document.raw, found)
        report = import_document(document, self.store, articles)
        corpus = None
        if added:
            from tui.core.corpus import load_corpus

            corpus = load_corpus(self.folder)
        return Imported(report, sorted(added), corpus, problems)

    @on(Worker.StateChanged)
    def _done(self, event: Worker.StateChanged) -> None:
        """Show the check's report, or close with what the import did; a failure is one line."""
        finished = event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED)
        if event.worker.group not in ("import-check", "import") or not finished:
            return
        self.query_one("#import-progress").remove_class("-working")
        result = event.worker.result
        if event.state == WorkerState.SUCCESS and isinstance(result, _Checked):
            self.checked = result
            self.query_one("#import-report", Label).update(Content("\n".join(report_lines(result))))
        elif event.state == WorkerState.SUCCESS and isinstance(result, Imported):
            self.dismiss(result)
        elif event.state == WorkerState.ERROR:
            self.checked = None
            self.show_problem(failure(self.query_one("#import-path", Input).value, event.worker.error))


def failure(typed: str, error: BaseException | None) -> str:
    """Why a file cannot be imported, in one line naming it."""
    from tui.core.adding.add import AddError
    from tui.core.annotations.checks import InvalidImport
    from tui.core.store import StoreError

    shown = one_line(typed.strip())
    shown = shown if len(shown) <= 50 else "…" + shown[-49:]  # its end: the file's name
    if isinstance(error, InvalidImport):
        return f"Cannot import {shown}: {one_line(str(error))}; nothing was imported"
    if isinstance(error, AddError):
        return f"Cannot add the sources of {shown} as articles: {one_line(str(error))}; nothing was imported"
    if isinstance(error, StoreError):
        return f"Not saved: {one_line(str(error))}"
    return f"Cannot import {shown}: {type(error).__name__}: {one_line(str(error))}"


def report_lines(checked: _Checked) -> list[str]:
    """What importing the file checked would do, a line each (every name as plain text)."""
    report = checked.report
    lines = [one_line(report.summary())]
    if checked.new_articles:
        lines.append(
            f"Adds {counted(checked.new_articles, 'article')} from the project's sources, "
            "then their passages, memos and attributes"
        )
    lines.extend(_listed("New tags", report.tags_added))
    lines.extend(_listed("Memos", report.memos))
    lines.extend(_listed("Attributes", report.attributes))
    lines.extend(_listed("Conflicts (kept here)", [_conflict(c) for c in report.conflicts]))
    lines.extend(_listed("Left out", report.left_out, each_line=True))
    changed = (report.added, report.updated, report.tags_added, report.memos, report.attributes)
    nothing = not (any(changed) or checked.new_articles)
    lines.append(
        "Nothing to import: everything in it is here already"
        if nothing
        else "Enter imports all of this as one step (u undoes it)"
    )
    return lines


def _listed(title: str, items: list[str], each_line: bool = False) -> list[str]:
    """``title: a, b, c`` (or a line each), cut after :data:`SHOWN`; nothing if there are none."""
    if not items:
        return []
    shown = [one_line(item) for item in items[:SHOWN]]
    more = f" … and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
    if each_line:
        return [f"{title}:", *(f"  {item}" for item in shown), *([more.strip()] if more else [])]
    return [f"{title}: {', '.join(shown)}{more}"]


def _conflict(conflict: dict[str, Any]) -> str:
    """A conflict in a few words: what it is about."""
    if "id" in conflict:
        return f"{conflict.get('article', '')}: {str(conflict.get('quote', ''))[:30]!r}"
    kind = next((key for key in conflict if not key.endswith("_modified")), "")
    return f"{kind} {conflict.get(kind, '')}"
