"""``iranpak-reader tag``: code a quoted passage, or every match of a pattern (auto-coding)."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator

import regex

from tui.cli.context import Context
from tui.cli.errors import CliError
from tui.cli.output import emit_json, help_text
from tui.core.annotations.anchoring import occurrences
from tui.core.annotations.model import Annotation, default_author
from tui.core.annotations.store import AnnotationStore
from tui.core.models import Article
from tui.core.safe_text import one_line


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``tag`` subcommand."""
    parser = subparsers.add_parser(
        "tag",
        help="annotate a quoted passage of an article, or every match of --match across the corpus",
        **help_text(
            "Annotate an exact quote (tag ARTICLE --quote TEXT --tag T) or auto-code every match of a "
            "regular expression (tag --match REGEX --tag T). Re-running creates no duplicates. A "
            "passage must hold more than white space.",
            'iranpak-reader tag 003 --quote "Mohsin Naqvi" --occurrence 1 --tag people --note "minister"',
            "iranpak-reader tag --match '\\$10 ?b(illion|n)?' --tag trade-target",
        ),
    )
    parser.add_argument("article", metavar="ARTICLE", nargs="?", help="article id (or unique prefix)")
    parser.add_argument("--quote", metavar="TEXT", help="the exact text of the passage")
    parser.add_argument(
        "--occurrence", metavar="N", type=int, help="which occurrence of the quote (1 = first)"
    )
    parser.add_argument("--match", metavar="REGEX", help="code every match of this regular expression")
    parser.add_argument(
        "--match-timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="with --match: give up, coding nothing, if matching takes longer (default 60)",
    )
    parser.add_argument("--article", dest="only", metavar="ARTICLE", help="with --match: only this article")
    parser.add_argument("--tag", metavar="T", action="append", default=[], help="a tag (repeatable)")
    parser.add_argument("--note", metavar="N", default="", help="a note on the passage")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    """Annotate the quote or the matches."""
    tags = tuple(tag.strip() for tag in args.tag if tag.strip())
    if args.match is not None:
        if args.quote is not None:
            raise CliError("give either --quote or --match, not both")
        return _auto_code(args, context, tags)
    if args.article is None or args.quote is None:
        raise CliError("tag needs ARTICLE --quote TEXT, or --match REGEX")
    article = context.article(args.article)
    start = pick_occurrence(article, args.quote, args.occurrence)
    store = context.writable_store()
    with store.transaction():
        annotation = _merge(store, article, start, start + len(args.quote), tags, args.note)
    if args.json:
        emit_json(annotation.as_json())
    else:
        label = ", ".join(annotation.tags) or "no tags"
        print(
            f"annotated {article.id} {annotation.start}–{annotation.end} ({one_line(label)}): {annotation.id}"
        )
    return 0


def pick_occurrence(article: Article, quote: str, occurrence: int | None) -> int:
    """The start of the chosen occurrence of ``quote``, or a CliError."""
    if not quote.strip():  # a blank passage could never be found again, nor imported back
        raise CliError("--quote: the passage must hold more than white space")
    found = occurrences(article.text, quote)
    if not found:
        raise CliError(f"{article.id}: quote not found: {one_line(quote)[:80]!r}")
    if occurrence is None:
        if len(found) > 1:
            raise CliError(
                f"{article.id}: the quote appears {len(found)} times; "
                f"choose one with --occurrence 1–{len(found)}"
            )
        return found[0]
    if not 1 <= occurrence <= len(found):
        raise CliError(f"{article.id}: --occurrence must be 1–{len(found)}")
    return found[occurrence - 1]


def _merge(
    store: AnnotationStore, article: Article, start: int, end: int, tags: tuple[str, ...], note: str
) -> Annotation:
    """Add the tags and note to the annotation of exactly this span, or create one; saves it."""
    same = next((a for a in store.annotations(article=article.id) if (a.start, a.end) == (start, end)), None)
    if same is None:
        annotation = Annotation.create(article.id, article.text, start, end, tags, note, default_author())
    else:
        notes = same.note if not note or note in same.note else "\n\n".join(n for n in (same.note, note) if n)
        annotation = same.edited(tags=same.tags + tags, note=notes)
        if annotation.tags == same.tags and annotation.note == same.note:
            return same
    store.save(annotation)
    return annotation


def _matches(
    pattern: regex.Pattern[str], articles: list[Article], seconds: float
) -> Iterator[tuple[Article, regex.Match[str]]]:
    """Every match in every article, or a CliError once the matching has taken over ``seconds``."""
    deadline = time.monotonic() + seconds
    for article in articles:
        try:
            for match in pattern.finditer(article.text, timeout=max(deadline - time.monotonic(), 0.001)):
                yield article, match
        except TimeoutError:
            raise CliError(
                f"--match: the expression ran for over {seconds:g} s without finishing "
                "(it may backtrack without end, as (a|aa)+$ does); nothing was coded"
            ) from None


def _auto_code(args: argparse.Namespace, context: Context, tags: tuple[str, ...]) -> int:
    """Code every match; print how many annotations were created, updated or already there."""
    if not tags:
        raise CliError("--match needs at least one --tag")
    try:
        pattern = regex.compile(args.match)
    except regex.error as error:
        raise CliError(f"--match: not a valid regular expression: {error}") from None
    except (RecursionError, OverflowError) as error:  # nested too deep, or a repeat count too large
        raise CliError(f"--match: a regular expression this program cannot compile: {error}") from None
    only = args.only or args.article
    articles = [context.article(only)] if only else context.corpus.articles
    store = context.writable_store()
    created, updated, unchanged, blank = [], [], 0, 0
    with store.transaction():
        existing = {(a.article, a.start, a.end): a for a in store.annotations()}
        for article, match in _matches(pattern, articles, args.match_timeout):
            if match.end() == match.start():
                continue
            if not match.group().strip():  # white space only: it could not be imported back
                blank += 1
                continue
            old = existing.get((article.id, match.start(), match.end()))
            if old is None:
                annotation = Annotation.create(
                    article.id, article.text, match.start(), match.end(), tags, author=default_author()
                )
                created.append(annotation)
                existing[(article.id, annotation.start, annotation.end)] = annotation
            elif set(tags) <= set(old.tags):
                unchanged += 1
            else:
                updated.append(old.edited(tags=old.tags + tags))
        if created or updated:
            store.save(*created, *updated)
    if args.json:
        emit_json(
            {
                "created": len(created),
                "updated": len(updated),
                "unchanged": unchanged,
                "blank_skipped": blank,
                "annotations": [a.id for a in created + updated],
            }
        )
    else:
        skipped = f", {blank} blank matches skipped" if blank else ""
        print(f"{len(created)} created, {len(updated)} updated, {unchanged} already coded{skipped}")
    return 0
