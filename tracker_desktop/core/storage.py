"""The SQLite file: opening it safely, its schema and migrations, and its errors.

SQLite-only details (pragmas, ``user_version``, ``application_id``, file checks) live
here and nowhere else, so another backend can replace this module later.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tracker_desktop.core.errors import ConflictError, StorageError

if TYPE_CHECKING:
    import peewee

log = logging.getLogger(__name__)

DATABASE_FILENAME = "tracker.db"
# Held by the window while it runs (one window per folder); see ui/single_instance.py.
GUI_LOCK_FILENAME = "gui.lock"
# PRAGMA application_id marks a file as ours ("TrkD"); a file without it is foreign.
APPLICATION_ID = 0x54726B44
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 5.0
PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", "on"),
)


def to_epoch(instant: datetime) -> int:
    """An aware instant as stored: whole seconds since the Unix epoch (UTC)."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime given to the database")
    return int(instant.timestamp())


def from_epoch(seconds: int) -> datetime:
    """A stored instant, back as an aware UTC datetime."""
    return datetime.fromtimestamp(seconds, UTC)


# Each migration brings the schema from version N-1 to N (its index + 1).
_SCHEMA_V1 = (
    """CREATE TABLE session (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 500),
        started_at INTEGER NOT NULL,
        ended_at INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    )""",
    # Period queries are range scans over the start time.
    "CREATE INDEX session_started_at ON session (started_at)",
    # At most one running session, enforced by the database itself.
    "CREATE UNIQUE INDEX session_one_running ON session ((ended_at IS NULL)) "
    "WHERE ended_at IS NULL",
    # The longest finished session bounds how far before a period a session overlapping
    # it can start, so a period query needs no full scan. Kept by triggers, whoever writes.
    "CREATE TABLE stats (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "INSERT INTO stats (key, value) VALUES ('longest_finished_seconds', 0)",
    """CREATE TRIGGER session_longest_insert AFTER INSERT ON session
       WHEN NEW.ended_at IS NOT NULL BEGIN
         UPDATE stats SET value = max(value, NEW.ended_at - NEW.started_at)
         WHERE key = 'longest_finished_seconds';
       END""",
    """CREATE TRIGGER session_longest_update AFTER UPDATE OF started_at, ended_at ON session
       WHEN NEW.ended_at IS NOT NULL BEGIN
         UPDATE stats SET value = max(value, NEW.ended_at - NEW.started_at)
         WHERE key = 'longest_finished_seconds';
       END""",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_SCHEMA_V1,)
SCHEMA_VERSION = len(MIGRATIONS)


