"""Collecting the app's key bindings, by where they apply, for the help screen."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from tui.ui.annotations.annotation_pane import Codebook
from tui.ui.annotations.matrix_screen import MatrixScreen
from tui.ui.annotations.segments_screen import SegmentsScreen
from tui.ui.annotations.tag_dialog import TagDialog, TagFilter
from tui.ui.bound_actions import class_bindings
from tui.ui.charts.chart_screen import ChartScreen
from tui.ui.dialogs.tag_picker import TagPickerDialog
from tui.ui.reader.article_list import ArticleList
from tui.ui.reader.article_view import ArticleView
from tui.ui.reader.entity_pane import EntityTree
from tui.ui.reader.find_bar import FindInput
from tui.ui.screens.reader import ReaderScreen
from tui.ui.timeline.timeline_pane import TimelineList
from tui.ui.widgets.full_width import FullWidthView, ViewList
from tui.ui.xref.same_passage_screen import SamePassageScreen
from tui.ui.xref.xref_pane import XrefList

SECTIONS: list[tuple[str, type[DOMNode]]] = [
    ("Everywhere", App),
    ("Reader, annotations, timeline, cross-references, adding and searching", ReaderScreen),
    ("Article list", ArticleList),
    ("Article text: cursor and selection", ArticleView),
    ("Entity pane", EntityTree),
    ("Codebook (Annotations pane)", Codebook),
    ("Timeline pane", TimelineList),
    ("Cross-references pane", XrefList),
    ("Full-width views (z, S, s)", FullWidthView),
    ("Full-width views: the list", ViewList),
    ("Same passage elsewhere (s in the Cross-references pane)", SamePassageScreen),
    ("Coded segments (S)", SegmentsScreen),
    ("Code matrix (H)", MatrixScreen),
    ("Chart over time (Ctrl+G)", ChartScreen),
    ("Tag dialog", TagDialog),
    ("Tag dialog: the field a tag is typed in", TagFilter),
    ("Tag picker (merge, rename, the Timeline's T, coded segments' t)", TagPickerDialog),
    ("Find bar", FindInput),
]


def key_sections(app: App[object]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each section's bindings as (keys, description) rows, keys sharing an action joined."""
    sections = []
    for title, node_class in SECTIONS:
        source: type[DOMNode] = type(app) if node_class is App else node_class
        rows = _rows(source)
        if node_class is App:
            rows.append(("Tab / Shift+Tab", "Next / previous pane"))
        sections.append((title, rows))
    return sections


def _rows(node_class: type[DOMNode]) -> list[tuple[str, str]]:
    """The described bindings of one class, in declaration order, grouped by action: those this app
    declares, not the ones every Textual widget has (scrolling sideways, editing a field, Tab)."""
    ours = _declared_here(node_class)
    return [(bound.keys_label, bound.title) for bound in class_bindings(node_class) if bound.action in ours]


def _declared_here(node_class: type[DOMNode]) -> set[str]:
    """The actions bound by the app's own classes among ``node_class`` and its bases."""
    actions: set[str] = set()
    for cls in node_class.__mro__:
        if cls.__module__.startswith("tui."):
            for binding in cls.__dict__.get("BINDINGS", []):
                actions.add(binding.action if isinstance(binding, Binding) else binding[1])
    return actions
