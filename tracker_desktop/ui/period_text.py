"""Words for a period in the user's locale: its title, the way back to the current one,
and what an empty one says."""

from __future__ import annotations

from tracker_desktop.core.periods import Period, PeriodKind
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.locale_format import day_text, month_text

_CURRENT = {
    PeriodKind.DAY: QT_TRANSLATE_NOOP("PeriodText", "Today"),
    PeriodKind.WEEK: QT_TRANSLATE_NOOP("PeriodText", "This Week"),
    PeriodKind.MONTH: QT_TRANSLATE_NOOP("PeriodText", "This Month"),
}
_EMPTY = {
    PeriodKind.DAY: QT_TRANSLATE_NOOP(
        "PeriodText", "Nothing tracked today.\nType what you're working on and press Enter."
    ),
    PeriodKind.WEEK: QT_TRANSLATE_NOOP(
        "PeriodText", "Nothing tracked this week.\nType what you're working on and press Enter."
    ),
    PeriodKind.MONTH: QT_TRANSLATE_NOOP(
        "PeriodText",
        "Nothing tracked this month.\nType what you're working on and press Enter.",
    ),
}


def current_label(kind: PeriodKind) -> str:
    """ "Today", "This Week" or "This Month"."""
    return translate("PeriodText", _CURRENT[kind])


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
        return translate("PeriodText", _EMPTY[period.kind])
    if period.kind is PeriodKind.DAY:
        return translate("PeriodText", "Nothing tracked on {period}.").format(
            period=period_title(period)
        )
    return translate("PeriodText", "Nothing tracked in {period}.").format(
        period=period_title(period)
    )
