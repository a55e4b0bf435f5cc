"""Colours that can be read: the WCAG AA contrast (4.5:1) of every highlight the reader draws, in the
dark and the light theme, computed from the theme's real styles and from the drawn lines, in
truecolour and in the 256 colours of tmux (Rich's downgrade to the xterm palette); the list cursors
(their dim parts too), the key bar and the tick marks; tag colours kept in their hue; the
highlights told apart (CIEDE2000); tick boxes and radio buttons told apart by their characters."""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import Any

import pytest
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.color import Color, Lab, rgb_to_lab
from textual.content import Content
from textual.filter import dim_color
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip
from textual.theme import BUILTIN_THEMES
from textual.widget import Widget
from textual.widgets import Input, OptionList, RadioButton, SelectionList, Tree
from textual.widgets.option_list import Option

from tests.ui.conftest import reader_ready, settle
from tests.unit.test_segments import code
from tui.core.annotations.model import PALETTE, Annotation, Tag
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.core.models import EntityType
from tui.ui.annotations.export_dialog import ExportDialog
from tui.ui.annotations.segments_screen import SegmentsScreen
from tui.ui.annotations.tag_dialog import TagDialog, TagList
from tui.ui.app import ReaderApp
from tui.ui.dialogs.tag_picker import TagPickerDialog
from tui.ui.reader.article_header import ArticleHeader
from tui.ui.reader.article_view import ArticleView
from tui.ui.reader.entity_pane import EntityTree
from tui.ui.reader.legend import Legend
from tui.ui.theme import AA_TEXT, contrast_ratio, entity_styles, readable_on
from tui.ui.widgets.key_bar import KeyBar
from tui.ui.widgets.line_list import LineList, Rows
from tui.ui.widgets.toggles import TICK, TickList
from tui.ui.widgets.wrapped_list import WrappedList

THEMES = ("textual-dark", "textual-light")
#: Least CIEDE2000 difference between two highlight backgrounds. About 2.3 is the least difference
#: seen between large patches side by side; highlighted words are small marks, read apart from one
#: another, which need several times more (Szafir, "Modeling Color Difference for Visualization
#: Design", 2017). 20 is a different colour, not a shade of the same one.
LEAST_DIFFERENCE = 20.0
#: Tag colours: the palette new tags take, and ones a user may type that are hard to read on one
#: theme or the other (near the dark and light surfaces, pure black and white, saturated yellow).
TAG_COLOURS = (*PALETTE, "#ffff00", "#ffffff", "#000000", "#1e1e1e", "#d8d8d8", "navy", "#808080")
COMPONENTS = ("marked", "match", "current", "cursor", "selection", "overlap")
#: Where the figures must hold: truecolour, and a terminal of 256 colours (tmux reports 256, and Rich
#: then shows each colour as the nearest of the xterm palette's).
SYSTEMS = ("truecolor", "256")


def delta_e_2000(first: Lab, second: Lab) -> float:
    """The CIEDE2000 colour difference (Sharma, Wu and Dalal, 2005, equations 1 to 17)."""
    (l1, a1, b1), (l2, a2, b2) = first, second
    mean_chroma = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(mean_chroma**7 / (mean_chroma**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = (math.degrees(math.atan2(b, a)) % 360 if c else 0.0 for a, b, c in ((a1, b1, c1), (a2, b2, c2)))
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_hue = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    mean_l, mean_c = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        mean_h = h1 + h2
    elif abs(h1 - h2) <= 180:
        mean_h = (h1 + h2) / 2
    else:
        mean_h = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(mean_h - 30))
        + 0.24 * math.cos(math.radians(2 * mean_h))
        + 0.32 * math.cos(math.radians(3 * mean_h + 6))
        - 0.20 * math.cos(math.radians(4 * mean_h - 63))
    )
    rotation = -2 * math.sqrt(mean_c**7 / (mean_c**7 + 25**7))
    rotation *= math.sin(math.radians(60 * math.exp(-(((mean_h - 275) / 25) ** 2))))
    s_l = 1 + 0.015 * (mean_l - 50) ** 2 / math.sqrt(20 + (mean_l - 50) ** 2)
    s_c, s_h = 1 + 0.045 * mean_c, 1 + 0.015 * mean_c * t
    dl, dc, dh_ = (l2 - l1) / s_l, (c2 - c1) / s_c, d_hue / s_h
    return math.sqrt(dl**2 + dc**2 + dh_**2 + rotation * dc * dh_)


def difference(first: Color, second: Color) -> float:
    """How far apart two colours look (CIEDE2000)."""
    return delta_e_2000(rgb_to_lab(first), rgb_to_lab(second))


