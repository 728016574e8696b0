"""What the window shows, read from the database and the clock: the one reader for the
views, which announces what changed as Qt signals.

It reads again after every change made through the tracker (``tracker.changes``) and
when another process commits (``PRAGMA data_version``, polled each second); it ticks each
second while a session runs and follows the date past midnight.
"""

from __future__ import annotations

import logging
import time
from datetime import date, datetime, timedelta
from typing import NamedTuple

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.history import Change
from tracker_desktop.core.periods import Period, PeriodKind, period_containing, shift_period
from tracker_desktop.core.service import PeriodReport, Session, Tracker, clipped_total
from tracker_desktop.ui.locale_format import shown_week_start

log = logging.getLogger(__name__)

CHANGE_POLL_MS = 1000  # other processes' changes show within two seconds
COMPLETIONS = 50  # recent names offered while typing


class Totals(NamedTuple):
    """What moves with the clock: the running time and the time inside the shown period
    and inside today."""

    now: datetime
    running: Session | None
    elapsed: timedelta  # zero while nothing runs
    period: timedelta
    today: timedelta


class _Unread:
    """Marks a value not read yet, so the first read is announced whatever it is."""


_UNREAD = _Unread()


class LiveState(QObject):
    """The running session, the shown period and its sessions, kept current."""

    running_changed = Signal(object)  # Session | None
    period_changed = Signal(object, bool)  # the shown Period, whether it holds today
    sessions_changed = Signal(object)  # PeriodReport: the shown period's sessions, reread
    totals_changed = Signal(object)  # Totals: on every read, and each second while running
    recent_changed = Signal(list)  # the latest distinct names' sessions, newest first
    read_failed = Signal(str)  # why the database could not be read

    def __init__(self, tracker: Tracker, kind: PeriodKind, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._week_start = shown_week_start(self._tracker.catalog)
        self._today = self._local_today()
        self._period = self._containing(kind, self._today)
        self._running: Session | _Unread | None = _UNREAD
        self._shown_period: tuple[Period, bool] | None = None
        self._report = PeriodReport(self._period, (), tracker.now())
        self._today_period = self._containing(PeriodKind.DAY, self._today)
        self._today_sessions: tuple[Session, ...] = ()
        self._wants_recent = False
        self._data_version: int | None = None

        self._tick_timer = QTimer(self, singleShot=True)
        self._tick_timer.setObjectName("tickTimer")
        self._tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick_timer.timeout.connect(self._on_tick_timer_timeout)
        self._change_poll_timer = QTimer(self)
        self._change_poll_timer.setObjectName("changePollTimer")
        self._change_poll_timer.setInterval(CHANGE_POLL_MS)
        self._change_poll_timer.timeout.connect(self._on_change_poll_timer_timeout)

        tracker.changes.add(self._on_tracker_changed)
        # Told no more once gone: a closed window's views have nothing left to show.
        self.destroyed.connect(lambda: tracker.changes.remove(self._on_tracker_changed))

    def start(self) -> None:
        """The first read, then watching for other processes' changes."""
        self.refresh()
        self._data_version = self._read_data_version()
        self._change_poll_timer.start()

    @property
    def running(self) -> Session | None:
        """The running session as last read (None before the first read)."""
        return None if isinstance(self._running, _Unread) else self._running

    @property
    def period(self) -> Period:
        """The shown day, week or month."""
        return self._period

    @property
    def week_start(self) -> int:
        """The first day of the week (0 = Monday), as weeks are shown."""
        return self._week_start

    @property
    def report(self) -> PeriodReport:
        """The shown period's sessions as last read."""
        return self._report

    # -- what is shown ---------------------------------------------------------------------

    def show_kind(self, kind: PeriodKind) -> None:
        """The day, week or month containing today if it is shown, else the first day
        shown."""
        today = self._local_today()
        period = self._period
        anchor = today if period.first_day <= today < period.end_day else period.first_day
        self._period = self._containing(kind, anchor)
        self.refresh()

    def set_week_start(self, weekday: int) -> None:
        """Weeks start on ``weekday`` (0 = Monday) from now on: a shown week moves to the
        one that starts that way around the same days (today, if it holds it)."""
        if weekday == self._week_start:
            return
        self._week_start = weekday
        self.show_kind(self._period.kind)

    def move(self, steps: int) -> None:
        """``steps`` periods later (earlier when negative)."""
        self._period = shift_period(
            self._period, steps, self._tracker.zone, week_start=self._week_start
        )
        self.refresh()

    def show_current(self) -> None:
        """Today, this week or this month."""
        self._today = self._local_today()
        self._period = self._current_period()
        self.refresh()

    def watch_recent(self) -> None:
        """From now on, the recent names are read too (for completion and the tray)."""
        self._wants_recent = True
        try:
            recent = self._tracker.recent_distinct(COMPLETIONS)
        except TrackerError as error:
            self.read_failed.emit(str(error))
            return
        self.recent_changed.emit(recent)

    def reopened(self) -> None:
        """The database file was replaced (a restore): everything is read again."""
        self._data_version = self._read_data_version()
        self._reread_week_start()

    def _reread_week_start(self) -> None:
        """Reads the first day of the week again (the command line, or a restored file,
        may have changed it), and everything shown."""
        week_start = shown_week_start(self._tracker.catalog)
        if week_start != self._week_start:
            self.set_week_start(week_start)
        else:
            self.refresh()

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Reads the running session and the shown period again and announces them;
        False when the database could not be read (``read_failed`` says why)."""
        tracker = self._tracker
        today = self._containing(PeriodKind.DAY, self._today)
        try:
            running = tracker.running()
            report = tracker.period_report(self._period)
            if report.period.start <= today.start and today.end <= report.period.end:
                # Today is part of the shown period: no second query.
                today_sessions = tuple(
                    s for s in report.sessions if s.overlaps(today.start, today.end, report.now)
                )
            else:
                today_sessions = tuple(tracker.sessions_between(today.start, today.end))
            recent = tracker.recent_distinct(COMPLETIONS) if self._wants_recent else None
        except TrackerError as error:
            self.read_failed.emit(str(error))
            return False
        self._report = report
        self._today_period, self._today_sessions = today, today_sessions
        if running != self._running:
            self._running = running
            self.running_changed.emit(running)
        shown = (self._period, self._period == self._current_period())
        if shown != self._shown_period:
            self._shown_period = shown
            self.period_changed.emit(*shown)
        self.sessions_changed.emit(report)
        if recent is not None:
            self.recent_changed.emit(recent)
        self._update_totals()
        return True

    def _update_totals(self) -> None:
        """Announces everything that depends on "now"; ticks each second while running."""
        now = self._tracker.now()
        if now.astimezone(self._tracker.zone).date() != self._today and self._follow_today():
            return  # the read that followed the date announced everything
        period, today = self._period, self._today_period
        running = self.running
        self.totals_changed.emit(
            Totals(
                now,
                running,
                timedelta(0) if running is None else running.duration(now),
                clipped_total(self._report.sessions, period.start, period.end, now),
                clipped_total(self._today_sessions, today.start, today.end, now),
            )
        )
        if running is None:
            self._tick_timer.stop()
        else:
            # Fire just after the next whole second, so the display never skips one.
            self._tick_timer.start(1000 - int(time.time() * 1000) % 1000 + 5)

    def _follow_today(self) -> bool:
        """After midnight a window showing the current period moves on with it, and
        today's total starts again; False when the read that needs failed."""
        was_current = self._period == self._current_period()
        self._today = self._local_today()
        if was_current:
            self._period = self._current_period()
        return self.refresh()

    def _local_today(self) -> date:
        return self._tracker.now().astimezone(self._tracker.zone).date()

    def _current_period(self) -> Period:
        return self._containing(self._period.kind, self._today)

    def _containing(self, kind: PeriodKind, day: date) -> Period:
        return period_containing(kind, day, self._tracker.zone, week_start=self._week_start)

    def _read_data_version(self) -> int | None:
        try:
            return self._tracker.storage.data_version()
        except TrackerError as error:
            log.warning("cannot watch the database for changes: %s", error)
            return None

    # -- slots -----------------------------------------------------------------------------

    def _on_tracker_changed(self, change: Change) -> None:
        self.refresh()

    def _on_tick_timer_timeout(self) -> None:
        self._update_totals()

    def _on_change_poll_timer_timeout(self) -> None:
        version = self._read_data_version()
        if version is not None and version != self._data_version:
            self._data_version = version
            self._reread_week_start()
        elif self._local_today() != self._today:
            self._follow_today()  # past midnight with nothing running (nothing ticks)
