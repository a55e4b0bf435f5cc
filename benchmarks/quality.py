"""The entity engine's quality on the hand-labelled development set (``tests/data/devset``).

Prints, for the tuning half, the test half and the whole set:

- person, organisation and place mentions with the exact span and type: precision, recall, F1;
- the recall of people, and of organisations;
- pairs of spellings of one entity that the engine links (one entity id), and wrong links
  (two entities given one id);
- dated expressions with the right value (first and last day), resolved against publication;
- amounts of money found with the right value and currency.

The files are given, in order of id, alternately to the tuning half and the test half, so a
file's half never changes; tune on the first only. The engine runs over the whole set at once,
as over a corpus, with the project's known-entities file. ``--json`` prints the figures as JSON;
``--errors`` lists what was missed and what was wrong, by half.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "data" / "devset"
KINDS = ("person", "organisation", "place")


@dataclass
class Tally:
    """What one half of the set scored, and the errors behind it."""

    gold: int = 0
    found: int = 0
    right: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: {kind: [0, 0] for kind in KINDS})
    pairs: int = 0
    linked: int = 0
    wrong_links: int = 0
    dates: list[int] = field(default_factory=lambda: [0, 0])
    amounts: list[int] = field(default_factory=lambda: [0, 0])
    errors: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        """The figures, as the issue lists them."""
        precision = self.right / self.found if self.found else 0.0
        recall = self.right / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

        def share(pair: list[int]) -> float:
            """Right of all, as a fraction."""
            return pair[0] / pair[1] if pair[1] else 0.0

        return {
            "mentions_f1": round(f1, 3),
            "mentions_precision": round(precision, 3),
            "mentions_recall": round(recall, 3),
            "people_recall": round(share(self.by_kind["person"]), 3),
            "organisations_recall": round(share(self.by_kind["organisation"]), 3),
            "places_recall": round(share(self.by_kind["place"]), 3),
            "linked_pairs": round(self.linked / self.pairs, 3) if self.pairs else 0.0,
            "linked": f"{self.linked}/{self.pairs}",
            "wrong_links": self.wrong_links,
            "dates_right": round(share(self.dates), 3),
            "dates": f"{self.dates[0]}/{self.dates[1]}",
            "amounts_right": round(share(self.amounts), 3),
            "amounts": f"{self.amounts[0]}/{self.amounts[1]}",
        }


def load() -> list[dict[str, Any]]:
    """Every labelled article, in order of id, each with its half ("tune" or "test")."""
    articles = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(DEVSET.glob("*.json"))]
    articles.sort(key=lambda article: article["id"])
    for index, article in enumerate(articles):
        article["half"] = "tune" if index % 2 == 0 else "test"
    return articles


def score(articles: list[dict[str, Any]]) -> dict[str, Tally]:
    """Run the engine over the set and score each half (and "all")."""
    from tui.core.entities import EntityEngine, load_gazetteer
    from tui.core.models import EntityType
    from tui.core.timeline.expressions import date_expressions

    engine = EntityEngine(load_gazetteer(ROOT / "articles" / "entities.toml"))
    found = engine.extract_corpus({article["id"]: article["text"] for article in articles})
    tallies = {"tune": Tally(), "test": Tally(), "all": Tally()}
    names = {"person": EntityType.PERSON, "organisation": EntityType.ORGANISATION, "place": EntityType.PLACE}
    kinds = {kind: name for name, kind in names.items()}
    spellings: dict[str, dict[str, set[str]]] = {"tune": {}, "test": {}, "all": {}}
    predicted_ids: dict[str, dict[tuple[str, str], str]] = {"tune": {}, "test": {}, "all": {}}
    for article in articles:
        mentions = found[article["id"]]
        predicted = {(m.start, m.end, kinds[m.type]): m for m in mentions if m.type in kinds}
        gold = {(e["start"], e["end"], e["type"]): e for e in article["entities"]}
        money = [m for m in mentions if m.type is EntityType.MONEY]
        dated = date_expressions(mentions, date.fromisoformat(article["published"]))
        for half in (article["half"], "all"):
            tally = tallies[half]
            tally.gold += len(gold)
            tally.found += len(predicted)
            tally.right += len(gold.keys() & predicted.keys())
            for key, entity in gold.items():
                tally.by_kind[entity["type"]][1] += 1
                if key in predicted:
                    tally.by_kind[entity["type"]][0] += 1
                    spelling = entity["text"].casefold()
                    spellings[half].setdefault(entity["entity"], set()).add(spelling)
                    predicted_ids[half][(entity["entity"], spelling)] = predicted[key].entity_id
                elif half != "all":
                    tally.errors.append(f"{article['id']}: missed {entity['type']} {entity['text']!r}")
            for key in predicted.keys() - gold.keys():
                if half != "all":
                    tally.errors.append(f"{article['id']}: wrong {key[2]} {predicted[key].text!r}")
            _score_dates(tally, article, dated, half != "all")
            _score_amounts(tally, article, money, half != "all")
    for half, tally in tallies.items():
        _score_links(tally, spellings[half], predicted_ids[half])
    return tallies


def _score_dates(tally: Tally, article: dict[str, Any], dated: list[Any], note: bool) -> None:
    """Count the labelled dates found (overlapping) with their first and last day right."""
    for gold in article["dates"]:
        tally.dates[1] += 1
        value = (gold["value"]["start"], gold["value"]["end"])
        hits = [d for d in dated if d.start < gold["end"] and gold["start"] < d.end and d.when is not None]
        got = [(d.when.start.isoformat(), d.when.end.isoformat()) for d in hits]
        if value in got:
            tally.dates[0] += 1
        elif note:
            tally.errors.append(
                f"{article['id']}: date {gold['text']!r} wanted {value}, got {got or 'nothing'}"
            )


def _score_amounts(tally: Tally, article: dict[str, Any], money: list[Any], note: bool) -> None:
    """Count the labelled amounts found (overlapping) with their value and currency right."""
    for gold in article["amounts"]:
        tally.amounts[1] += 1
        hits = [m for m in money if m.start < gold["end"] and gold["start"] < m.end]
        right = [
            m
            for m in hits
            if m.unit == gold["currency"]
            and m.value is not None
            and abs(m.value - gold["value"]) <= 1e-6 * gold["value"]
        ]
        if right:
            tally.amounts[0] += 1
        elif note:
            got = [(m.value, m.unit) for m in hits]
            wanted = f"{article['id']}: amount {gold['text']!r} wanted {gold['value']} {gold['currency']}"
            tally.errors.append(f"{wanted}, got {got or 'nothing'}")


def _score_links(tally: Tally, spellings: dict[str, set[str]], ids: dict[tuple[str, str], str]) -> None:
    """Pairs of spellings of one entity (both found) given one id; and entities sharing an id."""
    for entity, found in spellings.items():
        for first, second in combinations(sorted(found), 2):
            tally.pairs += 1
            if ids[(entity, first)] == ids[(entity, second)]:
                tally.linked += 1
            else:
                tally.errors.append(f"not linked: {first!r} and {second!r} ({entity})")
    owners: dict[str, set[str]] = {}
    for (entity, _), entity_id in ids.items():
        owners.setdefault(entity_id, set()).add(entity)
    for entity_id, entities in owners.items():
        if len(entities) > 1:
            tally.wrong_links += len(list(combinations(entities, 2)))
            tally.errors.append(f"wrongly linked as {entity_id}: {', '.join(sorted(entities))}")


def main() -> None:
    """Score the engine and print the figures (``--json``; ``--errors`` for what went wrong)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list each half's errors too")
    args = parser.parse_args()
    articles = load()
    tallies = score(articles)
    figures = {half: tally.figures() for half, tally in tallies.items()}
    halves = {half: sum(1 for a in articles if a["half"] == half) for half in ("tune", "test")}
    if args.json:
        json.dump({"articles": halves, "figures": figures}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    print(f"development set: {len(articles)} articles ({halves['tune']} tuning, {halves['test']} test)")
    rows = [
        ("person/org/place mentions, exact span and type, F1", "mentions_f1"),
        ("  precision", "mentions_precision"),
        ("  recall", "mentions_recall"),
        ("people, recall", "people_recall"),
        ("organisations, recall", "organisations_recall"),
        ("places, recall", "places_recall"),
        ("pairs of spellings of one entity linked", "linked"),
        ("  wrong links", "wrong_links"),
        ("dated expressions with the right value", "dates"),
        ("money amounts with the right value", "amounts"),
    ]
    print(f"{'measure':<52} {'tuning':>10} {'test':>10} {'all':>10}")
    for label, key in rows:
        print(f"{label:<52} " + " ".join(f"{figures[h][key]!s:>10}" for h in ("tune", "test", "all")))
    if args.errors:
        for half in ("tune", "test"):
            print(f"\n{half}:")
            for error in tallies[half].errors:
                print(f"  {error}")


if __name__ == "__main__":
    main()
