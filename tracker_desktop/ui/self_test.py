"""``tracker-desktop --self-test``: proves that an installed build works, on throw-away data.

It opens a database in a new temporary folder (never the user's data folder), starts,
renames and stops a session through the real service, builds the main window with its
tray icon (checking the tray menu holds the window's actions), shows the window until it
has painted, and prints one JSON line: ``{"ok": true, ...}`` and exit status 0, or
``{"ok": false, "error": ...}`` and exit status 1. Installers and CI run it against the
frozen build.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
from datetime import timedelta
from importlib import resources
from pathlib import Path
from typing import TextIO

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QLibraryInfo,
    QMessageLogContext,
    QSettings,
    QSize,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QAction, QColor, QGuiApplication
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QTableView

from tracker_desktop import APP_NAME, __version__
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import open_storage
from tracker_desktop.ui.first_paint import FirstPaint
from tracker_desktop.ui.icons import MASK_PIXELS, WINDOW_ICONS, app_icon, tinted_icon
from tracker_desktop.ui.language import CATALOG, translations_folder
from tracker_desktop.ui.main_window import MainWindow

SESSION_NAME = "Self-test"
RENAMED = "Self-test (renamed)"
TRAY_ACTIONS = ("actionStartStop", "actionShowWindow", "actionQuit")
PAINT_TIMEOUT_MS = 15_000


class SelfTestFailure(Exception):
    """A check that did not hold."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def run_self_test(temp_parent: Path | None = None, out: TextIO | None = None) -> int:
    """Runs every check and prints the JSON summary to ``out`` (default: stdout).

    ``temp_parent`` is where the throw-away folder is made (default: the system's temp
    folder). Returns the exit status.
    """
    report: dict[str, object] = {"ok": False, "version": __version__}
    warnings: list[str] = []
    error: BaseException | None = None
    try:
        report.update(_run(temp_parent, warnings))
        report["ok"] = True
    except Exception as caught:  # every failure, expected or not, is the test's result
        error = caught
        report["error"] = f"{type(caught).__name__}: {caught}"
    report["qt_warnings"] = warnings
    stream = out or sys.stdout
    if stream is not None:  # a windowed Windows build may have no stdout at all
        print(json.dumps(report, ensure_ascii=False), file=stream, flush=True)
    if error is not None:
        if sys.stderr is not None:
            print(f"{APP_NAME}: self-test failed: {report['error']}", file=sys.stderr)
        return 1
    return 0


