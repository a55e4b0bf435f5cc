"""Article attributes in the app: V edits the open article's (one undoable save, a bad value refused
under its field), Ctrl+N in it defines a new one, Y filters the whole app by them (the list, search,
timeline and coded segments show only the articles that pass) and Ctrl+Y clears the filter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Input, Label, RadioButton, Select

from tests.ui.conftest import reader_ready, settle, settle_behind_dialog, settle_until
from tui.core.annotations.model import Annotation
from tui.core.annotations.store import AnnotationStore
from tui.core.attributes import define
from tui.core.corpus import Corpus
from tui.ui.app import ReaderApp
from tui.ui.attributes.attributes_dialog import AttributesDialog
from tui.ui.attributes.define_dialog import DefineAttributeDialog
from tui.ui.attributes.filter_dialog import FilterDialog
from tui.ui.reader.article_header import ArticleHeader
from tui.ui.reader.article_list import ArticleList

AppFactory = Callable[..., ReaderApp]
TEHRAN_TIMES = "001_837904dac7d69cd7"
DAWN = "003_ae4195037769579a"


def coded(corpus: Corpus) -> AnnotationStore:
    """A passage of article 001 and one of 003 tagged "people"."""
    store = AnnotationStore.in_memory()
    for article, quote in ((TEHRAN_TIMES, "SNSC"), (DAWN, "Mohsin Naqvi")):
        text = corpus.find(article).text
        start = text.index(quote)
        store.save(Annotation.create(article, text, start, start + len(quote), ("people",)))
    return store


def field(dialog: AttributesDialog, name: str) -> Any:
    """The field of one attribute in the dialog."""
    return dialog.query_one(f"#attr-{list(dialog.definitions).index(name)}")


def problem_under(dialog: AttributesDialog, name: str) -> str:
    """The line under one attribute's field."""
    label = dialog.query_one(f"#attr-{list(dialog.definitions).index(name)}-problem", Label)
    return str(label.render()) if label.display and label.has_class("-shown") else ""


async def open_attributes(pilot: Any, article: str) -> AttributesDialog:
    """Open ``article`` and press V: its attributes dialog."""
    pilot.app.screen.select_article(article)
    await pilot.pause()
    await pilot.press("V")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, AttributesDialog)
    return dialog


async def set_outlet(pilot: Any, article: str, outlet: str) -> None:
    """Set an article's outlet in the dialog and save it with Ctrl+S."""
    dialog = await open_attributes(pilot, article)
    field(dialog, "outlet").value = outlet
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert not isinstance(pilot.app.screen, AttributesDialog)


async def filter_by(pilot: Any, typed: str) -> FilterDialog:
    """Press Y and type a filter (Enter adds it); the dialog, still open."""
    await pilot.press("Y")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, FilterDialog)
    dialog.query_one("#filter-input", Input).value = typed
    await pilot.press("enter")
    await pilot.pause()
    return dialog


def listed(app: ReaderApp) -> list[str]:
    """The ids of the articles in the list."""
    return [article.id for article in app.screen.query_one(ArticleList).rows.articles]


