"""REFI-QDA exchange: a project (``.qdpx``) or a codebook (``.qdc``) for ATLAS.ti, MAXQDA, NVivo, QualCoder.

Export: each article is a ``TextSource`` whose UTF-8 text is ``sources/<GUID>.txt`` in the ZIP;
tags are ``Code``\\s, nested by their ``parent/child`` names (a parent that is not a tag itself
is ``isCodable="false"``); each annotation is a ``PlainTextSelection`` (code-point offsets, the
end exclusive) with one ``Coding`` per tag, its note a ``Note`` it refers to, its author a
``User``; memos are ``Note``\\s the project, a text source or a code refers to, and article
attributes are ``Variable``\\s with ``VariableValue``\\s on the text sources. GUIDs are derived
from the ids (uuid5), and the ZIP's times are fixed, so exporting the same annotations twice
gives the same bytes.

Import: codes become tags (hierarchy as ``parent/child``, colours kept), notes memos and
variables attributes (read back as they are written, and from other tools' cases); selections
on a text source whose text is an article of the corpus become annotations of it, their offsets
read in code points, or in UTF-16 units (NVivo for Windows), with or without CRLF counted as
two, whichever reading puts the selections on the text (see :func:`offset_reading`). Selections on a
source the corpus does not hold (:mod:`tui.core.refi_sources` adds those as articles first), or
whose text is not in the file, are left out and reported.
A file is checked whole before anything is saved: a ZIP member larger than :data:`MAX_MEMBER`,
a member name that climbs out of the ZIP, a DTD (entities) or a bad GUID refuse the file.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from tui.core.annotations import checks
from tui.core.annotations.anchoring import place
from tui.core.annotations.memos import Memo
from tui.core.annotations.model import CONTEXT, PALETTE, Annotation, Tag, text_hash, valid_colour
from tui.core.attributes import (
    BUILT_IN,
    AttributeDef,
    AttributeValue,
    InvalidAttribute,
    article_values,
    check_name,
    check_value,
    definitions,
    from_front_matter,
    values_by_article,
)
from tui.core.safe_text import one_line

if TYPE_CHECKING:
    from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

    from tui.core.models import Article

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = "iranpak-reader"
#: The largest ZIP member read (a .qde or a source text); a bigger one refuses the file.
MAX_MEMBER = 64 * 1024 * 1024
#: The most members a .qdpx may list.
MAX_MEMBERS = 10_000
#: The most a .qdpx's members may unpack to in all (as large as an import file may be), and the
#: most text its notes and sources may come to, a member counted each time one refers to it: a
#: small file whose thousand notes point at one big member is refused, not unpacked a thousand times.
MAX_UNPACKED = 256 * 1024 * 1024
#: The most characters one memo or passage note gathered from a project's notes may hold (as
#: ``memo --file`` reads at most 4 MiB).
MAX_MEMO = 4 * 1024 * 1024
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "iranpak-reader:refi-qda")
_GUID = re.compile(r"\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the ZIP's member times: a re-export is byte for byte the same
#: Where a codebook's ``Description`` of a code has the tag's memo after its description (a
#: ``.qdc`` Code carries no note); importing splits there, so a round trip keeps the two apart.
MEMO_HEADING = "Memo:\n"
#: A Text variable's ``Description`` that lists a choice attribute's values, read back on import.
CHOICES_HEADING = "choices: "
#: The REFI-QDA type of each attribute type (a number: Integer when every value is whole).
VARIABLE_TYPES = {"text": "Text", "choice": "Text", "date": "Date", "number": "Float"}


#: What XML 1.0 cannot hold (lxml refuses the whole document for one): C0 controls other than tab,
#: LF and CR, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` as XML can hold it: the characters XML 1.0 cannot (see :data:`_NOT_XML`) dropped.

    Every text written into a project or codebook goes through this, so a form feed in a memo
    cannot make the export fail; sources' text files are not XML and are written as they are.
    """
    return _NOT_XML.sub("", text)


def guid(kind: str, key: str) -> str:
    """The stable GUID of a thing of ``kind`` ("article", "tag", "user", ...) with this key."""
    # a lone surrogate (which UTF-8 cannot encode) is spelled out, so no key makes the export fail
    name = f"{kind}:{key}".encode("utf-8", "backslashreplace").decode("utf-8")
    return str(uuid.uuid5(_NAMESPACE, name))


# Export


