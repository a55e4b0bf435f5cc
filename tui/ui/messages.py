"""The messages that cross features (opening a passage, choosing an entity, background progress
and failures), and :class:`Report`, which every message of the UI is, shared here or nested in
the widget that posts it.

Each message declares its fields as a dataclass does, on :class:`Report`, which makes the class
a dataclass (``eq=False, repr=False``) when the first message of that kind is made. Generating
thirty ``__init__`` methods at import cost four milliseconds of every start-up, and most kinds
of message are never sent in a session. Type checkers see each one as the dataclass it becomes
(PEP 681, ``dataclass_transform``).

Without generated equality: a message is an event, equal only to itself and hashable like any
Textual message. Without a generated ``__repr__``: a message shows its fields through Rich's
repr protocol, as Textual's own messages do.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, dataclass_transform

from rich.repr import Result
from textual.message import Message
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    pass

_MAKING = threading.Lock()  # workers post messages too: a class is made a dataclass once


@dataclass_transform(eq_default=False)
class Report(Message):
    """A message whose fields are declared as a dataclass's, shown in its repr
    (``ArticleChosen(article_id='001_…', focus_reader=False)``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """The first message of its kind: make its class a dataclass, then initialise it."""
        kind = type(self)
        with _MAKING:
            if "__dataclass_fields__" not in kind.__dict__:
                dataclass(eq=False, repr=False)(kind)  # adds the kind's own __init__, used from now on
        kind.__init__(self, *args, **kwargs)

    def __rich_repr__(self) -> Result:
        """Each field and its value."""
        fields: dict[str, Any] = getattr(self, "__dataclass_fields__", {})
        for name in fields:
            yield name, getattr(self, name)


class OpenPassage(Report):
    """Open an article, with a passage selected when ``start`` and ``end`` are given, or with the find
    bar on ``find``: how every pane and full-width view goes to what the user chose."""

    article: str
    start: int | None = None
    end: int | None = None
    find: str = ""


class EntityChosen(Report):
    """The user chose an entity in the entity pane or clicked one in the text."""

    entity_id: str


class FirstFrameDrawn(Report):
    """The reader screen's first frame is on screen (start-up is over)."""


class BuildProgress(Report):
    """The corpus is being worked out in the background: the stage, and how far it has come (0 to 1,
    None when not known)."""

    stage: str
    fraction: float | None = None


class WorkFailed(Report):
    """A feature's background work failed (its workers do not stop the app): what it was doing, its
    worker group, and the error, for the screen to report in one line."""

    what: str
    group: str
    error: BaseException


def report_failed_work(event: Worker.StateChanged) -> None:
    """Pass a failed worker on to the screen as :class:`WorkFailed` (Textual's own state message does
    not bubble): each widget that owns workers calls this from its ``Worker.StateChanged`` handler."""
    worker, error = event.worker, event.worker.error
    if event.state is WorkerState.ERROR and error is not None:
        worker.node.post_message(WorkFailed(worker.description or worker.name, worker.group, error))
