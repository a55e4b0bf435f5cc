"""Rows shared by the Cross-references pane and its full-width views.

:class:`MentionPlaces` lays an entity's mentions out as entries, a title per article then its
mentions, read from the index's postings only when an entry is drawn: an entity named 200,000
times lays out as fast as a rare one. :class:`Sections` joins several :class:`Rows` into one, as
the pane and the views stack their sections. :func:`article_line` and :func:`marked` draw an
article's title with its date and a sentence with a part in bold, as data (never markup).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import accumulate
from typing import Generic, TypeVar

from rich.text import Text

from tui.core.models import Mention
from tui.core.safe_text import one_line
from tui.core.xref import XrefIndex
from tui.ui.labels import date_label
from tui.ui.messages import OpenPassage
from tui.ui.widgets.line_list import Rows

#: The kind of rows a :class:`Sections` joins.
R = TypeVar("R", bound=Rows)

#: What choosing an entry does: open a passage or an article, follow an entity (its id), nothing.
Target = OpenPassage | str | None


class MentionPlaces:
    """An entity's mentions as entries: per article naming it, one title entry then one entry per
    mention, in corpus order. Nothing is copied from the postings."""

    def __init__(self, index: XrefIndex, entity: str) -> None:
        """Lay out ``entity``'s mentions (an entity the corpus does not name has none)."""
        self.index = index
        self.postings = index.postings(entity)
        #: Where each article's title entry sits.
        self._titled = [k + first for k, first in enumerate(self.postings.firsts)]

    def __len__(self) -> int:
        """Title entries and mention entries together."""
        return len(self.postings.documents) + len(self.postings.packed)

    @property
    def mentions(self) -> int:
        """How many mentions there are."""
        return len(self.postings.packed)

    @property
    def articles(self) -> int:
        """How many articles name the entity."""
        return len(self.postings.documents)

    def place(self, at: int) -> tuple[int, int | None]:
        """For entry ``at``: its article's place among the articles, and its posting (None: the title)."""
        k = bisect_right(self._titled, at) - 1
        offset = at - self._titled[k]
        return k, None if offset == 0 else self.postings.firsts[k] + offset - 1

    def article(self, at: int) -> str:
        """The id of the article entry ``at`` belongs to."""
        return self.index.article_id(self.postings.documents[self.place(at)[0]])

    def mentions_in(self, at: int) -> int:
        """How many mentions the article of entry ``at`` holds."""
        k = self.place(at)[0]
        following = self.postings.firsts[k + 1] if k + 1 < len(self._titled) else len(self.postings.packed)
        return following - self.postings.firsts[k]

    def mention(self, at: int) -> tuple[str, Mention] | None:
        """Entry ``at``'s (article id, mention), or None for a title entry."""
        posting = self.place(at)[1]
        return None if posting is None else self.index.mention(self.postings.packed[posting])


class MentionEntries(Rows):
    """An entity's mentions as list entries, laid out by :class:`MentionPlaces`: a title entry per
    article (it cannot be chosen), then its mentions, each opening its passage. Subclasses draw them."""

    def __init__(self, places: MentionPlaces) -> None:
        """Entries for the mentions ``places`` lays out."""
        self.places = places

    def __len__(self) -> int:
        """Title entries and mentions."""
        return len(self.places)

    def enabled(self, index: int) -> bool:
        """Only mentions can be chosen."""
        return self.places.place(index)[1] is not None

    def kind(self, index: int) -> str:
        """ "title" or "mention"."""
        return "title" if self.places.place(index)[1] is None else "mention"

    def in_sentence(self, index: int) -> tuple[Mention, str, int] | None:
        """Entry ``index``'s mention, its whole sentence and where that starts (None for a title)."""
        found = self.places.mention(index)
        if found is None:
            return None
        article, mention = found
        sentences = self.places.index.sentences
        start, _ = sentences.span(article, mention.start)
        return mention, sentences.text(article, mention.start), start

    def target(self, index: int) -> OpenPassage | None:
        """A mention opens its passage."""
        found = self.places.mention(index)
        return None if found is None else OpenPassage(found[0], found[1].start, found[1].end)


class EntryRows(Rows):
    """Entries given in full: each one's lines and what choosing it does (None: it cannot be chosen)."""

    def __init__(self, entries: list[tuple[list[Text], Target]]) -> None:
        """The entries, in order."""
        self.entries = entries

    def __len__(self) -> int:
        """The number of entries."""
        return len(self.entries)

    def lines(self, index: int) -> list[Text]:
        """One entry's lines."""
        return self.entries[index][0]

    def enabled(self, index: int) -> bool:
        """Entries with somewhere to go."""
        return self.entries[index][1] is not None

    def target(self, index: int) -> Target:
        """What choosing the entry does."""
        return self.entries[index][1]


class Sections(Rows, Generic[R]):
    """Several rows shown one after the other as one."""

    def __init__(self, sections: Sequence[R]) -> None:
        """Join ``sections`` in order."""
        self.sections = list(sections)
        self._starts = [0, *accumulate(len(section) for section in self.sections)]

    def __len__(self) -> int:
        """Every section's entries."""
        return self._starts[-1]

    def find(self, index: int) -> tuple[R, int]:
        """The section holding entry ``index``, and the entry's place in it."""
        number = bisect_right(self._starts, index) - 1
        return self.sections[number], index - self._starts[number]

    def heights(self) -> list[int] | None:
        """Every entry's number of lines (None if each has one)."""
        parts = [section.heights() for section in self.sections]
        if all(part is None for part in parts):
            return None
        return [
            h for part, section in zip(parts, self.sections, strict=True) for h in part or [1] * len(section)
        ]

    def lines(self, index: int) -> list[Text]:
        """One entry's lines."""
        section, at = self.find(index)
        return section.lines(at)

    def enabled(self, index: int) -> bool:
        """Whether the section lets the cursor stop on the entry."""
        section, at = self.find(index)
        return section.enabled(at)


def article_line(
    article: str, titles: Mapping[str, str], published: Mapping[str, date | None], style: str = "bold"
) -> Text:
    """An article's title (its id if it has none) and publication date."""
    title = one_line(titles.get(article) or article)
    return Text.assemble((title, style), (f" · {date_label(published.get(article))}", "dim"))


def marked(sentence: str, start: int, end: int, indent: str = "") -> Text:
    """A sentence on one line with ``sentence[start:end]`` in bold (nothing marked if it is empty)."""
    start, end = max(0, min(start, len(sentence))), max(0, min(end, len(sentence)))
    end = max(start, end)
    return Text.assemble(
        indent,
        one_line(sentence[:start]),
        (one_line(sentence[start:end]), "bold underline"),
        one_line(sentence[end:]),
    )
