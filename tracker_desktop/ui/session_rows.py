"""The rows of the sessions table, made from a period's sessions: a session under every
day it touches (so a day's rows add up to its total), days grouped under their weeks in
a month, groups left out while collapsed, and sessions kept only when they match the
filter. Plain values and no Qt, so the rules read (and test) on their own."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo
from typing import NamedTuple

from tracker_desktop.core.periods import Period, PeriodKind
from tracker_desktop.core.service import Session
from tracker_desktop.core.timeparse import start_of_day


class WeekRow(NamedTuple):
    """A week heading in the month view: the week's days inside the month."""

    first_day: date
    end_day: date  # exclusive


class DayRow(NamedTuple):
    """A day heading in week and month views, with that day's time."""

    day: date


class SessionRow(NamedTuple):
    """A session as listed under ``day``: its duration there is the part inside it."""

    session: Session
    day: date


Heading = WeekRow | DayRow
Row = WeekRow | DayRow | SessionRow


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """``[start, end)`` of local ``day`` (23 or 25 hours on DST days)."""
    return start_of_day(day, zone), start_of_day(day + timedelta(days=1), zone)


def days_touched(
    session: Session,
    period: Period,
    zone: tzinfo,
    now: datetime,
    bounds: dict[date, tuple[datetime, datetime]],
) -> list[date]:
    """The days of ``period`` that hold part of ``session`` (a zero-length session: the
    day it stands on; a session ending at midnight does not reach the next day).
    ``bounds`` holds each day's ``day_bounds``, as they are asked for."""
    first = max(session.start.astimezone(zone).date(), period.first_day)
    last = min((session.end or max(now, session.start)).astimezone(zone).date(), period.last_day)
    days = []
    day = first
    while day <= last:
        if day not in bounds:
            bounds[day] = day_bounds(day, zone)
        if session.overlaps(*bounds[day], now):
            days.append(day)
        day += timedelta(days=1)
    return days


def matches(session: Session, needle: str) -> bool:
    """Whether ``needle`` (case-folded) is in the session's name, project, client or a
    tag, ignoring case."""
    if not needle:
        return True
    texts = [session.name, *session.tags]
    if session.project is not None:
        texts += [session.project.name, session.project.client or ""]
    return any(needle in text.casefold() for text in texts)


def by_day(
    period: Period, sessions: Iterable[Session], zone: tzinfo, now: datetime
) -> dict[date, list[Session]]:
    """Each day of ``period`` that holds time or a session, with its sessions (in the
    order given: newest first)."""
    found: dict[date, list[Session]] = {}
    bounds: dict[date, tuple[datetime, datetime]] = {}
    for session in sessions:
        for day in days_touched(session, period, zone, now, bounds):
            found.setdefault(day, []).append(session)
    return found


def weeks_of(period: Period, week_start: int) -> list[WeekRow]:
    """The weeks (starting on weekday ``week_start``) of a month, each clipped to it."""
    weeks = []
    first = period.first_day
    while first < period.end_day:
        end = first + timedelta(days=7 - (first.weekday() - week_start) % 7)
        weeks.append(WeekRow(first, min(end, period.end_day)))
        first = end
    return weeks


def build_rows(
    period: Period,
    days: dict[date, list[Session]],
    week_start: int,
    collapsed: set[Heading],
) -> list[Row]:
    """The table's rows, newest first: in a day, its sessions; in a week, each day with
    sessions under its heading; in a month, the same under week headings. Headings in
    ``collapsed`` are listed without what they hold."""
    if period.kind is PeriodKind.DAY:
        return [SessionRow(s, period.first_day) for s in days.get(period.first_day, [])]
    if period.kind is PeriodKind.WEEK:
        return _day_rows(reversed(period.days()), days, collapsed)
    rows: list[Row] = []
    for week in reversed(weeks_of(period, week_start)):
        listed = [
            week.first_day + timedelta(days=n) for n in range((week.end_day - week.first_day).days)
        ]
        if any(day in days for day in listed):
            rows.append(week)
            if week not in collapsed:
                rows += _day_rows(reversed(listed), days, collapsed)
    return rows


def _day_rows(
    listed: Iterable[date], days: dict[date, list[Session]], collapsed: set[Heading]
) -> list[Row]:
    rows: list[Row] = []
    for day in listed:
        if day in days:
            heading = DayRow(day)
            rows.append(heading)
            if heading not in collapsed:
                rows += [SessionRow(s, day) for s in days[day]]
    return rows
