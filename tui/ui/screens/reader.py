"""The one screen: the article list, the article, and the feature panes, wired by the shared state.

The screen holds the :class:`~tui.ui.state.ReaderState` (corpus, mentions, indexes, store, the open
article, the chosen entity), opens articles, and tells the features what changed. Each feature is
a widget of its own package that owns its workers: the corpus's background work
(:mod:`tui.ui.reader.background`), the Annotations pane that holds the store and codes
(:mod:`tui.ui.annotations`), the Timeline, Cross-references and Search panes, the article adder.
Everything that leads to a passage posts one message, :class:`OpenPassage`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ComposeResult, ScreenStackError
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import AwaitMount, MountError, Widget

from tui.core.corpus import Corpus
from tui.core.entities import EntityEngine
from tui.core.models import Article, EntityType, LoadProblem, Mention
from tui.core.safe_text import one_line
from tui.core.search import Stepper
from tui.ui.annotations.bindings import CODING_BINDINGS
from tui.ui.messages import (
    BuildProgress,
    EntityChosen,
    FirstFrameDrawn,
    OpenPassage,
    WorkFailed,
)
from tui.ui.reader.article_header import ArticleHeader
from tui.ui.reader.article_list import ArticleList
from tui.ui.reader.article_view import ArticleView
from tui.ui.reader.entity_marks import EntityMarks
from tui.ui.reader.legend import Legend
from tui.ui.state import ReaderState
from tui.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.core.annotations.store import AnnotationStore
    from tui.core.catalogue import Pending
    from tui.core.corpus_index import CorpusIndex
    from tui.ui.adding.adder import ArticleAdder
    from tui.ui.annotations.annotation_pane import AnnotationPane
    from tui.ui.reader.background import CorpusWork
    from tui.ui.reader.find_bar import FindBar
    from tui.ui.search.search_pane import SearchPane
    from tui.ui.timeline.timeline_pane import TimelinePane
    from tui.ui.xref.xref_pane import XrefPane

#: How long the background work must take before its progress bar shows (seconds).
BUILD_BAR_AFTER = 0.4

#: What the header says when the corpus has no article.
NO_ARTICLES = (
    "No articles yet. Ctrl+O adds text, Markdown or HTML files or folders (or: iranpak-reader add FILE); "
    "I imports a REFI-QDA project (.qdpx) with its texts and coding."
)

TYPE_KEYS = {str(number): kind for number, kind in enumerate(EntityType, start=1)}

#: Below this width the text takes the whole row and the list and side pane are panels over it.
NARROW_BELOW = 110
#: From this width the list has its full width (the side pane grows with the terminal at any width).
WIDE_FROM = 150


class ReaderScreen(Screen[None]):
    """Browse the corpus, read one article with its entities highlighted, code it, and follow it
    across the corpus in the side panes."""

    BINDINGS = [
        Binding("slash", "find", "Find", tooltip="Find in the article"),
        Binding("n", "step(1)", "Next", tooltip="Next find match or mention"),
        Binding("N", "step(-1)", "Prev", tooltip="Previous find match or mention"),
        Binding("escape", "clear", "Clear marks", show=False),
        Binding("a", "focus('#article-list')", "Articles", show=False, tooltip="Go to the article list"),
        Binding("r", "focus('#article-view')", "Text", show=False, tooltip="Go to the article's text"),
        Binding("E", "focus('#entity-tree')", "Entities", show=False, tooltip="Go to the entities pane"),
        Binding("i", "standfirst", "Standfirst", show=False, tooltip="Show the whole standfirst, or fold it"),
        *(
            Binding(key, f"toggle_type('{kind.value}')", f"Toggle {kind.label.lower()}", show=False)
            for key, kind in TYPE_KEYS.items()
        ),
        *CODING_BINDINGS,
        Binding("L", "focus('#timeline-list')", "Timeline", tooltip="The Timeline pane"),
        Binding("X", "focus('#xref-list')", "Xref", tooltip="The cross-references pane"),
        Binding("ctrl+o", "add_articles", "Add", tooltip="Add text, Markdown or HTML files or folders"),
        Binding(
            "ctrl+g",
            "chart",
            "Chart",
            show=False,
            tooltip="Chart over time: mentions of the entity chosen, a tag's passages, the timeline's events",
        ),
        Binding("ctrl+f", "focus('#search-input')", "Search all", tooltip="Search every article"),
        Binding(
            "V",
            "attributes('edit')",
            "Attributes",
            show=False,
            tooltip="Article attributes",
        ),
        Binding("Y", "attributes('filter')", "Filter", show=False, tooltip="Filter by attributes"),
        Binding(
            "ctrl+y", "attributes('clear')", "Clear filter", show=False, tooltip="Clear attribute filter"
        ),
        Binding("o", "memo('article')", "Memo", show=False, tooltip="Memo on this article"),
        Binding(
            "z", "full_width", "Full width", tooltip="The pane in view at full width, every line in full"
        ),
    ]

    # The key bar stays in sight under a pane maximized from the palette.
    ALLOW_IN_MAXIMIZED_VIEW = "KeyBar"

    # One class for the width, set by Textual on every resize; app.tcss lays the columns out by it.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-medium"), (WIDE_FROM, "-wide")]

    def __init__(
        self,
        corpus: Corpus,
        engine: EntityEngine,
        problems: list[LoadProblem],
        store: AnnotationStore | None = None,
        store_problem: str | None = None,
        open_store: Callable[[], AnnotationStore] | None = None,
        pending: Pending | None = None,
    ) -> None:
        """The corpus (or a pending one, read after the first frame), and the annotation store
        itself, or how to open it once the Annotations pane is mounted (see :class:`AnnotationPane`)."""
        super().__init__()
        self.state = ReaderState(corpus, engine, pending)
        self.problems = problems
        self._found: list[LoadProblem] = []  # reported by background work; kept when the corpus changes
        self._store_given = (store, store_problem, open_store)
        self.marks = EntityMarks(self.state)
        self._build_started: float | None = None

    # The shared state, as tests and the palette read it

    @property
    def corpus(self) -> Corpus:
        """The corpus shown."""
        return self.state.corpus

    @property
    def article(self) -> Article | None:
        """The open article."""
        return self.state.article

    @property
    def mentions(self) -> dict[str, list[Mention]] | None:
        """Every article's mentions, once found."""
        return self.state.mentions

    @property
    def index(self) -> CorpusIndex | None:
        """The corpus's indexes, once built."""
        return self.state.index

    @property
    def pending(self) -> Pending | None:
        """A corpus listed from its catalogue and not read yet."""
        return self.state.pending

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide n / N while there is nothing to step through, and Redo while nothing can be redone."""
        if action == "step":
            return bool(self.stepper.spans)
        if action == "code" and parameters == ("redo",):
            pane = self.pane("#annotation-pane")
            return pane is not None and pane.can_redo
        return True

    def pane(self, selector: str) -> Any:
        """A feature's widget by id, once mounted (they mount after the first paint), else None."""
        found = self.query(selector)
        return found.first() if found else None

    # Building

    def compose(self) -> ComposeResult:
        """List on the left, article in the centre, keys at the bottom; the side panes come after the
        first paint, and the find bar on first use, so that the article is on screen at once."""
        # The width class before the first frame (Textual sets it on resizes only), and before the
        # children are styled, so that they are styled once.
        self.add_class(width_class(self.app.size.width), update=False)
        yield KeyBar()  # first: the bottom row is split off the whole screen, then the columns
        yield ArticleList(id="article-list")
        yield ArticleHeader(id="article-header")
        yield Legend(id="legend")
        yield ArticleView(id="article-view")

    def on_mount(self) -> None:
        """Fill the list, report load problems, open the first article; the rest after the first paint."""
        self.marks.attach(self.query_one(ArticleView), self.query_one(Legend))
        pending = self.state.pending
        listed = pending.listed if pending is not None else self.corpus.articles
        self.query_one(ArticleList).populate(listed, self.problems)
        for problem in self.problems:
            self.notify(str(problem), title="Could not load", severity="error", timeout=10, markup=False)
        if self.corpus.articles:
            self.open_article(self.corpus.articles[0].id)
        elif pending is not None:
            self.query_one(ArticleHeader).show_article(None, hint=f"Reading {pending.total:,} articles…")
        else:
            self.query_one(ArticleHeader).show_article(None, hint=NO_ARTICLES if not listed else None)
        # Narrow, the text rather than the list in front.
        self.query_one(ArticleView if self.has_class("-narrow") else ArticleList).focus()
        self.call_after_refresh(lambda: self.call_later(self._start_background))

    async def _start_background(self) -> None:
        """Start the background work, then mount the side panes and the widgets that own the features.

        (Run once the first frame's other callbacks are done: a worker thread started or a mount
        awaited among them would hold them back.)
        """
        from textual.widgets import TabbedContent, TabPane

        from tui.ui.adding.adder import ArticleAdder
        from tui.ui.annotations.annotation_bar import AnnotationBar
        from tui.ui.annotations.annotation_pane import AnnotationPane
        from tui.ui.reader.background import CorpusWork
        from tui.ui.reader.entity_pane import EntityPane
        from tui.ui.search.search_pane import SearchPane
        from tui.ui.timeline.timeline_pane import TimelinePane
        from tui.ui.xref.xref_pane import XrefPane

        self.post_message(FirstFrameDrawn())
        work = CorpusWork(id="corpus-work")
        side = TabbedContent(id="side")
        state = self.state
        try:
            await self.mount(work, ArticleAdder(state, id="article-adder"))
            if state.pending is not None:
                work.load(state.pending)
            else:
                work.extract(state.corpus, state.engine)
            await self.mount(side)
            await side.add_pane(TabPane("Entities", EntityPane(id="entity-pane"), id="entities-tab"))
            await self.mount_in_centre(AnnotationBar(id="annotation-bar"))
            annotations = AnnotationPane(state, *self._store_given, id="annotation-pane")
            await side.add_pane(TabPane("Annotations", annotations, id="annotations-tab"))
            await side.add_pane(
                TabPane("Timeline", TimelinePane(state, id="timeline-pane"), id="timeline-tab")
            )
            await side.add_pane(TabPane("Xref", XrefPane(state, id="xref-pane"), id="xref-tab"))
            await side.add_pane(TabPane("Search", SearchPane(state, id="search-pane"), id="search-tab"))
        except (MountError, ScreenStackError):
            return  # the app is already closing: there is nothing left to show

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

    # The panels and the focus

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
            self.query_one("#side", TabbedContent).active = pane.id
        self._open_panel_of(widget)  # narrow, the panel shows in the frame the focus moves in
        self.set_focus(widget)

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

    def action_full_width(self) -> None:
        """The side pane with the focus (or the one in view) at full width, as a screen of its own:
        Enter there opens a passage, Esc comes back here."""
        from textual.widgets import TabbedContent

        from tui.ui.widgets.full_view_holder import FullViewHolder

        within = list(self.focused.ancestors_with_self) if self.focused is not None else []
        sides = self.query("#side")
        active = sides.first(TabbedContent).active_pane if sides else None
        if active is not None:
            within += list(active.children)
        holder = next((w for w in within if isinstance(w, FullViewHolder)), None)
        if holder is None:
            self.notify("This pane has no full-width view: choose Timeline, Xref, Search or Annotations")
            return
        view = holder.full_view()
        if view is not None:
            self.app.push_screen(view, self._open_chosen)

    def _open_chosen(self, chosen: OpenPassage | None) -> None:
        """Open what a full-width view returned (nothing if it was left with Esc)."""
        if chosen is not None:
            self.post_message(chosen)

    def action_standfirst(self) -> None:
        """Unfold a long standfirst (or fold it again)."""
        self.query_one(ArticleHeader).toggle_standfirst()

    # The corpus and what the background work finds in it

    def on_corpus_work_corpus_loaded(self, message: CorpusWork.CorpusLoaded) -> None:
        """The whole corpus is read: show it, keeping the article open, and find its entities
        (and say which files could not be read)."""
        self.state.pending = None
        for problem in message.corpus.problems:
            self.notify(str(problem), title="Could not load", severity="error", timeout=10, markup=False)
        self.replace_corpus(message.corpus, self.article.id if self.article else None)

    def replace_corpus(self, corpus: Corpus, open_id: str | None = None) -> None:
        """Show the corpus read again (articles were added): the list, an article, and its entities
        and indexes worked out anew (the old ones, and any work still under way on them, dropped)."""
        self.state.corpus = corpus
        self.state.mentions, self.state.titles, self.state.index = None, {}, None
        self.problems = [*corpus.problems, *self._found]
        listing = self.query_one(ArticleList)
        listing.populate(corpus.articles, self.problems)
        # the list now holds every article: under a filter, it is filled again with those that pass
        self.state.passing = None
        target = open_id or (self.article.id if self.article else None)
        self.state.article = None
        if target is not None and corpus.get(target) is not None:
            self.open_article(target)
            listing.select_article(target)
        elif corpus.articles:
            self.open_article(corpus.articles[0].id)
        search: SearchPane | None = self.pane("#search-pane")
        if search is not None:
            search.corpus_replaced()
        if self.state.where:
            self.attributes_changed()
        work: CorpusWork | None = self.pane("#corpus-work")
        if work is not None:
            work.start(corpus, self.state.engine)

    def on_corpus_work_problems_found(self, message: CorpusWork.ProblemsFound) -> None:
        """Say which files read in the background could not be used (each once), and mark them."""
        new = [p for p in dict.fromkeys(message.problems) if p not in self.problems]  # it holds _found
        for problem in new:
            self.notify(str(problem), title="Could not load", severity="error", timeout=10, markup=False)
        if new:
            self._found.extend(new)
            self.problems.extend(new)
            self.query_one(ArticleList).add_problems(new)

    def on_corpus_work_mentions_ready(self, message: CorpusWork.MentionsReady) -> None:
        """Show the counts, highlight the open article, and index the corpus with the mentions
        (unless they are of a corpus since replaced)."""
        if message.corpus is not self.state.corpus:
            return
        self.state.mentions = message.mentions
        self.state.titles = message.titles
        counts = {key: len({m.entity_id for m in found}) for key, found in message.mentions.items()}
        self.query_one(ArticleList).set_counts(counts)
        if self.article is not None:
            self.query_one(ArticleView).set_mentions(self.state.article_mentions())
            self.query_one(ArticleHeader).show_article(self.article, message.titles.get(self.article.id))
        self._refresh_entities()  # with no article open too: the panes stop waiting for extraction
        work = self.pane("#corpus-work")
        if work is not None:
            work.index(self.state.corpus, message.mentions, message.cache)

    def on_corpus_work_index_ready(self, message: CorpusWork.IndexReady) -> None:
        """The indexes are built: the background work is done; the panes built on them fill
        (unless they are of a corpus since replaced)."""
        if message.corpus is not self.state.corpus:
            return
        self.state.index = message.index
        self.build_done()
        timeline: TimelinePane | None = self.pane("#timeline-pane")
        if timeline is not None:
            timeline.show_events()
        xref: XrefPane | None = self.pane("#xref-pane")
        if xref is not None:
            self.call_after_refresh(xref.show_xref)
        search: SearchPane | None = self.pane("#search-pane")
        if search is not None:
            search.corpus_indexed(message.cache_folder)

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

    @on(WorkFailed)
    def _work_failed(self, message: WorkFailed) -> None:
        """Background work that failed (whatever an article, a cache or a bug makes a worker raise):
        read on with what is shown (the app says what failed, in one line)."""
        self.build_done()
        timeline: TimelinePane | None = self.pane("#timeline-pane")
        if message.group == "index" and timeline is not None:
            timeline.unavailable(f"The timeline could not be built ({type(message.error).__name__})")
        if message.group == "entities":
            # Read on without entities: the panes waiting for them settle, the indexes still build.
            from tui.ui.reader.background import CorpusWork

            self.post_message(CorpusWork.MentionsReady(self.state.corpus, {}, {}))

    def build_done(self) -> None:
        """The background work is over: take the bar away."""
        self._build_started = None
        for bar in self.query("#build-bar"):
            bar.remove()

    # Opening articles and passages

    @on(ArticleList.Chosen)
    def _article_chosen(self, message: ArticleList.Chosen) -> None:
        """Open the article moved to in the list (and go to its text if it was picked)."""
        self.open_article(message.article_id)
        if message.focus_reader:
            self.query_one(ArticleView).focus()

    @on(OpenPassage)
    async def _open_passage(self, message: OpenPassage) -> None:
        """Open an article from a pane or a view: the passage selected, or the find bar on a text."""
        message.stop()
        self.select_article(message.article)
        if self.article is None or self.article.id != message.article:
            self.notify(f"Article {one_line(message.article)} is not in the corpus", markup=False)
            return
        view = self.query_one(ArticleView)
        if message.start is not None and message.end is not None:
            view.select(message.start, message.end)
            # Once the new article's header has its height (the text's own height changes with it),
            # the whole passage in view.
            self.call_after_refresh(view.scroll_to_span, message.start, message.end)
        elif message.find:
            bar = await self._mounted_find_bar()
            bar.show(message.find)
            if bar.stepper.current is not None:
                view.scroll_to_offset(bar.stepper.current[0])

    def open_article(self, article_id: str) -> None:
        """Show an article: header, text, entities; find and marks start afresh; the features follow."""
        article = self.corpus.get(article_id)
        pending = self.state.pending
        if article is None and pending is not None:  # listed, not read yet: read it alone
            article = pending.article(article_id)
        if article is None or article is self.article:
            return
        self.state.article = article
        self.marks.marked = None
        self.query_one(ArticleHeader).show_article(article, self.state.titles.get(article.id))
        self.query_one(ArticleView).show(article.text, self.state.article_mentions())
        self._refresh_entities()
        bar = self._find_bar()
        if bar is not None and bar.query_text:
            bar.find(bar.query_text)
        annotations: AnnotationPane | None = self.pane("#annotation-pane")
        if annotations is not None:
            annotations.article_opened()
        xref: XrefPane | None = self.pane("#xref-pane")
        if xref is not None:
            xref.passage = None
            xref.show_xref()

    def select_article(self, article_id: str) -> None:
        """Open an article, highlight it in the list, and go to its text."""
        self.query_one(ArticleList).select_article(article_id)
        self.open_article(article_id)
        self.query_one(ArticleView).focus()

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        """The annotations at the cursor in the bar; the Xref pane follows the entity under the
        cursor and the selected (or annotated) passage."""
        annotations: AnnotationPane | None = self.pane("#annotation-pane")
        passage = message.selection
        self._show_bar(message.offset)
        if annotations is not None:
            covering = annotations.at(message.offset)
            if passage is None and covering:
                passage = (covering[-1].start, covering[-1].end)
        entity = self.state.entity_at(message.offset) or self.state.entity
        self.state.entity = entity
        xref: XrefPane | None = self.pane("#xref-pane")
        if xref is not None:
            xref.follow(entity, passage)

    def _show_bar(self, offset: int) -> None:
        """The tags and note of the annotations at ``offset``, in the bar under the text."""
        from tui.ui.annotations.annotation_bar import AnnotationBar

        annotations: AnnotationPane | None = self.pane("#annotation-pane")
        bars = self.query(AnnotationBar)
        if annotations is not None and bars:
            bars.first().show_annotations([p.annotation for p in annotations.at(offset)])

    # Entities

    def _refresh_entities(self) -> None:
        """Update the entity pane and the legend for the open article."""
        self.marks.show(self.pane("#entity-pane"))

    def on_entity_pane_ready(self) -> None:
        """Fill the entity pane, just mounted."""
        self._refresh_entities()
        if self.marks.marked is not None:
            self.mark_entity(self.marks.marked)

    @on(EntityChosen)
    def _entity_chosen(self, message: EntityChosen) -> None:
        """Mark every mention of the entity, show its names, and follow it across the corpus."""
        self.mark_entity(message.entity_id)
        xref: XrefPane | None = self.pane("#xref-pane")
        if xref is not None:
            xref.follow(message.entity_id, xref.passage)

    async def follow_entity(self, entity_id: str) -> None:
        """Mark an entity (where the open article names it) and follow it in the Cross-references pane
        (from the palette)."""
        self.post_message(EntityChosen(entity_id))
        await self.action_focus("#xref-list")

    def mark_entity(self, entity_id: str) -> None:
        """Mark an entity's mentions, describe it in the pane, and jump to the first (unless finding)."""
        spans = self.marks.mark(entity_id, self.pane("#entity-pane"))
        self.refresh_bindings()
        bar = self._find_bar()
        if spans and (bar is None or not bar.query_text):
            self.query_one(ArticleView).scroll_to_offset(spans[0][0])

    @on(Legend.TypeToggled)
    def _type_toggled(self, message: Legend.TypeToggled) -> None:
        """Toggle one entity type from the legend."""
        self.action_toggle_type(message.entity_type.value)

    def action_toggle_type(self, value: str) -> None:
        """Turn the highlighting of one entity type on or off."""
        kind = EntityType(value)
        state = "on" if self.marks.toggle(kind) else "off"
        self.notify(f"{kind.label} highlighting {state}", timeout=2)

    # Find in the article (the find bar owns it) and stepping through matches or mentions

    async def action_find(self) -> None:
        """Open the find bar, mounting it on first use."""
        bar = await self._mounted_find_bar()
        bar.open()

    async def _mounted_find_bar(self) -> FindBar:
        """The find bar, mounted on first use (its module imported then, off the start-up path)."""
        from tui.ui.reader.find_bar import FindBar

        bar = self._find_bar()
        if bar is None:
            bar = FindBar(self.query_one(ArticleView), id="find-bar")
            await self.mount_in_centre(bar)
        return bar

    def _find_bar(self) -> FindBar | None:
        """The find bar, once it has been opened."""
        bar: FindBar | None = self.pane("#find-bar")
        return bar

    @property
    def stepper(self) -> Stepper:
        """What n and N step through: the find's matches while there is a query, else the marked
        entity's mentions."""
        bar = self._find_bar()
        return bar.stepper if bar is not None and bar.query_text else self.marks.stepper

    def action_step(self, delta: int) -> None:
        """Move to the next/previous find match, or the chosen entity's next/previous mention."""
        bar = self._find_bar()
        if bar is not None and bar.query_text:
            moved = bar.step(delta)
        else:
            span = self.marks.stepper.step(delta)
            moved = span is not None
            if span is not None:
                self.query_one(ArticleView).scroll_to_offset(span[0])
        if not moved:
            self.app.bell()

    def action_clear(self) -> None:
        """Close the panel over the text (narrow), or else clear the find and the entity mark."""
        if self.close_panel():
            return
        bar = self._find_bar()
        if bar is not None:
            bar.clear()
        self.marks.clear()
        self.query_one(ArticleView).clear_selection()

    # Coding: the keys, acted on by the Annotations pane

    def _annotations(self) -> AnnotationPane | None:
        """The Annotations pane, or None (with a word to the user) while it is not mounted yet."""
        pane: AnnotationPane | None = self.pane("#annotation-pane")
        if pane is None:
            self.notify("Annotations are still loading", timeout=2)
        return pane

    def action_code(self, operation: str, *arguments: str) -> None:
        """Code: tag, note, highlight, delete, undo, redo, coded segments, export (see :mod:`.coding`)."""
        from tui.ui.annotations import coding

        pane = self._annotations()
        if pane is not None:
            coding.run(pane, self.query_one(ArticleView), operation, *arguments)

    def action_memo(self, about: str) -> None:
        """Open a memo: on the open article, the project, a tag chosen in a picker, or every memo."""
        from tui.ui.memos import memo_actions

        pane = self._annotations()
        if pane is not None:
            memo_actions.open_memo(pane, about, self.state.article, self.corpus.articles)

    def action_attributes(self, what: str) -> None:
        """Edit the open article's attributes ("edit"), or filter the app by attributes ("filter",
        "clear"); see :mod:`tui.ui.attributes.attribute_actions`."""
        from tui.ui.attributes import attribute_actions

        pane = self._annotations()
        if pane is not None:
            attribute_actions.run(pane, self.state, what, self.attributes_changed)

    def attributes_changed(self) -> None:
        """The attribute filter, or some article's attributes, changed: the list shows the articles
        that pass (its title says the filter), the header the open article's key attributes, and
        the search and timeline panes follow (the coded segments view reads the filter when opened)."""
        from tui.core.attributes import reparse_where
        from tui.ui.attributes.attribute_actions import all_definitions, key_attributes, work_out_passing
        from tui.ui.memos.memo_actions import with_memo_mark

        state = self.state
        before = (state.passing, state.where_label())
        if state.where and state.store is not None:
            # a condition keeps the type its attribute had: read it as the definitions are now
            state.where, dropped = reparse_where(state.where, all_definitions(state.store))
            for reason in dropped:
                self.notify(reason, title="Filter condition dropped", severity="warning", markup=False)
        work_out_passing(state)
        header = self.query_one(ArticleHeader)
        header.show_attributes(with_memo_mark(key_attributes(state), state.store, state.article))
        if (state.passing, state.where_label()) == before:
            return  # the same articles pass: nothing else to show again (an article was opened)
        listing = self.query_one(ArticleList)
        if state.pending is None:
            shown = [article for article in self.corpus.articles if state.passes(article.id)]
            listing.populate(shown, self.problems)
            total = len(self.corpus.articles)
            label = f"Articles · {state.where_label()} · {len(shown)} of {total}" if state.where else ""
            listing.show_filter(label)
            if self.article is not None:
                listing.select_article(self.article.id)
        timeline: TimelinePane | None = self.pane("#timeline-pane")
        if timeline is not None:
            timeline.show_events()
        search: SearchPane | None = self.pane("#search-pane")
        if search is not None:
            search.filter_changed()

    def on_annotation_pane_changed(self, message: AnnotationPane.Changed) -> None:
        """The annotations changed: their marks in the text, the counts in the list, the bar under
        the text, Undo and Redo in the keys, and a timeline filtered by a tag."""
        view = self.query_one(ArticleView)
        view.set_annotations(message.marks)
        self.query_one(ArticleList).set_annotation_counts(message.counts)
        self._show_bar(view.cursor.offset)
        self.refresh_bindings()
        timeline: TimelinePane | None = self.pane("#timeline-pane")
        if timeline is not None and timeline.tag is not None:
            timeline.show_events()
        if self.state.where:  # an undo or a save may have changed who passes
            self.attributes_changed()
        else:
            from tui.ui.attributes.attribute_actions import key_attributes
            from tui.ui.memos.memo_actions import with_memo_mark

            state = self.state
            header = self.query_one(ArticleHeader)
            header.show_attributes(with_memo_mark(key_attributes(state), state.store, state.article))

    # Adding articles

    def action_chart(self) -> None:
        """Counts over time at full width: the entity chosen, each tag, the timeline's events."""
        from tui.core.charts import event_items, mention_items, tag_items
        from tui.ui.charts.chart_screen import ChartScreen, Subject

        state = self.state
        articles = {article.id: article for article in state.corpus.articles}
        subjects: list[Subject] = []
        if state.entity is not None and state.mentions is not None:
            name = state.entity_name(state.entity)
            subjects.append(
                Subject(f"Mentions of {name}", mention_items(state.mentions, articles, state.entity))
            )
        if state.index is not None:
            events = event_items(state.index.timeline.events, state.passing)
            subjects.append(Subject("Events in the timeline", events))
        if state.store is not None:
            annotations = state.store.annotations()
            for tag in state.store.tags():
                subjects.append(
                    Subject(f"Passages tagged {tag.name}", tag_items(annotations, articles, tag.name))
                )
        if not subjects:
            self.notify("Nothing to chart yet: the entities and events are still being found")
            return
        from tui.core.attributes import values_by_article

        stored = state.store.attribute_values() if state.store is not None else ()
        values = values_by_article(articles.values(), stored)
        where = state.where_label()
        self.app.push_screen(ChartScreen(subjects, values=values, passing=state.passing, where=where))

    def action_add_articles(self) -> None:
        """Ask what articles to add (the adder adds them in the background)."""
        adder: ArticleAdder | None = self.pane("#article-adder")
        if adder is not None:
            adder.ask()

    def on_article_adder_added(self, message: ArticleAdder.Added) -> None:
        """Say what was added, show the grown corpus and open the first new article."""
        from tui.ui.adding.adder import summary

        if message.report is None or message.corpus is None:
            self.build_done()
            self.notify(one_line(message.error), title="Could not add", severity="error", markup=False)
            return
        self.notify(summary(message.report), title="Add articles", markup=False, timeout=8)
        added = message.report.of("added")
        self.replace_corpus(message.corpus, added[0].article if added else None)


def width_class(width: int) -> str:
    """The screen's width class at ``width`` columns, as Textual's breakpoints give it."""
    return "-narrow" if width < NARROW_BELOW else "-medium" if width < WIDE_FROM else "-wide"