def export_project(
    annotations: list[Annotation],
    tags: list[Tag],
    articles: dict[str, Article],
    memos: Iterable[Memo] = (),
    attributes: tuple[Iterable[AttributeDef], Iterable[AttributeValue]] = ((), ()),
) -> bytes:
    """The ``.qdpx`` ZIP: ``project.qde`` and ``sources/<GUID>.txt`` for every article.

    Memos are ``Note``\\s: the project's referred to by the project, an article's by its text
    source, a tag's by its code. ``attributes`` (the stored definitions and values) become
    ``Variable``\\s with each article's ``VariableValue``\\s on its text source.
    """
    from lxml import etree

    memos = [memo for memo in memos if _memo_has_place(memo, tags, articles)]
    by_kind = {(memo.kind, memo.target): memo for memo in memos}
    variables, values = _variables(articles, *attributes)
    root = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS})
    root.set("name", "iranpak-reader project")
    root.set("origin", ORIGIN)
    authors = sorted({a.author for a in annotations} | {memo.author for memo in memos})
    if authors:
        users = etree.SubElement(root, _p("Users"))
        for author in authors:
            user = etree.SubElement(users, _p("User"), guid=_user_guid(author))
            if author:  # an annotation made without a login name: a user without one
                user.set("name", xml_text(author))
    codes = _code_tree(tags, annotations)
    if codes:
        book = etree.SubElement(root, _p("CodeBook"))
        _write_codes(etree.SubElement(book, _p("Codes")), codes, _p, _tag_memos(memos), notes=True)
    if variables:
        _write_variables(etree.SubElement(root, _p("Variables")), variables)
    annotations = exportable(annotations, articles)
    by_article: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        by_article.setdefault(annotation.article, []).append(annotation)
    texts: dict[str, str] = {}
    sources = etree.SubElement(root, _p("Sources"))
    for article_id in sorted(set(articles) | set(by_article)):
        article = articles.get(article_id)
        if article is None:
            continue  # an orphan's article is not in the corpus: it has no text to carry
        source_guid = guid("article", article_id)
        texts[source_guid] = article.text
        source = etree.SubElement(
            sources, _p("TextSource"), guid=source_guid, name=xml_text(article.title or article_id)
        )
        source.set("plainTextPath", f"internal://{source_guid}.txt")
        etree.SubElement(source, _p("Description")).text = xml_text(f"iranpak-reader article {article_id}")
        for annotation in by_article.get(article_id, []):
            _write_selection(source, annotation)
        if ("article", article_id) in by_kind:
            etree.SubElement(source, _p("NoteRef"), targetGUID=memo_guid(by_kind["article", article_id]))
        _write_values(source, variables, values.get(article_id, {}))
    if not len(sources):
        root.remove(sources)
    notes = [a for a in annotations if a.note]
    if notes or memos:
        notes_element = etree.SubElement(root, _p("Notes"))
        for annotation in notes:
            note = etree.SubElement(notes_element, _p("Note"), guid=guid("note", annotation.id))
            note.set("name", xml_text(f"Note on {annotation.quote[:40]}"))
            _stamp(note, annotation)
            etree.SubElement(note, _p("PlainTextContent")).text = xml_text(annotation.note)
        for memo in memos:
            _write_memo(notes_element, memo)
    if ("project", "") in by_kind:
        etree.SubElement(root, _p("NoteRef"), targetGUID=memo_guid(by_kind["project", ""]))
    qde = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        _add_member(archive, "project.qde", qde)
        for source_guid in sorted(texts):
            _add_member(archive, f"sources/{source_guid}.txt", texts[source_guid].encode("utf-8"))
    return buffer.getvalue()


def exportable(annotations: list[Annotation], articles: dict[str, Article]) -> list[Annotation]:
    """The annotations a project can carry, at their places in their article's current text: one
    whose article is not in the corpus, or whose passage is no longer found there, has no text."""
    found = []
    hashes: dict[str, str] = {}
    for annotation in annotations:
        article = articles.get(annotation.article)
        if article is None:
            continue
        current = hashes.setdefault(article.id, text_hash(article.text))
        placed = place(annotation, article.text, current)
        if placed.orphan:
            continue
        if (placed.start, placed.end) != (annotation.start, annotation.end):
            quote = article.text[placed.start : placed.end]
            annotation = replace(annotation, start=placed.start, end=placed.end, quote=quote)
        found.append(annotation)
    return found


def export_codebook(tags: list[Tag], memos: Iterable[Memo] = ()) -> bytes:
    """The ``.qdc`` codebook of these tags; ValueError if there is none (a codebook needs a code).

    A tag's memo follows its description in the code's ``Description``, after :data:`MEMO_HEADING`.
    """
    from lxml import etree

    codes = _code_tree(tags, [])
    if not codes:
        raise ValueError("the codebook is empty: a REFI-QDA codebook needs at least one code")
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", ORIGIN)
    _write_codes(etree.SubElement(root, _c("Codes")), codes, _c, _tag_memos(memos), notes=False)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def _p(name: str) -> str:
    """A project element's qualified name."""
    return f"{{{PROJECT_NS}}}{name}"


def _c(name: str) -> str:
    """A codebook element's qualified name."""
    return f"{{{CODEBOOK_NS}}}{name}"


def _user_guid(author: str) -> str:
    """The GUID of an annotation author."""
    return guid("user", author)


