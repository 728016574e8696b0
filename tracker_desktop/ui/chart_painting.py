"""The reports' two charts drawn into any QPainter (a widget, an image, a PDF page), so
the window, the tests and the timesheet show the same picture.

Quiet on purpose: flat bars in project colours on a light grid of whole hours, labels in
the palette's text colour, no 3-D, no gradients, no legend repeating an axis. Sizes are
in points of a 96-dpi screen and scaled to the device, so a PDF at 1200 dpi gets the
same proportions as the window.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from tracker_desktop.ui.language import translate
from tracker_desktop.ui.report_text import decimal_hours, hours_text

BAR_FILL = 0.7  # of a bar's slot; the rest is the gap between bars
MIN_LABEL_GAP = 6.0  # between two axis labels, in 96-dpi pixels
ROW_HEIGHT = 22.0  # of a breakdown row, in 96-dpi pixels
HOUR_STEPS = (0.25, 0.5, 1, 2, 3, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)


class Part(NamedTuple):
    """A bar's segment: one project's time (colour None: no project)."""

    label: str
    color: str | None
    seconds: int


class Bar(NamedTuple):
    """A day's (or week's, or month's) time, stacked by project."""

    label: str  # under the bar ("Mon 23", "5")
    title: str  # in its tooltip ("Monday, 23 November 2026")
    parts: tuple[Part, ...]

    @property
    def seconds(self) -> int:
        return sum(part.seconds for part in self.parts)


class ChartData(NamedTuple):
    """Hours per day stacked by project, and a breakdown by the first grouping."""

    bars: tuple[Bar, ...]
    breakdown: tuple[Part, ...]  # largest first
    breakdown_title: str  # "By project"
    colored_breakdown: bool = True  # False: the grouping has no colours, all in the accent


class ChartStyle(NamedTuple):
    """Colours and font, from a palette (the window's, or paper's for a PDF)."""

    text: QColor
    muted: QColor
    grid: QColor
    background: QColor
    accent: QColor  # bars of groups without a colour of their own
    no_project: QColor
    font: QFont


class Hit(NamedTuple):
    """Where something was drawn, and the exact figure its tooltip gives."""

    rect: QRectF
    tip: str


def style_from(palette: QPalette, font: QFont) -> ChartStyle:
    """The chart's colours derived from ``palette``: right in light and dark mode alike."""
    text = palette.color(QPalette.ColorRole.WindowText)
    background = palette.color(QPalette.ColorRole.Base)
    return ChartStyle(
        text=QColor(text),
        muted=_mixed(text, background, 0.62),
        grid=_mixed(text, background, 0.14),
        background=QColor(background),
        accent=QColor(palette.color(QPalette.ColorRole.Highlight)),
        no_project=_mixed(text, background, 0.38),
        font=QFont(font),
    )


def _mixed(front: QColor, back: QColor, share: float) -> QColor:
    """``share`` of ``front`` over ``back``, opaque (a grid line with no alpha to blend)."""
    return QColor.fromRgbF(
        front.redF() * share + back.redF() * (1 - share),
        front.greenF() * share + back.greenF() * (1 - share),
        front.blueF() * share + back.blueF() * (1 - share),
    )


def hour_step(most_hours: float, room: int) -> float:
    """The grid's step in hours: the smallest of 1-2-5-like steps giving at most ``room``
    lines above zero for ``most_hours``."""
    for step in HOUR_STEPS:
        if most_hours / step <= room:
            return step
    return float(10 ** math.ceil(math.log10(max(most_hours / room, 1))))


def _step_text(hours: float) -> str:
    """ "2.5 h" ("2,5 h" in German): the shortest form of the number, in the locale's."""
    return f"{QLocale().toString(float(hours), 'g', 6)} h"  # an int would pick another overload


# -- hours per day ---------------------------------------------------------------------------


