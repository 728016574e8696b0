"""Background sync for the window: the sync engine (``core/sync``) on a worker thread of
its own, after each change made in the window (a burst of changes is one sync) and every
minute, never two at once and never on the GUI thread.

The worker opens its own Tracker on the same data folder (SQLite connections belong to
one thread; the models are bound per thread), with ``open_alongside``: never a second
``open_storage`` in this process, whose file checks would drop the window's SQLite locks.
What a sync pulls in reaches the window as a change from the command line does (the
window notices the database changed, see ``live_state.py``), only sooner: ``pulled`` says
so as soon as the sync is done. The sync engine, psycopg and keyring are imported on the
worker thread, long after the first paint.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import queue
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.history import Change
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import open_alongside

log = logging.getLogger(__name__)

DEBOUNCE_MS = 2000  # a burst of changes (typing, several deletes) becomes one sync
EVERY_MS = 60_000  # other machines' changes arrive at least this often
CLOSE_WAIT_SECONDS = 10.0  # closing waits this long for a sync under way, at most
PROBE_SECONDS = 3.0  # telling an absent server from one that refuses
UNEXPECTED = "an unexpected problem (details in the log)"


class SyncKind(enum.Enum):
    OFF = "off"  # this folder is not connected to a server
    SYNCING = "syncing"
    SYNCED = "synced"
    OFFLINE = "offline"  # the server cannot be reached (or refused): local work goes on
    ERROR = "error"  # something that will not go away by waiting


@dataclass(frozen=True)
class SyncState:
    """What the status bar says about sync."""

    kind: SyncKind
    server: str = ""
    at: datetime | None = None  # last sync (SYNCED), first failure (OFFLINE, ERROR)
    reason: str = ""
    pending: int = 0  # local changes not on the server yet
    last_sync: datetime | None = None  # when a sync last succeeded (OFFLINE, ERROR)


Job = Callable[[Tracker], Any]
Reply = Callable[[Any, BaseException | None], None]


class _Worker:
    """A thread that runs jobs one after the other, each with a Tracker of the thread's
    own, opened for the job and closed after it: between jobs the folder is not held (a
    restore may replace the file)."""

    def __init__(self, tracker: Tracker, done: SignalInstance) -> None:
        self._folder: Path = tracker.storage.data_dir
        self._clock, self._zone = tracker.clock, tracker.zone
        self._done = done
        self._jobs: queue.SimpleQueue[tuple[int, Job] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def submit(self, number: int, job: Job) -> None:
        self._jobs.put((number, job))

    def stop(self, timeout: float) -> bool:
        """Ends the thread after the job under way; False if that did not end in time
        (it is a daemon: quitting does not wait for it)."""
        self._jobs.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while (item := self._jobs.get()) is not None:
            number, job = item
            value: Any = None
            error: BaseException | None = None
            try:
                storage = open_alongside(self._folder)
                try:
                    value = job(Tracker(storage, self._clock, self._zone))
                finally:
                    storage.close()
            except TrackerError as failure:
                error = failure
            except Exception as failure:  # a bug: logged, and the window says so
                log.exception("background sync job failed")
                error = failure
            # Queued to the GUI thread; once the window is gone nobody is told.
            with contextlib.suppress(RuntimeError):
                self._done.emit(number, (value, error))


class SyncRunner(QObject):
    """Runs sync in the background and says how it went (``state_changed``), what the
    user should know (``notices``: a session stopped because another machine started
    one), and runs the Preferences' jobs (test, connect, disconnect) on the same thread,
    so none of them ever overlaps a sync."""

    state_changed = Signal(object)  # SyncState
    notices = Signal(list)  # list[str]
    pulled = Signal()  # a sync brought other machines' changes into the local file
    _done = Signal(int, object)  # job number, (value, error): from the worker thread
    _syncing_with = Signal(str, object)  # server, last sync: a sync begins (worker thread)

    def __init__(
        self,
        tracker: Tracker,
        parent: QObject | None = None,
        *,
        debounce_ms: int | None = None,
        every_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._replies: dict[int, Reply] = {}
        self._numbers = 0
        self._syncing = False
        self._again = False  # a change came in during a sync: one more after it
        self._offline_since: datetime | None = None
        self.state = SyncState(SyncKind.OFF)
        self.syncs = 0  # how many syncs have run (one per burst of changes)
        self.closed = False
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms or DEBOUNCE_MS)
        self._debounce.setObjectName("syncDebounceTimer")
        self._debounce.timeout.connect(self.sync_now)
        self._every = QTimer(self, interval=every_ms or EVERY_MS)
        self._every.setObjectName("syncEveryMinuteTimer")
        self._every.timeout.connect(self.sync_now)
        self._done.connect(self._on_done)
        self._syncing_with.connect(self._on_syncing_with)
        self._worker = worker = _Worker(tracker, self._done)
        tracker.changes.add(self._on_tracker_changed)
        # A window deleted without closing (hidden to the tray) still ends its thread.
        self.destroyed.connect(lambda: worker.stop(0))

    def start(self) -> None:
        """Reads whether sync is set up and, if so, syncs now and every minute."""
        self.sync_now()
        self._every.start()

    def shutdown(self) -> None:
        """The window closes: no more syncs; waits for one under way (a short while)."""
        with contextlib.suppress(ValueError):
            self._tracker.changes.remove(self._on_tracker_changed)
        self._debounce.stop()
        self._every.stop()
        self._replies.clear()
        self.closed = True
        if not self._worker.stop(CLOSE_WAIT_SECONDS):
            log.warning("closing while a sync still waits for the server")

    @property
    def thread_running(self) -> bool:
        """Whether the sync thread is still there (it ends once the window has closed)."""
        return self._worker.alive

    @property
    def busy(self) -> bool:
        """Whether a sync is under way (or waits for its turn on the sync thread)."""
        return self._syncing

    def run(self, job: Job, reply: Reply) -> None:
        """Runs ``job`` on the sync thread (after any sync queued before it); ``reply``
        gets its value or its error on the GUI thread."""
        self._numbers += 1
        self._replies[self._numbers] = reply
        self._worker.submit(self._numbers, job)

    def sync_now(self) -> None:
        """Syncs as soon as the one under way (if any) is done."""
        self._debounce.stop()
        if self.closed:
            return
        if self._syncing:
            self._again = True
            return
        self._syncing = True
        self.run(lambda tracker: _sync(tracker, self._syncing_with), self._on_synced)

    # -- slots -----------------------------------------------------------------------------

    def _on_tracker_changed(self, change: Change) -> None:
        if self.state.kind is SyncKind.OFF:
            return
        if self._syncing:
            self._again = True
        elif not self._debounce.isActive():
            # Not restarted by each change: a steady stream of edits still syncs.
            self._debounce.start()

    def _on_syncing_with(self, server: str, last_sync: datetime | None) -> None:
        self._show(SyncState(SyncKind.SYNCING, server, last_sync, "", self.state.pending))

    def _on_done(self, number: int, outcome: tuple[Any, BaseException | None]) -> None:
        reply = self._replies.pop(number, None)
        if reply is not None:
            reply(*outcome)

    def _on_synced(self, outcome: _Outcome | None, error: BaseException | None) -> None:
        self._syncing = False
        if outcome is None:  # the local file could not be read, or a bug (logged)
            reason = str(error) if isinstance(error, TrackerError) else UNEXPECTED
            outcome = _Outcome(True, self.state.server, None, self.state.pending, failure=reason)
        self.syncs += outcome.ran
        if outcome.pulled:  # shown before the status bar says "Synced"
            self.pulled.emit()
        if not outcome.configured:
            self._show(SyncState(SyncKind.OFF))
        elif outcome.failure is None:
            self._offline_since = None
            self._show(
                SyncState(SyncKind.SYNCED, outcome.server, outcome.last_sync, "", outcome.pending)
            )
        else:
            if self._offline_since is None:
                self._offline_since = self._tracker.now()
            kind = SyncKind.OFFLINE if outcome.offline else SyncKind.ERROR
            since, reason = self._offline_since, outcome.failure
            self._show(
                SyncState(kind, outcome.server, since, reason, outcome.pending, outcome.last_sync)
            )
        if outcome.notices:
            self.notices.emit(list(outcome.notices))
        if self._again:
            self._again = False
            self._debounce.start()

    def _show(self, state: SyncState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)


@dataclass(frozen=True)
class _Outcome:
    """How a sync went, as the sync thread saw it."""

    configured: bool
    server: str
    last_sync: datetime | None
    pending: int
    notices: tuple[str, ...] = ()
    pulled: int = 0  # rows from the server applied here
    ran: bool = True
    failure: str | None = None  # why it failed
    offline: bool = False  # the server was away (waiting may cure it)


def _sync(tracker: Tracker, syncing_with: SignalInstance) -> _Outcome:
    """On the sync thread: a sync if this folder has a server (``syncing_with`` says it
    begins), and the state after it."""
    from tracker_desktop.core import sync

    status = sync.sync_status(tracker)
    if not status.configured:
        return _Outcome(False, "", None, 0, ran=False)
    with contextlib.suppress(RuntimeError):  # the window is gone
        syncing_with.emit(status.server or "", status.last_sync)
    try:
        result = sync.sync_now(tracker)
    except sync.SyncUnavailable as error:
        status = sync.sync_status(tracker)
        return _Outcome(
            True, status.server or "", status.last_sync, status.pending_changes,
            failure=error.reason, offline=_is_offline(error.server),
        )  # fmt: skip
    status = sync.sync_status(tracker)
    return _Outcome(
        True, status.server or "", status.last_sync, status.pending_changes,
        tuple(result.notices), result.pulled,
    )  # fmt: skip


def _is_offline(server: str) -> bool:
    """Whether the server is away (no answer at its address: waiting may cure that),
    rather than answering and refusing (a wrong password, no permission).

    SyncUnavailable does not tell the two apart, so its address is tried once more, by
    TCP alone; this runs on the sync thread and only after a failure."""
    parts = urlsplit(server)
    try:
        with socket.create_connection((parts.hostname or "", parts.port or 5432), PROBE_SECONDS):
            return False
    except (OSError, ValueError):
        return True
