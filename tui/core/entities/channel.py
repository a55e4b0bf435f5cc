"""The helper process and the pipes to it: pickled messages in length-prefixed frames.

The helper is a fresh interpreter running :func:`tui.core.entities.helper.main` (``python -c``),
never a fork: the caller may be a thread of a running app, and a ``-c`` child imports only this
package, never the caller's script. Two daemon threads move the bytes, so neither side ever
blocks the other: one writes the queued messages to the helper's stdin, one reads its replies
into a queue. The helper runs in its own session (a Ctrl-C at the terminal reaches only the
caller, who then stops it) with its stderr discarded (it must not write over an app's screen).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

try:
    import fcntl
except ImportError:  # not on Windows: pipes keep their size there
    fcntl = None  # type: ignore[assignment]

#: The helper's program.
COMMAND = "from tui.core.entities.helper import main; main()"
#: The directory that holds the ``tui`` package, put on the helper's import path.
_ROOT = str(Path(__file__).resolve().parents[3])
_HEADER = 8
_DEAD = b""


def write_frame(stream: IO[bytes], message: object) -> None:
    """Write one message to a binary stream as a length-prefixed pickle and flush it."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(_HEADER, "little"))
    stream.write(data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> bytes | None:
    """The next frame's pickled bytes, or None at the end of the stream."""
    header = stream.read(_HEADER)
    if len(header) < _HEADER:
        return None
    size = int.from_bytes(header, "little")
    data = stream.read(size)
    return data if len(data) == size else None


#: The pipes' capacity asked for: a whole chunk's texts or spans fits, so neither side waits
#: for the other's reader thread to get the interpreter lock before it can go on.
PIPE_BYTES = 1 << 20


def _widen(pipe: IO[bytes] | None) -> None:
    """Ask Linux for a larger pipe buffer (elsewhere, or beyond the system's limit, keep it)."""
    if pipe is not None and fcntl is not None and hasattr(fcntl, "F_SETPIPE_SZ"):
        with contextlib.suppress(OSError):
            fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


class Helper:
    """A running helper process: send it messages, receive its replies, stop it.

    A helper that exits, breaks a pipe or stays silent for longer than a receive's timeout
    is *dead*: it is killed, and :meth:`receive` returns None from then on.
    """

    def __init__(self, first: object) -> None:
        """Start the helper and queue ``first`` as its first message."""
        environment = dict(os.environ)
        path = environment.get("PYTHONPATH")
        environment["PYTHONPATH"] = _ROOT + (os.pathsep + path if path else "")
        self._process = subprocess.Popen(
            [sys.executable, "-c", COMMAND],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=environment,
            start_new_session=True,
        )
        for pipe in (self._process.stdin, self._process.stdout):
            _widen(pipe)
        self.dead = False
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._inbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._write, name="entities-helper-writer", daemon=True),
            threading.Thread(target=self._read, name="entities-helper-reader", daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        self.send(first)

    @property
    def pid(self) -> int:
        """The helper's process id."""
        return self._process.pid

    def send(self, message: object) -> None:
        """Queue a message for the helper (dropped if the helper is dead)."""
        if not self.dead:
            self._outbox.put(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))

    def receive(self, timeout: float | None) -> Any:
        """The next reply: waiting up to ``timeout`` seconds (None: not at all), else None.

        A helper found dead (or silent for the whole of a positive ``timeout``) is stopped.
        """
        if self.dead:
            return None
        try:
            data = self._inbox.get_nowait() if timeout is None else self._inbox.get(timeout=timeout)
        except queue.Empty:
            if timeout is not None:
                self._kill()
            return None
        if data is _DEAD:
            self._kill()
            return None
        return pickle.loads(data)

    def close(self) -> None:
        """Stop the helper: end its input, give it a moment to exit, then kill it; reap it."""
        self._outbox.put(None)
        try:
            self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self._kill()
        self._kill()
        for thread in self._threads:
            thread.join(timeout=2)

    def _kill(self) -> None:
        """Mark the helper dead, kill it if it still runs, and reap it."""
        self.dead = True
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def _write(self) -> None:
        """Writer thread: the queued messages to the helper's stdin, then close it."""
        stream = self._process.stdin
        assert stream is not None
        try:
            while (data := self._outbox.get()) is not None:
                stream.write(len(data).to_bytes(_HEADER, "little"))
                stream.write(data)
                stream.flush()
        except OSError:
            self._inbox.put(_DEAD)
        finally:
            with contextlib.suppress(OSError):
                stream.close()

    def _read(self) -> None:
        """Reader thread: the helper's replies into the inbox, then a dead mark at their end."""
        stream = self._process.stdout
        assert stream is not None
        try:
            while (data := read_frame(stream)) is not None:
                self._inbox.put(data)
        except (OSError, ValueError):
            pass
        finally:
            self._inbox.put(_DEAD)
            stream.close()
