"""Sync in the window, against a real PostgreSQL server (tests/postgres.py): background
sync after changes and every minute, what the status bar says, the notices, Preferences ▸
Sync, and closing while a sync runs. Passwords go to the sync tests' keyring, a file in
tmp_path (tests/sync/keyring_backend.py), never the user's real one or ~/.pgpass."""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from tests import postgres
from tests.support import FakeClock
from tests.ui.conftest import WindowFactory, child, trigger
from tracker_desktop.core import sync
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import open_storage
from tracker_desktop.core.sync import engine
from tracker_desktop.ui import sync_runner
from tracker_desktop.ui.main_window import MainWindow

TEN = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # the test clock's now: 10:00 in Berlin
_users = itertools.count(1)


@pytest.fixture(scope="module")
def server() -> Iterator[postgres.Server]:
    with postgres.running_server() as running:
        # The engine's own set-up (the command line's main would set this process's umask).
        engine.server_init(running.url(), None)
        yield running


@pytest.fixture(autouse=True)
def test_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Passwords in a keyring file in tmp_path; libpq's password file there too (empty)."""
    import keyring.core

    from tests.sync.keyring_backend import FileKeyring

    path = tmp_path / "keyring.json"
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.sync.keyring_backend.FileKeyring")
    monkeypatch.setenv("TRACKER_TEST_KEYRING", str(path))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    for variable in ("PGPASSWORD", "PGUSER", "PGHOST", "PGSSLMODE", "PGSERVICE"):
        monkeypatch.delenv(variable, raising=False)
    keyring.core.init_backend()
    yield path
    # The tests' keyring stays (the sync tests' own, reading the file their test names):
    # no later test reaches a real keyring, nor one a test here chose.
    keyring.set_keyring(FileKeyring())


def kept_passwords(keyring_file: Path) -> list[str]:
    return list(json.loads(keyring_file.read_text()).values()) if keyring_file.exists() else []


@pytest.fixture
def account(server: postgres.Server) -> tuple[str, str]:
    """A user of its own for each test (their rows never meet): its URL and password."""
    name, password = f"user{next(_users)}", "s3cret pass"
    engine.add_user(server.url(), None, name, password, manager=False)
    return server.url(user=name, password=None), password


@pytest.fixture
def connected(tracker: Tracker, account: tuple[str, str]) -> tuple[str, str]:
    """The window's data folder connected to the server (not synced yet)."""
    sync.connect(tracker, *account)
    return account


@pytest.fixture
def fast_sync(monkeypatch: pytest.MonkeyPatch) -> None:
    """The minute between syncs and the debounce shortened, so tests need not wait."""
    monkeypatch.setattr(sync_runner, "EVERY_MS", 300)
    monkeypatch.setattr(sync_runner, "DEBOUNCE_MS", 100)


@pytest.fixture
def machine_b(tmp_path: Path, clock: FakeClock, berlin: ZoneInfo) -> Iterator[Tracker]:
    """Another machine's data folder."""
    storage = open_storage(tmp_path / "machine-b")
    yield Tracker(storage, clock, berlin)
    storage.close()


def status_label(window: MainWindow) -> QLabel:
    return child(window, QLabel, "syncStatusLabel")


def shown_names(window: MainWindow) -> list[str]:
    model = child(window, QTableView, "sessionsTable").model()
    return [str(model.index(row, 0).data() or "") for row in range(model.rowCount())]


def wait_for_status(qtbot: QtBot, window: MainWindow, start: str) -> QLabel:
    label = status_label(window)
    qtbot.waitUntil(lambda: label.isVisible() and label.text().startswith(start), timeout=20000)
    return label


# -- background sync -------------------------------------------------------------------


def test_a_change_on_another_machine_shows_in_the_window_without_user_action(
    qtbot: QtBot,
    make_window: WindowFactory,
    machine_b: Tracker,
    connected: tuple[str, str],
    fast_sync: None,
) -> None:
    url, password = connected
    sync.connect(machine_b, url, password)
    window = make_window()
    wait_for_status(qtbot, window, "Synced")
    machine_b.add("Written on B", TEN - timedelta(hours=2), TEN - timedelta(hours=1))
    sync.sync_now(machine_b)
    runner = window.sync.runner  # type: ignore[union-attr]
    shown_when_synced: list[bool] = []

    def on_state(state: sync_runner.SyncState) -> None:
        if state.kind is sync_runner.SyncKind.SYNCED:
            shown_when_synced.append("Written on B" in shown_names(window))

    runner.state_changed.connect(on_state)
    qtbot.waitUntil(lambda: "Written on B" in shown_names(window), timeout=20000)
    # Not left to the once-a-second look for other processes' changes: by the time the
    # status bar says "Synced" after the sync that brought it, the session is shown.
    qtbot.waitUntil(lambda: True in shown_when_synced)
    assert shown_when_synced[-1]


