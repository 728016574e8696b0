"""An import's preview or the import itself, on a worker thread, so the window stays
responsive while a large file is read (File ▸ Import…, ``import_dialog.py``).

The worker has its own connection to the database (peewee's connections, and the
models' binding, are per thread) and its own Tracker on the same storage, clock and
zone. The change an import makes is handed to the window's Tracker on the GUI thread,
whose listeners (the undo history, the views) hear of it as of any change made there:
one undo step for the whole import. Cancelling stops the worker at its next progress
report, inside the transaction, so nothing is written.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from datetime import tzinfo
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.history import Change
from tracker_desktop.core.importing import Importer, ImportSummary
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.language import translate

log = logging.getLogger(__name__)


class ImportRequest(NamedTuple):
    """What to read and how: as the command line's FILE, --format and --timezone."""

    path: Path
    format_name: str | None = None  # None: told from the content
    zone: tzinfo | None = None  # None: the tracker's own


class ImportOutcome(NamedTuple):
    """How a preview or an import ended: a summary, a refusal (one sentence), or
    cancelled; an import's change, to be announced on the GUI thread."""

    summary: ImportSummary | None = None
    error: str | None = None
    cancelled: bool = False
    change: Change | None = None


class _Cancelled(Exception):
    """Raised from the progress report: the import stops and its transaction rolls back."""


class ImportJob(QObject):
    """One preview (``write=False``) or import on its own daemon thread; ``progressed``
    and ``finished`` arrive on the GUI thread (queued signals)."""

    progressed = Signal(int, int)  # bytes read, bytes in all
    finished = Signal(object)  # ImportOutcome

    def __init__(
        self, tracker: Tracker, request: ImportRequest, write: bool, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._request = request
        self._write = write
        self._cancel = threading.Event()
        self.running = False

    def start(self) -> None:
        self.running = True
        self.finished.connect(self._on_finished)
        name = "import" if self._write else "import-preview"
        threading.Thread(target=self._work, name=name, daemon=True).start()

    def cancel(self) -> None:
        """Stops the work at its next progress report; ``finished`` says cancelled
        unless it had already reached its commit."""
        self._cancel.set()

    def _on_finished(self) -> None:
        self.running = False

    def _work(self) -> None:
        outcome = self._outcome()
        # Queued to the GUI thread; if the dialog is gone meanwhile, nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            self.finished.emit(outcome)

    def _outcome(self) -> ImportOutcome:
        main = self._tracker
        path, format_name, zone = self._request
        try:
            with main.storage.thread_connection():
                worker = Tracker(main.storage, main.clock, main.zone)
                kept: list[Change] = []
                worker.changes.add(kept.append)  # so that the change is read back for undo
                importer = Importer(worker)
                act = importer.run if self._write else importer.preview
                summary = act(path, format_name, zone, self._progress)
                return ImportOutcome(summary, change=kept[0] if kept else None)
        except _Cancelled:
            return ImportOutcome(cancelled=True)
        except TrackerError as error:
            return ImportOutcome(error=str(error))
        except Exception as error:  # a bug: said in a sentence and logged; nothing written
            log.exception("importing %s failed", path)
            return ImportOutcome(
                error=translate("ImportJob", "{name} could not be read ({error})").format(
                    name=path.name, error=error
                )
            )

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise _Cancelled
        with contextlib.suppress(RuntimeError):
            self.progressed.emit(done, total)
