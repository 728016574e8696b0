"""Local dates and clock times as the CSV reports of Toggl Track and Clockify write them:
the date formats those programs offer, 12- and 24-hour clocks, durations, and the
instants a wall time means in a time zone, the hour a DST change repeats included."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NamedTuple


class DateFormat(NamedTuple):
    """A date format as the programs' settings name it, e.g. ``DD/MM/YYYY``."""

    label: str
    pattern: re.Pattern[str]
    order: tuple[int, int, int]  # which group holds the year, the month, the day

    def parse(self, text: str) -> date | None:
        match = self.pattern.fullmatch(text.strip())
        if match is None:
            return None
        groups = match.groups()
        try:
            return date(*(int(groups[i]) for i in self.order))
        except ValueError:
            return None


def _format(label: str) -> DateFormat:
    separator = re.escape(label[2] if label[2] in "/-." else label[4])
    parts = re.split(r"[/.\-]", label)
    pattern = separator.join(r"(\d{4})" if part == "YYYY" else r"(\d{1,2})" for part in parts)
    order = tuple(parts.index(part) for part in ("YYYY", "MM", "DD"))
    return DateFormat(label, re.compile(pattern), (order[0], order[1], order[2]))


# The date formats of Clockify's profile settings (which its CSV export follows), and
# year-first with slashes, which spreadsheet programs write when a file is saved again.
DATE_FORMATS = {
    label: _format(label)
    for label in (
        "YYYY-MM-DD",
        "MM/DD/YYYY",
        "DD/MM/YYYY",
        "DD-MM-YYYY",
        "MM-DD-YYYY",
        "DD.MM.YYYY",
        "YYYY/MM/DD",
    )
}

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?")
_DURATION = re.compile(r"(\d+):(\d{2})(?::(\d{2}))?")


def parse_clock(text: str) -> tuple[time, bool] | None:
    """A clock time (``13:30``, ``13:30:05``, ``1:30:05 PM``) and whether it was written
    with AM/PM; None when it is not one."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute, second = (int(g or 0) for g in match.groups()[:3])
    half = match.group(4)
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half in "Pp" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second), half is not None


def parse_duration(text: str) -> timedelta | None:
    """``H:MM:SS`` (or ``H:MM``; hours may pass 24); None when it is not one."""
    match = _DURATION.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    if minutes > 59 or seconds > 59:
        return None
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


class DateChoice(NamedTuple):
    """The date format a file is read with, and what to tell the user about it."""

    format: DateFormat
    note: str


def choose_date_format(
    distinct: Iterable[str], in_order: Sequence[str], preferred: Sequence[str], program: str
) -> DateChoice:
    """The format that reads the file's dates (``distinct``); where several read them
    all, the one under which the rows (``in_order``, consecutive repeats removed) are
    sorted by date, as reports list them; else the first of ``preferred``."""
    values = [v for v in set(distinct) if v.strip()]
    ranked = sorted(
        DATE_FORMATS.values(),
        key=lambda f: preferred.index(f.label) if f.label in preferred else len(preferred),
    )
    readable = {f.label: sum(f.parse(v) is not None for v in values) for f in ranked}
    best = max(readable.values(), default=0)
    fitting = [f for f in ranked if readable[f.label] == best]
    if len(fitting) == 1:
        return DateChoice(fitting[0], f"dates read as {fitting[0].label}")
    disorder = {f.label: _disorder(f, in_order) for f in fitting}
    least = min(disorder.values())
    ordered = [f for f in fitting if disorder[f.label] == least]
    chosen = ordered[0]
    others = ", ".join(f.label for f in fitting if f is not chosen)
    if len(ordered) == 1:
        why = f"{others} would read the dates too, but not in the order of the rows"
    else:
        why = (
            f"{others} would read them too and nothing tells them apart: check the "
            f"imported dates, and the date format in your {program} settings"
        )
    return DateChoice(chosen, f"dates read as {chosen.label} ({why})")


def _disorder(date_format: DateFormat, in_order: Sequence[str]) -> int:
    """How far the dates are from sorted (either way), read with ``date_format``."""
    days = [d for d in map(date_format.parse, in_order) if d is not None]
    rising = sum(a < b for a, b in itertools.pairwise(days))
    falling = sum(a > b for a, b in itertools.pairwise(days))
    return min(rising, falling)


def readings(wall: datetime, zone: tzinfo) -> list[datetime]:
    """The instants (UTC) that the naive local ``wall`` time means in ``zone``: none
    where a DST change skips it, the two where one repeats it (earlier first), else one."""
    if not 1 < wall.year < 9999:
        return [wall.replace(tzinfo=UTC)]  # no zone reaches there; refused later anyway
    found: list[datetime] = []
    for fold in (0, 1):
        instant = wall.replace(tzinfo=zone, fold=fold).astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) == wall and instant not in found:
            found.append(instant)
    return sorted(found)


def offset_text(instant: datetime, zone: tzinfo) -> str:
    """``+02:00``: the UTC offset in ``zone`` at ``instant``."""
    return instant.astimezone(zone).isoformat()[-6:]
