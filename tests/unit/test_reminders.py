"""Reminders to track (issue 16): off by default; on chosen days and hours; after N
minutes of activity without a session; at most once per N minutes; never while locked."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.support import FakeClock
from tracker_desktop.core.idle import IdleReading
from tracker_desktop.core.idle.reminders import ReminderRule, ReminderSchedule

BERLIN = ZoneInfo("Europe/Berlin")
THURSDAY_10 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
ON = ReminderSchedule(enabled=True, every=timedelta(minutes=15))
ACTIVE = IdleReading(timedelta(seconds=3))
AWAY = IdleReading(timedelta(minutes=20))
LOCKED = IdleReading(timedelta(seconds=3), locked=True)


def reminders_over(
    minutes: int,
    schedule: ReminderSchedule = ON,
    *,
    reading: IdleReading = ACTIVE,
    tracking: bool = False,
    start: datetime = THURSDAY_10,
) -> list[int]:
    """The minutes (from ``start``) at which a reminder came, checking every 10 s."""
    clock = FakeClock(start)
    rule = ReminderRule(clock, BERLIN, schedule, active_within=timedelta(minutes=10))
    came = []
    for tick in range(minutes * 6 + 1):
        clock.set(start + timedelta(seconds=10 * tick))
        if rule.observe(reading, tracking):
            came.append(tick // 6)
    return came


def test_off_by_default() -> None:
    assert not ReminderSchedule().enabled
    assert reminders_over(120, ReminderSchedule()) == []


def test_after_n_minutes_of_work_without_a_session_and_at_most_once_per_n() -> None:
    assert reminders_over(50) == [15, 30, 45]


def test_never_while_a_session_runs_nor_while_locked_nor_while_away() -> None:
    assert reminders_over(60, tracking=True) == []
    assert reminders_over(60, reading=LOCKED) == []
    assert reminders_over(60, reading=AWAY) == []


def test_without_idle_time_any_unlocked_time_counts_as_active() -> None:
    assert reminders_over(20, reading=IdleReading(None)) == [15]


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (datetime(2026, 11, 28, 9, 0, tzinfo=UTC), []),  # Saturday
        (datetime(2026, 11, 26, 17, 30, tzinfo=UTC), [15]),  # 18:30 Berlin: until 19:00
        (datetime(2026, 11, 26, 17, 50, tzinfo=UTC), []),  # 18:50 Berlin: closes at 19:00
        (datetime(2026, 11, 26, 5, 40, tzinfo=UTC), [20]),  # 06:40 Berlin, from 06:45 on
    ],
    ids=["weekend", "evening", "closing", "morning"],
)
def test_only_on_the_chosen_days_and_hours(start: datetime, expected: list[int]) -> None:
    schedule = ReminderSchedule(
        enabled=True, every=timedelta(minutes=15), start=time(6, 45), end=time(19, 0)
    )
    assert reminders_over(25, schedule, start=start) == expected


def test_the_hours_count_in_local_time() -> None:
    schedule = ReminderSchedule(enabled=True, start=time(10, 20), end=time(11, 0))
    # 10:00 Berlin; the window opens at 10:20 and the activity counts from there.
    assert reminders_over(40, schedule) == [35]


def test_a_window_past_midnight_belongs_to_the_day_it_starts() -> None:
    night = ReminderSchedule(enabled=True, weekdays=frozenset({4}), start=time(22), end=time(2))
    friday_23 = datetime(2026, 11, 27, 22, 0, tzinfo=UTC)
    saturday_01 = datetime(2026, 11, 28, 0, 0, tzinfo=UTC)
    sunday_01 = datetime(2026, 11, 29, 0, 0, tzinfo=UTC)
    for instant, covered in ((friday_23, True), (saturday_01, True), (sunday_01, False)):
        assert night.covers(instant.astimezone(BERLIN)) is covered


def test_stopping_work_or_locking_starts_the_count_again() -> None:
    clock = FakeClock(THURSDAY_10)
    rule = ReminderRule(clock, BERLIN, ON, active_within=timedelta(minutes=10))
    came = []
    for tick in range(6 * 40):
        clock.set(THURSDAY_10 + timedelta(seconds=10 * tick))
        reading = LOCKED if 6 * 10 <= tick < 6 * 12 else ACTIVE
        if rule.observe(reading, tracking=False):
            came.append(tick // 6)
    assert came == [27]  # active from minute 12 (after the lock), 15 minutes later


def test_a_sleep_between_checks_starts_the_count_again() -> None:
    clock = FakeClock(THURSDAY_10)
    rule = ReminderRule(clock, BERLIN, ON, active_within=timedelta(minutes=10))
    for tick in range(6 * 10):
        clock.set(THURSDAY_10 + timedelta(seconds=10 * tick))
        assert not rule.observe(ACTIVE, tracking=False)
    clock.advance(minutes=30)
    assert not rule.observe(ACTIVE, tracking=False)  # woke up: not 40 minutes of work
    clock.advance(minutes=14)
    assert not rule.observe(ACTIVE, tracking=False)