def _add_member(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    """Write one member with a fixed time and permissions."""
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


@dataclass
class _Code:
    """A node of the code tree: its full tag name, whether it is a tag, and its children."""

    path: str
    tag: Tag | None = None
    children: dict[str, _Code] = field(default_factory=dict)


def _code_parts(name: str) -> list[str]:
    """A tag's path as codes: its ``/``-separated parts, less those with nothing a code's name can
    hold (blank, or only characters XML cannot), which an import would refuse as nameless."""
    return [part for part in name.split("/") if xml_text(part).strip()]


def _code_tree(tags: list[Tag], annotations: list[Annotation]) -> dict[str, _Code]:
    """The tags as a tree by their ``/``-separated names (tags only carried by annotations too)."""
    known = {tag.name: tag for tag in tags}
    for annotation in annotations:
        for name in annotation.tags:
            known.setdefault(name, Tag(name, created="", modified=""))
    top: dict[str, _Code] = {}
    for name in sorted(known):
        parts = _code_parts(name)
        if not parts:
            continue
        level, path = top, ""
        for part in parts:
            path = f"{path}/{part}" if path else part
            node = level.setdefault(part, _Code(path))
            level = node.children
        node.tag = known[name]
    return top


def _write_codes(
    parent: etree._Element, codes: dict[str, _Code], qualified: Any, memos: Mapping[str, Memo], notes: bool
) -> None:
    """Write ``Code`` elements for a level of the tree, and their children; a tag's memo is a
    ``NoteRef`` (``notes``: in a project) or follows its description (in a codebook)."""
    from lxml import etree

    for name, node in codes.items():
        code = etree.SubElement(parent, qualified("Code"), guid=guid("tag", node.path), name=xml_text(name))
        code.set("isCodable", "true" if node.tag is not None else "false")
        if node.tag is not None:
            colour = hex_colour(node.tag.colour)
            if colour:
                code.set("color", colour)
            memo = memos.get(node.tag.name)
            description = node.tag.description
            if memo is not None and not notes:
                description = f"{description}\n\n{MEMO_HEADING}" if description else MEMO_HEADING
                description += memo.text
            if description:
                etree.SubElement(code, qualified("Description")).text = xml_text(description)
            if memo is not None and notes:
                etree.SubElement(code, qualified("NoteRef"), targetGUID=memo_guid(memo))
        _write_codes(code, node.children, qualified, memos, notes)


def memo_guid(memo: Memo) -> str:
    """The GUID of a memo's ``Note``."""
    return guid("memo", f"{memo.kind}:{memo.target}")


def _memo_has_place(memo: Memo, tags: list[Tag], articles: Mapping[str, Article]) -> bool:
    """Whether a project can carry this memo: its tag is in the codebook, its article in the corpus."""
    if memo.kind == "tag":
        return any(tag.name == memo.target for tag in tags)
    if memo.kind == "article":
        return memo.target in articles
    return memo.kind == "project"


def _tag_memos(memos: Iterable[Memo]) -> dict[str, Memo]:
    """The tag memos, by tag name."""
    return {memo.target: memo for memo in memos if memo.kind == "tag"}


def _write_memo(notes: etree._Element, memo: Memo) -> None:
    """A memo as a ``Note`` with its author and times."""
    from lxml import etree

    note = etree.SubElement(notes, _p("Note"), guid=memo_guid(memo))
    note.set("name", xml_text(f"Memo on {memo.label}"))
    _stamp(note, memo)
    etree.SubElement(note, _p("PlainTextContent")).text = xml_text(memo.text)


def _variables(
    articles: Mapping[str, Article], stored: Iterable[AttributeDef], set_values: Iterable[AttributeValue]
) -> tuple[dict[str, tuple[AttributeDef, str]], dict[str, dict[str, str]]]:
    """The attributes some article has a value of, each with its REFI-QDA type, and each article's values.

    A number is an ``Integer`` variable when every value is whole, else a ``Float``.
    """
    known = definitions(stored)
    values = values_by_article(articles.values(), set_values)
    used: dict[str, list[str]] = {}
    for by_name in values.values():
        for name, value in by_name.items():
            if name in known:
                used.setdefault(name, []).append(value)
    variables = {}
    for name in sorted(used):
        definition = known[name]
        kind = VARIABLE_TYPES.get(definition.type, "Text")
        if kind == "Float" and all(re.fullmatch(r"[+-]?[0-9]+", value.strip()) for value in used[name]):
            kind = "Integer"
        variables[name] = (definition, kind)
    return variables, values


def _write_variables(parent: etree._Element, variables: Mapping[str, tuple[AttributeDef, str]]) -> None:
    """The project's ``Variable``\\s (a choice attribute's values listed in its description)."""
    import json

    from lxml import etree

    for name, (definition, kind) in variables.items():
        variable = etree.SubElement(parent, _p("Variable"), guid=guid("variable", name), name=xml_text(name))
        variable.set("typeOfVariable", kind)
        if definition.type == "choice":
            listed = json.dumps(list(definition.choices), ensure_ascii=False)
            etree.SubElement(variable, _p("Description")).text = xml_text(CHOICES_HEADING + listed)


def _write_values(
    source: etree._Element, variables: Mapping[str, tuple[AttributeDef, str]], values: Mapping[str, str]
) -> None:
    """An article's attribute values as ``VariableValue``\\s of its text source."""
    from lxml import etree

    for name, (_, kind) in variables.items():
        value = values.get(name)
        if value is None:
            continue
        written = _variable_value(kind, value)
        if written is None:
            continue  # a stored value its type cannot hold (the store was edited by hand): not carried
        element = etree.SubElement(source, _p("VariableValue"))
        etree.SubElement(element, _p("VariableRef"), targetGUID=guid("variable", name))
        etree.SubElement(element, _p(f"{kind}Value")).text = xml_text(written)


def _variable_value(kind: str, value: str) -> str | None:
    """A value as a REFI-QDA value of ``kind`` (a Float as a decimal, which has no exponent), or None."""
    value = value.strip()
    if kind == "Float":
        try:
            number = Decimal(value)
        except InvalidOperation:
            return None
        return format(number, "f") if number.is_finite() else None
    if kind == "Integer":
        return value.lstrip("+")
    if kind == "Date":
        return value if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) else None
    return value


def hex_colour(colour: str) -> str:
    """A tag colour as ``#RRGGBB``: a name as rich reads it (``red`` is the terminal's standard red,
    #800000); "" for a name rich does not know (the code is then written without a colour)."""
    if re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        return colour.upper()
    from rich.color import Color, ColorParseError

    try:
        red, green, blue = Color.parse(colour).get_truecolor()
    except ColorParseError:
        return ""
    return f"#{red:02X}{green:02X}{blue:02X}"


def _stamp(element: etree._Element, annotation: Annotation | Memo) -> None:
    """The creating user and the times of an annotation or a memo, on an element."""
    element.set("creatingUser", _user_guid(annotation.author))
    if checks.parse_time(annotation.created):
        element.set("creationDateTime", annotation.created)
    if checks.parse_time(annotation.modified):
        element.set("modifyingUser", _user_guid(annotation.author))
        element.set("modifiedDateTime", annotation.modified)


