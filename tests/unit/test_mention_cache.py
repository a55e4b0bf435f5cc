"""The mention cache: the same mentions as a fresh extraction, rebuilt for what changed, never trusted."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import orjson
import pytest

from tests.conftest import ARTICLES
from tui.core.corpus import Corpus
from tui.core.entities import EntityEngine, Gazetteer, load_gazetteer
from tui.core.entities import recogniser as recogniser_module
from tui.core.entities.cache import MentionCache, _pack, _unpack, engine_fingerprint, workspace_cache
from tui.core.mentions import corpus_mentions
from tui.core.models import Article, Entity, EntityType


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The bundled known entities."""
    return load_gazetteer(ARTICLES / "entities.toml")


@pytest.fixture(params=["memory", "file"])
def cache_folder(request: pytest.FixtureRequest, tmp_path: Path) -> Path | None:
    """The cache in memory, or in a folder."""
    return None if request.param == "memory" else tmp_path / "cache"


def fresh(articles: list[Article], gazetteer: Gazetteer) -> object:
    """What extraction without a cache gives."""
    return corpus_mentions(articles, EntityEngine(gazetteer))


def reopen(cache: MentionCache, folder: Path | None, gazetteer: Gazetteer) -> MentionCache:
    """The cache as the next run sees it: saved and read again (the same object in memory)."""
    cache.save()
    if folder is None:
        return cache
    return workspace_cache(folder, gazetteer)


