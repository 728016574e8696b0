"""Words for a period in the user's locale: its title, the way back to the current one,
and what an empty one says."""

from __future__ import annotations

from tracker_desktop.core.periods import Period, PeriodKind
from tracker_desktop.ui.locale_format import day_text, month_text

_CURRENT = {
    PeriodKind.DAY: ("Today", "today"),
    PeriodKind.WEEK: ("This Week", "this week"),
    PeriodKind.MONTH: ("This Month", "this month"),
}


def current_label(kind: PeriodKind) -> str:
    """ "Today", "This Week" or "This Month"."""
    return _CURRENT[kind][0]


def period_title(period: Period) -> str:
    """The locale's own words: "Dienstag, 1. Dezember 2026", "Mon, Nov 23 – Sun, Nov 29,
    2026" or "November 2026"."""
    first, last = period.first_day, period.last_day
    if period.kind is PeriodKind.DAY:
        return day_text(first)
    if period.kind is PeriodKind.MONTH:
        return month_text(first)
    start = day_text(first, short=True, year=first.year != last.year)
    return f"{start} – {day_text(last, short=True)}"


def empty_text(period: Period, is_current: bool) -> str:
    """What the sessions view says when ``period`` holds no sessions."""
    if is_current:
        return (
            f"Nothing tracked {_CURRENT[period.kind][1]}.\n"
            "Type what you're working on and press Enter."
        )
    return f"Nothing tracked in {period_title(period)}."
