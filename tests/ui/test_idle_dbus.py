"""The D-Bus idle sources against a stand-in desktop on a private session bus
(``dbus-run-session``, tests/ui/fake_desktop_bus.py): GNOME's idle monitor, the screen
saver's and logind's locks, and notifications with a Start action."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from tracker_desktop.core.idle import IdleReading
from tracker_desktop.ui.idle_dbus import DBusIdleMonitor, ScreenLockWatcher, call
from tracker_desktop.ui.idle_sources import DesktopIdle
from tracker_desktop.ui.notifications import Notifier

FAKE = Path(__file__).with_name("fake_desktop_bus.py")

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="this platform cannot run a D-Bus session bus"
)


class FakeDesktop:
    """The stand-in's bus, and its steering methods."""

    def __init__(self, bus: QDBusConnection) -> None:
        self.bus = bus

    def steer(self, method: str, *arguments: object) -> list[object]:
        reply = call(self.bus, "org.example.FakeDesktop", "/control", "org.example.FakeDesktop",
                     method, *arguments)  # fmt: skip
        assert reply is not None, method
        return reply


@pytest.fixture
def desktop(qapp: QApplication) -> Iterator[FakeDesktop]:
    assert shutil.which("dbus-run-session"), "dbus-run-session is missing (Debian: dbus-daemon)"
    process = subprocess.Popen(
        ["dbus-run-session", "--", sys.executable, str(FAKE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdin is not None
    address = process.stdout.readline().strip()  # printed once the services are up
    assert address.startswith("unix:"), address
    name = f"fake-desktop-{process.pid}"
    bus = QDBusConnection.connectToBus(address, name)
    assert bus.isConnected()
    try:
        yield FakeDesktop(bus)
    finally:
        QDBusConnection.disconnectFromBus(name)
        process.stdin.close()
        process.stdout.close()
        process.wait(timeout=10)


def test_gnome_idle_monitor_gives_idle_time(desktop: FakeDesktop) -> None:
    monitor = DBusIdleMonitor.find(desktop.bus)
    assert monitor is not None
    assert monitor.description == "GNOME's idle monitor"
    desktop.steer("SetIdletime", 754_321)
    assert monitor.read() == IdleReading(timedelta(milliseconds=754_321))
    desktop.steer("SetIdletime", 12)
    assert monitor.read() == IdleReading(timedelta(milliseconds=12))


def test_no_idle_monitor_on_a_bus_without_one(qapp: QApplication, desktop: FakeDesktop) -> None:
    monitor = DBusIdleMonitor(desktop.bus, "Cinnamon", "org.cinnamon.Muffin.IdleMonitor",
                              "/org/cinnamon/Muffin/IdleMonitor/Core",
                              "org.cinnamon.Muffin.IdleMonitor")  # fmt: skip
    assert monitor.read() == IdleReading(None)


def test_the_screen_saver_tells_a_lock_the_moment_it_locks(
    qtbot: QtBot, desktop: FakeDesktop
) -> None:
    watcher = ScreenLockWatcher(desktop.bus, None)
    assert watcher.found == ["org.gnome.ScreenSaver"]
    assert not watcher.locked
    with qtbot.waitSignal(watcher.changed) as locked:
        desktop.steer("SetScreenSaverActive", True)
    assert locked.args == [True]
    assert watcher.locked
    with qtbot.waitSignal(watcher.changed) as unlocked:
        desktop.steer("SetScreenSaverActive", False)
    assert unlocked.args == [False]


def test_logind_locked_hint_tells_a_lock_too(qtbot: QtBot, desktop: FakeDesktop) -> None:
    # The stand-in serves logind on the session bus, given here as the system bus.
    watcher = ScreenLockWatcher(desktop.bus, desktop.bus)
    assert watcher.found == ["org.gnome.ScreenSaver", "logind"]
    with qtbot.waitSignal(watcher.changed) as locked:
        desktop.steer("SetLockedHint", True)
    assert locked.args == [True]
    with qtbot.waitSignal(watcher.changed):
        desktop.steer("SetLockedHint", False)
    assert not watcher.locked


def test_the_desktop_reading_joins_idle_time_and_lock(qtbot: QtBot, desktop: FakeDesktop) -> None:
    monitor = DBusIdleMonitor.find(desktop.bus)
    watcher = ScreenLockWatcher(desktop.bus, None)
    idle = DesktopIdle(monitor, watcher, desktop.bus)
    assert idle.description == ("Time away is told by GNOME's idle monitor, and by screen locks.")
    desktop.steer("SetIdletime", 3000)
    with qtbot.waitSignal(watcher.changed):
        desktop.steer("SetScreenSaverActive", True)
    assert idle.read() == IdleReading(timedelta(seconds=3), locked=True)


def test_a_notification_offers_start_and_its_button_runs_it(
    qtbot: QtBot, desktop: FakeDesktop
) -> None:
    tray = QSystemTrayIcon()
    notifier = Notifier(tray, desktop.bus)
    started: list[str] = []
    notifier.notify("Not tracking — start?", "Working without a session.", "Start",
                    lambda: started.append("start"))  # fmt: skip
    (shown,) = desktop.steer("Shown")[0]  # type: ignore[misc]
    assert shown == "Not tracking — start?|Working without a session.|default|Start|act|Start"
    desktop.steer("InvokeAction", 99, "act")  # another app's notification: not ours
    desktop.steer("InvokeAction", 1, "act")
    qtbot.waitUntil(lambda: started == ["start"])
