"""The entity pane: the open article's entities grouped by type, and the chosen one's names."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from tui.core.models import Entity, EntitySummary, EntityType
from tui.core.safe_text import one_line
from tui.ui.labels import counted
from tui.ui.messages import EntityChosen, Report


class EntityTree(Tree[str]):
    """Types as branches, entities as leaves with their mention counts; leaf data is the entity id."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Mark", tooltip="Mark the entity's mentions in the text"),
        Binding("down,j", "cursor_down", "Next entity", show=False),
        Binding("up,k", "cursor_up", "Previous entity", show=False),
        Binding("home,g", "scroll_home", "First entity", show=False),
        Binding("end,G", "scroll_end", "Last entity", show=False),
    ]

    def __init__(self, label: Text, *, id: str | None = None) -> None:
        super().__init__(label, id=id)
        self._counts: dict[int, int] = {}  # node id: cells its count takes at the end of its label

    def show_summaries(self, summaries: list[EntitySummary]) -> None:
        """Rebuild the tree for one article's entities."""
        self.clear()
        self._counts = {}
        by_type: dict[EntityType, list[EntitySummary]] = {}
        for summary in summaries:
            by_type.setdefault(summary.type, []).append(summary)
        for entity_type in EntityType:
            group = by_type.get(entity_type, [])
            if not group:
                continue
            mentions = sum(len(s.mentions) for s in group)
            tally = f" ({len(group)} · {counted(mentions, 'mention')})"
            branch = self.root.add(Text(f"{entity_type.label}{tally}", style="bold"), expand=True)
            self._counts[branch.id] = len(tally)
            for summary in group:
                count = f" ×{len(summary.mentions)}"
                label = Text(one_line(summary.canonical))
                label.append(count, style="dim")
                self._counts[branch.add_leaf(label, data=summary.entity_id).id] = len(count)
        if summaries:
            self.cursor_line = 1  # the first entity, not its type's heading

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        """A label cut to the pane's width: the name ends in an ellipsis, its count always shows
        (the details below the tree give the chosen entity's whole name)."""
        label = super().render_label(node, base_style, style)
        if style.bgcolor is not None:  # the cursor's line: a dim count on its colour is unreadable
            label.stylize(Style(dim=False))
        counted = self._counts.get(node.id)
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        if counted is None or room <= 0 or label.cell_len <= room:
            return label
        name, count = label[: len(label) - counted], label[len(label) - counted :]
        name.truncate(max(1, room - count.cell_len), overflow="ellipsis")
        return Text.assemble(name, count)

    def select_entity(self, entity_id: str) -> None:
        """Move the cursor to an entity's leaf."""
        for branch in self.root.children:
            for leaf in branch.children:
                if leaf.data == entity_id:
                    self.move_cursor(leaf)
                    return


class EntityPane(Vertical):
    """The tree of entities and a details box for the chosen entity."""

    class Ready(Report):
        """The pane was mounted (after the first paint) and wants its content."""

    ALLOW_MAXIMIZE = True  # Ctrl+P Maximize fills the screen with the whole pane, not one list

    DEFAULT_CSS = """
    EntityPane {
        height: 1fr;
        & > EntityTree { height: 1fr; }
        & > #entity-details {
            height: auto;
            max-height: 12;
            padding: 0 1;
            border-top: solid $primary 40%;
            background: $boost;
        }
    }
    """

    def compose(self) -> ComposeResult:
        """The tree above the details."""
        tree = EntityTree(Text("Entities"), id="entity-tree")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree
        yield Static(Text("Choose an entity to mark its mentions.", style="dim"), id="entity-details")

    def on_mount(self) -> None:
        """Ask the screen for the open article's entities."""
        self.post_message(self.Ready())

    def show_summaries(self, summaries: list[EntitySummary] | None, article_open: bool = True) -> None:
        """Show an article's entities (None while extraction is still running)."""
        tree = self.query_one(EntityTree)
        details = self.query_one("#entity-details", Static)
        if summaries is None:
            tree.clear()
            details.update(Text("Finding entities…", style="dim italic"))
            return
        tree.show_summaries(summaries)
        if not article_open:
            hint = "No article open."
        elif summaries:
            hint = "Choose an entity to mark its mentions."
        else:
            hint = "No entities in this article."
        details.update(Text(hint, style="dim"))

    def show_details(self, entity: Entity, summary: EntitySummary | None) -> None:
        """Describe the chosen entity: type, canonical name, names used here, every known alias."""
        text = Text(one_line(entity.name), style="bold")
        text.append(f"\n{entity.type.value.capitalize()}", style="dim")
        if summary is not None:
            text.append(f" · {counted(len(summary.mentions), 'mention')} here", style="dim")
            text.append("\nHere as: ", style="bold")
            text.append(one_line("; ".join(summary.names)))
        aliases = list(dict.fromkeys(a.replace("'", "’") for a in entity.aliases if a != entity.name))
        if aliases:
            text.append("\nAliases: ", style="bold")
            text.append(one_line("; ".join(aliases[:40])))
        text.append("\nn/N: next/previous mention", style="dim")
        self.query_one("#entity-details", Static).update(text)
        self.query_one(EntityTree).select_entity(entity.id)

    @on(Tree.NodeSelected)
    def _chosen(self, event: Tree.NodeSelected[str]) -> None:
        """Enter or click on a leaf chooses the entity."""
        event.stop()
        if event.node.data:
            self.post_message(EntityChosen(event.node.data))
