"""Cache files written entry by entry: valid JSON, atomic, nothing left behind on failure."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tui.core.cache_file import write_entries


@pytest.mark.parametrize("head", [{}, {"format": "x", "version": 2}])
@pytest.mark.parametrize("tail", [None, {}, {"records": [[1, "a"], [2, None]]}])
@pytest.mark.parametrize("entries", [[], [("a", [1, 2]), ('b"\n', 'text with "quotes"')]])
def test_the_file_is_the_json_of_head_entries_and_tail(
    tmp_path: Path, head: dict[str, object], tail: dict[str, object] | None, entries: list[tuple[str, object]]
) -> None:
    path = tmp_path / "deep" / "cache.json"
    write_entries(path, head, iter(entries), (lambda: tail) if tail is not None else None)
    assert orjson.loads(path.read_bytes()) == {**head, "entries": dict(entries), **(tail or {})}
    assert [p.name for p in path.parent.iterdir()] == ["cache.json"]


def test_a_failure_midway_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    path.write_bytes(b'{"old": true}')

    def failing() -> object:
        yield "a", 1
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_entries(path, {"format": "x"}, failing())  # type: ignore[arg-type]
    assert path.read_bytes() == b'{"old": true}'
    assert [p.name for p in tmp_path.iterdir()] == ["cache.json"]
