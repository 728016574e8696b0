"""The timesheet as a PDF (QPdfWriter, QTextDocument and QPainter; no other library):
A4, or Letter where the locale's territory uses it, with the chart drawn by the same code
as the Reports window's, and each page's footer saying whose timesheet and which page.

``render_offscreen`` is what ``export --format pdf`` calls: Qt is loaded only then, on
its offscreen platform, so no display is needed and no other command pays for it.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QLocale,
    QMarginsF,
    QRect,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from tracker_desktop.core.reports import NO_ROUNDING, ReportFilter, ReportRange, Rounding
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.chart_painting import ChartData, ChartStyle, paint_bars, style_from
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.report_chart import chart_data
from tracker_desktop.ui.report_text import range_text
from tracker_desktop.ui.timesheet import CHART_MARK, Timesheet, timesheet_data, timesheet_html

# Territories that print on US Letter (the rest of the world uses A4).
LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
    QLocale.Country.Philippines,
    QLocale.Country.Guatemala,
    QLocale.Country.CostaRica,
    QLocale.Country.PuertoRico,
    QLocale.Country.DominicanRepublic,
    QLocale.Country.Panama,
    QLocale.Country.ElSalvador,
    QLocale.Country.Nicaragua,
    QLocale.Country.Honduras,
    QLocale.Country.Bolivia,
}
RESOLUTION = 600  # dots per inch of the page's coordinates
MARGINS_MM = QMarginsF(18, 16, 18, 14)
BODY_POINTS = 9.5
CHART_HEIGHT_MM = 52
CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
INK = "#1d1d1d"


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    """Letter in the Americas that use it (US, Canada, Mexico …), else A4."""
    territory = (locale or QLocale()).territory()
    letter = territory in LETTER_TERRITORIES
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def paper_style(font: QFont) -> ChartStyle:
    """The chart's colours on white paper, whatever the screen's palette."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3a6ea5"))
    return style_from(palette, font)


class _ChartObject(QPyTextObject):
    """Draws the chart where the document holds its object, at the size it asks for."""

    def __init__(self, data: ChartData, style: ChartStyle, size: QSizeF) -> None:
        super().__init__()
        self._data, self._style, self._size = data, style, size

    def intrinsicSize(self, doc: Any, position: int, fmt: Any) -> QSizeF:
        return self._size

    def drawObject(
        self, painter: QPainter, rect: QRectF | QRect, doc: Any, position: int, fmt: Any
    ) -> None:
        # The bars alone: the totals per project right below are the breakdown, with the
        # colour dots that say which bar is which.
        paint_bars(painter, QRectF(rect), self._data, self._style)


def render_pdf(
    sheet: Timesheet, locale: QLocale | None = None, base_font: QFont | None = None
) -> bytes:
    """The PDF file of ``sheet``, as bytes (written to disk atomically elsewhere); safe
    on a thread other than the GUI's when ``locale`` and ``base_font`` are given."""
    locale = locale or QLocale()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            page_size_for(locale),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    title = translate("Timesheet", "Timesheet {range}").format(range=range_text(sheet.span, locale))
    writer.setTitle(f"{title} — {sheet.who}" if sheet.who else title)
    writer.setCreator("Tracker Desktop")
    page = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
    page.moveTo(0, 0)

    font = QFont(base_font if base_font is not None else QGuiApplication.font())
    font.setPointSizeF(BODY_POINTS)
    font.setFeature(QFont.Tag("tnum"), 1)  # figures line up in every column
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    footer_height = _footer_height(font, writer)
    document.setPageSize(QSizeF(page.width(), page.height() - footer_height))
    document.setHtml(timesheet_html(sheet, locale))
    chart_font = QFont(font)
    chart_font.setPointSizeF(BODY_POINTS - 1.5)
    chart = _ChartObject(
        chart_data(sheet.by_day, sheet.by_project, sheet.week_start),
        paper_style(chart_font),
        QSizeF(page.width(), CHART_HEIGHT_MM / 25.4 * RESOLUTION),
    )
    _place_chart(document, chart)

    painter = QPainter(writer)
    body = page.height() - footer_height
    pages = document.pageCount()
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.translate(0, -number * body)
        document.drawContents(painter, QRectF(0, number * body, page.width(), body))
        painter.restore()
        _footer(painter, QRectF(0, body, page.width(), footer_height), sheet, number, pages, font)
    painter.end()
    buffer.close()
    return bytes(data.data())


def _place_chart(document: QTextDocument, chart: _ChartObject) -> None:
    """Puts the chart object where the text marks it."""
    document.documentLayout().registerHandler(CHART_OBJECT, chart)
    cursor = document.find(CHART_MARK)
    if cursor.isNull():
        return
    fmt = QTextCharFormat()
    fmt.setObjectType(CHART_OBJECT)
    cursor.insertText("\ufffc", fmt)  # the object replacement character


def _footer_height(font: QFont, writer: QPdfWriter) -> float:
    from PySide6.QtGui import QFontMetricsF

    return QFontMetricsF(font, writer).height() * 2.2


def _footer(
    painter: QPainter,
    rect: QRectF,
    sheet: Timesheet,
    number: int,
    pages: int,
    font: QFont,
) -> None:
    """A hairline, then whose timesheet of what at the left and the page at the right."""
    small = QFont(font)
    small.setPointSizeF(BODY_POINTS - 1.5)
    painter.save()
    painter.setFont(small)
    painter.setPen(QColor("#8a8a8a"))
    painter.drawLine(rect.topLeft(), rect.topRight())
    text = rect.adjusted(0, rect.height() * 0.25, 0, 0)
    left = " · ".join(
        part
        for part in (
            translate("Timesheet", "Timesheet"),
            sheet.subject,
            range_text(sheet.span),
            sheet.who,
        )
        if part
    )
    painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
    right = translate("Timesheet", "Page {number} of {pages}").format(
        number=number + 1, pages=pages
    )
    painter.drawText(text, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
    painter.restore()


def timesheet_pdf(
    tracker: Tracker,
    span: ReportRange,
    only: ReportFilter = ReportFilter(),  # noqa: B008 - an immutable value
    rounding: Rounding = NO_ROUNDING,
) -> bytes:
    """The timesheet PDF of ``span`` for the sessions ``only`` keeps."""
    return render_pdf(timesheet_data(tracker, span, only, rounding))


_offscreen_app: QGuiApplication | None = None


def render_offscreen(tracker: Tracker, span: ReportRange, only: ReportFilter) -> bytes:
    """For the command line: a QGuiApplication on the offscreen platform (no display
    needed) unless one exists, kept until the process ends, then the timesheet."""
    global _offscreen_app
    if QGuiApplication.instance() is None:
        name = sys.argv[0] if sys.argv else "tracker-desktop"
        _offscreen_app = QGuiApplication([name, "-platform", "offscreen"])
    return timesheet_pdf(tracker, span, only)
