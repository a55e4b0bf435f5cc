"""The tags used last, which the tag dialog lists first."""

from __future__ import annotations

from dataclasses import replace

from tui.core.annotations.model import Annotation, recent_tags

TEXT = "Iran and Pakistan agreed to raise bilateral trade to $10 billion, officials said in Islamabad."


def made(start: int, end: int, tags: tuple[str, ...], modified: str) -> Annotation:
    """An annotation of TEXT with its modified time set."""
    return replace(Annotation.create("a", TEXT, start, end, tags), modified=modified)


def test_newest_first_each_once_and_untagged_passages_ignored() -> None:
    annotations = [
        made(0, 4, ("trade", "diplomacy"), "2026-01-01T00:00:00Z"),
        made(9, 17, ("security",), "2026-01-03T00:00:00Z"),
        made(18, 24, (), "2026-01-04T00:00:00Z"),
        made(25, 32, ("trade",), "2026-01-02T00:00:00Z"),
    ]
    assert recent_tags(annotations) == ["security", "trade", "diplomacy"]
    assert recent_tags(annotations, limit=2) == ["security", "trade"]
    assert recent_tags([]) == []
