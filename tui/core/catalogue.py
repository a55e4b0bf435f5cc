"""The article list of a workspace, kept so the app can show it before reading every article.

After a corpus is loaded without problems, :func:`write_catalogue` keeps each article's id,
title, date, word count and file (its name, size and modification time) in the workspace's
cache folder. :func:`read_catalogue` gives the list back only if the folder still holds files of
exactly those names; anything else (an added or removed file, a damaged catalogue) gives None,
and the corpus is read as usual. The list only stands in for the moment the articles are read.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from tui.core.corpus import ARTICLE_SUFFIX, Corpus
from tui.core.models import Article

FORMAT = "iranpak-reader catalogue"
VERSION = 1
NAME = "catalogue.json"
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every article file of a folder: name -> (size, modification time in ns)."""
    found = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(ARTICLE_SUFFIX) and not entry.name.startswith(".") and entry.is_file():
                status = entry.stat()
                found[entry.name] = (status.st_size, status.st_mtime_ns)
    return found


def _names(folder: Path) -> set[str]:
    """The names of the article files of a folder."""
    with os.scandir(folder) as entries:
        return {e.name for e in entries if e.name.endswith(ARTICLE_SUFFIX) and not e.name.startswith(".")}


def write_catalogue(cache: Path, corpus: Corpus) -> None:
    """Keep the list of a corpus loaded without problems (a corpus with problems is not kept)."""
    if corpus.problems or not corpus.articles:
        return
    import orjson  # here, as in read_catalogue

    with contextlib.suppress(OSError):
        files = _files(corpus.folder)
        rows = []
        for article in corpus.articles:
            name = Path(article.path).name
            size, mtime = files[name]
            published = article.published.isoformat() if article.published else None
            rows.append([article.id, article.title, published, article.word_count, name, size, mtime])
        data = {"format": FORMAT, "version": VERSION, "folder": str(corpus.folder), "articles": rows}
        cache.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".catalogue.", dir=cache)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(orjson.dumps(data))
            os.replace(temporary, cache / NAME)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def read_catalogue(cache: Path, folder: Path) -> list[Listed] | None:
    """The list of the corpus in ``folder`` if the catalogue still names exactly its files; else None.

    Only the names are compared (looking at each file would cost a frame at ten thousand): the
    list is shown only until the articles themselves are read, a moment later, and an article
    is always read from its own file when opened.
    """
    try:
        raw = (cache / NAME).read_bytes()
        import orjson  # here: a workspace without a catalogue starts without it

        data: Any = orjson.loads(raw)
        if data["format"] != FORMAT or data["version"] != VERSION or data["folder"] != str(folder):
            return None
        names = _names(folder)
        rows = data["articles"]
        if len(rows) != len(names):
            return None
        for row in rows:
            if not (
                len(row) == 7
                and row[4] in names
                and type(row[0]) is str
                and type(row[1]) is str
                and (row[2] is None or (type(row[2]) is str and _ISO.fullmatch(row[2])))
                and type(row[3]) is int
            ):
                return None
        listed = [Listed(row[0], row[1], row[2], row[3], row[4]) for row in rows]
        return listed if len({entry.name for entry in listed}) == len(names) and listed else None
    except (OSError, KeyError, TypeError, ValueError):  # orjson's JSONDecodeError is a ValueError
        return None


@dataclass(frozen=True)
class Pending:
    """A corpus shown from its catalogue while its articles are read in the background."""

    listed: list[Listed]
    folder: Path
    cache: Path

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
