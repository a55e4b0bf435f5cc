"""The Cross-references pane: where else an entity appears, what it appears with, and related articles.

Entries are plain text, drawn only when on screen (see :class:`~.line_list.LineList`), so an
entity named ten thousand times lists as quickly as a rare one. Enter on a mention or passage
opens its article with it selected (:class:`OpenPassage`); on an entity, chooses it
(:class:`EntityChosen`); on a related article, opens it. The pane follows the entity and passage
the screen gives it, and its workers rank related articles, count company and look for the
selection elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.worker import Worker, get_current_worker

from tui.core.safe_text import clipped, one_line
from tui.core.same_thing import Passage, SameThing
from tui.core.xref import XrefIndex
from tui.ui.labels import counted
from tui.ui.messages import EntityChosen, OpenPassage, Report, report_failed_work
from tui.ui.state import ReaderState
from tui.ui.widgets.line_list import LineList, Rows
from tui.ui.xref.xref_rows import MentionEntries, MentionPlaces, Sections

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.core.corpus_index import CorpusIndex

#: How many related articles the pane lists.
RELATED = 30
#: How many of the entities most often named with the one followed it lists.
COMPANY = 8

#: One entry: its kind and what it stands for. Kinds: "heading" (text, style), "blank",
#: "title" (article id), "passage" (Passage), "differs" (Passage here, Passage there),
#: "entity" (id, name, sentences), "article" (a ranking from :meth:`XrefIndex.related`).
Entry = tuple[str, Any]
#: How much of a sentence a mention's line shows before the mention.
_BEFORE = 24


@dataclass
class XrefView:
    """What the pane shows: the entity (id) followed, the entities named with it (None while they
    are counted), the related articles, and the selection elsewhere (``searching`` while looked for)."""

    entity: str | None
    related: list[dict[str, Any]] | None  # None: still being ranked
    company: list[tuple[str, int]] | None = None
    elsewhere: SameThing | None = None
    searching: bool = False


class _Entries(Rows):
    """A section of the pane given entry by entry."""

    def __init__(self, index: XrefIndex, titles: dict[str, str], entries: list[Entry]) -> None:
        self._index, self._titles, self.entries = index, titles, entries

    def __len__(self) -> int:
        return len(self.entries)

    def enabled(self, index: int) -> bool:
        """Headings, titles and blank lines cannot be chosen."""
        return self.entries[index][0] not in ("heading", "blank", "title")

    def lines(self, index: int) -> list[Text]:
        """One entry's line."""
        kind, value = self.entries[index]
        if kind == "heading":
            return [Text(value[0], value[1])]
        if kind == "blank":
            return [Text()]
        if kind == "passage":
            return [_passage_line(value, self._titles)]
        if kind == "differs":
            return [_differs_line(value[0], value[1], self._titles)]
        if kind == "entity":
            return [Text(f"  {one_line(value[1])} ({counted(value[2], 'sentence')})")]
        shared = ", ".join(one_line(s["name"]) for s in value["shared"][:5])
        line = Text(f"  {one_line(self._titles.get(value['article'], value['article']))}")
        line.append(f"  {value['score']:.1f} · {shared}", "dim")
        return [line]

    def target(self, index: int) -> Message | None:
        """What choosing an entry does."""
        kind, value = self.entries[index]
        if kind in ("passage", "differs"):
            passage: Passage = value if kind == "passage" else value[1]
            return OpenPassage(passage.article, passage.start, passage.end)
        if kind == "entity":
            return EntityChosen(value[0])
        if kind == "article":
            return OpenPassage(value["article"])
        return None

    def kind(self, index: int) -> str:
        """What an entry is (see :data:`Entry`)."""
        return self.entries[index][0]


class _Mentions(MentionEntries):
    """An entity's mentions, one line each: per article naming it, its title, then its mentions
    (each sentence cut to keep the mention in view)."""

    def __init__(self, places: MentionPlaces, titles: dict[str, str]) -> None:
        super().__init__(places)
        self._titles = titles

    def lines(self, index: int) -> list[Text]:
        """An article's title, or a mention's sentence with the mention in bold."""
        found = self.in_sentence(index)
        if found is None:
            article = self.places.article(index)
            return [Text(f"  {one_line(self._titles.get(article, article))}", "italic")]
        mention, sentence, start = found
        before = one_line(sentence[: max(0, mention.start - start)])
        if len(before) > _BEFORE:  # keep the mention in view in a narrow pane
            before = "…" + before[-_BEFORE:].split(" ", 1)[-1]
        return [
            Text.assemble(
                "    ", before, (one_line(mention.text), "bold"), one_line(sentence[mention.end - start :])
            )
        ]


