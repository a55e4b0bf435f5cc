"""Command palette providers: open any article, run any action a key runs, act on any tag.

Titles and tag names are data: every hit is built from :class:`~textual.content.Content`, which
Textual shows as it is, never from a string, which the palette would parse as markup (a title
holding ``[@click=app.quit]`` would quit when clicked, an unbalanced ``[/]`` would crash it).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from functools import partial
from typing import cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from tui.core.bidi_text import BidiMode
from tui.core.safe_text import one_line
from tui.ui.bidi_display import set_bidi_mode
from tui.ui.bound_actions import BoundAction, screen_commands
from tui.ui.labels import counted
from tui.ui.reader.article_view import ArticleView
from tui.ui.screens.reader import ReaderScreen

Entry = tuple[str, str, Callable[[], object]]


class _EntryCommands(Provider):
    """A palette list of (title, help, callback) entries, matched on the title (and the help if set)."""

    MATCH_HELP = False

    @abstractmethod
    def _entries(self) -> list[Entry]:
        """The entries, as the screen is now."""

    async def discover(self) -> Hits:
        """Every entry, before anything is typed."""
        for title, help_text, callback in self._entries():
            yield DiscoveryHit(Content(title), callback, text=title, help=literal(help_text))

    async def search(self, query: str) -> Hits:
        """Entries whose title (or help, where matched) fits the query."""
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            score = matcher.match(title)
            if self.MATCH_HELP:
                score = max(score, matcher.match(help_text))
            if score > 0:
                yield Hit(score, highlighted(matcher, title), callback, text=title, help=literal(help_text))


def literal(text: str) -> str:
    """Help text the palette shows as it is.

    The palette passes a hit's help through ``Content.from_markup``, which returns a ``Content``
    unchanged: a ``Content`` is never parsed. ``Hit.help`` is typed ``str``, hence the cast.
    """
    return cast(str, Content(one_line(text)))


def highlighted(matcher: Matcher, candidate: str) -> Content:
    """``candidate`` with the query's fuzzy match highlighted, as literal text.

    ``Matcher.highlight`` parses its candidate as markup, so the match is styled here instead.
    """
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticleCommands(_EntryCommands):
    """'Open: <title>' for every article in the corpus (matched on title or id)."""

    MATCH_HELP = True

    def _reader(self) -> ReaderScreen | None:
        """The reader screen, if it is the one the palette was opened over."""
        screen = self.screen
        return screen if isinstance(screen, ReaderScreen) else None

    def _entries(self) -> list[Entry]:
        """(title, help, callback) for every article."""
        reader = self._reader()
        if reader is None:
            return []
        return [
            (
                f"Open: {one_line(article.title)}",
                f"{article.published_label} · {article.id}",
                partial(reader.select_article, article.id),
            )
            for article in reader.corpus.articles
        ]


class ReaderCommands(Provider):
    """Every action the keys run, read from the bindings of the app, the screen and the focused widget.

    Each hit is named by its binding's tooltip (or description), and its help gives the keys and
    the key bar's word for it: a new binding is a command without being typed again.
    """

    def _commands(self) -> list[BoundAction]:
        """The actions that can run on the screen under the palette, as it is now."""
        return screen_commands(self.screen)

    def _hit(self, command: BoundAction) -> tuple[str, Callable[[], object], str]:
        """(name, callback that runs the action where it is bound, help naming its keys)."""
        name = one_line(command.title)
        keys = command.keys_label or "no key here"
        help_text = keys if command.description == name else f"{keys} · {command.description}"
        return name, partial(self.app.run_action, command.action, command.node), literal(help_text)

    async def discover(self) -> Hits:
        """Every action, before anything is typed."""
        for command in self._commands():
            name, callback, help_text = self._hit(command)
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        """Actions whose name, or the key bar's word for them, matches the query."""
        matcher = self.matcher(query)
        for command in self._commands():
            name, callback, help_text = self._hit(command)
            score = max(matcher.match(name), matcher.match(command.description))
            if score > 0:
                yield Hit(score, highlighted(matcher, name), callback, text=name, help=help_text)


