"""The tag dialog as a coder uses it: typing finds a tag and Enter ticks it, creating a tag is a row of
its own, new tags get an unused colour, the tags used last come first, keys sent in one burst keep
their order, and "." repeats the last tagging on a new selection."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Input, OptionList

from tests.ui.conftest import burst, settle
from tui.core.annotations.model import PALETTE, Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.ui.annotations.tag_dialog import TagDialog
from tui.ui.app import ReaderApp
from tui.ui.reader.article_view import ArticleView

AppFactory = Callable[..., ReaderApp]
CODEBOOK = (
    Tag("regional-tension", PALETTE[3], "Regional instability framing"),
    Tag("security", PALETTE[0]),
    Tag("trade", PALETTE[1]),
)


def stocked_store(*tags: Tag) -> AnnotationStore:
    """A store in memory holding a codebook."""
    store = AnnotationStore.in_memory()
    for tag in tags or CODEBOOK:
        store.save_tag(tag)
    return store


async def open_dialog(pilot: Any, start: int = 26, end: int = 32) -> TagDialog:
    """Select a passage of the first article and press t."""
    await settle(pilot)
    view = pilot.app.query_one(ArticleView)
    view.focus()
    view.select(start, end)
    await pilot.press("t")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, TagDialog)
    return dialog


def rows(dialog: TagDialog) -> list[str]:
    """The list's rows as they read."""
    listing = dialog.query_one("#tag-list", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def tag_then_repeat(pilot: Any, meanwhile: Callable[[], object] = lambda: None) -> None:
    """Tag 26–32 with trade and security in the dialog, run ``meanwhile``, then select 100–120 and
    press "." to give it the same tags."""
    await open_dialog(pilot)
    await pilot.press(*"trade", "enter", *"secu", "enter", "enter")
    await settle(pilot)
    meanwhile()
    pilot.app.query_one(ArticleView).select(100, 120)
    await pilot.press("full_stop")
    await settle(pilot)


async def test_enter_after_a_prefix_ticks_the_existing_tag(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        await pilot.press(*"reg")
        assert rows(dialog)[0].startswith("[ ] ● regional-tension")
        assert rows(dialog)[-1] == "[+] ● Create tag “reg”"
        await pilot.press("enter")
        assert dialog.chosen == ["regional-tension"] and not dialog.new_tags
        await pilot.press("enter")  # nothing typed: save
        await settle(pilot)
        assert [a.tags for a in store.annotations()] == [("regional-tension",)]
        assert [tag.name for tag in store.tags()] == ["regional-tension", "security", "trade"]


async def test_a_folders_exact_name_and_enter_creates_that_parent(make_app: AppFactory) -> None:
    """``framing`` above ``framing/economy``: Enter means the parent itself, not its first child."""
    store = stocked_store(Tag("framing/economy"), Tag("framing/security"))
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        await pilot.press(*"framing")
        assert rows(dialog)[-1] == "[+] ● Create tag “framing”"
        await pilot.press("enter", "ctrl+s")
        await settle(pilot)
        assert [a.tags for a in store.annotations()] == [("framing",)]


async def test_creating_a_tag_is_its_own_row_with_an_unused_colour(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        await pilot.press(*"reg", "down", "enter")  # the create row, under regional-tension
        await pilot.press(*"sanctions", "enter")  # no match: the create row is the only one
        await pilot.press(*"energy", "ctrl+n", "enter")  # another colour before it is made
        await pilot.press("ctrl+s")
        await settle(pilot)
        made = {tag.name: tag for tag in store.tags()}
        assert [a.tags for a in store.annotations()] == [("reg", "sanctions", "energy")]
        unused = [colour for colour in PALETTE if colour not in {PALETTE[0], PALETTE[1], PALETTE[3]}]
        assert made["reg"].colour == unused[0] and made["reg"].description == ""
        assert made["sanctions"].colour == unused[1] and made["sanctions"].description == ""
        assert made["energy"].colour == unused[3]  # Ctrl+N: the next colour no tag has


async def test_ctrl_n_recolours_a_new_tag_and_leaves_codebook_tags_alone(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        await pilot.press(*"border", "enter")
        first = dialog.new_tags["border"].colour
        await pilot.press(*"border", "ctrl+n")
        following = [
            c for c in PALETTE[PALETTE.index(first) + 1 :] if c not in (PALETTE[0], PALETTE[1], PALETTE[3])
        ]
        assert dialog.new_tags["border"].colour == following[0]  # skipping the codebook's colours
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press(*"trade", "ctrl+n")
        assert store.tag("trade").colour == PALETTE[1]  # type: ignore[union-attr]


async def test_a_typo_still_finds_the_tag(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        await pilot.press(*"regional-tenson", "enter")
        assert dialog.chosen == ["regional-tension"]


async def test_keys_sent_in_one_burst_keep_their_order(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        await burst(pilot, *"secu", "enter", *"newtag", "enter", "ctrl+s")
        assert [a.tags for a in store.annotations()] == [("security", "newtag")]


async def test_the_tags_used_last_come_first_and_the_list_says_what_is_ticked(make_app: AppFactory) -> None:
    store = stocked_store()
    article = "000_9154f6903408afad"
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = app.query_one(ArticleView).text
        older = Annotation.create(article, text, 0, 10, ("security",))
        store.save(older)
        store.save(Annotation.create(article, text, 40, 50, ("trade",)))
        dialog = await open_dialog(pilot, 100, 120)
        listed = rows(dialog)
        assert listed[0].startswith("[ ] ● trade") and listed[0].endswith("used last")
        assert listed[1].startswith("[ ] ● security")
        await pilot.press(
            "down", "down", "down"
        )  # from no row highlighted: trade, security, regional-tension
        assert str(dialog.query_one("#ticked").render()) == "Nothing ticked"
        await pilot.press("tab", "enter")  # in the list, Enter ticks
        assert "Ticked: regional-tension" in str(dialog.query_one("#ticked").render())
        assert dialog.query_one("#tag-filter", Input).value == ""


async def test_full_stop_gives_the_next_selection_the_same_tags(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await tag_then_repeat(pilot)
        assert sorted((a.start, a.tags) for a in store.annotations()) == [
            (26, ("trade", "security")),
            (100, ("trade", "security")),
        ]


async def test_full_stop_with_nothing_to_repeat_says_how(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        view.focus()
        view.select(100, 120)
        await pilot.press("full_stop")
        await settle(pilot)
        assert not store.annotations()
        assert any("Nothing to repeat yet" in str(n.message) for n in app._notifications)


async def test_tag_names_are_shown_as_text(make_app: AppFactory) -> None:
    store = stocked_store(Tag("[b]x[/b] \x1b[2J", PALETTE[0], "[red]desc"))
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        assert rows(dialog)[0] == "[ ] ● [b]x[/b] ␛[2J  [red]desc"


async def test_arrows_sent_in_a_burst_move_over_the_list_for_what_is_typed(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        await burst(pilot, *"reg", "down", "enter", "ctrl+s")  # the row under regional-tension: create
        assert [a.tags for a in store.annotations()] == [("reg",)]


async def test_enter_on_a_row_chosen_with_the_arrows_ticks_it_rather_than_saving(
    make_app: AppFactory,
) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        # nothing typed: no row is highlighted, since Enter would save rather than tick it
        assert dialog.query_one("#tag-list", OptionList).highlighted is None
        await pilot.press("down")
        first = dialog._rows[0]
        await pilot.press("enter")  # the row chosen with ↓, ticked
        assert dialog.chosen == [first] and not store.annotations()
        await pilot.press("enter")  # nothing typed, nothing chosen: save
        await settle(pilot)
        assert [a.tags for a in store.annotations()] == [tuple(dialog.chosen)]


async def test_full_stop_never_brings_back_a_tag_renamed_since(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await tag_then_repeat(pilot, lambda: store.rename_tag("security", "framing"))
        assert sorted(tag.name for tag in store.tags()) == ["framing", "regional-tension", "trade"]
        assert [a.tags for a in store.annotations() if a.start == 100] == [("trade",)]


async def test_undo_says_which_passage_and_tags_it_undid(make_app: AppFactory) -> None:
    store = stocked_store()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        quote = app.query_one(ArticleView).text[26:32].strip()
        await pilot.press(*"trade", "enter", "enter")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert not store.annotations()
        said = [str(n.message) for n in app._notifications]
        assert f"Undid tagging “{quote}” (trade)" in said
