"""Local calendar periods (day, week, month) and how much of a session falls in one."""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta, tzinfo
from typing import NamedTuple

from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.timeparse import start_of_day


class PeriodKind(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Period(NamedTuple):
    """``[start, end)``: local calendar days ``first_day`` to ``end_day`` (exclusive).

    ``start`` and ``end`` are the UTC instants of those local midnights, so a DST day
    is 23 or 25 hours long.
    """

    kind: PeriodKind
    first_day: date
    end_day: date
    start: datetime
    end: datetime

    @property
    def last_day(self) -> date:
        return self.end_day - timedelta(days=1)

    def days(self) -> list[date]:
        """Every local day of the period, in order."""
        count = (self.end_day - self.first_day).days
        return [self.first_day + timedelta(days=n) for n in range(count)]


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    try:
        return date(index // 12, index % 12 + 1, 1)
    except ValueError:
        raise InvalidInputError(f"{day} is too close to the end of the calendar") from None


def _add_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise InvalidInputError(f"{day} is too close to the end of the calendar") from None


def period_containing(kind: PeriodKind, day: date, zone: tzinfo, *, week_start: int = 0) -> Period:
    """The day, week (starting on weekday ``week_start``, 0 = Monday) or month of ``day``."""
    if kind is PeriodKind.DAY:
        first, end = day, _add_days(day, 1)
    elif kind is PeriodKind.WEEK:
        first = _add_days(day, -((day.weekday() - week_start) % 7))
        end = _add_days(first, 7)
    else:
        first = day.replace(day=1)
        end = _add_months(first, 1)
    return Period(kind, first, end, start_of_day(first, zone), start_of_day(end, zone))


def shift_period(period: Period, steps: int, zone: tzinfo, *, week_start: int = 0) -> Period:
    """The period ``steps`` periods after (or, negative, before) ``period``."""
    if period.kind is PeriodKind.MONTH:
        day = _add_months(period.first_day, steps)
    else:
        day = _add_days(period.first_day, (period.end_day - period.first_day).days * steps)
    return period_containing(period.kind, day, zone, week_start=week_start)


def overlap(
    start: datetime, end: datetime, period_start: datetime, period_end: datetime
) -> timedelta:
    """How much of ``[start, end)`` lies inside ``[period_start, period_end)`` (never negative)."""
    inside = min(end, period_end) - max(start, period_start)
    return max(inside, timedelta(0))
