"""The away rule (issue 16): when time away from the computer ends, and where it starts.

A fake idle source is a list of readings fed in by hand, the clock is a FakeClock: each
case reads as a story of minutes and inputs, and nothing sleeps.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.support import FakeClock
from tracker_desktop.core.idle import IdleReading
from tracker_desktop.core.idle.away import (
    AWAY_WAIT,
    PRESENT_WAIT,
    SLEEP_SLACK,
    Away,
    AwayRule,
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
SECOND = timedelta(seconds=1)
THRESHOLD = 10 * MINUTE


class Desk:
    """A user at a computer: the clock, the idle counter the desktop keeps, and the
    rule under test reading it on the schedule it asks for."""

    def __init__(self, threshold: timedelta = THRESHOLD, *, idle_known: bool = True) -> None:
        self.clock = FakeClock(NOW)
        self.rule = AwayRule(self.clock, threshold)
        self.last_input = NOW
        self.locked = False
        self.idle_known = idle_known
        self.reported: list[Away] = []
        self.due = NOW  # when the rule asked to be checked next

    def reading(self) -> IdleReading:
        idle = self.clock.now() - self.last_input if self.idle_known else None
        return IdleReading(idle, self.locked)

    def check(self) -> Away | None:
        away = self.rule.observe(self.reading())
        self.due = self.clock.now() + self.rule.next_check()
        if away is not None:
            self.reported.append(away)
        return away

    def run_for(self, span: timedelta) -> None:
        """Lets time pass, checking as often as the rule asks."""
        end = self.clock.now() + span
        while self.due <= end:
            self.clock.set(max(self.due, self.clock.now()))
            self.check()
        self.clock.set(end)

    def touch(self) -> datetime:
        """The user moves the mouse now."""
        self.last_input = self.clock.now()
        return self.last_input

    def work_for(self, span: timedelta) -> None:
        """Input every few seconds for ``span``."""
        end = self.clock.now() + span
        while self.clock.now() < end:
            self.touch()
            self.run_for(3 * SECOND)


def at(minutes: float) -> datetime:
    return NOW + timedelta(minutes=minutes)


def test_a_pause_shorter_than_the_threshold_reports_nothing() -> None:
    desk = Desk()
    desk.check()
    desk.run_for(9 * MINUTE)
    desk.touch()
    desk.run_for(5 * SECOND)
    assert desk.reported == []


def test_time_away_runs_from_the_last_input_to_the_input_of_return() -> None:
    desk = Desk()
    desk.check()
    desk.work_for(5 * MINUTE)
    left = desk.last_input
    desk.run_for(40 * MINUTE)
    assert desk.reported == []  # nothing is said while the user is away
    desk.clock.advance(seconds=0.4)
    returned = desk.touch()  # between two checks: the return is the input, not the check
    desk.run_for(2 * SECOND)
    assert desk.reported == [Away(left, returned)]


def test_the_start_is_fixed_when_first_crossed_whatever_later_readings_say() -> None:
    desk = Desk()
    desk.check()
    desk.run_for(11 * MINUTE)  # crossed: away since NOW
    # The idle counter drifts a little against the wall clock (or restarts on the lock
    # screen); the start stays where it was first fixed.
    desk.last_input = NOW + 500 * timedelta(milliseconds=1)
    desk.run_for(MINUTE)
    returned = desk.touch()
    desk.run_for(2 * SECOND)
    assert desk.reported == [Away(NOW, returned)]


def test_a_lock_counts_as_away_from_the_moment_it_locks() -> None:
    desk = Desk()
    desk.check()
    desk.work_for(2 * MINUTE)
    locked = desk.touch()  # Super+L: the last input is the lock itself
    desk.locked = True
    desk.check()  # the lock signal makes the watcher check at once
    for _ in range(5):  # the mouse nudged on the lock screen now and then
        desk.run_for(3 * MINUTE)
        desk.touch()
    desk.run_for(MINUTE)
    assert desk.reported == []
    desk.locked = False
    unlocked = desk.touch()  # typing the password, then the unlock signal
    desk.check()
    assert desk.reported == [Away(locked, unlocked)]


def test_a_lock_after_minutes_of_reading_starts_at_the_last_input() -> None:
    desk = Desk()
    desk.check()
    desk.run_for(4 * MINUTE)  # reading, no input
    desk.locked = True  # the screen saver locks by itself
    desk.check()
    desk.run_for(20 * MINUTE)
    desk.locked = False
    desk.touch()
    desk.check()
    assert desk.reported == [Away(NOW, at(24))]


def test_a_short_lock_reports_nothing() -> None:
    desk = Desk()
    desk.check()
    desk.touch()
    desk.locked = True
    desk.check()
    desk.run_for(3 * MINUTE)
    desk.locked = False
    desk.touch()
    desk.check()
    assert desk.reported == []


def test_without_idle_time_a_lock_alone_counts_as_away() -> None:
    desk = Desk(idle_known=False)  # KDE on Wayland: locks are told, idle time is not
    desk.check()
    desk.run_for(30 * MINUTE)  # no input known: nothing is assumed
    assert desk.reported == []
    desk.locked = True
    desk.check()
    lock = desk.clock.now()
    desk.run_for(25 * MINUTE)
    desk.locked = False
    desk.check()
    (away,) = desk.reported
    assert lock - PRESENT_WAIT <= away.start <= lock
    assert away.end == desk.clock.now()


@pytest.mark.parametrize("counts_sleep", [False, True], ids=["counter stops", "counter runs"])
def test_idle_then_sleep_then_return_is_one_stretch_from_the_first_input_missed(
    counts_sleep: bool,
) -> None:
    desk = Desk()
    desk.check()
    desk.work_for(MINUTE)
    left = desk.last_input
    desk.run_for(3 * MINUTE)  # idle for three minutes, then the lid is closed
    desk.clock.advance(minutes=30)
    if not counts_sleep:  # X11, GNOME: the counter does not run while asleep
        desk.last_input += timedelta(minutes=30)
    desk.check()  # the first check after waking comes 30 minutes late
    assert desk.reported == []  # woken, but nobody has touched anything yet
    desk.run_for(20 * SECOND)
    returned = desk.touch()
    desk.run_for(2 * SECOND)
    assert desk.reported == [Away(left, returned)]


def test_a_sleep_after_work_with_input_at_wake_up_is_reported_at_the_first_check() -> None:
    desk = Desk()
    desk.check()
    desk.work_for(2 * MINUTE)
    left = desk.last_input
    desk.run_for(2 * SECOND)
    desk.clock.advance(minutes=15)  # asleep; the counter stops
    desk.last_input += timedelta(minutes=15)
    desk.clock.advance(seconds=1)
    returned = desk.touch()  # opening the lid, a key pressed
    desk.clock.advance(seconds=1)
    desk.check()
    assert desk.reported == [Away(left, returned)]


def test_a_sleep_shorter_than_the_threshold_reports_nothing() -> None:
    desk = Desk()
    desk.check()
    desk.work_for(MINUTE)
    desk.run_for(2 * SECOND)
    desk.clock.advance(minutes=5)
    desk.last_input += timedelta(minutes=5)
    desk.touch()
    desk.check()
    assert desk.reported == []


def test_a_late_check_within_the_slack_is_no_sleep() -> None:
    desk = Desk()
    desk.check()
    desk.touch()
    wait = desk.rule.next_check()
    assert wait == PRESENT_WAIT
    desk.clock.advance(seconds=(wait + SLEEP_SLACK - SECOND).total_seconds())
    desk.touch()
    desk.check()
    assert desk.reported == []


def test_input_between_two_checks_is_seen_even_when_the_counter_grew() -> None:
    desk = Desk()
    desk.check()
    desk.run_for(11 * MINUTE)  # away since NOW
    # The user comes back for a moment and leaves again before the next check; the
    # next check still sees less idle time than has passed since the one before.
    desk.clock.advance(seconds=0.2)
    returned = desk.touch()
    desk.clock.advance(seconds=0.9)
    desk.check()
    assert desk.reported == [Away(NOW, returned)]


def test_leaving_twice_reports_two_stretches() -> None:
    desk = Desk()
    desk.check()
    desk.run_for(15 * MINUTE)
    first_return = desk.touch()
    desk.run_for(2 * SECOND)
    desk.work_for(MINUTE)
    left_again = desk.last_input
    desk.run_for(12 * MINUTE)
    second_return = desk.touch()
    desk.run_for(2 * SECOND)
    assert desk.reported == [Away(NOW, first_return), Away(left_again, second_return)]


def test_checks_are_rare_while_present_and_frequent_while_away() -> None:
    desk = Desk()
    desk.check()
    assert desk.rule.next_check() == PRESENT_WAIT
    desk.run_for(THRESHOLD - PRESENT_WAIT + SECOND)
    assert desk.rule.next_check() == AWAY_WAIT
    desk.touch()
    desk.check()
    assert desk.rule.next_check() == PRESENT_WAIT
    desk.locked = True
    desk.check()
    assert desk.rule.next_check() == AWAY_WAIT


def test_a_new_threshold_applies_to_the_stretch_under_way() -> None:
    desk = Desk()
    desk.check()
    desk.run_for(5 * MINUTE)
    desk.rule.threshold = 2 * MINUTE
    returned = desk.touch()
    desk.run_for(PRESENT_WAIT)
    assert desk.reported == [Away(NOW, returned)]


def test_reset_forgets_the_stretch_under_way() -> None:
    desk = Desk()
    desk.check()
    desk.run_for(20 * MINUTE)
    desk.rule.reset()  # idle detection turned off (a click) and on again later
    desk.touch()
    desk.run_for(20 * MINUTE)
    desk.rule.reset()
    desk.check()
    returned = desk.touch()
    desk.run_for(2 * SECOND)
    assert desk.reported == [Away(returned - 20 * MINUTE, returned)]


def test_no_reading_with_idle_time_means_no_stretch_without_a_lock() -> None:
    desk = Desk(idle_known=False)
    desk.check()
    desk.run_for(2 * 60 * MINUTE)
    assert desk.reported == []


def test_lock_then_sleep_then_unlock_is_one_stretch_from_the_lock() -> None:
    desk = Desk()
    desk.check()
    desk.work_for(MINUTE)
    locked = desk.touch()
    desk.locked = True
    desk.check()
    desk.run_for(2 * SECOND)
    desk.clock.advance(hours=1)  # the lid closed: asleep
    desk.last_input += timedelta(hours=1)
    desk.check()
    desk.touch()  # a key pressed on the lock screen wakes it up
    desk.run_for(30 * SECOND)
    assert desk.reported == []
    desk.locked = False
    desk.touch()
    desk.check()
    assert desk.reported == [Away(locked, desk.clock.now())]