async def test_outlets_filter_the_list_search_timeline_and_segments(
    make_app: AppFactory, corpus: Corpus
) -> None:
    store = coded(corpus)
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await set_outlet(pilot, DAWN, "Dawn")
        await set_outlet(pilot, TEHRAN_TIMES, "Tehran Times")
        assert {(v.article, v.value) for v in store.attribute_values(name="outlet")} == {
            (DAWN, "Dawn"),
            (TEHRAN_TIMES, "Tehran Times"),
        }
        assert app.screen.query_one(ArticleHeader).attributes == "Tehran Times"
        search = app.screen.query_one("#search-input", Input)
        search.value = "Pakistan"
        await settle_until(pilot, lambda: len(app.screen.query_one("#search-pane").found[2]) == 5)

        await filter_by(pilot, "outlet=dawn")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FilterDialog)
        screen = app.screen
        assert [str(c) for c in screen.state.where] == ["outlet=dawn"]
        assert listed(app) == [DAWN]
        assert str(screen.query_one(ArticleList).border_title) == "Articles · outlet=dawn · 1 of 5"
        assert any("Showing outlet=dawn: 1 of 5 articles" in str(n.message) for n in app._notifications)

        await settle_until(pilot, lambda: len(screen.query_one("#search-pane").found[2]) == 1)
        _, articles, numbers = screen.query_one("#search-pane").found
        assert [articles[n].id for n in numbers] == [DAWN]
        status = str(screen.query_one("#search-status", Label).render())
        assert "1 of 1 articles (outlet=dawn) hold" in status

        timeline = screen.query_one("#timeline-pane")
        events = screen.index.timeline.events
        numbers, label = timeline.shown
        assert numbers and "outlet=dawn" in label
        assert all(any(s.article == DAWN for s in events[n].sources) for n in numbers)
        assert len(numbers) < len(events)
        scoped = timeline.timeline  # what the pane and its full-width view show: Dawn's sources only
        assert {s.article for n in numbers for s in scoped.events[n].sources} == {DAWN}
        assert set(scoped.published) == {DAWN}

        await pilot.press("S")
        await settle_until(pilot, lambda: getattr(app.screen, "placed", None) is not None)
        segments = app.screen
        assert [s.article for s in segments.found] == [DAWN]
        assert "outlet=dawn" in str(segments.title_line())
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+y")
        await settle(pilot)
        assert screen.state.where == [] and len(listed(app)) == 5
        assert not screen.query_one(ArticleList).border_title


