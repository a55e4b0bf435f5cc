"""The Textual app: holds the corpus and engine it is given and shows the reader screen."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel

from tui.core.bidi_text import BidiMode
from tui.core.corpus import Corpus
from tui.core.entities import EntityEngine
from tui.core.models import LoadProblem
from tui.core.safe_text import visible
from tui.ui.commands import (
    ArticleCommands,
    BidiCommands,
    EntityCommands,
    MemoCommands,
    ReaderCommands,
    TagCommands,
)
from tui.ui.key_order import KeyOrder, KeyRouted
from tui.ui.messages import FirstFrameDrawn, WorkFailed
from tui.ui.screens.reader import ReaderScreen
from tui.ui.theme import readable_variables, theme_variables

if TYPE_CHECKING:
    from tui.core.annotations.store import AnnotationStore
    from tui.core.catalogue import Pending
    from tui.core.entities.cache import MentionCache
    from tui.core.timeline.event_cache import EventCache


class ReaderApp(App[None]):
    """iranpak-reader. The corpus and engine are passed in, so tests can use their own."""

    TITLE = "iranpak-reader"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS = App.COMMANDS | {
        ArticleCommands,
        BidiCommands,
        EntityCommands,
        MemoCommands,
        ReaderCommands,
        TagCommands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", tooltip="Every key, by what it does"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]
    #: Who reorders right-to-left text: the app, or the terminal (``--bidi``); the article view
    #: takes it when mounted, and the palette switches it there.
    bidi: BidiMode = "app"

    def __init__(
        self,
        corpus: Corpus,
        engine: EntityEngine,
        problems: list[LoadProblem] | None = None,
        store: AnnotationStore | None = None,
        store_problem: str | None = None,
        open_store: Callable[[], AnnotationStore] | None = None,
        open_cache: Callable[[], MentionCache] | None = None,
        open_event_cache: Callable[[], EventCache] | None = None,
        pending: Pending | None = None,
    ) -> None:
        """The corpus, engine and annotation store to show.

        Give the ``store`` itself (tests), or ``open_store`` to open it in the background after
        the first paint (the app; a large store takes a moment). With neither, an empty store in
        memory. ``store_problem`` makes the store read-only with that reason. ``open_cache``
        opens the mention cache (in the extraction worker), ``open_event_cache`` the cache of
        each article's events (in the index worker); without them nothing is cached.
        ``pending``: the corpus is shown from its catalogue and read after the first frame.
        """
        super().__init__()
        # Start-up makes tens of thousands of objects (styles, strips, segments) and none of
        # them is garbage yet: a cyclic collection in the middle of the first frame costs ~30 ms
        # and frees nothing. The collector is paused until the first frame is on screen.
        self._collector_paused = gc.isenabled()
        gc.disable()
        self.corpus = corpus
        self.engine = engine
        self._open_cache = open_cache
        self._open_event_cache = open_event_cache
        self.pending = pending
        self.problems = list(problems if problems is not None else corpus.problems)
        self.store = store
        self.store_problem = store_problem
        self.open_store = open_store
        self.key_order = KeyOrder(self, self._route_key)

    async def on_event(self, event: events.Event) -> None:
        """A key from the terminal is routed once the keys before it have been handled (see
        :mod:`tui.ui.key_order`); everything else as Textual does."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            if not self.key_order.holds(event):
                await self._route_key(event)
            return
        await super().on_event(event)

    async def _route_key(self, key: events.Key) -> None:
        """Textual's own routing of a key (priority bindings, then the focused widget)."""
        await super().on_event(key)
        self.key_order.routed(key)

    @on(KeyRouted)
    def _key_handled(self, message: KeyRouted) -> None:
        """A routed key has been handled: route the ones typed after it."""
        self.key_order.back(message)

    @on(FirstFrameDrawn)
    def first_frame_drawn(self) -> None:
        """Resume the garbage collector paused during start-up, once the screen is drawn."""
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()

    @on(WorkFailed)
    def _work_failed(self, message: WorkFailed) -> None:
        """Background work failed, in the reader or a view (workers never stop the app): one line."""
        error = message.error
        self.notify(f"{message.what} failed: {type(error).__name__}: {error}", severity="error", timeout=12)

    def on_unmount(self) -> None:
        """Never leave the collector paused, even if the app closes before its first frame."""
        self.first_frame_drawn()

    def mention_cache(self) -> MentionCache | None:
        """The mention cache, read afresh (from a worker: it takes a moment). Not kept: once the
        mentions are found and the cache saved, its millions of numbers are only memory."""
        return self._open_cache() if self._open_cache is not None else None

    def event_cache(self) -> EventCache | None:
        """The cache of each article's events, read afresh (from the index worker), like the mentions'."""
        return self._open_event_cache() if self._open_event_cache is not None else None

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The highlight colours for the theme's kind (dark or light), overridable by a theme."""
        return theme_variables(self.current_theme.dark)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, with the colours Textual gives list cursors, the key bar and tick
        marks made readable (WCAG AA, in truecolour and 256 colours) whatever the theme."""
        variables = super().get_css_variables()
        variables.update(readable_variables(variables))
        self.theme_variables = variables
        return variables

    def get_default_screen(self) -> ReaderScreen:
        """The reader, with its panes, is the app's one screen."""
        return ReaderScreen(
            self.corpus,
            self.engine,
            self.problems,
            self.store,
            self.store_problem,
            self.open_store,
            self.pending,
        )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification as plain text, its control characters as symbols.

        Notifications carry article titles, tag names, file names and error messages, which are
        data: none is ever parsed as markup (``markup`` is ignored) or sent to the terminal raw.
        """
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def action_help(self) -> None:
        """Show every key."""
        from tui.ui.help.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
