"""The command line against hostile files and pipes: FIFOs, devices, symlinks, closed pipes, help pages."""

from __future__ import annotations

import argparse
import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import ROOT
from tests.cli.test_cli import assert_one_line_error
from tui.cli.main import build_parser


@pytest.fixture
def ws(cli: Any, workspace: Path) -> Any:
    """``cli`` bound to a temporary workspace."""

    def run(*args: str) -> Any:
        return cli("--workspace", str(workspace), *args)

    return run


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A named pipe no one writes to: opening it for reading blocks."""
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def _identity(path: Path) -> tuple[int, int, int]:
    """What says a path is still the same node: its inode, its type and mode, and its device number."""
    info = os.lstat(path)
    return info.st_ino, info.st_mode, info.st_rdev


def test_import_of_a_fifo_is_refused_at_once(ws: Any, fifo: Path) -> None:
    assert_one_line_error(ws("import", str(fifo)), str(fifo), "FIFO", "nothing was imported")


def test_import_of_dev_zero_is_refused_without_reading_it(ws: Any) -> None:
    assert_one_line_error(ws("import", "/dev/zero"), "/dev/zero", "a device", "nothing was imported")


def test_import_of_a_folder_is_one_line(ws: Any, tmp_path: Path) -> None:
    assert_one_line_error(ws("import", str(tmp_path)), str(tmp_path), "folder")


def test_export_through_a_symlink_writes_its_target(ws: Any, tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = ws("export", "-o", str(link), "--json")
    assert result.code == 0, result.err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text().startswith("{") and '"iranpak-reader/annotations"' in target.read_text()
    assert result.json == {
        "path": str(target),
        "format": "native",
        "annotations": 0,
        "bytes": target.stat().st_size,
    }


def test_export_onto_a_fifo_is_refused_and_leaves_it(ws: Any, fifo: Path) -> None:
    before = _identity(fifo)
    assert_one_line_error(ws("export", "-o", str(fifo)), str(fifo), "FIFO")
    assert _identity(fifo) == before and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_onto_dev_full_is_refused_and_leaves_the_node(ws: Any) -> None:
    before = _identity(Path("/dev/full"))
    assert_one_line_error(ws("export", "-o", "/dev/full"), "/dev/full", "a device")
    assert _identity(Path("/dev/full")) == before


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_export_onto_a_device_node_of_ours_is_refused(ws: Any, tmp_path: Path) -> None:
    """The same as /dev/full on a node in a temporary folder, so a regression cannot replace the system's."""
    node = tmp_path / "full"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    before = _identity(node)
    assert_one_line_error(ws("export", "-o", str(node)), str(node), "a device")
    assert _identity(node) == before and stat.S_ISCHR(os.lstat(node).st_mode)


def test_export_onto_a_folder_or_into_a_missing_one_is_one_line(ws: Any, tmp_path: Path) -> None:
    assert_one_line_error(ws("export", "-o", str(tmp_path)), str(tmp_path), "folder")
    missing = tmp_path / "no" / "such" / "out.json"
    assert_one_line_error(ws("export", "-o", str(missing)), str(missing), "no folder")
    assert not (tmp_path / "no").exists()


def test_export_json_without_output_is_the_export_itself(ws: Any) -> None:
    result = ws("export", "--json", "--format", "w3c")
    assert result.code == 0, result.err
    assert result.json["type"] == "AnnotationCollection"


COMMANDS_THAT_PRINT_A_LOT = [
    ("timeline",),
    ("timeline", "--json"),
    ("list",),
    ("list", "--json"),
    ("entities", "000"),
    ("entities", "000", "--json"),
    ("search", "Pakistan", "--json"),
    ("export",),
    ("tags",),
    ("annotations",),
    ("related", "001"),
    ("--help",),
    ("export", "--help"),
]


