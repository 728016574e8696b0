"""Idle time and screen locks over D-Bus, through QtDBus (in PySide6-Essentials).

- Idle time: the compositor's idle monitor, ``GetIdletime`` in milliseconds: GNOME's
  ``org.gnome.Mutter.IdleMonitor`` (on Wayland and X11 alike) and Cinnamon's
  ``org.cinnamon.Muffin.IdleMonitor``.
- Screen locks: the screen savers' ``ActiveChanged`` signals (GNOME, Cinnamon, and
  ``org.freedesktop.ScreenSaver`` as KDE Plasma and others offer it) and logind's
  ``LockedHint`` of this session on the system bus. The watcher tells of a change at
  once, so a lock counts from the moment it locks.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusObjectPath, QDBusVariant

from tracker_desktop.core.idle import IdleReading
from tracker_desktop.ui.language import translate

log = logging.getLogger(__name__)

# (desktop, service, object path, interface)
IDLE_MONITORS = (
    (
        "GNOME",
        "org.gnome.Mutter.IdleMonitor",
        "/org/gnome/Mutter/IdleMonitor/Core",
        "org.gnome.Mutter.IdleMonitor",
    ),
    (
        "Cinnamon",
        "org.cinnamon.Muffin.IdleMonitor",
        "/org/cinnamon/Muffin/IdleMonitor/Core",
        "org.cinnamon.Muffin.IdleMonitor",
    ),
)
# (service, object path, interface); KDE has used both paths.
SCREEN_SAVERS = (
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.cinnamon.ScreenSaver", "/org/cinnamon/ScreenSaver", "org.cinnamon.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"),
)
LOGIND = "org.freedesktop.login1"
LOGIND_SESSION = "org.freedesktop.login1.Session"
PROPERTIES = "org.freedesktop.DBus.Properties"
# A desktop answers in well under a millisecond; this bounds a hung one.
CALL_TIMEOUT_MS = 300


def call(
    bus: QDBusConnection, service: str, path: str, interface: str, method: str, *arguments: object
) -> list[object] | None:
    """A method call's reply arguments, or None when it failed (logged)."""
    message = QDBusMessage.createMethodCall(service, path, interface, method)
    if arguments:
        message.setArguments(list(arguments))
    reply = bus.call(message, timeout=CALL_TIMEOUT_MS)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage:
        log.debug("%s.%s on %s: %s", interface, method, service, reply.errorMessage())
        return None
    return list(reply.arguments())


def slot(signature: str) -> Any:
    """A slot as QDBusConnection.connect takes it (PySide6 wants SLOT's text, whatever
    its type hints say)."""
    return SLOT(signature)


def registered(bus: QDBusConnection, service: str) -> bool:
    """Whether ``service`` has an owner on ``bus`` now."""
    interface = bus.interface()
    return interface is not None and bool(interface.isServiceRegistered(service).value())


class DBusIdleMonitor:
    """Idle time from a compositor's idle monitor."""

    def __init__(
        self, bus: QDBusConnection, desktop: str, service: str, path: str, interface: str
    ) -> None:
        self.description = translate("IdleSources", "{desktop}'s idle monitor").format(
            desktop=desktop
        )
        self._bus, self._where = bus, (service, path, interface)

    @classmethod
    def find(cls, bus: QDBusConnection) -> DBusIdleMonitor | None:
        """The first idle monitor on ``bus`` that answers, if any."""
        for desktop, service, path, interface in IDLE_MONITORS:
            if registered(bus, service):
                monitor = cls(bus, desktop, service, path, interface)
                if monitor.read().idle is not None:
                    return monitor
        return None

    def read(self) -> IdleReading:
        """One call to the monitor."""
        reply = call(self._bus, *self._where, "GetIdletime")
        if not reply or not isinstance(reply[0], int):
            return IdleReading(None)
        return IdleReading(timedelta(milliseconds=reply[0]))

    def close(self) -> None:
        """Nothing is held: the bus connection is shared."""


class _Lock(QObject):
    """One place that tells of locks, with the slots its signals are connected to."""

    def __init__(self, watcher: ScreenLockWatcher, key: str) -> None:
        super().__init__(watcher)
        self._watcher, self._key = watcher, key

    @Slot(bool)
    def on_active_changed(self, active: bool) -> None:
        self._watcher.set_state(self._key, active)

    @Slot(QDBusMessage)
    def on_properties_changed(self, message: QDBusMessage) -> None:
        arguments = message.arguments()
        if arguments and arguments[0] == LOGIND_SESSION:
            self._watcher.read_locked_hint()


class ScreenLockWatcher(QObject):
    """Whether the screen is locked, as any screen saver or logind says; ``changed``
    is emitted the moment that changes."""

    changed = Signal(bool)

    def __init__(
        self,
        session_bus: QDBusConnection,
        system_bus: QDBusConnection | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._states: dict[str, bool] = {}
        self.found: list[str] = []  # where locks are told, for Preferences
        for service, path, interface in SCREEN_SAVERS:
            key = f"{service}{path}"
            receiver = _Lock(self, key)
            session_bus.connect(
                "", path, interface, "ActiveChanged", receiver, slot("on_active_changed(bool)")
            )
            if registered(session_bus, service):
                reply = call(session_bus, service, path, interface, "GetActive")
                if reply and isinstance(reply[0], bool):
                    self._states[key] = reply[0]
                    self.found.append(service)
        self._system_bus = system_bus
        self._session_path = self._logind_session() if system_bus is not None else None
        if system_bus is not None and self._session_path is not None:
            receiver = _Lock(self, LOGIND)
            system_bus.connect(
                LOGIND,
                self._session_path,
                PROPERTIES,
                "PropertiesChanged",
                receiver,
                slot("on_properties_changed(QDBusMessage)"),
            )
            self.read_locked_hint()
            self.found.append("logind")

    @property
    def locked(self) -> bool:
        return any(self._states.values())

    def set_state(self, key: str, locked: bool) -> None:
        """One teller's news; ``changed`` when the overall answer changed."""
        before = self.locked
        self._states[key] = locked
        if self.locked != before:
            log.info("screen %s", "locked" if self.locked else "unlocked")
            self.changed.emit(self.locked)

    def read_locked_hint(self) -> None:
        """Reads logind's LockedHint of this session again."""
        assert self._system_bus is not None
        assert self._session_path is not None
        reply = call(
            self._system_bus,
            LOGIND,
            self._session_path,
            PROPERTIES,
            "Get",
            LOGIND_SESSION,
            "LockedHint",
        )
        value = reply[0] if reply else None
        if isinstance(value, QDBusVariant):
            value = value.variant()
        if isinstance(value, bool):
            self.set_state(LOGIND, value)

    def _logind_session(self) -> str | None:
        """The object path of the login session this app runs in, if logind knows it."""
        assert self._system_bus is not None
        if not registered(self._system_bus, LOGIND):
            return None
        reply = call(
            self._system_bus,
            LOGIND,
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "GetSession",
            "auto",
        )
        path = reply[0] if reply else None
        return path.path() if isinstance(path, QDBusObjectPath) else None
