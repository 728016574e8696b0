"""Getting back to work after damage: restoring a backup or starting afresh.

Both dialogs expose ``ask`` classmethods, which tests replace.
"""

from __future__ import annotations

import enum
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.layout import Backup
from tracker_desktop.ui.dialog_parts import plain_buttons
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.locale_format import day_text, time_text


class Recovery(enum.Enum):
    RESTORE = "restore"  # put the newest good backup in place
    FRESH = "fresh"  # move the bad file aside, start with an empty database


def describe(backup: Backup, zone: tzinfo) -> str:
    """ "Thu, 26 Nov 2026 09:00 (daily)", in the locale's words."""
    local = backup.taken_at.astimezone(zone)
    reason = REASONS.get(backup.reason)
    return "{day} {time} ({reason})".format(
        day=day_text(local.date(), short=True),
        time=time_text(local, seconds=False),
        reason=translate("Recovery", reason) if reason else backup.reason,
    )


# Why a backup was made, as the core names it (translated where shown).
REASONS = {
    "daily": QT_TRANSLATE_NOOP("Recovery", "daily"),
    "manual": QT_TRANSLATE_NOOP("Recovery", "manual"),
    "before-restore": QT_TRANSLATE_NOOP("Recovery", "before a restore"),
}


class RecoveryDialog:
    """Explains why the database cannot be opened and offers the ways out."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, problem: str, newest: Backup | None, zone: tzinfo
    ) -> Recovery | None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Recovery", "Tracker Desktop cannot open your sessions"))
        box.setText(problem)
        restore = None
        if newest is not None:
            box.setInformativeText(
                translate(
                    "Recovery",
                    "The newest good backup is from {backup}. Restoring it or starting afresh "
                    "moves the current file aside; nothing is deleted.",
                ).format(backup=describe(newest, zone))
            )
            restore = box.addButton(
                translate("Recovery", "Restore Backup"), QMessageBox.ButtonRole.AcceptRole
            )
        else:
            box.setInformativeText(
                translate(
                    "Recovery",
                    "There is no backup to restore. Starting afresh moves the current file "
                    "aside (nothing is deleted) and opens an empty database.",
                )
            )
        fresh = box.addButton(
            translate("Recovery", "Start Afresh"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(translate("Recovery", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore or fresh)
        box.exec()
        clicked = box.clickedButton()
        if restore is not None and clicked is restore:
            return Recovery.RESTORE
        if clicked is fresh:
            return Recovery.FRESH
        return None


class RestoreDialog(QDialog):
    """Picks one of the backups (newest first) to restore."""

    def __init__(self, parent: QWidget | None, backups: list[Backup], zone: tzinfo) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(translate("Recovery", "Restore from Backup"))
        self.setMinimumWidth(420)
        text = QLabel(
            translate(
                "Recovery",
                "Restoring replaces your sessions with the backup's. The current database is "
                "kept aside in the data folder, and Undo is reset.",
            ),
            self,
        )
        text.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("backupList")
        for backup in backups:
            item = QListWidgetItem(describe(backup, zone), self.list)
            item.setToolTip(str(backup.path))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(translate("Recovery", "Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        plain_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    @classmethod
    def ask(cls, parent: QWidget | None, backups: list[Backup], zone: tzinfo) -> Path | None:
        """The backup file to restore, or None."""
        dialog = cls(parent, backups, zone)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
