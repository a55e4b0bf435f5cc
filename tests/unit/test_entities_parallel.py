"""Extraction shared with a helper process gives the in-process result; the one-letter name X needs context."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from benchmarks.synthetic import synthetic_texts
from tests.unit.test_entities import TEXTS
from tui.core.entities import EntityEngine, channel, load_gazetteer, parallel
from tui.core.entities.gazetteer import builtin_gazetteer, merge_gazetteers, parse_entities
from tui.core.entities.scanner import fold
from tui.core.models import Mention

DATA = Path(__file__).resolve().parents[2] / "articles" / "entities.toml"
CORPUS = {
    **TEXTS,
    **synthetic_texts(40_000),
    "extra": "Interior Minister Mohsin Naqvi met the Korangi Association of Trade and Industry (KATI) team.",
}


@pytest.fixture(scope="module")
def engine() -> EntityEngine:
    return EntityEngine(load_gazetteer(DATA))


def outcome(engine: EntityEngine, texts: dict[str, str]) -> tuple[Any, ...]:
    """The mentions, and every entity and name lookup they lead to."""
    found = engine.extract_corpus(texts)
    ids = sorted({m.entity_id for mentions in found.values() for m in mentions})
    entities = {entity_id: engine.entity(entity_id) for entity_id in ids}
    names = sorted({m.text for mentions in found.values() for m in mentions})
    return found, list(found), entities, {name: engine.resolve(name) for name in names}


@pytest.fixture(scope="module")
def serial(engine: EntityEngine) -> tuple[Any, ...]:
    return outcome(engine, CORPUS)


@pytest.fixture
def shared(monkeypatch: pytest.MonkeyPatch) -> list[channel.Helper]:
    """Force sharing with small chunks; the list of the helpers started."""
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 5_000)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    started: list[channel.Helper] = []
    start = channel.Helper.__init__

    def record(self: channel.Helper, first: object) -> None:
        start(self, first)
        started.append(self)

    monkeypatch.setattr(channel.Helper, "__init__", record)
    return started


def gone(pid: int) -> bool:
    """Whether no process (not even an unreaped one) has this id."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_sharing_gives_the_in_process_result(
    engine: EntityEngine,
    serial: tuple[Any, ...],
    shared: list[channel.Helper],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    replies: list[str] = []
    receive = channel.Helper.receive

    def count(self: channel.Helper, timeout: float | None) -> Any:
        message = receive(self, timeout)
        if message is not None:
            replies.append(message[0])
        return message

    monkeypatch.setattr(channel.Helper, "receive", count)
    assert parallel.worth_it(CORPUS)
    result = outcome(engine, CORPUS)
    assert len(shared) == 1 and "found" in replies and "mentions" in replies
    assert result == serial
    assert all(type(m) is Mention for mentions in result[0].values() for m in mentions)
    assert engine.entity("person:mohsin-naqvi") == serial[2]["person:mohsin-naqvi"]
    assert gone(shared[0].pid)


