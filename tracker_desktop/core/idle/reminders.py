"""Reminders to track: working without a session on chosen days and hours gets one
notification, at most once per N minutes, never while the screen is locked (issue 16)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo

from tracker_desktop.core.clock import Clock
from tracker_desktop.core.idle import IdleReading

WORKDAYS = frozenset(range(5))  # Monday (0) to Friday (4)
DEFAULT_EVERY = timedelta(minutes=15)
GAP_BREAKS_ACTIVITY = timedelta(minutes=1)  # checks further apart: the computer slept


@dataclass(frozen=True)
class ReminderSchedule:
    """When reminders may come: off by default; on the weekdays given (0 = Monday),
    from ``start`` until ``end`` local time (an ``end`` before ``start`` runs past
    midnight, the day being the one it starts on); after ``every`` of activity without a
    session, and at most once per ``every``."""

    enabled: bool = False
    every: timedelta = DEFAULT_EVERY
    weekdays: frozenset[int] = field(default=WORKDAYS)
    start: time = time(9, 0)
    end: time = time(18, 0)

    def covers(self, local: datetime) -> bool:
        """Whether the local instant ``local`` falls in the chosen days and hours."""
        clock = local.time().replace(tzinfo=None)
        if self.start <= self.end:
            return local.weekday() in self.weekdays and self.start <= clock < self.end
        if clock >= self.start:
            return local.weekday() in self.weekdays
        return clock < self.end and (local.weekday() - 1) % 7 in self.weekdays


class ReminderRule:
    """Says when to remind, from idle readings, whether a session runs, and the clock.

    The user is active while the screen is unlocked and their idle time is under
    ``active_within`` (any unlocked time counts where the desktop tells no idle time).
    """

    def __init__(
        self, clock: Clock, zone: tzinfo, schedule: ReminderSchedule, active_within: timedelta
    ) -> None:
        self._clock = clock
        self._zone = zone
        self.schedule = schedule
        self.active_within = active_within
        self._active_since: datetime | None = None
        self._last_check: datetime | None = None
        self._last_reminder: datetime | None = None

    def observe(self, reading: IdleReading, tracking: bool) -> bool:
        """Takes the reading made now; True when a reminder is due now."""
        now = self._clock.now()
        last_check, self._last_check = self._last_check, now
        active = not reading.locked and (reading.idle is None or reading.idle < self.active_within)
        schedule = self.schedule
        if (
            not schedule.enabled
            or tracking
            or not active
            or not schedule.covers(now.astimezone(self._zone))
            or (last_check is not None and now - last_check > GAP_BREAKS_ACTIVITY)
        ):
            self._active_since = None
            return False
        if self._active_since is None:
            self._active_since = now
        if now - self._active_since < schedule.every:
            return False
        if self._last_reminder is not None and now - self._last_reminder < schedule.every:
            return False
        self._last_reminder = now
        return True
