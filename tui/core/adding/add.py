"""Adding files and folders of articles to a workspace's ``articles/`` folder.

Each file is read into a draft (see :mod:`.sources`); its date comes from a date line or
dateline at its top (see :mod:`.dateline`), else the page's metadata (HTML), else the
``published`` default; its title from its first line or the page's title, else the default.
A text the corpus (or this batch) already holds is skipped; a file that cannot be read is
reported and the others are still added. Progress is reported file by file, so the app can
show a bar and a large import can be cancelled between files. Whether a file repeats an article
and which number it takes are decided under a lock in the folder (``.add.lock``), from the
folder as it is then, so adds running at once (two windows, a script) never duplicate a text
or share a number.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.adding.dateline import read_opening
from tui.core.adding.sources import SUFFIXES, Draft, read_draft
from tui.core.adding.writer import article_id, next_number, render, text_keys, write_new
from tui.core.corpus import ARTICLE_SUFFIX, load_article
from tui.core.entities import EntityEngine
from tui.core.frontmatter import ArticleFormatError
from tui.core.safe_text import one_line
from tui.core.user_files import not_a_lock_file

if TYPE_CHECKING:
    from filelock import FileLock

#: The lock an ``add`` holds while it decides whether a file is new and which number it takes
#: (hidden, so the corpus never reads it).
LOCK_NAME = ".add.lock"
#: How long one file waits for another ``add``, which holds the lock for one file at a time.
LOCK_SECONDS = 60.0


class AddError(OSError):
    """Nothing can be added: the articles folder cannot be made or written (the message says why)."""


@dataclass(frozen=True)
class Defaults:
    """What the user gives for what a file does not say: title, date, source, address."""

    title: str = ""
    published: date | None = None
    source: str = ""
    url: str = ""


@dataclass
class Outcome:
    """What happened to one file: "added" (with the article's id), "skipped" or "failed" (why)."""

    path: str
    status: str
    article: str = ""
    title: str = ""
    message: str = ""

    def as_json(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"path": self.path, "status": self.status, "article": self.article or None,
                "title": self.title or None, "message": self.message or None}  # fmt: skip

    def __str__(self) -> str:
        """One line: the file and what happened to it."""
        if self.status == "added":
            return f"{self.path}: added as {self.article} ({self.title})"
        return f"{self.path}: {self.status}: {self.message}"


@dataclass
class AddReport:
    """Every file's outcome, in the order they were taken."""

    outcomes: list[Outcome] = field(default_factory=list)

    def of(self, status: str) -> list[Outcome]:
        """The outcomes with one status."""
        return [o for o in self.outcomes if o.status == status]


#: Files a folder of articles often holds that are not articles.
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "contributing")


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and in each folder named every text, Markdown or HTML file below it
    (sorted; hidden ones and READMEs, licences and change logs left out).

    A FIFO, device or socket with such a name is yielded too (only its name is looked at here),
    so that reading it reports what it is instead of leaving it out unsaid.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for found in sorted(path.rglob("*")):
            parts = found.relative_to(path).parts
            if (
                not found.is_dir()
                and found.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in parts)
                and not found.stem.lower().startswith(NOT_ARTICLES)
            ):
                yield found


def add_paths(
    paths: Iterable[Path],
    articles: Path,
    engine: EntityEngine,
    defaults: Defaults = Defaults(),
    progress: Callable[[int, int, Outcome], bool] | None = None,
) -> AddReport:
    """Add every file named (or found in the folders named) to the ``articles`` folder.

    ``progress(done, total, outcome)`` is called after each file; returning False stops.
    """
    files = list(expand(paths))
    try:
        articles.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise AddError(f"{articles}: cannot hold articles: {error.strerror or error}") from None
    from filelock import FileLock  # here: only adding takes this lock

    # Another ``add`` (a second window, a script) may write into the folder meanwhile: each file's
    # duplicate check and number are decided under the lock, from the folder as it is then.
    lock = FileLock(articles / LOCK_NAME, timeout=LOCK_SECONDS, thread_local=False)
    known = KnownTexts(articles)
    # Read the folder whole before the lock: on a large corpus that takes long, and others wait
    # for the lock; under it only the files written since are read.
    try:
        known.refresh()
    except OSError as error:
        raise AddError(f"{articles}: cannot be read: {error.strerror or error}") from None
    report = AddReport()
    for done, path in enumerate(files, start=1):
        outcome = _add_one(path, articles, engine, defaults, known, lock)
        report.outcomes.append(outcome)
        if progress is not None and not progress(done, len(files), outcome):
            break
    return report


