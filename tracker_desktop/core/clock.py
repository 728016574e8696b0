"""Where "now" and "here" come from: an injectable clock and the local time zone."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker_desktop.core.errors import InvalidInputError

# The instants Tracker Desktop keeps: from the Unix epoch to the start of 2200 (UTC).
# Beyond them a local time may not exist at all (year 1 minus an offset is year 0), and
# nobody's work lies there: a time outside is a typing mistake or a wrong clock.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
SUPPORTED_YEARS = "the years 1970 to 2199"


class Clock(Protocol):
    """Tells the current instant; tests inject one they can move."""

    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


def whole_seconds(instant: datetime) -> datetime:
    """``instant`` truncated to whole seconds (what the database stores)."""
    return instant.replace(microsecond=0)


def check_supported(instant: datetime, what: str) -> datetime:
    """``instant`` if it lies within the supported years; else invalid input for ``what``."""
    if not EARLIEST <= instant < LATEST:
        raise InvalidInputError(
            f"{what}: {instant.astimezone(UTC).isoformat(' ', 'minutes')[:16]} UTC is outside "
            f"{SUPPORTED_YEARS} that Tracker Desktop keeps",
            field=what.lstrip("-"),
        )
    return instant


def to_epoch(instant: datetime) -> int:
    """An aware instant as stored: whole seconds since the Unix epoch (UTC)."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime given to the database")
    return int(instant.timestamp())


def from_epoch(seconds: int) -> datetime:
    """A stored instant, back as an aware UTC datetime."""
    return datetime.fromtimestamp(seconds, UTC)


def local_zone() -> tzinfo:
    """The system time zone as a DST-aware tzinfo, honouring ``TZ``; a ``TZ`` whose
    offsets no real zone has (``UTC+24``) is invalid input, not a crash later."""
    zone = _system_zone()
    try:
        for instant in (datetime.now(UTC), EARLIEST + timedelta(days=1), LATEST):
            # Both ways: UTC to local time, and local time (its offset) back to UTC.
            instant.astimezone(zone).replace(fold=0).astimezone(UTC)
            (instant - timedelta(days=1)).replace(tzinfo=zone).astimezone(UTC)
    except (ValueError, OverflowError) as error:
        raise InvalidInputError(
            f"TZ: {os.environ.get('TZ', '')!r} is not a time zone Tracker Desktop can use "
            f"({error}); set TZ to a zone name such as Europe/Berlin, or unset it"
        ) from None
    return zone


def _system_zone() -> tzinfo:
    """Prefers a real IANA zone (so day lengths across DST are exact); falls back to the
    C library's local time, which is what Windows without a zone name gives us."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    localtime = Path("/etc/localtime")
    if not name and localtime.exists():
        try:
            with localtime.open("rb") as file:
                return ZoneInfo.from_file(file, key="localtime")
        except (OSError, ValueError):
            pass
    return CLibraryZone()


_EPOCH = datetime(1970, 1, 1)


class CLibraryZone(tzinfo):
    """Local time as the C library sees it (``time.localtime``), with PEP 495 folds."""

    def _offset_seconds(self, dt: datetime) -> int:
        # A naive datetime's timestamp() is local time, and honours fold for repeated times.
        stamp = dt.replace(tzinfo=None).timestamp()
        return time.localtime(stamp).tm_gmtoff

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(seconds=-time.timezone)
        return timedelta(seconds=self._offset_seconds(dt))

    def dst(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(0)
        if time.localtime(dt.replace(tzinfo=None).timestamp()).tm_isdst > 0:
            return self.utcoffset(dt) - timedelta(seconds=-time.timezone)
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        if dt is None:
            return time.tzname[0]
        return time.localtime(dt.replace(tzinfo=None).timestamp()).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        stamp = (dt.replace(tzinfo=None) - _EPOCH) / timedelta(seconds=1)
        fields = time.localtime(stamp)
        local = datetime(*fields[:6], microsecond=dt.microsecond)
        if local.replace(fold=0).timestamp() != stamp:
            local = local.replace(fold=1)
        return local.replace(tzinfo=self)

    def __repr__(self) -> str:
        return "CLibraryZone()"
