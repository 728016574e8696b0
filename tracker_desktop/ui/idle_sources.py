"""Choosing, at run time, how this desktop tells idle time and screen locks.

In order: Windows and macOS ask the system; on Linux and the BSDs, GNOME's or
Cinnamon's idle monitor on the session bus (right on Wayland and X11 alike), else the
X server's screen saver extension on an X11 session (never under XWayland, where it
misses Wayland windows' input); screen locks come from the session and system buses.
KDE Plasma on Wayland tells no idle time to apps: there, only locks count. Each source
lives in its own module; this one only picks and says what it picked.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from tracker_desktop.core.idle import IdleReading, IdleSource, IdleUnavailable
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:  # QtDBus is loaded only on the desktops that speak D-Bus
    from PySide6.QtDBus import QDBusConnection

    from tracker_desktop.ui.idle_dbus import ScreenLockWatcher

log = logging.getLogger(__name__)

# The core's idle sources as Preferences names them (translated where shown).
SOURCE_NAMES = (
    QT_TRANSLATE_NOOP("IdleSources", "the X server's screen saver extension"),
    QT_TRANSLATE_NOOP("IdleSources", "macOS (CoreGraphics event source)"),
    QT_TRANSLATE_NOOP("IdleSources", "Windows (GetLastInputInfo)"),
)
NO_DESKTOP_PLATFORMS = {"offscreen", "minimal", "vnc"}  # Qt platforms with no desktop behind


class DesktopIdle:
    """Idle time (``source``) and screen locks (``locks``) of this desktop, either of
    which may be missing; ``description`` says so in words for Preferences. ``bus`` is
    the session bus, when there is one (for notifications)."""

    def __init__(
        self,
        source: IdleSource | None,
        locks: ScreenLockWatcher | None = None,
        bus: QDBusConnection | None = None,
    ) -> None:
        self.source = source
        self.locks = locks
        self.bus = bus

    @property
    def available(self) -> bool:
        """Whether anything at all tells when the user is away."""
        return self.source is not None or self.locks is not None

    @property
    def description(self) -> str:
        if self.source is not None:
            if self.locks is not None:
                text = translate(
                    "IdleSources", "Time away is told by {source}, and by screen locks."
                )
            else:
                text = translate("IdleSources", "Time away is told by {source}.")
            return text.format(source=translate("IdleSources", self.source.description))
        if self.locks is not None:
            return translate(
                "IdleSources",
                "This desktop does not tell apps how long you have been away (KDE Plasma "
                "on Wayland does not, for one): only locking the screen counts as away.",
            )
        return translate(
            "IdleSources",
            "This desktop tells apps neither how long you have been away nor when the "
            "screen locks, so time away cannot be noticed here.",
        )

    def read(self) -> IdleReading:
        """Idle time from the source, the lock from the lock watcher."""
        reading = self.source.read() if self.source is not None else IdleReading(None)
        locked = self.locks.locked if self.locks is not None else reading.locked
        return IdleReading(reading.idle, locked)

    def close(self) -> None:
        if self.source is not None:
            self.source.close()


def open_desktop_idle(platform_name: str, parent: QObject) -> DesktopIdle:
    """What this desktop offers, tried in the order above (never raising)."""
    if sys.platform in ("win32", "darwin"):
        return DesktopIdle(_system_source())
    if platform_name in NO_DESKTOP_PLATFORMS:
        return DesktopIdle(None)
    from tracker_desktop.ui.idle_dbus import DBusIdleMonitor, ScreenLockWatcher

    session_bus, system_bus = _buses()
    source: IdleSource | None = DBusIdleMonitor.find(session_bus) if session_bus else None
    if source is None and platform_name == "xcb" and not _wayland_session():
        source = _x11_source()
    locks = None
    if session_bus is not None:
        watcher = ScreenLockWatcher(session_bus, system_bus, parent)
        locks = watcher if watcher.found else None
    desktop = DesktopIdle(source, locks, session_bus)
    log.info("idle: %s", desktop.description)
    return desktop


def _system_source() -> IdleSource | None:
    try:
        if sys.platform == "win32":
            from tracker_desktop.core.idle.windows import WindowsIdleSource

            return WindowsIdleSource()
        from tracker_desktop.core.idle.macos import MacIdleSource

        return MacIdleSource()
    except IdleUnavailable as error:
        log.warning("no idle time: %s", error)
        return None


def _x11_source() -> IdleSource | None:
    from tracker_desktop.core.idle.x11 import X11IdleSource

    try:
        return X11IdleSource(os.environ.get("DISPLAY") or None)
    except IdleUnavailable as error:
        log.warning("no idle time from X11: %s", error)
        return None


def _wayland_session() -> bool:
    return (
        bool(os.environ.get("WAYLAND_DISPLAY")) or os.environ.get("XDG_SESSION_TYPE") == "wayland"
    )


def _buses() -> tuple[QDBusConnection | None, QDBusConnection | None]:
    """The session and system buses, when they are there (never starting one: without
    an address libdbus would launch a bus daemon of its own)."""
    from PySide6.QtDBus import QDBusConnection

    session = None
    runtime_bus = Path(os.environ.get("XDG_RUNTIME_DIR", "/nonexistent")) / "bus"
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        session = QDBusConnection.sessionBus()
    elif runtime_bus.is_socket():
        session = QDBusConnection.connectToBus(f"unix:path={runtime_bus}", "tracker-session")
    system = None
    if Path("/run/dbus/system_bus_socket").is_socket() or os.environ.get("DBUS_SYSTEM_BUS_ADDRESS"):
        system = QDBusConnection.systemBus()
    return (
        session if session is not None and session.isConnected() else None,
        system if system is not None and system.isConnected() else None,
    )