def _write_selection(source: etree._Element, annotation: Annotation) -> None:
    """One annotation as a ``PlainTextSelection`` with its codings and its note's reference."""
    from lxml import etree

    selection = etree.SubElement(source, _p("PlainTextSelection"), guid=annotation.id)
    selection.set("name", xml_text(annotation.quote))
    selection.set("startPosition", str(annotation.start))
    selection.set("endPosition", str(annotation.end))
    _stamp(selection, annotation)
    for tag in annotation.tags:
        coding = etree.SubElement(selection, _p("Coding"), guid=guid("coding", f"{annotation.id}:{tag}"))
        coding.set("creatingUser", _user_guid(annotation.author))
        if checks.parse_time(annotation.created):
            coding.set("creationDateTime", annotation.created)
        etree.SubElement(coding, _p("CodeRef"), targetGUID=guid("tag", "/".join(_code_parts(tag))))
    if annotation.note:
        etree.SubElement(selection, _p("NoteRef"), targetGUID=guid("note", annotation.id))


# Import


@dataclass
class Imported:
    """What a REFI-QDA file holds that this tool reads: tags, annotations, and what was left out."""

    format: str
    tags: list[Tag]
    annotations: list[Annotation]
    left_out: list[str] = field(default_factory=list)
    #: The text sources with selections that are not articles here: (name, text as an article keeps it).
    new_texts: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    #: The memos its notes make: the project's, tags' (from their codes) and articles' (their sources').
    memos: list[Memo] = field(default_factory=list)
    #: Its variables as attribute definitions (not those every project has, nor the front matter's).
    attributes: list[AttributeDef] = field(default_factory=list)
    #: Each article's values of them (a variable gives no times: "", stamped when imported).
    values: list[AttributeValue] = field(default_factory=list)


@dataclass(frozen=True)
class RefiFile:
    """The bytes of an import file that is a REFI-QDA ZIP or XML, read by :func:`read`."""

    raw: bytes
    #: What :func:`read` found in it for the articles it is imported against, when the caller has
    #: read it already (the app's dry run reads a file once); None: the import reads it.
    found: Imported | None = field(default=None, compare=False, repr=False)


