"""The main window's shell: where the parts sit, the menus made from the actions, the
remembered geometry, the title, and closing to the tray."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.session_cells import UNNAMED

if TYPE_CHECKING:
    from tracker_desktop.ui.actions import Actions
    from tracker_desktop.ui.help_dialogs import AboutDialog, ShortcutsDialog
    from tracker_desktop.ui.live_state import Totals
    from tracker_desktop.ui.settings import WindowSettings
    from tracker_desktop.ui.tray import TrayIcon

APP_TITLE = "Tracker Desktop"


class Restyled(Protocol):
    """A part whose colours are derived from the palette."""

    def restyle(self) -> None: ...


DEFAULT_SIZE = (900, 600)
MINIMUM_SIZE = (560, 400)
# The widest the content grows (centred beyond): on a maximised large screen the times
# stay near the names they belong to, and the eye never crosses 1,900 pixels.
CONTENT_WIDTH = 1280
SIDE_MARGIN = 16
CLOSE_HINT_MS = 5000


class WindowShell(QMainWindow):
    """The window (``mainWindow``) around the parts it is given."""

    close_requested = Signal()  # closing, or hiding to the tray: a typed name is saved first
    closed = Signal()  # really closing (not hidden to the tray)

    def __init__(self, settings: WindowSettings) -> None:
        if settings.theme != "system":  # the system's palette costs nothing
            from tracker_desktop.ui.theme import apply_theme

            apply_theme(settings.theme)
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.statusBar().setSizeGripEnabled(True)
        self._settings = settings
        self._quitting = False
        self.tray: TrayIcon | None = None
        self.data_dir: Path | None = None  # where the data is kept, for About
        self._shortcuts: ShortcutsDialog | None = None
        self._about: AboutDialog | None = None
        self.restyled: list[Restyled] = []  # the parts coloured from the palette

    def lay_out(
        self,
        timer_bar: QWidget,
        banner: QWidget,
        period_bar: QWidget,
        filter_bar: QWidget,
        sessions: QWidget,
    ) -> None:
        """Top to bottom: the timer bar, the message banner, a line, the period bar, the
        filter, and the sessions in the height that is left."""
        central = QWidget(self)
        central.installEventFilter(self)  # its side margins follow its width
        layout = QVBoxLayout(central)
        layout.setContentsMargins(SIDE_MARGIN, 14, SIDE_MARGIN, 8)
        layout.setSpacing(12)
        layout.addWidget(timer_bar)
        layout.addWidget(banner)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addWidget(period_bar)
        layout.addWidget(filter_bar)
        layout.addWidget(sessions, 1)
        self.setCentralWidget(central)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        if event.type() == QEvent.Type.Resize and watched is central and layout is not None:
            side = max(SIDE_MARGIN, (central.width() - CONTENT_WIDTH) // 2)
            margins = layout.contentsMargins()
            if margins.left() != side:
                layout.setContentsMargins(side, margins.top(), side, margins.bottom())
        return False

    def build_menus(self, actions: Actions) -> QMenu:
        """File, Session, Edit, View and Help; returns the File menu (Start at Login joins
        it after the first paint)."""
        self.addActions(actions.window_wide())  # shortcuts work even without the menu bar
        menus: tuple[tuple[str, list[QAction | None]], ...] = (
            (
                translate("WindowShell", "&File"),
                [
                    actions.import_file,
                    actions.export,
                    None,
                    actions.backup,
                    actions.restore,
                    None,
                    actions.quit,
                ],
            ),
            (
                translate("WindowShell", "&Session"),
                [
                    actions.focus_name,
                    actions.start_stop,
                    actions.continue_session,
                    actions.discard,
                    None,
                    actions.choose_project,
                    actions.choose_tags,
                    None,
                    actions.add,
                ],
            ),
            (
                translate("WindowShell", "&Edit"),
                [
                    actions.undo,
                    actions.redo,
                    None,
                    actions.edit,
                    actions.rename,
                    actions.delete,
                    None,
                    actions.preferences,
                ],
            ),
            (
                translate("WindowShell", "&View"),
                [
                    *actions.period_kinds.values(),
                    None,
                    actions.previous,
                    actions.next,
                    actions.current,
                    None,
                    actions.filter,
                    None,
                    actions.show_projects,
                    actions.show_reports,
                ],
            ),
            (translate("WindowShell", "&Help"), [actions.shortcuts, None, actions.about]),
        )
        made = []
        for title, entries in menus:
            menu = self.menuBar().addMenu(title)
            for action in entries:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
            made.append(menu)
        actions.shortcuts.triggered.connect(self.show_shortcuts)
        actions.about.triggered.connect(self.show_about)
        return made[0]

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard Shortcuts (F1): every shortcut of the menus, read from them."""
        from tracker_desktop.ui.help_dialogs import ShortcutsDialog  # made on first use

        if self._shortcuts is None:
            self._shortcuts = ShortcutsDialog(self.menuBar(), self)
        bring_up(self._shortcuts, self._shortcuts.read)

    def show_about(self) -> None:
        """Help ▸ About: the version and where the data is kept."""
        from tracker_desktop.ui.help_dialogs import AboutDialog  # made on first use

        if self._about is None:
            self._about = AboutDialog(self.data_dir, self)
        bring_up(self._about, lambda: None)

    def set_theme(self, theme: str) -> None:
        """Preferences ▸ Theme: applied at once, and remembered."""
        from tracker_desktop.ui.theme import apply_theme

        self._settings.theme = theme
        apply_theme(theme)

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (a theme chosen, or the system's changed): the colours derived
        from it follow."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for part in self.restyled:
                part.restyle()

    def restore_geometry(self) -> None:
        """The size and place of the window when it was last closed, else the default."""
        geometry = self._settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)

    def set_tray(self, tray: TrayIcon) -> None:
        """From when ``tray`` is shown, closing the window hides it; Quit quits."""
        self.tray = tray
        self.restyled.append(tray)
        tray.host_appeared = self._on_tray_host_appeared

    def show_totals(self, totals: Totals) -> None:
        """While a session runs, the title says its name and time."""
        running = totals.running
        if running is None:
            self.setWindowTitle(APP_TITLE)
        else:
            name = running.name or translate("SessionCells", UNNAMED)
            self.setWindowTitle(f"{name} — {format_duration(totals.elapsed)}")

    def show_and_raise(self) -> None:
        """Brings the window to the front (from the tray, or for a second launch)."""
        self.show()
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit(self) -> None:
        """Closes the window and quits, even when a tray icon would keep it."""
        self._quitting = True
        self.close()
        QApplication.quit()

    def _on_tray_host_appeared(self) -> None:
        QApplication.setQuitOnLastWindowClosed(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_requested.emit()
        tray = self.tray
        if tray is not None and tray.available and not self._quitting:
            # With a tray, closing hides the window; the tray's Quit quits.
            event.ignore()
            self.hide()
            if not self._settings.close_hint_shown:
                from PySide6.QtWidgets import QSystemTrayIcon

                tray.showMessage(
                    APP_TITLE,
                    translate(
                        "WindowShell", "Still running in the tray. Use Quit in its menu to quit."
                    ),
                    QSystemTrayIcon.MessageIcon.Information,
                    CLOSE_HINT_MS,
                )
                self._settings.close_hint_shown = True
            return
        self.closed.emit()
        self._settings.geometry = self.saveGeometry()
        self._settings.sync()
        super().closeEvent(event)


def bring_up(window: QWidget, read: Callable[[], object]) -> None:
    """Reads what ``window`` shows afresh and brings it to the front (the main window's
    Projects and Reports windows, and its Preferences)."""
    read()
    window.show()
    window.raise_()
    window.activateWindow()