def _run(temp_parent: Path | None, warnings: list[str]) -> dict[str, object]:
    app = _application()

    def collect(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg and kind != QtMsgType.QtInfoMsg:
            warnings.append(message)

    previous_handler = qInstallMessageHandler(collect)
    try:
        with tempfile.TemporaryDirectory(prefix=f"{APP_NAME}-self-test-", dir=temp_parent) as temp:
            folder = Path(temp)
            storage = open_storage(folder / "data")
            try:
                tracker = Tracker(storage)
                sessions = _exercise_service(tracker)
                window_report = _exercise_window(app, tracker, folder)
            finally:
                storage.close()
    finally:
        qInstallMessageHandler(previous_handler)
    return {
        "qt": qVersion(),
        "pyside": pyside_version,
        "python": platform.python_version(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "platform": QGuiApplication.platformName(),
        "sessions": sessions,
        "icons": _check_icons(),
        "translations": _check_translations(),
        **window_report,
    }


def _application() -> QApplication:
    existing = QApplication.instance()
    if existing is not None:
        if not isinstance(existing, QApplication):
            raise SelfTestFailure("a Qt application without widgets is already running")
        return existing
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        # No display at all (a server, a container): test everything but the screen.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication([sys.argv[0] if sys.argv else APP_NAME])


def _exercise_service(tracker: Tracker) -> int:
    """Start, rename, stop; returns how many sessions the database then holds."""
    started = tracker.start(SESSION_NAME).started
    _check(started.name == SESSION_NAME and started.running, "start did not start a session")
    renamed = tracker.rename(RENAMED)
    _check(renamed.id == started.id and renamed.name == RENAMED, "rename did not rename it")
    stopped = tracker.stop()
    _check(stopped.id == started.id and stopped.end is not None, "stop did not stop it")
    _check(tracker.running() is None, "a session still runs after stop")
    day = timedelta(days=1)
    sessions = tracker.sessions_between(stopped.start - day, tracker.now() + day)
    _check(
        [(s.id, s.name) for s in sessions] == [(started.id, RENAMED)],
        f"the database holds {len(sessions)} sessions instead of the one saved",
    )
    return len(sessions)


def _exercise_window(app: QApplication, tracker: Tracker, folder: Path) -> dict[str, object]:
    """Builds the main window (with its tray icon and menu) and shows it until it paints."""
    settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(tracker, settings)
    window.finish_after_first_paint()
    try:
        _check(window.objectName() == "mainWindow", "the main window has no object name")
        tray = window.findChild(QSystemTrayIcon, "trayIcon")
        if tray is None:
            raise SelfTestFailure("the main window has no trayIcon")
        menu = tray.contextMenu()
        if menu is None:
            raise SelfTestFailure("the tray icon has no menu")
        tray_menu = [action.objectName() for action in menu.actions() if action.objectName()]
        for name in TRAY_ACTIONS:
            action = window.findChild(QAction, name)
            _check(action is not None, f"the main window has no {name}")
            _check(action in menu.actions(), f"the tray menu lacks {name} (it holds {tray_menu})")
        table = window.findChild(QTableView, "sessionsTable")
        if table is None:
            raise SelfTestFailure("the main window has no sessionsTable")
        _check(table.model().rowCount() >= 1, "the window does not show the saved session")
        _check(not app_icon().isNull(), "the application icon is empty")

        first_paint = FirstPaint(window)
        loop = QEventLoop()
        timeout = QTimer(singleShot=True, interval=PAINT_TIMEOUT_MS)
        timeout.timeout.connect(loop.quit)
        first_paint.painted.connect(loop.quit)
        window.show()
        if not first_paint.done:
            timeout.start()
            loop.exec()
            timeout.stop()
        QCoreApplication.processEvents()
        _check(first_paint.done, f"the window did not paint within {PAINT_TIMEOUT_MS} ms")
        window.close()
        return {
            "painted": True,
            "tray_menu": tray_menu,
            "tray_available": QSystemTrayIcon.isSystemTrayAvailable(),
        }
    finally:
        window.close()
        window.deleteLater()
        # Delete them now, while the database they read is still open.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _check_icons() -> int:
    """Every packaged SVG icon, read through importlib.resources and parsed by Qt, and
    every mask of the window's icons, tinted; returns how many icons were checked."""
    folder = resources.files("tracker_desktop.ui") / "icons"
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".svg"))
    _check(bool(names), "no icons are packaged")
    for name in names:
        renderer = QSvgRenderer(QByteArray((folder / name).read_bytes()))
        _check(renderer.isValid(), f"icon {name} is not a valid SVG")
    for icon in WINDOW_ICONS:
        sizes = tinted_icon(icon, QColor("black")).availableSizes()
        for pixels in MASK_PIXELS:
            _check(QSize(pixels, pixels) in sizes, f"icon {icon} at {pixels} px is missing")
    return len(names) + len(WINDOW_ICONS) * len(MASK_PIXELS)


def _check_translations() -> list[str]:
    """Every packaged translation, and Qt's own for its language, loads and holds
    texts; returns their languages."""
    languages = []
    packaged = resources.files("tracker_desktop.ui") / "translations"
    _check(Path(str(packaged)) == Path(translations_folder()), "translations are not where loaded")
    for entry in packaged.iterdir():
        if entry.name.startswith("tracker_desktop_") and entry.name.endswith(".qm"):
            languages.append(entry.name.removeprefix("tracker_desktop_").removesuffix(".qm"))
    _check(bool(languages), "no translations are packaged")
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in sorted(languages):
        for name, folder in ((CATALOG, translations_folder()), ("qtbase", qt_folder)):
            translator = QTranslator()
            loaded = translator.load(f"{name}_{language}", folder) and not translator.isEmpty()
            _check(loaded, f"the {language} translation {name}_{language}.qm is missing or empty")
    return sorted(languages)