def looks_like_refi(raw: bytes) -> bool:
    """Whether a file's bytes are a ZIP or XML (a REFI-QDA file), not JSON."""
    head = raw[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return raw.startswith(b"PK\x03\x04") or head.startswith(b"<")


def read(raw: bytes, articles: dict[str, Article]) -> Imported:
    """Read a ``.qdpx`` (ZIP), ``.qde`` or ``.qdc`` (XML); InvalidImport says what is wrong."""
    if raw.startswith(b"PK"):
        members = _Members(raw)
        root = _parse(members.read(members.qde()), "project.qde")
        return _project(root, members, articles)
    root = _parse(raw, "the XML")
    if _local(root) == "CodeBook":
        tags, _, described = _codes(root)
        return Imported("qdc", tags, [], memos=_described_memos(described))
    if _local(root) == "Project":
        return _project(root, None, articles)
    raise checks.InvalidImport(
        "", f"the XML's root is <{_local(root)[:40]}>, not a REFI-QDA Project or CodeBook"
    )


class _Members:
    """The members of a .qdpx ZIP, looked up case-insensitively, each read within a size limit."""

    def __init__(self, raw: bytes) -> None:
        """Open the ZIP and check its member names and sizes."""
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(raw))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise checks.InvalidImport(
                "", f"not a readable ZIP (a .qdpx is one): {one_line(str(error))}"
            ) from None
        if len(infos) > MAX_MEMBERS:
            raise checks.InvalidImport(
                "", f"the ZIP lists {len(infos)} members (at most {MAX_MEMBERS} are read)"
            )
        self.by_name: dict[str, zipfile.ZipInfo] = {}
        self.texts: dict[str, str] = {}  # each member's text, unpacked once however often referred to
        self.unpacked = 0  # bytes unpacked so far
        self.referred = 0  # characters of the members' text handed out so far
        for info in infos:
            name = info.filename
            parts = name.replace("\\", "/").split("/")
            if name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name):
                raise checks.InvalidImport("", f"the ZIP member {name[:80]!r} points outside the ZIP")
            if info.file_size > MAX_MEMBER:
                raise checks.InvalidImport(
                    "",
                    f"the ZIP member {name[:80]!r} unpacks to {info.file_size} bytes (at most {MAX_MEMBER})",
                )
            self.by_name.setdefault(name.replace("\\", "/").casefold(), info)

    def qde(self) -> zipfile.ZipInfo:
        """The project's .qde: ``project.qde`` at the top, else the only .qde at the top."""
        top = [info for key, info in self.by_name.items() if "/" not in key and key.endswith(".qde")]
        named = [info for info in top if info.filename.casefold() == "project.qde"]
        if named or len(top) == 1:
            return (named or top)[0]
        raise checks.InvalidImport("", "the ZIP holds no project.qde (not a REFI-QDA project)")

    def source(self, name: str) -> zipfile.ZipInfo | None:
        """The member ``sources/<name>``, any letter case."""
        return self.by_name.get(f"sources/{name}".casefold())

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """A member's bytes, never more than :data:`MAX_MEMBER` whatever its header claims, nor
        more than :data:`MAX_UNPACKED` with the members read before it."""
        try:
            with self.archive.open(info) as member:
                data = member.read(min(MAX_MEMBER, MAX_UNPACKED - self.unpacked) + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as error:
            raise checks.InvalidImport(
                "", f"the ZIP member {info.filename[:80]!r} cannot be read: {one_line(str(error))}"
            ) from None
        if len(data) > MAX_MEMBER:
            raise checks.InvalidImport(
                "", f"the ZIP member {info.filename[:80]!r} unpacks to more than {MAX_MEMBER} bytes"
            )
        self.unpacked += len(data)
        if self.unpacked > MAX_UNPACKED:
            raise checks.InvalidImport(
                "", f"the ZIP's members unpack to more than {MAX_UNPACKED} bytes in all"
            )
        return data

    def text(self, info: zipfile.ZipInfo) -> str:
        """A member's UTF-8 text (its BOM left out), unpacked once; InvalidImport when the text
        handed out, counted each time, passes :data:`MAX_UNPACKED`."""
        text = self.texts.get(info.filename)
        if text is None:
            try:
                text = self.read(info).decode("utf-8-sig")
            except UnicodeDecodeError:
                raise checks.InvalidImport(
                    "", f"the source {info.filename[:80]!r} is not UTF-8 text"
                ) from None
            self.texts[info.filename] = text
        self.referred += len(text)
        if self.referred > MAX_UNPACKED:
            raise checks.InvalidImport(
                "",
                f"the notes and sources refer to more than {MAX_UNPACKED} characters of the ZIP's "
                f"text in all (a member counted each time; the last: {info.filename[:80]!r})",
            )
        return text


def _parse(data: bytes, what: str) -> etree._Element:
    """Parse XML with entities, DTDs and the network off; a DTD at all refuses the file."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise checks.InvalidImport("", f"{what} is not well-formed XML: {one_line(str(error))}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise checks.InvalidImport("", f"{what} declares a DTD (entity declarations are refused)")
    return root


def _local(element: etree._Element) -> str:
    """An element's name without its namespace."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """The child elements called ``name`` (any namespace)."""
    return (child for child in element if _local(child) == name)


def _child(element: etree._Element, name: str) -> etree._Element | None:
    """The first child element called ``name``."""
    return next(_children(element, name), None)


def _guid_of(element: etree._Element, attribute: str = "guid") -> str:
    """A GUID attribute in canonical form; InvalidImport if it is missing or not a GUID."""
    value = element.get(attribute) or ""
    match = _GUID.fullmatch(value.strip())
    if match is None:
        where = f"<{_local(element)} {(element.get('name') or '')[:40]!r}> {attribute}"
        raise checks.InvalidImport(where, f"not a GUID: {value[:60]!r}")
    return str(uuid.UUID(match.group(1)))


def _codes(root: etree._Element) -> tuple[list[Tag], dict[str, str], dict[str, str]]:
    """The codable codes of a CodeBook (or a Project's) as tags named by their paths, every
    code's GUID to its path, and the memos written after :data:`MEMO_HEADING` in descriptions."""
    tags: list[Tag] = []
    names: dict[str, str] = {}
    described: dict[str, str] = {}
    book = root if _local(root) == "CodeBook" else _child(root, "CodeBook")
    codes = _child(book, "Codes") if book is not None else None
    if codes is not None:  # nested at most 256 deep: lxml refuses deeper XML without huge_tree
        _walk_codes(codes, "", tags, names, described)
    return tags, names, described


def _split_description(text: str) -> tuple[str, str]:
    """A code's description and the memo written after it (see :data:`MEMO_HEADING`), each trimmed."""
    if text.startswith(MEMO_HEADING):
        return "", text.removeprefix(MEMO_HEADING).strip()
    description, heading, memo = text.partition("\n\n" + MEMO_HEADING)
    return description.strip(), memo.strip() if heading else ""


def _described_memos(described: Mapping[str, str]) -> list[Memo]:
    """Tag memos read from code descriptions: a description has no times ("", stamped when imported)."""
    return [Memo("tag", name, text, created="") for name, text in described.items() if text]


def _walk_codes(
    parent: etree._Element, path: str, tags: list[Tag], names: dict[str, str], described: dict[str, str]
) -> None:
    """Collect the tags of the codes under ``parent``, each code's GUID to its tag name, and the
    memos in their descriptions."""
    for code in _children(parent, "Code"):
        code_guid = _guid_of(code)
        name = " ".join((code.get("name") or "").replace("/", "-").split())
        if not name:
            raise checks.InvalidImport(f"<Code guid={code_guid}>", "has no name")
        full = f"{path}/{name}" if path else name
        names[code_guid] = full
        if (code.get("isCodable") or "true").strip().lower() in ("true", "1"):
            colour = (code.get("color") or "").strip()
            if re.fullmatch(r"#[0-9a-fA-F]{3}", colour):
                colour = "#" + "".join(c * 2 for c in colour[1:])
            element = _child(code, "Description")
            description, described[full] = _split_description(
                element.text or "" if element is not None else ""
            )
            tags.append(
                Tag(
                    full,
                    colour.lower() if valid_colour(colour.lower()) else PALETTE[len(tags) % len(PALETTE)],
                    description,
                )
            )
        _walk_codes(code, full, tags, names, described)


def _project(root: etree._Element, members: _Members | None, articles: dict[str, Article]) -> Imported:
    """The tags, annotations, memos and attribute values of a Project."""
    if _local(root) != "Project":
        raise checks.InvalidImport("", f"project.qde's root is <{_local(root)[:40]}>, not <Project>")
    tags, code_names, described = _codes(root)
    listed = _child(root, "Users")
    users = {
        _guid_of(user): (user.get("name") or user.get("id") or "")
        for user in (_children(listed, "User") if listed is not None else ())
    }
    note_elements = {}
    notes_element = _child(root, "Notes")
    for note in _children(notes_element, "Note") if notes_element is not None else ():
        note_elements[_guid_of(note)] = note
    texts = {key: _note_text(note, members) for key, note in note_elements.items()}
    notes = {key: text.strip() for key, text in texts.items()}  # a passage's note, trimmed as ever
    imported = Imported("qdpx" if members is not None else "qde", tags, [])
    memos = _Memos(note_elements, texts, users)
    variables = _read_variables(root, imported)
    case_values = _case_values(root)
    by_text = {article.text: article for article in articles.values()}
    sources = _child(root, "Sources")
    for source in list(sources) if sources is not None else []:
        kind = _local(source)
        selections = list(_children(source, "PlainTextSelection"))
        name = (source.get("name") or source.get("plainTextPath") or source.get("guid") or "")[:80]
        source_guid = _guid_of(source)  # a bad GUID refuses the file, as everywhere
        if kind != "TextSource":
            imported.left_out.append(f"{kind} {name!r}: only text sources are read")
            continue
        refs = list(_children(source, "NoteRef"))
        given = [*_children(source, "VariableValue"), *case_values.get(source_guid, [])]
        text = _source_text(source, members)
        article, lead = _article_for(text, by_text) if text is not None else (None, 0)
        body = _crlf_as_lf(text).lstrip("\r\n").rstrip() if text is not None and article is None else ""
        if body:  # every source the corpus lacks, coded or not, becomes an article, and then comes in
            imported.new_texts.append((name, body, _front_matter(given, variables)))
            continue
        if text is None or article is None:  # no text in the file, or white space only
            why = "its text is not in the file" if text is None else "its text is empty"
            if refs or given:
                imported.left_out.append(f"the memo and attribute values of {name!r}: {why}")
            if selections:
                imported.left_out.append(f"{_count(selections)} of {name!r}: {why}")
            continue
        memos.add("article", article.id, refs)
        imported.values.extend(_values(given, variables, article, imported.left_out))
        if not selections:
            continue
        spans = [(_integer(s, "startPosition"), _integer(s, "endPosition")) for s in selections]
        where = offset_reading(text, spans, [s.get("name") or "" for s in selections])
        for selection, span in zip(selections, spans, strict=True):
            annotation = _selection(selection, span, where, lead, article, code_names, users, notes)
            if isinstance(annotation, str):
                imported.left_out.append(annotation)
            else:
                imported.annotations.append(annotation)
    _code_memos(root, code_names, memos)
    memos.add("project", "", list(_children(root, "NoteRef")))
    referred = {
        str(element.get("targetGUID") or "").strip("{}").lower()
        for element in root.iter()
        if _local(element) == "NoteRef"
    }
    free = [key for key in note_elements if key not in referred]  # about the whole project, as far as is told
    memos.add("project", "", free, named=True)
    imported.memos = [
        *memos.made(),
        *(m for m in _described_memos(described) if ("tag", m.target) not in memos.targets),
    ]
    return imported


class _Memos:
    """The memos a project's notes make, each gathered from the notes referred to from its target."""

    def __init__(
        self, elements: dict[str, etree._Element], texts: dict[str, str], users: dict[str, str]
    ) -> None:
        """Know the project's notes (by GUID), their texts and its users."""
        self.elements, self.texts, self.users = elements, texts, users
        self.gathered: dict[tuple[str, str], list[tuple[str, bool]]] = {}

    @property
    def targets(self) -> set[tuple[str, str]]:
        """What has a memo so far: (kind, target)."""
        return set(self.gathered)

    def add(self, kind: str, target: str, refs: list[Any], named: bool = False) -> None:
        """Gather the notes (``NoteRef`` elements, or GUIDs) for the memo on ``target``; ``named``:
        each is headed by its name when the memo holds several."""
        for ref in refs:
            key = ref if isinstance(ref, str) else _guid_of(ref, "targetGUID")
            if key in self.elements and self.texts[key].strip():
                self.gathered.setdefault((kind, target), []).append((key, named))

    def made(self) -> list[Memo]:
        """The memos: each note's text, several joined (headed by their names where asked), with the
        author of the latest and the earliest and latest times."""
        memos = []
        for (kind, target), found in self.gathered.items():
            keys = list(dict.fromkeys(key for key, _ in found))
            _check_memo(
                sum(len(self.texts[key]) for key in keys), f"the memo on {Memo(kind, target, '').label}"
            )
            named = {key for key, is_named in found if is_named}
            parts = [  # one note: its text as written (a memo's round trip keeps it to the character)
                f"{one_line(self.elements[key].get('name') or 'Note')}:\n{self.texts[key].strip()}"
                if len(keys) > 1 and key in named
                else self.texts[key]
                if len(keys) == 1
                else self.texts[key].strip()
                for key in keys
            ]
            created = sorted(t for key in keys if (t := self._time(key, "creationDateTime")))
            modified = sorted(t for key in keys if (t := self._time(key, "modifiedDateTime")))
            latest = max(
                keys,
                key=lambda key: self._time(key, "modifiedDateTime") or self._time(key, "creationDateTime"),
            )
            creator = self.elements[latest].get("creatingUser")
            author = self.users.get(_guid_of(self.elements[latest], "creatingUser"), "") if creator else ""
            first = created[0] if created else (modified[0] if modified else "")
            memos.append(
                Memo(kind, target, "\n\n".join(parts), author, first, modified[-1] if modified else first)
            )
        return memos

    def _time(self, key: str, attribute: str) -> str:
        """A note's time, checked (InvalidImport for one in the future or not a time)."""
        return checks.timestamp(self.elements[key].get(attribute) or "", f"note {key} {attribute}")


def _check_memo(length: int, what: str) -> None:
    """Refuse the file if a memo or note gathered from its notes is longer than :data:`MAX_MEMO`
    (checked before the notes are joined: a thousand references to one note are not)."""
    if length > MAX_MEMO:
        raise checks.InvalidImport(
            "", f"{what} gathers {length} characters from its notes (at most {MAX_MEMO})"
        )


def _note_text(note: etree._Element, members: _Members | None) -> str:
    """A note's text as written (its description if it has no text)."""
    text = _source_text(note, members)
    if text is None:
        description = _child(note, "Description")
        text = description.text or "" if description is not None else ""
    return text


def _code_memos(root: etree._Element, code_names: dict[str, str], memos: _Memos) -> None:
    """The tag memos the codes refer to."""
    for code in root.iter():
        if _local(code) == "Code" and code.get("guid"):
            name = code_names.get(_guid_of(code))
            if name is not None:
                memos.add("tag", name, list(_children(code, "NoteRef")))


#: The attribute type of each REFI-QDA variable type (a Boolean: text, "true" or "false").
ATTRIBUTE_TYPES = {
    "Text": "text",
    "Boolean": "text",
    "Integer": "number",
    "Float": "number",
    "Date": "date",
    "DateTime": "date",
}
_BUILT_IN = {definition.name: definition for definition in BUILT_IN}


def _read_variables(root: etree._Element, imported: Imported) -> dict[str, AttributeDef]:
    """The project's variables, by GUID, as attribute definitions; those it brings (not built in,
    nor the front matter's) go into ``imported.attributes``, a name that cannot be one is left out."""
    import json

    found: dict[str, AttributeDef] = {}
    listed = _child(root, "Variables")
    for variable in _children(listed, "Variable") if listed is not None else ():
        key = _guid_of(variable)
        raw = one_line(variable.get("name") or "")
        try:
            name = check_name(re.sub(r"\s+", "_", raw.strip()))
        except InvalidAttribute as error:
            imported.left_out.append(f"the variable {raw[:40]!r}: {error}")
            continue
        kind = ATTRIBUTE_TYPES.get((variable.get("typeOfVariable") or "").strip(), "text")
        element = _child(variable, "Description")
        described = (element.text or "").strip() if element is not None else ""
        choices: tuple[str, ...] = ()
        if kind == "text" and described.startswith(CHOICES_HEADING):
            try:
                listed_choices = json.loads(described.removeprefix(CHOICES_HEADING))
            except ValueError:
                listed_choices = None
            if isinstance(listed_choices, list) and all(
                isinstance(c, str) and c.strip() for c in listed_choices
            ):
                kind, choices = "choice", tuple(dict.fromkeys(one_line(c).strip() for c in listed_choices))
        definition = _BUILT_IN.get(name) or AttributeDef(name, kind, choices, created="")
        found[key] = definition
        if name not in _BUILT_IN and not from_front_matter(name):
            imported.attributes.append(definition)
    return found


def _case_values(root: etree._Element) -> dict[str, list[etree._Element]]:
    """The ``VariableValue``\\s of each case, by the GUID of each source the case refers to."""
    found: dict[str, list[etree._Element]] = {}
    cases = _child(root, "Cases")
    for case in _children(cases, "Case") if cases is not None else ():
        given = list(_children(case, "VariableValue"))
        for ref in _children(case, "SourceRef"):
            found.setdefault(_guid_of(ref, "targetGUID"), []).extend(given)
    return found


def _values(
    given: list[etree._Element], variables: dict[str, AttributeDef], article: Article, left_out: list[str]
) -> list[AttributeValue]:
    """An article's ``VariableValue``\\s as its attribute values (the front matter's: read from its
    file, not set); one its variable's type cannot hold is left out."""
    values: dict[str, AttributeValue] = {}
    for element in given:
        ref = _child(element, "VariableRef")
        definition = variables.get(_guid_of(ref, "targetGUID")) if ref is not None else None
        written = next((child for child in element if _local(child) != "VariableRef"), None)
        if definition is None or written is None or not (written.text or "").strip():
            continue  # a variable whose name was left out already, or no value
        text = written.text.strip()
        if from_front_matter(definition.name):  # read from the article file, never set in the store
            current = article_values(article, ()).get(definition.name, "")
            if (text[:10] if definition.type == "date" else text) != current:
                left_out.append(
                    f"the {definition.name} of article {article.id}, {one_line(text)[:40]!r}: "
                    f"it is read from the article file ({current or 'none'}), not set"
                )
            continue
        if definition.type == "date":
            text = re.sub(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})(T.*|Z|[+-][0-9:]+)$", r"\1", text)
        try:
            value = check_value(definition, text)
        except InvalidAttribute as error:
            left_out.append(f"the value of article {article.id}: {error}")
            continue
        values[definition.name] = AttributeValue(article.id, definition.name, value, created="")
    return list(values.values())


