"""Editing the open article's attributes, defining new ones, and filtering the app by them.

Saves go through the Annotations pane (the host: it holds the store and the undo history), each one
save and one undoable step. The screen owns the filter (``ReaderState.where``); ``changed`` tells it
that the filter or some article's attributes changed, so it shows the features again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from tui.core.attributes import (
    AttributeDef,
    Condition,
    InvalidAttribute,
    article_values,
    definitions,
    filter_articles,
    values_by_article,
)
from tui.core.safe_text import one_line
from tui.ui.attributes.attributes_dialog import AttributesAnswer, AttributesDialog
from tui.ui.memos.memo_actions import MemoHost
from tui.ui.state import ReaderState

if TYPE_CHECKING:
    from tui.core.annotations.store import AnnotationStore
    from tui.core.models import Article

#: The attributes shown by the article's header, in this order, when it has them.
KEY_ATTRIBUTES = ("outlet", "country", "language", "kind")


#: What editing attributes needs of its host (the Annotations pane): what saving a memo needs, the
#: store, the undo history, whether it is read-only, the app and a way to say things.
AttributeHost = MemoHost


def run(host: AttributeHost, state: ReaderState, what: str, changed: Callable[[], None]) -> None:
    """``what``: "edit" the open article's attributes, choose the "filter", or "clear" it."""
    if what == "edit":
        edit_attributes(host, state, changed)
    elif what == "filter":
        choose_filter(host, state, changed)
    elif what == "clear":
        if not state.where:
            host.notify("No attribute filter to clear", timeout=2)
            return
        state.where = []
        changed()
        host.notify("Attribute filter cleared: every article is shown", timeout=3)


def all_definitions(store: AnnotationStore) -> dict[str, AttributeDef]:
    """Every attribute: the front matter's, the built-in ones and the user's."""
    return definitions(store.attribute_definitions())


def edit_attributes(
    host: AttributeHost,
    state: ReaderState,
    changed: Callable[[], None],
    typed: Mapping[str, str] | None = None,
    focus: str | None = None,
) -> None:
    """Open the open article's attributes (the field of ``focus`` focused, if given); Ctrl+S saves
    them as one step, Ctrl+N defines a new one."""
    article = state.article
    if article is None:
        host.notify("Open an article first", timeout=2)
        return
    store = host.store
    values = article_values(article, store.attribute_values(article=article.id))
    dialog = AttributesDialog(article.title, all_definitions(store), values, typed, host.read_only, focus)

    def done(answer: AttributesAnswer | None) -> None:
        """Save the changes, or define a new attribute and come back."""
        if answer is None:
            return
        if answer.define:
            define_attribute(host, lambda name: edit_attributes(host, state, changed, answer.typed, name))
        elif save_attributes(host, article, answer.changes):
            changed()

    host.app.push_screen(dialog, done)


def save_attributes(host: AttributeHost, article: Article, changes: dict[str, str | None]) -> bool:
    """Save an article's changed attributes as one undoable step; returns whether any changed."""
    from tui.core.annotations.model import default_author
    from tui.core.store import StoreError

    title = one_line(article.title)
    if not changes:
        host.notify("No attribute changed", timeout=2)
        return False
    try:
        saved = host.store.set_attributes(article.id, changes, default_author())
    except (StoreError, InvalidAttribute) as error:
        host.notify(one_line(str(error)), title="Attributes not saved", severity="error", markup=False)
        return False
    if not saved:
        return False
    host.history.record(f"attributes of {title}", saved)
    host.saved()
    host.notify(f"Saved the attributes of {title} (u to undo)", timeout=3, markup=False)
    return True


def define_attribute(host: AttributeHost, after: Callable[[str | None], None]) -> None:
    """Ask for a new attribute's name, type and choices, define it as one undoable step, then
    ``after`` (given the name defined, or None)."""
    from tui.ui.attributes.define_dialog import DefineAttributeDialog

    def done(definition: AttributeDef | None) -> None:
        """Save the definition (nothing if the dialog was cancelled), then go on."""
        if definition is not None:
            from tui.core.store import StoreError

            try:
                saved = host.store.define_attribute(definition)
            except (StoreError, InvalidAttribute) as error:
                host.notify(one_line(str(error)), title="Not defined", severity="error", markup=False)
                saved = None
            if saved:
                host.history.record(f"definition of attribute {definition.name}", saved)
                host.saved()
                host.notify(f"Defined the attribute {definition.name} ({definition.type})", markup=False)
        after(definition.name if definition is not None else None)

    if host.read_only:
        host.notify(f"Nothing can be saved: {host.read_only}", severity="warning", markup=False)
        after(None)
        return
    host.app.push_screen(DefineAttributeDialog(all_definitions(host.store)), done)


def choose_filter(host: AttributeHost, state: ReaderState, changed: Callable[[], None]) -> None:
    """Ask for the attribute filter (starting from the one now); applying it shows the app anew."""
    from tui.ui.attributes.filter_dialog import FilterDialog

    store = host.store
    values = values_by_article(state.corpus.articles, store.attribute_values())
    dialog = FilterDialog(all_definitions(store), values.values(), state.where)

    def done(conditions: list[Condition] | None) -> None:
        """Keep the filter chosen (nothing if the dialog was cancelled)."""
        if conditions is not None:
            state.where = list(conditions)
            changed()
            total = len(state.corpus.articles)
            shown = total if state.passing is None else len(state.passing)
            said = f"{state.where_label()}: {shown} of {total} articles" if state.where else "every article"
            host.notify(f"Showing {said}", title="Attribute filter", timeout=4, markup=False)

    host.app.push_screen(dialog, done)


def work_out_passing(state: ReaderState) -> None:
    """Set ``state.passing``: the articles that pass the filter, by the store's values now (None
    with no filter, or no store yet)."""
    if not state.where or state.store is None:
        state.passing = None
        return
    values = values_by_article(state.corpus.articles, state.store.attribute_values())
    state.passing = {article.id for article in filter_articles(state.corpus.articles, state.where, values)}


def key_attributes(state: ReaderState) -> str:
    """The open article's outlet, country, language and kind, as the header shows them ("" if none)."""
    article, store = state.article, state.store
    if article is None or store is None:
        return ""
    values = {value.name: value.value for value in store.attribute_values(article=article.id)}
    return " · ".join(one_line(values[name]) for name in KEY_ATTRIBUTES if values.get(name))