def test_a_change_in_the_window_reaches_the_other_machine_after_one_sync(
    qtbot: QtBot,
    make_window: WindowFactory,
    tracker: Tracker,
    machine_b: Tracker,
    connected: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The minute timer kept out of the way: only the changes cause a sync.
    monkeypatch.setattr(sync_runner, "EVERY_MS", 3_600_000)
    monkeypatch.setattr(sync_runner, "DEBOUNCE_MS", 200)
    url, password = connected
    sync.connect(machine_b, url, password)
    window = make_window()
    runner = window.sync.runner  # type: ignore[union-attr]
    wait_for_status(qtbot, window, "Synced")
    before = runner.syncs
    for number in range(3):  # a burst: three quick changes
        start = TEN - timedelta(hours=3 - number)
        tracker.add(f"Burst {number}", start, start + timedelta(minutes=30))
        QApplication.processEvents()
    qtbot.waitUntil(lambda: runner.syncs == before + 1 and not runner.busy, timeout=20000)
    assert sync.sync_status(tracker).pending_changes == 0
    sync.sync_now(machine_b)
    names = {s.name for s in machine_b.sessions_between(TEN - timedelta(days=1), TEN)}
    assert {"Burst 0", "Burst 1", "Burst 2"} <= names
    assert runner.syncs == before + 1  # one sync for the whole burst


def test_the_status_bar_says_synced_offline_and_back(
    qtbot: QtBot,
    make_window: WindowFactory,
    server: postgres.Server,
    connected: tuple[str, str],
    fast_sync: None,
) -> None:
    url = connected[0]
    window = make_window()
    runner = window.sync.runner  # type: ignore[union-attr]
    said: list[str] = []
    runner.state_changed.connect(lambda state: said.append(status_label(window).text()))
    label = wait_for_status(qtbot, window, "Synced")
    assert said[:2] == ["Syncing…", "Synced 10:00"]
    assert url.split("@")[1] in label.toolTip()
    postgres.stop(server)
    try:
        label = wait_for_status(qtbot, window, "Offline since")
        assert label.text() == "Offline since 10:00"
        assert "cannot be reached" in label.toolTip()
        assert "Last synced 10:00" in label.toolTip()
        assert label.accessibleName() == "Sync status"
    finally:
        postgres.start(server)
    wait_for_status(qtbot, window, "Synced")


def test_a_wrong_password_is_a_sync_error_not_offline(
    qtbot: QtBot,
    make_window: WindowFactory,
    server: postgres.Server,
    connected: tuple[str, str],
    fast_sync: None,
) -> None:
    url, password = connected
    user = url.split("//")[1].split("@")[0]
    postgres.admin_sql(server, f"ALTER ROLE {user} PASSWORD 'changed elsewhere'")
    window = make_window()
    label = wait_for_status(qtbot, window, "Sync error: ")
    assert "password" in label.text()
    assert password not in label.text() + label.toolTip()


def test_nothing_about_sync_shows_while_it_is_not_set_up(
    qtbot: QtBot, window: MainWindow, fast_sync: None
) -> None:
    runner = window.sync.runner  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not runner.busy)
    assert not status_label(window).isVisible()


def test_a_session_stopped_by_another_machine_is_told_in_the_banner(
    qtbot: QtBot,
    make_window: WindowFactory,
    tracker: Tracker,
    machine_b: Tracker,
    connected: tuple[str, str],
    clock: FakeClock,
    fast_sync: None,
) -> None:
    url, password = connected
    sync.connect(machine_b, url, password)
    tracker.start("Started here")
    sync.sync_now(tracker)
    clock.advance(minutes=5)
    machine_b.start("Started on B")
    sync.sync_now(machine_b)
    window = make_window()
    banner = child(window, QLabel, "messageLabel")
    qtbot.waitUntil(lambda: "Started here" in banner.text(), timeout=20000)
    assert banner.isVisible()
    running = window.live
    qtbot.waitUntil(lambda: running.running is not None and running.running.name == "Started on B")


def test_closing_the_window_during_a_sync_waits_for_it_cleanly(
    qtbot: QtBot,
    make_window: WindowFactory,
    tracker: Tracker,
    connected: tuple[str, str],
    fast_sync: None,
) -> None:
    window = make_window()
    runner = window.sync.runner  # type: ignore[union-attr]
    runner.sync_now()
    assert runner.busy
    trigger(window, "actionQuit")  # closes, waiting for the sync under way
    assert runner.closed
    assert not runner.thread_running
    runner.sync_now()  # a timer firing late does nothing once closed
    assert not runner.busy or runner.closed
    status = sync.sync_status(tracker)
    assert status.configured
    assert status.pending_changes == 0


# -- Preferences ▸ Sync -----------------------------------------------------------------


def open_sync_preferences(qtbot: QtBot, window: MainWindow) -> dict[str, object]:
    trigger(window, "actionPreferences")
    dialog = window.preferences
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return {
        name: dialog.findChild(kind, name)
        for kind, name in (
            (QLineEdit, "syncServerEdit"),
            (QLineEdit, "syncUserEdit"),
            (QLineEdit, "syncPasswordEdit"),
            (QPushButton, "syncTestButton"),
            (QPushButton, "syncConnectButton"),
            (QPushButton, "syncDisconnectButton"),
            (QLabel, "syncResultLabel"),
        )
    }


