"""Dates, times and the first day of the week as the user's locale writes them, one way
for the whole window.

Every pattern comes from ``QLocale`` (its long date and its time format), never a
hand-made one, so the order of day and month, the punctuation ("Dienstag, 1. Dezember
2026") and the 12/24-hour clock follow the language and region.

Times show seconds wherever a duration sits beside them: sessions are stored in whole
seconds and durations are ``H:MM:SS`` (a contract), so "12:20:10 – 12:21:00, 0:00:50"
adds up where "12:20 – 12:21, 0:00:50" would not.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from functools import cache

from PySide6.QtCore import QDate, QLocale, QTime

from tracker_desktop.core.catalog import Catalog
from tracker_desktop.core.errors import TrackerError

log = logging.getLogger(__name__)

LONG = QLocale.FormatType.LongFormat
SHORT = QLocale.FormatType.ShortFormat

# The year and what ties it to the rest: " yyyy", ", yyyy", " 'de' yyyy", "yyyy年".
_YEAR = re.compile(r"(?:\s*'[^']*')?[\s,،]*y+[年년]?")
# The weekday and what ties it to the rest: "dddd, ", "dddd ", "dddd" after the date.
_WEEKDAY = re.compile(r"d{4}[,،]?\s*|\s*d{4}")
# The time zone part of a long time format: " tttt", " (t)", "t ".
_ZONE = re.compile(r"\s*\(?t+\)?\s*")
_EDGES = " ,،"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def locale_week_start(locale: QLocale | None = None) -> int:
    """The locale's first day of the week, 0 = Monday … 6 = Sunday (the core's count)."""
    return (locale or QLocale()).firstDayOfWeek().value - 1


def shown_week_start(catalog: Catalog) -> int:
    """The first day of the window's weeks: the one chosen in Preferences, else the
    locale's (also when the choice cannot be read)."""
    try:
        return catalog.week_start(locale_week_start())
    except TrackerError as error:
        log.warning("cannot read the first day of the week: %s", error)
        return locale_week_start()


def _day_pattern(locale: QLocale, *, year: bool, short: bool, weekday: bool = True) -> str:
    return _shortened(locale.dateFormat(LONG), year, short, weekday)


@cache  # the table asks for every visible cell on every paint
def _shortened(pattern: str, year: bool, short: bool, weekday: bool) -> str:
    if not weekday:
        pattern = _WEEKDAY.sub("", pattern, count=1).strip(_EDGES)
    if not year:
        pattern = _YEAR.sub("", pattern).strip(_EDGES)
    if short:
        pattern = pattern.replace("dddd", "ddd").replace("MMMM", "MMM")
    return pattern


def day_text(
    day: date,
    locale: QLocale | None = None,
    *,
    year: bool = True,
    short: bool = False,
    weekday: bool = True,
) -> str:
    """A day as the locale writes it in full: "Dienstag, 1. Dezember 2026", "Tuesday,
    December 1, 2026"; ``short`` abbreviates the weekday and month ("Tue, Dec 1, 2026"),
    ``year=False`` leaves the year out ("Di., 1. Dez."), ``weekday=False`` the weekday
    ("1. Dez.")."""
    locale = locale or QLocale()
    pattern = _day_pattern(locale, year=year, short=short, weekday=weekday)
    return locale.toString(qdate(day), pattern)


def month_text(day: date, locale: QLocale | None = None) -> str:
    """The month of ``day`` and its year, "Dezember 2026" (the month's name as it
    stands alone, which some languages inflect differently from inside a date)."""
    locale = locale or QLocale()
    name = locale.standaloneMonthName(day.month, LONG)
    return f"{name} {locale.toString(qdate(day), 'yyyy')}"


def month_texts(day: date, locale: QLocale | None = None) -> list[str]:
    """The month of ``day``, longest first: "Dezember 2026", "Dez. 2026", "Dez."."""
    locale = locale or QLocale()
    short = locale.standaloneMonthName(day.month, SHORT)
    return [month_text(day, locale), f"{short} {locale.toString(qdate(day), 'yyyy')}", short]


def time_format(locale: QLocale | None = None) -> str:
    """The locale's time pattern with seconds and without a zone: "HH:mm:ss",
    "h:mm:ss AP"."""
    return _with_seconds((locale or QLocale()).timeFormat(LONG))


@cache
def _with_seconds(long_pattern: str) -> str:
    pattern = _ZONE.sub(" ", long_pattern).strip()
    return pattern if "s" in pattern else pattern.replace("mm", "mm:ss", 1)


def time_text(local: datetime, locale: QLocale | None = None, *, seconds: bool = True) -> str:
    """The wall-clock time of ``local`` (already in the zone to show), with seconds
    unless ``seconds`` is False (where no duration sits beside it, as in a notification)."""
    locale = locale or QLocale()
    pattern = time_format(locale) if seconds else locale.timeFormat(SHORT)
    return locale.toString(QTime(local.hour, local.minute, local.second), pattern)


def date_format(locale: QLocale | None = None) -> str:
    """A pattern for typing a date: the locale's short date with a four-digit year (two
    digits make 1926 or 2026 a guess)."""
    pattern = (locale or QLocale()).dateFormat(SHORT)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy", 1)


def date_time_format(locale: QLocale | None = None) -> str:
    """A pattern for typing a date and a time: ``date_format``, then the time with
    seconds."""
    return f"{date_format(locale)}  {time_format(locale)}"


def decimal_text(value: float, decimals: int, locale: QLocale | None = None) -> str:
    """``value`` with the locale's decimal sign ("7,50" in German)."""
    return (locale or QLocale()).toString(value, "f", decimals)