class XrefRows(Sections["_Entries | _Mentions"]):
    """The pane's sections one after the other: the selection elsewhere, the entity's mentions and
    company, the related articles. Every entry is one line."""

    def __init__(self, index: XrefIndex, view: XrefView, titles: dict[str, str]) -> None:
        """Lay out the sections."""
        top: list[Entry] = []
        if view.searching:
            top += [("heading", ("The selection, elsewhere: looking…", "bold")), ("blank", None)]
        elif view.elsewhere is not None:
            top += _elsewhere(view.elsewhere)
        sections: list[_Entries | _Mentions] = []
        if view.entity is None:
            top.append(("heading", ("Choose an entity to follow: E, Enter", "bold")))
            sections.append(_Entries(index, titles, top))
        else:
            places = MentionPlaces(index, view.entity)
            name = one_line(index.name(view.entity))
            summary = (
                f"{name}: {counted(places.mentions, 'mention')} in {counted(places.articles, 'article')}"
            )
            top.append(("heading", (summary, "bold")))
            sections += [_Entries(index, titles, top), _Mentions(places, titles)]
        rest: list[Entry] = [("blank", None)]
        if view.entity is not None:
            if view.company is None:
                rest.append(("heading", ("Most often named with it: counting…", "bold")))
            elif view.company:
                rest.append(("heading", ("Most often named with it", "bold")))
                rest += [("entity", (key, index.name(key), count)) for key, count in view.company]
            rest.append(("blank", None))
        if view.related is None:
            rest.append(("heading", ("Related articles: ranking…", "bold")))
        else:
            rest.append(("heading", ("Related articles (rarest shared first)", "bold")))
            rest += [("article", item) for item in view.related]
        sections.append(_Entries(index, titles, rest))
        super().__init__(sections)

    def target(self, index: int) -> Message | None:
        """What choosing an entry does."""
        section, at = self.find(index)
        return section.target(at)

    def kind(self, index: int) -> str:
        """What an entry is: "mention", "title", "heading", "blank", "passage", "entity", "article"..."""
        section, at = self.find(index)
        return section.kind(at)


def _elsewhere(found: SameThing) -> list[Entry]:
    """The passages reporting the same thing, then the figures that differ, side by side."""
    entries: list[Entry] = [
        ("heading", (f"The selection, elsewhere: {counted(len(found.same), 'passage')}", "bold"))
    ]
    entries += [("passage", passage) for passage in found.same]
    if found.disagreements:
        entries.append(("heading", ("Figures that differ", "bold")))
        entries += [("differs", pair) for pair in found.disagreements]
    entries.append(("blank", None))
    return entries


def _passage_line(passage: Passage, titles: dict[str, str]) -> Text:
    """A passage elsewhere: its article, why it matches, its sentence."""
    return Text.assemble(
        (f"  {clipped(titles.get(passage.article, passage.article), 30)}: ", "italic"),
        (f"{one_line(passage.reason)} · ", "dim"),  # a reason may quote a figure from the text
        one_line(passage.sentence),
    )


def _differs_line(mine: Passage, theirs: Passage, titles: dict[str, str]) -> Text:
    """A figure here against a different one elsewhere."""
    return Text.assemble(
        (f"  {one_line(mine.figure)} here  ≠  ", "bold"),
        f"{one_line(theirs.figure)} in {clipped(titles.get(theirs.article, theirs.article), 30)}: ",
        (one_line(theirs.sentence), "dim"),
    )


class XrefList(LineList):
    """The cross-references; s shows the selection elsewhere at full width."""

    BINDINGS = [
        Binding("enter", "choose", "Jump", tooltip="Open the mention, passage or article"),
        Binding("s", "same_passage", "Same passage", tooltip="The selection elsewhere, at full width"),
    ]

    class SamePassageAsked(Report):
        """The user asked for the selection elsewhere at full width."""

    def action_same_passage(self) -> None:
        """Ask the pane for the same-passage view."""
        self.post_message(self.SamePassageAsked())