class KnownTexts:
    """The texts of an articles folder (by :func:`text_keys`), read again where other files appeared."""

    def __init__(self, folder: Path) -> None:
        """Nothing read yet: the first :meth:`refresh` reads the whole folder (before taking
        the lock: see :func:`add_paths`)."""
        self.folder = folder
        self.by_key: dict[str, str] = {}
        self.names: set[str] = set()

    def refresh(self) -> None:
        """Read the article files that appeared since the last look (another ``add`` wrote them).

        The folder is listed every time: its modification time may not change between two
        writes a few milliseconds apart, so it cannot say that nothing was added.
        """
        for name in sorted(set(os.listdir(self.folder)) - self.names):
            self.names.add(name)
            if not name.endswith(ARTICLE_SUFFIX) or name.startswith("."):
                continue
            try:
                article = load_article(self.folder / name)
            except ArticleFormatError:  # the corpus reports it; it holds no text to compare
                continue
            for key in text_keys(article.text):
                self.by_key.setdefault(key, article.id)

    def same_as(self, keys: Iterable[str]) -> str | None:
        """The id of an article with the same text, if one is known."""
        return next((self.by_key[key] for key in keys if key in self.by_key), None)

    def took(self, written: Path, keys: Iterable[str], identifier: str) -> None:
        """Count an article just written as known."""
        self.names.add(written.name)
        for key in keys:
            self.by_key.setdefault(key, identifier)


def _add_one(
    path: Path, articles: Path, engine: EntityEngine, defaults: Defaults, known: KnownTexts, lock: FileLock
) -> Outcome:
    """Add one file, or say why not."""
    from filelock import Timeout

    try:
        draft = read_draft(path)
        keys = text_keys(draft.text)
        if (same := known.same_as(keys)) is not None:  # as known before the lock: no need to wait
            return Outcome(str(path), "skipped", message=f"the same text as {same}")
        _complete(draft, engine, defaults)
    except ArticleFormatError as error:
        return Outcome(str(path), "failed", message=one_line(str(error)))
    except Exception as error:  # any failure on one file is its outcome; the others are still added
        return Outcome(
            str(path), "failed", message=one_line(f"cannot be read: {type(error).__name__}: {error}")
        )
    try:
        with lock:
            known.refresh()
            if (same := known.same_as(keys)) is not None:
                return Outcome(str(path), "skipped", message=f"the same text as {same}")
            identifier, written = _write(articles, draft, next_number(articles))
            load_article(written)  # what was written must load
            known.took(written, keys, identifier)
    except Timeout:
        reason = f"another add has held {lock.lock_file} for {LOCK_SECONDS:.0f} s"
        return Outcome(str(path), "failed", message=f"cannot be written to {articles}: {reason}")
    except (OSError, ArticleFormatError) as error:
        reason = _write_failure(error, Path(lock.lock_file))
        return Outcome(str(path), "failed", message=one_line(f"cannot be written to {articles}: {reason}"))
    return Outcome(str(path), "added", identifier, draft.title)


def _write_failure(error: OSError | ArticleFormatError, lock: Path) -> str:
    """Why an article could not be written, in words."""
    if (problem := not_a_lock_file(lock)) is not None:
        return problem
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def _write(articles: Path, draft: Draft, number: int) -> tuple[str, Path]:
    """Write the article under the first free number from ``number`` (another ``add`` may run too)."""
    for attempt in range(number, number + 1000):
        identifier = article_id(attempt, draft.text)
        try:
            return identifier, write_new(articles, identifier + ".md", render(identifier, draft))
        except FileExistsError:
            continue
    raise OSError(f"no free article number from {number}")


def _complete(draft: Draft, engine: EntityEngine, defaults: Defaults) -> None:
    """Fill what the file did not say: the date from its opening, then the defaults."""
    opening = read_opening(draft.text, engine)
    if opening.published is not None and draft.date_basis != "the file's front matter":
        draft.published = opening.published
        draft.date_basis = f'its date line "{opening.written}"'
    elif draft.published is None and defaults.published is not None:
        draft.published, draft.date_basis = defaults.published, "given when added (--published)"
    draft.dateline = draft.dateline or opening.place
    draft.title = draft.title or defaults.title or Path(draft.path).stem
    draft.source = draft.source or defaults.source
    draft.url = draft.url or defaults.url
