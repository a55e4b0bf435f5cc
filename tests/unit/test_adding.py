"""Adding articles: each format, what is read from the text, the defaults, duplicates and every failure."""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ARTICLES, make_not_a_file
from tui.core.adding.add import LOCK_NAME, Defaults, add_paths, expand
from tui.core.corpus import load_article, load_corpus
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.models import Article

DATELINED = """‘Now more than ever’, Iran, Pakistan urge closer ties

November 7, 2025 - 20:37

TEHRAN – Iran’s Parliament Speaker Mohammad Baqer Qalibaf called for a new phase in relations.

He proposed raising bilateral trade to $10 billion.
"""

PAGE = """<!doctype html>
<html><head>
<title>Pakistan, Iran sign border trade deal</title>
<meta property="og:site_name" content="Dawn">
<meta property="article:published_time" content="2025-10-28T09:00:00+05:00">
<link rel="canonical" href="https://www.dawn.com/news/1">
</head><body>
<nav><ul><li>Home</li><li>Sport</li><li>Subscribe now</li></ul></nav>
<article>
<h1>Pakistan, Iran sign border trade deal</h1>
<p>ISLAMABAD: Pakistan and Iran on Tuesday signed an agreement to open three new border markets,
officials said, as both sides pushed to raise bilateral trade to $10 billion.</p>
<p>Interior Minister Mohsin Naqvi said the markets would help traders in Balochistan and
Sistan-Baluchestan, and that more crossings would follow in the coming months.</p>
<p>The deal was signed at the foreign office in the presence of senior officials from both
countries, who also discussed security along the 900-kilometre border.</p>
</article>
<footer>Copyright Dawn. All rights reserved. Cookie settings.</footer>
</body></html>
"""