def _front_matter(given: list[etree._Element], variables: dict[str, AttributeDef]) -> dict[str, str]:
    """The front-matter values (source, published, dateline) a source's variable values give,
    for the article it becomes; a date that is not one is left out."""
    found: dict[str, str] = {}
    for element in given:
        ref = _child(element, "VariableRef")
        definition = variables.get(_guid_of(ref, "targetGUID")) if ref is not None else None
        written = next((child for child in element if _local(child) != "VariableRef"), None)
        if definition is None or written is None or not from_front_matter(definition.name):
            continue
        text = one_line(written.text or "").strip()
        if definition.type == "date" or definition.name == "published":  # whatever type the file gave it
            try:
                text = date.fromisoformat(text[:10]).isoformat()
            except ValueError:
                continue
        if text:
            found[definition.name] = text
    return found


def _count(selections: list[Any]) -> str:
    """ "1 selection", "3 selections"."""
    return f"{len(selections)} selection{'s' if len(selections) != 1 else ''}"


def _integer(element: etree._Element, attribute: str) -> int:
    """A whole-number attribute; InvalidImport if it is missing or not one."""
    value = (element.get(attribute) or "").strip()
    if not re.fullmatch(r"[0-9]{1,12}", value):
        raise checks.InvalidImport(f"<{_local(element)} guid={element.get('guid', '')[:40]!r}> {attribute}",
                                   f"not a position: {value[:40]!r}")  # fmt: skip
    return int(value)