def test_the_helper_takes_over_the_callers_last_chunks_with_the_same_result(
    engine: EntityEngine,
    serial: tuple[Any, ...],
    shared: list[channel.Helper],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shipped: list[int] = []
    here: list[int] = []
    send, take, finish = channel.Helper.send, parallel._Shared._take_mentions, parallel._Shared._finish

    def record(self: channel.Helper, message: Any) -> None:
        if message[0] == "finish-these":
            shipped.append(message[1])
        send(self, message)

    def finish_here(self: Any, chunk: int, *rest: Any) -> None:
        here.append(chunk)
        finish(self, chunk, *rest)

    def patiently(self: Any, waiting: set[int], timeout: float | None) -> None:
        """Wait for every reply due: the helper then has nothing left and is given more."""
        while waiting and not self._helper.dead:
            take(self, waiting, parallel.STALL_SECONDS)

    monkeypatch.setattr(channel.Helper, "send", record)
    monkeypatch.setattr(parallel._Shared, "_take_mentions", patiently)
    monkeypatch.setattr(parallel._Shared, "_finish", finish_here)
    assert outcome(engine, CORPUS) == serial
    assert shipped and here and not set(shipped) & set(here)


@pytest.mark.parametrize("kind", ["found", "mentions"])
def test_a_helper_that_dies_midway_leaves_the_result_whole(
    engine: EntityEngine,
    serial: tuple[Any, ...],
    shared: list[channel.Helper],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    receive = channel.Helper.receive

    def die_after_first(self: channel.Helper, timeout: float | None) -> Any:
        message = receive(self, timeout)
        if message is not None and message[0] == kind:
            os.kill(self.pid, 9)
        return message

    monkeypatch.setattr(channel.Helper, "receive", die_after_first)
    assert outcome(engine, CORPUS) == serial
    assert shared[0].dead and gone(shared[0].pid)


def test_a_helper_that_cannot_start_leaves_the_result_whole(
    engine: EntityEngine,
    serial: tuple[Any, ...],
    shared: list[channel.Helper],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(channel, "COMMAND", "raise SystemExit(1)")
    assert outcome(engine, CORPUS) == serial
    assert shared[0].dead and gone(shared[0].pid)


def test_small_corpus_stays_in_process() -> None:
    assert not parallel.worth_it(TEXTS)


def test_chunks_cover_the_texts_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 10)
    bounds = parallel._chunks(["a" * 4, "b" * 7, "c" * 30, "d", "e"])
    assert bounds == [(0, 2), (2, 3), (3, 5)]


#: "X" used as a name: of the platform, in the articles' own phrasing.
X_IN_CONTEXT = [
    "In a post on X, he said",
    "X (formerly Twitter)",
    "(X/@alilarijani_ir)",
    "on his X account",
    "X’s owner",
]


@pytest.mark.parametrize("text", X_IN_CONTEXT)
def test_the_platform_x_is_not_an_organisation(engine: EntityEngine, text: str) -> None:
    """Where a post was published is not an actor: X (Twitter) is no entity of the built-in list."""
    assert [m.entity_id for m in engine.extract(text) if m.start == text.index("X")] == []


@pytest.fixture(scope="module")
def engine_knowing_x() -> EntityEngine:
    """An engine whose workspace lists a one-letter name, as a user may (a brand, a code name)."""
    workspace = parse_entities('[[entity]]\nid = "x"\nname = "X"\ntype = "organisation"\n', "entities.toml")
    return EntityEngine(merge_gazetteers(builtin_gazetteer(), workspace))


@pytest.mark.parametrize("text", X_IN_CONTEXT)
def test_a_one_letter_name_in_context(engine_knowing_x: EntityEngine, text: str) -> None:
    found = engine_knowing_x.extract(text)
    assert [m.entity_id for m in found if m.start == text.index("X")] == ["org:x"]


@pytest.mark.parametrize(
    "text", ["An X-ray of the deal", "Malcolm X spoke", "Plan X failed", "X marks the spot"]
)
def test_a_bare_letter_is_not_the_name(engine_knowing_x: EntityEngine, text: str) -> None:
    assert [m.text for m in engine_knowing_x.extract(text) if m.entity_id == "org:x"] == []


def test_fold_keeps_offsets_and_the_scan_sees_every_boundary(engine: EntityEngine) -> None:
    text = "«Tehran» and “Islamabad”—Iran’s, café Tehran\nTehran"
    assert len(fold(text)) == len(text) + 1
    found = [(m.start, m.text) for m in engine.extract(text) if m.type.value == "place"]
    assert [t for _, t in found] == ["Tehran", "Islamabad", "Iran", "Tehran", "Tehran"]
    assert all(text[s : s + len(t)] == t for s, t in found)


@pytest.mark.parametrize("text", ["éTehran talks", "Tehranï talks", "ÅTehranß"])
def test_a_name_glued_to_a_non_ascii_letter_is_not_taken(engine: EntityEngine, text: str) -> None:
    assert [m.text for m in engine.extract(text) if m.entity_id == "place:tehran"] == []


def test_a_date_reaching_past_its_anchor_keeps_the_following_names(engine: EntityEngine) -> None:
    text = "On November 7, 2025 Tehran and Islamabad met; $10 billion Iran deal."
    found = [m.text for m in engine.extract(text)]
    assert "Tehran" in found and "Islamabad" in found and "Iran" in found


def test_progress_rises_to_the_end_shared_or_not(
    engine: EntityEngine, serial: tuple[Any, ...], shared: list[channel.Helper]
) -> None:
    for sharing in (True, False):
        seen: list[float] = []
        if not sharing:
            parallel.MIN_CHARS = 10**12  # the fixture's monkeypatch restores it
        found = engine.extract_corpus(CORPUS, progress=seen.append)
        assert found == serial[0]
        assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 2
    assert len(shared) == 1


def test_mentions_share_one_int_per_offset(engine: EntityEngine) -> None:
    """A large corpus keeps one int object per offset, not two per mention (see spans.offsets)."""
    pad = "x" * 1000  # offsets past the interpreter's own small-int cache
    found = engine.extract_corpus({"a": f"{pad} Tehran and Islamabad", "b": f"{pad} Tehran or Kabul"})
    first, second = found["a"][0], found["b"][0]
    assert first.start == second.start == 1001 and first.start is second.start
    assert first.end is second.end
