"""The cache of each article's events: the same timeline as without it, rebuilt for what changed, never trusted."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.conftest import ARTICLES
from tui.core.corpus import Corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.mentions import corpus_mentions
from tui.core.models import Article, Mention
from tui.core.timeline import build as build_module
from tui.core.timeline.build import build_timeline
from tui.core.timeline.event_cache import EventCache, workspace_event_cache


@pytest.fixture(scope="module")
def mentions(corpus: Corpus) -> dict[str, list[Mention]]:
    """The bundled articles' mentions."""
    return corpus_mentions(corpus.articles, EntityEngine(load_gazetteer(ARTICLES / "entities.toml")))[0]


@pytest.fixture(params=["memory", "file"])
def cache_folder(request: pytest.FixtureRequest, tmp_path: Path) -> Path | None:
    """The cache in memory, or in a folder."""
    return None if request.param == "memory" else tmp_path / "cache"


class Counting:
    """Counts the articles whose events are worked out rather than taken from the cache."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.articles: list[str] = []
        real = build_module.article_events

        def counted(article: str, *rest: Any) -> Any:
            self.articles.append(article)
            return real(article, *rest)

        monkeypatch.setattr(build_module, "article_events", counted)


def timeline_json(
    articles: list[Article], mentions: dict[str, list[Mention]], cache: EventCache | None
) -> bytes:
    """The timeline as the command line prints it."""
    return orjson.dumps(build_timeline(articles, mentions, cache=cache).as_json())


def reopen(cache: EventCache, folder: Path | None) -> EventCache:
    """The cache as the next run sees it: saved and read again (the same object in memory)."""
    cache.save()
    return cache if folder is None else workspace_event_cache(folder)


def test_cached_events_give_the_timeline_built_without_them(
    corpus: Corpus,
    mentions: dict[str, list[Mention]],
    cache_folder: Path | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain = timeline_json(corpus.articles, mentions, None)
    cache = EventCache(cache_folder)
    assert timeline_json(corpus.articles, mentions, cache) == plain
    counting = Counting(monkeypatch)
    cache = reopen(cache, cache_folder)
    assert timeline_json(corpus.articles, mentions, cache) == plain
    assert counting.articles == []  # every article's events came from the cache
    assert timeline_json(corpus.articles, mentions, cache) == plain  # merging did not change what is kept


def test_only_a_changed_article_is_worked_out_again(
    corpus: Corpus,
    mentions: dict[str, list[Mention]],
    cache_folder: Path | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = EventCache(cache_folder)
    build_timeline(corpus.articles, mentions, cache=cache)
    cache = reopen(cache, cache_folder)
    first, second, third = corpus.articles[:3]
    assert first.published is not None
    moved = replace(first, published=first.published + timedelta(days=3))  # relative dates move with it
    edited = replace(second, text=second.text + "\n\nOn Monday, Iran and Pakistan met again.")
    fewer = {**mentions, third.id: mentions[third.id][1:]}  # another recogniser finds less
    articles = [moved, edited, *corpus.articles[2:]]
    expected = timeline_json(articles, fewer, None)
    counting = Counting(monkeypatch)
    assert timeline_json(articles, fewer, cache) == expected
    assert sorted(counting.articles) == sorted([first.id, second.id, third.id])


def test_a_damaged_or_hand_edited_cache_is_not_trusted(
    corpus: Corpus, mentions: dict[str, list[Mention]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    plain = timeline_json(corpus.articles, mentions, None)
    cache = EventCache(folder)
    build_timeline(corpus.articles, mentions, cache=cache)
    cache.save()
    assert cache.path is not None
    data = orjson.loads(cache.path.read_bytes())
    entries = {key: orjson.loads(text) for key, text in data["entries"].items()}
    keys = [key for key, rows in entries.items() if rows]
    damage = [
        lambda row: row.__setitem__(8, 10**9),  # a sentence beyond the text
        lambda row: row.__setitem__(2, "fortnight"),  # no such precision
        lambda row: row.__setitem__(0, "2025-02-30"),  # no such day
        lambda row: row.__setitem__(5, ["person:nobody"]),  # an actor that does not take part
        lambda row: row.__setitem__(6, [{"text": 1}]),  # a figure of the wrong shape
        lambda row: row.pop(),  # a field missing
    ]
    for key, spoil in zip(keys, damage, strict=False):
        spoil(entries[key][0])
        data["entries"][key] = orjson.dumps(entries[key]).decode()
    cache.path.write_bytes(orjson.dumps(data))
    counting = Counting(monkeypatch)
    assert timeline_json(corpus.articles, mentions, workspace_event_cache(folder)) == plain
    assert len(counting.articles) == min(len(keys), len(damage))
    spoiled = [{**data, "entries": {key: spoil for key in data["entries"]}} for spoil in ("[{", 7, [[1]])]
    for garbage in (b"{ not json", b"[]", orjson.dumps({**data, "version": 99}), *map(orjson.dumps, spoiled)):
        cache.path.write_bytes(garbage)
        assert timeline_json(corpus.articles, mentions, workspace_event_cache(folder)) == plain


def test_an_unwritable_cache_folder_is_reported_not_raised(
    corpus: Corpus, mentions: dict[str, list[Mention]], tmp_path: Path
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    cache = EventCache(blocker)
    build_timeline(corpus.articles, mentions, cache=cache)
    cache.save()
    assert cache.problem is not None and str(blocker) in cache.problem
