"""The window against the outside world: the CLI's numbers, crashes, unusable files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QToolButton

from tests.support import FakeClock
from tests.ui.conftest import WindowFactory, trigger
from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui import app as gui_app
from tracker_desktop.ui.recovery import RecoveryDialog


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TZ": "Europe/Berlin"}
    return subprocess.run(
        [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_window_total_equals_cli_total_across_a_dst_week(
    tracker: Tracker, clock: FakeClock, make_window: WindowFactory, data_dir: Path
) -> None:
    # The week of Sunday 25 Oct 2026, when Berlin's clocks go back (a 25-hour day).
    tracker.start("Before the change", at=local("2026-10-24T23:00:00+02:00"))
    tracker.stop(at=local("2026-10-25T03:00:00+01:00"))  # 5 real hours
    tracker.start("Sunday evening", at=local("2026-10-25T20:00:00+01:00"))
    tracker.stop(at=local("2026-10-26T01:30:00+01:00"))
    tracker.start("Monday before", at=local("2026-10-19T07:00:00+02:00"))
    tracker.stop(at=local("2026-10-19T08:00:00+02:00"))
    clock.set(local("2026-10-25T21:00:00+01:00"))
    window = make_window()
    trigger(window, "actionShowWeek")

    result = run_cli(data_dir, "list", "--period", "week", "--date", "2026-10-25", "--json")
    assert result.returncode == 0, result.stderr
    cli_total = json.loads(result.stdout)["total_seconds"]
    # Mon 19 Oct: 1 h; Sat 24 – Sun 25: 5 h; Sun 25 – Mon 26 (week ends at midnight): 4 h.
    assert cli_total == 10 * 3600
    shown = window.findChild(QLabel, "periodTotalLabel").text()
    assert shown == f"Total {format_duration(timedelta(seconds=cli_total))}"


CRASH_SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication, QLineEdit
    from tracker_desktop.core.service import Tracker
    from tracker_desktop.core.storage import open_storage
    from tracker_desktop.ui.main_window import MainWindow

    app = QApplication([])
    folder = Path(sys.argv[1])
    settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Tracker(open_storage(folder)), settings)
    window.show()
    window.findChild(QLineEdit, "sessionNameEdit").setText("Killed mid-session")
    window.findChild(QAction, "actionStartStop").trigger()
    print("started", flush=True)
    app.exec()
    """
)


def test_a_session_survives_sigkill_of_the_window(
    data_dir: Path, make_window: WindowFactory, tracker: Tracker
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", CRASH_SCRIPT, str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "TZ": "Europe/Berlin"},
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "started"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if process.stdout:
            process.stdout.close()
    assert process.returncode == -signal.SIGKILL

    running = tracker.running()
    assert running is not None
    assert running.name == "Killed mid-session"
    window = make_window()
    assert window.findChild(QLineEdit, "sessionNameEdit").text() == "Killed mid-session"
    assert window.findChild(QToolButton, "startStopButton").text() == "Stop"


def test_an_unusable_database_is_explained_and_left_untouched(
    qapp: object, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir(parents=True)
    corrupt = data_dir / "tracker.db"
    corrupt.write_bytes(b"this is not a database\n" * 100)
    before = corrupt.read_bytes()
    shown: list[str] = []

    def decline(cls: type, parent: object, problem: str, newest: object, zone: object) -> None:
        shown.append(problem)

    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(decline))

    assert gui_app.run_gui(data_dir) == 3
    assert len(shown) == 1
    assert str(corrupt) in shown[0]
    assert "not a SQLite database" in shown[0]
    assert corrupt.read_bytes() == before


def test_without_a_display_the_window_explains_instead_of_aborting(data_dir: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    result = subprocess.run(
        [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "no display" in result.stderr
    assert "Traceback" not in result.stderr
    assert not data_dir.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
@pytest.mark.parametrize("name", ["gui.lock", "window.ini"])
def test_a_fifo_among_the_windows_files_is_explained_not_waited_on(
    qapp: object, data_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    data_dir.mkdir(parents=True, mode=0o700)
    os.mkfifo(data_dir / name)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert gui_app.run_gui(data_dir) == 3
    assert len(shown) == 1
    assert name in shown[0]
    assert "FIFO" in shown[0]


def test_a_time_zone_no_zone_has_is_explained(
    qapp: object, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setenv("TZ", "UTC+24")
    time.tzset()  # the C library reads TZ again (the zone falls back to it)
    try:
        assert gui_app.run_gui(data_dir) == 2
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert len(shown) == 1
    assert "UTC+24" in shown[0]
