"""What the attributes dialog and the attribute filter keep: a stored choice value whatever its case
(or none of the choices) is shown and left as it is when another field is saved; the list stays
filtered when the corpus is read again; a filter follows its attributes' definitions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Select

from tests.ui.conftest import reader_ready, settle
from tests.ui.test_attributes import DAWN, TEHRAN_TIMES, coded, field, filter_by, listed, open_attributes
from tui.core.annotations.store import AnnotationStore
from tui.core.attributes import define, definitions
from tui.core.corpus import Corpus
from tui.ui.app import ReaderApp
from tui.ui.attributes.attributes_dialog import AttributesAnswer, AttributesDialog
from tui.ui.reader.article_list import ArticleList

AppFactory = Callable[..., ReaderApp]
KIND = define("kind", "choice", ["News", "Op-ed", "Statement"])


async def apply_filter(pilot: Any, typed: str) -> None:
    """Filter the app by ``typed`` (Y, the condition, Ctrl+S) and let it show the articles that pass."""
    await filter_by(pilot, typed)
    await pilot.press("ctrl+s")
    await settle(pilot)


def kind_select(dialog: AttributesDialog) -> Select[str]:
    """The kind field of the dialog."""
    found: Select[str] = dialog.query_one("#" + field(dialog, "kind").id, Select)
    return found


async def test_a_choice_stored_in_another_case_is_shown_and_kept(make_app: AppFactory) -> None:
    store = AnnotationStore.in_memory()
    store.set_attributes(DAWN, {"kind": "news"})
    store.define_attribute(KIND)  # accepted: "news" is the choice "News"
    app = make_app(store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await reader_ready(pilot)
        dialog = await open_attributes(pilot, DAWN)
        assert kind_select(dialog).value == "News"
        field(dialog, "outlet").value = "Dawn"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert {v.name: v.value for v in store.attribute_values(article=DAWN)} == {
            "outlet": "Dawn",
            "kind": "news",
        }
        # chosen anew, the value takes the choice's case
        dialog = await open_attributes(pilot, DAWN)
        kind_select(dialog).value = "Op-ed"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert {v.name: v.value for v in store.attribute_values(article=DAWN)}["kind"] == "Op-ed"


async def test_a_value_that_is_none_of_the_choices_is_listed_marked_and_kept(make_app: AppFactory) -> None:
    # none of the choices: the attribute redefined elsewhere, or the value imported
    answers: list[AttributesAnswer | None] = []
    known = definitions([KIND])
    app = make_app(store=AnnotationStore.in_memory())
    async with app.run_test(size=(100, 30)) as pilot:
        await reader_ready(pilot)
        values = {"kind": "blog", "outlet": "Dawn"}
        app.push_screen(AttributesDialog("An article", known, values), answers.append)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AttributesDialog)
        select = kind_select(dialog)
        assert select.value == "blog"
        labels = [str(label) for label, value in dialog.options("kind") if value == "blog"]
        assert labels == ["blog  (not one of its choices)"]
        field(dialog, "country").value = "Pakistan"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert answers == [AttributesAnswer({"country": "Pakistan"})]
        # emptied, it is unset; nothing else left as it was is saved
        app.push_screen(AttributesDialog("An article", known, values), answers.append)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AttributesDialog)
        kind_select(dialog).value = Select.NULL
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert answers[-1] == AttributesAnswer({"kind": None})


async def test_the_list_stays_filtered_when_the_corpus_is_read_again(
    make_app: AppFactory, corpus: Corpus
) -> None:
    store = coded(corpus)
    store.set_attributes(DAWN, {"outlet": "Dawn"})
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await apply_filter(pilot, "outlet=Dawn")
        screen: Any = app.screen
        assert listed(app) == [DAWN]
        # as after articles are added, or when a corpus shown from its catalogue is read
        screen.replace_corpus(screen.state.corpus)
        await settle(pilot)
        assert listed(app) == [DAWN]
        assert "outlet=Dawn · 1 of" in str(screen.query_one(ArticleList).border_title)


async def test_a_filter_follows_its_attributes_definitions(make_app: AppFactory, corpus: Corpus) -> None:
    store = coded(corpus)
    store.define_attribute(define("words", "text"))
    store.set_attributes(DAWN, {"words": "900"})
    store.set_attributes(TEHRAN_TIMES, {"words": "1000"})
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await apply_filter(pilot, "words<950")
        assert listed(app) == [TEHRAN_TIMES, DAWN]  # as text, "1000" comes before "950"
        screen: Any = app.screen
        store.define_attribute(define("words", "number"))
        screen.attributes_changed()
        await settle(pilot)
        assert listed(app) == [DAWN]  # as numbers
        store.remove_attribute("words")
        screen.attributes_changed()
        await settle(pilot)
        assert screen.state.where == [] and len(listed(app)) == len(corpus.articles)
        assert any(
            "words<950" in str(notice.message) and "words" in str(notice.message)
            for notice in app._notifications
        )
