"""Backups from the window: Back Up Now, Restore from Backup, and the start-up upkeep
(integrity check and the day's backup, off the GUI thread)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from tracker_desktop.core.layout import list_backups
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import make_backup
from tracker_desktop.ui.language import translate

if TYPE_CHECKING:
    from tracker_desktop.ui.maintenance import Upkeep, UpkeepResult
    from tracker_desktop.ui.message_banner import Messages

log = logging.getLogger(__name__)


class BackupActions(QObject):
    """Backs up and restores the tracker's database; dialogs open over ``parent``."""

    restoring = Signal()  # the database is about to be replaced
    restored = Signal(str)  # it was replaced: what happened, for the user

    def __init__(self, tracker: Tracker, messages: Messages, parent: QWidget) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._messages = messages
        self._dialog_parent = parent
        self._upkeep: Upkeep | None = None

    @property
    def data_dir(self) -> Path:
        """The folder of the database and its backups."""
        return self._tracker.storage.data_dir

    def back_up_now(self) -> None:
        """Copies the database into the backups folder now."""
        backup = self._messages.attempt(
            lambda: make_backup(self.data_dir, "manual", self._tracker.now())
        )
        if backup is not None:
            self._messages.show_note(
                translate("BackupActions", "Backed up to {path}").format(path=backup.path)
            )

    def choose_and_restore(self) -> None:
        """Offers the backups, newest first, and restores the one chosen."""
        from tracker_desktop.ui.recovery import RestoreDialog

        available = list_backups(self.data_dir)
        if not available:
            self._messages.show_error(
                translate("BackupActions", "There are no backups in {folder} yet.").format(
                    folder=self.data_dir / "backups"
                )
            )
            return
        chosen = RestoreDialog.ask(self._dialog_parent, available, self._tracker.zone)
        if chosen is not None:
            self.restore(chosen)

    def restore(self, backup: Path) -> None:
        """Replaces the database with ``backup`` (the current file is kept aside)."""
        self.restoring.emit()
        storage = self._tracker.storage
        restored = self._messages.attempt(lambda: storage.restore(backup, self._tracker.now()))
        if restored is None:
            return
        if restored.kept_aside:
            text = translate("BackupActions", "Restored {backup}; the replaced file is {kept}")
        else:
            text = translate("BackupActions", "Restored {backup}")
        kept = restored.kept_aside.name if restored.kept_aside else ""
        self.restored.emit(text.format(backup=restored.backup.name, kept=kept))

    def start_upkeep(self) -> None:
        """The integrity check and the day's backup, on a worker thread."""
        from tracker_desktop.ui.maintenance import Upkeep

        self._upkeep = Upkeep()
        self._upkeep.finished.connect(self._on_upkeep_finished)
        self._upkeep.start(self.data_dir, self._tracker.now(), self._tracker.zone)

    def _on_upkeep_finished(self, result: UpkeepResult) -> None:
        if result.problem is not None:
            self._messages.show_error(
                translate(
                    "BackupActions",
                    "{file} failed its integrity check ({problem}). File ▸ Restore from "
                    "Backup… puts back a good copy; the current file is kept.",
                ).format(file=self._tracker.storage.path, problem=result.problem)
            )
        elif result.error is not None:
            log.warning("daily backup failed: %s", result.error)
            self._messages.show_note(
                translate("BackupActions", "Could not make today's backup: {error}").format(
                    error=result.error
                ),
                0,
            )
        elif result.backup is not None:
            log.info("today's backup: %s", result.backup.path)  # routine: no message
