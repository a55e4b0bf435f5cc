"""Front matter of the shapes the app writes is read without the TOML parser, exactly as the
parser reads it; anything else is left to the parser."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tui.core import frontmatter
from tui.core.frontmatter import _simple_table

ARTICLES = Path(__file__).resolve().parents[2] / "articles"


def test_the_bundled_articles_front_matter_is_read_as_the_parser_reads_it() -> None:
    headers = [path.read_text("utf-8").split("+++\n")[1] for path in sorted(ARTICLES.glob("*.md"))]
    assert len(headers) == 5
    for header in headers:
        table = _simple_table(header)
        assert table is not None  # every line of the shapes written
        assert table == tomllib.loads(header)
    escaped = next(h for h in headers if '\\"' in h)  # date_basis quotes its dateline
    assert '"November 7, 2025' in str(_simple_table(escaped))


def test_other_shapes_are_left_to_the_parser() -> None:
    for header in (
        'id = "a"\n\ntitle = "b"\n',  # a blank line
        '# a comment\ntitle = "b"\n',
        'title = "b"\ntitle = "c"\n',  # a key twice: the parser refuses it
        "published = 2025-02-30\n",  # no such day
        "published = 2025-11-07T10:00:00\n",
        "title = 'literal'\n",
        'title = "tab\\there"\n',
        'tags = ["a", "b"]\n',
        'title = "b"\r\n',
        "published = ٢٠٢٥-١١-٠٧\n",  # digits other than ASCII's
    ):
        assert _simple_table(header) is None, header


def test_a_simple_article_splits_to_the_parser_s_table() -> None:
    source = '+++\nid = "x"\ntitle = "Pakistan\\\\Iran \\"talks\\""\npublished = 2025-11-07\n+++\n\nBody.\n'
    table, body = frontmatter.split(source)
    assert table == {"id": "x", "title": 'Pakistan\\Iran "talks"', "published": date(2025, 11, 7)}
    assert body == "Body."


_KEYS = st.text("abcdefghijklmnopqrstuvwxyzABC_-019", min_size=1, max_size=8)
_VALUES = st.one_of(
    st.text(max_size=20).map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'),
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.text("0123456789-:T \"'\\#[]{}.,=x\t", max_size=14),
)
_LINES = st.lists(
    st.tuples(
        _KEYS, st.sampled_from([" = ", "=", " =\t", "\t= "]), _VALUES, st.sampled_from(["", " ", "\t"])
    ),
    max_size=6,
)


@given(_LINES, st.booleans())
def test_whenever_a_header_is_read_without_the_parser_it_is_read_as_the_parser_reads_it(
    lines: list[tuple[str, str, str, str]], ended: bool
) -> None:
    header = "\n".join(f"{key}{equals}{value}{tail}" for key, equals, value, tail in lines)
    header += "\n" if ended and header else ""
    table = _simple_table(header)
    if table is None:
        return
    assert table == tomllib.loads(header)


def _fence_by_splitlines(rest: str) -> tuple[int, int] | None:
    """The closing fence as found by splitting every line (what :func:`frontmatter._closing_fence`
    does without splitting the body)."""
    position = 0
    for line in rest.splitlines(keepends=True):
        if line.rstrip() == frontmatter.FENCE:
            return position, position + len(line)
        position += len(line)
    return None


@given(
    st.lists(st.sampled_from(["+++", " +++ ", "++", "id = 1", "", "x+++"]), max_size=6),
    st.text("\n\r\x0b\x0c\x1c\x85\u2028 ", min_size=1, max_size=3),
)
def test_the_closing_fence_is_where_splitting_the_lines_finds_it(lines: list[str], breaks: str) -> None:
    rest = breaks.join(lines) + breaks[:1] + "Body text.\nMore"
    assert frontmatter._closing_fence(rest) == _fence_by_splitlines(rest)
