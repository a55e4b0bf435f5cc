"""Messages become dataclasses when the first of their kind is made, once, whichever thread makes it."""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

from tui.ui import messages
from tui.ui.messages import Report


def test_every_message_is_a_report_made_a_dataclass_on_first_use() -> None:
    kinds = [
        k
        for k in vars(messages).values()
        if isinstance(k, type) and issubclass(k, Report) and k is not Report
    ]
    assert len(kinds) >= 28
    made = messages.XrefChosen("person:qalibaf", "a1", start=3, end=9)
    assert dataclasses.is_dataclass(made) and (made.start, made.end) == (3, 9)
    assert repr(made) == "XrefChosen(kind='person:qalibaf', key='a1', start=3, end=9)"
    assert made != messages.XrefChosen(
        "person:qalibaf", "a1", start=3, end=9
    )  # events: equal only to themselves
    assert made.handler_name == "on_xref_chosen"


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
