"""Every message the widgets post, as small dataclasses; screens act on them.

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

from tui.core.models import EntityType, LoadProblem, Mention

if TYPE_CHECKING:
    from tui.core.adding.add import AddReport
    from tui.core.annotations.store import AnnotationStore
    from tui.core.corpus import Corpus
    from tui.core.corpus_index import CorpusIndex
    from tui.core.corpus_search import WordIndex
    from tui.core.entities.cache import MentionCache
    from tui.core.same_thing import SameThing

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


class ArticleChosen(Report):
    """The user moved to (or picked) an article in the list."""

    article_id: str
    focus_reader: bool = False


class EntityChosen(Report):
    """The user chose an entity in the entity pane or clicked one in the text."""

    entity_id: str


class TypeToggled(Report):
    """The user toggled the highlighting of one entity type in the legend."""

    entity_type: EntityType


class FindChanged(Report):
    """The find query changed (an empty query clears the matches)."""

    query: str


class FindStep(Report):
    """Move to the next (+1) or previous (-1) find match."""

    step: int


class FindClosed(Report):
    """The find bar was dismissed."""


class MentionsReady(Report):
    """The background entity extraction finished for the corpus (with the cache it went through,
    to be saved once the corpus is indexed: writing it meanwhile would slow the indexing)."""

    mentions: dict[str, list[Mention]]
    titles: dict[str, list[Mention]]
    cache: MentionCache | None = None


class SidePaneMounted(Report):
    """A side pane was mounted (they mount after the first paint) and wants its content."""


class FirstFrameDrawn(Report):
    """The reader screen's first frame is on screen (start-up is over)."""


class CursorMoved(Report):
    """The text cursor moved; ``selection`` is the selected span, if any."""

    offset: int
    selection: tuple[int, int] | None


class AnnotationChosen(Report):
    """The user chose an annotation in the Annotations pane (open its article at the passage)."""

    annotation_id: str


class TagChosen(Report):
    """The user chose a tag in the codebook (list every passage coded with it); None: back."""

    name: str | None


class TagAction(Report):
    """The user asked to rename, recolour, merge or delete a tag from the codebook."""

    action: str
    name: str


class StoreOpened(Report):
    """The annotation store finished opening in the background (``problem``: why it is read-only)."""

    store: AnnotationStore
    problem: str | None


class IndexReady(Report):
    """The corpus's timeline and cross-reference indexes were built in the background."""

    index: CorpusIndex


class EventChosen(Report):
    """The user chose an event (or a publication marker: ``article`` set) in the timeline pane."""

    index: int | None
    article: str | None = None


class TimelineFilter(Report):
    """The user asked to filter the timeline: by "entity", by "tag", or "clear"."""

    by: str


class XrefChosen(Report):
    """The user chose an entry in the cross-references pane: a mention, an entity or an article."""

    kind: str
    key: str
    start: int = 0
    end: int = 0


class SameThingFound(Report):
    """What other articles say about a passage was found (in the background)."""

    article: str
    passage: tuple[int, int]
    found: SameThing


class CompanyCounted(Report):
    """The entities named with one were counted (in the background)."""

    entity: str


class ArticlesAdded(Report):
    """Adding articles finished: the report and the corpus read again (None and ``error`` if it failed)."""

    report: AddReport | None
    corpus: Corpus | None
    error: str = ""


class SearchChanged(Report):
    """The corpus-wide search query changed."""

    query: str


class SearchDone(Report):
    """A corpus-wide search finished (in the background): the articles' numbers, and how long it took."""

    query: str
    numbers: list[int]
    seconds: float


class SearchChosen(Report):
    """An article was chosen among the search results."""

    article: str
    query: str


class WordsIndexed(Report):
    """The corpus's word index was built (in the background)."""

    index: WordIndex


class BuildProgress(Report):
    """The corpus is being worked out in the background: the stage, and how far it has come (0 to 1,
    None when not known)."""

    stage: str
    fraction: float | None = None


class RelatedRanked(Report):
    """The articles related to one were ranked (in the background)."""

    article: str


class CorpusLoaded(Report):
    """Every article of a corpus shown from its catalogue has been read (in the background)."""

    corpus: Corpus


class ProblemsFound(Report):
    """Files read in the background could not be used, or only in part (the known-entities file)."""

    problems: list[LoadProblem]


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