def _source_text(source: etree._Element, members: _Members | None) -> str | None:
    """A text source's text (its BOM left out), or None if the file does not hold it."""
    content = _child(source, "PlainTextContent")
    if content is not None and content.text:
        return str(content.text).removeprefix("\ufeff")
    path = source.get("plainTextPath") or ""
    if members is None or path.startswith(("relative://", "absolute://")):
        return None
    info = members.source(path.removeprefix("internal://"))
    if info is None:
        return None
    text = members.text(info)
    return text if text.strip() else None


def _article_for(text: str, by_text: dict[str, Article]) -> tuple[Article | None, int]:
    """The article whose text is this source's (as an article file keeps it), and how many
    characters of the source's text come before the article's first (blank lines left out)."""
    plain = text.replace("\r\n", "\n")
    body = plain.lstrip("\r\n").rstrip()
    return by_text.get(body), len(plain) - len(plain.lstrip("\r\n"))


#: The ways other tools count positions: code points or UTF-16 units, with CRLF as 2 or as 1.
READINGS = ("code points", "UTF-16 units", "code points, CRLF as one", "UTF-16 units, CRLF as one")


def offset_reading(text: str, spans: list[tuple[int, int]], quotes: list[str]) -> dict[int, int]:
    """The positions (see :func:`positions`) of whichever of :data:`READINGS` puts the selections
    on the text: the one under which most selections are within it and match their quote (where
    the file gives one as its name) and start and end at word edges. Code points (the standard's)
    win a tie."""
    plain = _crlf_as_lf(text)

    def score(where: dict[int, int]) -> int:
        """How well this reading puts the selections on the text."""
        total = 0
        for (start, end), quote in zip(spans, quotes, strict=True):
            if start not in where or end not in where or where[end] <= where[start]:
                continue
            first, last = where[start], where[end]
            total += 1 + _edge(plain, first) + _edge(plain, last)
            if quote and " ".join(plain[first:last].split()) == " ".join(quote.split()):
                total += 4  # a name that is the quote (ATLAS.ti writes one) settles it
        return total

    maps = [positions(text, reading) for reading in READINGS]
    if not spans:
        return maps[0]
    scores = [score(where) for where in maps]
    return maps[scores.index(max(scores))]  # the first of the best: code points


