"""The Cross-references pane: where else an entity appears, what it appears with, and related articles.

Entries are plain text. Enter on a mention opens its article with the mention selected; on an
entity, chooses it; on a related article, opens it (:class:`XrefChosen`).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.safe_text import one_line
from tui.core.same_thing import SameThing
from tui.core.xref import Occurrence
from tui.ui.messages import XrefChosen


class XrefList(OptionList):
    """The cross-references, each entry on one line cut to the width."""

    DEFAULT_CSS = """
    XrefList { text-wrap: nowrap; text-overflow: ellipsis; height: 1fr; }
    """


class XrefPane(Vertical):
    """One list: the entity's mentions by article, the entities named with it, related articles."""

    def compose(self) -> ComposeResult:
        """The list."""
        yield XrefList(id="xref-list")

    def show(
        self,
        entity: tuple[str, str] | None,
        found: list[Occurrence],
        with_it: list[tuple[str, str, int]],
        related: list[dict[str, Any]],
        titles: dict[str, str],
        elsewhere: SameThing | None = None,
    ) -> None:
        """Fill the list: ``entity`` is (id, name); ``with_it`` (id, name, sentences); ``related`` ranked.

        ``elsewhere``: what other articles say about the selected passage, listed first.
        """
        options: list[Option | None] = []
        if elsewhere is not None:
            options.extend(_elsewhere(elsewhere, titles))
        if entity is None:
            options.append(_heading("Choose an entity (e, Enter, or a click in the text) to follow it"))
        else:
            articles = sorted({o.article for o in found})
            options.append(
                _heading(f"{one_line(entity[1])}: {len(found)} mentions in {len(articles)} articles")
            )
            for article in articles:
                options.append(_heading(f"  {one_line(titles.get(article, article))}", "italic"))
                for o in (o for o in found if o.article == article):
                    line = Text(no_wrap=True, overflow="ellipsis")
                    line.append(f"    {one_line(o.sentence)}")
                    options.append(Option(line, id=f"m\x00{o.article}\x00{o.start}\x00{o.end}"))
            if with_it:
                options.append(None)
                options.append(_heading("Most often named with it"))
                for key, name, count in with_it:
                    options.append(Option(Text(f"  {one_line(name)} ({count} sentences)"), id=f"e\x00{key}"))
        options.append(None)
        options.append(_heading("Related articles (shared entities, rarest first)"))
        for item in related:
            shared = ", ".join(one_line(s["name"]) for s in item["shared"][:5])
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(f"  {one_line(titles.get(item['article'], item['article']))}")
            line.append(f"  {item['score']:.1f} · {shared}", "dim")
            options.append(Option(line, id=f"a\x00{item['article']}"))
        listing = self.query_one(XrefList)
        listing.clear_options()
        listing.add_options(options)

    @on(OptionList.OptionSelected, "#xref-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Report the choice."""
        event.stop()
        parts = (event.option.id or "").split("\x00")
        if parts[0] == "m":
            self.post_message(XrefChosen("mention", parts[1], int(parts[2]), int(parts[3])))
        elif parts[0] in ("e", "a"):
            self.post_message(XrefChosen("entity" if parts[0] == "e" else "article", parts[1]))


def _elsewhere(found: SameThing, titles: dict[str, str]) -> list[Option | None]:
    """The passages reporting the same thing, then the figures that differ, side by side."""
    options: list[Option | None] = [_heading(f"The selection, elsewhere: {len(found.same)} passages")]
    for passage in found.same:
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f"  {one_line(titles.get(passage.article, passage.article))[:30]}: ", "italic")
        line.append(f"{passage.reason} · ", "dim")
        line.append(one_line(passage.sentence))
        options.append(Option(line, id=f"m\x00{passage.article}\x00{passage.start}\x00{passage.end}"))
    if found.disagreements:
        options.append(_heading("Figures that differ"))
        for mine, theirs in found.disagreements:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(f"  {one_line(mine.figure)} here  ≠  ", "bold")
            line.append(
                f"{one_line(theirs.figure)} in {one_line(titles.get(theirs.article, theirs.article))[:30]}: "
            )
            line.append(one_line(theirs.sentence), "dim")
            options.append(Option(line, id=f"m\x00{theirs.article}\x00{theirs.start}\x00{theirs.end}"))
    options.append(None)
    return options


def _heading(text: str, style: str = "bold") -> Option:
    """A line that cannot be chosen."""
    return Option(Text(text, style=style, no_wrap=True, overflow="ellipsis"), disabled=True)
