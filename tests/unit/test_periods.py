"""Local calendar periods (day, week, month) and the time a session gives each of them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker_desktop.core.periods import Period, PeriodKind, period_containing, shift_period
from tracker_desktop.core.service import Tracker
from tracker_desktop.core.storage import Storage

if TYPE_CHECKING:
    from tests.support import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
DAY, WEEK, MONTH = PeriodKind.DAY, PeriodKind.WEEK, PeriodKind.MONTH
HOUR = timedelta(hours=1)

PURE = settings(
    database=None,
    deadline=None,
    max_examples=200,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def local(zone: ZoneInfo, year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """A local wall time that exists once (not in a DST gap or repeat)."""
    return datetime(year, month, day, hour, minute, tzinfo=zone)


def length(period: Period) -> timedelta:
    return period.end - period.start


# -- days -------------------------------------------------------------------------------


def test_ordinary_day_is_local_midnight_to_midnight() -> None:
    period = period_containing(DAY, date(2026, 11, 26), BERLIN)
    assert period.kind is DAY
    assert (period.first_day, period.last_day, period.end_day) == (
        date(2026, 11, 26),
        date(2026, 11, 26),
        date(2026, 11, 27),
    )
    assert period.start == utc(2026, 11, 25, 23, 0)
    assert period.end == utc(2026, 11, 26, 23, 0)
    assert period.days() == [date(2026, 11, 26)]


@pytest.mark.parametrize(
    ("zone", "day", "hours", "start"),
    [
        (BERLIN, date(2026, 3, 29), 23, utc(2026, 3, 28, 23, 0)),
        (BERLIN, date(2026, 10, 25), 25, utc(2026, 10, 24, 22, 0)),
        (BERLIN, date(2026, 3, 28), 24, utc(2026, 3, 27, 23, 0)),
        (BERLIN, date(2026, 3, 30), 24, utc(2026, 3, 29, 22, 0)),
        (NEW_YORK, date(2026, 3, 8), 23, utc(2026, 3, 8, 5, 0)),
        (NEW_YORK, date(2026, 11, 1), 25, utc(2026, 11, 1, 4, 0)),
        (NEW_YORK, date(2026, 3, 29), 24, utc(2026, 3, 29, 4, 0)),
    ],
)
def test_dst_days_are_23_or_25_hours(
    zone: ZoneInfo, day: date, hours: int, start: datetime
) -> None:
    period = period_containing(DAY, day, zone)
    assert period.start == start
    assert length(period) == timedelta(hours=hours)


# -- weeks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [date(2026, 11, 23), date(2026, 11, 26), date(2026, 11, 29)],  # Mon, Thu, Sun
)
def test_week_starts_on_monday(day: date) -> None:
    period = period_containing(WEEK, day, BERLIN)
    assert period.first_day == date(2026, 11, 23)
    assert period.first_day.weekday() == 0
    assert period.last_day == date(2026, 11, 29)
    assert period.start == utc(2026, 11, 22, 23, 0)
    assert period.end == utc(2026, 11, 29, 23, 0)
    assert len(period.days()) == 7


def test_monday_after_sunday_is_the_next_week() -> None:
    assert period_containing(WEEK, date(2026, 11, 30), BERLIN).first_day == date(2026, 11, 30)


@pytest.mark.parametrize(
    ("week_start", "day", "first"),
    [
        (6, date(2026, 11, 26), date(2026, 11, 22)),  # Sunday first
        (6, date(2026, 11, 22), date(2026, 11, 22)),
        (6, date(2026, 11, 28), date(2026, 11, 22)),
        (6, date(2026, 11, 29), date(2026, 11, 29)),
        (5, date(2026, 11, 26), date(2026, 11, 21)),  # Saturday first
        (2, date(2026, 11, 24), date(2026, 11, 18)),  # Wednesday first
        (2, date(2026, 11, 25), date(2026, 11, 25)),
    ],
)
def test_configured_week_start(week_start: int, day: date, first: date) -> None:
    period = period_containing(WEEK, day, BERLIN, week_start=week_start)
    assert period.first_day == first
    assert period.first_day.weekday() == week_start
    assert period.end_day == first + timedelta(days=7)


def test_week_across_new_year() -> None:
    period = period_containing(WEEK, date(2026, 12, 31), BERLIN)
    assert period.first_day == date(2026, 12, 28)
    assert period.end_day == date(2027, 1, 4)
    assert period.end == utc(2027, 1, 3, 23, 0)


@pytest.mark.parametrize(
    ("zone", "day", "hours"),
    [
        (BERLIN, date(2026, 3, 29), 7 * 24 - 1),
        (BERLIN, date(2026, 10, 25), 7 * 24 + 1),
        (NEW_YORK, date(2026, 3, 8), 7 * 24 - 1),  # Sunday: week of Mon 2 Mar
        (NEW_YORK, date(2026, 11, 1), 7 * 24 + 1),
    ],
)
def test_weeks_with_a_dst_change_are_one_hour_shorter_or_longer(
    zone: ZoneInfo, day: date, hours: int
) -> None:
    assert length(period_containing(WEEK, day, zone)) == timedelta(hours=hours)


def test_week_of_new_york_spring_forward_with_sunday_first() -> None:
    period = period_containing(WEEK, date(2026, 3, 8), NEW_YORK, week_start=6)
    assert period.first_day == date(2026, 3, 8)
    assert length(period) == timedelta(hours=7 * 24 - 1)


# -- months -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "first", "end_day", "count"),
    [
        (date(2026, 11, 26), date(2026, 11, 1), date(2026, 12, 1), 30),
        (date(2026, 12, 31), date(2026, 12, 1), date(2027, 1, 1), 31),
        (date(2027, 1, 1), date(2027, 1, 1), date(2027, 2, 1), 31),
        (date(2024, 2, 29), date(2024, 2, 1), date(2024, 3, 1), 29),
        (date(2026, 2, 14), date(2026, 2, 1), date(2026, 3, 1), 28),
        (date(2100, 2, 10), date(2100, 2, 1), date(2100, 3, 1), 28),  # not a leap year
        (date(2000, 2, 10), date(2000, 2, 1), date(2000, 3, 1), 29),  # a leap year
    ],
)
def test_month_bounds(day: date, first: date, end_day: date, count: int) -> None:
    period = period_containing(MONTH, day, BERLIN)
    assert (period.first_day, period.end_day) == (first, end_day)
    assert len(period.days()) == count
    assert period.days()[-1] == period.last_day


def test_december_is_followed_by_january_of_the_next_year() -> None:
    december = period_containing(MONTH, date(2026, 12, 5), BERLIN)
    january = shift_period(december, 1, BERLIN)
    assert (january.first_day, january.end_day) == (date(2027, 1, 1), date(2027, 2, 1))
    assert january.start == december.end == utc(2026, 12, 31, 23, 0)
    assert shift_period(january, -1, BERLIN) == december


def test_month_shifts_by_a_year_and_more() -> None:
    march = period_containing(MONTH, date(2026, 3, 31), BERLIN)
    assert shift_period(march, 12, BERLIN).first_day == date(2027, 3, 1)
    assert shift_period(march, -3, BERLIN).first_day == date(2025, 12, 1)
    assert shift_period(march, -15, BERLIN).first_day == date(2024, 12, 1)
    assert shift_period(march, 0, BERLIN) == march


@pytest.mark.parametrize(
    ("zone", "day", "hours"),
    [
        (BERLIN, date(2026, 3, 1), 31 * 24 - 1),
        (BERLIN, date(2026, 10, 1), 31 * 24 + 1),
        (BERLIN, date(2026, 11, 1), 30 * 24),
        (NEW_YORK, date(2026, 3, 1), 31 * 24 - 1),
        (NEW_YORK, date(2026, 11, 1), 30 * 24 + 1),
    ],
)
def test_months_with_a_dst_change(zone: ZoneInfo, day: date, hours: int) -> None:
    assert length(period_containing(MONTH, day, zone)) == timedelta(hours=hours)


# -- shifting ---------------------------------------------------------------------------


def test_next_day_after_spring_forward_is_24_hours() -> None:
    dst_day = period_containing(DAY, date(2026, 3, 29), BERLIN)
    next_day = shift_period(dst_day, 1, BERLIN)
    assert next_day.first_day == date(2026, 3, 30)
    assert next_day.start == dst_day.end
    assert length(next_day) == 24 * HOUR
    assert shift_period(next_day, -1, BERLIN) == dst_day


def test_previous_week_with_configured_start_keeps_the_start() -> None:
    week = period_containing(WEEK, date(2026, 11, 26), BERLIN, week_start=6)
    previous = shift_period(week, -1, BERLIN, week_start=6)
    assert previous.first_day == date(2026, 11, 15)
    assert previous.end == week.start


zones = st.sampled_from([BERLIN, NEW_YORK, ZoneInfo("Australia/Lord_Howe"), ZoneInfo("UTC")])
kinds = st.sampled_from(list(PeriodKind))
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


@PURE
@given(kinds, days, zones, st.integers(0, 6))
def test_period_contains_its_day_and_neighbours_tile(
    kind: PeriodKind, day: date, zone: ZoneInfo, week_start: int
) -> None:
    period = period_containing(kind, day, zone, week_start=week_start)
    assert period.first_day <= day <= period.last_day
    assert period.start < period.end
    following = shift_period(period, 1, zone, week_start=week_start)
    preceding = shift_period(period, -1, zone, week_start=week_start)
    assert following.first_day == period.end_day
    assert following.start == period.end
    assert preceding.end_day == period.first_day
    assert preceding.end == period.start
    # The period of any of its days is the period itself.
    assert period_containing(kind, period.last_day, zone, week_start=week_start) == period


@PURE
@given(kinds, days, zones, st.integers(-30, 30))
def test_shifting_there_and_back_is_the_same_period(
    kind: PeriodKind, day: date, zone: ZoneInfo, steps: int
) -> None:
    period = period_containing(kind, day, zone)
    assert shift_period(shift_period(period, steps, zone), -steps, zone) == period


@PURE
@given(days, zones)
def test_a_day_starts_at_local_midnight(day: date, zone: ZoneInfo) -> None:
    period = period_containing(DAY, day, zone)
    start = period.start.astimezone(zone)
    assert start.date() == day
    # Midnight, or the first instant of the day where a DST change skips midnight.
    assert (period.start - timedelta(seconds=1)).astimezone(zone).date() < day
    assert length(period) in {23 * HOUR, 23.5 * HOUR, 24 * HOUR, 24.5 * HOUR, 25 * HOUR}


# -- period totals through the tracker ----------------------------------------------------


def record(tracker: Tracker, start: datetime, end: datetime | None, name: str = "") -> None:
    tracker.start(name, start)
    if end is not None:
        tracker.stop(end)


def test_session_over_midnight_gives_each_day_its_part(tracker: Tracker) -> None:
    record(tracker, local(BERLIN, 2026, 11, 20, 22, 0), local(BERLIN, 2026, 11, 21, 2, 0))
    friday = tracker.report(DAY, date(2026, 11, 20))
    saturday = tracker.report(DAY, date(2026, 11, 21))
    assert friday.total == 2 * HOUR
    assert saturday.total == 2 * HOUR
    assert len(friday.sessions) == len(saturday.sessions) == 1
    assert friday.sessions == saturday.sessions
    assert friday.sessions[0].duration(tracker.now()) == 4 * HOUR
    assert tracker.report(WEEK, date(2026, 11, 20)).total == 4 * HOUR
    assert tracker.report(DAY, date(2026, 11, 22)).sessions == ()


def test_session_across_a_month_end_splits_between_months(tracker: Tracker) -> None:
    record(tracker, local(BERLIN, 2026, 10, 31, 23, 0), local(BERLIN, 2026, 11, 1, 1, 30))
    october = tracker.report(MONTH, date(2026, 10, 15))
    november = tracker.report(MONTH, date(2026, 11, 15))
    assert october.total == HOUR
    assert november.total == 1.5 * HOUR
    assert len(october.sessions) == len(november.sessions) == 1


def test_session_across_new_year_splits_between_years(tracker: Tracker, clock: FakeClock) -> None:
    clock.set(utc(2027, 1, 10, 12, 0))
    record(tracker, local(BERLIN, 2026, 12, 31, 20, 0), local(BERLIN, 2027, 1, 1, 3, 0))
    assert tracker.report(MONTH, date(2026, 12, 1)).total == 4 * HOUR
    assert tracker.report(MONTH, date(2027, 1, 1)).total == 3 * HOUR
    # Week of Mon 28 Dec 2026 holds all of it.
    assert tracker.report(WEEK, date(2027, 1, 1)).total == 7 * HOUR


def test_week_totals_across_spring_forward_are_exact(tracker: Tracker) -> None:
    # Sat 28 Mar 20:00 to Mon 30 Mar 08:00 Berlin: 35 real hours, one skipped at night.
    record(tracker, local(BERLIN, 2026, 3, 28, 20, 0), local(BERLIN, 2026, 3, 30, 8, 0))
    assert tracker.report(WEEK, date(2026, 3, 28)).total == 27 * HOUR  # up to Mon 00:00
    assert tracker.report(WEEK, date(2026, 3, 30)).total == 8 * HOUR
    assert tracker.report(DAY, date(2026, 3, 29)).total == 23 * HOUR
    assert tracker.report(MONTH, date(2026, 3, 1)).total == 35 * HOUR


def test_week_totals_across_fall_back_are_exact(tracker: Tracker) -> None:
    # Sat 24 Oct 12:00 to Mon 26 Oct 06:00 Berlin: 43 real hours, one repeated at night.
    record(tracker, local(BERLIN, 2026, 10, 24, 12, 0), local(BERLIN, 2026, 10, 26, 6, 0))
    assert tracker.report(DAY, date(2026, 10, 25)).total == 25 * HOUR
    assert tracker.report(WEEK, date(2026, 10, 24)).total == 37 * HOUR
    assert tracker.report(WEEK, date(2026, 10, 26)).total == 6 * HOUR


def test_new_york_dst_day_totals(storage: Storage, clock: FakeClock) -> None:
    tracker = Tracker(storage, clock, NEW_YORK)
    record(tracker, local(NEW_YORK, 2026, 3, 7, 23, 0), local(NEW_YORK, 2026, 3, 9, 1, 0))
    assert tracker.report(DAY, date(2026, 3, 7)).total == HOUR
    assert tracker.report(DAY, date(2026, 3, 8)).total == 23 * HOUR
    assert tracker.report(DAY, date(2026, 3, 9)).total == HOUR
    record(tracker, local(NEW_YORK, 2026, 10, 31, 12, 0), local(NEW_YORK, 2026, 11, 2, 0, 0))
    assert tracker.report(DAY, date(2026, 11, 1)).total == 25 * HOUR
    assert tracker.report(MONTH, date(2026, 10, 1)).total == 12 * HOUR
    assert tracker.report(MONTH, date(2026, 11, 1)).total == 25 * HOUR


def test_running_session_counts_up_to_now_inside_the_period(
    tracker: Tracker, clock: FakeClock
) -> None:
    # Now is Thu 26 Nov 10:00 Berlin; the session started Wed 22:00.
    record(tracker, local(BERLIN, 2026, 11, 25, 22, 0), None)
    assert tracker.report(DAY, date(2026, 11, 25)).total == 2 * HOUR
    assert tracker.report(DAY, date(2026, 11, 26)).total == 10 * HOUR
    assert tracker.report(DAY, date(2026, 11, 27)).total == timedelta(0)
    clock.advance(minutes=30)
    assert tracker.report(DAY, date(2026, 11, 26)).total == 10.5 * HOUR


def test_period_totals_add_up_to_the_session(tracker: Tracker) -> None:
    start, end = local(BERLIN, 2026, 10, 20, 7, 13), local(BERLIN, 2026, 11, 3, 19, 41)
    record(tracker, start, end)
    day = period_containing(DAY, date(2026, 10, 20), BERLIN)
    total = timedelta(0)
    while day.start < end:
        total += tracker.period_report(day).total
        day = shift_period(day, 1, BERLIN)
    # Real elapsed time: 14 days, 12:28 on the wall clock, plus the hour repeated on 25 Oct.
    assert total == end.astimezone(UTC) - start.astimezone(UTC)
    assert total == timedelta(days=14, hours=13, minutes=28)
