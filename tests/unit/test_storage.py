"""The database file: how it is made, what it refuses to open, and how it is queried."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tracker_desktop.core.errors import StorageError
from tracker_desktop.core.layout import DATABASE_FILENAME
from tracker_desktop.core.migrations import SCHEMA_VERSION
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import APPLICATION_ID, Storage, open_storage

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def pragma(storage: Storage, name: str) -> object:
    return storage.database.execute_sql(f"PRAGMA {name}").fetchone()[0]


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every entry of ``folder`` with its bytes (None for folders).

    SQLite's own ``-wal``/``-shm`` companions are left out: reading a WAL-mode file, even
    read-only, may create them, and they change nothing in the file itself.
    """
    return {
        entry.name: None if entry.is_dir() else entry.read_bytes()
        for entry in sorted(folder.iterdir())
        if not entry.name.endswith(("-wal", "-shm"))
    }


# -- a new file -------------------------------------------------------------------------


@posix_only
def test_new_database_is_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "nested" / "data"
    storage = open_storage(data_dir)
    try:
        Tracker(storage).start("private")  # so the -wal file exists
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        path = data_dir / DATABASE_FILENAME
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        for companion in data_dir.glob(f"{DATABASE_FILENAME}-*"):
            assert stat.S_IMODE(companion.stat().st_mode) == 0o600, companion
    finally:
        storage.close()


@posix_only
def test_new_database_is_private_even_with_a_permissive_umask(data_dir: Path) -> None:
    previous = os.umask(0)
    try:
        storage = open_storage(data_dir)
        storage.close()
    finally:
        os.umask(previous)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / DATABASE_FILENAME).stat().st_mode) == 0o600


def test_new_database_settings(storage: Storage) -> None:
    assert storage.path.name == DATABASE_FILENAME
    assert pragma(storage, "journal_mode") == "wal"
    assert pragma(storage, "application_id") == APPLICATION_ID
    assert pragma(storage, "user_version") == SCHEMA_VERSION
    assert pragma(storage, "synchronous") == 2  # full
    assert pragma(storage, "foreign_keys") == 1
    busy_timeout = pragma(storage, "busy_timeout")
    assert isinstance(busy_timeout, int)
    assert 1000 <= busy_timeout <= 30_000


def test_new_database_leaves_no_temporary_files(storage: Storage, data_dir: Path) -> None:
    assert [p.name for p in data_dir.iterdir() if not p.name.startswith(DATABASE_FILENAME)] == []


