"""The entity engine: what the rest of the project calls to find entities in texts.

``EntityEngine(gazetteer)`` is cheap to create and cheap to import: the recogniser behind it
(the automaton, the date and amount readers, the helper process for large corpora) is
imported and built on first use, which the app does in a background worker after its first
paint. The app goes one step further and gives a function that reads the known-entities file
(:meth:`EntityEngine.reading`), so that file too is read on first use, off the first frame.
Known entities keep their data-file ids (``person:qalibaf``); people found through a
title or role get ``person:<slug of the name>`` and new acronym definitions
``org:<slug of the long name>``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.entities.gazetteer import Gazetteer, load_gazetteer
from tui.core.models import Entity, Mention

if TYPE_CHECKING:
    from tui.core.entities.cache import MentionCache
    from tui.core.entities.recogniser import Recogniser


class EntityEngine:
    """Recognises entities in article texts against a gazetteer of known entities."""

    def __init__(self, gazetteer: Gazetteer | Callable[[], Gazetteer]) -> None:
        """Keep the gazetteer, or a function giving it on first use; the recogniser is built on
        first use too."""
        self._gazetteer = gazetteer if isinstance(gazetteer, Gazetteer) else None
        self._read = None if isinstance(gazetteer, Gazetteer) else gazetteer
        self._lock = threading.Lock()  # the first use may come from a worker and the UI at once
        self._recogniser: Recogniser | None = None

    @classmethod
    def reading(cls, path: Path) -> EntityEngine:
        """An engine on the known-entities file at ``path``, read when the engine is first used."""
        return cls(lambda: load_gazetteer(path))

    @property
    def gazetteer(self) -> Gazetteer:
        """The known entities (and the problems met reading their file), read on first use."""
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    assert self._read is not None
                    self._gazetteer = self._read()
        return self._gazetteer

    def _ready(self) -> Recogniser:
        """The recogniser, imported and built on first use, once: it holds the names discovered in
        the texts, so a second one built by another thread at the same time would not know them."""
        if self._recogniser is None:
            gazetteer = self.gazetteer  # (its own lock first: the lock is not re-entrant)
            with self._lock:
                if self._recogniser is None:
                    from tui.core.entities.recogniser import Recogniser

                    self._recogniser = Recogniser(gazetteer)
        return self._recogniser

    def extract(self, text: str) -> list[Mention]:
        """All mentions in one text, sorted by start and non-overlapping."""
        return self._ready().extract(text)

    def extract_corpus(
        self,
        texts: dict[str, str],
        cache: MentionCache | None = None,
        progress: Callable[[float], None] | None = None,
    ) -> dict[str, list[Mention]]:
        """Mentions for every text, after discovering new people and acronyms across all of them.

        With a ``cache`` (see :mod:`.cache`), texts extracted before are not scanned again;
        ``progress`` is told how far the extraction has come (0 to 1) now and then.
        """
        return self._ready().extract_corpus(texts, cache, progress)

    def resolve(self, name: str) -> Entity | None:
        """The entity a name, alias or spelling variant refers to, including discovered ones."""
        return self._ready().resolve(name)

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with its full alias list: given, derived and found in the last texts."""
        return self._ready().entity(entity_id)
