"""The Cross-references pane: where else an entity appears, what it appears with, and related articles.

Entries are plain text, drawn only when on screen (see :class:`~.line_list.LineList`), so an
entity named ten thousand times lists as quickly as a rare one. Enter on a mention or passage
opens its article with it selected; on an entity, chooses it; on a related article, opens it
(:class:`XrefChosen`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from tui.core.models import Mention
from tui.core.safe_text import one_line
from tui.core.same_thing import Passage, SameThing
from tui.core.xref import XrefIndex
from tui.ui.messages import XrefChosen
from tui.ui.widgets.line_list import LineList, Rows

#: One entry: its kind and what it stands for. Kinds: "heading" (text, style), "blank",
#: "mention" (article id, Mention), "passage" (Passage), "differs" (Passage here, Passage there),
#: "entity" (id, name, sentences), "article" (a ranking from :meth:`XrefIndex.related`).
Entry = tuple[str, Any]


@dataclass
class XrefView:
    """What the pane shows: an entity (id) to follow, the related articles, the selection elsewhere."""

    entity: str | None
    related: list[dict[str, Any]]
    elsewhere: SameThing | None = None
    searching: bool = False


class XrefRows(Rows):
    """The entries of the pane, each one line; mentions' sentences are looked up when drawn."""

    def __init__(self, index: XrefIndex, view: XrefView, titles: dict[str, str]) -> None:
        """Lay out the sections: the selection elsewhere, the entity and its company, related articles."""
        self._index, self._titles = index, titles
        entries: list[Entry] = []
        if view.searching:
            entries += [("heading", ("The selection, elsewhere: looking…", "bold")), ("blank", None)]
        elif view.elsewhere is not None:
            entries += _elsewhere(view.elsewhere)
        if view.entity is None:
            entries.append(
                ("heading", ("Choose an entity (e, Enter, or a click in the text) to follow it", "bold"))
            )
        else:
            entries += self._mentions(view.entity)
        entries.append(("blank", None))
        entries.append(("heading", ("Related articles (shared entities, rarest first)", "bold")))
        entries += [("article", item) for item in view.related]
        self.entries = entries

    def _mentions(self, entity: str) -> list[Entry]:
        """The entity's mentions under a heading per article, then the entities most often named with it."""
        found = self._index.mentions_of(entity)
        articles = len(self._index.documents(entity))
        name = one_line(self._index.name(entity))
        entries: list[Entry] = [
            ("heading", (f"{name}: {len(found):,} mentions in {articles:,} articles", "bold"))
        ]
        last = None
        append = entries.append
        for article, mention in found:
            if article != last:
                append(("heading", (f"  {one_line(self._titles.get(article, article))}", "italic")))
                last = article
            append(("mention", (article, mention)))
        company = self._index.co_mentioned(entity).most_common(8)
        if company:
            entries += [("blank", None), ("heading", ("Most often named with it", "bold"))]
            entries += [("entity", (key, self._index.name(key), count)) for key, count in company]
        return entries

    def __len__(self) -> int:
        """The number of entries."""
        return len(self.entries)

    def enabled(self, index: int) -> bool:
        """Headings and blank lines cannot be chosen."""
        return self.entries[index][0] not in ("heading", "blank")

    def lines(self, index: int) -> list[Text]:
        """One entry's line."""
        kind, value = self.entries[index]
        if kind == "heading":
            return [Text(value[0], value[1])]
        if kind == "blank":
            return [Text()]
        if kind == "mention":
            return [self._mention_line(*value)]
        if kind == "passage":
            return [_passage_line(value, self._titles)]
        if kind == "differs":
            return [_differs_line(value[0], value[1], self._titles)]
        if kind == "entity":
            _, name, count = value
            return [Text(f"  {one_line(name)} ({count} sentences)")]
        shared = ", ".join(one_line(s["name"]) for s in value["shared"][:5])
        line = Text(f"  {one_line(self._titles.get(value['article'], value['article']))}")
        line.append(f"  {value['score']:.1f} · {shared}", "dim")
        return [line]

    def _mention_line(self, article: str, mention: Mention) -> Text:
        """A mention's sentence, the mention in bold."""
        sentences = self._index.sentences
        start, _ = sentences.span(article, mention.start)
        sentence = sentences.text(article, mention.start)
        before = one_line(sentence[: max(0, mention.start - start)])
        line = Text("    ")
        line.append(before)
        line.append(one_line(mention.text), "bold")
        line.append(one_line(sentence[mention.end - start :]))
        return line

    def target(self, index: int) -> XrefChosen | None:
        """What choosing an entry does."""
        kind, value = self.entries[index]
        if kind == "mention":
            article, mention = value
            return XrefChosen("mention", article, mention.start, mention.end)
        if kind in ("passage", "differs"):
            passage: Passage = value if kind == "passage" else value[1]
            return XrefChosen("mention", passage.article, passage.start, passage.end)
        if kind == "entity":
            return XrefChosen("entity", value[0])
        if kind == "article":
            return XrefChosen("article", value["article"])
        return None


def _elsewhere(found: SameThing) -> list[Entry]:
    """The passages reporting the same thing, then the figures that differ, side by side."""
    entries: list[Entry] = [("heading", (f"The selection, elsewhere: {len(found.same):,} passages", "bold"))]
    entries += [("passage", passage) for passage in found.same]
    if found.disagreements:
        entries.append(("heading", ("Figures that differ", "bold")))
        entries += [("differs", pair) for pair in found.disagreements]
    entries.append(("blank", None))
    return entries


def _passage_line(passage: Passage, titles: dict[str, str]) -> Text:
    """A passage elsewhere: its article, why it matches, its sentence."""
    return Text.assemble(
        (f"  {one_line(titles.get(passage.article, passage.article))[:30]}: ", "italic"),
        (f"{passage.reason} · ", "dim"),
        one_line(passage.sentence),
    )


def _differs_line(mine: Passage, theirs: Passage, titles: dict[str, str]) -> Text:
    """A figure here against a different one elsewhere."""
    return Text.assemble(
        (f"  {one_line(mine.figure)} here  ≠  ", "bold"),
        f"{one_line(theirs.figure)} in {one_line(titles.get(theirs.article, theirs.article))[:30]}: ",
        (one_line(theirs.sentence), "dim"),
    )


class XrefList(LineList):
    """The cross-references."""


class XrefPane(Vertical):
    """One list: the selection elsewhere, the entity's mentions by article, its company, related articles."""

    def compose(self) -> ComposeResult:
        """The list."""
        yield XrefList(id="xref-list")

    def show(self, rows: XrefRows) -> None:
        """Show new entries."""
        self.query_one(XrefList).show(rows)

    @on(LineList.Selected, "#xref-list")
    def _chosen(self, message: LineList.Selected) -> None:
        """Report the choice."""
        message.stop()
        rows = message.line_list.rows
        if isinstance(rows, XrefRows):
            target = rows.target(message.index)
            if target is not None:
                self.post_message(target)
