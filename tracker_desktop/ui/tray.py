"""The system-tray icon: start/stop, continue a recent task, show the window, quit.

Its menu holds the window's own actions. It is created at start-up even where no tray
exists, and shown only once a tray host is there (at login the host may come late).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from tracker_desktop.core.service import Session
from tracker_desktop.ui.icons import svg_icon
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.project_colors import color_dot, muted_text

# How long to keep looking for a tray host that appears after the app (at login).
HOST_CHECK_INTERVAL_MS = 2000
HOST_CHECKS = 15
ELIDED_CHARACTERS = 40  # about how wide a menu entry may grow


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
        menu.setToolTipsVisible(True)  # the whole of an elided Continue entry
        self.state_item = menu.addAction(translate("Tray", "Not tracking"))
        self.state_item.setObjectName("trayStateItem")
        self.state_item.setEnabled(False)
        self._readable_state(menu)
        menu.addSeparator()
        menu.addAction(start_stop)
        self.continue_menu = menu.addMenu(translate("Tray", "Continue"))
        self.continue_menu.setObjectName("trayContinueMenu")
        menu.addSeparator()
        for action in windows:  # the other windows (Reports)
            menu.addAction(action)
        menu.addAction(show_window)
        menu.addAction(quit_app)
        # Their keys work in the window only: a tray menu that showed them would promise
        # what pressing them there does not do.
        for action in (start_stop, *windows, show_window, quit_app):
            action.setShortcutVisibleInContextMenu(False)
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
            self.state_item.setText(
                translate("Tray", "Not tracking — today {today}").format(today=today)
            )
        else:
            name = running.name or translate("Tray", "Unnamed session")
            self.setToolTip(
                translate("Tray", "{name} — {elapsed}\nToday: {today}").format(
                    name=name, elapsed=elapsed, today=today
                )
            )
            said = translate("Tray", "Running: {name} — {elapsed}").format(
                name=self._elided(name), elapsed=elapsed
            )
            self.state_item.setText(said.replace("&", "&&"))

    def set_recent(self, sessions: list[Session]) -> None:
        """The Continue submenu: one entry per recent name, project and tags, with the
        project's colour dot and label (``Design — Acme ▸ Website #api``)."""
        self.continue_menu.clear()
        for session in sessions:
            text = continue_text(session)
            action = QAction(self._elided(text).replace("&", "&&"), self.continue_menu)
            action.setToolTip(text)
            if session.project is not None:
                action.setIcon(color_dot(session.project.color))
            action.triggered.connect(self._continue_slot(session.id))
            self.continue_menu.addAction(action)
        self.continue_menu.setEnabled(bool(sessions))

    def restyle(self) -> None:
        """For a new palette (a theme chosen)."""
        menu = self.contextMenu()
        if menu is not None:
            menu.setPalette(QPalette())  # back to the application's, then readable again
            self._readable_state(menu)

    @staticmethod
    def _readable_state(menu: QMenu) -> None:
        """The state line is disabled (nothing to click) yet must be read: the menu's
        disabled text in the muted colour, at 4.5:1, instead of the faint default."""
        palette = menu.palette()
        muted = muted_text(QApplication.palette(), QPalette.ColorRole.Window)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
        menu.setPalette(palette)

    def _elided(self, text: str) -> str:
        """``text`` cut with an ellipsis to about 40 characters' width: a long name must
        not make the menu as wide as the screen."""
        metrics = QFontMetrics(self.continue_menu.font())
        width = metrics.averageCharWidth() * ELIDED_CHARACTERS
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

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
