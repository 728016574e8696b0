"""Backups: online copies that restore to an identical database, rotation, restore that
keeps the replaced file, and the command line's backup/restore/recovery messages."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.support import FakeClock
from tracker_desktop.core import backups
from tracker_desktop.core.errors import InvalidInputError, NotFoundError, StorageError
from tracker_desktop.core.layout import DATABASE_FILENAME, list_backups
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import Storage, make_backup, open_storage, set_aside

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
BERLIN = ZoneInfo("Europe/Berlin")


def rows(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return [tuple(r) for r in connection.execute("SELECT * FROM session ORDER BY id")]
    finally:
        connection.close()


def fill(tracker: Tracker) -> None:
    tracker.add("Morning", NOW - 5 * HOUR, NOW - 4 * HOUR)
    tracker.add("Ünïcødé 👩‍💻", NOW - 3 * HOUR, NOW - 2 * HOUR)
    tracker.start("Running")


def test_a_backup_taken_while_in_use_restores_to_an_identical_database(
    tracker: Tracker, storage: Storage, data_dir: Path
) -> None:
    fill(tracker)
    before = rows(storage.path)
    backup = make_backup(data_dir, "manual", NOW)
    assert backup.path.parent == data_dir / "backups"
    assert backup.path.stat().st_mode & 0o077 == 0
    assert rows(backup.path) == before
    tracker.add("After the backup", NOW - 8 * HOUR, NOW - 7 * HOUR)
    storage.close()

    restored = backups.restore(data_dir, backup.path, NOW)
    assert rows(data_dir / DATABASE_FILENAME) == before
    assert restored.kept_aside is not None
    assert "After the backup" in [r[1] for r in rows(restored.kept_aside)]
    reopened = open_storage(data_dir)
    try:
        running = Tracker(reopened).running()
        assert running is not None
        assert running.name == "Running"
        ok = reopened.database.execute_sql("PRAGMA integrity_check").fetchone()[0]
        assert ok == "ok"
    finally:
        reopened.close()


def test_restore_without_a_file_takes_the_newest_good_backup(
    tracker: Tracker, storage: Storage, data_dir: Path
) -> None:
    fill(tracker)
    old = make_backup(data_dir, "manual", NOW - HOUR)
    tracker.add("Only in the newer", NOW - 8 * HOUR, NOW - 7 * HOUR)
    newer = make_backup(data_dir, "manual", NOW)
    newest_broken = data_dir / "backups" / "tracker-000099-20261126T100000Z-manual.db"
    newest_broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    storage.close()

    assert backups.newest_good_backup(data_dir) == newer
    assert newer.path.name.startswith("tracker-000002-")
    restored = backups.restore(data_dir, now=NOW)
    assert restored.backup == newer.path
    assert rows(data_dir / DATABASE_FILENAME) == rows(newer.path)
    assert old.path.exists()


def test_restore_refuses_what_is_not_a_usable_backup(data_dir: Path, storage: Storage) -> None:
    storage.close()
    with pytest.raises(NotFoundError, match="no usable backup"):
        backups.restore(data_dir)
    with pytest.raises(InvalidInputError, match="does not exist"):
        backups.restore(data_dir, data_dir / "nope.db")
    foreign = data_dir / "foreign.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE notes (x)")
    connection.close()
    current = (data_dir / DATABASE_FILENAME).read_bytes()
    with pytest.raises(StorageError, match="cannot be restored"):
        backups.restore(data_dir, foreign)
    assert (data_dir / DATABASE_FILENAME).read_bytes() == current


def test_a_damaged_database_is_set_aside_with_its_wal_not_deleted(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / DATABASE_FILENAME).write_bytes(b"garbage")
    (data_dir / f"{DATABASE_FILENAME}-wal").write_bytes(b"wal")
    aside = set_aside(data_dir, NOW)
    assert aside is not None
    assert aside.read_bytes() == b"garbage"
    assert Path(f"{aside}-wal").read_bytes() == b"wal"
    assert not (data_dir / DATABASE_FILENAME).exists()
    assert not (data_dir / f"{DATABASE_FILENAME}-wal").exists()


def test_one_automatic_backup_a_day(tracker: Tracker, data_dir: Path) -> None:
    fill(tracker)
    assert backups.daily_backup(data_dir, NOW, BERLIN) is not None
    assert backups.daily_backup(data_dir, NOW + 3 * HOUR, BERLIN) is None
    assert backups.daily_backup(data_dir, NOW + 24 * HOUR, BERLIN) is not None
    assert [b.reason for b in list_backups(data_dir)] == ["daily", "daily"]


def test_rotation_keeps_seven_days_and_four_weeks_and_everything_made_by_hand(
    tracker: Tracker, data_dir: Path
) -> None:
    fill(tracker)
    manual = make_backup(data_dir, "manual", NOW - 90 * 24 * HOUR)
    for day in range(60, -1, -1):  # a daily backup on each of the last 61 days
        backups.daily_backup(data_dir, NOW - day * 24 * HOUR, BERLIN)
    kept = list_backups(data_dir)
    daily_days = sorted(
        {b.taken_at.astimezone(BERLIN).date() for b in kept if b.reason == "daily"}, reverse=True
    )
    last_seven = [(NOW - d * 24 * HOUR).astimezone(BERLIN).date() for d in range(7)]
    assert daily_days[:7] == last_seven
    weeks = {d.isocalendar()[:2] for d in daily_days}
    assert len(weeks) == 4
    assert len(daily_days) <= 7 + 4
    assert manual.path in [b.path for b in kept]


def test_pruning_removes_files_left_by_killed_copies_after_an_hour(
    tracker: Tracker, data_dir: Path
) -> None:
    fill(tracker)
    make_backup(data_dir, "manual", NOW)
    folder = data_dir / "backups"
    old = folder / ".tracker-2026-11-20T100000Z-daily.db.4242.partial"
    fresh = folder / ".tracker-2026-11-26T090000Z-daily.db.4343.partial"
    two_hours_ago = datetime.now().timestamp() - 2 * 3600
    for path in (old, fresh):
        path.write_bytes(b"half-made")
    os.utime(old, (two_hours_ago, two_hours_ago))
    backups.prune(data_dir, BERLIN)
    assert not old.exists()
    assert fresh.exists()  # maybe still being written
    assert (data_dir / DATABASE_FILENAME).exists()
    assert len(list_backups(data_dir)) == 1


def test_opening_alone_removes_what_killed_creations_and_restores_left(
    tracker: Tracker, storage: Storage, data_dir: Path
) -> None:
    fill(tracker)
    left = [
        data_dir / f".{DATABASE_FILENAME}.new-4242",
        data_dir / f".{DATABASE_FILENAME}.new-4242-wal",
        data_dir / f".{DATABASE_FILENAME}.restoring-4242",
    ]
    for path in left:
        path.write_bytes(b"half-made")
    second = open_storage(data_dir)  # the first is still open: nothing is touched
    second.close()
    assert all(path.exists() for path in left)
    storage.close()
    reopened = open_storage(data_dir)
    reopened.close()
    assert not any(path.exists() for path in left)
    assert [s.name for s in Tracker(open_storage(data_dir)).recent_distinct(5)] == [
        "Running",
        "Ünïcødé 👩‍💻",
        "Morning",
    ]


def test_the_copy_of_a_damaged_database_is_refused_and_leaves_nothing(
    data_dir: Path, storage: Storage, tracker: Tracker
) -> None:
    fill(tracker)
    storage.close()
    path = data_dir / DATABASE_FILENAME
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 512] = b"\xff" * 512  # scribble over the table's first page
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError):
        make_backup(data_dir, "manual", NOW)
    assert list_backups(data_dir) == []
    assert not any(p.name.endswith(".partial") for p in (data_dir / "backups").iterdir())


# -- the command line ---------------------------------------------------------------------


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tracker_desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": "Europe/Berlin"},
        timeout=60,
        check=False,
    )


def test_cli_backup_restore_and_recovery_from_a_corrupt_file(tmp_path: Path) -> None:
    data = tmp_path / "cli"
    assert cli(data, "restore").returncode == 1
    assert (
        cli(
            data, "add", "Kept", "--start", "2020-01-06T09:00", "--end", "2020-01-06T10:00"
        ).returncode
        == 0
    )
    made = cli(data, "backup")
    assert made.returncode == 0
    backup_path = Path(made.stdout.strip().removeprefix("Backed up to "))
    assert backup_path.is_file()

    database = data / DATABASE_FILENAME
    database.write_bytes(b"\x00garbage" * 100)
    broken = cli(data, "list", "--date", "2020-01-06")
    assert broken.returncode == 3
    assert broken.stderr.count("\n") == 1
    assert str(database) in broken.stderr
    assert str(backup_path) in broken.stderr
    assert database.read_bytes() == b"\x00garbage" * 100

    restored = cli(data, "restore")
    assert restored.returncode == 0, restored.stderr
    kept_line = restored.stdout.splitlines()[-1]
    kept = Path(kept_line.split(" is kept as ")[1])
    assert kept.read_bytes() == b"\x00garbage" * 100
    listed = cli(data, "list", "--date", "2020-01-06")
    assert "Kept" in listed.stdout


# Holds gui.lock as the window does (Qt's QLockFile: its pid written, the file flock'ed).
HOLD_LOCK = """
import fcntl, os, sys
with open(sys.argv[1], "w") as lock:
    lock.write(f"{os.getpid()}\\ntracker-desktop\\nhost\\n")
    lock.flush()
    fcntl.flock(lock, fcntl.LOCK_EX)
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_cli_restore_refuses_while_a_window_holds_the_folder(tmp_path: Path) -> None:
    data = tmp_path / "cli"
    assert cli(data, "backup").returncode == 0
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data / "gui.lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None
        assert holder.stdin is not None
        assert holder.stdout.readline() == "locked\n"
        refused = cli(data, "restore")
        holder.stdin.close()
    assert refused.returncode == 3
    assert f"process {holder.pid}" in refused.stderr
    assert cli(data, "restore").returncode == 0


