"""The reader screen: article list, article text and the entity pane, wired together."""

from __future__ import annotations

import time
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING, cast

from textual import events, on, work
from textual.app import ComposeResult, ScreenStackError
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import AwaitMount, MountError, Widget
from textual.worker import Worker, WorkerState, get_current_worker

from tui.core.corpus import Corpus
from tui.core.entities import EntityEngine
from tui.core.models import Article, Entity, EntityType, LoadProblem, Mention, summarise
from tui.core.search import Stepper, find_all
from tui.ui.messages import (
    ArticleChosen,
    BuildProgress,
    CorpusLoaded,
    EntityChosen,
    FindChanged,
    FindClosed,
    FindStep,
    FirstFrameDrawn,
    MentionsReady,
    ProblemsFound,
    SidePaneMounted,
    TypeToggled,
)
from tui.ui.reader.article_header import ArticleHeader
from tui.ui.reader.article_list import ArticleList
from tui.ui.reader.article_view import ArticleView
from tui.ui.reader.legend import Legend
from tui.ui.widgets.key_bar import KeyBar

#: How long the background work must take before its progress bar shows (seconds).
BUILD_BAR_AFTER = 0.4

if TYPE_CHECKING:
    from textual.widgets import TabbedContent

    from tui.core.catalogue import Pending
    from tui.ui.reader.entity_pane import EntityPane
    from tui.ui.reader.find_bar import FindBar

"""Prefix of the titles' keys in the extraction (article ids never hold control characters)."""

#: What the header says when the corpus has no article.
NO_ARTICLES = (
    "No articles yet. Ctrl+O adds text, Markdown or HTML files or folders (or: iranpak-reader add FILE)."
)

TYPE_KEYS = {str(number): kind for number, kind in enumerate(EntityType, start=1)}

#: Below this width the text takes the whole row and the list and side pane are panels over it.
NARROW_BELOW = 110
#: From this width the list has its full width (the side pane grows with the terminal at any width).
WIDE_FROM = 150


