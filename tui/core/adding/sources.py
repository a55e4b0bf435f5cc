"""Reading a file to add: its body text and what it says about itself (title, date, source, address).

Plain text and Markdown take their title from the first line (a Markdown heading's ``#`` marks
dropped); a Markdown file already in the corpus format keeps its front matter. HTML is reduced
to the article's readable text by trafilatura, which also reads the page's title, date, site
name and address from its markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tui.core import frontmatter
from tui.core.corpus import read_text
from tui.core.frontmatter import ArticleFormatError

#: The suffixes ``add`` takes, and how each is read.
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES
#: Fewer words than this in a page's main text is a page without an article (a menu, an index).
MIN_HTML_WORDS = 20
#: A first line longer than this is the start of the text, not a title.
TITLE_CHARS = 200
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


@dataclass
class Draft:
    """An article read from a file, before it is given an id and written."""

    path: str
    title: str
    text: str
    published: date | None = None
    date_basis: str = ""
    source: str = ""
    url: str = ""
    standfirst: str = ""
    dateline: str = ""


def read_draft(path: Path) -> Draft:
    """Read a file to add; ``ArticleFormatError`` says in one line why it cannot be."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleFormatError(f"not a text, Markdown or HTML file ({suffix or 'no suffix'})")
    source = read_text(path)
    if suffix in HTML_SUFFIXES:
        draft = _from_html(source, path)
    elif suffix in MARKDOWN_SUFFIXES and source.removeprefix("\ufeff").startswith(frontmatter.FENCE):
        draft = _from_article(source, path)
    else:
        draft = _from_text(source, path, markdown=suffix in MARKDOWN_SUFFIXES)
    if not draft.text.strip():
        raise ArticleFormatError("no text to add: the file is empty")
    return draft


def _from_text(source: str, path: Path, markdown: bool) -> Draft:
    """Plain text or Markdown: the first non-blank line is the title, the rest the body."""
    text = source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip()
    first, _, rest = text.partition("\n")
    title = _HEADING.sub("", first).strip() if markdown else first.strip()
    if len(title) > TITLE_CHARS or not rest.strip():
        return Draft(str(path), _shorten(title), text)
    return Draft(str(path), title, rest.strip("\n").rstrip())


def _from_article(source: str, path: Path) -> Draft:
    """A file already in the corpus format: its front matter and body as they are."""
    table, body = frontmatter.split(source)
    draft = Draft(str(path), frontmatter.as_text(table, "title"), body)
    draft.published = frontmatter.as_date(table.get("published"), "published")
    if draft.published is not None:
        draft.date_basis = frontmatter.as_text(table, "date_basis") or "the file's front matter"
    draft.source = _known(frontmatter.as_text(table, "source"))
    draft.url = frontmatter.as_text(table, "url")
    draft.standfirst = frontmatter.as_text(table, "standfirst")
    draft.dateline = _known(frontmatter.as_text(table, "dateline"))
    if not draft.title:
        return _from_text(body, path, markdown=True)
    return draft


def _from_html(source: str, path: Path) -> Draft:
    """An HTML page: its main text, title, date, site name and address (trafilatura)."""
    from trafilatura import bare_extraction

    try:
        document = bare_extraction(source, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as error:  # a third-party parser: any failure of it means a bad file
        raise ArticleFormatError(f"cannot be read as HTML: {error}") from None
    fields: dict[str, Any] = {}
    if document is not None:
        fields = document if isinstance(document, dict) else document.as_dict()
    body = str(fields.get("text") or "")
    words = _article_words(source, body)
    if words < MIN_HTML_WORDS:
        raise ArticleFormatError(
            f"no article text found in the HTML ({words} words of text outside the menus and links)"
        )
    text = "\n\n".join(part.strip() for part in body.split("\n") if part.strip())
    title = str(fields.get("title") or "").strip()
    if not title:
        title, _, rest = text.partition("\n")
        text = rest.strip() or title
    draft = Draft(str(path), _shorten(title), text)
    written = str(fields.get("date") or "")
    if written:
        try:
            draft.published = date.fromisoformat(written[:10])
            draft.date_basis = "the page's metadata"
        except ValueError:
            pass
    draft.source = str(fields.get("sitename") or "").strip()
    draft.url = str(fields.get("url") or "").strip()
    description = str(fields.get("description") or "").strip()
    draft.standfirst = description if description != title else ""
    return draft


#: Elements whose text is the page's furniture, not its article: links, menus, banners, forms, code.
_FURNITURE = frozenset(
    {"a", "nav", "menu", "header", "footer", "aside", "form", "button", "select", "option", "label",
     "script", "style", "noscript", "template", "svg", "iframe", "head", "title"}
)  # fmt: skip
#: ARIA roles that mark the same furniture on any element.
_FURNITURE_ROLES = frozenset({"navigation", "menu", "menubar", "banner", "contentinfo", "search"})
#: What separates the links of a menu written on one line ("Home | World · Sport").
_MENU_SEPARATORS = re.compile(r"\s*[|•·/»›]\s*|\s{2,}")


def _article_words(source: str, body: str) -> int:
    """How many words of article a page holds: the fewer of the extracted ``body``'s words outside
    paragraphs that are only link texts, and the page's words outside its links and menus.

    trafilatura falls back to whatever text a page has, so a page made only of menus comes back
    as a list of its links ("Section 0", "Section 1"…): its words are not an article's.
    """
    from lxml import html  # type: ignore[import-untyped]  # lxml ships no type hints

    try:
        root = html.document_fromstring(source.encode("utf-8"), parser=html.HTMLParser(encoding="utf-8"))
    except Exception:  # lxml refuses an empty or unusable document: it holds no article
        return 0
    links = {" ".join(link.text_content().split()) for link in root.iter("a")}
    links.discard("")
    in_body = sum(len(part.split()) for part in body.split("\n") if not _only_links(part, links))
    return min(in_body, _words_outside_furniture(root))


def _only_links(paragraph: str, links: set[str]) -> bool:
    """Whether a paragraph of extracted text is a link's text, or a line of them (a menu)."""
    line = " ".join(paragraph.split()).lstrip("-*•· ")
    if not line or line in links:
        return True
    pieces = [piece for piece in _MENU_SEPARATORS.split(line) if piece]
    return len(pieces) > 1 and all(piece in links for piece in pieces)


def _words_outside_furniture(root: Any) -> int:
    """The words of a parsed page's text outside its links, menus, banners, forms and scripts."""
    hidden: set[Any] = set()
    words = 0
    for element in root.iter():  # document order: a parent before its children
        parent = element.getparent()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        role = str(element.get("role") or "").lower() if tag else ""
        if not tag or parent in hidden or tag in _FURNITURE or role in _FURNITURE_ROLES:
            hidden.add(element)
        else:
            words += len((element.text or "").split())
        if parent is not None and parent not in hidden:  # a tail is its parent's text
            words += len((element.tail or "").split())
    return words


def _shorten(title: str) -> str:
    """A title cut to :data:`TITLE_CHARS` at a word."""
    line = " ".join(title.split())
    if len(line) <= TITLE_CHARS:
        return line
    return line[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def _known(value: str) -> str:
    """A front matter value, with "unknown" made empty (so a flag can fill it)."""
    return "" if value == "unknown" else value
