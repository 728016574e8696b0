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
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import peewee

from tracker_desktop.core import files, layout
from tracker_desktop.core.errors import ConflictError, InvalidInputError, StorageError
from tracker_desktop.core.layout import Backup, journal_files
from tracker_desktop.core.migrations import MIGRATIONS, SCHEMA_VERSION
from tracker_desktop.core.models import (
    COMMITS,
    DATABASE_ID,
    SYNC_OFFERED,
    SYNCED_FIELDS,
    BaseModel,
    Stat,
    create_schema,
    unbound,
)

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
    either, the models (``core/models.py``) are bound to this file. While open, it holds
    the folder's lock shared (see ``files.FolderLock``): a restore waits until it closes.
    """

    def __init__(self, data_dir: Path, *, read_only: str | None = None) -> None:
        self.data_dir = data_dir
        self.path = layout.database_path(data_dir)
        # What opening found and mended (files made private again), for the user.
        self.notes: list[str] = []
        self._lock: files.FolderLock | None = None
        self.read_only = read_only
        if read_only is not None:  # "ro", or "immutable" (the file alone, no journal)
            mode = "immutable=1" if read_only == "immutable" else "mode=ro"
            self.database = peewee.SqliteDatabase(
                f"{self.path.resolve().as_uri()}?{mode}",
                uri=True,
                timeout=BUSY_TIMEOUT_SECONDS,
                autoconnect=False,
            )
            return
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
        is not a Tracker Desktop database, or not the user's own, is refused, never
        overwritten."""
        layout.ensure_folder(self.data_dir)
        self.notes = files.check_folder(self.data_dir)
        self._lock = lock = files.FolderLock(self.data_dir)
        try:
            alone = lock.try_exclusive()
            if alone:  # nobody has the database open: tidy up after interrupted work
                _finish_interrupted_work(self.data_dir)
            elif not lock.acquire(exclusive=False, timeout=BUSY_TIMEOUT_SECONDS):
                raise StorageError(_busy_message(self.path))
            if self.read_only is None and not self.path.exists() and not self.path.is_symlink():
                _create(self.path)
            self.notes += files.check_file(self.path)
            for journal in journal_files(self.path):
                self.notes += files.check_file(journal, single_link=True)
            check_header(self.path)
            if alone:
                _check_journal(self.path)
                # Shared from now on (a restore may slip in between: then this waits).
                if not lock.acquire(exclusive=False, timeout=BUSY_TIMEOUT_SECONDS):
                    raise StorageError(_busy_message(self.path))
            _align_journal_modes(self.path)
            with storage_errors(self.path):
                self.database.connect()
        except StorageError as error:
            self.close()
            if not self.notes:
                raise
            # What was mended on the way is said even when opening fails after it.
            also = "; ".join(self.notes)
            raise StorageError(f"{error} (Also: {also}.)", damaged=error.damaged) from error
        except BaseException:
            self.close()
            raise
        try:
            with storage_errors(self.path):
                version = _schema_version(self.database, self.path)
            if version < SCHEMA_VERSION:
                if self.read_only is not None:
                    raise StorageError(
                        f"{self.path} must be upgraded before it can be read, and that "
                        "needs to write to it: free some space and try again."
                    )
                self._migrate()
        except BaseException:
            self.close()
            raise

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One write transaction, taken at once (a concurrent writer waits, not fails).

        Each one counts itself in the stats table, whose page also holds the database's
        id: so every journal carries the id of the database it was written for."""
        with self._transaction(None):
            Stat.update(value=Stat.value + 1).where(Stat.key == COMMITS).execute()
            yield

    @contextlib.contextmanager
    def _migrating(self) -> Iterator[None]:
        """The migration's write transaction (an older file may lack the stats table)."""
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
        return unbound.bound(self.database)

    @contextlib.contextmanager
    def thread_connection(self) -> Iterator[None]:
        """A connection of this thread's own (a worker's), open for the block: peewee's
        connections are per thread, and the models' binding too (``ThreadBinding``)."""
        with storage_errors(self.path):
            self.database.connect()
        try:
            yield
        finally:
            self.database.close()

    def insert_rows(
        self,
        model: type[BaseModel],
        fields: Sequence[peewee.Field],
        rows: Iterable[Sequence[Any]],
    ) -> None:
        """Adds ``rows`` (Python values, in the order of ``fields``) to ``model``'s table,
        inside the current write transaction: one statement, made by the model, run for
        every row. (``insert_many`` writes SQL text for every value: seconds for the
        100,000 sessions of an import.)"""
        sql, _ = model.insert({field: None for field in fields}).sql()
        converters: list[Callable[[Any], Any]] = [field.db_value for field in fields]
        values = ([convert(v) for convert, v in zip(converters, row, strict=True)] for row in rows)
        with storage_errors(self.path):
            cursor: sqlite3.Cursor = self.database.cursor()  # type: ignore[no-untyped-call]
            cursor.executemany(sql, values)

    def defer_foreign_keys(self) -> None:
        """Within the current write transaction, checks references only at the commit
        (for a change put back row by row, whose rows refer to each other)."""
        _execute(self.database, "PRAGMA defer_foreign_keys = on")

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
        if self._lock is not None:
            self._lock.release()
            self._lock.close()
            self._lock = None

    def _migrate(self) -> None:
        """Brings an older file up to ``SCHEMA_VERSION`` in one transaction, after a
        backup. Foreign keys are off meanwhile (a step may rebuild a table that others
        refer to) and checked before the commit."""
        backup = make_backup(self.data_dir, f"before-v{SCHEMA_VERSION}")
        database = self.database
        with storage_errors(self.path):
            _execute(database, "PRAGMA foreign_keys = off")
        try:
            with self._migrating():
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


