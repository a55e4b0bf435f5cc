"""The corpus worked out in the background: read, its entities found, its indexes built.

:class:`CorpusWork` is mounted once the first frame is on screen. Its workers run one after the
other, each started by the screen when the one before has reported: reading a corpus listed from
its catalogue (``CorpusLoaded``), finding every mention (``MentionsReady``), then building the
timeline and cross-reference indexes (``IndexReady``). Each reports its progress
(:class:`BuildProgress`), which the screen shows in the build bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from tui.ui.labels import counted
from tui.ui.messages import BuildProgress, Report, report_failed_work

if TYPE_CHECKING:
    from pathlib import Path

    from tui.core.catalogue import Pending
    from tui.core.corpus import Corpus
    from tui.core.corpus_index import CorpusIndex
    from tui.core.entities import EntityEngine
    from tui.core.entities.cache import MentionCache
    from tui.core.models import LoadProblem, Mention


class CorpusWork(Widget):
    """Owns the workers that read the corpus, find its entities and index it (shows nothing)."""

    class CorpusLoaded(Report):
        """Every article of a corpus shown from its catalogue has been read (in the background)."""

        corpus: Corpus

    class MentionsReady(Report):
        """The background entity extraction finished for ``corpus`` (with the cache it went through,
        to be saved once the corpus is indexed: writing it meanwhile would slow the indexing)."""

        corpus: Corpus
        mentions: dict[str, list[Mention]]
        titles: dict[str, list[Mention]]
        cache: MentionCache | None = None

    class IndexReady(Report):
        """The timeline and cross-reference indexes of ``corpus`` were built in the background (and
        the workspace's cache folder, where the search pane keeps its word index; None without)."""

        corpus: Corpus
        index: CorpusIndex
        cache_folder: Path | None = None

    class ProblemsFound(Report):
        """Files read in the background could not be used, or only in part (the known-entities file)."""

        problems: list[LoadProblem]

    DEFAULT_CSS = "CorpusWork { display: none; }"

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """A worker of this widget failed: the screen reports it."""
        report_failed_work(event)

    @work(thread=True, exit_on_error=False, exclusive=True, group="load", description="reading the articles")
    def load(self, pending: Pending) -> None:
        """Read every article of a pending corpus (a thread: ten thousand files take a while)."""
        self.post_message(BuildProgress(f"Reading {counted(pending.total, 'article')}"))
        corpus = pending.load()
        if not get_current_worker().is_cancelled:
            self.post_message(self.CorpusLoaded(corpus))

    def start(self, corpus: Corpus, engine: EntityEngine) -> None:
        """Work a corpus out from the start (its entities, then its indexes), dropping what was under
        way for the one before."""
        self.workers.cancel_group(self, "index")
        self.extract(corpus, engine)

    @work(thread=True, exit_on_error=False, exclusive=True, group="entities", description="finding entities")
    def extract(self, corpus: Corpus, engine: EntityEngine) -> None:
        """Find every mention in the corpus (a thread: it can take a while on a large corpus)."""
        from tui.core.mentions import corpus_mentions

        count = len(corpus.articles)
        stage = f"Finding entities in {counted(count, 'article')}"
        reported = [-1]

        def progress(fraction: float) -> None:
            """Tell the screen, at most once per percent."""
            percent = int(fraction * 100)
            if percent != reported[0]:
                reported[0] = percent
                self.post_message(BuildProgress(stage, fraction))

        self.post_message(BuildProgress(stage))
        problems = engine.gazetteer.problems  # the known-entities file is read on first use
        if problems:
            self.post_message(self.ProblemsFound(list(problems)))
        open_cache = getattr(self.app, "mention_cache", None)  # ReaderApp's; none on a bare App
        cache = open_cache() if open_cache is not None else None
        bodies, titles = corpus_mentions(corpus.articles, engine, cache, progress)
        if get_current_worker().is_cancelled:
            return
        # A cache with nothing to write is let go now: it holds every entry it read.
        kept = cache if cache is not None and cache.stale else None
        self.post_message(self.MentionsReady(corpus, bodies, titles, kept))

    @work(thread=True, exit_on_error=False, exclusive=True, group="index", description="indexing the corpus")
    def index(self, corpus: Corpus, mentions: dict[str, list[Mention]], cache: MentionCache | None) -> None:
        """Resolve every date, merge the events, index the mentions (a thread: a large corpus takes
        time); then write the caches, the mentions' and the events', for the next run."""
        from tui.core.corpus_index import CorpusIndex

        self.post_message(
            BuildProgress(f"Indexing events and cross-references in {counted(len(mentions), 'article')}")
        )
        open_events = getattr(self.app, "event_cache", None)  # ReaderApp's; none on a bare App
        events = open_events() if open_events is not None else None
        built = CorpusIndex.build(corpus.articles, mentions, events)
        folder = events.path.parent if events is not None and events.path is not None else None
        if not get_current_worker().is_cancelled:
            self.post_message(self.IndexReady(corpus, built, folder))
        for kept in (events, cache):
            if kept is not None:
                kept.save()