def test_new_file_is_recognised_by_another_sqlite_reader(storage: Storage) -> None:
    storage.close()
    connection = sqlite3.connect(storage.path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()


def test_reopening_keeps_the_file_and_its_data(data_dir: Path) -> None:
    first = open_storage(data_dir)
    Tracker(first).start("kept", datetime(2020, 1, 6, 8, 0, tzinfo=UTC))
    first.close()
    second = open_storage(data_dir)
    try:
        assert second.database.execute_sql("SELECT name, started_at FROM session").fetchall() == [
            ("kept", int(datetime(2020, 1, 6, 8, 0, tzinfo=UTC).timestamp()))
        ]
        assert pragma(second, "user_version") == SCHEMA_VERSION
    finally:
        second.close()


# -- files it refuses, untouched --------------------------------------------------------


def make_empty(path: Path) -> None:
    path.write_bytes(b"")


def make_text(path: Path) -> None:
    path.write_text("These are my notes, not a database.\nLine two.\n", encoding="utf-8")


def make_random(path: Path) -> None:
    path.write_bytes(random.Random(1234).randbytes(8192))


def make_damaged(path: Path) -> None:
    # A SQLite header followed by garbage.
    path.write_bytes(b"SQLite format 3\x00" + random.Random(99).randbytes(4096 - 16))


def make_foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
        connection.execute("INSERT INTO recipes (title) VALUES ('Pancakes')")
        connection.commit()
    finally:
        connection.close()


def make_foreign_wal(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = wal")
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.execute("INSERT INTO notes VALUES ('hello')")
        connection.commit()
    finally:
        connection.close()


def make_newer(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("PRAGMA user_version = 99")
        connection.execute("CREATE TABLE session_v99 (id INTEGER PRIMARY KEY, what TEXT)")
        connection.execute("INSERT INTO session_v99 (what) VALUES ('from the future')")
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (make_empty, "empty"),
        (make_text, "not a SQLite database"),
        (make_random, "not a SQLite database"),
        (make_damaged, "damaged"),
        (make_foreign, "another program"),
        (make_foreign_wal, "another program"),
        (make_newer, "newer"),
    ],
    ids=["empty", "text", "random", "damaged", "foreign", "foreign-wal", "newer-schema"],
)
def test_refused_file_is_named_and_left_byte_identical(
    data_dir: Path, make: Callable[[Path], None], reason: str
) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / DATABASE_FILENAME
    make(path)
    before = snapshot(data_dir)
    content = path.read_bytes()
    modified = path.stat().st_mtime_ns
    with pytest.raises(StorageError) as caught:
        open_storage(data_dir)
    message = str(caught.value)
    assert str(path) in message
    assert reason in message
    assert "\n" not in message
    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == modified
    assert snapshot(data_dir) == before  # nothing added beside it, no backup made
    # Asking again gives the same answer: nothing was "repaired" the first time.
    with pytest.raises(StorageError):
        open_storage(data_dir)
    assert path.read_bytes() == content


@pytest.mark.parametrize(
    "make", [make_empty, make_text, make_foreign], ids=["empty", "text", "foreign"]
)
def test_refusal_says_what_to_do(data_dir: Path, make: Callable[[Path], None]) -> None:
    data_dir.mkdir()
    make(data_dir / DATABASE_FILENAME)
    with pytest.raises(StorageError, match="move it aside"):
        open_storage(data_dir)


def test_newer_schema_says_to_update(data_dir: Path) -> None:
    data_dir.mkdir()
    make_newer(data_dir / DATABASE_FILENAME)
    with pytest.raises(StorageError, match=r"schema 99.*Update"):
        open_storage(data_dir)


def test_database_path_being_a_folder_is_refused(data_dir: Path) -> None:
    folder = data_dir / DATABASE_FILENAME
    folder.mkdir(parents=True)
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StorageError) as caught:
        open_storage(data_dir)
    assert str(folder) in str(caught.value)
    assert "folder" in str(caught.value)
    assert folder.is_dir()
    assert snapshot(folder) == {"keep.txt": b"mine"}
    assert sorted(p.name for p in data_dir.iterdir()) == [DATABASE_FILENAME]


