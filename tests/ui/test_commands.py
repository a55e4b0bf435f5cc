"""Pilot tests of the palette's action commands: read from the bindings, each with its keys, each running."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from tests.ui.conftest import ROOT, SIZE, settle, settle_until
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import load_corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.ui.app import ReaderApp
from tui.ui.bound_actions import pretty_key
from tui.ui.commands import ReaderCommands
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.reader import ReaderScreen
from tui.ui.widgets.line_list import LineList

AppFactory = Callable[..., ReaderApp]


@asynccontextmanager
async def settled(app: ReaderApp) -> AsyncIterator[Pilot[None]]:
    """Run ``app`` under Pilot at the tests' size, once its start-up work is done."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        yield pilot


def hits(app: App[Any]) -> list[str]:
    """The open palette's hits as drawn: each its name, a newline and its help."""
    if not isinstance(app.screen, CommandPalette):
        return []
    return [str(option.prompt) for option in app.screen.query_one(CommandList).options]


def expected_commands(node_class: type[Any]) -> dict[str, set[str]]:
    """What the bindings a class declares promise the palette: each action's name and its keys."""
    by_action: dict[str, tuple[str, set[str]]] = {}
    for bindings in node_class._merge_bindings().key_to_bindings.values():
        for binding in bindings:
            if binding.description and binding.action != "command_palette":
                _, keys = by_action.setdefault(
                    binding.action, (binding.tooltip or binding.description, set())
                )
                keys.add(pretty_key(binding.key))
    return dict(by_action.values())


async def open_palette(pilot: Pilot[Any], typed: str, expected: str) -> list[str]:
    """Open the palette, type ``typed`` and wait for a hit starting with ``expected``; the hits."""
    await pilot.press("ctrl+p")
    await pilot.press(*typed)
    await settle_until(pilot, lambda: any(hit.startswith(expected) for hit in hits(pilot.app)))
    return hits(pilot.app)


def hit_for(shown: list[str], name: str) -> str:
    """The help line of the hit named ``name`` (the test fails if there is none)."""
    found = [hit.split("\n", 1) for hit in shown if hit.split("\n", 1)[0] == name]
    assert found, f"{name!r} is not in the palette"
    return found[0][1] if len(found[0]) > 1 else ""


async def test_every_binding_of_the_reader_is_a_command_with_its_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with settled(app) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("enter")  # into the text: n / N, redo apply only with something to do
        view = app.query_one(ArticleView)
        view.select(0, 12)
        await pilot.press("m", "u")  # a highlight, undone: there is a redo
        screen.mark_entity("place:iran")  # mentions to step through: next / previous
        await settle(pilot)
        promised = expected_commands(type(screen)) | expected_commands(type(app))
        assert {
            "Find in the article",
            "The Timeline pane",
            "Toggle people",
            "Redo",
            "Next find match or mention",
        } <= (set(promised))
        shown = await open_palette(pilot, "", "The Timeline pane")
        for name, keys in promised.items():
            help_line = hit_for(shown, name)
            assert set(help_line.split(" · ")[0].split(" / ")) == keys, name
        assert "Ctrl+R / U" in hit_for(shown, "Redo")
        assert hit_for(shown, "The Timeline pane") == "L · Timeline"


async def test_a_command_does_what_its_key_does(make_app: AppFactory) -> None:
    app = make_app()
    async with settled(app) as pilot:
        await pilot.press("L")
        by_key = app.focused
        assert isinstance(by_key, LineList) and by_key.id == "timeline-list"
        await pilot.press("r")
        assert isinstance(app.focused, ArticleView)
        shown = await open_palette(pilot, "timeline", "The Timeline pane")
        assert shown[0].startswith("The Timeline pane\nL")
        await pilot.press("enter")
        await settle_until(pilot, lambda: app.focused is by_key)
        assert app.focused is by_key and not isinstance(app.screen, CommandPalette)


async def test_the_focused_widget_adds_its_key_bar_actions_not_its_cursor_moves(make_app: AppFactory) -> None:
    app = make_app()
    async with settled(app) as pilot:
        await pilot.press("L")
        shown = await open_palette(pilot, "", "The Timeline pane")
        names = [hit.split("\n")[0] for hit in shown]
        assert hit_for(shown, "Only the entity chosen in the entity pane") == "f · Filter by entity"
        assert hit_for(shown, "All events") == "F"
        assert "Down" not in names and "Page down" not in names


