"""The article list of a workspace, kept so the app can show it before reading every article.

After a corpus is loaded without problems, :func:`write_catalogue` keeps each article's id,
title, date, word count and file name, a list per field (reading them back makes no object per
article but its entry), with the folder's modification time, in the workspace's cache folder.
:func:`read_catalogue` gives the list back only if the folder still holds files of exactly those
names; anything else (an added or removed file, a damaged catalogue) gives None, and the corpus
is read as usual. The list only stands in for the moment the articles are read.
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import date
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple

from tui.core.cache_file import replacing
from tui.core.corpus import ARTICLE_SUFFIX, Corpus
from tui.core.models import Article
from tui.core.user_files import UserFileError, read_regular_file

FORMAT = "iranpak-reader catalogue"
VERSION = 2
NAME = "catalogue.json"
MAX_CATALOGUE_BYTES = 64 * 1024 * 1024
"""A larger catalogue is not read (ten thousand articles take about 2 MiB)."""
#: Publication dates, one per line (or none).
_ISO_LINES = re.compile(r"(?:\d{4}-\d{2}-\d{2}(?:\n|\Z))*")


class Listed(NamedTuple):
    """An article as the list shows it, before its text is read (a tuple: ten thousand are made
    before the first frame)."""

    id: str
    title: str
    published_iso: str | None
    word_count: int
    name: str

    @property
    def published(self) -> date | None:
        """The publication date, if known."""
        return date.fromisoformat(self.published_iso) if self.published_iso else None

    @property
    def published_label(self) -> str:
        """The publication date as ISO text, or 'unknown'."""
        return self.published_iso or "unknown"


def _names(folder: Path) -> set[str]:
    """The names of the article files of a folder."""
    with os.scandir(folder) as entries:
        return {e.name for e in entries if e.name.endswith(ARTICLE_SUFFIX) and not e.name.startswith(".")}


def count_articles(folder: Path) -> int:
    """How many article files a folder holds (0 if it cannot be listed)."""
    try:
        return len(_names(folder))
    except OSError:
        return 0


def write_catalogue(cache: Path, corpus: Corpus) -> None:
    """Keep the list of a corpus loaded without problems (a corpus with problems is not kept)."""
    if corpus.problems or not corpus.articles:
        return
    import orjson  # here, as in read_catalogue

    with contextlib.suppress(OSError):
        stamp = os.stat(corpus.folder).st_mtime_ns  # a file added since the corpus was read is
        # missing from the list until the corpus is read again, a moment after the next start
        articles = corpus.articles
        data = {
            "format": FORMAT,
            "version": VERSION,
            "folder": str(corpus.folder),
            "stamp": stamp,
            "ids": [a.id for a in articles],
            "titles": [a.title for a in articles],
            "published": [a.published.isoformat() if a.published else None for a in articles],
            "words": [a.word_count for a in articles],
            "names": [Path(a.path).name for a in articles],
        }
        with replacing(cache / NAME) as handle:
            handle.write(orjson.dumps(data))


def read_catalogue(cache: Path, folder: Path) -> list[Listed] | None:
    """The list of the corpus in ``folder`` if the catalogue still names exactly its files; else None.

    Only the names are compared (looking at each file would cost a frame at ten thousand): the
    list is shown only until the articles themselves are read, a moment later, and an article
    is always read from its own file when opened. While the folder's modification time is the
    one recorded, no file was added, removed or renamed, and the folder is not even listed.
    """
    try:
        raw = read_regular_file(cache / NAME, MAX_CATALOGUE_BYTES)
        import orjson  # here: a workspace without a catalogue starts without it

        data: Any = orjson.loads(raw)
        if data["format"] != FORMAT or data["version"] != VERSION or data["folder"] != str(folder):
            return None
        ids, titles, dates, words, names = (data[k] for k in ("ids", "titles", "published", "words", "names"))
        if not ids or len({len(ids), len(titles), len(dates), len(words), len(names)}) != 1:
            return None
        if len(set(names)) != len(names) or (
            data["stamp"] != os.stat(folder).st_mtime_ns and set(names) != _names(folder)
        ):
            return None
        known = [d for d in dates if d is not None]
        if (
            set(map(type, ids)) != {str}
            or set(map(type, titles)) != {str}
            or set(map(type, names)) != {str}
            or set(map(type, words)) != {int}
            or not set(map(type, known)) <= {str}
            or not _ISO_LINES.fullmatch(joined := "\n".join(known))
            or joined.count("\n") != max(0, len(known) - 1)  # no date with a line break inside
        ):
            return None
        return list(map(tuple.__new__, repeat(Listed), zip(ids, titles, dates, words, names, strict=True)))
    except (OSError, KeyError, TypeError, ValueError, UserFileError):  # orjson's errors are ValueErrors
        return None


class Pending(NamedTuple):
    """A corpus shown from its catalogue while its articles are read in the background (or, with
    no catalogue to show, ``listed`` empty and ``files`` the number of article files, shown once read)."""

    listed: list[Listed]
    folder: Path
    cache: Path
    files: int | None = None

    @property
    def total(self) -> int:
        """How many articles are being read."""
        return len(self.listed) if self.files is None else self.files

    def load(self) -> Corpus:
        """Read every article (and keep the catalogue up to date)."""
        from tui.core.corpus import load_corpus

        corpus = load_corpus(self.folder)
        write_catalogue(self.cache, corpus)
        return corpus

    def article(self, article_id: str) -> Article | None:
        """One listed article, read on its own (the list is shown before the corpus is read)."""
        from tui.core.corpus import load_article
        from tui.core.frontmatter import ArticleFormatError

        listed = next((entry for entry in self.listed if entry.id == article_id), None)
        if listed is None:
            return None
        try:
            return load_article(self.folder / listed.name)
        except ArticleFormatError:
            return None