class XrefPane(Vertical):
    """One list: the selection elsewhere, the entity's mentions by article, its company, related articles."""

    ALLOW_MAXIMIZE = True  # Ctrl+P Maximize fills the screen with the whole pane, not one list

    class RelatedRanked(Report):
        """The articles related to one were ranked (in the background)."""

        article: str

    class CompanyCounted(Report):
        """The entities named with one were counted (in the background)."""

        entity: str

    class SameThingFound(Report):
        """What other articles say about a passage was found (in the background)."""

        article: str
        passage: tuple[int, int]
        found: SameThing

    def __init__(self, state: ReaderState, *, id: str | None = None) -> None:
        """A pane over the reader's shared state."""
        super().__init__(id=id)
        self.state = state
        self.entity: str | None = None
        self.passage: tuple[int, int] | None = None
        self._elsewhere: SameThing | None = None

    def compose(self) -> ComposeResult:
        """The list."""
        yield XrefList(id="xref-list")

    def on_mount(self) -> None:
        """Fill the pane if the indexes are already built."""
        self.show_xref()

    def follow(self, entity: str | None, passage: tuple[int, int] | None) -> None:
        """Follow an entity and a passage of the open article (None: none); refill if either changed."""
        if (entity, passage) != (self.entity, self.passage):
            self.entity, self.passage = entity, passage
            self.show_xref()

    def show_xref(self) -> None:
        """Fill the pane for the entity, the open article and the passage (its search in a worker)."""
        index, article = self.state.index, self.state.article
        if index is None:
            return
        if self.passage is not None and article is not None:
            self._elsewhere = None
            self.same_thing_worker(index, article.id, *self.passage)
        self._fill()

    def _fill(self) -> None:
        """Lay out the pane from the indexes and the last search's result."""
        index, article = self.state.index, self.state.article
        if index is None:
            return
        xref = index.xref
        related = xref.ranked_already(article.id, limit=RELATED) if article else []
        if related is None and article is not None:
            self.related_worker(index, article.id)
        passage = self.passage is not None
        view = XrefView(self.entity, related, elsewhere=self._elsewhere if passage else None)
        view.searching = passage and self._elsewhere is None
        if self.entity is not None:
            counted = xref.counted_company(self.entity)
            if counted is None:
                self.company_worker(index, self.entity)
            else:
                view.company = counted.most_common(COMPANY)
        self.query_one(XrefList).show(XrefRows(xref, view, self.state.article_titles()))

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """A worker of this widget failed: the screen reports it."""
        report_failed_work(event)

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="related",
        description="ranking related articles",
    )
    def related_worker(self, index: CorpusIndex, article: str) -> None:
        """Rank the articles related to one (a thread: on a large corpus it reads thousands of postings)."""
        index.xref.related(article, limit=RELATED)
        if not get_current_worker().is_cancelled:
            self.post_message(self.RelatedRanked(article))

    @on(RelatedRanked)
    def _related_ranked(self, message: RelatedRanked) -> None:
        """Show the related articles, if the article is still open."""
        message.stop()
        if self.state.article is not None and self.state.article.id == message.article:
            self._fill()

    @work(thread=True, exit_on_error=False, exclusive=True, group="company", description="counting company")
    def company_worker(self, index: CorpusIndex, entity: str) -> None:
        """Count the entities named in the same sentences as one (a thread: it reads each article with it)."""
        index.xref.co_mentioned(entity)
        if not get_current_worker().is_cancelled:
            self.post_message(self.CompanyCounted(entity))

    @on(CompanyCounted)
    def _company_counted(self, message: CompanyCounted) -> None:
        """Show the entities named with the entity followed, if it still is."""
        message.stop()
        if message.entity == self.entity:
            self._fill()

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="same-thing",
        description="the same thing elsewhere",
    )
    def same_thing_worker(self, index: CorpusIndex, article: str, start: int, end: int) -> None:
        """Look for the passage's event, figures and wording elsewhere (a thread: it reads every sentence)."""
        from tui.core.same_thing import same_thing

        found = same_thing(index, article, start, end)
        if not get_current_worker().is_cancelled:
            self.post_message(self.SameThingFound(article, (start, end), found))

    @on(SameThingFound)
    def _same_thing_found(self, message: SameThingFound) -> None:
        """Show what the search found, if the passage is still the one followed."""
        message.stop()
        article = self.state.article
        if article is not None and (message.article, message.passage) == (article.id, self.passage):
            self._elsewhere = message.found
            self._fill()

    def full_view(self) -> Screen[OpenPassage | None] | None:
        """The entity followed at full width: every mention in its whole sentence, its company, the
        articles related to the open one."""
        from tui.ui.xref.xref_screen import CrossReferencesScreen

        index, article = self.state.index, self.state.article
        if index is None:
            self.notify("The cross-references are still being built")
            return None
        xref = index.xref
        related = xref.ranked_already(article.id, limit=RELATED) if article else []
        counted = xref.counted_company(self.entity) if self.entity is not None else None
        company = counted.most_common(COMPANY) if counted is not None else None
        titles, dates = self.state.article_titles(), self.state.article_dates()
        opened = article.id if article else None
        return CrossReferencesScreen(xref, self.entity, related, company, titles, dates, opened)

    @on(XrefList.SamePassageAsked)
    def _same_passage(self, message: XrefList.SamePassageAsked) -> None:
        """The selection elsewhere at full width, once its search is done."""
        from tui.ui.xref.same_passage_screen import SamePassageScreen

        message.stop()
        if self.passage is None:
            self.notify("Select a passage first (v in the text), or put the cursor in an annotation")
        elif self._elsewhere is None:
            self.notify("Still looking for the selection elsewhere")
        else:
            titles, dates = self.state.article_titles(), self.state.article_dates()
            self.app.push_screen(SamePassageScreen(self._elsewhere, titles, dates), self._open_chosen)

    def _open_chosen(self, chosen: OpenPassage | None) -> None:
        """Open what the view returned (nothing if it was left with Esc)."""
        if chosen is not None:
            self.post_message(chosen)

    @on(LineList.Selected, "#xref-list")
    def _chosen(self, message: LineList.Selected) -> None:
        """Open a mention, passage or article, or choose an entity."""
        message.stop()
        rows = message.line_list.rows
        if isinstance(rows, XrefRows):
            target = rows.target(message.index)
            if target is not None:
                self.post_message(target)
