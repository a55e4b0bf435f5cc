"""Coded segments on the bundled articles: any/all tags, sorting, the text filter, context, orphans."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tui.core.annotations.model import Annotation
from tui.core.corpus import Corpus
from tui.core.models import Article
from tui.core.segments import Segment, SegmentQuery, placed, segments, select


def code(article: Article, quote: str, *tags: str, note: str = "", occurrence: int = 0) -> Annotation:
    """An annotation of the ``occurrence``-th (from 0) appearance of ``quote`` in ``article``."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(quote, start + 1)
    return Annotation.create(article.id, article.text, start, start + len(quote), tags, note)


@pytest.fixture
def articles(corpus: Corpus) -> dict[str, Article]:
    """The bundled articles by id."""
    return {article.id: article for article in corpus.articles}


@pytest.fixture
def coded(articles: dict[str, Article]) -> list[Annotation]:
    """Passages of three articles coded with overlapping tags, and one plain note (not coded)."""
    a001, a002, a003, a004 = (articles[k] for k in sorted(articles)[1:])
    return [
        code(a004, "Larijani", "people", "iran", note="security chief"),
        code(a003, "Mohsin Naqvi", "people", "pakistan", note="Interior minister"),
        code(a001, "Larijani", "iran", occurrence=1),
        code(a001, "Ishaq Dar", "pakistan", "people"),
        code(a002, "Pakistan", note="only a note"),
    ]


def ids(found: list[Segment]) -> list[tuple[str, str]]:
    """Each segment as (article prefix, quote)."""
    return [(s.article[:3], s.quote) for s in found]


def test_any_all_and_every_coded_passage(coded: list[Annotation], articles: dict[str, Article]) -> None:
    anyof = segments(coded, articles, SegmentQuery(tags=("iran", "pakistan")))
    assert ids(anyof) == [
        ("001", "Ishaq Dar"),
        ("001", "Larijani"),
        ("003", "Mohsin Naqvi"),
        ("004", "Larijani"),
    ]
    allof = segments(coded, articles, SegmentQuery(tags=("people", "iran"), all=True))
    assert ids(allof) == [("004", "Larijani")]
    every = segments(coded, articles, SegmentQuery())
    assert len(every) == 4 and "002" not in {s.article[:3] for s in every}  # the plain note is not coded


def test_sorted_by_date_then_article_and_by_tag(
    coded: list[Annotation], articles: dict[str, Article]
) -> None:
    by_date = segments(coded, articles, SegmentQuery(sort="date"))
    # 003 is of 28 October; 001 and 004 both of 25 November, so by article, then offset (Dar is named first, in the caption)
    assert ids(by_date) == [
        ("003", "Mohsin Naqvi"),
        ("001", "Ishaq Dar"),
        ("001", "Larijani"),
        ("004", "Larijani"),
    ]
    assert by_date[0].published is not None and by_date[0].published.isoformat() == "2025-10-28"
    by_tag = segments(coded, articles, SegmentQuery(sort="tag"))
    assert [s.tags for s in by_tag] == [
        ("iran",),
        ("people", "iran"),
        ("pakistan", "people"),
        ("people", "pakistan"),
    ]
    with pytest.raises(ValueError, match="unknown sort"):
        segments(coded, articles, SegmentQuery(sort="size"))


def test_the_text_filter_reads_quote_context_and_note_in_any_case(
    coded: list[Annotation], articles: dict[str, Article]
) -> None:
    def matching(text: str) -> list[tuple[str, str]]:
        return ids(segments(coded, articles, SegmentQuery(match=text)))

    assert matching("NAQVI") == [("003", "Mohsin Naqvi")]  # the quote
    assert matching("security CHIEF") == [("004", "Larijani")]  # the note
    # the context: the sentence around the quote, not the rest of the article
    assert matching("brotherly and friendly") == [("001", "Larijani")]
    assert matching("no such words anywhere") == []


def test_a_segment_holds_its_sentence_as_context(
    coded: list[Annotation], articles: dict[str, Article]
) -> None:
    larijani = segments(coded, articles, SegmentQuery(tags=("iran",), all=True))[0]
    text = articles[larijani.article].text
    assert (larijani.status, larijani.quote) == ("exact", "Larijani")
    assert larijani.start is not None and text[larijani.start : larijani.end] == "Larijani"
    assert larijani.before.startswith("Pakistan’s Deputy Prime Minister")
    assert larijani.after.endswith("visit to Islamabad.")
    assert "\n" not in larijani.context
    shape = larijani.as_json()
    assert shape["context"] == {"before": larijani.before, "after": larijani.after}
    assert (shape["published"], shape["title"]) == ("2025-11-25", articles[larijani.article].title)


def test_moved_passages_are_followed_and_orphans_kept(
    coded: list[Annotation], articles: dict[str, Article]
) -> None:
    a003 = next(k for k in articles if k.startswith("003"))
    a004 = next(k for k in articles if k.startswith("004"))
    changed = dict(articles)
    changed[a003] = replace(articles[a003], text="A new first paragraph.\n\n" + articles[a003].text)
    changed[a004] = replace(articles[a004], text=articles[a004].text.replace("Larijani", "L."))
    gone = replace(coded[3], id="00000000-0000-4000-8000-000000000000", article="999_gone")
    found = {s.id: s for s in segments([*coded, gone], changed, SegmentQuery(tags=("people",)))}
    moved = found[coded[1].id]
    assert (moved.status, moved.start) == ("moved", coded[1].start + len("A new first paragraph.\n\n"))
    orphan = found[coded[0].id]
    assert orphan.orphan and (orphan.start, orphan.end, orphan.quote) == (None, None, "Larijani")
    assert (orphan.before, orphan.after) == (coded[0].prefix, coded[0].suffix)  # as stored
    lost = found[gone.id]
    assert lost.orphan and lost.title is None and lost.published is None
    # orphans come after the placed passages of their article
    in_order = segments([*coded, gone], changed, SegmentQuery(tags=("people",)))
    assert [s.orphan for s in in_order] == [False, False, True, True]


def test_placing_once_then_selecting_gives_what_segments_gives(
    coded: list[Annotation], articles: dict[str, Article]
) -> None:
    every = placed(coded, articles)
    assert len(every) == 4  # the plain note is not coded, so not placed
    queries = [
        SegmentQuery(tags=("iran", "pakistan")),
        SegmentQuery(tags=("people", "iran"), all=True),
        SegmentQuery(sort="date"),
        SegmentQuery(sort="tag", match="NAQVI"),
        SegmentQuery(tags=("pakistan",), match="security chief"),
    ]
    for query in queries:
        assert ids(select(every, query)) == ids(segments(coded, articles, query))
    with pytest.raises(ValueError, match="unknown sort"):
        select(every, SegmentQuery(sort="size"))


def test_a_long_sentence_is_cut_at_words_and_the_cut_is_marked() -> None:
    """Context longer than the limit either side ends at a word, with an ellipsis where it was cut."""
    words = " ".join(f"word{n}" for n in range(120))
    text = f"{words} Islamabad {words}."
    article = Article("long", "A long sentence", text)
    passage = code(article, "Islamabad", "place")
    [found] = segments([passage], {"long": article}, SegmentQuery())
    assert found.before.startswith("…word") and found.before.endswith(" ")
    assert found.after.startswith(" word0") and found.after.endswith("…")
    assert found.after[:-1].split(" ")[-1].startswith("word")  # a whole word before the ellipsis
    assert len(found.before) <= 241 and len(found.after) <= 241
