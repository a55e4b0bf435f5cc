"""Adding files and folders of articles to a workspace's ``articles/`` folder.

Each file is read into a draft (see :mod:`.sources`); its date comes from a date line or
dateline at its top (see :mod:`.dateline`), else the page's metadata (HTML), else the
``published`` default; its title from its first line or the page's title, else the default.
A text the corpus (or this batch) already holds is skipped; a file that cannot be read is
reported and the others are still added. Progress is reported file by file, so the app can
show a bar and a large import can be cancelled between files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tui.core.adding.dateline import read_opening
from tui.core.adding.sources import SUFFIXES, Draft, read_draft
from tui.core.adding.writer import article_id, next_number, render, text_keys, write_new
from tui.core.corpus import load_article, load_corpus
from tui.core.entities import EntityEngine
from tui.core.frontmatter import ArticleFormatError


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
    (sorted; hidden ones and READMEs, licences and change logs left out)."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for found in sorted(path.rglob("*")):
            parts = found.relative_to(path).parts
            if (
                found.is_file()
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
    known = {key: article.id for article in load_corpus(articles).articles for key in text_keys(article.text)}
    number = next_number(articles)
    report = AddReport()
    for done, path in enumerate(files, start=1):
        outcome = _add_one(path, articles, engine, defaults, known, number)
        if outcome.status == "added":
            number = int(outcome.article.split("_", 1)[0]) + 1
        report.outcomes.append(outcome)
        if progress is not None and not progress(done, len(files), outcome):
            break
    return report


def _add_one(
    path: Path, articles: Path, engine: EntityEngine, defaults: Defaults, known: dict[str, str], number: int
) -> Outcome:
    """Add one file, or say why not."""
    try:
        draft = read_draft(path)
    except ArticleFormatError as error:
        return Outcome(str(path), "failed", message=str(error))
    keys = text_keys(draft.text)
    same = next((known[key] for key in keys if key in known), None)
    if same is not None:
        return Outcome(str(path), "skipped", message=f"the same text as {same}")
    _complete(draft, engine, defaults)
    try:
        identifier, written = _write(articles, draft, number)
        load_article(written)  # what was written must load
    except (OSError, ArticleFormatError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return Outcome(str(path), "failed", message=f"cannot be written to {articles}: {reason}")
    known.update(dict.fromkeys(keys, identifier))
    return Outcome(str(path), "added", identifier, draft.title)


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
