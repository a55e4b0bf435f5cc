"""The corpus search's word index, kept on disk between runs.

Building the index reads and case-folds every article (seconds at ten thousand); reading it back
is a few flat arrays. The file, ``words.bin`` in the workspace's cache folder, holds a header line
(JSON: format, version, the key, the parts' sizes), then the vocabulary as UTF-8 lines, where each
word's postings start, and the article numbers. The key is a SHA-256 of every article's text in
corpus order (the index numbers articles by their place), the word pattern and the Unicode
version that case-folding and ``\\w`` follow: any change of either misses, and the index is built
again. A file that cannot be read or does not check out is ignored, its reason kept in one line
(:attr:`WordCache.problem`), and rebuilt: never trusted over the text, never a crash.
"""

from __future__ import annotations

import hashlib
import sys
import unicodedata
from array import array
from itertools import pairwise
from pathlib import Path
from typing import Any

import orjson

from tui.core.cache_file import replacing
from tui.core.corpus_search import _WORD, WordIndex
from tui.core.models import Article
from tui.core.user_files import UserFileError, read_regular_file

FORMAT = "iranpak-reader words"
VERSION = 1
NAME = "words.bin"
MAX_BYTES = 512 * 1024 * 1024
"""A larger file is not read (ten thousand articles' index takes about 15 MB)."""


def corpus_key(articles: list[Article]) -> str:
    """What the index depends on: every article's text, in order, and how words are found."""
    digest = hashlib.sha256(f"{_WORD.pattern}\0{unicodedata.unidata_version}\0".encode())
    for article in articles:
        text = article.text.encode("utf-8", "surrogatepass")
        digest.update(len(text).to_bytes(8, "little"))  # the texts' bounds count too
        digest.update(text)
    return digest.hexdigest()[:32]


class WordCache:
    """The word index of a workspace's corpus, read from and written to its cache folder."""

    def __init__(self, folder: Path) -> None:
        """The cache in ``folder`` (nothing read yet)."""
        self.path = folder / NAME
        #: Why the file was not used or not written (one line), or "".
        self.problem = ""

    def load(self, key: str, articles: list[Article]) -> WordIndex | None:
        """The index of ``articles`` kept under ``key``; None if there is none, or it is of another
        corpus, or damaged."""
        if not self.path.exists():
            return None
        try:
            raw = read_regular_file(
                self.path, MAX_BYTES
            )  # never a FIFO opened blocking, nor a huge file read
        except UserFileError as error:
            self.problem = f"{self.path}: ignored and rebuilt ({error.reason})"
            return None
        try:
            return _parse(raw, key, len(articles))
        except (ValueError, TypeError, KeyError, OverflowError) as error:  # orjson's errors are ValueErrors
            self.problem = f"{self.path}: ignored and rebuilt ({error})"
            return None

    def save(self, key: str, index: WordIndex) -> None:
        """Keep an index under ``key`` (atomically); a cache that cannot be written only costs time."""
        words = "\n".join(index.vocabulary).encode("utf-8", "surrogatepass")
        head = {
            "format": FORMAT,
            "version": VERSION,
            "key": key,
            "byteorder": sys.byteorder,
            "words": len(index.vocabulary),
            "vocabulary_bytes": len(words),
            "starts_bytes": len(index.starts) * index.starts.itemsize,
            "numbers_bytes": len(index.numbers) * index.numbers.itemsize,
        }
        try:
            with replacing(self.path) as handle:
                handle.write(orjson.dumps(head) + b"\n")
                handle.write(words)
                index.starts.tofile(handle)
                index.numbers.tofile(handle)
        except OSError as error:
            self.problem = f"{self.path}: cannot be written ({error.strerror or error})"


def _parse(raw: bytes, key: str, count: int) -> WordIndex | None:
    """The index in a cache file's bytes, None if kept under another key; ``ValueError`` if damaged."""
    line_end = raw.find(b"\n")
    if line_end < 0:
        raise ValueError("no header")
    head: Any = orjson.loads(raw[:line_end])
    if not isinstance(head, dict) or head.get("format") != FORMAT or head.get("version") != VERSION:
        raise ValueError("not a word index of this version")
    if head["key"] != key:
        return None  # another corpus state: rebuilt, without a word
    if head["byteorder"] != sys.byteorder:
        raise ValueError("written on a machine of another byte order")
    sizes = [head[k] for k in ("vocabulary_bytes", "starts_bytes", "numbers_bytes")]
    if any(type(size) is not int or size < 0 for size in sizes) or type(head["words"]) is not int:
        raise ValueError("malformed header")
    body = memoryview(raw)[line_end + 1 :]
    if len(body) != sum(sizes):
        raise ValueError("truncated or padded")
    cut = sizes[0] + sizes[1]
    vocabulary = bytes(body[: sizes[0]]).decode("utf-8", "surrogatepass").split("\n") if head["words"] else []
    starts, numbers = array("q"), array("i")
    starts.frombytes(body[sizes[0] : cut])
    numbers.frombytes(body[cut:])
    _check(vocabulary, starts, numbers, head["words"], count)
    return WordIndex.from_parts(vocabulary, starts, numbers)


def _check(vocabulary: list[str], starts: array[int], numbers: array[int], words: int, count: int) -> None:
    """``ValueError`` unless the parts fit together: a word per start, sorted and distinct, starts
    rising from 0 to the end of the numbers, each number one of the ``count`` articles' (so no
    lookup can reach past them)."""
    if len(vocabulary) != words or len(starts) != words + 1 or starts[0] != 0 or starts[-1] != len(numbers):
        raise ValueError("parts of different sizes")
    if any(a >= b for a, b in pairwise(vocabulary)):
        raise ValueError("vocabulary out of order")
    if any(a > b for a, b in pairwise(starts)):
        raise ValueError("postings out of order")
    if numbers and (min(numbers) < 0 or max(numbers) >= count):
        raise ValueError("an article number out of range")


def cached_word_index(folder: Path | None, articles: list[Article]) -> tuple[WordIndex, WordCache | None]:
    """The word index of ``articles``: read from the cache in ``folder`` if it was kept for exactly
    these articles, else built and kept there (no folder: built only). The cache is given back
    for its :attr:`~WordCache.problem`."""
    if folder is None:
        return WordIndex(articles), None
    cache = WordCache(folder)
    key = corpus_key(articles)
    index = cache.load(key, articles)
    if index is None:
        index = WordIndex(articles)
        cache.save(key, index)
    return index, cache
