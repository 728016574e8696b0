"""Where "now" and "here" come from: an injectable clock and the local time zone."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


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


def to_epoch(instant: datetime) -> int:
    """An aware instant as stored: whole seconds since the Unix epoch (UTC)."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime given to the database")
    return int(instant.timestamp())


def from_epoch(seconds: int) -> datetime:
    """A stored instant, back as an aware UTC datetime."""
    return datetime.fromtimestamp(seconds, UTC)


def local_zone() -> tzinfo:
    """The system time zone as a DST-aware tzinfo, honouring ``TZ``.

    Prefers a real IANA zone (so day lengths across DST are exact); falls back to the C
    library's local time, which is what Windows without a zone name gives us.
    """
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
