"""Command palette providers: open any article, run any reader action.

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

from tui.core.models import EntityType
from tui.core.safe_text import one_line
from tui.ui.screens.reader import ReaderScreen

Entry = tuple[str, str, Callable[[], None]]


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
    """Every reader action by name: find, next/previous, toggles, panes, help."""

    def _entries(self) -> list[tuple[str, str, str]]:
        """(name, help, action string run on the screen)."""
        entries = [
            ("Find in article", "Open the find bar (/)", "screen.find"),
            ("Next match or mention", "n", "screen.step(1)"),
            ("Previous match or mention", "N", "screen.step(-1)"),
            ("Clear find and marks", "Esc", "screen.clear"),
            ("Focus the article list", "a", "screen.focus('#article-list')"),
            ("Focus the article text", "r", "screen.focus('#article-view')"),
            ("Focus the entity pane", "e", "screen.focus('#entity-tree')"),
            ("Select text (start/stop)", "v in the text", "screen.start_selecting"),
            ("Tag the selection or the annotation at the cursor", "t", "screen.annotate('tags')"),
            ("Note on the selection or the annotation at the cursor", "c", "screen.annotate('note')"),
            ("Highlight the selection", "m", "screen.highlight"),
            ("Delete the annotation at the cursor", "x", "screen.delete_annotation"),
            ("Undo", "u", "screen.undo"),
            ("Redo", "ctrl+r", "screen.redo"),
            ("Focus the annotations pane", "A", "screen.focus('#passages')"),
            ("Export annotations (native or W3C JSON)", "ctrl+e", "screen.export"),
            ("Focus the timeline pane", "L", "screen.focus('#timeline-list')"),
            ("Focus the cross-references pane", "X", "screen.focus('#xref-list')"),
            ("Add articles (text, Markdown or HTML files or folders)", "ctrl+o", "screen.add_articles"),
            ("Search every article", "ctrl+f", "screen.focus('#search-input')"),
            ("Show keys (help)", "?", "app.help"),
            ("Quit", "q", "app.quit"),
        ]
        for number, kind in enumerate(EntityType, start=1):
            action = f"screen.toggle_type('{kind.value}')"
            entries.append((f"Toggle {kind.label.lower()} highlighting", str(number), action))
        return entries

    def _run(self, action: str) -> Callable[[], object]:
        """A callback that runs an action string against the app."""
        return partial(self.app.run_action, action)

    async def discover(self) -> Hits:
        """Every action, before anything is typed."""
        for name, help_text, action in self._entries():
            yield DiscoveryHit(Content(name), self._run(action), text=name, help=literal(help_text))

    async def search(self, query: str) -> Hits:
        """Actions whose name matches the query."""
        matcher = self.matcher(query)
        for name, help_text, action in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, highlighted(matcher, name), self._run(action), text=name, help=literal(help_text)
                )


class TagCommands(_EntryCommands):
    """For every tag of the codebook: list its passages, rename, recolour, merge or delete it."""

    def _entries(self) -> list[Entry]:
        """(title, help, callback) for every tag."""
        from tui.ui.screens.annotating import AnnotatingScreen

        screen = self.screen
        if not isinstance(screen, AnnotatingScreen):
            return []
        counts = screen.store.tag_counts()
        entries: list[Entry] = []
        for tag in screen.store.tags():
            name = one_line(tag.name)
            entries.append(
                (
                    f"Passages tagged: {name}",
                    f"{counts.get(tag.name, 0)} passages",
                    partial(screen.show_tag, tag.name),
                )
            )
            for verb, action in (
                ("Rename", "rename"),
                ("Recolour", "recolour"),
                ("Merge", "merge"),
                ("Delete", "delete"),
            ):
                entries.append(
                    (
                        f"{verb} tag: {name}",
                        "everywhere at once",
                        partial(screen.tag_action, action, tag.name),
                    )
                )
        return entries