def type_account(parts: dict[str, object], url: str, password: str) -> None:
    address, user = url.split("@")[1], url.split("//")[1].split("@")[0]
    parts["syncServerEdit"].setText(f"postgresql://{address}")  # type: ignore[attr-defined]
    parts["syncUserEdit"].setText(user)  # type: ignore[attr-defined]
    parts["syncPasswordEdit"].setText(password)  # type: ignore[attr-defined]


def test_preferences_test_connect_and_disconnect(
    qtbot: QtBot,
    test_keyring: Path,
    window: MainWindow,
    tracker: Tracker,
    account: tuple[str, str],
    tmp_path: Path,
    fast_sync: None,
) -> None:
    url, password = account
    parts = open_sync_preferences(qtbot, window)
    result: QLabel = parts["syncResultLabel"]  # type: ignore[assignment]
    password_edit: QLineEdit = parts["syncPasswordEdit"]  # type: ignore[assignment]
    assert password_edit.echoMode() is QLineEdit.EchoMode.Password
    assert not parts["syncDisconnectButton"].isEnabled()  # type: ignore[attr-defined]

    type_account(parts, url, "not the password")
    parts["syncTestButton"].click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: result.text().startswith("Cannot connect"), timeout=20000)
    assert "password" in result.text()

    type_account(parts, url, password)
    parts["syncTestButton"].click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "works" in result.text(), timeout=20000)
    assert not sync.sync_status(tracker).configured  # testing connects nothing

    parts["syncConnectButton"].click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not result.text().startswith("Connecting"), timeout=20000)
    assert result.text().startswith("Connected"), result.text()
    assert sync.sync_status(tracker).configured
    assert password in kept_passwords(test_keyring)
    assert password_edit.text() == ""
    wait_for_status(qtbot, window, "Synced")
    assert password not in (tmp_path / "data" / "window.ini").read_text(errors="replace")
    assert not (tmp_path / "pgpass").exists()
    assert parts["syncDisconnectButton"].isEnabled()  # type: ignore[attr-defined]

    parts["syncDisconnectButton"].click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: result.text().startswith("Disconnected"), timeout=20000)
    assert not sync.sync_status(tracker).configured
    qtbot.waitUntil(lambda: not status_label(window).isVisible())
    # Kept per server and user: other folders syncing with that server may use it.
    assert password in kept_passwords(test_keyring)
    log = tmp_path / "data" / "tracker.log"
    assert not log.exists() or password not in log.read_text(errors="replace")


def test_without_a_keyring_preferences_explains_the_password_file(
    qtbot: QtBot,
    window: MainWindow,
    tracker: Tracker,
    account: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core.init_backend()
    url, password = account
    parts = open_sync_preferences(qtbot, window)
    result: QLabel = parts["syncResultLabel"]  # type: ignore[assignment]
    type_account(parts, url, password)
    parts["syncConnectButton"].click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "keyring" in result.text(), timeout=20000)
    assert ".pgpass" in result.text()
    assert not sync.sync_status(tracker).configured
    assert not (tmp_path / "pgpass").exists()  # nothing written for the user
    assert not list(tmp_path.glob("home/.pgpass"))


def test_the_address_typed_becomes_the_url_with_the_user() -> None:
    from tracker_desktop.ui.sync_preferences import server_url

    assert server_url("db.example.com:5433/tracker", "alice") == (
        "postgresql://alice@db.example.com:5433/tracker",
        None,
    )
    assert server_url("postgresql://bob:pw@db/tracker?sslmode=verify-full", "") == (
        "postgresql://bob@db/tracker?sslmode=verify-full",
        "pw",
    )


# -- start-up --------------------------------------------------------------------------

FIRST_PAINT_SCRIPT = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from pathlib import Path
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import open_storage
from tracker_desktop.ui.first_paint import FirstPaint
from tracker_desktop.ui.main_window import MainWindow
folder = Path(sys.argv[1])
window = MainWindow(Tracker(open_storage(folder)), QSettings(str(folder / "window.ini"),
                    QSettings.Format.IniFormat))
loaded = {}
def painted():
    loaded["at paint"] = sorted(sys.modules)
    app.quit()
FirstPaint(window).painted.connect(painted)
window.show()
app.exec()
print(json.dumps(loaded["at paint"]))
"""


def test_nothing_of_sync_is_loaded_before_the_first_paint_even_when_set_up(
    tracker: Tracker, account: tuple[str, str], data_dir: Path
) -> None:
    import os
    import subprocess

    completed = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_SCRIPT, str(data_dir)],
        capture_output=True,
        encoding="utf-8",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=True,
    )
    loaded = json.loads(completed.stdout.splitlines()[-1])
    assert "tracker_desktop.ui.main_window" in loaded
    assert [
        name
        for name in loaded
        if name.split(".")[0] in {"psycopg", "keyring"}
        or name.startswith(("tracker_desktop.core.sync", "tracker_desktop.ui.sync"))
    ] == []