async def test_a_key_typed_into_a_field_is_not_offered_as_the_commands_key(make_app: AppFactory) -> None:
    app = make_app()
    async with settled(app) as pilot:
        await pilot.press("ctrl+f")
        assert isinstance(app.focused, Input)
        shown = await open_palette(pilot, "", "Go to the article list")
        assert hit_for(shown, "Go to the article list").startswith(
            "no key here"
        )  # "a" types an a in the search field
        assert hit_for(shown, "Search every article") == "Ctrl+F · Search all"


class _WithABell(ReaderApp):
    """The app with one more binding, declared nowhere else."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+b", "bell", "Bell", tooltip="Ring the bell")]


async def test_a_new_binding_is_a_command_without_being_typed_again() -> None:
    corpus = load_corpus(ROOT / "articles")
    gazetteer = load_gazetteer(ROOT / "articles" / "entities.toml")
    app = _WithABell(corpus, EntityEngine(gazetteer), [], AnnotationStore.in_memory())
    async with settled(app) as pilot:
        shown = await open_palette(pilot, "ring", "Ring the bell")
        assert hit_for(shown, "Ring the bell") == "Ctrl+B · Bell"


async def test_actions_that_cannot_run_now_are_not_offered(make_app: AppFactory) -> None:
    app = make_app()
    async with settled(app):
        names = {command.title for command in ReaderCommands(app.screen)._commands()}
        assert "Redo" not in names and "Next find match or mention" not in names  # nothing to redo or step
        assert "Undo" in names and "Find in the article" in names


async def test_the_palette_finds_entities_and_follows_one_in_the_cross_references(
    make_app: AppFactory,
) -> None:
    from tests.ui.test_panes import indexed
    from tui.ui.xref.xref_pane import XrefPane

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await indexed(pilot)
        shown = await open_palette(pilot, "larijani", "Entity: Ali Larijani")
        assert hit_for(shown, "Entity: Ali Larijani") == "person · named in 3 articles"
        await pilot.press("enter")
        await settle(pilot)
        pane = app.query_one(XrefPane)
        assert pane.entity == "person:larijani"
        assert app.focused is not None and app.focused.id == "xref-list"


async def test_the_palette_finds_an_entity_by_another_spelling(make_app: AppFactory) -> None:
    from tests.ui.test_panes import indexed
    from tui.ui.xref.xref_pane import XrefPane

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await indexed(pilot)
        # a spelling variant no article uses, and a surname alone
        shown = await open_palette(pilot, "ghalibaf", "Entity: Mohammad Baqer Qalibaf")
        assert shown[0].startswith("Entity: Mohammad Baqer Qalibaf")
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_one(XrefPane).entity == "person:qalibaf"
        await pilot.press("escape")
        # an alias: the title shows the name, then the spelling that matched
        shown = await open_palette(pilot, "SNSC chief", "Entity: Ali Larijani")
        assert shown[0].startswith("Entity: Ali Larijani (the SNSC chief)")


def test_keys_read_as_people_write_them() -> None:
    """Punctuation keys show as their character: the repeat key is ".", not its name."""
    shown = {
        key: pretty_key(key) for key in ("full_stop", "ctrl+shift+left", "space", "slash", "E", "ctrl+s")
    }
    assert shown == {
        "full_stop": ".",
        "ctrl+shift+left": "Ctrl+Shift+←",
        "space": "Space",
        "slash": "/",
        "E": "E",
        "ctrl+s": "Ctrl+S",
    }


def test_the_help_lists_this_apps_keys_not_every_widgets() -> None:
    """Sideways scrolling, a field's editing keys and Tab are Textual's, the same in every app."""
    from textual.app import App

    from tui.ui.app import ReaderApp
    from tui.ui.help.keys import SECTIONS, _rows

    titles = [title for _, cls in SECTIONS for _, title in _rows(ReaderApp if cls is App else cls)]
    assert not {"Scroll Left", "Page Left", "Focus Next", "Delete left to start of word"} & set(titles)
    assert (
        "Go to the entities pane" in titles
        and "Tick the highlighted tag (with nothing typed: save)" in titles
    )
