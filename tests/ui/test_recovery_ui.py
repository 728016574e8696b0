"""Backups and recovery from the window: guided recovery at start-up, Back Up Now,
Restore from Backup, and the start-up integrity check with the day's backup."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import child, name_edit, trigger
from tracker_desktop.core.layout import DATABASE_FILENAME, Backup, list_backups
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import APPLICATION_ID, make_backup, open_storage
from tracker_desktop.ui import app as gui_app
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.recovery import Recovery, RecoveryDialog, RestoreDialog

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
GARBAGE = b"not a database at all\n" * 50


def rows(path: Path) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path)
    try:
        return [tuple(r) for r in connection.execute("SELECT * FROM session ORDER BY id")]
    finally:
        connection.close()


@pytest.fixture
def backed_up_then_damaged(data_dir: Path) -> Path:
    """A folder whose database was backed up, then overwritten with garbage."""
    storage = open_storage(data_dir)
    Tracker(storage).add("Saved in the backup", NOW - 2 * HOUR, NOW - HOUR)
    storage.close()
    backup = make_backup(data_dir, "daily", NOW)
    (data_dir / DATABASE_FILENAME).write_bytes(GARBAGE)
    return backup.path


def kept_aside(data_dir: Path) -> Path:
    """The one database moved aside (its -wal and -shm companions travel with it)."""
    (kept,) = [
        p
        for p in data_dir.glob(f"{DATABASE_FILENAME}.replaced-*")
        if not p.name.endswith(("-wal", "-shm"))
    ]
    return kept


def answer_recovery(monkeypatch: pytest.MonkeyPatch, choice: Recovery | None) -> list[str]:
    asked: list[str] = []

    def ask(cls: type, parent: object, problem: str, newest: object, zone: object) -> Any:
        asked.append(problem)
        return choice

    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(ask))
    return asked


def test_recovery_restores_the_newest_good_backup_and_keeps_the_bad_file(
    qapp: object, monkeypatch: pytest.MonkeyPatch, data_dir: Path, backed_up_then_damaged: Path
) -> None:
    asked = answer_recovery(monkeypatch, Recovery.RESTORE)
    storage = gui_app.open_or_recover(data_dir)
    assert storage is not None
    try:
        assert [s.name for s in Tracker(storage).sessions_between(NOW - 5 * HOUR, NOW)] == [
            "Saved in the backup"
        ]
    finally:
        storage.close()
    assert str(data_dir / DATABASE_FILENAME) in asked[0]
    assert kept_aside(data_dir).read_bytes() == GARBAGE


def test_recovery_can_start_afresh_and_keeps_the_bad_file(
    qapp: object, monkeypatch: pytest.MonkeyPatch, data_dir: Path, backed_up_then_damaged: Path
) -> None:
    answer_recovery(monkeypatch, Recovery.FRESH)
    storage = gui_app.open_or_recover(data_dir)
    assert storage is not None
    try:
        assert Tracker(storage).sessions_between(NOW - 5 * HOUR, NOW) == []
    finally:
        storage.close()
    assert kept_aside(data_dir).read_bytes() == GARBAGE


def test_declining_recovery_changes_nothing(
    qapp: object, monkeypatch: pytest.MonkeyPatch, data_dir: Path, backed_up_then_damaged: Path
) -> None:
    answer_recovery(monkeypatch, None)
    assert gui_app.open_or_recover(data_dir) is None
    assert (data_dir / DATABASE_FILENAME).read_bytes() == GARBAGE
    assert list(data_dir.glob("*.replaced-*")) == []


def test_a_newer_schema_is_not_offered_a_restore(
    qapp: object, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    data_dir.mkdir()
    path = data_dir / DATABASE_FILENAME
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    asked = answer_recovery(monkeypatch, Recovery.FRESH)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert gui_app.open_or_recover(data_dir) is None
    assert asked == []
    assert "newer Tracker Desktop" in shown[0]


def test_back_up_now_and_restore_from_the_window(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, tracker: Tracker, data_dir: Path
) -> None:
    tracker.add("In the backup", NOW - 3 * HOUR, NOW - 2 * HOUR)
    trigger(window, "actionBackupNow")
    (backup,) = list_backups(data_dir)
    name_edit(window).setText("After the backup")
    trigger(window, "actionStartStop")
    history = child(window, QUndoStack, "undoStack")
    assert history.count() == 2  # the add and the start

    chosen: list[list[Backup]] = []

    def ask(cls: type, parent: object, available: list[Backup], zone: object) -> Path:
        chosen.append(available)
        return backup.path

    monkeypatch.setattr(RestoreDialog, "ask", classmethod(ask))
    trigger(window, "actionRestoreBackup")

    assert chosen == [[backup]]
    assert tracker.running() is None
    names = [s.name for s in tracker.sessions_between(NOW - 5 * HOUR, NOW + HOUR)]
    assert names == ["In the backup"]
    assert history.count() == 0  # the history no longer matches the rows
    assert name_edit(window).text() == ""
    assert "After the backup" in [r[1] for r in rows(kept_aside(data_dir))]
    assert "Restored" in window.statusBar().currentMessage()


def test_upkeep_backs_up_once_a_day_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.start_upkeep()
    qtbot.waitUntil(lambda: list_backups(data_dir) != [], timeout=10000)
    (backup,) = list_backups(data_dir)
    assert backup.reason == "daily"
    assert not window.findChild(QLabel, "messageLabel").isVisible()


def test_upkeep_reports_a_failed_integrity_check_and_makes_no_backup(
    qtbot: QtBot, window: MainWindow, tracker: Tracker, data_dir: Path
) -> None:
    for hour in range(1, 200):
        tracker.add(f"Session {hour}", NOW - (hour + 1) * HOUR, NOW - hour * HOUR)
    path = data_dir / DATABASE_FILENAME
    tracker.storage.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[-4096:] = b"\xee" * 4096  # damage the last page (an index or table leaf)
    path.write_bytes(bytes(data))
    window.start_upkeep()
    banner = window.findChild(QLabel, "messageLabel")
    qtbot.waitUntil(lambda: "integrity check" in banner.text(), timeout=10000)
    assert "Restore from Backup" in banner.text()
    assert list_backups(data_dir) == []
