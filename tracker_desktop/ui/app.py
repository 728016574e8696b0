"""Starting the window: the Qt application, logging, the crash handler, the database."""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QSettings,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from tracker_desktop import __version__
from tracker_desktop.core.clock import local_zone
from tracker_desktop.core.errors import InvalidInputError, StorageError
from tracker_desktop.core.files import check_file, check_folder, is_regular_file
from tracker_desktop.core.layout import (
    GUI_LOCK_FILENAME,
    LOG_FILENAME,
    SETTINGS_FILENAME,
    default_data_dir,
    ensure_folder,
)
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import Storage, open_storage
from tracker_desktop.ui.first_paint import FirstPaint
from tracker_desktop.ui.language import install_translators, translate
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.single_instance import InstanceGuard
from tracker_desktop.ui.window_shell import APP_TITLE

log = logging.getLogger(__name__)
LOG_MAX_BYTES = 1_000_000
EXIT_AFTER_PAINT_VARIABLE = "TRACKER_DESKTOP_EXIT_AFTER_PAINT"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def _setup_logging(data_dir: Path) -> None:
    """Warnings to stderr, everything from INFO up to a small log file in the folder (the
    previous one kept as ``.1`` once it passes a megabyte)."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    root.addHandler(console)
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        log_file = data_dir / LOG_FILENAME
        if log_file.exists() and not is_regular_file(log_file):
            # Opening a FIFO put there would hang the start: no log file then.
            log.warning("%s is not a regular file; logging to the terminal only", log_file)
            return
        # Rotated once per start rather than by logging.handlers, whose import (sockets,
        # pickle, queues) costs start-up time; one session never writes a megabyte.
        if log_file.exists() and log_file.stat().st_size > LOG_MAX_BYTES:
            os.replace(log_file, log_file.with_name(f"{LOG_FILENAME}.1"))
        file_handler = logging.FileHandler(log_file, encoding="utf-8")
        file_handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        root.addHandler(file_handler)
    except OSError:
        pass  # the database check below reports an unusable folder to the user


def _excepthook(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """A bug: log it and tell the user, instead of vanishing or printing to nowhere."""
    log.critical("unexpected error", exc_info=(kind, error, trace))
    details = "".join(traceback.format_exception(kind, error, trace))
    from PySide6.QtWidgets import QMessageBox  # like every message box here: when needed

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        APP_TITLE,
        translate(
            "App",
            "Something went wrong inside Tracker Desktop. Your sessions are safe: every "
            "change is saved the moment it is made.",
        ),
    )
    box.setDetailedText(details)
    box.exec()


def cannot_start(error: object) -> str:
    return translate("App", "Tracker Desktop cannot start.\n\n{error}").format(error=error)


def _no_display() -> bool:
    """On Linux and BSD without a display server Qt would abort with a cryptic message."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(data_dir: Path | None) -> int:
    """Opens the main window on ``data_dir`` (default: the user's data folder)."""
    folder = data_dir or default_data_dir()
    if _no_display():
        print(
            "tracker-desktop: no display to open the window on (DISPLAY and WAYLAND_DISPLAY "
            "are unset). Commands such as 'tracker-desktop status' work without one; "
            "see 'tracker-desktop --help'.",
            file=sys.stderr,
        )
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("tracker-desktop")
    _setup_logging(folder)
    install_translators(app)
    previous_handler = qInstallMessageHandler(_qt_message)
    previous_hook, sys.excepthook = sys.excepthook, _excepthook
    try:
        return _open_window_and_run(app, folder)
    finally:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)


def _check_folder(folder: Path) -> list[str]:
    """The data folder and the window's own files in it, before anything opens them: the
    user's own, private, and regular files (a FIFO named ``gui.lock`` or ``window.ini``
    would hang Qt's lock or settings). Returns what was made private again."""
    ensure_folder(folder)
    notes = check_folder(folder)
    for name in (GUI_LOCK_FILENAME, SETTINGS_FILENAME):
        notes += check_file(folder / name)
    return notes


