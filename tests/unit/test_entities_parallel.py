"""The worker-process path gives the in-process result; the one-letter name X needs context."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_entities import TEXTS
from tui.core.entities import EntityEngine, load_gazetteer, parallel
from tui.core.entities.scanner import fold

DATA = Path(__file__).resolve().parents[2] / "articles" / "entities.toml"


@pytest.fixture(scope="module")
def engine() -> EntityEngine:
    return EntityEngine(load_gazetteer(DATA))


def test_worker_processes_give_the_in_process_result(
    engine: EntityEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = {
        **TEXTS,
        "extra": "Interior Minister Mohsin Naqvi met the Statutory Regulatory Order (SRO) team.",
    }
    serial = engine.extract_corpus(texts)
    naqvi = engine.entity("person:mohsin-naqvi")
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 5_000)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    assert parallel.worth_it(texts)
    assert engine.extract_corpus(texts) == serial
    assert engine.entity("person:mohsin-naqvi") == naqvi


def test_small_corpus_stays_in_process() -> None:
    assert not parallel.worth_it(TEXTS)


@pytest.mark.parametrize(
    "text",
    [
        "In a post on X, he said",
        "X (formerly Twitter)",
        "(X/@alilarijani_ir)",
        "on his X account",
        "X’s owner",
    ],
)
def test_x_the_platform_in_context(engine: EntityEngine, text: str) -> None:
    assert [m.entity_id for m in engine.extract(text) if m.start == text.index("X")] == ["org:x"]


@pytest.mark.parametrize(
    "text", ["An X-ray of the deal", "Malcolm X spoke", "Plan X failed", "X marks the spot"]
)
def test_a_bare_x_is_not_the_platform(engine: EntityEngine, text: str) -> None:
    assert [m.text for m in engine.extract(text) if m.entity_id == "org:x"] == []


def test_fold_keeps_offsets_and_the_scan_sees_every_boundary(engine: EntityEngine) -> None:
    text = "«Tehran» and “Islamabad”—Iran’s, café Tehran\nTehran"
    assert len(fold(text)) == len(text) + 1
    found = [(m.start, m.text) for m in engine.extract(text) if m.type.value == "place"]
    assert [t for _, t in found] == ["Tehran", "Islamabad", "Iran", "Tehran", "Tehran"]
    assert all(text[s : s + len(t)] == t for s, t in found)