def test_a_lock_file_naming_a_live_unrelated_process_does_not_block_restore(
    tmp_path: Path,
) -> None:
    data = tmp_path / "cli"
    assert cli(data, "backup").returncode == 0
    # A window that died left its lock file; its process id now belongs to another
    # program (here: this test's own process), which holds no lock on it.
    (data / "gui.lock").write_text(f"{os.getpid()}\ntracker-desktop\nhost\n")
    restored = cli(data, "restore")
    assert restored.returncode == 0, restored.stderr


def test_a_backup_stamped_by_a_wrong_future_clock_never_counts_as_the_newest(
    tracker: Tracker, storage: Storage, data_dir: Path, clock: FakeClock
) -> None:
    fill(tracker)
    future = datetime(2040, 3, 1, 12, 0, tzinfo=UTC)
    wrong = backups.daily_backup(data_dir, future, BERLIN)  # the clock said 2040 once
    assert wrong is not None
    for day in range(10):  # then ten days of real work, each with its daily backup
        clock.set(NOW + day * 24 * HOUR)
        tracker.add(f"Day {day}", clock.now() - 3 * HOUR, clock.now() - 2 * HOUR)
        assert backups.daily_backup(data_dir, clock.now(), BERLIN) is not None
    storage.close()

    kept = [b.taken_at.date() for b in list_backups(data_dir)]
    # The last seven days of real work are all there; the 2040 copy holds one place.
    real_days = sorted({(NOW + day * 24 * HOUR).date() for day in range(3, 10)})
    assert set(real_days) <= set(kept)
    restored = backups.restore(data_dir, now=NOW + 10 * 24 * HOUR)
    assert "Day 9" in [row[1] for row in rows(data_dir / DATABASE_FILENAME)]
    assert restored.backup.name != wrong.path.name


def test_a_stray_file_under_todays_daily_name_does_not_stop_todays_backup(
    tracker: Tracker, data_dir: Path
) -> None:
    fill(tracker)
    folder = data_dir / "backups"
    folder.mkdir(mode=0o700)
    stray = folder / f"tracker-000007-{NOW:%Y%m%dT%H%M%SZ}-daily.db"
    stray.write_text("not a backup")
    made = backups.daily_backup(data_dir, NOW + HOUR, BERLIN)
    assert made is not None
    assert rows(made.path) == rows(data_dir / DATABASE_FILENAME)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_among_the_backups_is_passed_over_not_waited_on(
    tracker: Tracker, storage: Storage, data_dir: Path
) -> None:
    fill(tracker)
    good = make_backup(data_dir, "manual", NOW)
    os.mkfifo(data_dir / "backups" / "tracker-000050-20261126T100000Z-manual.db")
    storage.close()
    assert backups.newest_good_backup(data_dir) == good
    assert backups.restore(data_dir, now=NOW).backup == good.path
