"""Which backups to take and keep: the day's automatic copy, pruning, the newest good one.

A backup is a complete, checked copy in ``<data folder>/backups/`` (``storage.make_backup``);
restoring one never deletes anything (``storage.restore_database``).
"""

from __future__ import annotations

import contextlib
import time
from datetime import date, datetime, tzinfo
from pathlib import Path

from tracker_desktop.core import layout
from tracker_desktop.core.errors import NotFoundError, StorageError
from tracker_desktop.core.layout import Backup, list_backups
from tracker_desktop.core.storage import (
    Restored,
    check_header,
    make_backup,
    problem_with,
    restore_database,
)

DAILY = "daily"
KEEP_DAYS = 7
KEEP_WEEKS = 4
STALE_PARTIAL_SECONDS = 3600


def daily_backup(data_dir: Path, now: datetime, zone: tzinfo) -> Backup | None:
    """The day's automatic backup, unless there is one already; then prunes old ones.
    (A stray file under such a name, not a database of ours, does not count.)"""
    today = now.astimezone(zone).date()
    if any(
        b.reason == DAILY and b.taken_at.astimezone(zone).date() == today and _is_ours(b.path)
        for b in list_backups(data_dir)
    ):
        return None
    backup = make_backup(data_dir, DAILY, now)
    prune(data_dir, zone)
    return backup


def prune(data_dir: Path, zone: tzinfo) -> list[Path]:
    """Deletes automatic backups beyond the newest of each of the last 7 days and of
    each of the last 4 weeks, counted in the order they were written (so a day stamped
    by a wrong clock holds one place, never all of them). Backups made by hand or
    before a migration stay."""
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
    # Copies interrupted by a quit (a backup never finishes as a partial file).
    _remove_stale(layout.backup_folder(data_dir), layout.PARTIAL_COPY_PATTERN)
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


def _is_ours(path: Path) -> bool:
    try:
        check_header(path)
    except StorageError:
        return False
    return True


def newest_good_backup(data_dir: Path) -> Backup | None:
    """The newest backup that is a healthy Tracker Desktop database."""
    for backup in list_backups(data_dir):
        if problem_with(backup.path) is None:
            return backup
    return None


def restore(data_dir: Path, source: Path | None = None, now: datetime | None = None) -> Restored:
    """Puts ``source`` (default: the newest good backup) in place of the database, keeping
    the replaced file aside (``storage.restore_database``)."""
    if source is None:
        newest = newest_good_backup(data_dir)
        if newest is None:
            raise NotFoundError(f"there is no usable backup in {layout.backup_folder(data_dir)}")
        source = newest.path
    return restore_database(data_dir, source, now)


def describe(backup: Backup, zone: tzinfo) -> str:
    """``2026-11-26 09:00 (daily)``."""
    return f"{backup.taken_at.astimezone(zone):%Y-%m-%d %H:%M} ({backup.reason})"
