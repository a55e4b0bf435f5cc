"""The development set's scorer (benchmarks/quality.py): its halves, its counts and its links."""

from __future__ import annotations

from benchmarks.quality import Tally, _score_links, load, score


def test_the_halves_alternate_by_id_and_never_change() -> None:
    articles = load()
    ids = [article["id"] for article in articles]
    assert ids == sorted(ids)
    assert [article["half"] for article in articles[:4]] == ["tune", "test", "tune", "test"]


def test_the_whole_set_is_the_sum_of_its_halves_and_every_figure_a_share() -> None:
    tallies = score(load())
    tune, test, whole = tallies["tune"], tallies["test"], tallies["all"]
    assert whole.gold == tune.gold + test.gold > 0 and whole.found == tune.found + test.found
    assert (
        whole.dates[1] == tune.dates[1] + test.dates[1]
        and whole.amounts[1] == tune.amounts[1] + test.amounts[1]
    )
    figures = whole.figures()
    assert all(0.0 <= figures[key] <= 1.0 for key in ("mentions_f1", "people_recall", "dates_right"))
    assert figures["mentions_precision"] > 0.5  # the engine runs: most of what it finds is labelled


def test_links_count_pairs_of_spellings_and_entities_given_one_id() -> None:
    tally = Tally()
    spellings = {
        "Shehbaz Sharif": {"shehbaz sharif", "shahbaz sharif", "sharif"},
        "Nawaz Sharif": {"nawaz sharif"},
    }
    ids = {
        ("Shehbaz Sharif", "shehbaz sharif"): "person:shehbaz",
        ("Shehbaz Sharif", "shahbaz sharif"): "person:shehbaz",
        ("Shehbaz Sharif", "sharif"): "person:nawaz",  # the surname alone, taken for the brother
        ("Nawaz Sharif", "nawaz sharif"): "person:nawaz",
    }
    _score_links(tally, spellings, ids)
    assert (tally.linked, tally.pairs, tally.wrong_links) == (1, 3, 1)
