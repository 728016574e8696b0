"""Words for a period in the user's locale: its title, the way back to the current one,
and what an empty one says."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from tracker_desktop.core.periods import Period, PeriodKind

_CURRENT = {
    PeriodKind.DAY: ("Today", "today"),
    PeriodKind.WEEK: ("This Week", "this week"),
    PeriodKind.MONTH: ("This Month", "this month"),
}


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def current_label(kind: PeriodKind) -> str:
    """ "Today", "This Week" or "This Month"."""
    return _CURRENT[kind][0]


def period_title(period: Period) -> str:
    """ "Thursday 26 November 2026", "Mon 23 – Sun 29 Nov 2026" or "November 2026"."""
    first, last = _qdate(period.first_day), _qdate(period.last_day)
    locale = QLocale()
    if period.kind is PeriodKind.DAY:
        return locale.toString(first, "dddd d MMMM yyyy")
    if period.kind is PeriodKind.MONTH:
        return locale.toString(first, "MMMM yyyy")
    if first.year() != last.year():
        first_format = "ddd d MMM yyyy"
    elif first.month() != last.month():
        first_format = "ddd d MMM"
    else:
        first_format = "ddd d"
    return f"{locale.toString(first, first_format)} – {locale.toString(last, 'ddd d MMM yyyy')}"


def empty_text(period: Period, is_current: bool) -> str:
    """What the sessions view says when ``period`` holds no sessions."""
    if is_current:
        return (
            f"Nothing tracked {_CURRENT[period.kind][1]}.\n"
            "Type what you're working on and press Enter."
        )
    return f"Nothing tracked in {period_title(period)}."