class ReaderScreen(Screen[None]):
    """Browse the corpus and read one article with its entities highlighted."""

    BINDINGS = [
        Binding("slash", "find", "Find", tooltip="Find in the article"),
        Binding("n", "step(1)", "Next", tooltip="Next find match or mention"),
        Binding("N", "step(-1)", "Prev", tooltip="Previous find match or mention"),
        Binding("escape", "clear", "Clear marks", show=False),
        Binding("a", "focus('#article-list')", "Articles", show=False, tooltip="Go to the article list"),
        Binding("r", "focus('#article-view')", "Text", show=False, tooltip="Go to the article's text"),
        Binding("e", "focus('#entity-tree')", "Entities", show=False, tooltip="Go to the entities pane"),
        Binding("i", "standfirst", "Standfirst", show=False, tooltip="Show the whole standfirst, or fold it"),
        *(
            Binding(key, f"toggle_type('{kind.value}')", f"Toggle {kind.label.lower()}", show=False)
            for key, kind in TYPE_KEYS.items()
        ),
    ]

    # One class for the width, set by Textual on every resize; app.tcss lays the columns out by it.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-medium"), (WIDE_FROM, "-wide")]

    def __init__(self, corpus: Corpus, engine: EntityEngine, problems: list[LoadProblem]) -> None:
        super().__init__()
        self.corpus = corpus
        self.engine = engine
        self.problems = problems
        self._found: list[LoadProblem] = []  # reported by background work; kept when the corpus changes
        self.mentions: dict[str, list[Mention]] | None = None
        self.titles: dict[str, list[Mention]] = {}
        self.article: Article | None = None
        self.enabled: set[EntityType] = set(EntityType)
        self.marked: str | None = None
        self.query_text = ""
        self._stepper = Stepper()
        self._build_started: float | None = None
        self.pending: Pending | None = None
        self._titles: tuple[Corpus | None, dict[str, str]] = (None, {})

    @property
    def stepper(self) -> Stepper:
        """The find matches or marked mentions that n and N step through."""
        return self._stepper

    @stepper.setter
    def stepper(self, stepper: Stepper) -> None:
        """New matches or mentions: the footer shows n and N only when there is something to step to."""
        self._stepper = stepper
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide n / N from the footer while there is nothing to step through."""
        if action == "step":
            return bool(self._stepper.spans)
        return True

    def compose(self) -> ComposeResult:
        """List on the left, article in the centre, panes on the right, keys at the bottom.

        The side panes mount just after the first paint, and the find bar on first use, so
        the article is on screen as soon as possible; their modules are imported then too.
        """
        # The width class before the first frame (Textual sets it on resizes only), and before the
        # children are styled, so that they are styled once.
        self.add_class(width_class(self.app.size.width), update=False)
        yield KeyBar()  # first: the bottom row is split off the whole screen, then the columns
        yield ArticleList(id="article-list")
        yield ArticleHeader(id="article-header")
        yield Legend(id="legend")
        yield ArticleView(id="article-view")

    def on_mount(self) -> None:
        """Fill the list, report load problems, and find entities in the background once painted.

        With a pending corpus the list comes from its catalogue and only the first article has
        been read; the others are read after the first frame.
        """
        listed = self.pending.listed if self.pending is not None else self.corpus.articles
        self.query_one(ArticleList).populate(listed, self.problems)
        for problem in self.problems:
            self.notify(str(problem), title="Could not load", severity="error", timeout=10, markup=False)
        if self.corpus.articles:
            self.open_article(self.corpus.articles[0].id)
        elif self.pending is not None:
            self.query_one(ArticleHeader).show_article(None, hint=f"Reading {self.pending.total:,} articles…")
        else:
            self.query_one(ArticleHeader).show_article(None, hint=NO_ARTICLES if not listed else None)
        # Narrow, the text rather than the list in front.
        self.query_one(ArticleView if self.has_class("-narrow") else ArticleList).focus()
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        """Once the article is on screen: the background work, after whatever else waited for
        the first frame (this runs among those callbacks; starting a worker thread or awaiting
        mounts here would hold the others back)."""
        self.call_later(self._start_background)

    async def _start_background(self) -> None:
        """Start finding entities (or reading a large corpus), then mount the side panes:
        entities first, then the panes of the screens built on this one."""
        from textual.widgets import TabbedContent, TabPane

        from tui.ui.reader.entity_pane import EntityPane

        self.post_message(FirstFrameDrawn())
        if self.pending is not None:
            self.load_worker()
        else:
            self.extract_entities()
        side = TabbedContent(id="side")
        try:
            await self.mount(side)
            await side.add_pane(TabPane("Entities", EntityPane(id="entity-pane"), id="entities-tab"))
            await self.mount_more_panes(side)
        except (MountError, ScreenStackError):
            return  # the app is already closing: there is nothing left to show

    async def mount_more_panes(self, side: TabbedContent) -> None:
        """Add panes beside the entity pane (a hook for screens built on this one)."""

    @property
    def focus_chain(self) -> list[Widget]:
        """Tab goes through the columns: the list, the article's column, then the side panes.

        Textual orders the chain by where widgets sit on screen, top to bottom first, which would
        put the side pane's tabs (at the top) before the text (under its header); within each
        column its order is kept.
        """
        chain = super().focus_chain

        def column(widget: Widget) -> int:
            """0 for the list, 1 for the article's column, 2 for the side panes."""
            ids = {node.id for node in widget.ancestors_with_self}
            return 0 if "article-list" in ids else 2 if "side" in ids else 1

        return sorted(chain, key=column)

    def mount_in_centre(self, widget: Widget) -> AwaitMount:
        """Add a widget at the foot of the centre column, under the article (and before the side
        pane, so Tab reaches it first). The list, the side pane and the keys are split off the
        screen's edges (``split`` in the CSS); everything else flows down the centre."""
        sides = self.query("#side")
        return self.mount(widget, before=sides.first()) if sides else self.mount(widget)

    async def action_focus(self, selector: str) -> None:
        """Focus a widget, first showing the side pane that holds it.

        Switching the tab here, rather than letting the tabs follow the focus, draws the new
        pane in the same frame as the focus moves.
        """
        from textual.widgets import TabbedContent, TabPane

        found = self.query(selector)
        if not found:
            return
        widget = found.first()
        pane = next((a for a in widget.ancestors if isinstance(a, TabPane)), None)
        if pane is not None and pane.id is not None:
            side = self.query_one("#side", TabbedContent)
            side.active = pane.id
        self._open_panel_of(widget)  # narrow, the panel shows in the frame the focus moves in
        self.set_focus(widget)

    def action_standfirst(self) -> None:
        """Unfold a long standfirst (or fold it again)."""
        self.query_one(ArticleHeader).toggle_standfirst()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Narrow, the list or side pane is shown while the focus is in it, and hidden when it leaves
        (a click on the text, Enter on an article, Tab)."""
        if self.has_class("-narrow"):  # wider, nothing to do: no styling while starting up
            self._open_panel_of(event.widget)

    def on_resize(self) -> None:
        """Narrowed (Textual has set the width class by now): show the pane that has the focus."""
        if self.has_class("-narrow") and self.focused is not None:
            self._open_panel_of(self.focused)

    def _open_panel_of(self, widget: Widget) -> None:
        """Mark the list or the side pane open if ``widget`` is in it, and the other closed (the
        class only shows or hides anything at a narrow width, see app.tcss). It is set on the
        panes, not the screen, so that only they are styled again."""
        within = widget.ancestors_with_self
        for panel in self.query("#article-list, #side"):
            panel.set_class(panel in within, "-open")

    def close_panel(self) -> bool:
        """Narrow, with the list or side pane over the text: hide it and go back to the text."""
        if not self.has_class("-narrow") or not self.query("#article-list.-open, #side.-open"):
            return False
        view = self.query_one(ArticleView)
        self._open_panel_of(view)
        view.focus()
        return True

    @work(thread=True, exit_on_error=False, exclusive=True, group="load", description="reading the articles")
    def load_worker(self) -> None:
        """Read every article of a pending corpus (a thread: ten thousand files take a while)."""
        assert self.pending is not None
        self.post_message(BuildProgress(f"Reading {self.pending.total:,} articles"))
        corpus = self.pending.load()
        if not get_current_worker().is_cancelled:
            self.post_message(CorpusLoaded(corpus))

    @on(CorpusLoaded)
    def _corpus_loaded(self, message: CorpusLoaded) -> None:
        """The whole corpus is read: show it, keeping the article open, and find its entities
        (and say which files could not be read: a corpus listed from its catalogue has none, but
        one read for the first time may)."""
        self.pending = None
        for problem in message.corpus.problems:
            self.notify(str(problem), title="Could not load", severity="error", timeout=10, markup=False)
        self.replace_corpus(message.corpus, self.article.id if self.article else None)

    def replace_corpus(self, corpus: Corpus, open_id: str | None = None) -> None:
        """Show the corpus read again (articles were added): the list, an article, entities found anew."""
        self.corpus = corpus
        self.problems = [*corpus.problems, *self._found]
        listing = self.query_one(ArticleList)
        listing.populate(corpus.articles, self.problems)
        target = open_id or (self.article.id if self.article else None)
        self.article = None
        if target is not None and corpus.get(target) is not None:
            self.open_article(target)
            listing.select_article(target)
        elif corpus.articles:
            self.open_article(corpus.articles[0].id)
        self.extract_entities()

    @work(thread=True, exit_on_error=False, exclusive=True, group="entities", description="finding entities")
    def extract_entities(self) -> None:
        """Find every mention in the corpus (a thread: it can take a while on a large corpus)."""
        from tui.core.mentions import corpus_mentions

        count = len(self.corpus.articles)
        stage = f"Finding entities in {count:,} article{'s' if count != 1 else ''}"
        reported = [-1]

        def progress(fraction: float) -> None:
            """Tell the screen, at most once per percent."""
            percent = int(fraction * 100)
            if percent != reported[0]:
                reported[0] = percent
                self.post_message(BuildProgress(stage, fraction))

        self.post_message(BuildProgress(stage))
        problems = self.engine.gazetteer.problems  # the known-entities file is read on first use
        if problems:
            self.post_message(ProblemsFound(list(problems)))
        open_cache = getattr(self.app, "mention_cache", None)  # ReaderApp's; none on a bare App
        cache = open_cache() if open_cache is not None else None
        bodies, titles = corpus_mentions(self.corpus.articles, self.engine, cache, progress)
        if get_current_worker().is_cancelled:
            return
        # A cache with nothing to write is let go now: it holds every entry it read.
        self.post_message(MentionsReady(bodies, titles, cache if cache is not None and cache.stale else None))

    @on(ProblemsFound)
    def _problems_found(self, message: ProblemsFound) -> None:
        """Say which files read in the background could not be used (each once), and mark them."""
        new = [p for p in dict.fromkeys(message.problems) if p not in self.problems]  # it holds _found
        for problem in new:
            self.notify(str(problem), title="Could not load", severity="error", timeout=10, markup=False)
        if new:
            self._found.extend(new)
            self.problems.extend(new)
            self.query_one(ArticleList).add_problems(new)

    @on(MentionsReady)
    def _mentions_ready(self, message: MentionsReady) -> None:
        """Show the counts and highlight the open article."""
        self.mentions = message.mentions
        self.titles = message.titles
        counts = {key: len({m.entity_id for m in found}) for key, found in message.mentions.items()}
        self.query_one(ArticleList).set_counts(counts)
        if self.article is not None:
            self.query_one(ArticleView).set_mentions(self._article_mentions())
            self.query_one(ArticleHeader).show_article(self.article, self.titles.get(self.article.id))
        self._refresh_side()  # with no article open too: the panes stop waiting for extraction

    @on(BuildProgress)
    def _build_progress(self, message: BuildProgress) -> None:
        """Show how the background work goes, once it has taken more than a moment."""
        if self._build_started is None:
            self._build_started = time.monotonic()
        if time.monotonic() - self._build_started < BUILD_BAR_AFTER:
            return
        from tui.ui.reader.build_bar import BuildBar

        bars = self.query(BuildBar)
        if bars:
            bars.first().show(message.stage, message.fraction)
        else:
            self.mount_in_centre(BuildBar(message.stage, message.fraction, id="build-bar"))

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """Background work that failed (its workers do not stop the app): say so in one line, go on.

        Whatever an article, a cache or a bug makes a worker raise, the reader keeps what it shows.
        """
        error = event.worker.error
        if event.state is WorkerState.ERROR and error is not None:
            what = event.worker.description or event.worker.name
            self.notify(f"{what} failed: {type(error).__name__}: {error}", severity="error", timeout=12)
            self.build_done()
            if event.worker.group == "entities":
                # Read on without entities: the panes waiting for them settle, the indexes still build.
                self.post_message(MentionsReady({}, {}))

    def build_done(self) -> None:
        """The background work is over: take the bar away."""
        self._build_started = None
        for bar in self.query("#build-bar"):
            bar.remove()

    def article_titles(self) -> dict[str, str]:
        """Every article's title by id (made once per corpus)."""
        if self._titles[0] is not self.corpus:
            self._titles = (self.corpus, {article.id: article.title for article in self.corpus.articles})
        return self._titles[1]

    def entity_at(self, offset: int) -> str | None:
        """The entity mentioned at an offset of the open article, if any."""
        mentions = self._article_mentions()
        index = bisect_right([m.start for m in mentions], offset) - 1
        if index >= 0 and offset < mentions[index].end:
            return mentions[index].entity_id
        return None

    def _article_mentions(self) -> list[Mention]:
        """The open article's mentions ([] while extraction runs)."""
        if self.mentions is None or self.article is None:
            return []
        return self.mentions.get(self.article.id, [])

    @on(ArticleChosen)
    def _article_chosen(self, message: ArticleChosen) -> None:
        """Open the article."""
        self.open_article(message.article_id)
        if message.focus_reader:
            self.query_one(ArticleView).focus()

    def open_article(self, article_id: str) -> None:
        """Show an article: header, text, entities; find and marks start afresh."""
        article = self.corpus.get(article_id)
        if article is None and self.pending is not None:  # listed, not read yet: read it alone
            article = self.pending.article(article_id)
        if article is None or article is self.article:
            return
        self.article = article
        self.marked = None
        self.query_one(ArticleHeader).show_article(article, self.titles.get(article.id))
        self.query_one(ArticleView).show(article.text, self._article_mentions())
        self._refresh_side()
        if self.query_text:
            self.run_find(self.query_text)
        self.article_opened()

    def article_opened(self) -> None:
        """Called once an article is on screen (a hook for screens built on this one)."""

    def select_article(self, article_id: str) -> None:
        """Open an article and highlight it in the list (from the command palette)."""
        self.query_one(ArticleList).select_article(article_id)
        self.open_article(article_id)
        self.query_one(ArticleView).focus()

    def _refresh_side(self) -> None:
        """Update the entity pane and the legend for the open article."""
        pane = self._entity_pane()
        if self.mentions is None:
            if pane is not None:
                pane.show_summaries(None)
            self.query_one(Legend).set_state(self.enabled, None)
            return
        mentions = self._article_mentions()
        if pane is not None:
            pane.show_summaries(summarise(mentions), article_open=self.article is not None)
        self.query_one(Legend).set_state(self.enabled, Counter(m.type for m in mentions))

    @on(EntityChosen)
    def _entity_chosen(self, message: EntityChosen) -> None:
        """Mark every mention of the entity and show its names."""
        self.mark_entity(message.entity_id)

    def mark_entity(self, entity_id: str) -> None:
        """Mark an entity's mentions, jump to the first, and describe it in the pane."""
        view = self.query_one(ArticleView)
        self.marked = entity_id
        spans = view.mark_entity(entity_id)
        mentions = self._article_mentions()
        summary = next((s for s in summarise(mentions) if s.entity_id == entity_id), None)
        entity = self.engine.entity(entity_id)
        if entity is None and summary is not None:
            entity = Entity(entity_id, summary.canonical, summary.type)
        pane = self._entity_pane()
        if entity is not None and pane is not None:
            pane.show_details(entity, summary)
        if not self.query_text:
            self.stepper = Stepper(spans)
            if spans:
                view.scroll_to_offset(spans[0][0])

    @on(TypeToggled)
    def _type_toggled(self, message: TypeToggled) -> None:
        """Toggle one entity type from the legend."""
        self.action_toggle_type(message.entity_type.value)

    def action_toggle_type(self, value: str) -> None:
        """Turn the highlighting of one entity type on or off."""
        kind = EntityType(value)
        self.enabled ^= {kind}
        self.query_one(ArticleView).set_enabled_types(self.enabled)
        counts = None if self.mentions is None else Counter(m.type for m in self._article_mentions())
        self.query_one(Legend).set_state(self.enabled, counts)
        state = "on" if kind in self.enabled else "off"
        self.notify(f"{kind.label} highlighting {state}", timeout=2)

    async def action_find(self) -> None:
        """Open the find bar, mounting it on first use."""
        from tui.ui.reader.find_bar import FindBar

        bar = self._find_bar()
        if bar is None:
            bar = FindBar(id="find-bar")
            await self.mount_in_centre(bar)
        bar.open()

    @on(FindChanged)
    def _find_changed(self, message: FindChanged) -> None:
        """Re-run the find as the query changes."""
        self.run_find(message.query)

    def run_find(self, query: str) -> None:
        """Find every occurrence of the query in the open article."""
        self.query_text = query
        view = self.query_one(ArticleView)
        spans = find_all(self.article.text, query) if self.article else []
        self.stepper = Stepper(spans)
        first = self.stepper.start_near(0)
        view.set_matches(spans, self.stepper.index if first else None)
        bar = self._find_bar()
        if bar is not None:
            bar.set_count(self.stepper.index, len(spans), query)

    @on(FindStep)
    def _find_step(self, message: FindStep) -> None:
        """Next or previous match from the find field."""
        self.action_step(message.step)

    def action_step(self, delta: int) -> None:
        """Move to the next/previous find match, or the chosen entity's next/previous mention."""
        span = self.stepper.step(delta)
        if span is None:
            self.app.bell()
            return
        view = self.query_one(ArticleView)
        bar = self._find_bar()
        if self.query_text:
            view.set_matches(self.stepper.spans, self.stepper.index)
            if bar is not None:
                bar.set_count(self.stepper.index, len(self.stepper.spans), self.query_text)
        else:
            view.scroll_to_offset(span[0])

    @on(FindClosed)
    def _find_closed(self) -> None:
        """Close the find bar and go back to the text."""
        bar = self._find_bar()
        if bar is not None:
            bar.close()
        self.query_one(ArticleView).focus()

    def action_clear(self) -> None:
        """Close the panel over the text (narrow), or else clear the find and the entity mark."""
        if self.close_panel():
            return
        bar = self._find_bar()
        if bar is not None and bar.is_open:
            bar.close()
        self.query_text = ""
        self.marked = None
        self._stepper = Stepper()
        view = self.query_one(ArticleView)
        view.set_matches([], None)
        view.mark_entity(None)
        view.clear_selection()

    def _find_bar(self) -> FindBar | None:
        """The find bar, once it has been opened."""
        from tui.ui.reader.find_bar import FindBar

        bars = self.query(FindBar)
        return bars.first() if bars else None

    def _entity_pane(self) -> EntityPane | None:
        """The entity pane, once mounted (it mounts just after the first paint)."""
        panes = self.query("#entity-pane")  # by id: importing the pane's module here would slow start-up
        return cast("EntityPane", panes.first()) if panes else None

    @on(SidePaneMounted)
    def _side_pane_mounted(self) -> None:
        """Fill a side pane that has just been mounted."""
        self._refresh_side()
        if self.marked is not None:
            self.mark_entity(self.marked)


def width_class(width: int) -> str:
    """The screen's width class at ``width`` columns, as Textual's breakpoints give it."""
    return "-narrow" if width < NARROW_BELOW else "-medium" if width < WIDE_FROM else "-wide"
