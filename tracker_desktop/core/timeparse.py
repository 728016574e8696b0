"""Parsing ``WHEN`` arguments and turning local wall times into instants."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, tzinfo

from tracker_desktop.core.clock import check_supported
from tracker_desktop.core.errors import InvalidInputError

_CLOCK_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_LOCAL_DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?")
_OFFSET_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}(?::?\d{2})?)", re.IGNORECASE
)

WHEN_FORMATS = "HH:MM, YYYY-MM-DDTHH:MM[:SS], or ISO 8601 with an offset or Z"


def local_instant(wall: datetime, zone: tzinfo, *, what: str = "time") -> datetime:
    """The UTC instant of the naive local wall time ``wall`` in ``zone``.

    A wall time repeated by a DST change means its first occurrence; one skipped by a
    DST change does not exist and is refused.
    """
    first = wall.replace(tzinfo=zone, fold=0)
    try:
        instant = first.astimezone(UTC)
        round_trip = instant.astimezone(zone).replace(tzinfo=None)
    except OverflowError:
        raise InvalidInputError(f"{what}: {wall:%Y-%m-%d %H:%M} is outside the calendar") from None
    if round_trip != wall:
        raise InvalidInputError(
            f"{what}: {wall:%Y-%m-%d %H:%M} does not exist in the local time zone "
            "(the clocks skip it for daylight saving time)"
        )
    return instant


def start_of_day(day: date, zone: tzinfo) -> datetime:
    """The first instant (UTC) of local calendar ``day``, even where midnight is skipped."""
    try:
        return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    except OverflowError:
        raise InvalidInputError(f"{day} is outside the supported calendar") from None


def parse_when(text: str, *, now: datetime, zone: tzinfo, what: str = "WHEN") -> datetime:
    """The instant (UTC, whole seconds) that ``text`` names; never later than ``now``.

    ``what`` names the argument in error messages (for example ``--at``).
    """
    value = text.strip()
    instant: datetime
    if match := _CLOCK_TIME.fullmatch(value):
        today = now.astimezone(zone).date()
        clock = [int(g or 0) for g in match.groups()]
        wall = _wall_time(what, value, [today.year, today.month, today.day, *clock])
        instant = local_instant(wall, zone, what=what)
    elif match := _LOCAL_DATETIME.fullmatch(value):
        wall = _wall_time(what, value, [int(g or 0) for g in match.groups()])
        instant = local_instant(wall, zone, what=what)
    elif _OFFSET_DATETIME.fullmatch(value):
        try:
            instant = datetime.fromisoformat(value.upper().replace(" ", "T")).astimezone(UTC)
        except ValueError as error:
            raise InvalidInputError(f"{what}: {text!r} is not a valid time ({error})") from None
        except OverflowError:
            raise InvalidInputError(f"{what}: {text!r} is outside the calendar") from None
    else:
        raise InvalidInputError(f"{what}: {text!r} is not a time; use {WHEN_FORMATS}")
    if instant > now:
        raise InvalidInputError(f"{what}: {value} is in the future")
    return check_supported(instant, what)


def _wall_time(what: str, text: str, fields: list[int]) -> datetime:
    year, month, day, hour, minute, second = fields
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError as error:
        raise InvalidInputError(f"{what}: {text!r} is not a valid time ({error})") from None
