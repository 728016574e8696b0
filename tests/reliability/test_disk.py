"""The file system fights back: a full disk, read-only files and folders, a folder where
the database should be, and files that are not (or no longer) a Tracker Desktop database.

Each time: a clear one-line message (exit 3 on the command line, a message in the window),
every committed session still there, and a bad file left byte for byte as it was.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.reliability.harness import (
    Driver,
    TinyDisk,
    assert_clean,
    assert_one_line_error,
    integrity,
    read_rows,
    run_cli,
    snapshot,
    unprivileged_prefix,
)
from tests.reliability.ledger import iso
from tests.support import FakeClock
from tracker_desktop.core.backups import make_backup
from tracker_desktop.core.errors import StorageError
from tracker_desktop.core.layout import DATABASE_FILENAME
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import Storage, open_storage
from tracker_desktop.ui.main_window import MainWindow

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
BERLIN = ZoneInfo("Europe/Berlin")
# Writes a user makes, each needing the file to change.
WRITES: list[list[str]] = [
    ["start", "--", "New task"],
    ["stop"],
    ["add", "--start", "2020-01-05T10:00Z", "--end", "2020-01-05T11:00Z", "--", "Forgotten"],
    ["rename", "--", "Renamed"],
    ["edit", "1", "--name", "Corrected"],
    ["delete", "2"],
]
READS: list[list[str]] = [["status", "--json"], ["list", "--date", "2020-01-06", "--json"]]


def seed(data_dir: Path, sessions: int = 5) -> None:
    """``sessions`` finished sessions on Mon 6 Jan 2020 and one running since then, made
    the way the program makes them, and closed cleanly (no -wal left)."""
    storage = open_storage(data_dir)
    try:
        tracker = Tracker(storage, FakeClock(NOW), BERLIN)
        day = datetime(2020, 1, 6, 7, 0, tzinfo=UTC)
        for number in range(sessions):
            start = day + number * timedelta(minutes=10)
            name = f"Session {number} " + "with a name long enough to fill pages " * 2
            tracker.add(name, start, start + timedelta(minutes=8))
        tracker.start("Running since Monday", at=day + sessions * timedelta(minutes=10))
    finally:
        storage.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "data"
    seed(folder, sessions=60)
    assert sorted(p.name for p in folder.iterdir()) == [DATABASE_FILENAME]
    return folder


@pytest.fixture
def seeded(template: Path, data_dir: Path) -> Path:
    shutil.copytree(template, data_dir)
    return data_dir


# -- a full disk -----------------------------------------------------------------------------


def fill_pages(storage: Storage, tracker: Tracker) -> int:
    """Caps the file at its current size (a full disk, as SQLite sees one), then adds
    sessions until one no longer fits; returns how many still did."""
    pages = storage.database.execute_sql("PRAGMA page_count").fetchone()[0]
    storage.database.execute_sql(f"PRAGMA max_page_count = {pages}")
    for added in range(500):
        start = NOW - timedelta(days=30, minutes=added)
        try:
            tracker.add(f"filler {added} " + "x" * 480, start, start + timedelta(seconds=30))
        except StorageError:
            return added
    raise AssertionError("the capped file never filled up")


def make_room(storage: Storage) -> None:
    storage.database.execute_sql("PRAGMA max_page_count = 1073741823")


def test_a_full_disk_refuses_each_change_whole_and_keeps_every_session(
    tracker: Tracker, storage: Storage, clock: FakeClock
) -> None:
    tracker.add("Yesterday", NOW - 20 * HOUR, NOW - 19 * HOUR)
    running = tracker.start("Running when the disk filled", at=NOW - HOUR).started
    fill_pages(storage, tracker)
    saved = read_rows(storage.path)

    clock.advance(minutes=5)
    attempts: list[Callable[[], object]] = [
        lambda: tracker.start("A switch that needs room " + "y" * 470),
        lambda: tracker.add("Forgotten " + "z" * 480, NOW - 9 * HOUR, NOW - 8 * HOUR),
    ]
    for attempt in attempts:
        with pytest.raises(StorageError) as refused:
            attempt()
        message = str(refused.value)
        assert str(storage.path) in message
        assert "disk is full" in message
        assert "\n" not in message
        assert not refused.value.damaged  # a backup would not help: say so by not offering one
        assert read_rows(storage.path) == saved  # nothing half-done: still the same running one
    assert tracker.running() == running

    make_room(storage)
    switch = tracker.start("After making room")
    assert switch.stopped is not None
    assert switch.stopped.id == running.id
    assert integrity(storage.path) == ["ok"]
    after = read_rows(storage.path)
    for session_id, row in saved.items():
        if session_id != running.id:
            assert after[session_id] == row


def test_the_window_on_a_full_disk_says_so_and_shows_what_is_saved(
    window: MainWindow, tracker: Tracker, storage: Storage
) -> None:
    fill_pages(storage, tracker)
    window.refresh()
    rows_shown = window.model.rowCount()
    saved = read_rows(storage.path)

    window.name_edit.setText("Something long enough to need a new page " + "w" * 450)
    window.action_start_stop.trigger()

    assert not window.message_banner.isHidden()
    message = window.message_label.text()
    assert "disk is full" in message
    assert str(storage.path) in message
    assert window.start_stop_button.text() == "Start"
    assert window.elapsed_label.text() == "0:00:00"
    assert window.model.rowCount() == rows_shown
    assert read_rows(storage.path) == saved

    make_room(storage)
    window.action_start_stop.trigger()
    assert window.message_banner.isHidden()
    assert window.start_stop_button.text() == "Stop"
    assert integrity(storage.path) == ["ok"]


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[TinyDisk]:
    disk = TinyDisk(tmp_path / "disk", size_kib=512)
    try:
        yield disk
    finally:
        disk.close()


def assert_says_the_disk_is_full(message: str, db: Path) -> None:
    assert str(db) in message
    assert "disk is full" in message, message
    # Restoring a backup frees nothing; the message must not send the user there.
    assert "restore" not in message, message


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX mount namespaces")
def test_the_command_line_on_a_really_full_disk(tiny_disk: TinyDisk) -> None:
    """A tmpfs that is really full (ENOSPC) while nothing has the file open: SQLite must
    first make its shared-memory file, and cannot."""
    data_dir = tiny_disk.mount_point / "data"
    cli = tiny_disk.prefix
    for args in (
        ["add", "--start", "2020-01-06T07:00Z", "--end", "2020-01-06T08:00Z", "--", "Kept"],
        ["start", "--at", "2020-01-06T09:00Z", "--", "Running when the disk filled"],
    ):
        assert_clean(run_cli(data_dir, *args, prefix=cli))
    db = data_dir / DATABASE_FILENAME
    saved = tiny_disk.read_rows(db)
    assert tiny_disk.fill() > 0

    for args in WRITES[:4]:
        result = run_cli(data_dir, *args, prefix=cli)
        assert_says_the_disk_is_full(assert_one_line_error(result, 3, str(db)), db)
        assert tiny_disk.read_rows(db) == saved, args

    tiny_disk.free()
    assert_clean(run_cli(data_dir, "stop", prefix=cli))
    assert tiny_disk.integrity(db) == ["ok"]
    after = tiny_disk.read_rows(db)
    assert after[1] == saved[1]
    assert after[2][:2] == saved[2][:2]
    assert after[2][2] is not None


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX mount namespaces")
def test_the_window_and_command_line_on_a_really_full_disk(tiny_disk: TinyDisk) -> None:
    """The disk fills while the window has the file open: SQLite fails at the commit."""
    data_dir = tiny_disk.mount_point / "data"
    name = "Running when the disk filled"
    assert_clean(run_cli(data_dir, "start", "--", name, prefix=tiny_disk.prefix))
    db = data_dir / DATABASE_FILENAME
    saved = tiny_disk.read_rows(db)
    driver = Driver("serve", data_dir, prefix=tiny_disk.prefix)
    messages = {}
    try:
        assert driver.read_line() == {"ready": True}
        assert tiny_disk.fill() > 0
        state = driver.send({"do": "stop"})
        assert (state["button"], state["name"]) == ("Stop", name)  # still running
        messages["the window's Stop"] = state["refused"] or "(no message)"
        for args in WRITES[:3]:
            result = run_cli(data_dir, *args, prefix=tiny_disk.prefix)
            messages[" ".join(args)] = assert_one_line_error(result, 3, str(db))
        assert tiny_disk.read_rows(db) == saved
        tiny_disk.free()
        state = driver.send({"do": "stop"})
        assert state["refused"] is None
        assert state["button"] == "Start"
        driver.finish()
    finally:
        driver.close()
    assert tiny_disk.integrity(db) == ["ok"]
    assert next(iter(tiny_disk.read_rows(db).values()))[2] is not None
    unclear = {what: line for what, line in messages.items() if "disk is full" not in line}
    assert not unclear, f"these do not say the disk is full: {unclear}"
    for line in messages.values():
        assert_says_the_disk_is_full(line, db)


# -- read-only files and folders ---------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_read_only_database_file_is_read_but_never_changed(seeded: Path) -> None:
    db = seeded / DATABASE_FILENAME
    saved = read_rows(db)
    db.chmod(0o400)
    content = db.read_bytes()
    prefix = unprivileged_prefix()
    for args in READS:
        assert_clean(run_cli(seeded, *args, prefix=prefix))
    for args in WRITES:
        result = run_cli(seeded, *args, prefix=prefix)
        line = assert_one_line_error(result, 3, str(db))
        assert "read-only" in line, line
    assert db.read_bytes() == content
    assert read_rows(db) == saved
    assert integrity(db) == ["ok"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_database_made_writable_again_takes_changes_again(seeded: Path) -> None:
    """The user's fix for the message above (making the file writable) is enough, though
    SQLite made the -wal beside it read-only too while the file was."""
    db = seeded / DATABASE_FILENAME
    prefix = unprivileged_prefix()
    db.chmod(0o400)
    assert_clean(run_cli(seeded, "status", prefix=prefix))
    assert run_cli(seeded, "stop", prefix=prefix).code == 3
    db.chmod(0o600)
    assert_clean(run_cli(seeded, "stop", prefix=prefix))
    assert read_rows(db)[61][2] is not None


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the -wal another owner")
def test_a_read_only_journal_file_of_another_owner_is_named(seeded: Path) -> None:
    """When the program cannot make the -wal writable itself, the message names it, not
    the database file the user already checked."""
    db = seeded / DATABASE_FILENAME
    wal = seeded / f"{DATABASE_FILENAME}-wal"
    saved = read_rows(db)
    wal.write_bytes(b"")
    wal.chmod(0o444)
    os.chown(wal, 54321, 54321)
    result = run_cli(seeded, "stop", prefix=unprivileged_prefix())
    line = assert_one_line_error(result, 3, str(wal))
    assert "another user" in line, line
    assert read_rows(db) == saved


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_read_only_folder_without_journal_files_is_read_but_refuses_changes(
    seeded: Path,
) -> None:
    """After a clean close the folder holds only tracker.db; SQLite then needs to create
    its -wal and -shm beside it, which a read-only folder forbids: changes are refused
    with a message, and what is saved can still be read."""
    db = seeded / DATABASE_FILENAME
    saved, before = read_rows(db), snapshot(seeded)
    seeded.chmod(0o500)
    try:
        for args in READS:
            assert_clean(run_cli(seeded, *args, prefix=unprivileged_prefix()))
        for args in WRITES:
            result = run_cli(seeded, *args, prefix=unprivileged_prefix())
            line = assert_one_line_error(result, 3, str(db))
            assert "read-only" in line, line
    finally:
        seeded.chmod(0o700)
    assert snapshot(seeded) == before
    assert read_rows(db) == saved


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_read_only_folder_with_journal_files_still_saves(seeded: Path) -> None:
    """While the -wal and -shm files exist (as they do after most commands), a read-only
    folder does not stop writing to the files in it; nothing goes missing either way."""
    prefix = unprivileged_prefix()
    db = seeded / DATABASE_FILENAME
    stop_at = read_rows(db)[61][1] + 3600
    assert_clean(run_cli(seeded, "status", prefix=prefix))
    connection = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)  # keeps -wal and -shm
    try:
        connection.execute("SELECT count(*) FROM session").fetchone()
        seeded.chmod(0o500)
        try:
            stopped = run_cli(seeded, "stop", "--at", iso(stop_at), prefix=prefix)
            # Saved; only the day's backup could not be made (no backups folder yet).
            assert stopped.code == 0, stopped
            assert stopped.err.startswith("tracker-desktop: warning: today's backup failed")
            assert len(stopped.err_lines) == 1
            assert_clean(run_cli(seeded, "status", prefix=prefix))
        finally:
            seeded.chmod(0o700)
    finally:
        connection.close()
    assert read_rows(db)[61][2] == stop_at
    assert integrity(db) == ["ok"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_nothing_can_be_created_in_a_read_only_place(tmp_path: Path) -> None:
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    (read_only / "empty").mkdir()
    for folder in (read_only / "empty", read_only):
        folder.chmod(0o500)
    try:
        in_empty = unprivileged_prefix()
        result = run_cli(read_only / "empty", "start", "--", "x", prefix=in_empty)
        assert_one_line_error(result, 3, str(read_only / "empty" / DATABASE_FILENAME))
        result = run_cli(read_only / "new", "start", "--", "x", prefix=in_empty)
        assert_one_line_error(result, 3, str(read_only / "new"), "cannot use the data folder")
    finally:
        for folder in (read_only, read_only / "empty"):
            folder.chmod(0o700)
    assert snapshot(read_only) == {"empty": b"<folder>"}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_window_on_a_read_only_file_shows_the_sessions_and_explains_refusals(
    seeded: Path,
) -> None:
    db = seeded / DATABASE_FILENAME
    saved = read_rows(db)
    db.chmod(0o400)
    content = db.read_bytes()
    driver = Driver("serve", seeded, prefix=unprivileged_prefix())
    try:
        assert driver.read_line() == {"ready": True}
        state = driver.send({"do": "state"})
        assert (state["button"], state["name"]) == ("Stop", "Running since Monday")
        for command in ({"do": "stop"}, {"do": "rename", "name": "Renamed"}):
            state = driver.send(command)
            assert state["refused"] is not None, command
            assert str(db) in state["refused"]
            assert "read-only" in state["refused"]
            assert state["button"] == "Stop"
        driver.finish()
    finally:
        driver.close()
    assert driver.process.returncode == 0
    assert db.read_bytes() == content
    assert read_rows(db) == saved


# -- not a database (any more) -----------------------------------------------------------------


def test_a_folder_where_the_database_should_be_is_named_and_left_alone(data_dir: Path) -> None:
    folder = data_dir / DATABASE_FILENAME
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    before = snapshot(data_dir)
    for args in [*READS, *WRITES[:3], ["backup"]]:
        assert_one_line_error(run_cli(data_dir, *args), 3, str(folder), "folder")
    assert snapshot(data_dir) == before


def _sqlite_header_then_noise(path: Path, good: bytes) -> None:
    path.write_bytes(good[:100] + random.Random(5).randbytes(len(good) - 100))


def _foreign(path: Path, good: bytes) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = wal")
        connection.execute("CREATE TABLE session (id INTEGER PRIMARY KEY, what TEXT)")
        connection.execute("INSERT INTO session (what) VALUES ('another program''s row')")
        connection.commit()
    finally:
        connection.close()


def _cut(size: Callable[[int], int]) -> Callable[[Path, bytes], None]:
    return lambda path, good: path.write_bytes(good[: size(len(good))])


BAD_FILES: dict[str, Callable[[Path, bytes], None]] = {
    "zero-length": _cut(lambda n: 0),
    "cut-in-the-header": _cut(lambda n: 60),
    "cut-after-the-header": _cut(lambda n: 100),
    "cut-to-one-page": _cut(lambda n: 4096),
    "cut-to-half": _cut(lambda n: n // 2 // 4096 * 4096),
    "cut-inside-the-last-page": _cut(lambda n: n - 1000),
    "random-bytes": lambda path, good: path.write_bytes(random.Random(7).randbytes(len(good))),
    "our-header-then-noise": _sqlite_header_then_noise,
    "foreign-sqlite": _foreign,
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_file_that_is_not_a_whole_database_is_refused_and_left_byte_identical(
    seeded: Path, kind: str
) -> None:
    db = seeded / DATABASE_FILENAME
    good = db.read_bytes()
    backup = make_backup(seeded, "manual", NOW).path
    for leftover in seeded.glob(f"{DATABASE_FILENAME}*"):
        leftover.unlink()
    BAD_FILES[kind](db, good)
    before = snapshot(seeded)
    problems = []
    for args in [READS[0], WRITES[0], WRITES[2], ["backup"]]:
        result = run_cli(seeded, *args)
        # Exit 3, one line naming the file and the good backup with the command that
        # puts it back; the folder exactly as it was.
        mentions = (str(db), str(backup), "restore")
        if result.code != 3 or len(result.err_lines) != 1 or result.out:
            problems.append(f"{args}: exit {result.code}, out {result.out!r}, err {result.err!r}")
        elif not all(mention in result.err for mention in mentions):
            problems.append(f"{args}: {result.err!r} does not name {mentions}")
        if snapshot(seeded) != before:
            problems.append(f"{args}: the folder changed: {sorted(snapshot(seeded))}")
            before = snapshot(seeded)
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX mount namespaces")
def test_reading_works_on_a_really_full_disk(tiny_disk: TinyDisk) -> None:
    """``status`` and ``list`` only read: a full disk (no room even for SQLite's
    shared-memory file) must not stop them showing what is saved."""
    data_dir = tiny_disk.mount_point / "data"
    cli = tiny_disk.prefix
    assert_clean(
        run_cli(data_dir, "add", "--start", "2020-01-06T07:00Z", "--end", "2020-01-06T08:00Z",
                "--", "Kept", prefix=cli)
    )  # fmt: skip
    assert_clean(
        run_cli(data_dir, "start", "--at", "2020-01-06T09:00Z", "--", "Running", prefix=cli)
    )
    assert tiny_disk.fill() > 0
    status = run_cli(data_dir, "status", prefix=cli)
    assert_clean(status)
    assert "Running" in status.out
    listed = run_cli(data_dir, "list", "--period", "week", "--date", "2020-01-06", prefix=cli)
    assert_clean(listed)
    assert "Kept" in listed.out
    assert "Running" in listed.out
