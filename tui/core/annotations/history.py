"""Undo and redo for annotation changes: each step is a list of (before, after) pairs.

Creating an annotation is ``(None, new)``, deleting it ``(old, None)``, editing it
``(old, new)``; a tag rename is one step of many pairs. Undoing a step saves every
``before`` (deleting where it is None); redoing saves every ``after``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.annotations.model import Annotation

if TYPE_CHECKING:
    from tui.core.annotations.store import AnnotationStore

Change = tuple[Annotation | None, Annotation | None]


@dataclass
class History:
    """The undo and redo stacks of one session."""

    limit: int = 200
    _undo: list[tuple[str, list[Change]]] = field(default_factory=list)
    _redo: list[tuple[str, list[Change]]] = field(default_factory=list)

    def record(self, label: str, changes: list[Change]) -> None:
        """Remember a step just saved (a new step clears what could be redone)."""
        if changes:
            self._undo.append((label, changes))
            del self._undo[: -self.limit]
            self._redo.clear()

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone step to redo."""
        return bool(self._redo)

    def undo(self, store: AnnotationStore) -> str | None:
        """Undo the last step in ``store``; its label, or None if there is nothing to undo."""
        if not self._undo:
            return None
        label, changes = self._undo.pop()
        _apply(store, [(after, before) for before, after in reversed(changes)])
        self._redo.append((label, changes))
        return label

    def redo(self, store: AnnotationStore) -> str | None:
        """Redo the last undone step; its label, or None if there is nothing to redo."""
        if not self._redo:
            return None
        label, changes = self._redo.pop()
        _apply(store, changes)
        self._undo.append((label, changes))
        return label


def _apply(store: AnnotationStore, changes: list[Change]) -> None:
    """Make each ``after`` true: save it, or delete the ``before`` where ``after`` is None."""
    with store.transaction():
        saves = [after for _, after in changes if after is not None]
        deletes = [before.id for before, after in changes if after is None and before is not None]
        if deletes:
            store.delete(*deletes)
        if saves:
            store.save(*saves)
