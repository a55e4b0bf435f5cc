"""What every command needs: the workspace, its corpus and the entity engine."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from tui.core.corpus import Corpus, load_corpus
from tui.core.entities import EntityEngine, Gazetteer, load_gazetteer
from tui.core.models import LoadProblem
from tui.core.workspace import Workspace, resolve_workspace


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
        return load_corpus(self.workspace.articles)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The workspace's known-entities file."""
        return load_gazetteer(self.workspace.entities_file)

    @cached_property
    def engine(self) -> EntityEngine:
        """The entity engine built from the known entities."""
        return EntityEngine(self.gazetteer)

    @property
    def problems(self) -> list[LoadProblem]:
        """Load problems of the corpus and of the known-entities file."""
        return [*self.corpus.problems, *self.gazetteer.problems]
