"""The SQLite file: opening it safely, transactions, migrations, copies and restores.

``Storage`` is the one object that opens, replaces (restore) and closes a folder's
database; the service, the CLI and the window ask it and never reach past it. SQLite-only
details (pragmas, ``user_version``, ``application_id``, file checks and copies) live here
and nowhere else; the schema itself is the models' (``core/models.py``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import peewee

from tracker_desktop.core import layout
from tracker_desktop.core.errors import ConflictError, InvalidInputError, StorageError
from tracker_desktop.core.layout import Backup, journal_files
from tracker_desktop.core.migrations import MIGRATIONS, SCHEMA_VERSION
from tracker_desktop.core.models import MODELS, create_schema

log = logging.getLogger(__name__)

# PRAGMA application_id marks a file as ours ("TrkD"); a file without it is foreign.
APPLICATION_ID = 0x54726B44
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 5.0
PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", "on"),
)

# -- errors -------------------------------------------------------------------------------


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


def _is_damage(error: BaseException) -> bool:
    text = str(_root_cause(error)).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


_INTEGRITY_ERRORS = (peewee.IntegrityError, sqlite3.IntegrityError)
# InterfaceError: the database was used after it was closed.
_DATABASE_ERRORS = (peewee.DatabaseError, peewee.InterfaceError, sqlite3.DatabaseError)


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Turns SQLite, peewee and file-system failures on ``path`` into the core's errors:
    the one translation of storage failures."""
    try:
        yield
    except _INTEGRITY_ERRORS as error:
        raise ConflictError(f"the change clashes with the saved sessions ({error})") from error
    except _DATABASE_ERRORS as error:
        raise StorageError(_describe(error, path), damaged=_is_damage(error)) from error
    except OSError as error:
        raise StorageError(f"{path}: {error.strerror or error}") from error


# -- the open database --------------------------------------------------------------------


class Storage:
    """The open database of one data folder.

    ``atomic()`` is a write transaction and ``snapshot()`` a consistent read; inside
    either, the models (``core/models.py``) are bound to this file.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = layout.database_path(data_dir)
        # Writes take the lock at once (BEGIN IMMEDIATE): a concurrent writer waits for
        # the busy timeout instead of failing halfway through a transaction.
        self.database = peewee.SqliteDatabase(
            str(self.path),
            pragmas=PRAGMAS,
            timeout=BUSY_TIMEOUT_SECONDS,
            lock_type="IMMEDIATE",
            autoconnect=False,
        )

    def _open(self) -> None:
        """Opens (creating if needed) the file, migrating it if it is older. A file that
        is not a Tracker Desktop database is refused, never overwritten."""
        layout.ensure_folder(self.data_dir)
        if not self.path.exists() and not self.path.is_symlink():
            _create(self.path)
        check_header(self.path)
        _align_journal_modes(self.path)
        with storage_errors(self.path):
            self.database.connect()
        try:
            with storage_errors(self.path):
                version = _schema_version(self.database, self.path)
            if version < SCHEMA_VERSION:
                self._migrate()
        except BaseException:
            self.close()
            raise

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One write transaction, taken at once (a concurrent writer waits, not fails)."""
        with self._transaction(None):
            yield

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """A consistent read of several queries (one snapshot of the file); inside a
        write transaction, that transaction's view."""
        if self.database.in_transaction():
            with storage_errors(self.path), self._bound():
                yield
            return
        with self._transaction("DEFERRED"):
            yield

    @contextlib.contextmanager
    def _transaction(self, lock_type: str | None) -> Iterator[None]:
        with storage_errors(self.path), self._bound(), self.database.atomic(lock_type=lock_type):
            yield

    def _bound(self) -> contextlib.AbstractContextManager[None]:
        manager: contextlib.AbstractContextManager[None] = self.database.bind_ctx(
            MODELS, bind_refs=False, bind_backrefs=False
        )
        return manager

    def data_version(self) -> int:
        """Changes whenever another connection commits (``PRAGMA data_version``)."""
        with storage_errors(self.path):
            return int(_execute(self.database, "PRAGMA data_version").fetchone()[0])

    def restore(self, source: Path, now: datetime | None = None) -> Restored:
        """Replaces this database with the backup ``source`` (the replaced file is kept
        aside) and opens the result; on failure the previous file stays open."""
        self.close()
        try:
            restored = restore_database(self.data_dir, source, now)
        finally:
            self._open()
        return restored

    def close(self) -> None:
        if not self.database.is_closed():
            self.database.close()

    def _migrate(self) -> None:
        """Brings an older file up to ``SCHEMA_VERSION`` in one transaction, after a
        backup. Foreign keys are off meanwhile (a step may rebuild a table that others
        refer to) and checked before the commit."""
        backup = make_backup(self.data_dir, f"before-v{SCHEMA_VERSION}")
        database = self.database
        with storage_errors(self.path):
            _execute(database, "PRAGMA foreign_keys = off")
        try:
            with self.atomic():
                # Read again under the write lock: another process may have just migrated.
                version = _schema_version(database, self.path)
                log.info("migrating %s from schema %d (backup %s)", self.path, version, backup)
                for step in MIGRATIONS[version:]:
                    for statement in step:
                        _execute(database, statement)
                if _execute(database, "PRAGMA foreign_key_check").fetchone() is not None:
                    raise StorageError(f"{self.path}: its data breaks the new schema's rules")
                _execute(database, f"PRAGMA user_version = {SCHEMA_VERSION}")
        finally:
            with storage_errors(self.path):
                _execute(database, "PRAGMA foreign_keys = on")
        # A rebuilt table leaves the old one's pages free: give them back to the disk.
        # Only a nicety; another program reading the file just now makes it wait.
        try:
            with storage_errors(self.path):
                _execute(database, "VACUUM")
        except StorageError as error:
            log.info("not compacted after migrating: %s", error)


