"""Random and adversarial article files: each is an article or one ArticleFormatError line, nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.fuzz.limits import assert_one_line, example_file, time_limit
from tui.core import frontmatter
from tui.core.corpus import MAX_ARTICLE_BYTES, load_article, load_corpus
from tui.core.frontmatter import ArticleFormatError

FIELDS = ("id", "title", "standfirst", "published", "dateline", "date_basis", "source", "url")
DEEP_ARRAYS = "[" * 2000 + "]" * 2000
HUGE_NUMBER = "1" + "0" * 5000
TEN_MEGABYTES = 10 * 1024 * 1024

#: TOML values as written in a file: well-formed ones of every type, and broken ones.
toml_values = st.one_of(
    st.text(max_size=40).map(lambda value: json.dumps(value, ensure_ascii=False)),
    st.integers().map(str),
    st.sampled_from(
        ["2025-11-07", "1979-02-11T10:00:00", "unknown", "true", "nan", "-inf", "{}", "[]", '"""', "'", "["]
    ),
    st.sampled_from([DEEP_ARRAYS, HUGE_NUMBER, "{ a = { b = { c = 1 } } }", '"\\ud800"', '"\\u0000"']),
    st.text(max_size=20),
)
front_matter_lines = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(FIELDS), toml_values).map(lambda pair: f"{pair[0]} = {pair[1]}"),
        st.tuples(st.text(max_size=10), toml_values).map(lambda pair: f"{pair[0]} = {pair[1]}"),
        st.sampled_from(["[table]", "[[array]]", "+++", "+++ ", "# comment", ""]),
        st.text(max_size=30),
    ),
    max_size=12,
)


@st.composite
def article_sources(draw: st.DrawFn) -> str:
    """An article file's text: front matter shaped like the real one, fences and line ends varied."""
    lines = draw(front_matter_lines)
    if draw(st.booleans()):  # a title, so that parsing often gets past the front matter
        lines.insert(0, 'title = "A title"')
    body = draw(st.text(max_size=200))
    closing = draw(st.sampled_from(["+++\n", "+++", "+++\r\n", "", "++\n", " +++\n"]))
    source = draw(st.sampled_from(["+++\n", "\ufeff+++\n", "+++\r\n", "", "+++ \n"]))
    source += "\n".join(lines) + "\n" + closing + body
    if draw(st.booleans()):
        source = source.replace("\n", "\r\n")
    return source


def _split_or_refuse(source: str) -> None:
    """``frontmatter.split`` returns a table and a body, or raises a one-line ArticleFormatError."""
    try:
        table, body = frontmatter.split(source)
    except ArticleFormatError as error:
        assert_one_line(error)
    else:
        assert isinstance(table, dict) and isinstance(body, str)


@settings(settings.get_profile("fuzz"), max_examples=300)
@given(article_sources() | st.text())
@example("+++\nx = " + DEEP_ARRAYS + "\n+++\nbody")
@example('+++\ntitle = "t"\npublished = ' + HUGE_NUMBER + "\n+++\nbody")
@example('+++\ntitle = "t\\u0000"\n+++\nbody\x00with NUL')
@example('\ufeff+++\r\ntitle = "BOM and CRLF"\r\n+++\r\nbody\r\n')
@example('+++\ntitle = "no closing fence"\nbody')
@example('+++\ntitle = "t"\n+++\n' + "word " * (TEN_MEGABYTES // 5))
@example('+++\ntitle = "' + "x" * TEN_MEGABYTES + '"\n+++\nbody')
def test_the_front_matter_reader_accepts_or_refuses_in_one_line(source: str) -> None:
    with time_limit("front matter: split"):
        _split_or_refuse(source)


@settings(settings.get_profile("fuzz"), max_examples=200)
@given(
    article_sources().map(lambda text: text.encode("utf-8"))
    | st.binary(max_size=300)
    | st.builds(lambda head, tail: head + tail, article_sources().map(str.encode), st.binary(max_size=20))
)
@example(b'+++\ntitle = "t"\n+++\nbody \x00 NUL')
@example(b'+++\ntitle = "t"\n+++\nnot UTF-8 \xff\xfe')
@example(b'\xef\xbb\xbf+++\r\ntitle = "t"\r\n+++\r\nbody')
@example(b"+++\nx = " + DEEP_ARRAYS.encode() + b"\n+++\nbody")
@example(b'+++\ntitle = "t"\n+++\n' + b"a" * (MAX_ARTICLE_BYTES + 1))
def test_an_article_file_loads_or_is_one_problem(tmp_path: Path, content: bytes) -> None:
    with example_file(
        "front matter: load_article and load_corpus", tmp_path / "000_fuzz.md", content
    ) as path:
        try:
            article = load_article(path)
        except ArticleFormatError as error:
            assert_one_line(error)
        else:
            assert article.title.strip() and article.text.strip()
        corpus = load_corpus(tmp_path)  # the folder's loader never raises either
        assert len(corpus.articles) + len(corpus.problems) == 1
        assert all("\n" not in problem.message for problem in corpus.problems)
