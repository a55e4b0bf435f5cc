"""The hand-labelled development set is well formed: every label sits on its text, every value is
one the scorer can compare, and the set covers outlets on both sides (see tests/data/devset)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"
FILES = sorted(DEVSET.glob("*.json"))
TYPES = {"person", "organisation", "place"}
SIDES = {"pakistan", "iran", "international"}


def load(path: Path) -> dict[str, Any]:
    """One labelled article."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_label_sits_on_its_text(path: Path) -> None:
    article = load(path)
    for key in ("id", "outlet", "side", "url", "title", "published", "text"):
        assert isinstance(article.get(key), str) and article[key], key
    assert article["id"] == path.stem and article["side"] in SIDES
    assert article["url"].startswith("https://")
    published = date.fromisoformat(article["published"])
    text = article["text"]
    for kind in ("entities", "dates", "amounts"):
        for label in article[kind]:
            assert text[label["start"] : label["end"]] == label["text"], (kind, label)
    spans = sorted((e["start"], e["end"]) for e in article["entities"])
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))
    for entity in article["entities"]:
        assert entity["type"] in TYPES and entity["entity"].strip(), entity
    for found in article["dates"]:
        first, last = date.fromisoformat(found["value"]["start"]), date.fromisoformat(found["value"]["end"])
        assert first <= last and first.year >= 1947 and last.year <= published.year + 10, found
    for amount in article["amounts"]:
        assert amount["value"] > 0 and amount["currency"].isupper() and len(amount["currency"]) == 3, amount


def test_the_set_is_large_enough_and_from_both_sides() -> None:
    articles = [load(path) for path in FILES]
    assert len(articles) >= 25
    sides = Counter(article["side"] for article in articles)
    assert sides["pakistan"] >= 6 and sides["iran"] >= 6
    assert len({article["outlet"] for article in articles}) >= 8


def test_one_entity_has_one_type() -> None:
    types: dict[str, set[str]] = {}
    for path in FILES:
        for entity in load(path)["entities"]:
            types.setdefault(entity["entity"], set()).add(entity["type"])
    assert {name: kinds for name, kinds in types.items() if len(kinds) > 1} == {}
