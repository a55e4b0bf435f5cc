"""Random and adversarial workspace ``entities.toml`` files: entities and one-line problems, nothing else.

A workspace's entities file is the user's own, laid over the package's built-in entities. Whatever
it holds, loading it gives entities and one-line problems naming the file (an unreadable or
unparsable file is one problem, and the built-in entities are used alone), and the engine built
from the result extracts mentions from any text without failing.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.fuzz.limits import assert_one_line, example_file
from tui.core.entities import EntityEngine, load_gazetteer
from tui.core.entities.gazetteer import ID_PREFIX, MAX_ENTITIES_BYTES, builtin_gazetteer
from tui.core.safe_text import one_line

DEEP_ARRAYS = "[" * 2000 + "]" * 2000
HUGE_NUMBER = "1" + "0" * 5000
HOSTILE = ("\x1b[2J", "\x1b]52;c;QUFB\x07", "a\nb", "[bold]x[/]", "\u202eevil", "\x00", "(", "\\", " ")
NAMES = ("Tehran", "Islamabad", "Iran", "IAEA", "Qalibaf", "Pakistan", "the Minister", "")


def toml_string(value: object) -> str:
    """``value`` written as a TOML value: JSON, with DEL escaped too (TOML refuses it raw, JSON does not)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


names = st.sampled_from(NAMES + HOSTILE) | st.text(max_size=20)
#: Each field's usual values: most rows are well formed, so the merge and the engine get entities.
good_fields = {
    "id": st.sampled_from(["tehran", "iran", "iaea", "qalibaf", "new-place", "x1"]).map(toml_string),
    "name": names.map(toml_string),
    "type": st.sampled_from(["person", "organisation", "org", "place", " Place "]).map(toml_string),
    "aliases": st.lists(names, max_size=4).map(toml_string),
}
#: Values that are wrong for any field: other types, broken TOML, what tomllib itself cannot take.
bad_values = st.sampled_from(
    [
        "true",
        "nan",
        "2025-11-07",
        "{}",
        "[]",
        "[1, 2]",
        '"Bad Slug"',
        '"date"',
        '""',
        '"""',
        "'",
        "[",
        DEEP_ARRAYS,
        HUGE_NUMBER,
    ]
) | st.text(max_size=20).map(toml_string)
odd_keys = st.sampled_from((*HOSTILE, "entity", "extra")) | st.text(min_size=1, max_size=8)


@st.composite
def entity_tables(draw: st.DrawFn) -> list[str]:
    """One ``[[entity]]`` table's lines: each field usually good, now and then wrong or missing."""
    lines = ["[[entity]]"]
    if draw(st.integers(min_value=0, max_value=15)) == 0:  # now and then a header that breaks the file
        lines = [draw(st.sampled_from(["[entity]", "[[entity", "[other]", "entity = []"]))]
    for key, good in good_fields.items():
        choice = draw(st.integers(min_value=0, max_value=9))
        if choice == 0:
            continue  # the field is missing
        lines.append(f"{key} = {draw(bad_values) if choice == 1 else draw(good)}")
    if draw(st.integers(min_value=0, max_value=5)) == 0:
        lines.append(f"{toml_string(draw(odd_keys))} = {draw(bad_values | names.map(toml_string))}")
    return lines


@st.composite
def entities_files(draw: st.DrawFn) -> str:
    """An entities file's text: ``[[entity]]`` tables, now and then a top-level key or a junk line."""
    lines = [f"{toml_string(draw(odd_keys))} = {draw(bad_values)}"] if draw(st.integers(0, 3)) == 0 else []
    for table in draw(st.lists(entity_tables(), max_size=5)):
        lines.extend(table)
        if draw(st.integers(min_value=0, max_value=7)) == 0:
            lines.append(draw(st.text(max_size=20)))  # a junk line, which usually breaks the file
    return "\n".join(lines) + "\n"


def _texts_from(content: bytes) -> str:
    """A text to extract from: the known names and the file's own strings, so its entities are found."""
    words = [*NAMES, *HOSTILE, *content.decode("utf-8", "replace").replace('"', " ").split()[:40]]
    return " said in ".join(words) + "."


@settings(settings.get_profile("fuzz"), max_examples=150)
@given(
    entities_files().map(lambda text: text.encode("utf-8"))
    | st.text(max_size=200).map(lambda text: text.encode("utf-8"))
    | st.binary(max_size=200)
)
@example(b"x = " + HUGE_NUMBER.encode() + b"\n")
@example(b"x = " + DEEP_ARRAYS.encode() + b"\n")
@example(b'[[entity]]\nid = "x"\nname = "X"\ntype = "place"\naliases = [' + HUGE_NUMBER.encode() + b"]\n")
@example(b'"top\\nlevel \\u001b[2J" = 1\n[[entity]]\nid = "a\\nb"\nname = "N"\ntype = "place"\n')
@example(b'[[entity]]\nid = "tehran"\nname = "\\u001b]52;c;QUFB\\u0007"\ntype = "place"\naliases = ["("]\n')
@example(b"\xff\xfe not UTF-8")
@example(b"x = 1\n" + b"#" * (MAX_ENTITIES_BYTES + 1))
def test_an_entities_file_gives_entities_and_one_line_problems(tmp_path: Path, content: bytes) -> None:
    with example_file("entities: load_gazetteer and extract", tmp_path / "entities.toml", content) as path:
        gazetteer = load_gazetteer(path)
        builtin_ids = [entity.id for entity in builtin_gazetteer().entities]
        for problem in gazetteer.problems:
            assert problem.path == str(path)
            assert_one_line(Exception(problem.message))
            assert one_line(problem.message) == problem.message, problem.message  # no control characters
            if problem.message.startswith("cannot read the entities file"):
                assert len(gazetteer.problems) == 1
                assert [entity.id for entity in gazetteer.entities] == builtin_ids
        prefixes = {f"{prefix}:" for prefix in ID_PREFIX.values()}
        assert all(entity.id.startswith(tuple(prefixes)) and entity.name for entity in gazetteer.entities)
        assert len({entity.id for entity in gazetteer.entities}) == len(gazetteer.entities)
        text = _texts_from(content)
        mentions = EntityEngine(gazetteer).extract(text)
        assert all(text[m.start : m.end] == m.text for m in mentions)
        assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
