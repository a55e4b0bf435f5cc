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
    ) -> None:
        """Fill the list: ``entity`` is (id, name); ``with_it`` (id, name, sentences); ``related`` ranked."""
        options: list[Option | None] = []
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


def _heading(text: str, style: str = "bold") -> Option:
    """A line that cannot be chosen."""
    return Option(Text(text, style=style, no_wrap=True, overflow="ellipsis"), disabled=True)
