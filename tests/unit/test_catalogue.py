"""The catalogue: the article list kept between runs, used only while it describes the folder exactly."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from tui.core import catalogue
from tui.core.catalogue import Pending, read_catalogue, write_catalogue
from tui.core.corpus import load_corpus


def test_the_catalogue_lists_the_corpus_until_a_file_changes(workspace: Path, tmp_path: Path) -> None:
    cache, folder = tmp_path / "cache", workspace / "articles"
    assert read_catalogue(cache, folder) is None
    corpus = load_corpus(folder)
    write_catalogue(cache, corpus)
    listed = read_catalogue(cache, folder)
    assert listed is not None
    assert [(e.id, e.title, e.published, e.word_count) for e in listed] == [
        (a.id, a.title, a.published, a.word_count) for a in corpus.articles
    ]
    assert listed[0].published_label == corpus.articles[0].published_label
    (folder / "zzz_new.md").write_text('+++\ntitle = "New"\n+++\n\nText.', encoding="utf-8")
    assert read_catalogue(cache, folder) is None  # a file more
    (folder / "zzz_new.md").unlink()
    assert read_catalogue(cache, folder) is not None
    gone = Path(corpus.articles[2].path)
    gone.rename(gone.with_suffix(".txt"))
    assert read_catalogue(cache, folder) is None  # a file fewer
    (cache / "catalogue.json").write_bytes(b"{ damaged")
    assert read_catalogue(cache, folder) is None


def test_a_corpus_with_problems_is_not_catalogued(workspace: Path, tmp_path: Path) -> None:
    (workspace / "articles" / "broken.md").write_bytes(b"\xff\xfe not text")
    write_catalogue(tmp_path / "cache", load_corpus(workspace / "articles"))
    assert not (tmp_path / "cache" / "catalogue.json").exists()


def test_pending_reads_one_article_then_all(workspace: Path, tmp_path: Path) -> None:
    cache, folder = tmp_path / "cache", workspace / "articles"
    write_catalogue(cache, load_corpus(folder))
    listed = read_catalogue(cache, folder)
    assert listed is not None
    pending = Pending(listed, folder, cache)
    one = pending.article(listed[3].id)
    assert one is not None and one.id == listed[3].id and one.text
    assert pending.article("no-such-id") is None
    assert [a.id for a in pending.load().articles] == [e.id for e in listed]


def test_an_unchanged_folder_is_not_listed_again(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, folder = tmp_path / "cache", workspace / "articles"
    write_catalogue(cache, load_corpus(folder))

    def listing(folder: Path) -> set[str]:
        raise AssertionError("listed")

    monkeypatch.setattr(catalogue, "_names", listing)
    assert read_catalogue(cache, folder) is not None


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("ids", 7),
        ("titles", None),
        ("published", "2025-13"),
        ("published", "2025-01-01\n2025-01-02"),
        ("words", "12"),
        ("words", True),
        ("names", 3),
    ],
)
def test_a_hand_edited_catalogue_is_not_trusted(
    workspace: Path, tmp_path: Path, column: str, value: object
) -> None:
    cache, folder = tmp_path / "cache", workspace / "articles"
    write_catalogue(cache, load_corpus(folder))
    data = json.loads((cache / "catalogue.json").read_text())
    data[column][1] = value
    (cache / "catalogue.json").write_text(json.dumps(data))
    assert read_catalogue(cache, folder) is None


def test_a_catalogue_with_a_missing_entry_is_not_trusted(workspace: Path, tmp_path: Path) -> None:
    cache, folder = tmp_path / "cache", workspace / "articles"
    write_catalogue(cache, load_corpus(folder))
    data = json.loads((cache / "catalogue.json").read_text())
    data["titles"].pop()
    (cache / "catalogue.json").write_text(json.dumps(data))
    assert read_catalogue(cache, folder) is None


def test_a_catalogue_that_is_a_fifo_or_too_large_is_not_read(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, folder = tmp_path / "cache", workspace / "articles"
    write_catalogue(cache, load_corpus(folder))
    monkeypatch.setattr(catalogue, "MAX_CATALOGUE_BYTES", 100)
    assert read_catalogue(cache, folder) is None  # over the limit: not trusted, not read whole
    monkeypatch.undo()
    (cache / "catalogue.json").unlink()
    os.mkfifo(cache / "catalogue.json")
    found: list[object] = []
    reading = threading.Thread(target=lambda: found.append(read_catalogue(cache, folder)), daemon=True)
    reading.start()
    reading.join(10)
    blocked = reading.is_alive()
    if blocked:  # let the blocked reader go before failing
        os.close(os.open(cache / "catalogue.json", os.O_WRONLY | os.O_NONBLOCK))
    assert not blocked and found == [None]


def test_a_pending_article_that_breaks_the_parser_is_not_shown(workspace: Path, tmp_path: Path) -> None:
    cache, folder = tmp_path / "cache", workspace / "articles"
    write_catalogue(cache, load_corpus(folder))
    listed = read_catalogue(cache, folder)
    assert listed is not None
    (folder / listed[0].name).write_text(
        '+++\ntitle = "Deep"\nx = ' + "[" * 2000 + "]" * 2000 + "\n+++\n\nBody\n", encoding="utf-8"
    )
    pending = Pending(listed, folder, cache)
    assert pending.article(listed[0].id) is None
    loaded = pending.load()
    assert len(loaded.articles) == len(listed) - 1 and "nested too deeply" in loaded.problems[0].message
