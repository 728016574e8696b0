"""Backups of the database: taking them, keeping a sensible number, restoring one.

A backup is a complete, checked copy in ``<data folder>/backups/``; restoring one never
deletes anything: the file it replaces is kept aside under a dated name.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from tracker_desktop.core.errors import InvalidInputError, NotFoundError, StorageError
from tracker_desktop.core.storage import (
    DATABASE_FILENAME,
    GUI_LOCK_FILENAME,
    check_header,
    check_integrity,
    copy_database,
    journal_files,
)

BACKUP_FOLDER = "backups"
DAILY = "daily"
KEEP_DAYS = 7
KEEP_WEEKS = 4
STALE_PARTIAL_SECONDS = 3600
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"tracker-(\d{8}T\d{6}Z)-([a-z0-9-]+)\.db")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    reason: str  # "daily", "manual", "before-v2", "before-restore"


@dataclass(frozen=True)
class Restored:
    backup: Path
    kept_aside: Path | None  # where the replaced database now is


def backup_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


def list_backups(data_dir: Path) -> list[Backup]:
    """The backups in the folder, newest first."""
    folder = backup_folder(data_dir)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.fullmatch(path.name)
            if match:
                taken = datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC)
                found.append(Backup(path, taken, match[2]))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def make_backup(data_dir: Path, reason: str = "manual", now: datetime | None = None) -> Backup:
    """Copies the database now (while it may be in use) into the backup folder."""
    taken = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    target = backup_folder(data_dir) / f"tracker-{taken.strftime(_STAMP)}-{reason}.db"
    for suffix in range(1, 100):  # two backups in one second keep both
        if not target.exists():
            break
        target = target.with_name(f"tracker-{taken.strftime(_STAMP)}-{reason}-{suffix}.db")
    copy_database(data_dir / DATABASE_FILENAME, target)
    return Backup(target, taken, reason)


def daily_backup(data_dir: Path, now: datetime, zone: tzinfo) -> Backup | None:
    """The day's automatic backup, unless there is one already; then prunes old ones."""
    today = now.astimezone(zone).date()
    if any(
        b.reason == DAILY and b.taken_at.astimezone(zone).date() == today
        for b in list_backups(data_dir)
    ):
        return None
    backup = make_backup(data_dir, DAILY, now)
    prune(data_dir, zone)
    return backup


def prune(data_dir: Path, zone: tzinfo) -> list[Path]:
    """Deletes automatic backups beyond the newest of each of the last 7 days and of
    each of the last 4 weeks. Backups made by hand or before a migration stay."""
    daily = [b for b in list_backups(data_dir) if b.reason == DAILY]
    keep: set[Path] = set()
    days: dict[date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    for backup in daily:  # newest first: the first seen of a day or week is its newest
        day = backup.taken_at.astimezone(zone).date()
        if day not in days and len(days) < KEEP_DAYS:
            days[day] = backup.path
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKS:
            weeks[week] = backup.path
    keep.update(days.values(), weeks.values())
    removed = []
    # Copies interrupted by a quit (a backup never finishes as a partial file), and
    # databases whose creation was killed (a finished one is linked into place).
    _remove_stale(backup_folder(data_dir), ".*.partial")
    _remove_stale(data_dir, f".{DATABASE_FILENAME}.new-*")
    for backup in daily:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def _remove_stale(folder: Path, pattern: str) -> None:
    """Deletes the temporary files matching ``pattern`` that nobody touched for an hour."""
    for leftover in folder.glob(pattern) if folder.is_dir() else ():
        with contextlib.suppress(OSError):
            if time.time() - leftover.stat().st_mtime > STALE_PARTIAL_SECONDS:
                leftover.unlink()


def newest_good_backup(data_dir: Path) -> Backup | None:
    """The newest backup that is a healthy Tracker Desktop database."""
    for backup in list_backups(data_dir):
        if _problem_with(backup.path) is None:
            return backup
    return None


def _problem_with(path: Path) -> str | None:
    try:
        check_header(path)
    except StorageError as error:
        return str(error)
    return check_integrity(path, quick=False)


def set_aside(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Moves the database (with its -wal and -shm files) aside under a dated name, so a
    new one can take its place; returns the new name, or None if there was none."""
    current = data_dir / DATABASE_FILENAME
    if not current.exists():
        return None
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)
    aside = data_dir / f"{DATABASE_FILENAME}.replaced-{stamp}"
    counter = 1
    while aside.exists():
        aside = data_dir / f"{DATABASE_FILENAME}.replaced-{stamp}-{counter}"
        counter += 1
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
        pid = int((data_dir / GUI_LOCK_FILENAME).read_text().split()[0])
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


def restore(data_dir: Path, source: Path | None = None, now: datetime | None = None) -> Restored:
    """Puts a backup (default: the newest good one) in place of the database, keeping
    the replaced file aside. Nothing may have the database open meanwhile: a window
    open on the folder (another process) is a refusal."""
    pid = window_pid(data_dir)
    if pid is not None:
        raise StorageError(
            f"the Tracker Desktop window (process {pid}) has {data_dir / DATABASE_FILENAME} "
            "open; quit it first, or restore from its File menu"
        )
    if source is None:
        newest = newest_good_backup(data_dir)
        if newest is None:
            raise NotFoundError(f"there is no usable backup in {backup_folder(data_dir)}")
        source = newest.path
    elif not source.is_file():
        raise InvalidInputError(f"FILE: {source} does not exist or is not a file")
    else:
        problem = _problem_with(source)
        if problem is not None:
            raise StorageError(f"{source} cannot be restored: {problem}")
    target = data_dir / DATABASE_FILENAME
    partial = data_dir / f".{DATABASE_FILENAME}.restoring"
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


def describe(backup: Backup, zone: tzinfo) -> str:
    """``2026-11-26 09:00 (daily)``."""
    return f"{backup.taken_at.astimezone(zone):%Y-%m-%d %H:%M} ({backup.reason})"
