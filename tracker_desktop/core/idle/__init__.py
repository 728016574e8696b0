"""Idle time and screen lock as the desktop tells them: one small interface, and a source
per way of asking, each in its own module.

Sources without Qt live here (``x11``: the X server's screen saver extension through
libXss; ``windows``: GetLastInputInfo; ``macos``: CoreGraphics); those that speak D-Bus
need QtDBus and live in ``ui/idle_dbus.py``. ``ui/idle_sources.py`` picks one at run
time. The rules that read them (``away``: time away becomes a gap question;
``reminders``: working without a session) never ask the desktop themselves, so tests
drive them with a fake source and a fake clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol


@dataclass(frozen=True)
class IdleReading:
    """What a source says now: time since the last keyboard or mouse input (None when
    it cannot tell), and whether the screen is locked (False when it cannot tell)."""

    idle: timedelta | None
    locked: bool = False


class IdleSource(Protocol):
    """A way of asking this desktop for idle time."""

    description: str  # what it asks, for Preferences ("the X server's screen saver …")

    def read(self) -> IdleReading:
        """The reading now; cheap enough to call every second."""
        ...

    def close(self) -> None:
        """Lets go of what it holds (a display connection, a library)."""
        ...


class IdleUnavailable(Exception):
    """This platform or desktop cannot tell idle time; the message says why."""
