"""Bounds and checks shared by the fuzz tests: a hard time limit per example, one-line errors.

:func:`time_limit` interrupts an example that hangs, which Hypothesis's ``deadline`` cannot do
(it measures an example only once it has returned), and counts the examples each test runs.
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

#: Seconds after which an example is interrupted as hung.
HARD_LIMIT_SECONDS = 10.0
#: How many examples each fuzz test ran in this session (shown at the end of the run).
EXAMPLES: Counter[str] = Counter()


class ExampleHung(BaseException):
    """An example ran past the hard limit (a BaseException, so no parser's ``except Exception`` hides it)."""


@contextmanager
def time_limit(test_name: str, seconds: float = HARD_LIMIT_SECONDS) -> Iterator[None]:
    """Run one example of ``test_name``, interrupting it with :class:`ExampleHung` after ``seconds``."""
    EXAMPLES[test_name] += 1

    def interrupt(signum: int, frame: FrameType | None) -> None:
        """Raise in the example's own thread, wherever it is stuck (the test runs in the main thread)."""
        raise ExampleHung(f"{test_name}: an example ran over {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def example_file(test_name: str, path: Path, content: bytes) -> Iterator[Path]:
    """Write ``content`` to ``path`` (an example's input file) and run the example under :func:`time_limit`."""
    with time_limit(test_name):
        path.write_bytes(content)
        yield path


def assert_one_line(error: BaseException) -> None:
    """An error a user sees: a non-empty message on one line."""
    message = str(error)
    assert message.strip(), f"{type(error).__name__} with an empty message"
    assert "\n" not in message and "\r" not in message, (
        f"{type(error).__name__} over several lines: {message!r}"
    )
