"""The system-tray icon: start/stop, continue a recent task, show the window, quit.

Its menu holds the window's own actions. It is created at start-up even where no tray
exists, and shown only once a tray host is there (at login the host may come late).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from tracker_desktop.core.service import Session
from tracker_desktop.ui.icons import svg_icon
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.project_colors import color_dot

# How long to keep looking for a tray host that appears after the app (at login).
HOST_CHECK_INTERVAL_MS = 2000
HOST_CHECKS = 15


class TrayIcon(QSystemTrayIcon):
    """The tray icon of the window ``parent``; ``available`` tells whether a tray shows
    it. Clicking it triggers ``show_window``; its Continue menu calls ``continue_from``;
    ``windows`` open other windows from its menu."""

    def __init__(
        self,
        parent: QWidget,
        start_stop: QAction,
        show_window: QAction,
        quit_app: QAction,
        continue_from: Callable[[int], None],
        windows: tuple[QAction, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trayIcon")
        self._continue_from = continue_from
        # Drawn from SVG once the tray is about to show (after the window's first paint).
        self._running = False
        self._icon_shown = False

        menu = QMenu(parent)
        menu.setObjectName("trayMenu")
        menu.addAction(start_stop)
        self.continue_menu = menu.addMenu(translate("Tray", "Continue"))
        self.continue_menu.setObjectName("trayContinueMenu")
        menu.addSeparator()
        for action in windows:  # the other windows (Reports)
            menu.addAction(action)
        menu.addAction(show_window)
        menu.addAction(quit_app)
        self.setContextMenu(menu)
        self.activated.connect(self._on_activated)
        self._show_window = show_window

        self._host_checks = 0
        self._host_timer = QTimer(self)
        self._host_timer.setObjectName("trayHostTimer")
        self._host_timer.setInterval(HOST_CHECK_INTERVAL_MS)
        self._host_timer.timeout.connect(self._on_host_timer_timeout)
        self.host_appeared: Callable[[], None] = lambda: None

    @property
    def available(self) -> bool:
        return self.isVisible()

    def show_when_possible(self) -> None:
        """Shows the icon now if a tray host exists, else keeps checking for a while."""
        self._icon_shown = True
        self._show_state_icon()
        if not self._try_show():
            self._host_timer.start()

    def _show_state_icon(self) -> None:
        self.setIcon(svg_icon("tray-running" if self._running else "tray-idle"))

    def _try_show(self) -> bool:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        self.show()
        self.host_appeared()
        return True

    def _on_host_timer_timeout(self) -> None:
        self._host_checks += 1
        if self._try_show() or self._host_checks >= HOST_CHECKS:
            self._host_timer.stop()

    def update_state(self, running: Session | None, elapsed: str, today: str) -> None:
        """Icon and tooltip: what runs, for how long, and today's total."""
        self._running = running is not None
        if self._icon_shown:
            self._show_state_icon()
        if running is None:
            self.setToolTip(
                translate("Tray", "Tracker Desktop — not tracking\nToday: {today}").format(
                    today=today
                )
            )
        else:
            name = running.name or translate("Tray", "Unnamed session")
            self.setToolTip(
                translate("Tray", "{name} — {elapsed}\nToday: {today}").format(
                    name=name, elapsed=elapsed, today=today
                )
            )

    def set_recent(self, sessions: list[Session]) -> None:
        """The Continue submenu: one entry per recent name, project and tags, with the
        project's colour dot and label (``Design — Acme ▸ Website #api``)."""
        self.continue_menu.clear()
        for session in sessions:
            action = QAction(continue_text(session).replace("&", "&&"), self.continue_menu)
            if session.project is not None:
                action.setIcon(color_dot(session.project.color))
            action.triggered.connect(self._continue_slot(session.id))
            self.continue_menu.addAction(action)
        self.continue_menu.setEnabled(bool(sessions))

    def _continue_slot(self, session_id: int) -> Callable[[], None]:
        return lambda: self._continue_from(session_id)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self._show_window.trigger()


def continue_text(session: Session) -> str:
    """A recent session as the Continue menu names it."""
    labels = [session.project.label] if session.project else []
    labels += [f"#{tag}" for tag in session.tags]
    return " — ".join([session.name, " ".join(labels)]) if labels else session.name
