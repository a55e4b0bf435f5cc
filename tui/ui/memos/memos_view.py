"""Every memo at full width: what each is about, who wrote it and when, and its first lines.
Enter on a memo opens it in the editor; the list shows it as saved when the editor closes."""

from __future__ import annotations

from rich.text import Text

from tui.core.annotations.memos import Memo
from tui.core.safe_text import clipped, one_line
from tui.ui.labels import counted
from tui.ui.memos.memo_actions import MemoHost, edit_memo
from tui.ui.memos.memo_editor import about_line
from tui.ui.messages import OpenPassage
from tui.ui.widgets.full_width import FullWidthView, ViewRows

#: How many lines of each memo the view shows under its heading.
SHOWN_LINES = 3


class MemoRows(ViewRows):
    """One entry per memo: a heading line, then the memo's first lines."""

    def __init__(self, memos: list[Memo], titles: dict[str, str]) -> None:
        """``memos`` in the store's order; ``titles`` the articles' titles by id, to name them."""
        self.memos = memos
        self._titles = titles

    def __len__(self) -> int:
        """One entry per memo (one line saying there are none, if none)."""
        return len(self.memos) or 1

    def enabled(self, index: int) -> bool:
        """Every memo can be opened; the line saying there are none cannot."""
        return bool(self.memos)

    def lines(self, index: int) -> list[Text]:
        """The heading (kind, what it is about, author and times) and the first lines of the text."""
        if not self.memos:
            return [Text("No memos yet: o on an article or a tag, or “Project memo” in Ctrl+P", "dim")]
        memo = self.memos[index]
        heading = Text.assemble(("✎ ", "bold"), (self.about(memo), "bold"), (f"  {about_line(memo)}", "dim"))
        text = [line.strip() for line in memo.text.splitlines() if line.strip()]
        shown = [Text("  " + clipped(line, 300)) for line in text[:SHOWN_LINES]]
        if len(text) > SHOWN_LINES:
            shown.append(Text(f"  … and {counted(len(text) - SHOWN_LINES, 'line')} more", "dim italic"))
        return [heading, *shown]

    def about(self, memo: Memo) -> str:
        """What a memo is about, an article by its title."""
        if memo.kind == "article":
            return f"article: {one_line(self._titles.get(memo.target, memo.target))}"
        return one_line(memo.label)


class MemosView(FullWidthView):
    """Every memo of the project, tags' and articles'; Enter edits the one under the cursor."""

    def __init__(self, host: MemoHost, titles: dict[str, str]) -> None:
        """The memos of ``host``'s store; ``titles`` the articles' titles by id."""
        self.host = host
        self.titles = titles
        super().__init__(self._rows())

    def _rows(self) -> MemoRows:
        """The memos as the store holds them now."""
        return MemoRows(self.host.store.memos(), self.titles)

    def title_line(self) -> Text:
        """How many memos there are."""
        memos = self.rows.memos if isinstance(self.rows, MemoRows) else []
        return Text.assemble(("Memos", "bold"), f": {counted(len(memos), 'memo')} · Enter edits one")

    def choose(self, index: int) -> OpenPassage | None:
        """Open the memo in the editor; the view stays, showing it as saved."""
        if isinstance(self.rows, MemoRows) and self.rows.memos:
            memo = self.rows.memos[index]
            about = f"“{self.titles.get(memo.target, memo.target)}”" if memo.kind == "article" else ""
            edit_memo(self.host, memo.kind, memo.target, after=self.refresh_memos, about=about)
        return None

    def refresh_memos(self) -> None:
        """Show the memos again, the cursor where it was."""
        self.show_rows(self._rows(), keep_cursor=True)