def _edge(text: str, index: int) -> int:
    """1 if ``index`` is not inside a word of ``text``."""
    if index <= 0 or index >= len(text):
        return 1
    return 0 if text[index - 1].isalnum() and text[index].isalnum() else 1


def _crlf_as_lf(text: str) -> str:
    """The text with CRLF as LF (as an article file keeps it)."""
    return text.replace("\r\n", "\n")


def positions(text: str, reading: str) -> dict[int, int]:
    """Each position in ``reading``'s count that falls between two characters of ``text``, to the
    code-point offset it is in the text with CRLF as LF (inside a surrogate pair or a CRLF: absent)."""
    crlf_one = "CRLF as one" in reading
    utf16 = reading.startswith("UTF-16")
    where: dict[int, int] = {}
    count = index = plain = 0
    while index < len(text):
        where.setdefault(count, plain)
        char = text[index]
        if char == "\r" and text[index + 1 : index + 2] == "\n":
            count += 1 if crlf_one else 2
            index += 2
        else:
            count += 2 if utf16 and ord(char) > 0xFFFF else 1
            index += 1
        plain += 1
    where.setdefault(count, plain)
    return where


def _selection(
    selection: etree._Element,
    span: tuple[int, int],
    where: dict[int, int],
    lead: int,
    article: Article,
    code_names: dict[str, str],
    users: dict[str, str],
    notes: dict[str, str],
) -> Annotation | str:
    """One selection as an annotation of ``article``, or why it is left out."""
    selection_guid = _guid_of(selection)
    if span[0] not in where or span[1] not in where or span[1] <= span[0]:
        return f"selection {selection_guid}: {span[0]}–{span[1]} is not within its text"
    start, end = where[span[0]] - lead, where[span[1]] - lead
    body = article.text
    if start < 0 or end > len(body) or not body[start:end].strip():
        return f"selection {selection_guid}: {span[0]}–{span[1]} holds no text of the article"
    tags: list[str] = []
    for coding in _children(selection, "Coding"):
        ref = _child(coding, "CodeRef")
        if ref is None:
            raise checks.InvalidImport(f"<Coding guid={coding.get('guid', '')[:40]!r}>", "has no CodeRef")
        code = _guid_of(ref, "targetGUID")
        if code not in code_names:
            raise checks.InvalidImport(f"<CodeRef targetGUID={code}>", "names no code of the codebook")
        tags.append(code_names[code])
    refs = dict.fromkeys(_guid_of(ref, "targetGUID") for ref in _children(selection, "NoteRef"))
    note_texts = [notes.get(key, "") for key in refs]
    _check_memo(sum(map(len, note_texts)), f"the note of selection {selection_guid}")
    # qc puts the coder on each Coding only
    coders = [selection, *_children(selection, "Coding")]
    creator = next((element for element in coders if element.get("creatingUser")), None)
    author = users.get(_guid_of(creator, "creatingUser"), "") if creator is not None else ""
    created = checks.timestamp(
        selection.get("creationDateTime") or "", f"selection {selection_guid} creationDateTime"
    )
    modified = checks.timestamp(
        selection.get("modifiedDateTime") or "", f"selection {selection_guid} modifiedDateTime"
    )
    return Annotation(
        id=selection_guid,
        article=article.id,
        text_hash=text_hash(body),
        start=start,
        end=end,
        quote=body[start:end],
        prefix=body[max(0, start - CONTEXT) : start],
        suffix=body[end : end + CONTEXT],
        tags=tuple(dict.fromkeys(tags)),
        note="\n\n".join(t for t in note_texts if t),
        author=author,
        created=created or modified,
        modified=modified or created,
    )