@pytest.fixture(scope="module")
def engine() -> EntityEngine:
    """The engine on the bundled known entities."""
    return EntityEngine(load_gazetteer(ARTICLES / "entities.toml"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty articles folder."""
    articles = tmp_path / "articles"
    articles.mkdir()
    return articles


def write(path: Path, content: str | bytes) -> Path:
    """Write a file (text as UTF-8) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_plain_text_title_date_line_and_place(tmp_path: Path, folder: Path, engine: EntityEngine) -> None:
    source = write(tmp_path / "in" / "story.txt", DATELINED)
    report = add_paths([source], folder, engine)
    (outcome,) = report.outcomes
    assert outcome.status == "added" and outcome.article.startswith("000_")
    (article,) = load_corpus(folder).articles
    assert article.title == "‘Now more than ever’, Iran, Pakistan urge closer ties"
    assert article.published == date(2025, 11, 7) and "November 7, 2025" in article.date_basis
    assert article.dateline == "Tehran" and article.source == "unknown"
    assert article.text == DATELINED.split("\n", 2)[2].strip()  # the body, word for word


def test_markdown_heading_is_the_title_and_the_body_stays_markdown(
    tmp_path: Path, folder: Path, engine: EntityEngine
) -> None:
    body = "Officials met in *Islamabad* on Tuesday.\n\n- trade\n- security"
    source = write(tmp_path / "note.md", f"# Border talks resume\n\n{body}\n")
    add_paths([source], folder, engine, Defaults(source="Dawn", url="https://example.org/a"))
    (article,) = load_corpus(folder).articles
    assert article.title == "Border talks resume" and article.text == body
    assert article.published is None and article.date_basis == "unknown"
    assert article.source == "Dawn" and article.url == "https://example.org/a"


def test_an_article_file_keeps_its_front_matter(tmp_path: Path, folder: Path, engine: EntityEngine) -> None:
    original = next(ARTICLES.glob("003_*.md"))
    source = write(tmp_path / "copy.md", original.read_text(encoding="utf-8"))
    add_paths([source], folder, engine)
    (article,) = load_corpus(folder).articles
    bundled = load_corpus(ARTICLES).find("003")
    assert bundled is not None
    assert (article.title, article.published, article.text) == (
        bundled.title,
        bundled.published,
        bundled.text,
    )


def test_html_is_reduced_to_the_article_with_its_metadata(
    tmp_path: Path, folder: Path, engine: EntityEngine
) -> None:
    source = write(tmp_path / "page.html", PAGE)
    (outcome,) = add_paths([source], folder, engine).outcomes
    assert outcome.status == "added", outcome.message
    (article,) = load_corpus(folder).articles
    assert article.title == "Pakistan, Iran sign border trade deal"
    assert article.published == date(2025, 10, 28) and article.date_basis == "the page's metadata"
    assert article.source == "Dawn" and article.url == "https://www.dawn.com/news/1"
    assert "three new border markets" in article.text and "Mohsin Naqvi" in article.text
    assert "Subscribe" not in article.text and "Cookie" not in article.text and "<p>" not in article.text


def test_the_defaults_fill_only_what_a_file_does_not_say(
    tmp_path: Path, folder: Path, engine: EntityEngine
) -> None:
    undated = write(tmp_path / "a.txt", "Talks go on\n\nThe two sides met again in Tehran to discuss trade.")
    dated = write(tmp_path / "b.txt", DATELINED)
    defaults = Defaults(title="Unused", published=date(2025, 1, 2), source="APP")
    add_paths([undated, dated], folder, engine, defaults)
    first, second = load_corpus(folder).articles
    assert first.title == "Talks go on" and first.published == date(2025, 1, 2)
    assert first.date_basis == "given when added (--published)" and first.source == "APP"
    assert second.published == date(2025, 11, 7)  # its own date line wins over the default


def test_duplicates_are_skipped_with_the_article_they_repeat(
    tmp_path: Path, folder: Path, engine: EntityEngine
) -> None:
    one = write(tmp_path / "one.txt", DATELINED)
    again = write(tmp_path / "again.txt", DATELINED.replace("\n\n", "\n\n\n"))  # spacing differs only
    report = add_paths([one, again], folder, engine)
    assert [o.status for o in report.outcomes] == ["added", "skipped"]
    assert report.outcomes[0].article in report.outcomes[1].message
    assert add_paths([one], folder, engine).outcomes[0].status == "skipped"
    assert len(load_corpus(folder).articles) == 1


def test_a_bundled_article_saved_with_its_title_line_is_a_duplicate(
    tmp_path: Path, folder: Path, engine: EntityEngine
) -> None:
    bundled = load_corpus(ARTICLES).find("002")
    assert bundled is not None
    write(folder / "002.md", next(ARTICLES.glob("002_*.md")).read_text(encoding="utf-8"))
    source = write(tmp_path / "saved.txt", f"{bundled.title}\n\n{bundled.text}\n")
    (outcome,) = add_paths([source], folder, engine).outcomes
    assert outcome.status == "skipped" and bundled.id in outcome.message


def test_every_bad_file_is_reported_and_the_others_are_added(
    tmp_path: Path, folder: Path, engine: EntityEngine
) -> None:
    good = write(tmp_path / "good.txt", DATELINED)
    bad = {
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "latin1.txt": "Caf\xe9 talks\n\nIran and Pakistan.".encode("latin-1"),
        "empty.md": b"  \n\n",
        "photo.jpg": b"\xff\xd8\xff",
        "huge.txt": b"word " * (2 * 1024 * 1024),
        "broken.md": b"+++\ntitle = \n+++\n\nBody",
        "empty.html": b"<html><body><nav>Home</nav></body></html>",
    }
    paths = [write(tmp_path / name, data) for name, data in bad.items()]
    missing = tmp_path / "missing.txt"
    report = add_paths([*paths, missing, good], folder, engine)
    failed = {Path(o.path).name: o.message for o in report.of("failed")}
    assert set(failed) == {*bad, "missing.txt"}
    assert "binary" in failed["binary.txt"] and "UTF-8" in failed["latin1.txt"]
    assert "empty" in failed["empty.md"] and "not a text, Markdown or HTML" in failed["photo.jpg"]
    assert "too large" in failed["huge.txt"] and "malformed front matter" in failed["broken.md"]
    assert "no article text" in failed["empty.html"] and "cannot read" in failed["missing.txt"]
    assert all("\n" not in message for message in failed.values())
    assert [o.status for o in report.outcomes][-1] == "added"
    assert len(load_corpus(folder).articles) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_articles_folder_fails_each_file_cleanly(
    tmp_path: Path, folder: Path, engine: EntityEngine
) -> None:
    source = write(tmp_path / "a.txt", DATELINED)
    folder.chmod(0o555)
    try:
        (outcome,) = add_paths([source], folder, engine).outcomes
    finally:
        folder.chmod(0o755)
    assert outcome.status == "failed" and "cannot be written" in outcome.message
    assert [p.name for p in folder.iterdir()] in ([], [LOCK_NAME])  # the lock file, if it could be made


def test_folders_are_walked_and_ids_continue_the_numbering(
    tmp_path: Path, folder: Path, engine: EntityEngine
) -> None:
    write(folder / "041_0123456789abcdef.md", next(ARTICLES.glob("000_*.md")).read_text(encoding="utf-8"))
    incoming = tmp_path / "incoming"
    write(incoming / "b" / "two.md", "# Second\n\nPakistan and Iran met in Karachi.")
    write(incoming / "a.txt", "First\n\nIran and Pakistan met in Quetta.")
    write(incoming / "README.md", "# About this folder\n\nNot an article.")
    write(incoming / ".hidden" / "x.txt", "Hidden\n\nNot taken.")
    write(incoming / "notes.csv", "a,b")
    assert [p.name for p in expand([incoming])] == ["a.txt", "two.md"]
    report = add_paths([incoming], folder, engine)
    assert [o.article[:4] for o in report.outcomes] == ["042_", "043_"]
    titles = [a.title for a in load_corpus(folder).articles]
    assert titles[-2:] == ["First", "Second"]


def test_progress_is_reported_per_file_and_can_stop_the_import(
    tmp_path: Path, folder: Path, engine: EntityEngine
) -> None:
    sources = [write(tmp_path / f"{n}.txt", f"Story {n}\n\nIran and Pakistan, part {n}.") for n in range(5)]
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, outcome: object) -> bool:
        seen.append((done, total))
        return done < 3

    report = add_paths(sources, folder, engine, progress=progress)
    assert seen == [(1, 5), (2, 5), (3, 5)] and len(report.outcomes) == 3
    assert len(load_corpus(folder).articles) == 3


def test_a_failed_write_leaves_no_file_behind(
    tmp_path: Path, folder: Path, engine: EntityEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write(tmp_path / "a.txt", DATELINED)

    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "link", refuse)
    (outcome,) = add_paths([source], folder, engine).outcomes
    assert outcome.status == "failed" and outcome.message.endswith(
        "cannot be written to " + str(folder) + ": Permission denied"
    )
    assert [p.name for p in folder.iterdir()] in ([], [LOCK_NAME])  # the lock file, if it could be made


def test_a_taken_number_moves_on_to_the_next(
    tmp_path: Path, folder: Path, engine: EntityEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another ``add`` took the number meanwhile: the article goes under the next one."""
    from tui.core.adding import add as adding

    source = write(tmp_path / "a.txt", DATELINED)
    taken = folder / (adding.article_id(0, adding.read_draft(source).text) + ".md")
    write(taken, "taken by another add")
    monkeypatch.setattr(adding, "next_number", lambda _: 0)
    (outcome,) = add_paths([source], folder, engine).outcomes
    assert outcome.status == "added" and outcome.article.startswith("001_")
    assert taken.read_text(encoding="utf-8") == "taken by another add"


def test_an_articles_path_that_is_a_file_is_one_clear_error(tmp_path: Path, engine: EntityEngine) -> None:
    from tui.core.adding.add import AddError

    blocker = write(tmp_path / "articles", "not a folder")
    with pytest.raises(AddError, match="cannot hold articles"):
        add_paths([write(tmp_path / "a.txt", DATELINED)], blocker, engine)


def _menu_page(body: str) -> str:
    """A page whose body is ``body``, with a title and a site name."""
    return (
        "<!doctype html><html><head><title>Dawn: sections</title>"
        f'<meta property="og:site_name" content="Dawn"></head><body>{body}</body></html>'
    )


LINKS = [f'<a href="/section/{n}">Section {n}</a>' for n in range(200)]
MENU_PAGES = {
    "nav-list": _menu_page("<nav><ul>" + "".join(f"<li>{link}</li>" for link in LINKS) + "</ul></nav>"),
    "bare-list": _menu_page("<ul>" + "".join(f"<li>{link}</li>" for link in LINKS) + "</ul>"),
    "div-of-links": _menu_page("<div>" + " ".join(LINKS) + "</div>"),
    "paragraphs-of-links": _menu_page("".join(f"<p>{link}</p>" for link in LINKS)),
    "one-line-menus": _menu_page(
        "".join("<p>" + " | ".join(LINKS[n : n + 10]) + "</p>" for n in range(0, 200, 10))
    ),
    "role-navigation": _menu_page(
        '<div role="navigation">' + "".join(f"<span>{link}</span>" for link in LINKS) + "</div>"
    ),
}


@pytest.mark.parametrize("page", sorted(MENU_PAGES))
def test_a_page_made_only_of_menus_is_refused(
    tmp_path: Path, folder: Path, engine: EntityEngine, page: str
) -> None:
    source = write(tmp_path / f"{page}.html", MENU_PAGES[page])
    (outcome,) = add_paths([source], folder, engine).outcomes
    assert outcome.status == "failed" and "no article text found in the HTML" in outcome.message
    assert list(folder.glob("*.md")) == []


def _as_html(article: Article, menu: bool) -> str:
    """A bundled article as a news site would serve it: paragraphs, some with links, around menus."""
    paragraphs = [p for p in article.text.split("\n") if p.strip()]
    linked = [
        f'<p>{html.escape(p)} <a href="/more/{n}">Read more</a></p>'
        if n % 3 == 0
        else f"<p>{html.escape(p)}</p>"
        for n, p in enumerate(paragraphs)
    ]
    navigation = (
        "<nav><ul>" + "".join(f"<li>{link}</li>" for link in LINKS[:40]) + "</ul></nav>" if menu else ""
    )
    return (
        f"<!doctype html><html><head><title>{html.escape(article.title)}</title></head><body>{navigation}"
        f"<article><h1>{html.escape(article.title)}</h1>{''.join(linked)}</article>"
        f"<footer>{' '.join(LINKS[40:60])}</footer></body></html>"
    )


@pytest.mark.parametrize("menu", [True, False], ids=["with-menus", "bare"])
def test_real_articles_as_html_pages_are_still_added(
    tmp_path: Path, folder: Path, engine: EntityEngine, menu: bool
) -> None:
    bundled = load_corpus(ARTICLES).articles
    sources = [write(tmp_path / f"{a.id}.html", _as_html(a, menu)) for a in bundled]
    report = add_paths(sources, folder, engine)
    assert [o.status for o in report.outcomes] == ["added"] * len(bundled), [
        o.message for o in report.outcomes
    ]
    added = load_corpus(folder).articles
    assert [a.title for a in added] == [a.title for a in bundled]
    assert all("Section" not in a.text for a in added)


@pytest.mark.parametrize("kind", ["folder", "fifo", "loop"])
def test_a_lock_file_that_is_not_a_file_is_said_in_words(
    tmp_path: Path, folder: Path, engine: EntityEngine, kind: str
) -> None:
    lock = make_not_a_file(folder / LOCK_NAME, kind)
    (outcome,) = add_paths([write(tmp_path / "a.txt", DATELINED)], folder, engine).outcomes
    what = {
        "folder": "is a folder",
        "fifo": "is a FIFO (named pipe)",
        "loop": "is a symbolic link that leads nowhere",
    }
    assert outcome.status == "failed"
    assert outcome.message.startswith(f"cannot be written to {folder}: {lock} {what[kind]}, not a lock file")
    assert list(folder.glob("*.md")) == []


def test_a_text_another_add_wrote_meanwhile_is_a_duplicate(
    tmp_path: Path, folder: Path, engine: EntityEngine
) -> None:
    """Between two files, another process adds the second file's text: it is not added twice."""
    from tui.core.adding.sources import read_draft
    from tui.core.adding.writer import render, write_new

    first = write(tmp_path / "a.txt", "First\n\nIran and Pakistan met in Quetta.")
    second = write(tmp_path / "b.txt", "Second\n\nPakistan and Iran met in Karachi.")

    def another_add(done: int, total: int, outcome: object) -> bool:
        if done == 1:
            write_new(folder, "007_elsewhere.md", render("007_elsewhere", read_draft(second)))
        return True

    report = add_paths([first, second], folder, engine, progress=another_add)
    assert [o.status for o in report.outcomes] == ["added", "skipped"]
    assert report.outcomes[1].message == "the same text as 007_elsewhere"
    assert report.outcomes[0].article.startswith("000_")


def test_the_articles_already_there_are_read_before_the_lock_is_taken(
    tmp_path: Path, folder: Path, engine: EntityEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a large corpus takes long; done under the lock, it made other adds wait past the
    lock's time limit. Under the lock only what is new since is read (here, the file written)."""
    from filelock import FileLock, Timeout

    from tui.core.adding import add

    for path in ARTICLES.glob("*.md"):
        write(folder / path.name, path.read_text(encoding="utf-8"))
    read_under_lock: list[str] = []

    def load_watched(path: Path) -> Article:
        probe = FileLock(folder / LOCK_NAME, timeout=0)  # another holder of the lock, as another add
        try:
            probe.acquire()
        except Timeout:
            read_under_lock.append(path.name)
        else:
            probe.release()
        return load_article(path)

    monkeypatch.setattr(add, "load_article", load_watched)
    (outcome,) = add_paths([write(tmp_path / "a.txt", DATELINED)], folder, engine).outcomes
    assert outcome.status == "added"
    assert read_under_lock == [f"{outcome.article}.md"]