def open_alongside(data_dir: Path) -> Storage:
    """Another connection to the database of ``data_dir`` for another thread of a process
    that has it open already (the window's background sync), without ``open_storage``'s
    checks of the file's bytes, which that opening made.

    Those checks read the file with an ordinary open and close; in a process where SQLite
    holds the file open, closing any other descriptor of it drops every POSIX lock SQLite
    holds on it, and another process may then reset the write-ahead log under its feet,
    losing commits (https://www.sqlite.org/howtocorrupt.html, section 2.2). The folder's
    own lock (on the folder, not the file) is still taken, so a restore waits for it."""
    storage = Storage(data_dir)
    storage._lock = lock = files.FolderLock(data_dir)
    try:
        if not lock.acquire(exclusive=False, timeout=BUSY_TIMEOUT_SECONDS):
            raise StorageError(_busy_message(storage.path))
        with storage_errors(storage.path):
            storage.database.connect()
    except BaseException:
        storage.close()
        raise
    return storage


def open_for_reading(data_dir: Path) -> Storage:
    """Opens the database to read only, where it cannot be opened to write: on a full
    disk SQLite has no room even for its shared-memory file, yet what is saved can be
    shown. (Without a journal beside it, the file alone is the whole database.)"""
    try:
        return open_storage(data_dir)
    except StorageError as error:
        if error.damaged or not files.is_regular_file(layout.database_path(data_dir)):
            raise
        refused = error
    wal = journal_files(layout.database_path(data_dir))[0]
    for mode in ("ro", "immutable"):
        if mode == "immutable" and files.is_regular_file(wal) and wal.stat().st_size > 0:
            break
        storage = Storage(data_dir, read_only=mode)
        try:
            storage._open()
        except StorageError:
            continue
        log.info("opened %s read-only (%s): %s", storage.path, mode, refused)
        return storage
    raise refused


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
        os.close(files.create_exclusive(temporary))
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
    try:
        header, info = files.read_head(path, 100)
    except IsADirectoryError:
        raise StorageError(
            f"{path} is a folder, not a database file; move it away.", damaged=True
        ) from None
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
    size = info.st_size
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
            os.close(files.create_exclusive(partial))
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
    backup = layout.backup_named(target)
    assert backup is not None  # named by new_backup_path
    return backup


