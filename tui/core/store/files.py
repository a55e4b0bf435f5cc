"""Durable file operations: atomic replacement, fsync'd appends, and reading with clear errors."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import BinaryIO

from tui.core import user_files
from tui.core.store.errors import StoreError
from tui.core.user_files import UserFileError, reason_for

#: Temporary files are named ``.<target name>.<random>.tmp`` beside their target.
TMP_SUFFIX = ".tmp"


def replace_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one, whole.

    The data goes to a temporary file in the same folder, is fsync'd, renamed over ``path``,
    and the folder is fsync'd so the rename itself survives power loss.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TMP_SUFFIX}")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise StoreError(path, f"cannot write: {reason_for(error)}") from error
    sync_folder(path.parent)


def append_durably(path: Path, data: bytes, expected_size: int) -> int:
    """Append ``data`` to ``path`` and fsync it; returns the new size.

    The file is first cut back to ``expected_size`` (anything beyond it is a torn tail left by
    a process that was killed mid-append). If the append fails, the file is cut back again.
    """
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND)
    except OSError as error:
        raise StoreError(path, f"cannot write: {reason_for(error)}") from error
    try:
        if os.fstat(descriptor).st_size != expected_size:
            os.ftruncate(descriptor, expected_size)
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.ftruncate(descriptor, expected_size)
            raise StoreError(path, f"cannot write: {reason_for(error)}") from error
    finally:
        os.close(descriptor)
    return expected_size + len(data)


def _write_all(descriptor: int, data: bytes) -> None:
    """``os.write`` until every byte is written."""
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def sync_folder(folder: Path) -> None:
    """fsync a folder, so renames and new files in it survive power loss (where the OS allows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename is still atomic
    finally:
        os.close(descriptor)


def remove_stray_temporaries(folder: Path, name: str) -> None:
    """Delete temporary files left by a process killed while replacing ``name`` (call under the lock)."""
    for stray in folder.glob(f".{name}.*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stray.unlink()


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, None if it does not exist; a StoreError naming the problem otherwise."""
    try:
        with open_regular(path) as file:
            return file.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(path, f"cannot read: {reason_for(error)}") from error


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading, if it is a regular file: a FIFO, device or folder is a StoreError
    (see :func:`tui.core.user_files.open_regular`). A missing file raises FileNotFoundError."""
    try:
        descriptor, _ = user_files.open_regular(path)
    except UserFileError as error:
        raise StoreError(path, f"{error.reason}: move it away") from None
    return os.fdopen(descriptor, "rb")