class Restored(NamedTuple):
    backup: Path
    kept_aside: Path | None  # where the replaced database now is


def _execute(database: peewee.Database, sql: str) -> sqlite3.Cursor:
    """Runs SQL text that the models cannot express (pragmas, migration steps)."""
    cursor: sqlite3.Cursor = database.execute_sql(sql)  # type: ignore[no-untyped-call]
    return cursor


def open_storage(data_dir: Path) -> Storage:
    """Opens (creating if needed) the database in ``data_dir``, migrating it if older."""
    storage = Storage(data_dir)
    storage._open()
    return storage


def _schema_version(database: peewee.SqliteDatabase, path: Path) -> int:
    """The file's schema version; refuses a newer one and shows damage early."""
    version = int(_execute(database, "PRAGMA user_version").fetchone()[0])
    # Reading the schema touches every table's root page: most damage shows here.
    _execute(database, "SELECT count(*) FROM sqlite_schema").fetchone()
    _refuse_newer(path, version)
    return version


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


def _create(path: Path) -> None:
    """Creates a complete, empty database at ``path`` atomically, from the models.

    It is built under a temporary name and linked into place, so ``path`` never holds
    a half-made file, and a file made meanwhile by another process is kept.
    """
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        # Mode 0600 from the start; SQLite gives its -wal and -shm files the same mode.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        database = peewee.SqliteDatabase(
            str(temporary),
            pragmas=(("journal_mode", "wal"), ("application_id", APPLICATION_ID)),
            autoconnect=False,
        )
        database.connect()
        try:
            with database.atomic():
                create_schema(database)
                _execute(database, f"PRAGMA user_version = {SCHEMA_VERSION}")
        finally:
            database.close()  # the last close checkpoints and removes the -wal file
        try:
            os.link(temporary, path)
        except FileExistsError:
            log.info("%s appeared while creating it; using that one", path)
    except (OSError, *_DATABASE_ERRORS) as error:
        raise StorageError(_creation_message(path, error)) from error
    finally:
        for leftover in (temporary, *journal_files(temporary)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _creation_message(path: Path, error: BaseException) -> str:
    if isinstance(error, OSError):
        return f"cannot create {path}: {error.strerror or error}"
    return _describe(error, path)


# -- whole files: checks, copies, restores ------------------------------------------------


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


def problem_with(path: Path) -> str | None:
    """Why ``path`` is not a healthy Tracker Desktop database, or None."""
    try:
        check_header(path)
    except StorageError as error:
        return str(error)
    return check_integrity(path, quick=False)


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


def make_backup(data_dir: Path, reason: str = "manual", now: datetime | None = None) -> Backup:
    """Copies the folder's database now (while it may be in use) into its backups."""
    taken = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    target = layout.new_backup_path(data_dir, reason, taken)
    copy_database(layout.database_path(data_dir), target)
    return Backup(target, taken, reason)


def set_aside(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Moves the database (with its -wal and -shm files) aside under a dated name, so a
    new one can take its place; returns the new name, or None if there was none."""
    current = layout.database_path(data_dir)
    if not current.exists():
        return None
    aside = layout.aside_path(data_dir, now or datetime.now(UTC))
    try:
        # The side files first: a -wal next to the new file would be applied to it.
        for side, moved in zip(journal_files(current), journal_files(aside), strict=True):
            if side.exists():
                os.replace(side, moved)
        os.replace(current, aside)
    except OSError as error:
        raise StorageError(f"cannot move {current} aside: {error.strerror or error}") from error
    return aside


def window_pid(data_dir: Path) -> int | None:
    """The process id of a live Tracker Desktop window on this folder, if any (POSIX)."""
    try:
        pid = int((data_dir / layout.GUI_LOCK_FILENAME).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    if os.name != "posix" or pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    return pid


def restore_database(data_dir: Path, source: Path, now: datetime | None = None) -> Restored:
    """Puts the backup ``source`` in place of the folder's database, keeping the replaced
    file aside. Nothing may have the database open meanwhile: a window open on the folder
    (in another process) is a refusal."""
    pid = window_pid(data_dir)
    if pid is not None:
        raise StorageError(
            f"the Tracker Desktop window (process {pid}) has {layout.database_path(data_dir)} "
            "open; quit it first, or restore from its File menu"
        )
    if not source.is_file():
        raise InvalidInputError(f"FILE: {source} does not exist or is not a file")
    problem = problem_with(source)
    if problem is not None:
        raise StorageError(f"{source} cannot be restored: {problem}")
    target = layout.database_path(data_dir)
    partial = data_dir / f".{layout.DATABASE_FILENAME}.restoring"
    try:
        shutil.copyfile(source, partial)
        os.chmod(partial, 0o600)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StorageError(f"cannot copy {source}: {error.strerror or error}") from error
    kept = set_aside(data_dir, now)
    try:
        os.replace(partial, target)
    except OSError as error:
        with contextlib.suppress(OSError):  # put the old file back where it was
            if kept is not None:
                os.replace(kept, target)
        raise StorageError(f"cannot restore {source}: {error.strerror or error}") from error
    return Restored(source, kept)