def shown(style: Style) -> tuple[Color, Color]:
    """The text colour and background a whole style shows: reversed if it says so, dim text blended
    towards its background as Textual draws it (its colour filter replaces the dim attribute)."""
    assert style.color is not None and style.bgcolor is not None, style
    text, back = (Color.from_rich_color(c, ansi=False) for c in (style.color, style.bgcolor))
    if style.reverse:
        text, back = back, text
    if style.dim:
        text = Color.from_rich_color(dim_color(back.rich_color, text.rich_color))
    return text, back


def downgraded(colour: Color) -> Color:
    """``colour`` as a 256-colour terminal shows it: Rich's downgrade to the xterm palette."""
    red, green, blue = colour.rich_color.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return Color(red, green, blue)


def contrast(style: Style, system: str = "truecolor") -> float:
    """The WCAG contrast of the text a whole style draws, in truecolour or in 256 colours."""
    text, back = shown(style)
    if system == "256":
        text, back = downgraded(text), downgraded(back)
    return contrast_ratio(text, back)


def unreadable(strips: list[Strip], system: str = "truecolor") -> list[tuple[str, float]]:
    """Every run of text drawn in ``strips`` whose contrast is under AA in ``system``, with its ratio
    (runs of lines alone, the tree's guides and the scrollbars, are not text; a tick is)."""
    runs = (segment for strip in strips for segment in strip if isinstance(segment, Segment))
    return [
        (run.text, round(contrast(run.style, system), 2))
        for run in runs
        if any(char.isalnum() or char == TICK for char in run.text)
        and run.style is not None
        and contrast(run.style, system) < AA_TEXT
    ]


def drawn(widget: Widget) -> list[Strip]:
    """The lines a widget draws over its whole size, styled as on screen."""
    return widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    black, white = Color(0, 0, 0), Color(255, 255, 255)
    assert contrast_ratio(black, white) == pytest.approx(21)
    assert contrast_ratio(white, white) == pytest.approx(1)
    assert contrast_ratio(Color.parse("#767676"), white) == pytest.approx(4.54, abs=0.01)  # the AA grey
    assert contrast_ratio(white, Color.parse("#777777")) == pytest.approx(4.48, abs=0.01)


def test_colour_difference_is_ciede2000() -> None:
    """Pairs from Sharma, Wu and Dalal's table of test data (2005)."""
    pairs = [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((22.7233, 20.0904, -46.694), (23.0331, 14.973, -42.5619), 2.0373),
        ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
    ]
    for first, second, expected in pairs:
        assert delta_e_2000(Lab(*first), Lab(*second)) == pytest.approx(expected, abs=1e-4)


async def themed(pilot: Any, theme: str) -> None:
    """Switch the app to ``theme`` and let it restyle."""
    pilot.app.theme = theme
    await settle(pilot)


