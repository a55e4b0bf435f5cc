"""The annotation store guarded: no failure of the store can stop the app.

A read that fails (the store went bad while the app runs: another process, a disk, a hand edit)
makes annotations read-only and reads on from an empty store; a change that fails raises a
StoreError naming the file, which the caller shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.annotations.store import AnnotationStore
    from tui.core.store import StoreError

#: The store's methods that only read: when one fails, the screen goes read-only and reads on.
_READS = frozenset(
    {"annotations", "get", "counts_by_article", "tags", "tag", "tag_counts", "signature", "memo", "memos"}
    | {"attribute_definitions", "attribute_values"}
)


def unusable(path: Path | None, error: Exception) -> StoreError:
    """A StoreError for a store that failed with something other than a StoreError."""
    from tui.core.store import StoreError

    return StoreError(path or Path("annotations"), f"cannot be used ({type(error).__name__}: {error})")


class GuardedStore:
    """The annotation store as the screen uses it: no failure of the store can stop the app.

    The store can go bad while the app runs (another process, a disk, a hand edit): the first read
    that fails, with a StoreError or anything else (a record the store let through but that cannot
    be used), is reported to ``failed``, which puts the screen in read-only mode and gives the store
    to read from instead; every later read through this guard goes there at once, so a caller that
    holds the guard for several reads (an export, an undo) reports the failure once, not per read.
    A failing change raises a StoreError naming the file, which the caller shows.
    """

    def __init__(self, store: AnnotationStore, failed: Callable[[Exception], AnnotationStore]) -> None:
        """Guard ``store``; ``failed`` is told of a failing read and returns the store to read instead."""
        self.guarded = store
        self._failed = failed
        self._fallback: AnnotationStore | None = None

    def __getattr__(self, name: str) -> Any:
        """The store's attribute; its methods (bar ``transaction``) guarded."""
        if self._fallback is not None and name in _READS:
            return getattr(self._fallback, name)
        attribute = getattr(self.guarded, name)
        if not callable(attribute) or name == "transaction":
            return attribute

        def guarded(*args: Any, **kwargs: Any) -> Any:
            """Call the store's method; a failure is reported, and a read is made on the fallback."""
            from tui.core.annotations.history import StaleStep
            from tui.core.annotations.model import InvalidAnnotation
            from tui.core.annotations.tag_tree import TagTreeError
            from tui.core.attributes import InvalidAttribute
            from tui.core.store import StoreError

            try:
                return attribute(*args, **kwargs)
            except (StaleStep, InvalidAnnotation, InvalidAttribute, TagTreeError):
                raise  # a change refused (over another process's change, or as given): the store is fine
            except StoreError as error:
                problem = error
            except Exception as error:  # a document the store let through and that cannot be used
                problem = unusable(self.guarded.path, error)
            if name not in _READS:
                raise problem
            if self._fallback is None:
                self._fallback = self._failed(problem)
            return getattr(self._fallback, name)(*args, **kwargs)

        return guarded