def paint_bars(painter: QPainter, rect: QRectF, data: ChartData, style: ChartStyle) -> list[Hit]:
    """Stacked bars of hours per day in ``rect``; returns where each segment went."""
    scale, metrics, line = _begin(painter, style)
    bars = data.bars
    most = max((bar.seconds for bar in bars), default=0) / 3600
    if not bars or most <= 0:
        painter.setPen(style.muted)
        painter.drawText(
            rect, Qt.AlignmentFlag.AlignCenter, translate("ChartPainting", "No time in this range")
        )
        painter.restore()
        return []
    rows = max(int((rect.height() - 2 * line) // (line * 1.6)), 1)
    step = hour_step(most, min(rows, 5))
    top_hours = math.ceil(most / step - 1e-9) * step
    ticks = [step * i for i in range(round(top_hours / step) + 1)]
    axis_width = max(metrics.horizontalAdvance(_step_text(t)) for t in ticks) + 6 * scale
    plot = QRectF(
        rect.left() + axis_width,
        rect.top() + line / 2,
        rect.width() - axis_width,
        rect.height() - line / 2 - line * 1.4,
    )

    def y_of(hours: float) -> float:
        return plot.bottom() - plot.height() * hours / top_hours

    for hours in ticks:  # the light grid of hours, labelled at the left
        y = round(y_of(hours))
        painter.setPen(QPen(style.grid, max(scale, 1.0)))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(style.muted)
        label = QRectF(rect.left(), y - line / 2, axis_width - 6 * scale, line)
        painter.drawText(
            label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, _step_text(hours)
        )

    slot = plot.width() / len(bars)
    width = max(slot * BAR_FILL, 1.0)
    every = _label_every(bars, slot, metrics, scale)
    hits = []
    for index, bar in enumerate(bars):
        left = plot.left() + slot * index + (slot - width) / 2
        below = 0.0
        for part in bar.parts:
            if part.seconds <= 0:
                continue
            hours = part.seconds / 3600
            segment = QRectF(left, y_of(below + hours), width, y_of(below) - y_of(below + hours))
            painter.fillRect(segment, _color(part.color, style))
            below += hours
            tip = f"{bar.title}\n{part.label}: {hours_text(part.seconds)}"
            day_total = translate("ChartPainting", "Day total: {time}").format(
                time=hours_text(bar.seconds)
            )
            hits.append(Hit(segment, f"{tip}\n{day_total}"))
        if len(bar.parts) > 1:  # a hairline between segments tells like colours apart
            painter.setPen(QPen(style.background, max(scale * 0.8, 1.0)))
            below = 0.0
            for part in bar.parts[:-1]:
                below += part.seconds / 3600
                seam = y_of(below)
                painter.drawLine(QPointF(left, seam), QPointF(left + width, seam))
        if index % every == 0:
            painter.setPen(style.muted)
            label = QRectF(
                plot.left() + slot * index - slot, plot.bottom() + 2 * scale, slot * 3, line
            )
            painter.drawText(
                label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, bar.label
            )
    painter.setPen(QPen(style.muted, max(scale, 1.0)))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    painter.restore()
    return hits


def _label_every(bars: tuple[Bar, ...], slot: float, metrics: QFontMetricsF, scale: float) -> int:
    """Label every n-th bar, so that labels never touch."""
    widest = max(metrics.horizontalAdvance(bar.label) for bar in bars) + MIN_LABEL_GAP * scale
    return max(math.ceil(widest / max(slot, 1e-6)), 1)


# -- the breakdown -----------------------------------------------------------------------


def paint_breakdown(
    painter: QPainter, rect: QRectF, data: ChartData, style: ChartStyle
) -> list[Hit]:
    """Horizontal bars of the first grouping's time, largest first, with the figure at the
    end of each; what does not fit is summed up as "Other"."""
    scale, metrics, line = _begin(painter, style)
    title_font = QFont(style.font)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(style.text)
    title = QRectF(rect.left(), rect.top(), rect.width(), line)
    painter.drawText(
        title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, data.breakdown_title
    )
    painter.setFont(style.font)
    parts = [part for part in data.breakdown if part.seconds > 0]
    row = max(ROW_HEIGHT * scale, line * 1.25)
    room = max(int((rect.height() - line * 1.5) // row), 1)
    if len(parts) > room:
        rest = parts[room - 1 :]
        other = Part(
            translate("ChartPainting", "Other ({count})").format(count=len(rest)),
            None,
            sum(p.seconds for p in rest),
        )
        parts = [*parts[: room - 1], other]
    if not parts:
        painter.restore()
        return []
    most = max(part.seconds for part in parts)
    figures = max(metrics.horizontalAdvance(hours_text(p.seconds)) for p in parts)
    label_width = min(rect.width() * 0.42, max(metrics.horizontalAdvance(p.label) for p in parts))
    bar_left = rect.left() + label_width + 8 * scale
    bar_room = max(rect.right() - figures - 8 * scale - bar_left, 1.0)
    hits = []
    top = rect.top() + line * 1.5
    for part in parts:
        middle = top + row / 2
        painter.setPen(style.text)
        name = metrics.elidedText(part.label, Qt.TextElideMode.ElideRight, label_width)
        label = QRectF(rect.left(), top, label_width, row)
        painter.drawText(label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        length = max(bar_room * part.seconds / most, scale)
        height = min(row * 0.62, line)
        bar = QRectF(bar_left, middle - height / 2, length, height)
        fill = _color(part.color, style) if data.colored_breakdown else style.accent
        painter.fillRect(bar, fill)
        painter.setPen(style.muted)
        figure = QRectF(bar.right() + 6 * scale, top, figures + 4 * scale, row)
        text = hours_text(part.seconds)
        painter.drawText(figure, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        tip = f"{part.label}: {text} ({decimal_hours(part.seconds)})"
        hits.append(Hit(QRectF(rect.left(), top, rect.width(), row), tip))
        top += row
    painter.restore()
    return hits


def _begin(painter: QPainter, style: ChartStyle) -> tuple[float, QFontMetricsF, float]:
    """Saves the painter and sets it up for crisp flat shapes in the chart's font;
    returns the device's scale, the font's metrics there and a line's height."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setFont(style.font)
    metrics = QFontMetricsF(style.font, painter.device())
    return _scale(painter), metrics, metrics.height()


def _color(color: str | None, style: ChartStyle) -> QColor:
    return style.no_project if color is None else QColor(color)


def _scale(painter: QPainter) -> float:
    """Device pixels per 96-dpi pixel (1 on a screen, 12.5 on a 1200-dpi PDF)."""
    device = painter.device()
    return device.logicalDpiY() / 96 if device is not None else 1.0
