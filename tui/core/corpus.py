"""Loading the corpus: every article file in a folder, with a one-line problem for each bad one."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from tui.core import frontmatter
from tui.core.frontmatter import ArticleFormatError
from tui.core.models import Article, LoadProblem
from tui.core.safe_text import one_line
from tui.core.user_files import UserFileError, kind_of, read_regular_file, reason_for

ARTICLE_SUFFIX = ".md"
MAX_ARTICLE_BYTES = 8 * 1024 * 1024
"""Larger files are refused: no news article is 8 MiB, and reading one would stall the app."""


@dataclass(slots=True)
class Corpus:
    """The loaded articles, in file-name order, and the files that could not be loaded."""

    folder: Path
    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)

    def get(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        for article in self.articles:
            if article.id == article_id:
                return article
        return None

    def find(self, key: str) -> Article | None:
        """An article by exact id, or by a unique id prefix (``000`` for ``000_9154…``)."""
        exact = self.get(key)
        if exact is not None:
            return exact
        matches = [a for a in self.articles if a.id.startswith(key)]
        return matches[0] if len(matches) == 1 else None


def load_corpus(folder: Path) -> Corpus:
    """Load every article file in ``folder``; bad files become problems, never exceptions."""
    corpus = Corpus(folder)
    try:
        mode = os.stat(folder).st_mode
        names = sorted(os.listdir(folder)) if stat.S_ISDIR(mode) else None
    except FileNotFoundError:
        corpus.problems.append(LoadProblem(str(folder), "the articles folder does not exist"))
        return corpus
    except OSError as error:
        corpus.problems.append(
            LoadProblem(str(folder), f"the articles folder cannot be read: {reason_for(error)}")
        )
        return corpus
    if names is None:
        what = "a file" if stat.S_ISREG(mode) else kind_of(mode)
        corpus.problems.append(LoadProblem(str(folder), f"the articles folder is {what}, not a folder"))
        return corpus
    seen: dict[str, str] = {}
    for path in (folder / name for name in names):
        if path.suffix != ARTICLE_SUFFIX or path.name.startswith("."):
            continue
        try:
            article = load_article(path)
        except ArticleFormatError as error:
            corpus.problems.append(LoadProblem(str(path), one_line(str(error))))
            continue
        if article.id in seen:
            message = f"duplicate id {article.id!r}, already used by {seen[article.id]}"
            corpus.problems.append(LoadProblem(str(path), message))
            continue
        seen[article.id] = path.name
        corpus.articles.append(article)
    return corpus


def load_article(path: Path) -> Article:
    """Read one article file, raising ``ArticleFormatError`` with a one-line reason.

    Whatever goes wrong while reading or parsing this one file (a parser's RecursionError, a
    KeyError from a field no check foresaw) is this file's problem, never the whole corpus's.
    """
    try:
        table, body = frontmatter.split(read_text(path))
        return article_from(table, body, path)
    except ArticleFormatError:
        raise
    except Exception as error:  # any failure on one file is reported, never raised
        raise ArticleFormatError(f"cannot be loaded: {type(error).__name__}: {error}") from None


def read_text(path: Path) -> str:
    """A text file's contents, refusing what cannot be an article: not a regular file (a FIFO, a
    device, a folder: never opened blocking), too large, binary, not UTF-8."""
    try:
        raw = read_regular_file(path, MAX_ARTICLE_BYTES)
    except UserFileError as error:
        raise ArticleFormatError(error.reason) from None
    if b"\x00" in raw[:8192]:
        raise ArticleFormatError("binary file, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ArticleFormatError(f"not valid UTF-8 (byte {error.start}, line {line})") from None


def article_from(table: dict[str, object], body: str, path: Path) -> Article:
    """Build an Article from a parsed front matter table and body, validating each field."""
    fields = dict(table)
    title = frontmatter.as_text(fields, "title")
    if not title:
        raise ArticleFormatError("missing title in the front matter")
    if not body.strip():
        raise ArticleFormatError("empty body: the article has no text")
    article_id = frontmatter.as_text(fields, "id") or path.stem
    if any(char < " " or char == "\x7f" for char in article_id):
        raise ArticleFormatError("id must not contain control characters")
    return Article(
        id=article_id,
        title=title,
        text=body,
        path=str(path),
        standfirst=frontmatter.as_text(fields, "standfirst"),
        published=frontmatter.as_date(fields.get("published"), "published"),
        dateline=frontmatter.as_text(fields, "dateline", "unknown") or "unknown",
        date_basis=frontmatter.as_text(fields, "date_basis", "unknown") or "unknown",
        source=frontmatter.as_text(fields, "source", "unknown") or "unknown",
        url=frontmatter.as_text(fields, "url"),
    )
