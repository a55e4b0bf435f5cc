"""Reading and writing files the user names: only regular files, within a size limit, atomically.

A path given by the user, or found in a folder the user points at, may be anything: a FIFO
(opening it for reading blocks until a writer comes), a device (``/dev/zero`` never ends,
``/dev/full`` refuses every write), a folder, a symlink. Every read and write of such a path
goes through here, so none of them can hang, read without end or replace what is not a file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from tui.core.store.errors import StoreError


class UserFileError(Exception):
    """A file that cannot be read or written as asked: the path and a one-line reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, in words ("a FIFO", "a device"…)."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def reason_for(error: OSError) -> str:
    """A short lower-case reason for an OSError ("permission denied", "no such file or directory")."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (error.strerror or str(error)).lower()


def not_a_lock_file(lock: Path) -> str | None:
    """What stands where a lock file should be, in words, if it cannot serve as one; None if it can.

    A lock file is a regular file (or a link to one) that is opened and locked; a folder, FIFO,
    device or a link that leads nowhere in its place makes locking fail with the system's
    terse reason ("invalid argument", "too many levels of symbolic links").
    """
    try:
        info = os.lstat(lock)
    except OSError:
        return None  # missing: it is created when first taken
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(lock)
        except OSError:
            return f"{lock} is a symbolic link that leads nowhere, not a lock file: remove it"
    if stat.S_ISREG(info.st_mode):
        return None
    return f"{lock} is {kind_of(info.st_mode)}, not a lock file: remove it (while no iranpak-reader runs)"


def open_regular(path: Path) -> tuple[int, os.stat_result]:
    """A descriptor of ``path`` open for reading, and its status, if it is a regular file.

    It is opened without blocking (a FIFO would otherwise wait for a writer) and checked on the
    open descriptor; anything but a regular file is a :class:`UserFileError`. An OSError from
    opening (a missing file, a folder, a socket) is raised as it is.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UserFileError(path, f"is {kind_of(info.st_mode)}, not a regular file")
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor, info


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed), at most ``limit`` of them.

    Raises :class:`UserFileError` for anything else: a FIFO, device, socket or folder (checked
    on the open descriptor, which a FIFO yields at once because it is opened non-blocking), a
    file over ``limit`` bytes (checked again while reading, for a file that grows), or an
    OSError, in words.
    """
    try:
        descriptor, info = open_regular(path)
    except IsADirectoryError:
        raise UserFileError(path, "is a folder, not a file") from None
    except OSError as error:
        with contextlib.suppress(OSError):  # a socket cannot even be opened: say what it is
            mode = os.stat(path).st_mode
            if not stat.S_ISREG(mode):
                raise UserFileError(path, f"is {kind_of(mode)}, not a regular file") from None
        raise UserFileError(path, f"cannot read: {reason_for(error)}") from None
    try:
        if info.st_size > limit:
            raise UserFileError(
                path, f"too large ({size_text(info.st_size)}; the limit is {size_text(limit)})"
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UserFileError(path, f"too large (over {size_text(limit)}, the limit)")
        return b"".join(chunks)
    except OSError as error:
        raise UserFileError(path, f"cannot read: {reason_for(error)}") from None
    finally:
        os.close(descriptor)


def write_output_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to the file the user named, atomically; returns the path actually written.

    A symlink is followed and the file it points to replaced (the link stays a link); an
    existing regular file keeps its permissions. A folder, FIFO, device or socket is refused
    rather than replaced by a regular file, as is a missing folder. Raises
    :class:`UserFileError` with a one-line reason, for whatever the system refuses too (a
    name too long, a NUL byte, a loop of symlinks).
    """
    try:
        target, info = _output_target(path)
    except OSError as error:
        raise UserFileError(path, f"cannot write: {reason_for(error)}") from None
    except ValueError as error:  # a NUL byte in the name
        raise UserFileError(path, f"cannot write: {str(error).lower()}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UserFileError(path, f"is {kind_of(info.st_mode)}; give the name of a file to write")
    # imported here: it loads secrets (and so OpenSSL), which opening the app does not need
    from tui.core.store.files import replace_atomically

    try:
        replace_atomically(target, data)
    except StoreError as error:
        raise UserFileError(path, error.reason) from None
    if info is not None:
        with contextlib.suppress(OSError):
            os.chmod(target, stat.S_IMODE(info.st_mode))
    return target


def _output_target(path: Path) -> tuple[Path, os.stat_result | None]:
    """The file to replace for ``path`` (a symlink's target) and its state (None if it is new).

    Raises UserFileError for a missing folder, and OSError or ValueError as the system does.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    if info is None:
        try:
            folder = stat.S_ISDIR(target.parent.stat().st_mode)
        except FileNotFoundError:
            folder = False
        if not folder:
            raise UserFileError(path, f"cannot write: no folder {target.parent}")
    return target, info


def size_text(size: int) -> str:
    """A byte count in words: "512 bytes", "8 MiB", "1.5 GiB"."""
    if size < 1024:
        return f"{size} bytes"
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"  # pragma: no cover - the loop always returns
