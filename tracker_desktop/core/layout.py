"""The data folder's layout: which folder is the user's, and what each file in it is.

Every other module asks here for a path instead of spelling a file name itself, so the
storage, the backups and the window agree on the folder without importing each other.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from tracker_desktop.core.errors import StorageError

DATABASE_FILENAME = "tracker.db"
# SQLite's companions of the database in WAL mode.
JOURNAL_SUFFIXES = ("-wal", "-shm")
# Held by the window while it runs (one window per folder); see ui/single_instance.py.
GUI_LOCK_FILENAME = "gui.lock"
SOCKET_FILENAME = "gui.sock"
SETTINGS_FILENAME = "window.ini"
LOG_FILENAME = "tracker-desktop.log"
BACKUP_FOLDER = "backups"
# Where a database is put together before it is moved into place (creation, restore).
NEW_DATABASE_PATTERN = f".{DATABASE_FILENAME}.new-*"
PARTIAL_COPY_PATTERN = ".*.partial"

_STAMP = "%Y%m%dT%H%M%SZ"
# tracker-<sequence>-<UTC stamp>-<reason>.db; the first release wrote no sequence.
_BACKUP_NAME = re.compile(r"tracker-(?:(\d{6,})-)?(\d{8}T\d{6}Z)-([a-z0-9-]+)\.db")


def default_data_dir() -> Path:
    """The per-user data folder, unless ``TRACKER_DESKTOP_DATA_DIR`` overrides it."""
    override = os.environ.get("TRACKER_DESKTOP_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs  # only needed when nothing overrides it

    return Path(platformdirs.user_data_dir("tracker-desktop", appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILENAME


def journal_files(path: Path) -> list[Path]:
    """The files SQLite keeps beside the database ``path`` in WAL mode."""
    return [path.with_name(path.name + suffix) for suffix in JOURNAL_SUFFIXES]


def ensure_folder(data_dir: Path) -> None:
    """Creates the data folder (private to the user) unless it exists."""
    try:
        if data_dir.is_symlink() and not data_dir.exists():
            raise StorageError(
                f"the data folder {data_dir} is a symbolic link to {os.readlink(data_dir)}, "
                "which does not exist; create that folder or choose another data folder."
            )
        if data_dir.exists() and not data_dir.is_dir():
            raise StorageError(f"{data_dir} is a file, not a folder; choose another data folder.")
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(
            f"cannot use the data folder {data_dir}: {error.strerror or error}"
        ) from error


# -- backups ------------------------------------------------------------------------------


class Backup(NamedTuple):
    """A backup file: ``backups/tracker-<sequence>-<UTC stamp>-<reason>.db``.

    The sequence number, one more than the highest in the folder, tells which backup
    was written last: the stamp is only what the clock said, and a clock once wrong
    (a day in 2040) must not make an old copy look like the newest.
    """

    path: Path
    taken_at: datetime
    reason: str  # "daily", "manual", "before-v2", "before-restore"
    sequence: int = 0  # 0: written by the first release, before any numbered one


def backup_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


def new_backup_path(data_dir: Path, reason: str, taken: datetime) -> Path:
    """A free name for a backup taken at ``taken``, numbered after every other."""
    backups = list_backups(data_dir)
    sequence = max((b.sequence for b in backups), default=0) + 1
    stamp = taken.astimezone(UTC).strftime(_STAMP)
    target = backup_folder(data_dir) / f"tracker-{sequence:06d}-{stamp}-{reason}.db"
    for suffix in range(1, 100):  # another process took the same number just now
        if not target.exists():
            break
        target = target.with_name(f"tracker-{sequence:06d}-{stamp}-{reason}-{suffix}.db")
    return target


def list_backups(data_dir: Path) -> list[Backup]:
    """The backups in the folder, the last written first (regular files only: a FIFO or
    a folder under a backup's name is no backup)."""
    folder = backup_folder(data_dir)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            backup = backup_named(path)
            if backup is not None and _is_regular(path):
                found.append(backup)
    return sorted(found, key=lambda b: (b.sequence, b.taken_at, b.path.name), reverse=True)


def backup_named(path: Path) -> Backup | None:
    """What the name of ``path`` says of it as a backup, if it is named like one."""
    match = _BACKUP_NAME.fullmatch(path.name)
    if match is None:
        return None
    taken = datetime.strptime(match[2], _STAMP).replace(tzinfo=UTC)
    return Backup(path, taken, match[3], int(match[1] or 0))


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def aside_path(data_dir: Path, now: datetime) -> Path:
    """A free name to keep a replaced database under: ``tracker.db.replaced-<stamp>``."""
    stamp = now.astimezone(UTC).strftime(_STAMP)
    aside = data_dir / f"{DATABASE_FILENAME}.replaced-{stamp}"
    counter = 1
    while aside.exists() or any(j.exists() for j in journal_files(aside)):
        aside = data_dir / f"{DATABASE_FILENAME}.replaced-{stamp}-{counter}"
        counter += 1
    return aside