def _piped(args: tuple[str, ...], reader: str, workspace: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI on ``workspace`` into ``reader`` through a real pipe; the exit status is the CLI's
    own (pipefail)."""
    cli = [sys.executable, "-m", "tui", "--workspace", shlex.quote(str(workspace)), *args]
    command = " ".join(["set -o pipefail;", *cli, "|", reader, ">/dev/null"])
    return subprocess.run(
        ["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize("args", COMMANDS_THAT_PRINT_A_LOT, ids=" ".join)
def test_a_reader_that_leaves_is_not_an_error(args: tuple[str, ...], workspace: Path) -> None:
    """``| true`` closes the pipe before the CLI writes; ``| head -1`` after the first line."""
    for reader in ("true", "head -1", "true", "head -1"):
        completed = _piped(args, reader, workspace)
        assert (completed.returncode, completed.stderr) == (0, ""), (reader, completed.stderr)


def test_head_on_the_timeline_is_silent_every_time(workspace: Path) -> None:
    runs = (_piped(("timeline",), "head -3", workspace) for _ in range(10))
    results = {(c.returncode, c.stderr) for c in runs}
    assert results == {(0, "")}


@pytest.mark.parametrize(
    "args",
    [
        ("entities", "00"),
        ("related", "00"),
        ("same", "0", "--quote", "Iran"),
        ("annotations", "--article", "00"),
        ("tag", "00", "--quote", "Iran", "--tag", "x"),
    ],
    ids=" ".join,
)
def test_an_ambiguous_id_prefix_lists_the_candidates(ws: Any, args: tuple[str, ...]) -> None:
    result = ws(*args)
    assert_one_line_error(result, "ambiguous", "5 articles match", "000_9154f6903408afad", "Now more than")
    assert "004_3c3a3a1058f57532" in result.err


def test_a_missing_id_is_still_said_to_be_missing(ws: Any) -> None:
    assert_one_line_error(ws("entities", "9"), "9: no such article id or file")


def test_entities_and_timeline_of_a_fifo_are_refused(ws: Any, fifo: Path) -> None:
    assert_one_line_error(ws("entities", str(fifo)), str(fifo), "FIFO")
    assert_one_line_error(ws("timeline", str(fifo)), str(fifo), "FIFO")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    """Every subcommand's parser by name."""
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices)


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_subcommand_says_what_it_does_with_an_example(name: str) -> None:
    parser = _subcommands()[name]
    page = parser.format_help()
    assert parser.description and len(parser.description) > 40, name
    assert f"examples:\n  iranpak-reader {name}" in page
    for action in parser._actions:
        assert action.help, f"{name} {action.option_strings or action.dest}: no help"


def test_a_blank_quote_is_refused(ws: Any) -> None:
    assert_one_line_error(
        ws("tag", "000", "--quote", " ", "--occurrence", "3", "--tag", "ws"), "more than white space"
    )
    assert ws("annotations", "--json").json["annotations"] == []


def test_a_match_of_white_space_codes_nothing(ws: Any) -> None:
    result = ws("tag", "--match", " ", "--tag", "ws", "--json")
    assert result.code == 0, result.err
    assert result.json["created"] == 0 and result.json["blank_skipped"] > 400
    assert ws("annotations", "--json").json["annotations"] == []


@pytest.mark.parametrize(
    ("pattern", "needle"),
    [
        ("(" * 5000 + ")" * 5000, "cannot compile"),
        ("a{99999999999}", "repeat count too big"),
        ("(", "not a valid"),
    ],
    ids=["nested", "huge-repeat", "unbalanced"],
)
def test_a_regular_expression_that_cannot_compile_is_one_line(ws: Any, pattern: str, needle: str) -> None:
    assert_one_line_error(ws("tag", "--match", pattern, "--tag", "x"), "--match", needle)


@pytest.mark.parametrize("new", ["", " ", " padded"])
def test_a_tag_cannot_be_renamed_or_merged_to_a_blank_name(ws: Any, new: str) -> None:
    assert ws("tag", "000", "--quote", "Iran", "--occurrence", "1", "--tag", "people").code == 0
    for args in (("--rename", "people", new), ("--merge", "people", "--into", new)):
        result = ws("tags", *args)
        assert result.code != 0 and "Traceback" not in result.err and result.err.count("\n") == 1
    assert [t["name"] for t in ws("tags", "--json").json["tags"]] == ["people"]


def test_output_that_is_not_utf8_gets_escapes_not_an_error(cli: Any) -> None:
    ascii_env = {"PYTHONIOENCODING": "ascii"}
    as_json = cli("list", "--json", env=ascii_env)
    assert as_json.code == 0, as_json.err
    assert as_json.out.isascii() and as_json.json == cli("list", "--json").json
    table = cli("list", env=ascii_env)
    assert table.code == 0 and "\\u2018Now more than ever\\u2019" in table.out


def test_a_regular_expression_that_backtracks_without_end_gives_up_in_one_line(
    ws: Any, workspace: Path
) -> None:
    article = (workspace / "articles" / "000_9154f6903408afad.md").read_text(encoding="utf-8")
    (workspace / "articles" / "000_9154f6903408afad.md").write_text(
        article + "\n" + "a" * 60 + "!\n", encoding="utf-8"
    )
    result = ws("tag", "--match", "(a|aa)+$", "--tag", "x", "--match-timeout", "1")
    assert_one_line_error(result, "--match", "over 1 s", "nothing was coded")
    assert ws("annotations", "--json").json["annotations"] == []


