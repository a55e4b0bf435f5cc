"""What every command needs: the workspace, its corpus and the entity engine."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from tui.cli.errors import CliError
from tui.core.workspace import Workspace, resolve_workspace

if TYPE_CHECKING:  # each is imported where it is first needed: opening the app needs none of them
    from tui.core.annotations.store import AnnotationStore
    from tui.core.attributes import AttributeDef
    from tui.core.corpus import Corpus
    from tui.core.corpus_index import CorpusIndex
    from tui.core.entities import EntityEngine, Gazetteer
    from tui.core.models import Article, LoadProblem, Mention

#: How many articles an ambiguous id prefix lists, so the message stays one readable line.
MAX_CANDIDATES = 8


def _shortened(title: str, width: int = 40) -> str:
    """A title cut to ``width`` characters, with an ellipsis when cut."""
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"


@dataclass
class Context:
    """Lazily loaded state for one CLI invocation."""

    workspace_arg: str | None

    @cached_property
    def workspace(self) -> Workspace:
        """The resolved workspace (created if missing)."""
        return resolve_workspace(self.workspace_arg)

    @cached_property
    def corpus(self) -> Corpus:
        """Every article of the workspace."""
        from tui.core.corpus import load_corpus

        return load_corpus(self.workspace.articles)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The workspace's known-entities file."""
        from tui.core.entities import load_gazetteer

        return load_gazetteer(self.workspace.entities_file)

    @cached_property
    def engine(self) -> EntityEngine:
        """The entity engine built from the known entities."""
        from tui.core.entities import EntityEngine

        return EntityEngine(self.gazetteer)

    @cached_property
    def mentions(self) -> dict[str, list[Mention]]:
        """Every article's entity mentions: from the workspace's cache where the texts are unchanged."""
        from tui.core.entities.cache import workspace_cache
        from tui.core.mentions import corpus_mentions

        cache = workspace_cache(self.workspace.cache, self.gazetteer)
        bodies, _ = corpus_mentions(self.corpus.articles, self.engine, cache)
        cache.save()
        return bodies

    @cached_property
    def index(self) -> CorpusIndex:
        """The corpus's timeline and cross-reference indexes (built once per command)."""
        from tui.core.corpus_index import CorpusIndex
        from tui.core.timeline.event_cache import workspace_event_cache

        events = workspace_event_cache(self.workspace.cache)
        index = CorpusIndex.build(self.corpus.articles, self.mentions, events)
        events.save()
        return index

    @property
    def problems(self) -> list[LoadProblem]:
        """Load problems of the corpus and of the known-entities file."""
        return [*self.corpus.problems, *self.gazetteer.problems]

    @cached_property
    def store(self) -> AnnotationStore:
        """The workspace's annotation store (a CliError if it cannot be read)."""
        from tui.core.annotations.store import AnnotationStore
        from tui.core.store import StoreError

        try:
            return AnnotationStore.open(self.workspace.annotations)
        except StoreError as error:
            raise CliError(f"annotation store {error}") from None

    def writable_store(self) -> AnnotationStore:
        """The store, or a CliError saying why it cannot be changed."""
        store = self.store
        if store.read_only:
            raise CliError(f"annotation store is read-only: {store.read_only}")
        return store

    @cached_property
    def attribute_definitions(self) -> dict[str, AttributeDef]:
        """Every article attribute by name: the front matter's, the built-in ones and the user's."""
        from tui.core.attributes import definitions

        return definitions(self.store.attribute_definitions())

    @cached_property
    def attribute_values(self) -> dict[str, dict[str, str]]:
        """Every article's attribute values (front matter and store), by article id."""
        from tui.core.attributes import values_by_article

        return values_by_article(self.corpus.articles, self.store.attribute_values())

    def where(self, filters: list[str] | None) -> set[str] | None:
        """The ids of the articles that pass every ``--where`` filter (None when there are none);
        a CliError names a filter that cannot be read."""
        if not filters:
            return None
        from tui.core.attributes import InvalidAttribute, filter_articles, parse_where

        try:
            conditions = [parse_where(text, self.attribute_definitions) for text in filters]
        except InvalidAttribute as error:
            raise CliError(f"--where: {error}") from None
        return {a.id for a in filter_articles(self.corpus.articles, conditions, self.attribute_values)}

    @property
    def articles(self) -> dict[str, Article]:
        """The corpus by article id."""
        return {article.id: article for article in self.corpus.articles}

    def article(self, key: str, missing: str = "no such article") -> Article:
        """The article with this id (or unique id prefix), or a CliError: ``missing`` when none
        matches, the candidates (id and title) when the prefix is ambiguous."""
        exact = self.corpus.get(key)
        if exact is not None:
            return exact
        matches = [article for article in self.corpus.articles if article.id.startswith(key)] if key else []
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise CliError(f"{key}: {missing} (try 'iranpak-reader list')")
        shown = "; ".join(f"{a.id} ({_shortened(a.title)})" for a in matches[:MAX_CANDIDATES])
        more = f"; and {len(matches) - MAX_CANDIDATES} more" if len(matches) > MAX_CANDIDATES else ""
        raise CliError(f"{key}: ambiguous id prefix, {len(matches)} articles match: {shown}{more}")

    def close(self) -> None:
        """Close the store if it was opened."""
        store = self.__dict__.get("store")
        if store is not None:
            store.close()
