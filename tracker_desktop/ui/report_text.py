"""How reports name their groups, times and ranges in the window and the timesheet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from tracker_desktop.core.reports import Group, ReportRange

NONE_LABELS = {"client": "No client", "project": "No project", "tag": "No tag"}
GROUPING_TITLES = {
    "client": "Client",
    "project": "Project",
    "tag": "Tag",
    "day": "Day",
    "name": "Session name",
}


def hours_text(seconds: int) -> str:
    """``7:30``: hours and minutes, rounded to the nearest minute."""
    minutes = (max(seconds, 0) + 30) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def decimal_hours(seconds: int) -> str:
    """``7.50 h``: hours with two decimals, as timesheets often count."""
    return f"{seconds / 3600:.2f} h"


def group_label(group: Group, locale: QLocale | None = None) -> str:
    """A group as a reader knows it: ``Acme ▸ Website``, ``#design``, a day's date,
    ``No project``."""
    if group.key is None:
        return NONE_LABELS.get(group.by, "Unnamed")
    if group.by == "project" and group.client:
        return f"{group.client} ▸ {group.key}"
    if group.by == "tag":
        return f"#{group.key}"
    if group.by == "day":
        return day_text(date.fromisoformat(group.key), locale)
    return group.key or "Unnamed"


def day_text(day: date, locale: QLocale | None = None, *, short: bool = True) -> str:
    """``Mon 23 Nov 2026`` (short) or the locale's long date."""
    locale = locale or QLocale()
    qdate = QDate(day.year, day.month, day.day)
    if short:
        return locale.toString(qdate, "ddd d MMM yyyy")
    return locale.toString(qdate, QLocale.FormatType.LongFormat)


def range_text(span: ReportRange, locale: QLocale | None = None) -> str:
    """``1 – 30 Nov 2026``, ``28 Dec 2026 – 3 Jan 2027`` or one day."""
    locale = locale or QLocale()
    first, last = span.first_day, span.last_day

    def text(day: date, pattern: str) -> str:
        return locale.toString(QDate(day.year, day.month, day.day), pattern)

    if first == last:
        return text(first, "d MMM yyyy")
    if first.year != last.year:
        return f"{text(first, 'd MMM yyyy')} – {text(last, 'd MMM yyyy')}"
    if first.month != last.month:
        return f"{text(first, 'd MMM')} – {text(last, 'd MMM yyyy')}"
    return f"{text(first, 'd')} – {text(last, 'd MMM yyyy')}"
