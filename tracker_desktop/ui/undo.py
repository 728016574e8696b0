"""Undo and redo of every change made through the tracker in this process.

Each change (``tracker.changes``) goes on a QUndoStack as it happens; undoing moves the
rows it touched back with ``tracker.apply``, which refuses when they were changed
elsewhere since.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.history import Change
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate


class UndoHistory(QUndoStack):
    """The changes made here, newest last; Undo and Redo actions come from it."""

    applied = Signal(str)  # an undo or redo happened: what was undone or redone
    refused = Signal(str)  # an undo or redo was refused (and dropped): why
    restored = Signal(list)  # after an undo or redo: the ids of the sessions it left

    def __init__(self, tracker: Tracker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoStack")
        self._tracker = tracker
        tracker.changes.add(self._on_tracker_changed)
        self.destroyed.connect(lambda: tracker.changes.remove(self._on_tracker_changed))

    def apply(self, change: Change, command: QUndoCommand, verb: str) -> None:
        """Moves the rows to ``change.after``; a refusal drops ``command`` from the history."""
        try:
            self._tracker.apply(change)
        except TrackerError as error:
            command.setObsolete(True)
            self.refused.emit(str(error))
        else:
            self.applied.emit(
                translate("Undo", "{verb}: {change}").format(
                    verb=translate("Undo", verb), change=change.description
                )
            )
            self.restored.emit([row.id for row in change.after if row.table == "session"])

    def _on_tracker_changed(self, change: Change) -> None:
        if not change.from_server:  # another machine's change is not undone from here
            self.push(_ChangeCommand(change, self))


class _ChangeCommand(QUndoCommand):
    """One change, on the undo stack."""

    def __init__(self, change: Change, history: UndoHistory) -> None:
        super().__init__(change.description)
        self._change = change
        self._history = history
        self._applied = True  # pushed after it happened: the first redo has nothing to do

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._history.apply(self._change, self, QT_TRANSLATE_NOOP("Undo", "Redone"))

    def undo(self) -> None:
        self._history.apply(self._change.inverse(), self, QT_TRANSLATE_NOOP("Undo", "Undone"))
