"""TOML from a user's file (article front matter, the known-entities file), refused in plain words.

``tomllib`` raises more than ``TOMLDecodeError`` on hostile text: ``RecursionError`` for
arrays nested a few thousand deep (it recurses once per level) and a ``ValueError`` whose
advice is for programmers ("use sys.set_int_max_str_digits()") for an integer of over 4,300
digits. Both, and anything else it raises, become :class:`TomlProblem` with a reason a user
can act on.
"""

from __future__ import annotations

import tomllib
from typing import Any

from tui.core.safe_text import one_line


class TomlProblem(ValueError):
    """TOML that cannot be read: the reason, on one line."""


def parse_toml(text: str) -> dict[str, Any]:
    """The table of a TOML text, or :class:`TomlProblem` saying why it cannot be read."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise TomlProblem("nested too deeply") from None
    except tomllib.TOMLDecodeError as error:
        raise TomlProblem(one_line(str(error))) from None
    except ValueError as error:
        if "digits" in str(error):
            raise TomlProblem("a number with more digits than this program reads (4,300)") from None
        raise TomlProblem(one_line(str(error)) or "not valid TOML") from None
    except Exception as error:  # whatever else the parser raises is the text's problem too
        raise TomlProblem(f"not readable as TOML ({type(error).__name__})") from None
