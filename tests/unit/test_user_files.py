"""Reading and writing user-named files: FIFOs, devices, folders, symlinks and size limits."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tui.core.user_files import UserFileError, read_regular_file, size_text, write_output_file


def test_reads_a_regular_file_within_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"{}")
    assert read_regular_file(path, 10) == b"{}"


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(UserFileError, match="FIFO"):
        read_regular_file(fifo, 1 << 20)


def test_a_device_is_refused() -> None:
    with pytest.raises(UserFileError, match="a device"):
        read_regular_file(Path("/dev/zero"), 1 << 20)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserFileError, match="folder"):
        read_regular_file(tmp_path, 1 << 20)


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(UserFileError, match=r"too large \(2 KiB; the limit is 1 KiB\)"):
        read_regular_file(path, 1024)


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(UserFileError, match="no such file"):
        read_regular_file(tmp_path / "none", 10)


def test_writing_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    written = write_output_file(link, b"new")
    assert written == target
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("name", ["fifo", "folder", "device"])
def test_special_files_are_never_replaced(tmp_path: Path, name: str) -> None:
    if name == "fifo":
        path = tmp_path / "out.json"
        os.mkfifo(path)
    elif name == "folder":
        path = tmp_path
    else:
        path = Path("/dev/null")
    before = path.stat()
    with pytest.raises(UserFileError):
        write_output_file(path, b"data")
    after = path.stat()
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "full"
    link.symlink_to("/dev/full")
    with pytest.raises(UserFileError, match="a device"):
        write_output_file(link, b"data")
    assert link.is_symlink()


def test_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(UserFileError, match="no folder"):
        write_output_file(tmp_path / "none" / "out.json", b"x")


def test_sizes_in_words() -> None:
    assert size_text(512) == "512 bytes"
    assert size_text(8 << 20) == "8 MiB"
    assert size_text(3 << 29) == "1.5 GiB"


@pytest.mark.parametrize(
    "name", ["x" * 5000, f"{'x' * 300}/out.json", "a\x00b.json"], ids=["long", "long-folder", "nul"]
)
def test_a_name_the_system_refuses_is_one_line(tmp_path: Path, name: str) -> None:
    with pytest.raises(UserFileError, match="cannot write") as raised:
        write_output_file(tmp_path / name, b"{}")
    assert "\n" not in raised.value.reason
    assert sorted(tmp_path.iterdir()) == []


def test_a_socket_is_said_to_be_one(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock.md"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(UserFileError, match="is a socket, not a regular file"):
            read_regular_file(path, 1 << 20)
    finally:
        server.close()