def _open_window_and_run(app: QApplication, folder: Path) -> int:
    try:
        notes = _check_folder(folder)
    except StorageError as error:
        log.error("cannot use the data folder: %s", error)
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_TITLE, cannot_start(error))
        return StorageError.exit_code
    guard = InstanceGuard(folder)
    held_elsewhere = guard.acquire() is False and guard.held_by_another_process()
    if held_elsewhere:
        from PySide6.QtWidgets import QMessageBox

        if guard.ask_running_instance_to_show():
            log.info("Tracker Desktop already runs on %s; asked it to show itself", folder)
            return 0
        QMessageBox.warning(
            None,
            APP_TITLE,
            translate(
                "App",
                "Tracker Desktop is already running on {folder}, but it does not answer.\n\n"
                "Close it (or end it in the system monitor) and try again.",
            ).format(folder=folder),
        )
        return 1
    try:
        return _run_window(app, folder, guard, notes)
    finally:
        guard.release()


def open_or_recover(folder: Path) -> Storage | None:
    """Opens the folder's database; when it is damaged, offers to restore the newest good
    backup or to start afresh (the bad file is moved aside, never deleted)."""
    while True:
        try:
            return open_storage(folder)
        except StorageError as error:
            log.error("cannot open the database: %s", error)
            from PySide6.QtWidgets import QMessageBox

            if not error.damaged:
                QMessageBox.critical(None, APP_TITLE, cannot_start(error))
                return None
            from tracker_desktop.core import backups, storage  # deferred: only when damaged
            from tracker_desktop.ui.recovery import Recovery, RecoveryDialog

            newest = backups.newest_good_backup(folder)
            choice = RecoveryDialog.ask(None, str(error), newest, local_zone())
            try:
                if choice is Recovery.RESTORE and newest is not None:
                    restored = backups.restore(folder, newest.path)
                    log.info("restored %s; kept %s", restored.backup, restored.kept_aside)
                elif choice is Recovery.FRESH:
                    log.info("moved the damaged file aside to %s", storage.set_aside(folder))
                else:
                    return None
            except StorageError as failure:
                QMessageBox.critical(
                    None,
                    APP_TITLE,
                    translate("App", "Recovery failed.\n\n{error}").format(error=failure),
                )
                return None


def _run_window(app: QApplication, folder: Path, guard: InstanceGuard, notes: list[str]) -> int:
    storage = open_or_recover(folder)
    if storage is None:
        return StorageError.exit_code
    try:
        tracker = Tracker(storage)
    except InvalidInputError as error:  # a TZ no zone has
        storage.close()
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_TITLE, cannot_start(error))
        return InvalidInputError.exit_code
    notes = [*notes, *storage.notes]
    try:
        settings = QSettings(str(folder / SETTINGS_FILENAME), QSettings.Format.IniFormat)
        window = MainWindow(tracker, settings)
        painted = FirstPaint(window).painted
        exit_after_paint = os.environ.get(EXIT_AFTER_PAINT_VARIABLE)
        if exit_after_paint is not None:
            painted.connect(lambda: _report_first_paint(app, exit_after_paint))
        if exit_after_paint != "1":
            # What can wait, waits until the window is on screen.
            painted.connect(lambda: _after_first_paint(app, window, guard, notes))
            if exit_after_paint == "settled":
                painted.connect(app.quit, Qt.ConnectionType.QueuedConnection)
        window.show()
        return app.exec()
    finally:
        tracker.storage.close()  # the window may have reopened it (restore)


def _after_first_paint(
    app: QApplication, window: MainWindow, guard: InstanceGuard, notes: list[str]
) -> None:
    from tracker_desktop.ui.icons import app_icon  # its SVG rendering loads QtSvg

    app.setWindowIcon(app_icon())
    window.finish_after_first_paint()
    if notes:  # files of the folder that were made private again
        window.messages.show_error(". ".join(note[:1].upper() + note[1:] for note in notes) + ".")
    guard.listen(window.show_and_raise)
    window.show_tray_when_possible()
    window.check_gap_since_last_run()
    window.start_upkeep()


def _report_first_paint(app: QApplication, mode: str) -> None:
    """With ``TRACKER_DESKTOP_EXIT_AFTER_PAINT`` set, the app prints the wall-clock time of
    the window's first paint, for the start-up benchmarks. ``1`` quits at once, before
    the work that waits for the first paint; ``settled`` quits right after that work
    (tray, app icon, instance socket, upkeep started), to measure its memory too."""
    print(f"first paint at {time.time():.6f}", flush=True)
    if mode == "1":
        app.quit()
