"""Random and adversarial files to add (text, Markdown, HTML): a draft, or one ArticleFormatError line."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.fuzz.limits import assert_one_line, example_file
from tui.core.adding.sources import read_draft
from tui.core.frontmatter import ArticleFormatError

TEN_MEGABYTES = 10 * 1024 * 1024
TAGS = ("p", "div", "nav", "header", "footer", "article", "main", "a", "li", "ul", "script", "style", "title")

words = st.lists(
    st.sampled_from(["Iran", "Pakistan", "talks", "the", "minister", "said", "trade", "—"]), max_size=40
)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A page of random nested elements, text and attributes, now and then left unclosed or broken."""
    parts = ["<!doctype html>" if draw(st.booleans()) else "", "<html><head>"]
    if draw(st.booleans()):
        parts.append(f"<title>{draw(st.text(max_size=30))}</title>")
    if draw(st.booleans()):
        parts.append(f'<meta property="article:published_time" content="{draw(st.text(max_size=20))}">')
    parts.append("</head><body>")
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        tag = draw(st.sampled_from(TAGS))
        attribute = draw(st.sampled_from(["", ' role="navigation"', ' href="x"', ' class="menu"', " \x00"]))
        text = " ".join(draw(words)) if draw(st.booleans()) else draw(st.text(max_size=40))
        closing = draw(st.sampled_from([f"</{tag}>", "", "</", "<"]))
        parts.append(f"<{tag}{attribute}>{text}{closing}")
    parts.append("</body></html>")
    return "".join(parts)


@st.composite
def files_to_add(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name's suffix and the file's bytes."""
    suffix = draw(st.sampled_from([".txt", ".md", ".html", ".htm", ".xhtml", ".pdf", ""]))
    if suffix in (".html", ".htm", ".xhtml") and draw(st.booleans()):
        text = draw(html_pages())
    elif suffix == ".md" and draw(st.booleans()):
        text = "+++\n" + draw(st.text(max_size=60)) + "\n+++\n" + draw(st.text(max_size=60))
    else:
        text = draw(st.text(max_size=200))
    content = text.encode("utf-8")
    if draw(st.integers(min_value=0, max_value=4)) == 0:
        content = draw(st.binary(max_size=100))
    return suffix, content


@settings(settings.get_profile("fuzz"), max_examples=150)
@given(files_to_add())
@example((".txt", b"\x00\x00binary"))
@example((".txt", b"\xef\xbb\xbfA title\r\n\r\nA body, with CRLF line ends.\r\n"))
@example((".md", b'+++\ntitle = "unterminated fence"\nbody'))
@example((".md", b"+++\nx = " + b"[" * 2000 + b"]" * 2000 + b"\n+++\nbody"))
@example((".html", b"<div>" * 3000 + b"deep"))
@example((".html", b"<html><body>" + b'<nav><a href="/">Section</a></nav>' * 200 + b"</body></html>"))
@example((".txt", b"Title\n\n" + b"word " * (TEN_MEGABYTES // 5)))
@example((".html", b"<p>" + b"a" * TEN_MEGABYTES + b"</p>"))
@example((".txt", "Title\n\nA lone surrogate \udc80 escaped".encode("utf-8", "surrogateescape")))
def test_a_file_to_add_is_a_draft_or_one_line(tmp_path: Path, file: tuple[str, bytes]) -> None:
    suffix, content = file
    with example_file("add: read_draft", tmp_path / f"page{suffix}", content) as path:
        try:
            draft = read_draft(path)
        except ArticleFormatError as error:
            assert_one_line(error)
        else:
            assert draft.title.strip() and draft.text.strip()
            assert "\n" not in draft.title
