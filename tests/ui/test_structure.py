"""The UI's shape, as issue 13 drew it: one reader screen that inherits from Textual's Screen alone,
and full-width views and dialogs at most one level below a shared frame; no chain of screens."""

from __future__ import annotations

import importlib
import pkgutil

from textual.screen import Screen

import tui.ui
from tui.ui.screens.reader import ReaderScreen


def ui_screens() -> list[type[Screen[object]]]:
    """Every screen class the UI defines, from every module."""
    for module in pkgutil.walk_packages(tui.ui.__path__, "tui.ui."):
        importlib.import_module(module.name)
    found: list[type[Screen[object]]] = []
    pending: list[type[Screen[object]]] = [Screen]
    while pending:
        for kind in pending.pop().__subclasses__():
            pending.append(kind)
            if kind.__module__.startswith("tui.ui."):
                found.append(kind)
    return found


def test_the_reader_screen_is_built_on_textuals_screen_alone() -> None:
    assert ReaderScreen.__bases__ == (Screen,)


def test_no_screen_of_the_ui_is_more_than_one_level_below_another() -> None:
    screens = ui_screens()
    assert len(screens) >= 12  # the reader, five views, their frame, the dialogs and theirs
    chains = {
        kind.__qualname__: [k.__qualname__ for k in kind.__mro__[1:] if k in screens] for kind in screens
    }
    assert {name: chain for name, chain in chains.items() if len(chain) > 1} == {}
