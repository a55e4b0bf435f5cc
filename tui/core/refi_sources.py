"""The text sources of a REFI-QDA project that the corpus lacks, added as articles as ``add`` adds files.

Each becomes an article file (its name as the title, its whole text as the body, its source,
publication date and dateline from the project's variables of those names, else the date from a
date line at its top), so the project's selections, memos and attributes on it can then be
imported. The whole file is read and checked first (:func:`tui.core.annotations.refi.read`): a
file refused adds no article. Adding is not part of the store's save: if the import then fails,
the articles stay, and importing again adds none twice (``add`` skips a text the corpus holds).
"""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

from tui.core.adding.add import add_paths
from tui.core.annotations import refi
from tui.core.corpus import load_article
from tui.core.entities import EntityEngine
from tui.core.frontmatter import render
from tui.core.models import Article

#: Suffixes left out of a source's name when it becomes the title ("Mabel.txt": "Mabel").
_FILE_SUFFIXES = (".txt", ".docx", ".doc", ".rtf", ".odt", ".pdf", ".md")


def add_sources(
    raw: bytes,
    articles: dict[str, Article],
    folder: Path,
    engine: EntityEngine,
    found: refi.Imported | None = None,
) -> tuple[dict[str, Article], list[str]]:
    """Add the project's text sources that are not articles here to ``folder``.

    Returns the articles added, by id, and one line for each source that could not be added.
    InvalidImport (nothing added) if the file is refused. ``found``: the file as the caller
    read it against ``articles`` already (it is then not read again).
    """
    found = found if found is not None else refi.read(raw, articles)
    if not found.new_texts:
        return {}, []
    added: dict[str, Article] = {}
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="iranpak-refi-") as staging:
        paths = []
        for index, (name, text, front) in enumerate(found.new_texts):
            stem = re.sub(r"[^\w.-]+", "_", Path(name).stem)[:60] or "source"
            path = Path(staging) / f"{index:03d}-{stem}.md"
            title = Path(name).stem if Path(name).suffix.lower() in _FILE_SUFFIXES else name
            meta: dict[str, object] = {"title": title or stem, **front}
            if "published" in front:  # a TOML date, which the front matter reads as one
                try:
                    meta["published"] = date.fromisoformat(front["published"])
                except ValueError:
                    del meta["published"]  # not a date: the text's own date line, if any, dates it
            path.write_text(render(meta, text), encoding="utf-8")
            paths.append(path)
        report = add_paths(paths, folder, engine)
    for outcome in report.outcomes:
        if outcome.status == "added":
            article = load_article(folder / f"{outcome.article}.md")
            added[article.id] = article
        else:
            problems.append(f"{Path(outcome.path).name}: {outcome.status}: {outcome.message}")
    return added, problems