#: A byte that is not UTF-8, as Python hands it over in ``sys.argv`` (a lone surrogate).
UNDECODABLE = os.fsdecode(b"\xff")


@pytest.mark.parametrize(
    ("args", "name", "shown"),
    [
        (("tag", "000", "--quote", "Tehran", "--tag", UNDECODABLE), "tag", "'\\xff'"),
        (("tag", "--match", "Tehran", "--tag", UNDECODABLE), "tag", "'\\xff'"),
        (("tags", "--rename", "ok", "x" + UNDECODABLE), "rename", "'x\\xff'"),
        (("tag", "000", "--quote", "Tehran", "--tag=a" + UNDECODABLE + "b"), "tag", "'a\\xffb'"),
    ],
    ids=["tag-quote", "tag-match", "tags-rename", "option-with-value"],
)
def test_an_argument_that_is_not_utf8_is_refused_and_named(
    ws: Any, args: tuple[str, ...], name: str, shown: str
) -> None:
    """Undecodable bytes on the command line are refused before anything runs (exit 2), naming
    the argument, rather than failing inside the store as an internal error."""
    assert ws("tag", "000", "--quote", "Iran", "--occurrence", "1", "--tag", "ok").code == 0
    before = ws("annotations", "--json").json, ws("tags", "--json").json
    result = ws(*args)
    assert_one_line_error(result, f"the {name} argument {shown}", "not valid UTF-8", "nothing was done")
    assert result.code == 2
    assert (ws("annotations", "--json").json, ws("tags", "--json").json) == before


def test_a_file_name_that_is_not_utf8_is_still_a_file_name(ws: Any, workspace: Path, tmp_path: Path) -> None:
    """Linux file names are bytes: an export named in Latin-1 is written and imported back."""
    name = os.fsdecode(b"notes-\xe9.json")
    assert ws("tag", "000", "--quote", "Iran", "--occurrence", "1", "--tag", "ok").code == 0
    assert ws("export", "-o", str(tmp_path / name)).code == 0
    assert (tmp_path / name).exists()
    result = ws("import", str(tmp_path / name), "--json")
    assert result.code == 0, result.err
    assert len(result.json["skipped"]) == 1


def test_an_annotation_the_store_refuses_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], workspace: Path
) -> None:
    """However a command comes to make an annotation that cannot be stored, main says why in one line."""
    from tui.cli.commands import tag
    from tui.cli.main import main
    from tui.core.annotations.model import InvalidAnnotation

    def refused(args: argparse.Namespace, context: Any) -> int:
        raise InvalidAnnotation("annotation holds text that is not valid Unicode")

    monkeypatch.setattr(tag, "run", refused)
    assert main(["--workspace", str(workspace), "tag", "000", "--quote", "Iran", "--tag", "x"]) == 1
    assert capsys.readouterr().err == "iranpak-reader: annotation holds text that is not valid Unicode\n"


ESCAPES = "\x1b[2J\x1b]52;c;SGVsbG8=\x07\x1b]8;;http://x\x1b\\"


def test_no_command_sends_a_control_character_to_the_terminal(ws: Any, tmp_path: Path) -> None:
    """Tag names, file names and refused arguments with escape sequences are printed as symbols."""
    tag, renamed = f"a{ESCAPES}b", f"x{ESCAPES}y"
    runs = [
        ws("tag", "000", "--quote", "Iran", "--occurrence", "1", "--tag", tag),
        ws("tags"),
        ws("tags", "--colour", tag, "#112233"),
        ws("tags", "--rename", tag, renamed),
        ws("annotations"),
        ws("export", "-o", str(tmp_path / "out\x1b[2J\x1b]52;c;SGVsbG8=\x07.json")),  # no "/" in a name
        ws("tags", "--delete", renamed),
        ws("tags", "--rename", "nothing", "x", f"unexpected{ESCAPES}"),
    ]
    assert [run.code for run in runs] == [0, 0, 0, 0, 0, 0, 0, 2]
    for run in runs:
        printed = run.out + run.err
        assert not any(char in printed for char in "\x1b\x07"), printed
    assert "␛[2J" in runs[1].out and "␛[2J" in runs[5].err and "␛]52" in runs[7].err
