"""The per-text work of the engine's two passes, as plain functions of a text and matchers.

Pass 1 (:func:`scan` then :func:`candidates`) finds the automaton spans, the discovery
triggers and the shared-surname candidates of a text, and the new people and acronym
definitions those triggers introduce. Pass 2 (:func:`text_spans`) adds spelling variants,
named wars and the names discovered across the whole corpus, resolves shared surnames, and
:func:`build_mentions` turns the spans into mentions. Being plain functions of their
arguments, they give the same result in the engine's process and in a worker process.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from sys import intern

from tui.core.entities import amounts, dates, discovery, names, organisations, places
from tui.core.entities.matcher import (
    AMBIGUOUS,
    ENTITY,
    GIVEN,
    HONORIFIC,
    LETTER,
    MONTH,
    PREFIX,
    RELATIVE,
    ROLE,
    SAYING,
    SHAPE,
    TITLE,
    UNIT,
    WEAK,
    WEEKDAY,
    YEAR,
    Matcher,
)
from tui.core.entities.scanner import fold
from tui.core.entities.spans import Record, Span, merge, offsets
from tui.core.models import EntityType, Mention

Trigger = tuple[int, int, int]
Scan = tuple[list[Span], list[Trigger], dict[int, tuple[Record, ...]]]
#: What pass 1 keeps of a text for pass 2: its scan. (Not its folded copy: pass 2 folds the text
#: again, which costs less than holding half a large corpus's folded copies until then.)
State = Scan
#: What pass 1 found to discover in one text: candidate people (as written) and
#: acronym definitions ``(long name, acronym)``, in text order.
Found = tuple[list[str], list[tuple[str, str]]]
_PERSON = EntityType.PERSON
_ORGANISATION = EntityType.ORGANISATION
#: Whose full names tell a shared surname or acronym ("JEC" defined by two texts) apart.
_NAMED_IN_FULL = (_PERSON, _ORGANISATION)
_CAPITALISED_NEXT = re.compile(r"\s[A-Z]")
_CAPITALISED_LAST = re.compile(r"[A-Z][\w’'-]*\s$")
_TITLE_BEFORE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted({re.escape(t.split()[-1]) for t in names.TITLES}, key=len, reverse=True))
    + r")\s$"
)
_SURNAME_WORDS = {word: re.compile(rf"(?<![\w’'-]){word}(?![\w-])") for word in names.COMMON_SURNAMES}
#: The kinds of anchor that start discovery (see :func:`candidates`).
_TRIGGERS = frozenset((TITLE, ROLE, HONORIFIC, GIVEN, SAYING))
_LETTER_AFTER = (" (", "/", "’s", "'s", " account", " post", " handle", " user")


def scan(matcher: Matcher, text: str, folded: bytes | None = None) -> Scan:
    """One automaton pass: non-overlapping spans, discovery triggers and ambiguous-name candidates.

    Hits are taken in text order; one starting before the end of the last span taken is
    skipped. The scanner's fast spans are taken in runs between the slow hits, which are
    checked one by one here; a slow hit's span (a date, an amount) may reach past its anchor
    (later hits are then skipped) or before it (earlier spans it overlaps are dropped).
    """
    fast, slow = matcher.scanner.hits(text, fold(text) if folded is None else folded)
    if not slow:
        return fast, [], {}
    spans: list[Span] = []
    triggers: list[Trigger] = []
    ambiguous: dict[int, tuple[Record, ...]] = {}
    append = spans.append
    startswith = text.startswith
    length = len(text)
    last = taken = 0
    remaining = len(fast)
    for start, alternatives in slow:
        if taken < remaining and fast[taken][0] < start:
            last, taken = _take_fast(spans, fast, taken, start, last)
        if start < last:
            continue
        for alternative in alternatives:
            if alternative[0] is None or startswith(alternative[0], start):
                break
        else:
            continue
        kind, size, lb, rb, trim, payload = alternative[1]
        end = start + size
        if (lb and start and text[start - 1].isalnum()) or (rb and end < length and text[end].isalnum()):
            continue
        if kind == ENTITY:
            append((start + trim, end, payload))
            last = end
            continue
        if kind in _TRIGGERS:  # before the other kinds: nearly half of the slow hits
            triggers.append((kind, start, end))
            continue
        span: Span | None = None
        if kind == AMBIGUOUS:
            ambiguous[start + trim] = payload
            span = (start + trim, end, payload[0])
        elif kind == MONTH:
            span = dates.month_date(text, start, end)
        elif kind == YEAR:
            span = dates.year_date(text, start, end)
        elif kind == WEEKDAY:
            span = dates.weekday_date(text, start, end)
        elif kind == RELATIVE:
            span = dates.relative_date(text, start, end)
        elif kind == PREFIX:
            span = amounts.amount_after_prefix(text, start, end, payload)
        elif kind == UNIT:
            span = amounts.amount_before_unit(text, start, end, payload)
        elif kind == LETTER:
            span = (start, end, payload) if _letter_is_name(text, start, end) else None
        elif kind == WEAK:
            span = (start, end, payload) if places.keep_weak(text, start, end) else None
            if span is None and text[start:end] in names.given_names():
                triggers.append((GIVEN, start, end))  # a town named like a person: "Victoria Nuland"
        elif kind == SHAPE:
            span, begin = organisations.shape_span(text, start, end, payload, spans, matcher.record)
            if span is None:  # an event's name, or not a name: no person inside it all the same
                while spans and spans[-1][1] > begin and spans[-1][2][0] is _PERSON:
                    spans.pop()
        if span is not None:
            while spans and spans[-1][1] > span[0]:
                spans.pop()
            append(span)
            last = span[1]
    if taken < remaining:
        _take_fast(spans, fast, taken, length + 1, last)
    return spans, triggers, ambiguous


def _take_fast(spans: list[Span], fast: list[Span], taken: int, before: int, last: int) -> tuple[int, int]:
    """Add the fast spans from ``taken`` on that start before ``before``, skipping any before ``last``.

    Fast spans do not overlap, so once one is taken all the next ones are. Returns the new
    ``last`` and ``taken``. (A 1-tuple sorts before every span starting at its number.)
    """
    high = bisect_left(fast, (before,), taken)
    if fast[taken][0] < last:
        taken = bisect_left(fast, (last,), taken, high)
    if taken < high:
        spans += fast[taken:high]
        last = fast[high - 1][1]
    return last, high


def _letter_is_name(text: str, start: int, end: int) -> bool:
    """Whether a one-letter name is used as one: "on X", "X (formerly Twitter)", "X/@handle", "his X account".

    A bare capital letter is far more often something else: "X-ray", "Malcolm X", "Plan B".
    """
    if text.startswith(_LETTER_AFTER, end):
        return True
    return text[max(0, start - 3) : start] in ("on ", "On ") and (start < 4 or not text[start - 4].isalnum())


def candidates(text: str, triggers: list[Trigger]) -> Found:
    """The people introduced at the triggers (titles, roles, honorifics) and the acronym definitions."""
    people: list[str] = []
    after = -1  # the end of the last name found: a given name inside it starts no other
    for kind, start, end in triggers:
        if start < after:
            continue
        if kind == TITLE:
            candidate = (
                discovery.after_title(text, start, end)
                or discovery.after_portfolio(text, start, end)
                or discovery.title_and_one_name(text, start, end)
            )
        elif kind == GIVEN:
            candidate = discovery.after_given_name(text, start, end)
        elif kind == SAYING:
            candidate = discovery.around_saying(text, start, end)
        elif kind == ROLE:
            candidate = discovery.around_role(text, start, end)
        else:
            candidate = discovery.after_honorific(text, start, end)
        if candidate is not None:
            people.append(candidate.name)
            after = candidate.end
    if text.startswith("By", 0, 300) or "\nBy " in text[:300]:
        people += [byline.name for byline in discovery.bylines(text)]
    definitions = [(found.long_name, found.acronym) for found in discovery.acronym_definitions(text)]
    return people, definitions


def text_spans(main: Matcher, extra: Matcher | None, text: str, found: Scan) -> list[Span]:
    """Merge the automaton spans with variants, discovered names and wars; resolve shared surnames."""
    spans, _, ambiguous = found
    extras = main.variant_spans(text) + dates.war_dates(text) + _source_tags(main, text)
    if extra is not None:
        found_spans, _, found_ambiguous = scan(extra, text)
        extras += _introduced(main, text, found_spans)
        if found_ambiguous:  # a surname shared by people discovered in the corpus
            ambiguous = {**ambiguous, **found_ambiguous}
    extras += organisations.acronyms_in_text(text, spans)
    if extras:
        extras.sort(key=lambda span: (span[0], span[0] - span[1]))
        spans = merge(spans, extras)
    if ambiguous:
        spans = _disambiguate(text, spans, ambiguous)
    return _common_surnames(text, _not_inside_other_names(text, spans))


def _not_inside_other_names(text: str, spans: list[Span]) -> list[Span]:
    """The spans less a person's one word that is part of another person's longer name
    ("Bhutto" in "Zulfikar Ali Bhutto"; see :func:`.names.beside_another_name`)."""
    beside = names.beside_another_name
    dropped = {
        index
        for index, (start, end, record) in enumerate(spans)
        if record[0] is _PERSON and text.find(" ", start, end) < 0 and beside(text, start, end)
    }
    return [span for index, span in enumerate(spans) if index not in dropped] if dropped else spans


def _introduced(main: Matcher, text: str, found: list[Span]) -> list[Span]:
    """The spans of names discovered in the corpus, a new person's one word alone ("Hassanzadeh") only
    after the person is named in full in this text, or after a title ("Minister Hassanzadeh").

    A surname alone in an article that never names the person may be anyone of that name.
    """
    named: set[str] = set()
    kept: list[Span] = []
    for span in found:
        start, end, record = span
        if record[0] is _PERSON and record[1] not in main.profiles:
            if " " in text[start:end]:
                named.add(record[1])
            elif record[1] not in named and not _TITLE_BEFORE.search(text, max(0, start - 40), start):
                continue
        kept.append(span)
    return kept


def _common_surnames(text: str, spans: list[Span]) -> list[Span]:
    """A common surname alone ("Qureshi made the remarks") after its person is named in full in the text.

    It names the person most recently named in full with it, and is not taken next to another
    capitalised word (then it is part of another name).
    """
    introduced: dict[str, list[tuple[int, Record]]] = {}
    for start, end, record in [span for span in spans if span[2][0] is _PERSON]:  # (a list: faster)
        space = text.rfind(" ", start, end)
        if space > 0 and text[space + 1 : end] in _SURNAME_WORDS:
            introduced.setdefault(text[space + 1 : end], []).append((end, record))
    if not introduced:
        return spans
    extras: list[Span] = []
    for word, people in introduced.items():
        for match in _SURNAME_WORDS[word].finditer(text, people[0][0]):
            at, end = match.span()
            if _CAPITALISED_NEXT.match(text, end) or _CAPITALISED_LAST.search(text, max(0, at - 30), at):
                continue
            extras.append((at, end, [record for known, record in people if known <= at][-1]))
    if not extras:
        return spans
    extras.sort()
    return merge(spans, extras)


def _source_tags(main: Matcher, text: str) -> list[Span]:
    """News agencies' source tags in the text's dateline ("(IRNA) –") and outlets named like words
    where the text reports from them ("told Dawn"): known or new organisations."""
    found: list[Span] = []
    for start, end, tag in organisations.source_tags(text) + organisations.outlet_mentions(text):
        record = main.record(tag)
        if record is None or record[0] is not _ORGANISATION:
            record = (_ORGANISATION, f"org:{names.slugify(tag)}", tag, None, None)
        found.append((start, end, record))
    return found


def build_mentions(text: str, spans: list[Span]) -> list[Mention]:
    """The mentions of the spans: ``(start, end, text[start:end], *record)`` as named tuples.

    Their texts are interned: a corpus names "Iran" a hundred thousand times, and one string
    for all of them saves tens of megabytes on a large corpus; their offsets are shared ints
    (see :func:`.spans.offsets`).
    """
    new = tuple.__new__
    at = offsets(len(text))
    # Concatenation: faster than unpacking ``*record``.
    return [new(Mention, (at[s], at[e], intern(text[s:e])) + record) for s, e, record in spans]  # noqa: RUF005


def first_pass(matcher: Matcher, texts: list[str]) -> tuple[list[State], list[Found]]:
    """Pass 1 over some texts: what each keeps for pass 2, and what each has to discover."""
    states: list[State] = []
    found: list[Found] = []
    for text in texts:
        result = scan(matcher, text)
        states.append(result)
        found.append(candidates(text, result[1]))
    return states, found


def second_pass(
    main: Matcher, extra: Matcher | None, texts: list[str], states: list[State]
) -> list[list[Span]]:
    """Pass 2 over the texts of :func:`first_pass`: the final spans of each."""
    pairs = zip(texts, states, strict=True)
    return [text_spans(main, extra, text, scanned) for text, scanned in pairs]


def _disambiguate(text: str, spans: list[Span], ambiguous: dict[int, tuple[Record, ...]]) -> list[Span]:
    """Resolve shared surnames (and acronyms) to the candidate most recently named in full, else the
    first listed."""
    last_full: dict[str, int] = {}
    out: list[Span] = []
    for start, end, record in spans:
        candidates = ambiguous.get(start)
        if candidates is not None and end - start == len(text[start:end].split(" ")[-1]):
            seen = [c for c in candidates if c[1] in last_full]
            record = max(seen, key=lambda c: last_full[c[1]]) if seen else candidates[0]
        elif record[0] in _NAMED_IN_FULL and " " in text[start:end]:
            last_full[record[1]] = start
        out.append((start, end, record))
    return out
