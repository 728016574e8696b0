"""A stand-in desktop on a private D-Bus session bus, for the D-Bus idle tests.

Run inside ``dbus-run-session``; prints the bus address, then serves GNOME's idle
monitor, GNOME's screen saver, logind (its manager and one session) and a notification
service. The tests steer it through ``org.example.FakeDesktop`` methods.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import (
    ClassInfo,
    Property,
    QCoreApplication,
    QObject,
    QSocketNotifier,
    Signal,
    Slot,
)
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusObjectPath, QDBusVariant

SESSION_PATH = "/org/freedesktop/login1/session/_31"
ALL = (
    QDBusConnection.RegisterOption.ExportAllSlots
    | QDBusConnection.RegisterOption.ExportAllSignals
    | QDBusConnection.RegisterOption.ExportAllProperties
)


@ClassInfo({"D-Bus Interface": "org.gnome.Mutter.IdleMonitor"})
class IdleMonitor(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.idle_ms = 0

    @Slot(result="qulonglong")
    def GetIdletime(self) -> int:
        return self.idle_ms


@ClassInfo({"D-Bus Interface": "org.gnome.ScreenSaver"})
class ScreenSaver(QObject):
    ActiveChanged = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.active = False

    @Slot(result=bool)
    def GetActive(self) -> bool:
        return self.active


@ClassInfo({"D-Bus Interface": "org.freedesktop.login1.Manager"})
class Manager(QObject):
    @Slot(str, result=QDBusObjectPath)
    def GetSession(self, session_id: str) -> QDBusObjectPath:
        return QDBusObjectPath(SESSION_PATH)


@ClassInfo({"D-Bus Interface": "org.freedesktop.login1.Session"})
class Session(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.locked = False

    def _locked_hint(self) -> bool:
        return self.locked

    LockedHint = Property(bool, _locked_hint)


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Notifications(QObject):
    ActionInvoked = Signal("uint", str)

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(
        self, app: str, replaces: int, icon: str, title: str, body: str,
        actions: list[str], hints: dict[str, object], timeout: int,
    ) -> int:  # fmt: skip
        self.shown.append("|".join([title, body, *actions]))
        return len(self.shown)


@ClassInfo({"D-Bus Interface": "org.example.FakeDesktop"})
class Control(QObject):
    """What the tests change."""

    def __init__(self, bus: QDBusConnection, parts: dict[str, QObject]) -> None:
        super().__init__()
        self._bus, self._parts = bus, parts

    @Slot(int)
    def SetIdletime(self, ms: int) -> None:
        self._parts["idle"].idle_ms = ms  # type: ignore[attr-defined]

    @Slot(bool)
    def SetScreenSaverActive(self, active: bool) -> None:
        saver = self._parts["saver"]
        saver.active = active  # type: ignore[attr-defined]
        saver.ActiveChanged.emit(active)  # type: ignore[attr-defined]

    @Slot(bool)
    def SetLockedHint(self, locked: bool) -> None:
        self._parts["session"].locked = locked  # type: ignore[attr-defined]
        signal = QDBusMessage.createSignal(
            SESSION_PATH, "org.freedesktop.DBus.Properties", "PropertiesChanged"
        )
        signal.setArguments(
            ["org.freedesktop.login1.Session", {"LockedHint": QDBusVariant(locked)}, ["Id"]]
        )
        self._bus.send(signal)

    @Slot(result="QStringList")
    def Shown(self) -> list[str]:
        return self._parts["notifications"].shown  # type: ignore[attr-defined,no-any-return]

    @Slot(int, str)
    def InvokeAction(self, notification: int, key: str) -> None:
        self._parts["notifications"].ActionInvoked.emit(notification, key)  # type: ignore[attr-defined]


def main() -> None:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    parts: dict[str, QObject] = {
        "idle": IdleMonitor(),
        "saver": ScreenSaver(),
        "manager": Manager(),
        "session": Session(),
        "notifications": Notifications(),
    }
    control = Control(bus, parts)
    for path, part, service in (
        ("/org/gnome/Mutter/IdleMonitor/Core", parts["idle"], "org.gnome.Mutter.IdleMonitor"),
        ("/org/gnome/ScreenSaver", parts["saver"], "org.gnome.ScreenSaver"),
        ("/org/freedesktop/login1", parts["manager"], "org.freedesktop.login1"),
        (SESSION_PATH, parts["session"], None),
        ("/org/freedesktop/Notifications", parts["notifications"], "org.freedesktop.Notifications"),
        ("/control", control, "org.example.FakeDesktop"),
    ):
        assert bus.registerObject(path, part, ALL), path
        if service is not None:
            assert bus.registerService(service), service
    print(os.environ["DBUS_SESSION_BUS_ADDRESS"], flush=True)
    # Served until the test closes our standard input.
    closed = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    closed.activated.connect(lambda: os.read(sys.stdin.fileno(), 1024) or app.quit())
    app.exec()


if __name__ == "__main__":
    main()
