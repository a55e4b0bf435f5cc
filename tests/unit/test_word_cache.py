"""The corpus search's word index kept between runs: read back the same, rebuilt when the corpus
changed, and a damaged file ignored in one line, never a crash."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from tui.core.corpus import Corpus
from tui.core.corpus_search import WordIndex, search
from tui.core.word_cache import NAME, WordCache, cached_word_index, corpus_key

QUERIES = ("border markets", "larijani", "Larij", "$10 billion", "Pezeshkian", "Ghal", "zebra crossing")


def found(corpus: Corpus, index: WordIndex) -> list[list[int]]:
    """What each query finds with an index."""
    return [search(corpus.articles, query, index) for query in QUERIES]


def test_an_index_read_back_finds_what_the_built_one_does(corpus: Corpus, tmp_path: Path) -> None:
    built, cache = cached_word_index(tmp_path, corpus.articles)
    assert cache is not None and cache.problem == "" and (tmp_path / NAME).is_file()
    read = WordCache(tmp_path).load(corpus_key(corpus.articles), corpus.articles)
    assert read is not None
    assert (
        read.vocabulary == built.vocabulary and read.starts == built.starts and read.numbers == built.numbers
    )
    assert found(corpus, read) == found(corpus, built) == found(corpus, WordIndex(corpus.articles))
    assert found(corpus, read)[1]  # "larijani" is in the bundled articles


def test_an_edited_article_misses_and_the_index_is_built_again(corpus: Corpus, tmp_path: Path) -> None:
    cached_word_index(tmp_path, corpus.articles)
    edited = list(corpus.articles)
    edited[4] = replace(edited[4], text=edited[4].text + " A zebra crossing was painted.")
    assert WordCache(tmp_path).load(corpus_key(edited), edited) is None  # another corpus: no problem either
    index, cache = cached_word_index(tmp_path, edited)
    assert cache is not None and cache.problem == ""
    assert [edited[n].id[:3] for n in search(edited, "zebra crossing", index)] == ["004"]
    # the file now holds the edited corpus's index
    assert WordCache(tmp_path).load(corpus_key(edited), edited) is not None


def test_the_key_follows_the_texts_and_their_order(corpus: Corpus) -> None:
    articles = corpus.articles
    assert corpus_key(articles) == corpus_key(list(articles))
    assert corpus_key(articles) != corpus_key(articles[::-1])
    joined = [replace(articles[0], text=articles[0].text + articles[1].text), *articles[2:]]
    assert corpus_key(joined) != corpus_key([replace(articles[1], text=""), *articles[:1], *articles[2:]])


def _damaged(raw: bytes) -> list[bytes]:
    """Ways a cache file gets damaged: cut short, padded, bytes flipped in each part, not ours."""
    head_end = raw.index(b"\n")
    flipped = [raw[:i] + bytes([raw[i] ^ 0xFF]) + raw[i + 1 :] for i in (3, head_end + 2, len(raw) - 3)]
    return [b"", raw[:head_end], raw[: len(raw) // 2], raw + b"\0\0\0\0", b"not a cache\n", *flipped]


def test_a_damaged_file_is_ignored_in_one_line_and_rebuilt(corpus: Corpus, tmp_path: Path) -> None:
    built, _ = cached_word_index(tmp_path, corpus.articles)
    raw = (tmp_path / NAME).read_bytes()
    expected = found(corpus, built)
    for damaged in _damaged(raw):
        (tmp_path / NAME).write_bytes(damaged)
        index, cache = cached_word_index(tmp_path, corpus.articles)
        assert found(corpus, index) == expected
        assert cache is not None
        assert "\n" not in cache.problem
        assert (tmp_path / NAME).read_bytes() == raw  # written again whole


def test_an_article_number_out_of_range_is_refused(corpus: Corpus, tmp_path: Path) -> None:
    cached_word_index(tmp_path, corpus.articles)
    fewer = corpus.articles[:2]
    # the same file read for a corpus it was not built for, as if its key had collided
    cache = WordCache(tmp_path)
    raw = (tmp_path / NAME).read_bytes()
    (tmp_path / NAME).write_bytes(
        raw.replace(corpus_key(corpus.articles).encode(), corpus_key(fewer).encode())
    )
    assert cache.load(corpus_key(fewer), fewer) is None
    assert "out of range" in cache.problem


def test_a_cache_folder_that_cannot_be_written_only_costs_time(corpus: Corpus, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    index, cache = cached_word_index(blocked, corpus.articles)
    assert cache is not None and "cannot be written" in cache.problem
    assert found(corpus, index) == found(corpus, WordIndex(corpus.articles))


def test_without_a_folder_the_index_is_only_built(corpus: Corpus) -> None:
    index, cache = cached_word_index(None, corpus.articles)
    assert cache is None and found(corpus, index) == found(corpus, WordIndex(corpus.articles))


def test_a_cache_that_is_not_a_regular_file_is_ignored_without_blocking(
    corpus: Corpus, tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / NAME)  # opened blocking, reading it would wait for a writer for ever
    cache = WordCache(tmp_path)
    assert cache.load(corpus_key(corpus.articles), corpus.articles) is None
    assert "not a regular file" in cache.problem and "\n" not in cache.problem
