"""Time away from the computer, told by idle readings (issue 16's rule).

While nobody is there (no input for longer than the threshold, the screen locked, or
the computer asleep) nothing happens. When the user comes back, the stretch is reported
once: from its start (the last input, fixed once known: later readings never move it)
to the moment of return (the first input again, or the unlock), not the moment anyone
answers. The window turns it into a gap question (core/gaps.py).

A lock counts as away from the moment it locks, whatever the idle counter does on the
lock screen. A sleep is found by a check that comes far later than planned; the
stretch then runs from the last input before it, as idle counters may or may not count
the time asleep.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tracker_desktop.core.clock import Clock
from tracker_desktop.core.idle import IdleReading

PRESENT_WAIT = timedelta(seconds=10)  # between checks while the user is there
AWAY_WAIT = timedelta(seconds=1)  # while away: how soon a return is noticed
SLEEP_SLACK = timedelta(seconds=20)  # a check later than planned by more: the computer slept
JITTER = timedelta(seconds=1)  # timers and idle counters disagree by up to this


@dataclass(frozen=True)
class Away:
    """A stretch without the user, ``[start, end)``, longer than the threshold."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class _Check:
    at: datetime
    reading: IdleReading
    wait: timedelta  # until the check planned after it


class AwayRule:
    """Reads each idle reading against the clock and reports a stretch away when the
    user returns from it; ``next_check`` says when to read again."""

    def __init__(self, clock: Clock, threshold: timedelta) -> None:
        self._clock = clock
        self.threshold = threshold
        self.reset()

    def reset(self) -> None:
        """Forgets everything seen (idle detection was off for a while)."""
        self._last: _Check | None = None
        self._quiet_since: datetime | None = None  # the last input known
        self._locked_at: datetime | None = None

    def observe(self, reading: IdleReading) -> Away | None:
        """Takes the reading made now; returns the stretch away that just ended, if it
        was longer than the threshold."""
        now = self._clock.now()
        last = self._last
        slept = last is not None and now - last.at > last.wait + SLEEP_SLACK
        quiet = self._quiet_since
        back = self._back_at(last, reading, now, slept)
        ended = None
        if back is not None:
            if quiet is not None and back - quiet > self.threshold:
                ended = Away(quiet, back)
            self._quiet_since, self._locked_at = back, None
        if reading.locked and self._locked_at is None:
            self._locked_at = now
        if back is None or reading.locked:
            self._quiet_since = self._quiet_start(self._quiet_since, reading, now, slept)
        self._last = _Check(now, reading, self.next_check())
        return ended

    def next_check(self) -> timedelta:
        """How long to wait before the next reading: often while away (so the question
        follows the return at once), seldom otherwise."""
        quiet = self._quiet_since
        if self._locked_at is not None or (
            quiet is not None and self._clock.now() - quiet > self.threshold - PRESENT_WAIT
        ):
            return AWAY_WAIT
        return PRESENT_WAIT

    def _back_at(
        self, last: _Check | None, reading: IdleReading, now: datetime, slept: bool
    ) -> datetime | None:
        """When the user gave input since the last check, or None. While locked nothing
        counts but the input that locked it; unlocking is the return, whatever was
        touched on the lock screen."""
        if last is not None and last.reading.locked:
            return None if reading.locked else now
        if reading.idle is None:  # no idle time on this desktop: unlocked means here
            return None if reading.locked else now
        if last is None or last.reading.idle is None:
            return now - reading.idle
        went_back = reading.idle < last.reading.idle
        # Input since the last check leaves less idle time than has passed since it
        # (not after a sleep: a counter that stops while asleep would look the same).
        came_between = not slept and reading.idle + JITTER < now - last.at
        return now - reading.idle if went_back or came_between else None

    def _quiet_start(
        self, quiet: datetime | None, reading: IdleReading, now: datetime, slept: bool
    ) -> datetime | None:
        """The start of the stretch without input so far: the earliest of what was
        known, the lock, and what the idle time says (unless the computer just slept)."""
        candidates = [moment for moment in (quiet, self._locked_at) if moment is not None]
        if reading.idle is not None and not slept:
            candidates.append(now - reading.idle)
        return min(candidates) if candidates else None