def default_data_dir() -> Path:
    """The per-user data folder, unless ``TRACKER_DESKTOP_DATA_DIR`` overrides it."""
    override = os.environ.get("TRACKER_DESKTOP_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs  # only needed when nothing overrides it

    return Path(platformdirs.user_data_dir("tracker-desktop", appauthor=False))


def _root_cause(error: BaseException) -> BaseException:
    """The failure behind a failed rollback: when SQLite has already rolled back (a full
    disk does that), the transaction's own rollback fails and hides the real reason."""
    while "no transaction is active" in str(error).lower() and error.__context__ is not None:
        error = error.__context__
    return error


def _describe(error: BaseException, path: Path) -> str:
    """A one-line message for a SQLite failure on ``path``, saying what to do."""
    error = _root_cause(error)
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return (
            f"{path} is busy: another program has held it locked for over "
            f"{BUSY_TIMEOUT_SECONDS:g} seconds. Try again in a moment."
        )
    if "readonly" in text or "read-only" in text:
        return _read_only_message(path)
    if "full" in text:
        return f"cannot write to {path}: the disk is full. Free some space and try again."
    if "disk i/o error" in text:
        return (
            f"cannot write to {path}: the disk reported an error (the disk is full, or "
            "failing). Free some space and try again; nothing was saved."
        )
    if _is_damage(error):
        return (
            f"{path} is damaged ({error}). It was left untouched; "
            "move it aside (or restore a backup) to continue."
        )
    if "unable to open" in text:
        return f"cannot open {path}: check that its folder exists and is writable."
    return f"{path}: database error: {error}"


JOURNAL_SUFFIXES = ("-wal", "-shm")


def journal_files(path: Path) -> list[Path]:
    """The files SQLite keeps beside the database ``path`` in WAL mode."""
    return [path.with_name(path.name + suffix) for suffix in JOURNAL_SUFFIXES]


def _read_only_message(path: Path) -> str:
    """Names the file that refuses writes: the database, its -wal or -shm, or its folder."""
    for candidate in [path, *journal_files(path)]:
        if candidate.exists() and not os.access(candidate, os.W_OK):
            return f"cannot write to {candidate}: the file is read-only. Check its permissions."
    if not os.access(path.parent, os.W_OK):
        return (
            f"cannot write to {path}: its folder {path.parent} is read-only. "
            "Check the folder's permissions."
        )
    return f"cannot write to {path}: the file or its folder is read-only. Check permissions."


def _align_journal_modes(path: Path) -> None:
    """Makes our own -wal and -shm files writable again when the database file is.

    SQLite creates them with the database file's mode. After the user made the file
    read-only for a while, and then writable again, they keep the read-only mode and
    every write would still fail. They are part of the database: they follow its mode.
    """
    if not os.access(path, os.W_OK):
        return
    for journal in journal_files(path):
        # A missing journal is normal; any other failure shows as a named write error.
        with contextlib.suppress(OSError):
            if journal.stat().st_uid == os.geteuid() and not os.access(journal, os.W_OK):
                journal.chmod(path.stat().st_mode & 0o666)


def _is_damage(error: BaseException) -> bool:
    text = str(_root_cause(error)).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Turns SQLite and file-system failures on ``path`` into ``StorageError``."""
    try:
        yield
    except Exception as error:
        integrity, database = _error_types()
        if isinstance(error, integrity):
            raise ConflictError(f"the change clashes with the saved sessions ({error})") from error
        if isinstance(error, database):
            raise StorageError(_describe(error, path), damaged=_is_damage(error)) from error
        if isinstance(error, OSError):
            raise StorageError(f"{path}: {error.strerror or error}") from error
        raise


def _error_types() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    """SQLite's integrity and database errors, and peewee's wrappers of them once peewee
    is loaded (reads run without it)."""
    integrity: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)
    database: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
    peewee_module = sys.modules.get("peewee")
    if peewee_module is not None:
        integrity += (peewee_module.IntegrityError,)
        database += (peewee_module.DatabaseError,)
    return integrity, database


class Storage:
    """An open Tracker Desktop database file.

    Reads are plain SQL on ``connection``; changes go through peewee models
    (``core/models.py``), which share that connection once the first change loads them.
    Showing sessions (the window's first paint, ``status``, ``list``) never imports
    peewee, which alone costs a start-up about 40 ms and 12 MB.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection
        self._database: peewee.SqliteDatabase | None = None

    @property
    def database(self) -> peewee.SqliteDatabase:
        """The peewee database over this file, made on first use."""
        if self._database is None:
            from tracker_desktop.core.models import adopt  # deferred: see the class

            self._database = adopt(self.path, self.connection, PRAGMAS, BUSY_TIMEOUT_SECONDS)
        return self._database

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction (taken at once, so a concurrent writer waits, not fails),
        with the models bound to this file."""
        from tracker_desktop.core.models import bound

        with storage_errors(self.path), bound(self.database), self.database.atomic():
            yield

    @contextlib.contextmanager
    def read(self) -> Iterator[None]:
        """A consistent read of several plain-SQL queries (one snapshot of the file)."""
        with storage_errors(self.path):
            if self.connection.in_transaction:  # inside a write: already one snapshot
                yield
                return
            self.connection.execute("BEGIN")
            try:
                yield
            finally:
                if self.connection.in_transaction:
                    self.connection.execute("COMMIT")

    def execute(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        """Runs plain SQL on this file."""
        return self.connection.execute(sql, params)

    def longest_finished_seconds(self) -> int:
        row = self.execute(
            "SELECT value FROM stats WHERE key = 'longest_finished_seconds'"
        ).fetchone()
        return int(row[0]) if row else 0

    def data_version(self) -> int:
        """Changes whenever another connection commits (``PRAGMA data_version``)."""
        with storage_errors(self.path):
            return int(self.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        if self._database is not None and not self._database.is_closed():
            self._database.close()
        self.connection.close()


def open_storage(data_dir: Path) -> Storage:
    """Opens (creating if needed) the database in ``data_dir``, migrating it if older.

    A file that is not a Tracker Desktop database is refused, never overwritten.
    """
    path = data_dir / DATABASE_FILENAME
    _ensure_folder(data_dir)
    if not path.exists() and not path.is_symlink():
        _create(path)
    check_header(path)
    _align_journal_modes(path)
    with storage_errors(path):
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    storage = Storage(path, connection)
    try:
        with storage_errors(path):
            for name, value in PRAGMAS:
                connection.execute(f"PRAGMA {name} = {value}")
            version = _schema_version(storage)
        if version < SCHEMA_VERSION:
            _migrate(storage)
    except BaseException:
        storage.close()
        raise
    return storage


def _schema_version(storage: Storage) -> int:
    """The file's schema version; refuses a newer one and shows damage early."""
    version = int(storage.execute("PRAGMA user_version").fetchone()[0])
    # Reading the schema touches every table's root page: most damage shows here.
    storage.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    _refuse_newer(storage.path, version)
    return version


def _ensure_folder(data_dir: Path) -> None:
    if data_dir.exists() and not data_dir.is_dir():
        raise StorageError(f"{data_dir} is a file, not a folder; choose another data folder.")
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(
            f"cannot create the data folder {data_dir}: {error.strerror or error}"
        ) from error


def _create(path: Path) -> None:
    """Creates a complete, empty database at ``path`` atomically.

    It is built under a temporary name and linked into place, so ``path`` never holds
    a half-made file, and a file made meanwhile by another process is kept.
    """
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        # Mode 0600 from the start; SQLite gives its -wal and -shm files the same mode.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = wal")
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute("BEGIN")
            for statement in _all_statements():
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        finally:
            connection.close()  # the last close checkpoints and removes the -wal file
        try:
            os.link(temporary, path)
        except FileExistsError:
            log.info("%s appeared while creating it; using that one", path)
    except (OSError, sqlite3.Error) as error:
        raise StorageError(_creation_message(path, error)) from error
    finally:
        for leftover in (temporary, *journal_files(temporary)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _creation_message(path: Path, error: BaseException) -> str:
    if isinstance(error, OSError):
        return f"cannot create {path}: {error.strerror or error}"
    return _describe(error, path)


def _all_statements() -> Iterator[str]:
    for migration in MIGRATIONS:
        yield from migration


def check_header(path: Path) -> None:
    """Refuses a ``path`` that is not a Tracker Desktop database, by its header alone.

    Only reads: a refused file stays byte-identical and gets no -wal/-shm companions.
    """
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file; move it away.", damaged=True)
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as error:
        raise StorageError(f"cannot read {path}: {error.strerror or error}") from error
    aside = "It was left untouched; move it aside (or restore a backup) to continue."
    if not header:
        raise StorageError(
            f"{path} is empty (0 bytes), not a Tracker Desktop database. {aside}", damaged=True
        )
    if not header.startswith(SQLITE_HEADER):
        raise StorageError(
            f"{path} is not a SQLite database (damaged or foreign). {aside}", damaged=True
        )
    if len(header) < 100:
        raise StorageError(
            f"{path} is damaged (cut short at {len(header)} bytes). {aside}", damaged=True
        )
    # A whole database is a whole number of pages (page size at offset 16; 1 means 64 KiB).
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    size = path.stat().st_size
    if page_size < 512 or size % page_size:
        raise StorageError(
            f"{path} is damaged (cut short: {size} bytes is not a whole number of "
            f"{page_size}-byte pages). {aside}",
            damaged=True,
        )
    # The header keeps PRAGMA user_version at offset 60 and application_id at 68.
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise StorageError(
            f"{path} is not a Tracker Desktop database (it belongs to another program, "
            f"or is damaged). {aside}",
            damaged=True,
        )
    _refuse_newer(path, int.from_bytes(header[60:64], "big"))


def _refuse_newer(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"{path} was written by a newer Tracker Desktop (schema {version}, this one "
            f"knows {SCHEMA_VERSION}). Update Tracker Desktop to open it."
        )


def _migrate(storage: Storage) -> None:
    """Brings an older file up to ``SCHEMA_VERSION`` in one transaction, after a backup."""
    from tracker_desktop.core.backups import make_backup  # backups build on this module

    backup = make_backup(storage.path.parent, reason=f"before-v{SCHEMA_VERSION}")
    with storage.write():
        # Read again under the write lock: another process may have just migrated it.
        version = _schema_version(storage)
        log.info("migrating %s from schema %d (backup %s)", storage.path, version, backup.path)
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                storage.execute(statement)
        storage.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def check_integrity(path: Path, *, quick: bool = True) -> str | None:
    """None when ``path`` passes SQLite's (quick) integrity check, else what is wrong.

    Uses its own read-only connection, so any thread may call it.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    problems = [str(row[0]) for row in rows if row[0] != "ok"]
    # One line, and short: the first few problems SQLite lists say enough.
    text = "; ".join(" ".join(p.split()) for p in problems[:3])
    return (text[:300] + "…" if len(text) > 300 else text) or None


def copy_database(source: Path, target: Path) -> None:
    """An online, consistent copy of ``source`` at ``target`` (SQLite's backup API).

    Written under a temporary name, checked, then moved into place: ``target`` is
    either a complete, healthy copy or absent. Safe while others use ``source``.
    """
    # One partial file per process: two processes backing up in the same second (the
    # first commands of a day, run at once) must not write into the same file.
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        with storage_errors(target):
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
            reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
            writer = sqlite3.connect(partial)
            try:
                reader.execute("PRAGMA busy_timeout = 5000")
                reader.backup(writer)
                # A copy is a single file: no -wal to lose when it is moved or mailed.
                writer.execute("PRAGMA journal_mode = delete")
            finally:
                writer.close()
                reader.close()
        problem = check_integrity(partial, quick=False)
        if problem is not None:
            raise StorageError(f"the copy of {source} at {target} failed its check: {problem}")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
