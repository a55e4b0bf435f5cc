"""Extraction of a large corpus shared with a helper process, with the in-process result.

The caller's process works from the first moment; one helper process (see :mod:`.helper`) joins
once started. The texts are cut, in order, into chunks of about :data:`CHUNK_CHARS`
characters. Pass 1: both take chunks from one queue, the caller from its front, the helper
(kept :data:`IN_FLIGHT` chunks ahead) from its back; each keeps its scans, and the helper
sends back only what each text has to discover. The caller then discovers over all texts in
their order, exactly as in-process extraction does, and sends the discovered entities over.
Pass 2: each finishes the chunks it scanned, the helper sending back its spans chunk by
chunk while the caller works on its own, and taking over the caller's last chunks (with their
pass-1 scans) when it runs out: the caller, who also turns every span into a mention and
started before the helper, has more to do. A helper that dies or stalls is killed, and the
caller does what was left with it. Only corpora of at least :data:`MIN_CHARS` characters, on
machines with more than one CPU, are worth the helper's start-up.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator

from tui.core.entities.channel import Helper
from tui.core.entities.matcher import Matcher
from tui.core.entities.passes import Found, Scan, State, build_mentions, first_pass, second_pass
from tui.core.models import Entity, Mention

#: The corpus size (in characters) from which extraction is shared with a helper process.
MIN_CHARS = 4_000_000
#: About how many characters of text one chunk holds.
CHUNK_CHARS = 250_000
#: How many chunks the helper is given ahead of its replies.
IN_FLIGHT = 3
#: How long the caller waits for a reply before it gives the helper up.
STALL_SECONDS = 30.0

#: Told how far an extraction has come, from 0 to 1.
Progress = Callable[[float], None]

#: Discovery over every text's pass-1 result, in text order: the matcher and the list of
#: the discovered entities.
Settle = Callable[[Iterator[Found]], tuple[Matcher | None, list[Entity]]]


def worth_it(texts: dict[str, str]) -> bool:
    """Whether a corpus is large enough, and the machine has the CPUs, for a helper process."""
    return (os.cpu_count() or 1) > 1 and sum(map(len, texts.values())) >= MIN_CHARS


def extract(
    main: Matcher,
    entities: list[Entity],
    texts: dict[str, str],
    settle: Settle,
    progress: Progress | None = None,
) -> dict[str, list[Mention]] | None:
    """Every text's mentions, shared with a helper process; None if no helper could be started.

    ``main`` is the matcher of the known ``entities``; ``settle`` discovers (see :data:`Settle`);
    ``progress`` is told how far it has come as chunks are done.
    """
    try:
        helper = Helper(("start", entities))
    except OSError:
        return None
    try:
        shared = _Shared(main, list(texts.values()), helper, progress)
        shared.first_pass()
        mentions = shared.second_pass(*settle(shared.found()))
    finally:
        helper.close()
    return dict(zip(texts, mentions, strict=True))


class _Shared:
    """One shared extraction: the chunks, who scanned which, and the results so far."""

    def __init__(self, main: Matcher, texts: list[str], helper: Helper, progress: Progress | None) -> None:
        """Cut the texts into chunks; nothing is scanned yet."""
        self._progress = progress
        self._steps = 0
        self._main = main
        self._texts = texts
        self._helper = helper
        self._bounds = _chunks(texts)
        self._found: list[list[Found]] = [[] for _ in self._bounds]
        self._states: dict[int, list[State]] = {}
        self._theirs: set[int] = set()
        self._mentions: list[list[Mention]] = [[] for _ in texts]

    def _step(self) -> None:
        """One more chunk through one pass: tell the progress."""
        self._steps += 1
        if self._progress is not None:
            self._progress(self._steps / (2 * len(self._bounds)))

    def _chunk(self, chunk: int) -> list[str]:
        """The texts of one chunk."""
        start, end = self._bounds[chunk]
        return self._texts[start:end]

    def _encoded(self, chunk: int) -> list[bytes]:
        """The texts of one chunk as UTF-8, to send. Pickling a str would leave a UTF-8 copy cached
        inside it for as long as the text lives: tens of megabytes on a large corpus."""
        return [text.encode("utf-8", "surrogatepass") for text in self._chunk(chunk)]

    def first_pass(self) -> None:
        """Pass 1 over every chunk, shared with the helper while it lives."""
        pending = deque(range(len(self._bounds)))
        sent: list[int] = []
        helper = self._helper
        while pending or sent:
            self._take_found(sent, None)
            if helper.dead:
                pending.extend(sent)
                sent.clear()
            while not helper.dead and len(sent) < IN_FLIGHT and pending:
                chunk = pending.pop()
                helper.send(("scan", chunk, self._encoded(chunk)))
                sent.append(chunk)
            if pending:
                chunk = pending.popleft()
                self._states[chunk], self._found[chunk] = first_pass(self._main, self._chunk(chunk))
                self._step()
            elif sent:
                self._take_found(sent, STALL_SECONDS)

    def _take_found(self, sent: list[int], timeout: float | None) -> None:
        """Take the helper's pass-1 replies: waiting up to ``timeout`` for the first (None: not)."""
        message = self._helper.receive(timeout)
        while message is not None:
            _, chunk, found = message
            self._found[chunk] = found
            self._theirs.add(chunk)
            sent.remove(chunk)
            self._step()
            message = self._helper.receive(None)

    def found(self) -> Iterator[Found]:
        """What each text has to discover, in text order."""
        for found in self._found:
            yield from found

    def second_pass(self, extra: Matcher | None, discovered: list[Entity]) -> list[list[Mention]]:
        """Pass 2 with the discovered entities' matcher: every text's mentions, in text order.

        The caller finishes its own chunks from the front; whenever the helper has fewer than
        :data:`IN_FLIGHT` chunks left, it is given the last of them, with their pass-1 scans.
        """
        helper = self._helper
        helper.send(("finish", discovered))
        waiting = set(self._theirs)
        own = deque(sorted(self._states))
        while own:
            self._take_mentions(waiting, None)
            while not helper.dead and len(waiting) < IN_FLIGHT and len(own) > 1:
                chunk = own.pop()
                scans: list[Scan] = [(spans, [], found) for spans, _, found in self._states[chunk]]
                helper.send(("finish-these", chunk, self._encoded(chunk), scans))
                waiting.add(chunk)
            chunk = own.popleft()
            self._finish(chunk, extra, self._states.pop(chunk))
        while waiting and not helper.dead:
            self._take_mentions(waiting, STALL_SECONDS)
        for chunk in sorted(waiting):
            kept = self._states.pop(chunk, None) or first_pass(self._main, self._chunk(chunk))[0]
            self._finish(chunk, extra, kept)
        return self._mentions

    def _finish(self, chunk: int, extra: Matcher | None, states: list[State]) -> None:
        """Pass 2 of one chunk in this process."""
        texts = self._chunk(chunk)
        spans = second_pass(self._main, extra, texts, states)
        start, end = self._bounds[chunk]
        self._mentions[start:end] = [
            build_mentions(text, found) for text, found in zip(texts, spans, strict=True)
        ]
        self._step()

    def _take_mentions(self, waiting: set[int], timeout: float | None) -> None:
        """Take the helper's pass-2 replies: waiting up to ``timeout`` for the first (None: not)."""
        message = self._helper.receive(timeout)
        while message is not None:
            _, chunk, spans = message
            start, end = self._bounds[chunk]
            self._mentions[start:end] = [
                build_mentions(text, found) for text, found in zip(self._chunk(chunk), spans, strict=True)
            ]
            waiting.discard(chunk)
            self._states.pop(chunk, None)
            self._step()
            message = self._helper.receive(None)


def _chunks(texts: list[str]) -> list[tuple[int, int]]:
    """The texts cut, in order, into runs of about :data:`CHUNK_CHARS` characters: index bounds."""
    bounds: list[tuple[int, int]] = []
    start = size = 0
    for index, text in enumerate(texts):
        size += len(text)
        if size >= CHUNK_CHARS:
            bounds.append((start, index + 1))
            start, size = index + 1, 0
    if start < len(texts):
        bounds.append((start, len(texts)))
    return bounds
