"""Synthetic corpora built from the real articles' sentences, for benchmarks.

Sentences keep their names, amounts and dates, so the entity engine does real work on them.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

from tui.core.corpus import load_corpus
from tui.core.models import Article

ROOT = Path(__file__).resolve().parent.parent
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def sentences(articles: Path = ROOT / "articles") -> list[str]:
    """Every sentence of the bundled articles."""
    corpus = load_corpus(articles)
    found: list[str] = []
    for article in corpus.articles:
        found.extend(s.strip() for s in _SENTENCE.findall(article.text) if len(s.split()) > 3)
    return found


def synthetic_texts(total_bytes: int, article_bytes: int = 5_000, seed: int = 7) -> dict[str, str]:
    """Texts of about ``article_bytes`` each, ``total_bytes`` in all, from shuffled real sentences."""
    rng = random.Random(seed)
    pool = sentences()
    texts: dict[str, str] = {}
    size = 0
    while size < total_bytes:
        paragraphs, length = [], 0
        while length < article_bytes:
            paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
            paragraphs.append(paragraph)
            length += len(paragraph.encode("utf-8")) + 1
        text = "\n".join(paragraphs)
        texts[f"synthetic-{len(texts):05d}"] = text
        size += len(text.encode("utf-8"))
    return texts


def synthetic_articles(count: int, article_bytes: int = 5_000, seed: int = 7) -> list[Article]:
    """``count`` articles of about ``article_bytes`` each, from shuffled real sentences.

    Each is titled by its first sentence and published on a day of 2024 or 2025, so that its
    weekdays, "last month" and "earlier this year" resolve to dates spread over two years.
    """
    rng = random.Random(seed)
    pool = sentences()
    articles = []
    for number in range(count):
        paragraphs, length = [], 0
        while length < article_bytes:
            paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
            paragraphs.append(paragraph)
            length += len(paragraph.encode("utf-8")) + 1
        title = paragraphs[0].split(". ")[0][:90]
        published = date(2024, 1, 1) + timedelta(days=rng.randrange(730))
        articles.append(Article(f"synthetic-{number:05d}", title, "\n".join(paragraphs), published=published))
    return articles


def write_corpus(folder: Path, count: int, seed: int = 7) -> Path:
    """Write ``count`` synthetic articles into ``folder/articles`` in the corpus format (a workspace).

    The bundled known-entities file is copied too; an existing folder is left as it is if it
    already holds that many articles (building 10,000 files takes a while).
    """
    from tui.core.adding.sources import Draft
    from tui.core.adding.writer import render

    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    (folder / "annotations").mkdir(exist_ok=True)
    if len(list(articles.glob("*.md"))) == count:
        return folder
    for old in articles.glob("*.md"):
        old.unlink()
    (articles / "entities.toml").write_bytes((ROOT / "articles" / "entities.toml").read_bytes())
    width = len(str(count - 1))
    made = synthetic_articles(count - 1, seed=seed)
    made += [_long(synthetic_articles(12, article_bytes=6_000, seed=seed + 1), count - 1)]
    for number, article in enumerate(made):
        identifier = f"{number:0{width}d}_synthetic"
        draft = Draft("synthetic", article.title, article.text, article.published, "synthetic", "Synthetic")
        (articles / f"{identifier}.md").write_text(render(identifier, draft), encoding="utf-8")
    return folder


def _long(parts: list[Article], number: int) -> Article:
    """One article of 10,000 words made of several."""
    words = " ".join(p.text for p in parts).split(" ")[:10_000]
    text = " ".join(words)
    return Article(
        f"synthetic-{number:05d}", "A long report: " + parts[0].title, text, published=parts[0].published
    )
