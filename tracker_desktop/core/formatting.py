"""Plain-text renderings shared by the CLI and the window."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo


def format_duration(duration: timedelta) -> str:
    """``H:MM:SS`` (hours may exceed 24); negative durations show as ``0:00:00``."""
    seconds = max(int(duration.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}"


def local_iso(instant: datetime, zone: tzinfo) -> str:
    """Local ISO 8601 with offset, whole seconds: ``2026-11-26T09:00:00+01:00``."""
    return instant.astimezone(zone).replace(microsecond=0).isoformat()


def local_minutes(instant: datetime, zone: tzinfo) -> str:
    """``2026-11-26 09:00`` in local time, for messages."""
    return instant.astimezone(zone).strftime("%Y-%m-%d %H:%M")
