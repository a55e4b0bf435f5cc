"""The Cross-references at full width: an entity's mentions in whole sentences, its company, related articles.

:class:`CrossReferencesScreen` is built from the cross-reference index and what the pane shows
(:class:`~tui.ui.xref.xref_pane.XrefView`'s entity, company and related articles), with the
articles' titles and dates. Every entry is wrapped to the width, so every sentence and every
shared entity can be read in full. Enter on a mention opens it, on a related article opens the
article (the screen is dismissed with an :class:`~tui.ui.messages.OpenPassage`); Enter on an
entity of the company follows that entity instead, without leaving the view; Esc goes back (None).
Mentions are read from the index's postings only when drawn (:class:`~.xref_rows.MentionPlaces`),
so an entity named 200,000 times opens as fast as a rare one.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from rich.text import Text
from textual import on, work
from textual.worker import get_current_worker

from tui.core.safe_text import one_line
from tui.core.xref import XrefIndex
from tui.ui.labels import counted
from tui.ui.messages import OpenPassage, Report
from tui.ui.widgets.full_width import FullWidthView
from tui.ui.xref.xref_rows import (
    EntryRows,
    MentionEntries,
    MentionPlaces,
    Sections,
    Target,
    article_line,
    marked,
)

#: How many of the entities most often named with a re-centred entity are listed.
COMPANY = 8
#: How many related articles are ranked when the view has to rank them itself.
RELATED = 30


class MentionRows(MentionEntries):
    """An entity's mentions: per article, its title, date and count, then each mention's whole sentence."""

    def __init__(
        self, places: MentionPlaces, titles: Mapping[str, str], published: Mapping[str, date | None]
    ):
        """Mentions laid out by ``places``, titled from ``titles`` and ``published``."""
        super().__init__(places)
        self._titles, self._published = titles, published

    def lines(self, index: int) -> list[Text]:
        """A title (after a blank line) with its count, or a mention's sentence with the mention marked."""
        found = self.in_sentence(index)
        if found is None:
            count = self.places.mentions_in(index)
            title = article_line(self.places.article(index), self._titles, self._published)
            title.append(f" · {counted(count, 'mention')}", "dim")
            return [Text(), title]
        mention, sentence, start = found
        return [marked(sentence, mention.start - start, mention.end - start, "  ")]