@pytest.mark.parametrize("theme", THEMES)
async def test_every_highlight_style_is_readable_and_distinct(make_app: Any, theme: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await themed(pilot, theme)
        view = app.query_one(ArticleView)
        base = view.line_style()[0]
        part = {
            name: view.get_component_rich_style(f"article-view--{name}", partial=True) for name in COMPONENTS
        }
        entities = entity_styles(app.theme_variables)
        styles = {f"{kind.value}": base + style for kind, style in entities.items()}
        styles |= {f"marked {kind.value}": base + style + part["marked"] for kind, style in entities.items()}
        styles |= {name: base + part[name] for name in ("match", "current", "selection", "cursor", "overlap")}
        styles |= {f"cursor on {name}": base + part[name] + part["cursor"] for name in ("match", "selection")}
        ratios = {name: round(contrast(style), 2) for name, style in styles.items()}
        assert {name: ratio for name, ratio in ratios.items() if ratio < AA_TEXT} == {}, ratios

        backgrounds = {kind.value: shown(base + style)[1] for kind, style in entities.items()}
        backgrounds |= {name: shown(styles[name])[1] for name in ("match", "current", "selection", "cursor")}
        close = {
            (a, b): round(difference(backgrounds[a], backgrounds[b]), 1)
            for a, b in itertools.combinations(backgrounds, 2)
            if difference(backgrounds[a], backgrounds[b]) < LEAST_DIFFERENCE
        }
        assert close == {}
        # And not by colour alone: the current match is bold and underlined, the others are not.
        assert part["current"].bold and part["current"].underline and not part["match"].underline


def annotated(corpus: Corpus) -> AnnotationStore:
    """A store with a tag in each of TAG_COLOURS, each coding a run of words in every article."""
    store = AnnotationStore.in_memory()
    annotations = []
    for index, colour in enumerate(TAG_COLOURS):
        store.save_tag(Tag(f"tag{index}", colour=colour))
        for article in corpus.articles:
            start = 30 * index
            if start + 24 <= len(article.text):
                annotations.append(
                    Annotation.create(article.id, article.text, start, start + 24, (f"tag{index}",))
                )
    store.save(*annotations)
    return store


@pytest.mark.parametrize("theme", THEMES)
async def test_every_drawn_word_is_readable(make_app: Any, corpus: Corpus, theme: str) -> None:
    """The article's lines with entities, annotations in every tag colour, a marked entity, find
    matches, the current match, a selection and the cursor; the title, legend and entity tree; in
    truecolour and in 256 colours."""
    app: ReaderApp = make_app(store=annotated(corpus))
    async with app.run_test(size=(200, 50)) as pilot:
        await reader_ready(pilot)
        await themed(pilot, theme)
        types = set()
        for article in corpus.articles:
            app.screen.open_article(article.id)
            await settle(pilot)
            view = app.query_one(ArticleView)
            view.focus()
            mentions = view._mentions
            types |= {m.type for m in mentions}
            view.mark_entity(mentions[0].entity_id)
            view.set_matches([(m.start, m.end) for m in mentions[1:40:3]] + [(0, 12), (100, 140)], current=0)
            view.select(150, 420)
            await settle(pilot)
            assert view._annotations, "the tags' passages are shown"
            lines = [view.render_line(y) for y in range(len(view.lines))]
            for system in SYSTEMS:
                assert unreadable(lines, system) == [], (article.id, system)
                for widget in (
                    app.query_one(ArticleHeader),
                    app.query_one(Legend),
                    app.query_one(EntityTree),
                ):
                    assert unreadable(drawn(widget), system) == [], (
                        article.id,
                        type(widget).__name__,
                        system,
                    )
        assert types == set(EntityType)


def lab_chroma_and_hue(colour: Color) -> tuple[float, float]:
    """A colour's CIELAB chroma (0 for a grey) and hue angle in degrees."""
    lab = rgb_to_lab(colour)
    return math.hypot(lab.a, lab.b), math.degrees(math.atan2(lab.b, lab.a)) % 360


def hue_apart(first: Color, second: Color) -> float:
    """How far apart two colours' hues are, in degrees (0–180)."""
    return abs((lab_chroma_and_hue(first)[1] - lab_chroma_and_hue(second)[1] + 180) % 360 - 180)


def test_tag_colours_keep_their_hue_on_the_light_theme() -> None:
    """Darkened for the light theme's text background, the palette's tags keep their hue, read at AA
    in truecolour and in 256 colours, and stay colours there, apart from one another (mixed towards
    black they turned grey, #5f5f5f and #5f5f87, and read at 3.9:1 once quantised)."""
    back = Color.parse(BUILTIN_THEMES["textual-light"].surface or "")
    chromatic = [
        Color.parse(colour) for colour in PALETTE if lab_chroma_and_hue(Color.parse(colour))[0] >= 20
    ]
    readable = {colour: readable_on(colour, back) for colour in chromatic}
    in_256 = {colour: downgraded(made) for colour, made in readable.items()}
    assert {
        c.hex: round(hue_apart(c, made), 1) for c, made in readable.items() if hue_apart(c, made) > 10
    } == {}
    assert {c.hex: made.hex for c, made in readable.items() if contrast_ratio(made, back) < AA_TEXT} == {}
    assert {
        c.hex: (shown.hex, round(contrast_ratio(shown, downgraded(back)), 2))
        for c, shown in in_256.items()
        if contrast_ratio(shown, downgraded(back)) < AA_TEXT or lab_chroma_and_hue(shown)[0] < 20
    } == {}
    # The xterm palette has no dark yellow or orange that reads on the light surface: gold and
    # orange take its dark red; every other tag keeps its hue within 30 degrees and its own colour.
    assert sum(hue_apart(c, shown) <= 30 for c, shown in in_256.items()) >= len(chromatic) - 2
    assert len(set(in_256.values())) >= len(chromatic) - 1


class Rows3(Rows):
    """Three one-line entries, each a name and a dim count, as the panes' lists draw them."""

    def __len__(self) -> int:
        """Three entries."""
        return 3

    def lines(self, index: int) -> list[Text]:
        """Entry ``index``: its name, then its count dimmed."""
        return [Text.assemble(f"Entry {index}", (" · 3 mentions", "dim"))]


class Lists(Screen[None]):
    """Each kind of list the app draws, with its cursor on a row that has dim parts, a tick box
    ticked, the key bar, and a field to take the focus from the lists."""

    def compose(self) -> ComposeResult:
        """The lists, the field and the key bar."""
        yield Input(id="elsewhere")
        name = Content("regional-tension") + Content.styled("  3 passages", "dim")
        yield OptionList(*(Option(name + Content.styled("  Instability", "dim italic")) for _ in range(3)))
        tree: Tree[None] = Tree("Entities")
        tree.root.expand()
        for person in ("Ali Larijani", "Ishaq Dar"):
            tree.root.add_leaf(Text.assemble(person, (" 3", "dim")))
        yield tree
        yield LineList(id="line-list")
        yield WrappedList(id="wrapped-list")
        yield TickList(("iran", "iran", True), ("pakistan", "pakistan"))
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the lists and put each cursor on a row."""
        for rows in (self.query_one(LineList), self.query_one(WrappedList)):
            rows.show(Rows3())
        self.query_one(OptionList).highlighted = 0
        self.query_one(Tree).cursor_line = 1


@pytest.mark.parametrize("theme", THEMES)
async def test_list_cursors_key_bar_and_ticks_are_readable(make_app: Any, theme: str) -> None:
    """Every list's cursor row, its dim parts included, with and without the focus; the key bar's
    keys and descriptions; the tick marks: AA in truecolour and in 256 colours. (The cursor, white
    on #0178d4, read at 3.6:1 and its dim count at 2.4:1 in 256 colours; the light theme's keys at
    2.3:1, its ticks at 2.4:1.)"""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await themed(pilot, theme)
        await app.push_screen(Lists())
        await settle(pilot)
        lists = [app.screen.query_one(kind) for kind in (OptionList, Tree, LineList, WrappedList, TickList)]
        found = {}
        for widget in (*lists, None):
            (widget or app.screen.query_one("#elsewhere")).focus()
            await pilot.pause()
            for shown in [*lists, app.screen.query_one(KeyBar)]:
                for system in SYSTEMS:
                    found[(type(shown).__name__, shown is widget, system)] = unreadable(drawn(shown), system)
        assert {where: runs for where, runs in found.items() if runs} == {}

        app.pop_screen()
        tags = [
            Tag("regional-tension", "#e06c75", "Regional instability framing"),
            Tag("security", "#61afef"),
        ]
        for dialog, listing in (
            (TagPickerDialog("Merge into:", tags, {"regional-tension": 3, "security": 1}), "#picker-list"),
            (TagDialog("a passage", tags, recent=["security"]), "TagList"),
        ):
            await app.push_screen(dialog)
            await settle(pilot)
            rows = dialog.query_one(listing, OptionList)
            assert isinstance(rows, TagList) or rows.highlighted == 0
            for system in SYSTEMS:
                assert unreadable(drawn(rows), system) == [], (type(dialog).__name__, system)
            app.pop_screen()


class Host(App[None]):
    """A bare app that shows one screen."""

    def __init__(self, screen: Any) -> None:
        super().__init__()
        self.shown = screen

    def on_mount(self) -> None:
        """Show the screen."""
        self.push_screen(self.shown)


async def test_radio_buttons_differ_in_their_characters(tmp_path: Path) -> None:
    app = Host(ExportDialog(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        on, off = sorted(app.screen.query(RadioButton), key=lambda button: not button.value)[:2]
        assert on.value and not off.value
        box_on, box_off = (button.render().plain[:3] for button in (on, off))
        assert box_on != box_off and box_off.strip("▐▌ ") == ""
        await pilot.click(off)
        await pilot.pause()
        assert off.render().plain[:3] == box_on and on.render().plain[:3] == box_off


async def test_tick_boxes_differ_in_their_characters(corpus: Corpus) -> None:
    articles = {article.id: article for article in corpus.articles}
    a001 = articles[sorted(articles)[1]]
    store = AnnotationStore.in_memory()
    store.save(code(a001, "Larijani", "iran"), code(a001, "Ishaq Dar", "pakistan"))
    app = Host(SegmentsScreen(store, articles, ["iran"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        picker = app.screen.query_one("#segments-tags", SelectionList)

        def box(name: str) -> str:
            """The drawn box beside tag ``name`` in the picker."""
            row = next(i for i in range(picker.option_count) if picker.get_option_at_index(i).value == name)
            return picker.render_line(row - picker.scroll_offset.y).text[:3]

        assert box("iran") != box("pakistan") and box("pakistan").strip("▐▌ ") == ""
        picker.select("pakistan")
        await pilot.pause()
        assert box("pakistan") == box("iran")


def test_the_app_uses_only_toggles_that_show_their_state_in_characters() -> None:
    """Textual's own tick boxes, radio buttons and selection lists draw the same ``X`` either way."""
    root = Path(__file__).resolve().parents[2] / "tui" / "ui"
    raw = ("Checkbox(", "RadioButton(", "SelectionList[", "SelectionList(")
    found = [
        f"{path.relative_to(root)}: {name}"
        for path in root.rglob("*.py")
        if path.name != "toggles.py"
        for name in raw
        if name in path.read_text(encoding="utf-8")
    ]
    assert found == []
