"""How reports name their groups, times and ranges in the window and the timesheet."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QLocale

from tracker_desktop.core.money import rounded
from tracker_desktop.core.reports import Group, Report, ReportRange
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.locale_format import day_text, decimal_text
from tracker_desktop.ui.money_text import money_text, number_text, symbol

NONE_LABELS = {
    "client": QT_TRANSLATE_NOOP("ReportText", "No client"),
    "project": QT_TRANSLATE_NOOP("ReportText", "No project"),
    "tag": QT_TRANSLATE_NOOP("ReportText", "No tag"),
}
UNNAMED = QT_TRANSLATE_NOOP("ReportText", "Unnamed")
GROUPING_TITLES = {
    "client": QT_TRANSLATE_NOOP("ReportText", "Client"),
    "project": QT_TRANSLATE_NOOP("ReportText", "Project"),
    "tag": QT_TRANSLATE_NOOP("ReportText", "Tag"),
    "day": QT_TRANSLATE_NOOP("ReportText", "Day"),
    "name": QT_TRANSLATE_NOOP("ReportText", "Session name"),
}
# The breakdown chart's title for each grouping.
BY_TITLES = {
    "client": QT_TRANSLATE_NOOP("ReportText", "By client"),
    "project": QT_TRANSLATE_NOOP("ReportText", "By project"),
    "tag": QT_TRANSLATE_NOOP("ReportText", "By tag"),
    "day": QT_TRANSLATE_NOOP("ReportText", "By day"),
    "name": QT_TRANSLATE_NOOP("ReportText", "By session name"),
}


def grouping_title(by: str) -> str:
    """ "Project", "Client", … in the interface's language."""
    return translate("ReportText", GROUPING_TITLES[by])


def by_title(by: str) -> str:
    """ "By project", … in the interface's language."""
    return translate("ReportText", BY_TITLES[by])


def hours_text(seconds: int) -> str:
    """``7:30``: hours and minutes, rounded to the nearest minute."""
    minutes = (max(seconds, 0) + 30) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def decimal_hours(seconds: int) -> str:
    """``7.50 h`` (``7,50 h`` in German): hours with two decimals, as timesheets count."""
    return f"{decimal_text(seconds / 3600, 2)} h"


def group_label(group: Group, locale: QLocale | None = None) -> str:
    """A group as a reader knows it: ``Acme ▸ Website``, ``#design``, a day's date,
    ``No project``."""
    if group.key is None:
        return translate("ReportText", NONE_LABELS.get(group.by, UNNAMED))
    if group.by == "project" and group.client:
        return f"{group.client} ▸ {group.key}"
    if group.by == "tag":
        return f"#{group.key}"
    if group.by == "day":
        return day_text(date.fromisoformat(group.key), locale, short=True)
    return group.key or translate("ReportText", UNNAMED)


def range_text(span: ReportRange, locale: QLocale | None = None) -> str:
    """``Sun, Nov 1 – Mon, Nov 30, 2026`` or one day, in the locale's words."""
    first, last = span.first_day, span.last_day
    if first == last:
        return day_text(first, locale, short=True)
    start = day_text(first, locale, short=True, year=first.year != last.year)
    return f"{start} – {day_text(last, locale, short=True)}"


def report_currencies(report: Report) -> set[str]:
    """Every currency that earned something anywhere in ``report``."""

    def walk(groups: tuple[Group, ...]) -> set[str]:
        found: set[str] = set()
        for group in groups:
            found |= {c for c, v in group.earned.items() if rounded(v, c)}
            found |= walk(group.groups)
        return found

    return walk(report.groups) | {c for c, v in report.earned.items() if rounded(v, c)}


class MoneyColumn:
    """Amounts of one column: with one currency, its heading names it and the cells are
    bare numbers; with several, each cell says its currency."""

    def __init__(self, currencies: set[str], locale: QLocale | None = None) -> None:
        self.locale = locale or QLocale()
        self.currency = next(iter(currencies)) if len(currencies) == 1 else None

    def heading(self, title: str = "", per: str = "") -> str:
        """``Amount (€)`` (``Rate (€/h)`` with ``per="/h"``), or just the title with
        several currencies."""
        if self.currency is None:
            return title
        title = title or translate("ReportText", "Amount")
        return f"{title} ({symbol(self.currency, self.locale)}{per})"

    def cell(self, earned: dict[str, Decimal]) -> str:
        """The amounts earned, rounded for this line; "" when nothing was earned."""
        amounts = [(c, rounded(v, c)) for c, v in sorted(earned.items()) if rounded(v, c)]
        if self.currency is not None:
            return " · ".join(number_text(a, c, self.locale) for c, a in amounts)
        return " · ".join(money_text(a, c, self.locale) for c, a in amounts)

    def total(self, earned: dict[str, Decimal]) -> str:
        """The amounts with their currency, whatever the column: a total stands alone."""
        amounts = [(c, rounded(v, c)) for c, v in sorted(earned.items()) if rounded(v, c)]
        return " · ".join(money_text(a, c, self.locale) for c, a in amounts)
