"""The corpus loader on the real articles and on every kind of bad file."""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from datetime import date
from pathlib import Path

import pytest

from tui.core import frontmatter
from tui.core.corpus import MAX_ARTICLE_BYTES, Corpus, load_corpus

# sha256 of each seed file's body (after the headline and standfirst lines, leading blank
# lines and trailing whitespace removed), taken from the collected originals: the articles
# must keep their wording byte for byte.
SEED_BODY_SHA256 = {
    "000_9154f6903408afad": "11c4a015e045b07dd9d07fcad5cc76922a58304315e1c27e7b5728835d46ef36",
    "001_837904dac7d69cd7": "80cb1f5990ecf44ceba6673b36403d332f1c36f1e04292e913fb296245e48ace",
    "002_19b2f72fda372731": "b113cf94dcb0150237ae6e648a3036ccad84f47af08d03b1030beae54418ea10",
    "003_ae4195037769579a": "8656b7b37fc8e7576065bb8684fbf0e353f2bb1cd9b34a8764c6ecbf81a7e9d7",
    "004_3c3a3a1058f57532": "3becc0fb20bc4b54651b5be0a30d6ca78721c06df179fd78b32500c845acdacd",
}

GOOD = '+++\nid = "ok"\ntitle = "A good article"\npublished = 2025-11-07\n+++\n\nBody text.\n'


def test_bundled_articles_load_without_problems(corpus: Corpus) -> None:
    assert [a.id for a in corpus.articles] == sorted(SEED_BODY_SHA256)
    assert corpus.problems == []


@pytest.mark.parametrize("article_id", sorted(SEED_BODY_SHA256))
def test_body_text_is_word_for_word(corpus: Corpus, article_id: str) -> None:
    article = corpus.get(article_id)
    assert article is not None
    assert hashlib.sha256(article.text.encode("utf-8")).hexdigest() == SEED_BODY_SHA256[article_id]


def test_metadata_of_the_seed_articles(corpus: Corpus) -> None:
    by_id = {a.id: a for a in corpus.articles}
    assert {k: a.published for k, a in by_id.items()} == {
        "000_9154f6903408afad": date(2025, 11, 7),
        "001_837904dac7d69cd7": date(2025, 11, 25),
        "002_19b2f72fda372731": date(2025, 8, 2),
        "003_ae4195037769579a": date(2025, 10, 28),
        "004_3c3a3a1058f57532": date(2025, 11, 25),
    }
    assert by_id["002_19b2f72fda372731"].date_basis.startswith("inferred")
    assert by_id["004_3c3a3a1058f57532"].date_basis.startswith("inferred")
    assert by_id["000_9154f6903408afad"].dateline == "Tehran"
    assert all(a.source == "unknown" for a in corpus.articles)
    assert (
        by_id["004_3c3a3a1058f57532"].standfirst
        == "Palestine hailed as one of central pillars of Muslim unity"
    )
    assert by_id["002_19b2f72fda372731"].standfirst == ""
    assert by_id["000_9154f6903408afad"].title.startswith("‘Now more than ever’")


def _write(folder: Path, name: str, data: str | bytes) -> None:
    path = folder / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


