"""Right-to-left text drawn in visual order wherever the app shows article text outside the article
view: quotes, sentences and titles in the panes, lists, views and dialogs.

The order comes from :mod:`tui.core.bidi_text` (the Unicode bidirectional algorithm, letters joined),
per line as drawn: a line clipped with an ellipsis is clipped first, in logical order; a paragraph
wrapped to the width is wrapped first, each line then reordered with the whole paragraph's
direction. In "terminal" mode (``--bidi terminal``, or the palette) text is drawn as stored, for a
terminal that reorders it itself. Drawing only: what is stored, quoted or exported never changes.
Lines with no right-to-left character come back as they are (one regular-expression search).

A line that puts data (a quote, a note) after words of its own marks the data :func:`isolated`, so
the data takes its own direction inside and the line keeps its own (UAX #9 isolates, not drawn).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, cast

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Span, Text

from tui.core.bidi_text import BidiMode, display_wrapped, has_right_to_left, visual

_ISOLATE_START, _ISOLATE_END = "\u2068", "\u2069"  # FIRST STRONG ISOLATE, POP DIRECTIONAL ISOLATE


class _Bidirectional(Protocol):
    """An app that says who reorders right-to-left text (ReaderApp; ``--bidi``)."""

    bidi: BidiMode


def bidi_mode(app: object) -> BidiMode:
    """Who reorders right-to-left text for ``app``: the app ("app", also for a bare App in tests)
    or the terminal."""
    return "terminal" if getattr(app, "bidi", "app") == "terminal" else "app"


def set_bidi_mode(app: object, mode: BidiMode) -> None:
    """Make ``mode`` the app's way from now on (what is drawn next follows it)."""
    cast(_Bidirectional, app).bidi = mode


def isolated(text: str) -> str:
    """``text`` (data put in a line after words of the app's) marked to take its own direction,
    whatever the line's: unchanged when it holds no right-to-left character."""
    return f"{_ISOLATE_START}{text}{_ISOLATE_END}" if has_right_to_left(text) else text


def visual_line(text: str, mode: BidiMode) -> str:
    """One line of plain text as drawn (as it is in "terminal" mode)."""
    return text if mode == "terminal" else visual(text)


def drawn(line: Text, mode: BidiMode) -> Text:
    """One line (already clipped) as drawn, its styles kept on their characters; spaces it starts
    with stay on the left, as the indent of a list's line."""
    plain = line.plain
    if not _needs_work(plain, mode):
        return line
    indent = len(plain) - len(plain.lstrip(" "))
    return line[:indent] + _reordered(line, indent, [(indent, len(plain))], mode)[0]


def drawn_lines(paragraph: Text, lines: list[Text], mode: BidiMode) -> list[Text]:
    """The ``lines`` that ``paragraph`` (one line of text, no newline) was wrapped into, in order,
    each as drawn with the paragraph's own direction. A line that is not a piece of the paragraph
    (the wrapping changed its characters) is reordered on its own."""
    plain = paragraph.plain
    if not _needs_work(plain, mode):
        return lines
    spans: list[tuple[int, int]] = []
    position = 0
    for line in lines:
        piece = line.plain.rstrip()
        found = plain.find(piece, position)
        if found < 0:
            return [drawn(line, mode) for line in lines]
        spans.append((found, found + len(piece)))
        position = found + len(piece)
    return _reordered(paragraph, 0, spans, mode)


def wrapped_text(text: Text, width: int, console: Console, mode: BidiMode) -> Text:
    """``text`` (one paragraph) wrapped to ``width``, each line drawn in visual order; as it is when
    nothing in it needs reordering (the widget showing it wraps it)."""
    if not _needs_work(text.plain, mode):
        return text
    lines = list(text.wrap(console, width, overflow="fold"))
    return Text("\n").join(drawn_lines(text, lines, mode))


def paragraph(text: Text, mode: BidiMode) -> Text | BidiParagraph:
    """``text`` to be wrapped by the widget showing it: as it is if nothing in it needs reordering,
    else a renderable that wraps it to the width and then draws each line in visual order."""
    return BidiParagraph(text, mode) if _needs_work(text.plain, mode) else text


def plain_paragraph(text: str, app: object) -> Text | BidiParagraph:
    """Plain text (a quote) to be wrapped by the widget showing it, drawn the way ``app`` says."""
    return paragraph(Text(text), bidi_mode(app))


class BidiParagraph:
    """A Rich renderable: text wrapped to the width it is given, each line then drawn in visual order
    (for a label or a list option, which wrap what they show)."""

    def __init__(self, text: Text, mode: BidiMode) -> None:
        """Text (lines split at newlines, each its own paragraph) and who reorders it."""
        self.text = text
        self.mode = mode

    def __str__(self) -> str:
        """The text as written, in logical order."""
        return self.text.plain.replace(_ISOLATE_START, "").replace(_ISOLATE_END, "")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Each paragraph wrapped to the width, its lines reordered."""
        parts = self.text.split("\n", allow_blank=True)
        joined = Text("\n").join(wrapped_text(part, options.max_width, console, self.mode) for part in parts)
        joined.no_wrap = True  # each line fits: wrapped above
        yield joined

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As wide as the text."""
        return Measurement.get(console, options, self.text)


def _needs_work(plain: str, mode: BidiMode) -> bool:
    """Whether a line must be reordered (app mode, right-to-left text) or has isolates to drop."""
    if _ISOLATE_START in plain:
        return True
    return mode == "app" and has_right_to_left(plain)


def _reordered(source: Text, start: int, lines: list[tuple[int, int]], mode: BidiMode) -> list[Text]:
    """The ``lines`` (start, end) of ``source``, whose paragraph starts at ``start``, as drawn: in
    visual order in "app" mode, else as written; isolates dropped, each character with its style."""
    plain = source.plain
    displays = None
    if mode == "app":
        displays = display_wrapped(plain[start:], [(s - start, e - start) for s, e in lines])
    rows: list[Text] = []
    for number, (first, last) in enumerate(lines):
        if displays is not None:
            order = [start + offset for offset in displays[number].offsets]
            glyphs = displays[number].glyphs
        else:
            order = [k for k in range(first, last) if plain[k] not in (_ISOLATE_START, _ISOLATE_END)]
            glyphs = "".join(plain[k] for k in order)
        row = source.blank_copy(glyphs)
        place = {offset: index for index, offset in enumerate(order)}
        for span in source.spans:
            row.spans.extend(_runs(sorted(place[o] for o in range(span.start, span.end) if o in place), span))
        rows.append(row)
    return rows


def _runs(positions: Iterable[int], span: Span) -> list[Span]:
    """``span``'s style over ``positions``, as one span per run of consecutive positions."""
    runs: list[Span] = []
    for position in positions:
        if runs and runs[-1].end == position:
            runs[-1] = Span(runs[-1].start, position + 1, span.style)
        else:
            runs.append(Span(position, position + 1, span.style))
    return runs