def set_aside(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Moves a damaged database (with its -wal and -shm files) aside under a dated name,
    so a new one can take its place; returns the new name, or None if there was none."""
    current = layout.database_path(data_dir)
    if not current.exists():
        return None
    lock = files.FolderLock(data_dir)
    try:
        with lock.exclusively(BUSY_TIMEOUT_SECONDS, _busy_message(current)):
            aside = layout.aside_path(data_dir, now or datetime.now(UTC))
            # The side files first: a -wal next to the new file would be applied to it.
            for side, moved in zip(journal_files(current), journal_files(aside), strict=True):
                if side.exists():
                    os.replace(side, moved)
            os.replace(current, aside)
            files.sync_folder(data_dir)
    except OSError as error:
        raise StorageError(f"cannot move {current} aside: {error.strerror or error}") from error
    finally:
        lock.close()
    return aside


def window_pid(data_dir: Path) -> int | None:
    """The process id of a live Tracker Desktop window on this folder (another process
    than this one), if any; -1 when its id cannot be read."""
    pid = files.lock_holder(data_dir / layout.GUI_LOCK_FILENAME)
    return None if pid == os.getpid() else pid


def _busy_message(path: Path) -> str:
    return (
        f"{path} is in use by another Tracker Desktop command (a restore, or a command "
        f"that has held it for over {BUSY_TIMEOUT_SECONDS:g} seconds). Try again in a moment."
    )


RESTORING_PREFIX = f".{layout.DATABASE_FILENAME}.restoring-"


def restore_database(data_dir: Path, source: Path, now: datetime | None = None) -> Restored:
    """Puts the backup ``source`` in place of the folder's database, keeping the replaced
    file aside (``tracker.db.replaced-<stamp>``, with everything its journal held).

    One atomic step: the new file is made complete beside the old one, and renamed over
    it while the folder's lock keeps every other command out, so there is never a moment
    without ``tracker.db``; a kill at any point leaves the old database or the new one,
    and the next start clears what was left half-done. A window open on the folder (in
    another process) is a refusal."""
    target = layout.database_path(data_dir)
    pid = window_pid(data_dir)
    if pid is not None:
        who = f"(process {pid}) " if pid > 0 else ""
        raise StorageError(
            f"the Tracker Desktop window {who}has {target} open; quit it first, "
            "or restore from its File menu"
        )
    if not source.is_file():
        raise InvalidInputError(f"FILE: {source} does not exist or is not a file")
    # The folder and what it holds must be the user's own before anything is put there.
    files.check_folder(data_dir)
    files.check_file(target)
    for journal in journal_files(target):
        files.check_file(journal, single_link=True)
    problem = problem_with(source)
    if problem is not None:
        raise StorageError(f"{source} cannot be restored: {problem}")
    partial = data_dir / f"{RESTORING_PREFIX}{os.getpid()}"
    lock = files.FolderLock(data_dir)
    try:
        # The copy takes what the source's own journal holds, as its check saw it.
        _copy_into(source, partial)
        _offer_restored_outbox(partial)
        with lock.exclusively(BUSY_TIMEOUT_SECONDS, _busy_message(target)):
            kept = _keep_aside(target, now) if target.exists() else None
            os.replace(partial, target)
            files.sync_folder(data_dir)
    except OSError as error:
        raise StorageError(f"cannot restore {source}: {error.strerror or error}") from error
    finally:
        partial.unlink(missing_ok=True)
        lock.close()
    return Restored(source, kept)


def _offer_restored_outbox(path: Path) -> None:
    """A backup's rows waiting to be sent whole (made before it was taken, perhaps sent
    since and then changed or deleted on other machines) become offers: the server adds
    those it lacks and keeps its own version of the others. Replayed whole they would
    bring back deletes and undo other machines' edits."""
    every = " ".join(
        f"WHEN '{table}' THEN {(1 << len(fields)) - 1}" for table, fields in SYNCED_FIELDS.items()
    )
    with storage_errors(path):
        connection = sqlite3.connect(path)
        try:
            exists = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_outbox'"
            ).fetchone()
            if exists:
                with connection:
                    connection.execute(
                        f"UPDATE sync_outbox SET fields = {SYNC_OFFERED} WHERE NOT deleted "
                        f"AND fields & (CASE tbl {every} END) = (CASE tbl {every} END)"
                    )
        finally:
            connection.close()