BAD_FILES: list[tuple[str, str | bytes, str]] = [
    ("latin1.md", GOOD.replace("Body text.", "Caf\xe9").encode("latin-1"), "not valid UTF-8 (byte"),
    ("nofront.md", "Just some text\nwith no front matter\n", "missing front matter"),
    ("unclosed.md", '+++\ntitle = "x"\nBody\n', "front matter is not closed"),
    ("malformed.md", '+++\ntitle = "unterminated\n+++\n\nBody\n', "malformed front matter"),
    ("notitle.md", '+++\nid = "nt"\n+++\n\nBody text.\n', "missing title"),
    ("empty.md", '+++\nid = "e"\ntitle = "Empty"\n+++\n\n   \n', "empty body"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    ("baddate.md", '+++\ntitle = "T"\npublished = "last week"\n+++\n\nBody\n', "published must be a date"),
    ("badtype.md", "+++\ntitle = 42\n+++\n\nBody\n", "title must be text"),
    (
        "badid.md",
        '+++\nid = "a\\u0001b"\ntitle = "T"\n+++\n\nBody\n',
        "id must not contain control characters",
    ),
]


def test_every_bad_file_gets_a_one_line_problem_and_the_rest_still_load(tmp_path: Path) -> None:
    _write(tmp_path, "good.md", GOOD)
    for name, data, _ in BAD_FILES:
        _write(tmp_path, name, data)
    with (tmp_path / "huge.md").open("wb") as handle:
        handle.write(GOOD.encode())
        handle.truncate(20 * 1024 * 1024)
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["ok"]
    problems = {Path(p.path).name: p.message for p in corpus.problems}
    for name, _, expected in BAD_FILES:
        assert expected in problems[name], (name, problems[name])
    assert problems["huge.md"] == f"too large (20 MiB; the limit is {MAX_ARTICLE_BYTES // 1048576} MiB)"
    assert all("\n" not in str(p) and str(tmp_path) in str(p) for p in corpus.problems)


def test_duplicate_ids_keep_the_first(tmp_path: Path) -> None:
    _write(tmp_path, "a.md", GOOD)
    _write(tmp_path, "b.md", GOOD)
    corpus = load_corpus(tmp_path)
    assert [a.path for a in corpus.articles] == [str(tmp_path / "a.md")]
    assert corpus.problems[0].message == "duplicate id 'ok', already used by a.md"


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    _write(tmp_path, "good.md", GOOD)
    (tmp_path / "dir.md").mkdir()
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 1
    assert corpus.problems[0].message == "is a folder, not a regular file"


def test_missing_folder_is_a_problem(tmp_path: Path) -> None:
    corpus = load_corpus(tmp_path / "nope")
    assert corpus.articles == []
    assert "does not exist" in corpus.problems[0].message


def test_other_files_are_ignored(tmp_path: Path) -> None:
    _write(tmp_path, "good.md", GOOD)
    _write(tmp_path, "entities.toml", "[[entity]]\n")
    _write(tmp_path, "notes.txt", "scratch")
    _write(tmp_path, ".hidden.md", "junk")
    assert load_corpus(tmp_path).problems == []


def test_id_defaults_to_the_file_name_and_bom_is_accepted(tmp_path: Path) -> None:
    _write(tmp_path, "my-article.md", "\ufeff" + GOOD.replace('id = "ok"\n', ""))
    (article,) = load_corpus(tmp_path).articles
    assert article.id == "my-article"


def test_render_then_split_round_trips_every_field() -> None:
    meta = {"id": "x", "title": 'He said "hi" \\ [bold]', "published": date(2025, 1, 2), "url": ""}
    table, body = frontmatter.split(frontmatter.render(meta, "Body\n\nline two  \n"))
    assert table == {"id": "x", "title": 'He said "hi" \\ [bold]', "published": date(2025, 1, 2)}
    assert body == "Body\n\nline two"


def test_find_by_unique_prefix(corpus: Corpus) -> None:
    article = corpus.find("003")
    assert article is not None and article.id == "003_ae4195037769579a"
    assert corpus.find("00") is None
    assert corpus.find("zzz") is None


def _load_within(folder: Path, seconds: float) -> Corpus:
    """Load a corpus in a thread, failing the test (not hanging it) if it takes over ``seconds``."""
    loaded: list[Corpus] = []
    thread = threading.Thread(target=lambda: loaded.append(load_corpus(folder)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"load_corpus({folder}) still running after {seconds} s"
    return loaded[0]


def test_a_fifo_or_any_non_regular_file_is_a_problem_and_never_opened_blocking(tmp_path: Path) -> None:
    _write(tmp_path, "good.md", GOOD)
    os.mkfifo(tmp_path / "fifo.md")
    os.mkfifo(tmp_path / "target")
    (tmp_path / "link.md").symlink_to(tmp_path / "target")
    (tmp_path / "null.md").symlink_to("/dev/null")
    (tmp_path / "folder.md").mkdir()
    try:
        corpus = _load_within(tmp_path, 10)
    finally:  # a loader blocked on a FIFO is let go by opening its writing end
        for fifo in (tmp_path / "fifo.md", tmp_path / "target"):
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert [a.id for a in corpus.articles] == ["ok"]
    problems = {Path(p.path).name: p.message for p in corpus.problems}
    assert problems == {
        "fifo.md": "is a FIFO (named pipe), not a regular file",
        "link.md": "is a FIFO (named pipe), not a regular file",
        "null.md": "is a device, not a regular file",
        "folder.md": "is a folder, not a regular file",
    }


NESTED = "x = " + "[" * 2000 + "]" * 2000


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (NESTED, "malformed front matter: nested too deeply"),
        ("x = " + "1" * 5000, "malformed front matter: a number with more digits than this program reads"),
        ("x = " + "{a = " * 1500 + "1" + "}" * 1500, "malformed front matter: nested too deeply"),
    ],
    ids=["nested-arrays", "huge-integer", "nested-tables"],
)
def test_front_matter_that_breaks_the_toml_reader_is_that_files_problem(
    tmp_path: Path, header: str, expected: str
) -> None:
    _write(tmp_path, "good.md", GOOD)
    _write(tmp_path, "deep.md", f'+++\ntitle = "Deep"\n{header}\n+++\n\nBody\n')
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["ok"]
    (problem,) = corpus.problems
    assert problem.path == str(tmp_path / "deep.md") and problem.message.startswith(expected)


def test_any_exception_while_reading_one_file_is_that_files_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core import corpus as corpus_module

    _write(tmp_path, "good.md", GOOD)
    _write(tmp_path, "odd.md", GOOD.replace('"ok"', '"odd"'))
    building = corpus_module.article_from

    def fail_on_odd(table: dict[str, object], body: str, path: Path) -> object:
        if path.name == "odd.md":
            raise KeyError("surprise")
        return building(table, body, path)

    monkeypatch.setattr(corpus_module, "article_from", fail_on_odd)
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["ok"]
    (problem,) = corpus.problems
    assert problem.path.endswith("odd.md") and problem.message == "cannot be loaded: KeyError: 'surprise'"


def test_an_articles_path_that_is_not_a_folder_says_what_it_is(tmp_path: Path) -> None:
    _write(tmp_path, "articles", GOOD)
    os.mkfifo(tmp_path / "pipe")
    problems = [p.message for name in ("articles", "pipe") for p in load_corpus(tmp_path / name).problems]
    assert problems == [
        "the articles folder is a file, not a folder",
        "the articles folder is a FIFO (named pipe), not a folder",
    ]


def test_an_articles_folder_that_cannot_be_listed_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: object) -> list[str]:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "listdir", refuse)
    monkeypatch.setattr(Path, "iterdir", refuse)
    (problem,) = load_corpus(tmp_path).problems
    assert problem.message == "the articles folder cannot be read: permission denied"
