"""The report dialog: a format (HTML, XLSX, CSV), the attribute of the report's tag × attribute
matrix (the outlet, if any article has one, or none) and a file; the report is written in a thread,
with a progress bar, and the dialog says where it went (or why not, staying open to try another
path). The report carries the articles' attributes and the memos."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Input, Label, ProgressBar, RadioSet, Select
from textual.worker import Worker, WorkerState, get_current_worker

from tui.core.annotations.memos import Memo
from tui.core.annotations.model import Annotation, Tag
from tui.core.matrix import attributes_in
from tui.core.models import Article
from tui.core.safe_text import one_line
from tui.core.user_files import UserFileError
from tui.ui.dialogs.frame import DialogFrame
from tui.ui.dialogs.typed_path import path_problem, typed_path
from tui.ui.labels import counted
from tui.ui.widgets.toggles import Radio

#: The formats offered: (id, what it is, the file name suggested).
FORMATS = (
    ("html", "HTML page to read and print: codebook, memos, passages, matrices", "coding-report.html"),
    ("xlsx", "XLSX: segments, codebook, matrices, articles and project sheets", "coding-report.xlsx"),
    ("csv", "CSV: segments; -codebook, -matrix, -articles… files beside it", "coding-report.csv"),
)
_NAMES = {kind: name for kind, _, name in FORMATS}


class ReportDialog(DialogFrame[list[Path] | None]):
    """Choose a report's format and file; Enter writes it, a bar shows how far it has come."""

    BOX_WIDTH = 84
    KEYS_HINT = "Enter to write · Esc to cancel"
    DEFAULT_CSS = """
    ReportDialog {
        #report-progress { display: none; }
        #report-progress.-writing { display: block; }
    }
    """

    def __init__(
        self,
        annotations: Sequence[Annotation],
        tags: Sequence[Tag],
        articles: Mapping[str, Article],
        folder: Path,
        *,
        values: Mapping[str, Mapping[str, str]] | None = None,
        memos: Sequence[Memo] = (),
        passing: set[str] | None = None,
        where: str = "",
    ) -> None:
        """A report of ``annotations`` under ``tags`` over ``articles``, offered in ``folder``, with
        the articles' attribute ``values`` (by id) and the ``memos``. With ``passing``, only the
        articles of these ids are reported on (the attribute filter, written ``where``)."""
        super().__init__("Write a report of the coding")
        self.annotations, self.tags, self.articles = list(annotations), list(tags), dict(articles)
        self.folder = folder
        self.values = {article: dict(found) for article, found in (values or {}).items()}
        self.memos = list(memos)
        self.passing, self.where = passing, where

    def compose_body(self) -> ComposeResult:
        """Format choice, path, progress, and the line that says what went wrong."""
        with RadioSet(id="report-format"):
            for index, (kind, label, _) in enumerate(FORMATS):
                yield Radio(label, value=index == 0, id=kind)
        from tui.core.reports import default_by

        choices = [(Text("No tag × attribute matrix"), "")]
        choices += [(Text(f"Tag × {name} matrix too"), name) for name in attributes_in(self.values)]
        yield Select(
            choices,
            value=default_by(self.values, self.passing) or "",
            allow_blank=False,
            compact=True,
            id="report-by",
            tooltip="The report's matrix of tags by the values of an attribute of the articles",
        )
        yield Input(str(self.folder / _NAMES["html"]), id="report-path")
        yield ProgressBar(total=3, show_eta=False, id="report-progress")
        yield Label("", classes="problem")

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#report-path", Input).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """Suggest the format's file name in the folder typed."""
        field = self.query_one("#report-path", Input)
        name = _NAMES.get(event.pressed.id or "", _NAMES["html"])
        typed = field.value.strip()
        path = Path(typed) if typed else self.folder / name
        folder = path if typed.endswith("/") or path.is_dir() else path.parent
        field.value = str(folder / name)

    @on(Input.Submitted, "#report-path")
    def _write(self, event: Input.Submitted) -> None:
        """Write the report to the path typed, in the background."""
        if not event.value.strip():
            return
        pressed = self.query_one(RadioSet).pressed_button
        kind = pressed.id if pressed is not None and pressed.id in _NAMES else "html"
        try:
            path = typed_path(event.value.strip())
        except RuntimeError as error:  # ~nosuchuser
            self.show_problem(path_problem(event.value, error))
            return
        self.show_problem("")
        self.query_one("#report-progress", ProgressBar).update(progress=0)
        self.query_one("#report-progress").add_class("-writing")
        by = self.query_one("#report-by", Select).value
        self._write_report(kind, path, by if isinstance(by, str) and by else None)

    @work(thread=True, exit_on_error=False, exclusive=True, group="report", description="writing the report")
    def _write_report(self, kind: str, path: Path, by: str | None) -> list[Path]:
        """Gather, render and write the report, a step of the bar each."""
        from tui.core.reports import gather, report_files
        from tui.core.user_files import write_output_file

        worker = get_current_worker()
        report = gather(
            self.annotations,
            self.tags,
            self.articles,
            values=self.values,
            memos=self.memos,
            by=by,
            within=self.passing,
            where=(self.where,) if self.where else (),
        )
        self.app.call_from_thread(self._advance)
        files = report_files(report, kind, path)
        self.app.call_from_thread(self._advance)
        if worker.is_cancelled:
            return []
        written = [write_output_file(target, data) for target, data in files.items()]
        self.app.call_from_thread(self._advance)
        return written

    def _advance(self) -> None:
        """One step further."""
        self.query_one("#report-progress", ProgressBar).advance(1)

    @on(Worker.StateChanged)
    def _done(self, event: Worker.StateChanged) -> None:
        """Close with the files written, or say why not and stay open."""
        if event.worker.group != "report":
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, list):
            written: list[Path] = event.worker.result
            self.app.notify(
                f"Wrote {counted(len(written), 'file')}: {', '.join(one_line(str(p)) for p in written)}",
                title="Report written",
                timeout=8,
                markup=False,
            )
            self.dismiss(written)
        elif event.state == WorkerState.ERROR:
            self.query_one("#report-progress").remove_class("-writing")
            error = event.worker.error
            reason = str(error) if isinstance(error, (UserFileError, OSError, ValueError)) else repr(error)
            self.show_problem(f"Not written: {reason}")