def test_data_folder_being_a_file_is_refused(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data-file"
    not_a_folder.write_bytes(b"just a file")
    with pytest.raises(StorageError) as caught:
        open_storage(not_a_folder)
    assert str(not_a_folder) in str(caught.value)
    assert not_a_folder.read_bytes() == b"just a file"


def test_refused_open_leaves_the_next_open_working(data_dir: Path) -> None:
    """After a refusal, moving the file aside is enough to start afresh."""
    data_dir.mkdir()
    path = data_dir / DATABASE_FILENAME
    make_text(path)
    with pytest.raises(StorageError):
        open_storage(data_dir)
    path.rename(data_dir / "tracker.db.aside")
    storage = open_storage(data_dir)
    try:
        assert pragma(storage, "application_id") == APPLICATION_ID
    finally:
        storage.close()
    assert (data_dir / "tracker.db.aside").read_text(encoding="utf-8").startswith("These")


# -- migration --------------------------------------------------------------------------


def test_older_file_of_ours_is_migrated_in_place_after_a_backup(data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / DATABASE_FILENAME
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("PRAGMA user_version = 0")
        connection.execute("CREATE TABLE keepsake (note TEXT)")
        connection.execute("INSERT INTO keepsake VALUES ('old data')")
        connection.commit()
    finally:
        connection.close()
    storage = open_storage(data_dir)
    try:
        assert pragma(storage, "user_version") == SCHEMA_VERSION
        assert storage.database.execute_sql("SELECT note FROM keepsake").fetchall() == [
            ("old data",)
        ]
        Tracker(storage).start("after migration")
    finally:
        storage.close()
    backups = list((data_dir / "backups").iterdir())
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    try:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 0
        assert copy.execute("SELECT note FROM keepsake").fetchall() == [("old data",)]
    finally:
        copy.close()


# -- query plans ------------------------------------------------------------------------


def fill(storage: Storage, count: int = 300) -> None:
    base = int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())
    storage.database.execute_sql("BEGIN")
    for n in range(count):
        start = base + n * 7200
        storage.database.execute_sql(
            "INSERT INTO session (name, started_at, ended_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (f"s{n % 17}", start, start + 3600, start, start),
        )
    storage.database.execute_sql("COMMIT")
    storage.database.execute_sql("ANALYZE")


def executed_selects(storage: Storage, action: Callable[[], object]) -> list[str]:
    """The SELECT statements on the session table that ``action`` sent to SQLite, as
    SQLite ran them (values in place): plain-SQL reads and peewee's changes alike."""
    seen: list[str] = []
    storage.database.connection().set_trace_callback(seen.append)
    try:
        action()
    finally:
        storage.database.connection().set_trace_callback(None)
    statements = [
        sql
        for sql in seen
        if sql.lstrip().upper().startswith("SELECT")
        and ("FROM session" in sql or 'FROM "session"' in sql)
    ]
    assert statements, "no query on the session table was seen"
    return statements


def plan(storage: Storage, sql: str) -> list[str]:
    return [row[3] for row in storage.database.execute_sql(f"EXPLAIN QUERY PLAN {sql}").fetchall()]


def is_table_scan(detail: str) -> bool:
    return detail.startswith("SCAN") and "INDEX" not in detail


def test_period_query_is_an_index_range_search(storage: Storage, tracker: Tracker) -> None:
    fill(storage)
    tracker.start("now running")
    start = datetime(2025, 1, 10, tzinfo=UTC)
    statements = executed_selects(
        storage, lambda: tracker.sessions_between(start, start + timedelta(days=7))
    )
    # The sessions, and their tags (a second query over the same range).
    range_queries = [sql for sql in statements if "started_at" in sql and "<" in sql]
    assert 1 <= len(range_queries) <= 2
    for query in range_queries:
        details = plan(storage, query)
        assert any(
            d.startswith("SEARCH")
            and ("USING INDEX session_started_at" in d or "COVERING INDEX" in d)
            for d in details
        ), details
        assert not any(is_table_scan(d) for d in details), details
    for sql in statements:
        assert not any(is_table_scan(d) for d in plan(storage, sql)), sql


def test_running_session_lookup_does_not_scan_the_table(storage: Storage, tracker: Tracker) -> None:
    fill(storage)
    tracker.start("now running")
    for action in (tracker.running, tracker.stop):
        for sql in executed_selects(storage, action):
            details = plan(storage, sql)
            assert not any(is_table_scan(d) for d in details), (sql, details)


def test_recent_names_read_the_index_without_sorting(storage: Storage, tracker: Tracker) -> None:
    fill(storage)
    for sql in executed_selects(storage, tracker.recent_names):
        details = plan(storage, sql)
        assert not any(is_table_scan(d) for d in details), details
        assert not any("TEMP B-TREE" in d for d in details), details


def test_two_files_read_on_two_threads_at_once_never_mix(tmp_path: Path) -> None:
    # The window reads its file on the GUI thread while a sync writes through another
    # connection on a worker thread: each thread's queries must reach its own file.
    import threading

    start = datetime(2026, 1, 1, tzinfo=UTC)
    for folder, count in (("a", 3), ("b", 5)):
        opened = open_storage(tmp_path / folder)
        tracker = Tracker(opened)
        for hour in range(count):
            at = start + timedelta(hours=hour)
            tracker.add(f"{folder}{hour}", at, at + timedelta(minutes=30))
        opened.close()
    seen: dict[str, set[object]] = {"a": set(), "b": set()}
    together = threading.Barrier(2)

    def read(folder: str) -> None:
        opened = open_storage(tmp_path / folder)
        tracker = Tracker(opened)
        together.wait()
        for _ in range(200):
            try:
                sessions = tracker.sessions_between(start, start + timedelta(days=1))
                seen[folder].add(tuple(sorted(s.name for s in sessions)))
            except StorageError as error:
                seen[folder].add(str(error))
        opened.close()

    threads = [threading.Thread(target=read, args=(folder,)) for folder in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {
        "a": {("a0", "a1", "a2")},
        "b": {("b0", "b1", "b2", "b3", "b4")},
    }