class CrossReferencesScreen(FullWidthView):
    """The Cross-references pane at full width, every sentence wrapped in full."""

    class Counted(Report):
        """The entities named with the followed one were counted (in the background)."""

        entity: str

    class Ranked(Report):
        """The related articles were ranked (in the background), as :meth:`XrefIndex.related` gives them."""

        related: list[dict[str, Any]]

    def __init__(
        self,
        index: XrefIndex,
        entity: str | None,
        related: list[dict[str, Any]] | None,
        company: list[tuple[str, int]] | None,
        titles: Mapping[str, str],
        published: Mapping[str, date | None],
        article: str | None = None,
    ) -> None:
        """The view of ``entity`` (None: none chosen yet), with the entities named with it (None: to
        be counted here) and the articles related to the open ``article`` (None: to be ranked here,
        if the article is given)."""
        self.sections: Sections[MentionRows | EntryRows] = Sections([])
        super().__init__(self.sections)
        self.index, self.titles, self.published = index, titles, published
        self.entity, self.related, self.company, self.article = entity, related, company, article
        self._places: MentionPlaces | None = None  # the followed entity's mentions, once laid out

    def on_mount(self) -> None:
        """Fill the view, counting or ranking in the background what is not known yet."""
        if self.related is None and self.article is not None:
            self._rank(self.article)
        self.follow(self.entity, self.company)

    def follow(self, entity: str | None, company: list[tuple[str, int]] | None = None) -> None:
        """Show ``entity``'s mentions and company (counted in the background if not given or known)."""
        self.entity = entity
        if entity is not None and company is None:
            found = self.index.counted_company(entity)
            if found is None:
                self._count(entity)
            else:
                company = self._top(found.items())
        self.company = None if company is None else self._top(company)
        self._show(keep_cursor=False)

    def _top(self, counts: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
        """The entities most often named with the followed one, ties by name: the same list at every run
        (a counter's ties come in the order of sets, which changes from run to run)."""
        return heapq.nsmallest(
            COMPANY, counts, key=lambda item: (-item[1], self.index.name(item[0]).casefold(), item[0])
        )

    def _show(self, keep_cursor: bool) -> None:
        """Lay the sections out again (the cursor stays where it was when ``keep_cursor``)."""
        sections: list[MentionRows | EntryRows] = []
        self._places = None
        if self.entity is not None:
            self._places = MentionPlaces(self.index, self.entity)
            sections.append(MentionRows(self._places, self.titles, self.published))
            sections.append(EntryRows(self._company_entries()))
        sections.append(EntryRows(self._related_entries()))
        self.sections = Sections(sections)
        self.show_rows(self.sections, keep_cursor)

    def title_line(self) -> Text:
        """The entity followed and how many mentions in how many articles (or that there is none)."""
        title = Text("Cross-references", "bold")
        if self.entity is None:
            title.append(
                ": no entity chosen (choose one in the text or the entity pane, then open this view)"
            )
        elif self._places is not None:
            places = self._places
            title.append(f" · {one_line(self.index.name(self.entity))}: ", "bold")
            title.append(f"{counted(places.mentions, 'mention')} in {counted(places.articles, 'article')}")
        return title

    def _company_entries(self) -> list[tuple[list[Text], Target]]:
        """The entities most often named in the same sentences as the one followed."""
        heading = [Text(), Text("Most often named with it (Enter follows one)", "bold")]
        if self.company is None:
            return [([*heading[:1], Text("Most often named with it: counting…", "bold")], None)]
        if not self.company:
            return [([*heading[:1], Text("Named with no other entity in the same sentence", "bold")], None)]
        entries: list[tuple[list[Text], Target]] = [(heading, None)]
        for key, count in self.company:
            line = Text.assemble(
                f"  {one_line(self.index.name(key))}", (f" · {counted(count, 'sentence')} together", "dim")
            )
            entries.append(([line], key))
        return entries

    def _related_entries(self) -> list[tuple[list[Text], Target]]:
        """The articles related to the open one, each with every entity they share."""
        if self.related is None:
            return [([Text(), Text("Related articles: ranking…", "bold")], None)]
        if not self.related:
            return [
                ([Text(), Text("Related articles: none (no article open, or nothing shared)", "bold")], None)
            ]
        heading = Text("Related articles (shared entities, rarest first)", "bold")
        entries: list[tuple[list[Text], Target]] = [([Text(), heading], None)]
        for item in self.related:
            title = article_line(item["article"], self.titles, self.published)
            title.append(f" · score {item['score']:.1f}", "dim")
            shared = ", ".join(one_line(entity["name"]) for entity in item["shared"])
            entries.append(
                ([title, Text.assemble(("  shares: ", "dim"), shared)], OpenPassage(item["article"]))
            )
        return entries

    def choose(self, index: int) -> OpenPassage | None:
        """A mention or an article opens (leaving the view); an entity is followed (staying)."""
        section, at = self.sections.find(index)
        target = section.target(at)
        if isinstance(target, str):
            self.follow(target)
            return None
        return target

    @work(
        thread=True, exit_on_error=False, exclusive=True, group="xref-company", description="counting company"
    )
    def _count(self, entity: str) -> None:
        """Count the entities named with ``entity`` (a thread: it reads every article naming it)."""
        self.index.co_mentioned(entity)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Counted(entity))

    @on(Counted)
    def _counted(self, message: Counted) -> None:
        """Show the company, if the entity is still the one followed."""
        message.stop()
        found = self.index.counted_company(message.entity)
        if message.entity == self.entity and found is not None:
            self.company = self._top(found.items())
            self._show(keep_cursor=True)

    @work(
        thread=True, exit_on_error=False, exclusive=True, group="xref-related", description="ranking articles"
    )
    def _rank(self, article: str) -> None:
        """Rank the articles related to ``article`` (a thread: it reads thousands of postings)."""
        related = self.index.related(article, limit=RELATED)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Ranked(related))

    @on(Ranked)
    def _ranked(self, message: Ranked) -> None:
        """Show the related articles."""
        message.stop()
        self.related = message.related
        self._show(keep_cursor=True)
