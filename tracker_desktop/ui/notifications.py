"""Desktop notifications with one action: through the freedesktop notification service
where there is one (Linux desktops show the action as a button), else the tray icon's
message (Windows, macOS, or no service), where clicking the message is the action.

The service's ``Notify`` takes a uint32 that PySide6 cannot write into a plain D-Bus
message; calling it through a QDBusInterface, which knows the types from introspection,
can.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QObject, Qt, Slot
from PySide6.QtWidgets import QSystemTrayIcon

from tracker_desktop.ui.language import translate

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection, QDBusInterface

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
TIMEOUT_MS = 300
SHOWN_MS = 10_000
APP_NAME = "Tracker Desktop"


class Notifier(QObject):
    """Shows one notification at a time (a new one replaces the last); ``notify``'s
    ``on_action`` runs when its action is chosen."""

    def __init__(
        self, tray: QSystemTrayIcon, bus: QDBusConnection | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._tray = tray
        self._bus = bus
        self._service: QDBusInterface | None = None
        self._last_id = 0
        self._on_action: Callable[[], None] | None = None
        tray.messageClicked.connect(self._on_tray_message_clicked)

    def notify(self, title: str, text: str, action: str, on_action: Callable[[], None]) -> None:
        """Shows ``title`` and ``text`` with the action ``action``."""
        self._on_action = on_action
        if self._notify_over_dbus(title, text, action):
            return
        self._tray.showMessage(
            title,
            translate("Notifications", "{text}\n{action}: click here.").format(
                text=text, action=action
            ),
            QSystemTrayIcon.MessageIcon.Information,
            SHOWN_MS,
        )

    def _notify_over_dbus(self, title: str, text: str, action: str) -> bool:
        service = self._notification_service()
        if service is None:
            return False
        actions = ["default", action, "act", action]
        ok = QMetaObject.invokeMethod(
            service, "Notify", Qt.ConnectionType.DirectConnection, Q_RETURN_ARG("uint"),
            Q_ARG(str, APP_NAME), Q_ARG("uint", self._last_id), Q_ARG(str, "tracker-desktop"),
            Q_ARG(str, title), Q_ARG(str, text), Q_ARG("QStringList", actions),
            Q_ARG("QVariantMap", {}), Q_ARG(int, SHOWN_MS),
        )  # fmt: skip
        if not isinstance(ok, int) or isinstance(ok, bool) or ok == 0:
            log.info("the notification service refused a notification: %s", ok)
            return False
        self._last_id = ok
        return True

    def _notification_service(self) -> QDBusInterface | None:
        """The notification service, asked once what it offers (None where there is
        none)."""
        if self._service is None and self._bus is not None:
            from PySide6.QtDBus import QDBusInterface

            from tracker_desktop.ui.idle_dbus import registered, slot

            if not registered(self._bus, SERVICE):
                return None
            service = QDBusInterface(SERVICE, PATH, SERVICE, self._bus, self)
            service.setTimeout(TIMEOUT_MS)
            if not service.isValid():
                return None
            self._bus.connect(
                SERVICE,
                PATH,
                SERVICE,
                "ActionInvoked",
                self,
                slot("_on_action_invoked(uint,QString)"),
            )
            self._service = service
        return self._service

    @Slot("uint", str)
    def _on_action_invoked(self, notification: int, key: str) -> None:
        if notification == self._last_id and key in ("default", "act"):
            self._run_action()

    def _on_tray_message_clicked(self) -> None:
        self._run_action()

    def _run_action(self) -> None:
        action, self._on_action = self._on_action, None
        if action is not None:
            action()
