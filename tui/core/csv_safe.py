"""CSV cells a spreadsheet shows as the text they are.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) as a formula, so a tag, an attribute value or a memo (typed, or imported from
someone else's file) could fetch a link or run a command when the CSV is opened. Every cell a
command writes to CSV goes through :func:`safe_cell`.
"""

from __future__ import annotations

from collections.abc import Iterable

#: A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """``value`` as a cell shown as text: a leading quote keeps a formula from running."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def safe_rows(rows: Iterable[Iterable[str]]) -> list[list[str]]:
    """Every cell of ``rows`` made safe with :func:`safe_cell`."""
    return [[safe_cell(value) for value in row] for row in rows]
