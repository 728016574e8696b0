"""Noticing time a running session spent with nobody there, and asking what to do with it.

A gap comes from a source: the app not running since its last heartbeat (``ABSENT``,
checked once at start-up) or the wall clock jumping between two checks while the
computer slept (``SLEEP``). Any other source, such as idle time (``idle_watcher.py``),
reports its gaps through ``report_gap`` and gets the same question and answers.

One question is open at a time (``core/gaps.py``'s OpenQuestion): a later gap of the same
session grows it, a changed session drops it. It is asked over the window, shown and
raised; while the window is hidden in the tray, a notification says so and the question
waits for the window to be shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from tracker_desktop.core.gaps import (
    GapAnswer,
    GapKind,
    GapQuestion,
    Offer,
    OpenQuestion,
    apply_answer,
    question_for,
)
from tracker_desktop.core.service import Session, Tracker
from tracker_desktop.ui.language import session_subject, translate
from tracker_desktop.ui.locale_format import time_text

if TYPE_CHECKING:
    from tracker_desktop.ui.gap_dialog import GapDialog
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
        self._window = parent
        self._open = OpenQuestion()
        self._dialog: GapDialog | None = None
        self._waiting_for_window = False
        # Says a question waits while the window is hidden (title, text); the tray's.
        self.notify_hidden: Callable[[str, str], None] = lambda title, text: None
        # Read before this run writes its own heartbeat.
        self._alive_before_this_run = settings.last_alive
        self._last_heartbeat: datetime | None = None
        self._last_check = tracker.now()
        self._alive_timer = QTimer(self)
        self._alive_timer.setObjectName("aliveTimer")
        self._alive_timer.setInterval(ALIVE_CHECK_MS)
        self._alive_timer.timeout.connect(self._on_alive_timer_timeout)
        self._alive_timer.start()
        live.running_changed.connect(self._on_live_running_changed)
        parent.installEventFilter(self)

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
        after the session's start; each gap is asked about once, and a gap of the same
        session while a question is open grows that question."""
        running = self._live.running
        question = question_for(
            running,
            gap_start,
            gap_end,
            kind,
            self._settings.gap_threshold if threshold is None else threshold,
        )
        if question is None:
            return
        self._on_live_running_changed(running)
        if self._open.offer(question) is not Offer.NOTHING:
            self._present()

    def _present(self) -> None:
        """Shows the open question over the window, raised; or, while the window is
        hidden, says so in a notification and waits for it to be shown."""
        question, window = self._open.question, self._window
        if question is None:
            return
        if not window.isVisible():
            self._waiting_for_window = True
            self.notify_hidden(
                translate("GapWatcher", "{session} kept running").format(
                    session=session_subject(question.session.name)
                ),
                translate(
                    "GapWatcher",
                    "{span} Open Tracker Desktop to choose what to do with that time.",
                ).format(span=waiting_text(question, self._tracker)),
            )
            return
        self._waiting_for_window = False
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if self._dialog is not None:
            self._dialog.show_question(question)
            self._dialog.raise_()
            return
        from tracker_desktop.ui.gap_dialog import GapDialog  # deferred: rarely needed

        self._dialog = GapDialog.ask(
            window, question, self._tracker.zone, self._on_gap_dialog_answered
        )

    def _on_gap_dialog_answered(self, answer: GapAnswer | None) -> None:
        self._dialog = None
        question = self._open.take()  # None: dropped while the dialog was open
        if answer is None or question is None:
            return
        note = self._messages.attempt(lambda: apply_answer(self._tracker, question, answer))
        if note is not None:
            self.answered.emit(note)

    def _on_live_running_changed(self, running: Session | None) -> None:
        if self._open.drop_if_changed(running):
            self._waiting_for_window = False
            if self._dialog is not None:
                self._dialog.reject()  # answers nothing; the question is gone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._waiting_for_window:
            QTimer.singleShot(0, self._present)  # once the window is on screen
        return False

    def _on_alive_timer_timeout(self) -> None:
        now = self._tracker.now()
        if now - self._last_check > self._settings.gap_threshold:
            self.report_gap(self._last_check, now, GapKind.SLEEP)
        self._last_check = now
        self.save_heartbeat(now)


def waiting_text(question: GapQuestion, tracker: Tracker) -> str:
    """A question's span in local times, for a notification ("Away 10:02–10:45.")."""
    start, end = (
        time_text(t.astimezone(tracker.zone), seconds=False)
        for t in (question.gap_start, question.gap_end)
    )
    if question.kind is GapKind.IDLE:
        return translate("GapWatcher", "Away {start}–{end}.").format(start=start, end=end)
    return translate("GapWatcher", "Nobody there {start}–{end}.").format(start=start, end=end)
