"""The Reports window's chart (``reportChart``): hours per day stacked by project, beside
a breakdown by the first grouping, with the exact figure in a tooltip. The data comes
from two reports; the painting from ``chart_painting.py``, as in the timesheet PDF."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QRectF, QSize
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from tracker_desktop.core.reports import Report
from tracker_desktop.ui.chart_painting import (
    Bar,
    ChartData,
    ChartStyle,
    Hit,
    Part,
    paint_bars,
    paint_breakdown,
    style_from,
)
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.locale_format import day_text, month_text
from tracker_desktop.ui.report_text import by_title, group_label

DAYS_AS_DAYS = 62  # longer ranges show weeks, and longer than a year months
DAYS_AS_WEEKS = 371
BREAKDOWN_SHARE = 0.36  # of the chart's width, at the right
EMPTY = ChartData((), (), "")


def chart_data(by_day: Report, by_group: Report, week_start: int = 0) -> ChartData:
    """The chart of ``by_day`` (grouped by day and project) and ``by_group`` (by the
    window's groupings): a bar per day (per week, or month, for long ranges)."""
    locale = QLocale()
    totals: dict[tuple[str | None, str | None], int] = {}
    per_day: dict[date, dict[tuple[str | None, str | None], Part]] = {}
    for day_group in by_day.groups:
        found = per_day.setdefault(date.fromisoformat(day_group.key or "1970-01-01"), {})
        for child in day_group.groups:
            key = (child.client, child.key)
            label = group_label(child)
            seconds = found[key].seconds if key in found else 0
            found[key] = Part(label, child.color, seconds + child.total_seconds)
            totals[key] = totals.get(key, 0) + child.total_seconds
    order = {key: rank for rank, key in enumerate(sorted(totals, key=lambda k: -totals[k]))}
    bars = []
    for first, last, label, title in _buckets(by_day, week_start, locale):
        merged: dict[tuple[str | None, str | None], Part] = {}
        day = first
        while day <= last:
            for key, part in per_day.get(day, {}).items():
                seconds = merged[key].seconds if key in merged else 0
                merged[key] = part._replace(seconds=seconds + part.seconds)
            day += timedelta(days=1)
        parts = tuple(merged[key] for key in sorted(merged, key=order.__getitem__))
        bars.append(Bar(label, title, parts))
    by = by_group.grouping[0]
    breakdown = tuple(
        Part(group_label(group), group.color, group.total_seconds) for group in by_group.groups
    )
    title = by_title(by)
    return ChartData(tuple(bars), breakdown, title, colored_breakdown=by == "project")


def _buckets(report: Report, week_start: int, locale: QLocale) -> list[tuple[date, date, str, str]]:
    """Each bar's first and last day, label and tooltip title."""
    first, last = report.range.first_day, report.range.last_day
    length = (last - first).days + 1

    def text(day: date, pattern: str | QLocale.FormatType) -> str:
        return locale.toString(QDate(day.year, day.month, day.day), pattern)

    buckets = []
    if length <= DAYS_AS_DAYS:
        pattern = "ddd d" if length <= 14 else "d"
        for offset in range(length):
            day = first + timedelta(days=offset)
            buckets.append((day, day, text(day, pattern), day_text(day, locale)))
    elif length <= DAYS_AS_WEEKS:
        start = first - timedelta(days=(first.weekday() - week_start) % 7)
        while start <= last:
            end = start + timedelta(days=6)
            shown = (max(start, first), min(end, last))
            title = translate("ReportChart", "Week of {day}").format(day=day_text(start, locale))
            buckets.append((*shown, text(start, "d MMM"), title))
            start = end + timedelta(days=1)
    else:
        start = first.replace(day=1)
        while start <= last:
            following = (start + timedelta(days=32)).replace(day=1)
            shown = (max(start, first), min(following - timedelta(days=1), last))
            label = text(start, "MMM yy" if start.month == 1 else "MMM")
            buckets.append((*shown, label, month_text(start, locale)))
            start = following
    return buckets


def paint_chart(painter: QPainter, rect: QRectF, data: ChartData, style: ChartStyle) -> list[Hit]:
    """Both charts side by side in ``rect``: the bars at the left, the breakdown at the
    right (below each other when ``rect`` is narrow)."""
    gap = rect.width() * 0.04
    if rect.width() < rect.height() * 1.6:
        upper = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.55)
        lower = QRectF(
            rect.left(), upper.bottom() + gap, rect.width(), rect.bottom() - upper.bottom() - gap
        )
        return paint_bars(painter, upper, data, style) + paint_breakdown(
            painter, lower, data, style
        )
    side = rect.width() * BREAKDOWN_SHARE
    bars = QRectF(rect.left(), rect.top(), rect.width() - side - gap, rect.height())
    breakdown = QRectF(rect.right() - side, rect.top(), side, rect.height())
    return paint_bars(painter, bars, data, style) + paint_breakdown(painter, breakdown, data, style)


class ReportChart(QWidget):
    """The chart, drawn from the palette (light or dark), its figures in tooltips. The
    table beside it carries the same numbers for screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportChart")
        self.setAccessibleName(translate("ReportChart", "Chart of hours per day and by group"))
        self.setAccessibleDescription(
            translate("ReportChart", "The same figures are in the table of groups")
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self._data = EMPTY
        self._hits: list[Hit] = []

    @property
    def data(self) -> ChartData:
        return self._data

    def show_data(self, data: ChartData) -> None:
        """Draws ``data`` from now on."""
        self._data = data
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 140)

    def tip_at(self, x: float, y: float) -> str | None:
        """The tooltip of what was drawn at ``(x, y)``, if anything."""
        for hit in self._hits:
            if hit.rect.contains(x, y):
                return hit.tip
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        style = style_from(self.palette(), self.font())
        painter.fillRect(self.rect(), style.background)
        area = QRectF(self.rect()).adjusted(8, 8, -8, -6)
        self._hits = paint_chart(painter, area, self._data, style)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(event.pos().x(), event.pos().y())
            if tip is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), tip, self)
            return True
        return super().event(event)
