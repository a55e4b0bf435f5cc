"""The key bar says what Enter does in the list that has the focus, first, at every width."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.ui.conftest import reader_ready, settle
from tui.ui.app import ReaderApp
from tui.ui.widgets.key_bar import KeyBar

AppFactory = Callable[..., ReaderApp]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_each_list_says_what_enter_does(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await reader_ready(pilot)
        said: dict[str, str] = {}
        for keys, name in [
            (("a",), "articles"),
            (("enter", "A"), "passages"),
            (("tab",), "codebook"),
            (("L",), "timeline"),
            (("X",), "xref"),
            (("E",), "entities"),
        ]:
            await pilot.press(*keys)
            await settle(pilot)
            said[name] = str(app.screen.query_one(KeyBar).render()).split("  ")[0].strip()
        assert said == {
            "articles": "⏎ Open",
            "passages": "⏎ Open",
            "codebook": "⏎ Passages",
            "timeline": "⏎ Open",
            "xref": "⏎ Jump",
            "entities": "⏎ Mark",
        }