def _keep_aside(target: Path, now: datetime | None) -> Path:
    """Gives the database a second name, ``tracker.db.replaced-<stamp>``, once its journal
    is folded into it (so that name alone holds every committed change); a damaged file,
    whose journal cannot be folded in, takes its journal files along under that name.
    Called with the folder locked: nobody else has the file open."""
    aside = layout.aside_path(target.parent, now or datetime.now(UTC))
    try:
        connection = sqlite3.connect(target, isolation_level=None)
        try:
            busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        log.info("%s cannot be checkpointed (%s); its journal goes aside with it", target, error)
        for side, moved in zip(journal_files(target), journal_files(aside), strict=True):
            if side.exists():
                os.replace(side, moved)
    else:
        if busy:
            raise StorageError(_busy_message(target))
    os.link(target, aside)
    return aside


def _copy_into(source: Path, target: Path) -> None:
    """A single-file, checked, durable copy of the database ``source`` (journal included)
    at the new file ``target``."""
    with storage_errors(source):
        os.close(files.create_exclusive(target))
        reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        writer = sqlite3.connect(target)
        try:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode = delete")
        finally:
            writer.close()
            reader.close()
        descriptor = os.open(target, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    problem = problem_with(target)
    if problem is not None:
        raise StorageError(f"the copy of {source} failed its check: {problem}")


def _finish_interrupted_work(data_dir: Path) -> None:
    """With nobody else using the database: removes what a killed restore or creation
    left (its new file, and a second name of the live file made just before the swap)."""
    target = layout.database_path(data_dir)
    for pattern in (f"{RESTORING_PREFIX}*", layout.NEW_DATABASE_PATTERN):
        for leftover in data_dir.glob(pattern):
            if files.is_regular_file(leftover):
                log.info("removing %s, left by an interrupted command", leftover)
                leftover.unlink(missing_ok=True)
    try:
        live = target.stat()
    except OSError:
        return
    for aside in data_dir.glob(f"{layout.DATABASE_FILENAME}.replaced-*"):
        with contextlib.suppress(OSError):
            info = aside.lstat()
            if (info.st_dev, info.st_ino) == (live.st_dev, live.st_ino):
                log.info("an interrupted restore left %s; the database stays as it was", aside)
                aside.unlink()


def _check_journal(path: Path) -> None:
    """Refuses a journal (``-wal``) that was written for another database: copied in
    from another folder, its changes would replace this file's sessions. Each commit
    rewrites the page holding the database's id (see ``Storage.atomic``), so the id
    read through the journal differs from the file's own."""
    wal = journal_files(path)[0]
    try:
        if not wal.exists() or wal.stat().st_size <= 32:  # none, or a header alone
            return
        own = _database_id(f"{path.resolve().as_uri()}?immutable=1")  # the file alone
        through = _database_id(f"{path.resolve().as_uri()}?mode=ro")  # with its journal
    except (OSError, sqlite3.Error) as error:
        log.info("could not compare %s with its journal: %s", path, error)
        return
    if own is not None and through is not None and own != through:
        raise StorageError(
            f"{wal} belongs to another database, not to {path}: opening them together "
            "would replace its sessions with that database's. Both were left untouched; "
            f"move {wal.name} away (or put back the journal that belongs to it) to continue."
        )


def _database_id(uri: str) -> int | None:
    connection = sqlite3.connect(uri, uri=True)
    try:
        row = connection.execute("SELECT value FROM stats WHERE key = ?", (DATABASE_ID,)).fetchone()
    finally:
        connection.close()
    return None if row is None else int(row[0])
