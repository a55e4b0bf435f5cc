"""The chart view: Ctrl+G charts the timeline's events (or the entity chosen) over time; c, g, k and
s change what is charted and how (s splits by each attribute articles have: the outlet, the dateline);
names reach the chart as text, never as escape sequences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.widgets import Static

from tests.ui.conftest import reader_ready, settle
from tui.core.annotations.model import Annotation
from tui.core.annotations.store import AnnotationStore
from tui.core.corpus import Corpus
from tui.ui.app import ReaderApp
from tui.ui.charts.chart_screen import ChartScreen
from tui.ui.dialogs.chooser import ChooserDialog

AppFactory = Callable[..., ReaderApp]
FIRST = "000_9154f6903408afad"
HOSTILE = "[b]x[/b] \x1b[2J"


def title(screen: ChartScreen) -> str:
    """The view's title line."""
    return str(screen.query_one("#chart-title", Static).render())


async def test_ctrl_g_charts_the_events_and_the_keys_change_the_chart(
    make_app: AppFactory, corpus: Corpus
) -> None:
    text = corpus.find(FIRST).text
    store = AnnotationStore.in_memory()
    store.save(Annotation.create(FIRST, text, 26, 32, (HOSTILE,)))
    store.set_attributes(FIRST, {"outlet": HOSTILE}, "tester")
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ChartScreen)
        assert title(screen).startswith("Events in the timeline: ") and "by month" in title(screen)
        assert screen.chart is not None and screen.chart.total == len(screen.subject.items)
        assert screen.splits == ["outlet", "dateline"]  # the bundled sources are unknown
        await pilot.press("g", "k", "s")
        assert (screen.grain, screen.kind, screen.split) == ("week", "line", "outlet")
        assert "by week" in title(screen) and "one line per outlet" in title(screen)
        assert screen.chart is not None and HOSTILE in {s.label for s in screen.chart.series}
        await pilot.press("s")
        assert screen.split == "dateline" and "one line per dateline" in title(screen)
        await pilot.press("s")
        assert screen.split is None and " per " not in title(screen)
        await pilot.press("s")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ChooserDialog)
        await pilot.press("down", "enter")  # the tag's passages
        await pilot.pause()
        assert screen.subject.label == f"Passages tagged {HOSTILE}"
        assert "\x1b" not in title(screen) and "␛[2J" in title(screen)
        assert screen.chart is not None and screen.chart.periods == (date(2025, 11, 3),)  # 7 Nov 2025's week
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ChartScreen)


async def test_with_the_entity_chosen_its_mentions_come_first(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        screen = app.screen_stack[0]
        await screen.follow_entity(
            next(m.entity_id for m in screen.state.article_mentions() if m.text == "Qalibaf")
        )
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        chart = app.screen
        assert isinstance(chart, ChartScreen)
        assert chart.subject.label == "Mentions of Mohammad Baqer Qalibaf"
        assert chart.chart is not None and chart.chart.total > 10


async def test_with_an_attribute_filter_only_the_passing_articles_are_charted(
    make_app: AppFactory, corpus: Corpus
) -> None:
    from tui.core.charts import tag_items
    from tui.ui.charts.chart_screen import Subject

    articles = {article.id: article for article in corpus.articles}
    coded = [Annotation.create(a.id, a.text, 0, 5, ("trade",)) for a in corpus.articles]
    subject = Subject("Passages tagged trade", tag_items(coded, articles, "trade"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        screen = ChartScreen([subject], passing={FIRST}, where="outlet=Dawn")
        await app.push_screen(screen)
        await settle(pilot)
        assert screen.chart is not None and screen.chart.total == 1
        assert "1 item by month · outlet=Dawn" in title(screen)