async def test_a_save_is_one_undoable_step(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await open_attributes(pilot, DAWN)
        field(dialog, "outlet").value = "Dawn"
        field(dialog, "country").value = "Pakistan"
        dialog.query_one("#" + field(dialog, "kind").id, Select).value = "op-ed"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert {v.name: v.value for v in store.attribute_values(article=DAWN)} == {
            "outlet": "Dawn",
            "country": "Pakistan",
            "kind": "op-ed",
        }
        assert app.screen.query_one(ArticleHeader).attributes == "Dawn · Pakistan · op-ed"
        await pilot.press("u")
        await settle(pilot)
        assert store.attribute_values(article=DAWN) == []
        assert any(
            "Undid attributes of Iran, Pakistan discuss expanding strategic partnership" in str(n.message)
            for n in app._notifications
        )
        assert app.screen.query_one(ArticleHeader).attributes == ""
        # the dialog shows the values as they are now: emptied, a value is unset
        dialog = await open_attributes(pilot, DAWN)
        assert field(dialog, "outlet").value == ""


async def test_bad_values_and_filters_are_refused_in_a_line(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    store.define_attribute(define("words", "number"))
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await open_attributes(pilot, DAWN)
        field(dialog, "words").value = "many"
        await pilot.pause()
        assert "'many' is not a number" in problem_under(dialog, "words")
        field(dialog, "outlet").value = "[b]Dawn[/b]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and store.attribute_values() == []
        assert "fix words" in str(dialog.query_one(".problem", Label).render())
        assert "published" not in [w.id for w in dialog.query(Input)]  # front matter: no field to type in
        field(dialog, "words").value = "493"
        await pilot.pause()
        assert problem_under(dialog, "words") == ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert {v.name: v.value for v in store.attribute_values()} == {
            "outlet": "[b]Dawn[/b]",
            "words": "493",
        }

        bad = await filter_by(pilot, "colour=red")
        assert app.screen is bad and "no attribute called 'colour'" in str(
            bad.query_one(".problem", Label).render()
        )
        bad.query_one("#filter-input", Input).value = "words>lots"
        await pilot.press("enter")
        await pilot.pause()
        assert "words is a number" in str(bad.query_one(".problem", Label).render())
        bad.query_one("#filter-input", Input).value = "words>=400"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert listed(app) == [DAWN]


async def test_ctrl_n_defines_an_attribute_and_keeps_what_was_typed(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await open_attributes(pilot, DAWN)
        field(dialog, "outlet").value = "Dawn"
        await pilot.press("ctrl+n")
        await pilot.pause()
        defining = app.screen
        assert isinstance(defining, DefineAttributeDialog)
        defining.query_one("#define-name", Input).value = "stance"
        defining.query_one("#type-choice", RadioButton).value = True
        await pilot.press("enter")
        await pilot.pause()
        assert "needs its values" in str(defining.query_one(".problem", Label).render())
        defining.query_one("#define-choices", Input).value = "hawkish, neutral"
        await pilot.press("enter")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, AttributesDialog) and "stance" in again.definitions
        assert field(again, "outlet").value == "Dawn"
        assert app.focused is field(again, "stance")  # the new attribute's field, not outlet's
        again.query_one("#" + field(again, "stance").id, Select).value = "neutral"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert {v.name: v.value for v in store.attribute_values()} == {"outlet": "Dawn", "stance": "neutral"}
        assert [d.name for d in store.attribute_definitions()] == ["stance"]


class TestSnapshot:
    """The attributes dialog at 80×24: every attribute and the keys in sight."""

    def test_attributes_dialog(self, snap_compare: Any, make_app: AppFactory) -> None:
        store = AnnotationStore.in_memory()
        store.set_attributes(DAWN, {"outlet": "Dawn", "kind": "news"})

        async def run_before(pilot: Any) -> None:
            await reader_ready(pilot)
            await open_attributes(pilot, DAWN)
            await settle(pilot)
            await settle_behind_dialog(pilot)

        assert snap_compare(make_app(store=store), terminal_size=(80, 24), run_before=run_before)

    def test_filter_dialog(self, snap_compare: Any, make_app: AppFactory) -> None:
        store = AnnotationStore.in_memory()
        store.set_attributes(DAWN, {"outlet": "Dawn", "kind": "news"})

        async def run_before(pilot: Any) -> None:
            await reader_ready(pilot)
            dialog = await filter_by(pilot, "outlet=Dawn")
            dialog.query_one("#filter-input", Input).value = "colour=red"
            await pilot.press("enter")
            await settle(pilot)
            await settle_behind_dialog(pilot)

        assert snap_compare(make_app(store=store), terminal_size=(80, 24), run_before=run_before)


async def test_the_palette_offers_the_three_and_delete_removes_a_condition(make_app: AppFactory) -> None:
    from tests.ui.test_commands import hit_for, open_palette

    store = AnnotationStore.in_memory()
    store.set_attributes(DAWN, {"outlet": "Dawn [b]x[/b]", "kind": "news"})
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        shown = await open_palette(pilot, "attribut", "Article attributes")
        assert hit_for(shown, "Article attributes").startswith("V")
        assert hit_for(shown, "Filter by attributes").startswith("Y")
        assert hit_for(shown, "Clear attribute filter").startswith("Ctrl+Y")
        await pilot.press("escape")
        await pilot.pause()
        dialog = await filter_by(pilot, "kind=news")
        dialog.query_one("#filter-input", Input).value = "outlet~[b]"
        await pilot.press("enter")
        await pilot.pause()
        assert [str(c) for c in dialog.conditions] == ["kind=news", "outlet~[b]"]
        conditions = dialog.query_one("#filter-conditions")
        conditions.focus()
        conditions.highlighted = 0
        await pilot.press("delete")
        await pilot.pause()
        assert [str(c) for c in dialog.conditions] == ["outlet~[b]"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert listed(app) == [DAWN]
        # the filter is data: shown as typed, never read as markup
        title = app.screen.query_one(ArticleList)._border_title
        assert title is not None and title.plain == "Articles · outlet~[b] · 1 of 5"


async def test_a_read_only_store_shows_the_attributes_and_saves_nothing(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    store.set_attributes(DAWN, {"outlet": "Dawn"})
    app = make_app(store=store, store_problem="/x/annotations.json: written by a newer iranpak-reader")
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        dialog = await open_attributes(pilot, DAWN)
        assert field(dialog, "outlet").value == "Dawn"
        assert "newer iranpak-reader" in str(dialog.query_one(".problem", Label).render())
        field(dialog, "outlet").value = "IRNA"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and "Nothing can be saved" in str(
            dialog.query_one(".problem", Label).render()
        )
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not isinstance(app.screen, DefineAttributeDialog)
        assert [(v.name, v.value) for v in store.attribute_values()] == [("outlet", "Dawn")]
