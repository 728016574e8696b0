"""Noticing time a running session spent with nobody there, and asking what to do with it.

A gap comes from a source: the app not running since its last heartbeat (``ABSENT``,
checked once at start-up) or the wall clock jumping between two checks while the
computer slept (``SLEEP``). Any other source, such as idle time, reports its gaps through
``report_gap`` and gets the same question, asked once per gap, and the same answers.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from tracker_desktop.core.gaps import GapAnswer, GapKind, GapQuestion, apply_answer, question_for
from tracker_desktop.core.service import Tracker

if TYPE_CHECKING:
    from tracker_desktop.ui.live_state import LiveState
    from tracker_desktop.ui.message_banner import Messages
    from tracker_desktop.ui.settings import WindowSettings

ALIVE_CHECK_MS = 5000
HEARTBEAT_EVERY = timedelta(minutes=1)


class GapWatcher(QObject):
    """Keeps the heartbeat, watches the clock, and asks about gaps over ``parent``."""

    answered = Signal(str)  # an answer changed the sessions: what it did

    def __init__(
        self,
        tracker: Tracker,
        live: LiveState,
        settings: WindowSettings,
        messages: Messages,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._live = live
        self._settings = settings
        self._messages = messages
        self._dialog_parent = parent
        self._asked: set[tuple[int, datetime]] = set()
        # Read before this run writes its own heartbeat.
        self._alive_before_this_run = settings.last_alive
        self._last_heartbeat: datetime | None = None
        self._last_check = tracker.now()
        self._alive_timer = QTimer(self)
        self._alive_timer.setObjectName("aliveTimer")
        self._alive_timer.setInterval(ALIVE_CHECK_MS)
        self._alive_timer.timeout.connect(self._on_alive_timer_timeout)
        self._alive_timer.start()

    def save_heartbeat(self, now: datetime, *, force: bool = False) -> None:
        """Remembers that the app was alive at ``now`` (written at most once a minute)."""
        saved = self._last_heartbeat
        if force or saved is None or not timedelta(0) <= now - saved < HEARTBEAT_EVERY:
            self._settings.last_alive = now
            self._last_heartbeat = now

    def check_since_last_run(self) -> None:
        """At start-up: asks about a running session that the app was not there to see."""
        if self._alive_before_this_run is not None:
            self.report_gap(self._alive_before_this_run, self._tracker.now(), GapKind.ABSENT)

    def report_gap(
        self,
        gap_start: datetime,
        gap_end: datetime,
        kind: GapKind,
        threshold: timedelta | None = None,
    ) -> None:
        """Asks what to do with the running session's time in ``[gap_start, gap_end)``
        when more than ``threshold`` of it (default: the saved gap threshold) falls
        after the session's start; each gap is asked about once."""
        question = question_for(
            self._live.running,
            gap_start,
            gap_end,
            kind,
            self._settings.gap_threshold if threshold is None else threshold,
        )
        if question is None:
            return
        key = (question.session.id, question.gap_start)
        if key in self._asked:
            return
        self._asked.add(key)
        from tracker_desktop.ui.gap_dialog import GapDialog  # deferred: rarely needed

        GapDialog.ask(
            self._dialog_parent,
            question,
            self._tracker.zone,
            lambda answer: self._on_gap_dialog_answered(question, answer),
        )

    def _on_gap_dialog_answered(self, question: GapQuestion, answer: GapAnswer | None) -> None:
        if answer is None:
            return
        note = self._messages.attempt(lambda: apply_answer(self._tracker, question, answer))
        if note is not None:
            self.answered.emit(note)

    def _on_alive_timer_timeout(self) -> None:
        now = self._tracker.now()
        if now - self._last_check > self._settings.gap_threshold:
            self.report_gap(self._last_check, now, GapKind.SLEEP)
        self._last_check = now
        self.save_heartbeat(now)
