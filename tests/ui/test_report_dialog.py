"""Writing a report from the app: W asks a format, a tag × attribute matrix (the outlet, once articles
have one) and a file, writes it with a progress bar, says where; the report carries the memos and
outlets; a path that cannot be written keeps the dialog open with one line saying why."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input, RadioButton, Select

from tests.ui.conftest import reader_ready, settle
from tui.core.annotations.model import Annotation
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.ui.annotations.report_dialog import ReportDialog
from tui.ui.app import ReaderApp

AppFactory = Callable[..., ReaderApp]
FIRST = "000_9154f6903408afad"


def coded(corpus: Corpus) -> AnnotationStore:
    """One passage of article 000 tagged."""
    text = corpus.find(FIRST).text
    store = AnnotationStore.in_memory()
    start = text.index("Mohammad Baqer Qalibaf")
    store.save(Annotation.create(FIRST, text, start, start + 22, ("actors/iran",)))
    return store


async def press_w(pilot: Any) -> ReportDialog:
    """Press W in the reader: the report dialog."""
    await pilot.press("W")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ReportDialog)
    return dialog


async def test_w_writes_an_html_report_and_csv_files(
    make_app: AppFactory, corpus: Corpus, tmp_path: Path
) -> None:
    app = make_app(store=coded(corpus))
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await press_w(pilot)
        dialog.query_one("#report-path", Input).value = str(tmp_path / "coding.html")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ReportDialog)
        assert "<mark>Mohammad Baqer Qalibaf</mark>" in (tmp_path / "coding.html").read_text(encoding="utf-8")
        assert any("Wrote 1 file" in str(n.message) for n in app._notifications)
        dialog = await press_w(pilot)
        dialog.query_one("#report-path", Input).value = str(tmp_path / "coding.html")
        dialog.query_one("#csv", RadioButton).value = True
        await pilot.pause()
        assert dialog.query_one("#report-path", Input).value == str(tmp_path / "coding-report.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert sorted(p.name for p in tmp_path.glob("coding-report*.csv")) == [
            "coding-report-articles.csv",
            "coding-report-codebook.csv",
            "coding-report-matrix.csv",
            "coding-report-project.csv",
            "coding-report.csv",
        ]


async def test_a_path_that_cannot_be_written_is_said_and_the_dialog_stays(
    make_app: AppFactory, corpus: Corpus, tmp_path: Path
) -> None:
    app = make_app(store=coded(corpus))
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await press_w(pilot)
        dialog.query_one("#report-path", Input).value = str(tmp_path / "missing" / "r.html")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        problem = str(dialog.query_one(".problem").render())
        assert problem.startswith("Not written: ") and "missing" in problem and "\n" not in problem


async def test_the_report_has_the_outlet_matrix_and_memos_unless_none_is_chosen(
    make_app: AppFactory, corpus: Corpus, tmp_path: Path
) -> None:
    store = coded(corpus)
    store.set_attributes(FIRST, {"outlet": "Dawn"}, "tester")
    store.save_memo("project", "", "What <we> compare", "tester")
    store.save_memo("article", FIRST, "A speech.", "tester")
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await press_w(pilot)
        chooser = dialog.query_one("#report-by", Select)
        assert chooser.value == "outlet"
        dialog.query_one("#report-path", Input).value = str(tmp_path / "with.html")
        dialog.query_one("#report-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        page = (tmp_path / "with.html").read_text(encoding="utf-8")
        assert "<h2>Tag × outlet: passages by the articles' outlet</h2>" in page
        assert "<p>What &lt;we&gt; compare</p>" in page and "<p>A speech.</p>" in page
        assert "outlet: Dawn" in page
        dialog = await press_w(pilot)
        dialog.query_one("#report-by", Select).value = ""
        dialog.query_one("#report-path", Input).value = str(tmp_path / "without.html")
        dialog.query_one("#report-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "Tag × outlet" not in (tmp_path / "without.html").read_text(encoding="utf-8")


async def test_with_an_attribute_filter_only_the_passing_articles_are_reported(
    make_app: AppFactory, corpus: Corpus, tmp_path: Path
) -> None:
    store = coded(corpus)
    second = next(article for article in corpus.articles if article.id != FIRST)
    start = second.text.index("Pakistan")
    store.save(Annotation.create(second.id, second.text, start, start + 8, ("actors/pakistan",)))
    articles = {article.id: article for article in corpus.articles}
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = ReportDialog(
            store.annotations(), store.tags(), articles, tmp_path, passing={second.id}, where="kind=news"
        )
        await app.push_screen(dialog)
        await pilot.pause()
        dialog.query_one("#report-path", Input).value = str(tmp_path / "news.html")
        await pilot.press("enter")
        await settle(pilot)
        page = (tmp_path / "news.html").read_text(encoding="utf-8")
        assert "1 coded passages (in articles where kind=news)" in page
        assert "<mark>Pakistan</mark>" in page and "Mohammad Baqer Qalibaf" not in page
