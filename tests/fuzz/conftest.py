"""The fuzz tests' Hypothesis profile, a hard time limit per example, and a count of examples run.

The profile is reproducible (``derandomize``: the same examples at every run, so CI cannot pass
one day and fail the next on luck), keeps no example database (nothing is written outside the
temporary folders) and bounds each example twice: Hypothesis's ``deadline`` reports a slow
example, and ``tests.fuzz.limits.time_limit`` interrupts one that hangs. Each test takes the
profile with ``@settings(settings.get_profile("fuzz"), max_examples=…)``.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz.limits import EXAMPLES

#: Seconds an example may take before Hypothesis calls it too slow (a loaded CI machine included).
DEADLINE_MS = 3000

settings.register_profile(
    "fuzz",
    derandomize=True,
    database=None,
    deadline=DEADLINE_MS,
    max_examples=100,
    print_blob=False,
    # Function-scoped fixtures (tmp_path) are shared by a test's examples on purpose: each
    # example rewrites the files it reads.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many examples the fuzz tests ran, in all and per test (for the README's figures)."""
    if EXAMPLES:
        terminalreporter.write_line(f"fuzz examples run: {sum(EXAMPLES.values())}")
        for name, count in sorted(EXAMPLES.items()):
            terminalreporter.write_line(f"  {name}: {count}")
