"""Undo and redo: each step is a :class:`Changes`, every record it touched before and after.

Creating an annotation is ``(None, new)``, deleting it ``(old, None)``, editing it ``(old, new)``,
and tags the same way. A tag rename is one step: every annotation it retagged, the old tag
deleted and the new one made, so undoing it brings back the tag with its colour and
description. The store's operations return the step they did (see :class:`AnnotationStore`);
undoing a step makes every ``before`` true again in one save, redoing makes every ``after`` true.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.annotations.memos import Memo
from tui.core.annotations.model import Annotation, Tag
from tui.core.attributes import AttributeDef, AttributeValue

if TYPE_CHECKING:
    from tui.core.annotations.store import AnnotationStore

Change = tuple[Annotation | None, Annotation | None]
TagChange = tuple[Tag | None, Tag | None]
MemoChange = tuple[Memo | None, Memo | None]
DefinitionChange = tuple[AttributeDef | None, AttributeDef | None]
ValueChange = tuple[AttributeValue | None, AttributeValue | None]


@dataclass(frozen=True, slots=True)
class Changes:
    """One user-level change: each annotation, tag, memo, attribute definition and article
    attribute value as it was before and after it."""

    annotations: tuple[Change, ...] = ()
    tags: tuple[TagChange, ...] = ()
    memos: tuple[MemoChange, ...] = ()
    attributes: tuple[DefinitionChange, ...] = ()
    values: tuple[ValueChange, ...] = ()

    def __bool__(self) -> bool:
        """Whether anything changed."""
        return bool(self.annotations or self.tags or self.memos or self.attributes or self.values)

    def inverse(self) -> Changes:
        """The change that undoes this one."""
        return Changes(
            tuple((after, before) for before, after in reversed(self.annotations)),
            tuple((after, before) for before, after in reversed(self.tags)),
            tuple((after, before) for before, after in reversed(self.memos)),
            tuple((after, before) for before, after in reversed(self.attributes)),
            tuple((after, before) for before, after in reversed(self.values)),
        )


class StaleStep(Exception):
    """An undo or redo refused because what it would overwrite was changed since (by another process)."""


@dataclass
class History:
    """The undo and redo stacks of one session."""

    limit: int = 200
    _undo: list[tuple[str, Changes]] = field(default_factory=list)
    _redo: list[tuple[str, Changes]] = field(default_factory=list)

    def record(self, label: str, changes: Changes) -> None:
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
        """Undo the last step in ``store``; its label, or None if there is nothing to undo.

        A save that fails (a StoreError) leaves the step where it was, to be tried again. A step
        whose annotations or tags were changed since by another window or the CLI is dropped with
        :class:`StaleStep`, rather than undone over their work.
        """
        if not self._undo:
            return None
        label, changes = self._undo[-1]
        self._apply(store, label, changes.inverse(), self._undo)
        self._redo.append(self._undo.pop())
        return label

    def redo(self, store: AnnotationStore) -> str | None:
        """Redo the last undone step; its label, or None if there is nothing to redo."""
        if not self._redo:
            return None
        label, changes = self._redo[-1]
        self._apply(store, label, changes, self._redo)
        self._undo.append(self._redo.pop())
        return label

    @staticmethod
    def _apply(
        store: AnnotationStore, label: str, changes: Changes, stack: list[tuple[str, Changes]]
    ) -> None:
        """Apply ``changes`` if the store still holds every ``before`` of them; else drop the step."""
        try:
            store.apply(changes, expect_before=True)
        except StaleStep as error:
            stack.pop()
            raise StaleStep(f"cannot undo or redo {label!r}: {error}; the step was dropped") from None
