"""Money and figures with normalised values: "$10 billion", "ten billion dollars", "13.6 percent".

The engine finds the cheap anchors (a currency sign or code before a number, a unit word
such as "dollars", "percent", "%" or "times" after one) with its automaton; the functions
here read the number next to the anchor. Money ids are ``money:USD:10000000000``; figure
ids are ``percent:13.6`` and ``times:3.5``.
"""

from __future__ import annotations

import re

from tui.core.entities.spans import Span
from tui.core.models import EntityType

#: Currency signs and codes written before a number, and their ISO codes.
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "USD": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "Rs": "PKR",
    "Rs.": "PKR",
    "PKR": "PKR",
    "IRR": "IRR",
}
#: Unit words written after a number: a currency code, or "percent" / "times" for figures.
UNIT_WORDS: dict[str, str] = {
    "dollars": "USD",
    "dollar": "USD",
    "rupees": "PKR",
    "rupee": "PKR",
    "rials": "IRR",
    "rial": "IRR",
    "euros": "EUR",
    "euro": "EUR",
    "tomans": "IRT",
    "yuan": "CNY",
    "percent": "percent",
    "per cent": "percent",
    "%": "percent",
    "times": "times",
    "MW": "MW",
    "megawatts": "MW",
    "megawatt": "MW",
    "km": "km",
    "kilometres": "km",
    "kilometre": "km",
    "kilometers": "km",
    "kilometer": "km",
    "killed": "killed",
}
#: Units of figures that are counts or measures rather than money: "1,000 MW", "900 km", "3 killed".
MEASURES = frozenset(("MW", "km", "killed"))
_SCALES: dict[str, float] = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "crore": 1e7,  # the South Asian scales: a crore is ten million, a lakh a hundred thousand
    "lakh": 1e5,
    "thousand": 1e3,
    "k": 1e3,
    "hundred": 1e2,
}
_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
#: Number words and their values ("one" ... "ninety", "hundred", "thousand", "million", ...).
NUMBER_WORDS: dict[str, float] = {
    **{word: float(i) for i, word in enumerate(_UNITS)},
    **{word: float(20 + 10 * i) for i, word in enumerate(_TENS)},
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:[\s-]?(?P<scale>trillion|billion|million|thousand|crore|lakh|bn|tn|mn|b|m|k)(?![\w]))?"
_AFTER_PREFIX = re.compile(r"\s?" + _NUMBER + _SCALE + r"(?:\s(?:US\s)?dollars\b)?")
_BEFORE_UNIT = re.compile(r"(?<![\d.,])(?P<cur>\$\s?)?" + _NUMBER + _SCALE + r"(?:\s?US)?[\s-]?$")
_WORDS_BEFORE = re.compile(r"(?:[A-Za-z]+[\s-]){1,8}$")
_WORD = re.compile("[A-Za-z]+")


def amount_after_prefix(text: str, start: int, end: int, code: str) -> Span | None:
    """The amount whose currency prefix is ``text[start:end]`` ("$10b", "Rs 500 million")."""
    match = _AFTER_PREFIX.match(text, end)  # a code may touch its number: "USD10 billion", "Rs44.2"
    if match is None or text[match.end() : match.end() + 1].isalnum():  # "PKR2D": a code, not a sum
        return None
    value = _number(match.group("num"), match.group("scale"))
    return start, match.end(), money_record(value, code)


def amount_before_unit(text: str, start: int, end: int, unit: str) -> Span | None:
    """The amount or figure whose unit word is ``text[start:end]`` ("10 billion dollars", "15%")."""
    if not _may_follow_number(text, start):
        return None
    window_start = max(0, start - 60)
    window = text[window_start:start]
    match = _BEFORE_UNIT.search(window)
    if match is not None and (unit != "%" or match.end("num") == len(window) or match.group("scale")):
        value = _number(match.group("num"), match.group("scale"))
        if match.group("cur") and unit != "USD":
            return None
        return window_start + match.start(), end, _record(value, unit)
    if unit == "%" or not window.endswith((" ", "-")):
        return None
    words = _WORDS_BEFORE.search(window)
    if words is None:
        return None
    found = [(m.start(), m.group()) for m in _WORD.finditer(window, words.start())]
    count = 0
    while count < len(found) and found[-1 - count][1].lower() in NUMBER_WORDS:
        count += 1
    spelled = parse_number_words([word for _, word in found[len(found) - count :]])
    if spelled is None:
        return None
    return window_start + found[len(found) - count][0], end, _record(spelled, unit)


def _may_follow_number(text: str, start: int) -> bool:
    """A quick test that a unit word at ``start`` could follow a number ("at times" cannot).

    True when the unit follows (after a space or hyphen, and an optional "US") a digit, a
    number word or a scale word; :func:`amount_before_unit` then reads the number itself.
    """
    end = start
    if end and (text[end - 1].isspace() or text[end - 1] == "-"):
        end -= 1
    if text[end - 2 : end] == "US" and end >= 2:
        end -= 2
        if end and text[end - 1].isspace():
            end -= 1
    if not end:
        return False
    if text[end - 1].isdigit():
        return True
    begin = end
    while begin and end - begin < 10 and text[begin - 1].isalpha():
        begin -= 1
    word = text[begin:end].lower()
    return word in NUMBER_WORDS or word in _SCALES


def parse_number_words(tokens: list[str]) -> float | None:
    """The value of number words ("ten", "billion" -> 1e10; "forty", "five" -> 45), or None."""
    if not tokens or tokens[0].lower() in ("hundred", "thousand", "million", "billion", "trillion"):
        return None
    total = current = 0.0
    for token in tokens:
        value = NUMBER_WORDS[token.lower()]
        if value == 100:
            current *= 100
        elif value >= 1000:
            total += current * value
            current = 0.0
        else:
            current += value
    return total + current


def money_record(value: float, code: str) -> tuple[EntityType, str, str, float, str]:
    """The record of an amount of money in currency ``code``."""
    return EntityType.MONEY, f"money:{code}:{format_number(value)}", f"{code} {_human(value)}", value, code


def format_number(value: float) -> str:
    """A number as it appears in ids: no exponent, no trailing ``.0`` ("10000000000", "13.6")."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0")


def _record(value: float, unit: str) -> tuple[EntityType, str, str, float, str]:
    """The record of a money amount or a figure in ``unit``."""
    if unit == "percent":
        return EntityType.FIGURE, f"percent:{format_number(value)}", f"{format_number(value)}%", value, unit
    if unit == "times":
        number = format_number(value)
        return EntityType.FIGURE, f"times:{number}", f"{number} times", value, unit
    if unit in MEASURES:
        return EntityType.FIGURE, f"{unit}:{format_number(value)}", f"{_human(value)} {unit}", value, unit
    return money_record(value, unit)


def readable(value: float, unit: str | None) -> tuple[str, str]:
    """An amount's value and unit as a reader would say them: ("7.5 billion", "USD"), ("13.6", "%"),
    ("1,000", "MW"), ("3", "killed"); a plain number has no unit ("")."""
    if unit == "percent":
        return format_number(value), "%"
    return _human(value), unit or ""


def _number(digits: str, scale: str | None) -> float:
    """A written number with an optional scale word ("3.1", "billion" -> 3.1e9)."""
    value = float(digits.replace(",", "")) * (_SCALES[scale] if scale else 1.0)
    return float(round(value)) if value >= 1000 else value


def _human(value: float) -> str:
    """A readable amount: "10 billion", "3.1 billion", "250,000"."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{format_number(round(value / size, 3))} {word}"
    return f"{value:,.0f}" if value == int(value) else format_number(value)
