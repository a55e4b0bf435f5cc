"""Rebuild the engine's list of given names, ``tui/core/entities/given_names.txt``, from names-dataset.

names-dataset (MIT licence, Philippe Remy) ranks the first names of 105 countries by how many
people bear them. Pakistan is not one of them, but the Gulf states' lists are led by the
Pakistani, Indian and Arab names of the people who live there, and Iran and Afghanistan have their
own. The list keeps a name that ranks high (:data:`TOPS`) in Iran, Afghanistan, Iraq or a Gulf
state, or in the United States or Britain (the officials Iran–Pakistan news quotes from abroad),
and leaves out:

- a name whose lower-case form is an English word ("Will", "Press"), by the web2 word list of
  english-words, unless it ranks very high (:data:`TOP_IF_WORD`: "Amir", "Abbas", "Said");
- the adjectives of peoples and faiths ("Iranian", "Islamic", "Persian"; by their endings in the
  word list's capitalised words) and the few such names without those endings, with the
  countries the lists hold as first names ("Muslim", "Islam", "Pakistan");
- a name shorter than three letters, or with anything but ASCII letters and one inner hyphen.

The file is the package's data filtered, never edited by hand: ``python -m tools.build_given_names``
writes it, and ``tests/unit/test_entities_people.py`` checks its shape. names-dataset is needed
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
#: How far down each country's ranking a name is kept: Iran and Afghanistan, whose own names
#: these are; Iraq and the Gulf states (where Pakistan's names are ranked); the United States and
#: Britain.
TOPS = {"IR": 3000, "AF": 3000, "IQ": 2000, "SA": 2000, "AE": 2000, "OM": 2000, "QA": 2000, "KW": 2000}
TOPS |= {"BH": 2000, "US": 500, "GB": 500}
#: A name that is also an English word is kept only this high in a ranking ("Amir", "Said", "Mark").
TOP_IF_WORD = {"US": 100, "GB": 100}
TOP_IF_WORD_ELSEWHERE = 200
_PEOPLE_SUFFIXES = ("ian", "ic", "ese", "ist", "ite")
#: Peoples, faiths and countries the lists hold as first names, by the adjective suffixes above or
#: not ("Muslim", "Baloch").
_NOT_GIVEN = frozenset(
    {"Muslim", "Islam", "Allah", "Sunni", "Shia", "Arab", "Baloch", "Pashtun", "Pakistan", "Iran", "Afghan"}
    | {"Pakistani", "Irani", "Iraqi", "Kurdish", "Turkish", "English", "Irish", "Punjabi", "Sindhi", "Urdu"}
)
_PLAIN = re.compile(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?")


def build() -> list[str]:
    """The names of the file, sorted."""
    from english_words import get_english_words_set

    spec = find_spec("names_dataset")
    if spec is None or spec.origin is None:
        raise SystemExit("names-dataset is not installed: pip install names-dataset==3.3.1")
    data = Path(spec.origin).parent / "v3" / "first_names.pkl.gz"
    with gzip.open(data, "rb") as handle:
        table = pickle.load(handle)  # the package's own data file, as the package itself reads it
    words = get_english_words_set(["web2"], lower=False, alpha=True)
    english = {word for word in words if word[:1].islower()}
    # Adjectives of peoples and faiths, which the lists hold as first names and news capitalises.
    peoples = {word for word in words if word[:1].isupper() and word.endswith(_PEOPLE_SUFFIXES)}
    kept: set[str] = set()
    for name, info in table.items():
        ranks = {country: rank for country, rank in info.get("rank", {}).items() if country in TOPS}
        if not _PLAIN.fullmatch(name) or not any(rank <= TOPS[country] for country, rank in ranks.items()):
            continue
        if name in peoples or name in _NOT_GIVEN:
            continue
        word = name.lower() in english or any(part.lower() in english for part in name.split("-"))
        if word and not any(
            rank <= TOP_IF_WORD.get(country, TOP_IF_WORD_ELSEWHERE) for country, rank in ranks.items()
        ):
            continue
        kept.add(name)
    return sorted(kept)


def main() -> None:
    """Write the file."""
    names = build()
    header = [
        "# Written by tools/build_given_names.py from names-dataset 3.3.1 (MIT licence,",
        "# Philippe Remy): given names ranked high in Iran, Afghanistan, Iraq, the Gulf states,",
        "# the United States or Britain, without English words. Do not edit.",
    ]
    OUTPUT.write_text("\n".join([*header, *names]) + "\n", encoding="utf-8")
    sys.stdout.write(f"{len(names)} names written to {OUTPUT.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main()