class Counting:
    """Counts the texts pass 1 scans."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts = 0
        real = recogniser_module.first_pass

        def counted(matcher: object, texts: list[str]) -> object:
            self.texts += len(texts)
            return real(matcher, texts)  # type: ignore[arg-type]

        monkeypatch.setattr(recogniser_module, "first_pass", counted)


def test_cached_mentions_are_those_of_a_fresh_extraction(
    corpus: Corpus, gazetteer: Gazetteer, cache_folder: Path | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = MentionCache(cache_folder, engine_fingerprint(gazetteer))
    first = corpus_mentions(corpus.articles, EntityEngine(gazetteer), cache)
    assert first == fresh(corpus.articles, gazetteer)
    again = reopen(cache, cache_folder, gazetteer)
    counting = Counting(monkeypatch)
    assert corpus_mentions(corpus.articles, EntityEngine(gazetteer), again) == first
    assert counting.texts == 0  # nothing was scanned


def test_only_a_changed_article_is_scanned_again(
    corpus: Corpus, gazetteer: Gazetteer, cache_folder: Path | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = MentionCache(cache_folder, engine_fingerprint(gazetteer))
    corpus_mentions(corpus.articles, EntityEngine(gazetteer), cache)
    cache = reopen(cache, cache_folder, gazetteer)
    changed = [*corpus.articles]
    changed[2] = replace(changed[2], text=changed[2].text + "\n\nShehbaz Sharif met Ali Larijani in Lahore.")
    counting = Counting(monkeypatch)
    found = corpus_mentions(changed, EntityEngine(gazetteer), cache)
    assert counting.texts == 1
    assert found == fresh(changed, gazetteer)
    assert "person:larijani" in {m.entity_id for m in found[0][changed[2].id]}


def test_a_new_discovery_rebuilds_the_articles_it_changes(
    corpus: Corpus, gazetteer: Gazetteer, cache_folder: Path | None
) -> None:
    """An added article introduces "Interior Minister Zartosht Vahidi" (a given name no list has): his
    name without a title elsewhere is now a person."""
    mentions_him = replace(
        corpus.articles[0], text=corpus.articles[0].text + "\n\nZartosht Vahidi did not comment."
    )
    articles = [mentions_him, *corpus.articles[1:]]
    cache = MentionCache(cache_folder, engine_fingerprint(gazetteer))
    before = corpus_mentions(articles, EntityEngine(gazetteer), cache)
    assert "person:zartosht-vahidi" not in {m.entity_id for m in before[0][mentions_him.id]}
    cache = reopen(cache, cache_folder, gazetteer)
    new = Article("new", "Vahidi visits", "Interior Minister Zartosht Vahidi arrived in Quetta on Monday.")
    after = corpus_mentions([*articles, new], EntityEngine(gazetteer), cache)
    assert after == fresh([*articles, new], gazetteer)
    assert "person:zartosht-vahidi" in {m.entity_id for m in after[0][mentions_him.id]}


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"{ not json",
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b'"version":', b'"version":99'),
        lambda data: data.replace(b'"records":[[', b'"records":[["starship",'),
    ],
    ids=["garbage", "truncated", "newer version", "unknown type"],
)
def test_a_damaged_cache_file_is_ignored_and_rebuilt(
    corpus: Corpus, gazetteer: Gazetteer, tmp_path: Path, damage: object
) -> None:
    folder = tmp_path / "cache"
    cache = workspace_cache(folder, gazetteer)
    corpus_mentions(corpus.articles, EntityEngine(gazetteer), cache)
    cache.save()
    (path,) = folder.glob("mentions-*.json")
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    damaged = workspace_cache(folder, gazetteer)
    assert not damaged.entries
    assert damaged.problem.startswith(f"{path}: ignored and rebuilt")
    assert corpus_mentions(corpus.articles, EntityEngine(gazetteer), damaged) == fresh(
        corpus.articles, gazetteer
    )
    damaged.save()
    assert workspace_cache(folder, gazetteer).entries  # written anew


def test_spans_that_do_not_fit_the_text_are_not_used(
    corpus: Corpus, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    cache = workspace_cache(folder, gazetteer)
    corpus_mentions(corpus.articles, EntityEngine(gazetteer), cache)
    cache.save()
    (path,) = folder.glob("mentions-*.json")
    data = orjson.loads(path.read_bytes())
    for entry in data["entries"].values():
        spans = list(_unpack(entry[3]))
        if spans:
            spans[1] = 10**9  # an end past every text
            spans[-1] = 10**6  # a record that does not exist
        entry[3] = _pack(spans)
    path.write_bytes(orjson.dumps(data))
    edited = workspace_cache(folder, gazetteer)
    assert edited.entries and not edited.problem
    found = corpus_mentions(corpus.articles, EntityEngine(gazetteer), edited)
    assert found == fresh(corpus.articles, gazetteer)
    next(iter(data["entries"].values()))[3] = "not base64!"  # the file does not check out
    path.write_bytes(orjson.dumps(data))
    assert not workspace_cache(folder, gazetteer).entries


def test_the_file_keeps_only_current_texts_and_engine(
    corpus: Corpus, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    cache = workspace_cache(folder, gazetteer)
    corpus_mentions(corpus.articles, EntityEngine(gazetteer), cache)
    cache.save()
    cache = workspace_cache(folder, gazetteer)
    corpus_mentions(corpus.articles[:2], EntityEngine(gazetteer), cache)
    cache.save()
    assert len(workspace_cache(folder, gazetteer).entries) == 4  # two bodies, two titles
    more = Gazetteer(
        [*gazetteer.entities, Entity("person:new-one", "New One", EntityType.PERSON, ())], gazetteer.problems
    )
    assert engine_fingerprint(more) != engine_fingerprint(gazetteer)
    other = workspace_cache(folder, more)
    assert not other.entries  # another engine state starts afresh
    corpus_mentions(corpus.articles[:1], EntityEngine(more), other)
    other.save()
    assert [p.name for p in folder.glob("mentions-*.json")] == [other.path.name if other.path else ""]


def test_a_cache_is_stale_only_with_something_to_write(
    corpus: Corpus, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    cache = workspace_cache(tmp_path / "cache", gazetteer)
    assert not cache.stale
    corpus_mentions(corpus.articles, EntityEngine(gazetteer), cache)
    assert cache.stale
    cache.save()
    assert not cache.stale
    again = workspace_cache(tmp_path / "cache", gazetteer)
    corpus_mentions(corpus.articles, EntityEngine(gazetteer), again)
    assert not again.stale  # every text was found in it
    corpus_mentions(corpus.articles[:2], EntityEngine(gazetteer), again)
    assert again.stale  # the others' entries would be dropped


def test_the_name_and_place_lists_are_part_of_the_engine_state(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, gazetteer: Gazetteer
) -> None:
    """A changed given-name, surname or place list changes what is found: cached mentions must go."""
    from tui.core.entities import cache as cache_module

    core = tmp_path / "core"
    (core / "entities").mkdir(parents=True)
    for source in ("entities/cache.py", "entities/given_names.txt", "entities/places.tsv", "models.py"):
        (core / source).write_bytes((cache_module._CORE / source).read_bytes())
    monkeypatch.setattr(cache_module, "_CORE", core)
    before = engine_fingerprint(gazetteer)
    for listed in ("entities/given_names.txt", "entities/places.tsv"):
        (core / listed).write_text((core / listed).read_text() + "Zebedee\n")
        after = engine_fingerprint(gazetteer)
        assert after != before
        before = after
