"""Messages become dataclasses when the first of their kind is made, once, whichever thread makes it."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import threading
from typing import Any

from textual.message import Message

import tui.ui
from tui.ui import messages
from tui.ui.messages import Report


def ui_messages() -> list[type[Message]]:
    """Every message class the UI defines, nested in its widget or shared, from every module."""
    for module in pkgutil.walk_packages(tui.ui.__path__, "tui.ui."):
        importlib.import_module(module.name)
    found: list[type[Message]] = []
    pending: list[type[Message]] = [Message]
    while pending:
        for kind in pending.pop().__subclasses__():
            pending.append(kind)
            if kind.__module__.startswith("tui.ui.") and kind is not Report:
                found.append(kind)
    return found


def test_every_message_is_a_report_made_a_dataclass_on_first_use() -> None:
    kinds = ui_messages()
    assert len(kinds) >= 28
    assert [k.__qualname__ for k in kinds if not issubclass(k, Report)] == []
    made = messages.OpenPassage("a1", start=3, end=9)
    assert dataclasses.is_dataclass(made) and (made.start, made.end) == (3, 9)
    assert repr(made) == "OpenPassage(article='a1', start=3, end=9, find='')"
    assert made != messages.OpenPassage("a1", start=3, end=9)  # events: equal only to themselves
    assert made.handler_name == "on_open_passage"


def test_the_first_messages_of_a_kind_made_at_once_in_threads_are_all_whole() -> None:
    fields = {"stage": "str", "fraction": "float"}
    kind = type(
        "Fresh", (Report,), {"__annotations__": fields, "__module__": __name__}
    )  # nobody made one yet
    assert "__dataclass_fields__" not in kind.__dict__
    start = threading.Barrier(8)
    made: list[Any] = []

    def make(number: int) -> None:
        start.wait(5)
        made.append(kind(f"stage {number}", number / 8))

    threads = [threading.Thread(target=make, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sorted(m.stage for m in made) == [f"stage {n}" for n in range(8)]
    assert all(m.fraction == int(m.stage.split()[1]) / 8 for m in made)
