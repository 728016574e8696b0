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


def period_titles(period: Period) -> list[str]:
    """The period's title from longest to shortest, for the room there is: "Tuesday 1
    December 2026", "Tue 1 Dec 2026", "1 Dec"; "Mon 23 – Sun 29 Nov 2026", "23 – 29 Nov
    2026", "23–29 Nov"; "December 2026", "Dec 2026", "Dec"."""
    first, last = _qdate(period.first_day), _qdate(period.last_day)
    locale = QLocale()
    if period.kind is PeriodKind.DAY:
        shorter = ["ddd d MMM yyyy", "d MMM"]
        return [period_title(period)] + [locale.toString(first, f) for f in shorter]
    if period.kind is PeriodKind.MONTH:
        return [period_title(period)] + [locale.toString(first, f) for f in ("MMM yyyy", "MMM")]
    if first.month() == last.month():
        start, start_short = "d", "d"
    elif first.year() == last.year():
        start, start_short = "d MMM", "d MMM"
    else:
        start, start_short = "d MMM yyyy", "d MMM"
    return [
        period_title(period),
        f"{locale.toString(first, start)} – {locale.toString(last, 'd MMM yyyy')}",
        f"{locale.toString(first, start_short)}–{locale.toString(last, 'd MMM')}",
    ]


def empty_text(period: Period, is_current: bool, *, past: bool = False) -> str:
    """What the sessions view says when ``period`` holds no sessions (a ``past`` one:
    with the hint to add a forgotten session, whose button follows)."""
    if is_current:
        return (
            f"Nothing tracked {_CURRENT[period.kind][1]}.\n"
            "Type what you're working on and press Enter."
        )
    if past:
        return f"Nothing tracked {_period_noun(period)}.\nForgot to time something? Add it:"
    return f"Nothing tracked {_period_noun(period)}."


def no_match_text(period: Period, text: str) -> str:
    """What the sessions view says when the filter keeps none of ``period``'s sessions."""
    return (
        f"No session {_period_noun(period)} matches “{text}”.\n"
        "Press Escape in the filter to see them all."
    )


def _period_noun(period: Period) -> str:
    """ "on Thursday 26 November 2026", "in the week Mon 23 – Sun 29 Nov 2026" or
    "in November 2026"."""
    if period.kind is PeriodKind.DAY:
        return f"on {period_title(period)}"
    if period.kind is PeriodKind.WEEK:
        return f"in the week {period_title(period)}"
    return f"in {period_title(period)}"
