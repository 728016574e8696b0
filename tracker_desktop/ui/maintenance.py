"""Start-up upkeep that must not delay the first paint: the integrity check and the
day's automatic backup, on a worker thread with connections of its own."""

from __future__ import annotations

import contextlib
import logging
import threading
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from tracker_desktop.core.backups import daily_backup
from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.layout import Backup, database_path
from tracker_desktop.core.storage import check_integrity

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UpkeepResult:
    problem: str | None  # what the integrity check found, if anything
    backup: Backup | None  # the backup made, if one was due
    error: str | None  # why a due backup could not be made


def run_upkeep(data_dir: Path, now: datetime, zone: tzinfo) -> UpkeepResult:
    """Checks the database; backs it up once a day, but only while it is healthy, so a
    damaged file never pushes good backups out of the rotation."""
    problem = check_integrity(database_path(data_dir))
    if problem is not None:
        return UpkeepResult(problem, None, None)
    try:
        return UpkeepResult(None, daily_backup(data_dir, now, zone), None)
    except TrackerError as error:
        return UpkeepResult(None, None, str(error))
    except OSError as error:  # a broken backups folder: a file, a FIFO, no access
        return UpkeepResult(None, None, f"{error.filename or data_dir}: {error.strerror}")


class Upkeep(QObject):
    """Runs ``run_upkeep`` on a background thread and reports back on the GUI thread.

    The thread is a daemon: quitting never waits for an integrity check or a backup (an
    unfinished backup is only a hidden partial file, cleaned up by a later rotation). The
    object has no parent, so it outlives a closed window until its thread is done.
    """

    finished = Signal(object)  # UpkeepResult

    def start(self, data_dir: Path, now: datetime, zone: tzinfo) -> None:
        def work() -> None:
            result = run_upkeep(data_dir, now, zone)
            log.info("start-up upkeep: %s", result)
            # Queued to the receivers' (GUI) thread; if the app quit meanwhile, its
            # objects are gone and there is nobody left to tell.
            with contextlib.suppress(RuntimeError):
                self.finished.emit(result)

        threading.Thread(target=work, name="upkeep", daemon=True).start()
