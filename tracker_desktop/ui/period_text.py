"""Words for a period in the user's locale: its title (and shorter ones for less room),
the way back to the current one, and what an empty one says."""

from __future__ import annotations

from datetime import date

from tracker_desktop.core.periods import Period, PeriodKind
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.locale_format import day_text, month_texts

_CURRENT = {
    PeriodKind.DAY: QT_TRANSLATE_NOOP("PeriodText", "Today"),
    PeriodKind.WEEK: QT_TRANSLATE_NOOP("PeriodText", "This Week"),
    PeriodKind.MONTH: QT_TRANSLATE_NOOP("PeriodText", "This Month"),
}
_EMPTY_NOW = {
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
_EMPTY = {
    PeriodKind.DAY: QT_TRANSLATE_NOOP("PeriodText", "Nothing tracked on {period}."),
    PeriodKind.WEEK: QT_TRANSLATE_NOOP("PeriodText", "Nothing tracked in the week {period}."),
    PeriodKind.MONTH: QT_TRANSLATE_NOOP("PeriodText", "Nothing tracked in {period}."),
}
_NO_MATCH = {
    PeriodKind.DAY: QT_TRANSLATE_NOOP("PeriodText", "No session on {period} matches “{text}”."),
    PeriodKind.WEEK: QT_TRANSLATE_NOOP(
        "PeriodText", "No session in the week {period} matches “{text}”."
    ),
    PeriodKind.MONTH: QT_TRANSLATE_NOOP("PeriodText", "No session in {period} matches “{text}”."),
}


def current_label(kind: PeriodKind) -> str:
    """ "Today", "This Week" or "This Month"."""
    return translate("PeriodText", _CURRENT[kind])


def period_title(period: Period) -> str:
    """The locale's own words: "Dienstag, 1. Dezember 2026", "Mon, Nov 23 – Sun, Nov 29,
    2026" or "November 2026"."""
    return period_titles(period)[0]


def period_titles(period: Period) -> list[str]:
    """The period's title from longest to shortest, for the room there is, each in the
    locale's order: "Tuesday, December 1, 2026", "Tue, Dec 1, 2026", "Dec 1"; "Mon, Nov 23
    – Sun, Nov 29, 2026", "Nov 23 – Nov 29, 2026", "Nov 23–Nov 29"; "December 2026",
    "Dec 2026", "Dec"."""
    first, last = period.first_day, period.last_day
    if period.kind is PeriodKind.DAY:
        return [
            day_text(first),
            day_text(first, short=True),
            day_text(first, short=True, weekday=False, year=False),
        ]
    if period.kind is PeriodKind.MONTH:
        return month_texts(first)
    two_years = first.year != last.year

    def plain(day: date, year: bool = True) -> str:
        return day_text(day, short=True, weekday=False, year=year)

    return [
        f"{day_text(first, short=True, year=two_years)} – {day_text(last, short=True)}",
        f"{plain(first, two_years)} – {plain(last)}",
        f"{plain(first, False)}–{plain(last, False)}",
    ]


def empty_text(period: Period, is_current: bool, *, past: bool = False) -> str:
    """What the sessions view says when ``period`` holds no sessions (a ``past`` one:
    with the hint to add a forgotten session, whose button follows)."""
    if is_current:
        return translate("PeriodText", _EMPTY_NOW[period.kind])
    said = translate("PeriodText", _EMPTY[period.kind]).format(period=period_title(period))
    if past:
        hint = translate("PeriodText", "Forgot to time something? Add it:")
        return f"{said}\n{hint}"
    return said


def no_match_text(period: Period, text: str) -> str:
    """What the sessions view says when the filter keeps none of ``period``'s sessions."""
    said = translate("PeriodText", _NO_MATCH[period.kind]).format(
        period=period_title(period), text=text
    )
    hint = translate("PeriodText", "Press Escape in the filter to see them all.")
    return f"{said}\n{hint}"
