"""Every message the widgets post, as small dataclasses; screens act on them.

Without generated equality (``eq=False``): a message is an event, equal only to itself and
hashable like any Textual message. Without a generated ``__repr__`` (``repr=False``): a message
shows its fields through Rich's repr protocol, as Textual's own messages do, and there are
fewer methods to generate at start-up (a millisecond and a half for these thirty).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.repr import Result
from textual.message import Message

from tui.core.models import EntityType, LoadProblem, Mention

if TYPE_CHECKING:
    from tui.core.adding.add import AddReport
    from tui.core.annotations.store import AnnotationStore
    from tui.core.corpus import Corpus
    from tui.core.corpus_index import CorpusIndex
    from tui.core.corpus_search import WordIndex
    from tui.core.entities.cache import MentionCache
    from tui.core.same_thing import SameThing


class Report(Message):
    """A message whose dataclass fields show in its repr (``ArticleChosen(article_id='001_…')``)."""

    def __rich_repr__(self) -> Result:
        """Each field and its value."""
        fields: dict[str, Any] = getattr(self, "__dataclass_fields__", {})
        for name in fields:
            yield name, getattr(self, name)


@dataclass(eq=False, repr=False)
class ArticleChosen(Report):
    """The user moved to (or picked) an article in the list."""

    article_id: str
    focus_reader: bool = False


@dataclass(eq=False, repr=False)
class EntityChosen(Report):
    """The user chose an entity in the entity pane or clicked one in the text."""

    entity_id: str


@dataclass(eq=False, repr=False)
class TypeToggled(Report):
    """The user toggled the highlighting of one entity type in the legend."""

    entity_type: EntityType


@dataclass(eq=False, repr=False)
class FindChanged(Report):
    """The find query changed (an empty query clears the matches)."""

    query: str


@dataclass(eq=False, repr=False)
class FindStep(Report):
    """Move to the next (+1) or previous (-1) find match."""

    step: int


@dataclass(eq=False, repr=False)
class FindClosed(Report):
    """The find bar was dismissed."""


@dataclass(eq=False, repr=False)
class MentionsReady(Report):
    """The background entity extraction finished for the corpus (with the cache it went through,
    to be saved once the corpus is indexed: writing it meanwhile would slow the indexing)."""

    mentions: dict[str, list[Mention]]
    titles: dict[str, list[Mention]]
    cache: MentionCache | None = None


@dataclass(eq=False, repr=False)
class SidePaneMounted(Report):
    """A side pane was mounted (they mount after the first paint) and wants its content."""


@dataclass(eq=False, repr=False)
class FirstFrameDrawn(Report):
    """The reader screen's first frame is on screen (start-up is over)."""


@dataclass(eq=False, repr=False)
class CursorMoved(Report):
    """The text cursor moved; ``selection`` is the selected span, if any."""

    offset: int
    selection: tuple[int, int] | None


@dataclass(eq=False, repr=False)
class AnnotationChosen(Report):
    """The user chose an annotation in the Annotations pane (open its article at the passage)."""

    annotation_id: str


@dataclass(eq=False, repr=False)
class TagChosen(Report):
    """The user chose a tag in the codebook (list every passage coded with it); None: back."""

    name: str | None


@dataclass(eq=False, repr=False)
class TagAction(Report):
    """The user asked to rename, recolour, merge or delete a tag from the codebook."""

    action: str
    name: str


@dataclass(eq=False, repr=False)
class StoreOpened(Report):
    """The annotation store finished opening in the background (``problem``: why it is read-only)."""

    store: AnnotationStore
    problem: str | None


@dataclass(eq=False, repr=False)
class IndexReady(Report):
    """The corpus's timeline and cross-reference indexes were built in the background."""

    index: CorpusIndex


@dataclass(eq=False, repr=False)
class EventChosen(Report):
    """The user chose an event (or a publication marker: ``article`` set) in the timeline pane."""

    index: int | None
    article: str | None = None


@dataclass(eq=False, repr=False)
class TimelineFilter(Report):
    """The user asked to filter the timeline: by "entity", by "tag", or "clear"."""

    by: str


@dataclass(eq=False, repr=False)
class XrefChosen(Report):
    """The user chose an entry in the cross-references pane: a mention, an entity or an article."""

    kind: str
    key: str
    start: int = 0
    end: int = 0


@dataclass(eq=False, repr=False)
class SameThingFound(Report):
    """What other articles say about a passage was found (in the background)."""

    article: str
    passage: tuple[int, int]
    found: SameThing


@dataclass(eq=False, repr=False)
class CompanyCounted(Report):
    """The entities named with one were counted (in the background)."""

    entity: str


@dataclass(eq=False, repr=False)
class ArticlesAdded(Report):
    """Adding articles finished: the report and the corpus read again (None and ``error`` if it failed)."""

    report: AddReport | None
    corpus: Corpus | None
    error: str = ""


@dataclass(eq=False, repr=False)
class SearchChanged(Report):
    """The corpus-wide search query changed."""

    query: str


@dataclass(eq=False, repr=False)
class SearchDone(Report):
    """A corpus-wide search finished (in the background): the articles' numbers, and how long it took."""

    query: str
    numbers: list[int]
    seconds: float


@dataclass(eq=False, repr=False)
class SearchChosen(Report):
    """An article was chosen among the search results."""

    article: str
    query: str


@dataclass(eq=False, repr=False)
class WordsIndexed(Report):
    """The corpus's word index was built (in the background)."""

    index: WordIndex


@dataclass(eq=False, repr=False)
class BuildProgress(Report):
    """The corpus is being worked out in the background: the stage, and how far it has come (0 to 1,
    None when not known)."""

    stage: str
    fraction: float | None = None


@dataclass(eq=False, repr=False)
class RelatedRanked(Report):
    """The articles related to one were ranked (in the background)."""

    article: str


@dataclass(eq=False, repr=False)
class CorpusLoaded(Report):
    """Every article of a corpus shown from its catalogue has been read (in the background)."""

    corpus: Corpus


@dataclass(eq=False, repr=False)
class ProblemsFound(Report):
    """Files read in the background could not be used, or only in part (the known-entities file)."""

    problems: list[LoadProblem]