class TagCommands(_EntryCommands):
    """For every tag of the codebook: list its passages, rename, recolour, merge or delete it."""

    def _entries(self) -> list[Entry]:
        """(title, help, callback) for every tag."""
        screen = self.screen
        pane = screen.pane("#annotation-pane") if isinstance(screen, ReaderScreen) else None
        if pane is None:
            return []
        counts = pane.store.tag_counts()
        entries: list[Entry] = []
        for tag in pane.store.tags():
            name = one_line(tag.name)
            entries.append(
                (
                    f"Passages tagged: {name}",
                    counted(counts.get(tag.name, 0), "passage"),
                    partial(pane.show_tag, tag.name),
                )
            )
            for verb, action in (
                ("Rename", "rename"),
                ("Recolour", "recolour"),
                ("Merge", "merge"),
                ("Move", "move"),
                ("Delete", "delete"),
            ):
                entries.append(
                    (
                        f"{verb} tag: {name}",
                        "everywhere at once",
                        partial(pane.tag_action, action, tag.name),
                    )
                )
        return entries


class MemoCommands(_EntryCommands):
    """The memos: the project's, a tag's (chosen in the tag picker), and every memo at full width.
    The open article's memo is a key (o), so the key commands list it already."""

    def _entries(self) -> list[Entry]:
        """(title, help, callback) for each way to a memo."""
        screen = self.screen
        if not isinstance(screen, ReaderScreen):
            return []
        return [
            (
                "Project memo",
                "the project's aims, questions and decisions",
                partial(screen.action_memo, "project"),
            ),
            ("Memo on tag…", "a tag's definition and coding rules", partial(screen.action_memo, "tag")),
            ("All memos", "every memo at full width: Enter edits one", partial(screen.action_memo, "all")),
        ]


class EntityCommands(_EntryCommands):
    """'Entity: <name>' for every person, organisation and place the corpus names, found by its name or
    any other spelling of it ('ghalibaf' finds Mohammad Baqer Qalibaf): choosing one marks it in the
    text and follows it in the Cross-references pane."""

    def _entries(self) -> list[Entry]:
        """(title, help, callback) for every entity, most widely named first (once the index is built)."""
        return [(title, help_text, callback) for title, help_text, callback, _ in self._entities()]

    def _entities(self) -> list[tuple[str, str, Callable[[], object], str]]:
        """The entries, each with its entity's id."""
        screen = self.screen
        if not isinstance(screen, ReaderScreen) or screen.index is None:
            return []
        xref = screen.index.xref
        return [
            (
                f"Entity: {one_line(xref.name(entity))}",
                f"{entity.split(':', 1)[0]} · named in {counted(articles, 'article')}",
                partial(screen.follow_entity, entity),
                entity,
            )
            for entity, articles in xref.frequency.most_common()
        ]

    async def search(self, query: str) -> Hits:
        """Entities whose name fits the query, or one of whose other spellings does (shown after the
        name); the entity a whole spelling stands for ('Ghalibaf') first."""
        screen = self.screen
        entities = self._entities()
        if not entities or not isinstance(screen, ReaderScreen):
            return  # before the index is built, the engine may not be either: never build it here
        matcher = self.matcher(query)
        named = screen.state.engine.resolve(query) if len(query) > 2 else None
        for title, help_text, callback, entity_id in entities:
            score, shown = matcher.match(title), highlighted(matcher, title)
            if named is not None and named.id == entity_id:
                score = 1.0
            entity = screen.state.engine.entity(entity_id) if score < 1.0 else None
            for alias in entity.aliases if entity is not None else ():
                alias_score = matcher.match(alias)
                if alias_score > score:
                    score, shown = (
                        alias_score,
                        Content(title) + Content(" ") + highlighted(matcher, f"({alias})"),
                    )
            if score > 0:
                yield Hit(score, shown, callback, text=title, help=literal(help_text))


class BidiCommands(_EntryCommands):
    """Who puts right-to-left text in reading order: the app (tmux, xterm) or the terminal (VTE,
    Konsole, mlterm, which reorder it themselves and would undo the app's order)."""

    def _entries(self) -> list[Entry]:
        """One entry: switch the article view to the other way."""
        screen = self.screen
        if not isinstance(screen, ReaderScreen):
            return []
        view = screen.query_one(ArticleView)
        if view.bidi == "app":
            return [
                (
                    "Right-to-left text: leave its order to the terminal",
                    "for VTE, Konsole, mlterm; now the app reorders and joins it (--bidi)",
                    partial(_switch_bidi, view, "terminal"),
                )
            ]
        return [
            (
                "Right-to-left text: put it in order in the app",
                "for tmux, xterm and most terminals; now the terminal does it (--bidi)",
                partial(_switch_bidi, view, "app"),
            )
        ]


def _switch_bidi(view: ArticleView, mode: BidiMode) -> None:
    """Who reorders right-to-left text, now ``mode``: the article view is drawn again at once, and
    the rest of the app draws what it shows next that way."""
    set_bidi_mode(view.app, mode)
    view.set_bidi(mode)
