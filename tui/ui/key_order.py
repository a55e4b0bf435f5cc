"""Keys typed ahead reach the widget they were typed for: one key is routed at a time.

Textual routes each key to the focused widget as it arrives, and a key's binding runs only once
the key has bubbled up from that widget. Keys arriving in one burst (tmux, a paste, a fast
typist) are therefore all routed before the first one's action has opened its dialog or moved
the focus: ``t s e c Enter`` tagged nothing, and its letters went to the reader. The app gives
each key it routes to a widget a :class:`KeyRouted` message that follows it up the same chain,
and holds the keys behind it until that message comes back. A screen just pushed gets the keys
once it has mounted and focused its first field.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual import events

from tui.ui.messages import Report

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.timer import Timer

#: How long a key may keep those behind it waiting, at most.
WAIT_AT_MOST = 0.25
#: How often to look whether a screen just pushed has mounted, or the screen a key went to has
#: closed (Enter that dismissed a dialog: its message never comes back).
POLL = 0.01


class KeyRouted(Report):
    """Follows a routed key up the widgets it bubbles through; back at the app, it has been handled."""

    serial: int  # which routed key this follows


class KeyOrder:
    """Holds keys that arrive while an earlier key is being handled, then routes them in order."""

    def __init__(self, app: App[Any], route: Callable[[events.Key], Awaitable[None]]) -> None:
        """``route`` is the app's own handling of a key (its priority bindings, then the focused
        widget)."""
        self.app = app
        self.route = route
        self.held: deque[events.Key] = deque()
        self.waiting_for: int | None = None  # the serial of the routed key not yet back
        self.given_up_at = 0.0  # when to stop waiting for it
        self.sent_to: Screen[Any] | None = None  # the screen it went to
        self.serial = 0
        self.timer: Timer | None = None

    def holds(self, key: events.Key) -> bool:
        """Whether ``key`` must wait (it is then kept, to be routed in its turn)."""
        if self.held or self.waiting_for is not None or self._screen_settling():
            self.held.append(key)
            self._wake_later(POLL)
            return True
        return False

    def routed(self, key: events.Key) -> None:
        """``key`` went to a widget (it was not a priority binding): hold the next ones until its
        message is back."""
        if not key.is_forwarded:
            return
        self.serial += 1
        self.waiting_for = self.serial
        self.given_up_at = time.monotonic() + WAIT_AT_MOST
        target = self.app.focused or self.app.screen
        self.sent_to = self.app.screen
        target.post_message(KeyRouted(self.serial))

    def back(self, message: KeyRouted) -> None:
        """A routed key has been handled all the way up: route the keys held behind it, after what
        its handling asked to be done next (``focus()`` moves the focus that way)."""
        if message.serial == self.waiting_for:
            self.app.call_later(self._resume, message.serial)

    async def _resume(self, serial: int) -> None:
        """Stop waiting for key ``serial`` (if still waited for) and route the held keys."""
        if serial == self.waiting_for:
            self.waiting_for = None
            await self.release()

    async def release(self) -> None:
        """Route the held keys in order, stopping again at the first that goes to a widget."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        while self.held and self.waiting_for is None:
            if self._screen_settling():
                self._wake_later(POLL)
                return
            await self.route(self.held.popleft())
        if self.held:
            self._wake_later(POLL)

    async def _timed_out(self) -> None:
        """Look again: stop waiting for a key's message once its screen has gone or it is late, and
        route the held keys once a screen just pushed has mounted."""
        self.timer = None
        if self.waiting_for is not None:
            if self.app.screen is self.sent_to and time.monotonic() < self.given_up_at:
                self._wake_later(POLL)
            else:
                # after what closing the screen calls next (a dialog's result handler)
                self.app.call_later(self._resume, self.waiting_for)
            return
        await self.release()

    def _screen_settling(self) -> bool:
        """Whether the screen on top was just pushed and has not yet focused its first field."""
        return self.app.focused is None and not self.app.screen.is_mounted

    def _wake_later(self, delay: float) -> None:
        """Make sure held keys are looked at again after ``delay`` seconds."""
        if self.timer is None:
            self.timer = self.app.set_timer(delay, self._timed_out, name="key order")
