"""Nothing that carries meaning is cut without a way to see it: the key bar at narrow widths, the
entity pane's names and counts, and the questions the dialogs ask, at 80×24, 120×40 and 200×50."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label, Static

from tui.core.models import Entity, EntitySummary, EntityType, Mention
from tui.ui.dialogs.prompt import ConfirmDialog, PromptDialog
from tui.ui.reader.entity_pane import EntityPane, EntityTree
from tui.ui.widgets.key_bar import KeyBar

SIZES = [(80, 24), (120, 40), (200, 50)]
LONG_NAME = "Islamic Republic of Iran Broadcasting and the Supreme National Security Council"


class Panel(Widget, can_focus=True):
    """A focusable stand-in for the list, the text or a side pane."""


class PanelScreen(Screen[None]):
    """A screen laid out as the reader's: panels reached by keys the bar does not show, many keys it does."""

    BINDINGS = [
        Binding("slash", "noop('find')", "Find"),
        Binding("t", "noop('tag')", "Tag"),
        Binding("c", "noop('note')", "Note"),
        Binding("m", "noop('highlight')", "Highlight"),
        Binding("x", "noop('delete')", "Delete"),
        Binding("u", "noop('undo')", "Undo"),
        Binding("ctrl+e", "noop('export')", "Export"),
        Binding("a", "focus('#articles')", "Articles", show=False),
        Binding("r", "focus('#text')", "Text", show=False),
        Binding("e", "focus('#entities')", "Entities", show=False),
        Binding("L", "focus('#timeline')", "Timeline"),
        Binding("ctrl+o", "noop('add')", "Add"),
    ]

    def compose(self) -> ComposeResult:
        """The key bar and four panels."""
        yield KeyBar()
        for name in ("articles", "text", "entities", "timeline"):
            yield Panel(id=name)

    def action_noop(self, name: str) -> None:
        """A key that does something (nothing, here)."""


class PanelApp(App[None]):
    """The app's own keys around the screen: quit, help and the palette."""

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.helped = 0

    def on_mount(self) -> None:
        """The panel screen, the text focused."""
        self.push_screen(PanelScreen())

    def action_help(self) -> None:
        """Count the times help was asked for."""
        self.helped += 1


async def bar_text(app: App[None]) -> str:
    """The key bar's line as drawn."""
    return str(app.screen.query_one(KeyBar).render())


async def test_a_narrow_key_bar_keeps_the_panel_keys_and_offers_help() -> None:
    app = PanelApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#text").focus()
        await pilot.pause()
        line = await bar_text(app)
        for shown in ("a Articles", "e Entities", "L Timeline", "? keys", "^p Commands"):
            assert shown in line
        assert "r Text" not in line  # the text has the focus already
        assert len(line) <= 80
        start = line.index("? keys")
        await pilot.click(KeyBar, offset=(start + 1, 0))
        assert app.helped == 1
        await pilot.click(KeyBar, offset=(line.index("e Entities") + 1, 0))
        await pilot.pause()
        assert app.focused is app.screen.query_one("#entities")
        line = await bar_text(app)
        assert "e Entities" not in line and "a Articles" in line and "r Text" in line


@pytest.mark.parametrize("size", SIZES[1:])
async def test_a_wide_key_bar_shows_every_key_and_no_help_hint(size: tuple[int, int]) -> None:
    app = PanelApp()
    async with app.run_test(size=size) as pilot:
        app.screen.query_one("#text").focus()
        await pilot.pause()
        line = await bar_text(app)
        for shown in ("/ Find", "t Tag", "u Undo", "^e Export", "L Timeline", "^o Add", "q Quit", "? Help"):
            assert shown in line
        assert "? keys" not in line and "a Articles" not in line  # all fit: as declared


def summaries() -> list[EntitySummary]:
    """A long-named organisation named 18 times, and a short-named place named 3 times."""
    long_mentions = [
        Mention(i * 10, i * 10 + 4, "IRIB", EntityType.ORGANISATION, "org:irib", LONG_NAME) for i in range(18)
    ]
    place = [Mention(500 + i, 504 + i, "Iran", EntityType.PLACE, "place:iran", "Iran") for i in range(3)]
    return [
        EntitySummary("org:irib", LONG_NAME, EntityType.ORGANISATION, long_mentions),
        EntitySummary("place:iran", "Iran", EntityType.PLACE, place),
    ]


class PaneApp(App[None]):
    """The entity pane alone, as wide as the side pane at 120 columns."""

    CSS = "EntityPane { width: 38; }"

    def compose(self) -> ComposeResult:
        """The pane."""
        yield EntityPane(id="entities")


@pytest.mark.parametrize("size", SIZES)
async def test_entity_counts_always_show_and_names_are_cut_with_an_ellipsis(size: tuple[int, int]) -> None:
    app = PaneApp()
    async with app.run_test(size=size) as pilot:
        pane = app.query_one(EntityPane)
        pane.show_summaries(summaries())
        await pilot.pause()
        tree = app.query_one(EntityTree)
        lines = [tree.render_line(y).text.rstrip() for y in range(6)]
        irib = next(line for line in lines if "Islamic Republic" in line)
        assert irib.endswith("… ×18") and len(irib) <= tree.scrollable_content_region.width
        assert any(line.endswith("Iran ×3") for line in lines)
        assert tree.virtual_size.width <= tree.size.width  # nothing scrolled off to the right
        pane.show_details(Entity("org:irib", LONG_NAME, EntityType.ORGANISATION, ("IRIB",)), summaries()[0])
        await pilot.pause()
        details = app.query_one("#entity-details", Static)
        assert LONG_NAME in str(details.render())  # the whole name, wrapped below the tree
        drawn = " ".join(details.render_line(y).text.strip() for y in range(details.size.height))
        assert LONG_NAME in drawn


class DialogApp(App[None]):
    """An app that asks one question."""

    def __init__(self, dialog: Screen[object]) -> None:
        super().__init__()
        self.dialog = dialog

    def on_mount(self) -> None:
        """Ask it."""
        self.push_screen(self.dialog)


LONG_TAG = "Ceasefire violations along the Durand Line reported by the ISPR and by Afghan officials " * 2


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("make", [ConfirmDialog, PromptDialog], ids=["confirm", "prompt"])
async def test_a_long_question_wraps_inside_the_dialog(
    size: tuple[int, int], make: type[Screen[object]]
) -> None:
    question = f"Delete the tag '{LONG_TAG.strip()}' [b]x[/b] \x1b[2J from 12 annotations?"
    app = DialogApp(make(question))  # type: ignore[call-arg]
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        dialog = app.screen
        label = dialog.query(Label).first()
        drawn = " ".join(label.render_line(y).text.strip() for y in range(label.size.height))
        assert " ".join(drawn.split()) == " ".join(
            f"Delete the tag '{LONG_TAG.strip()}' [b]x[/b] ␛[2J from 12 annotations?".split()
        )
        assert label.size.height > 1 and dialog.screen.region.contains_region(label.region)
        for widget in dialog.query("Label, Input, Button"):
            assert dialog.screen.region.contains_region(widget.region), widget
