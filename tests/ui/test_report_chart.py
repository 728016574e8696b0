"""The chart draws the same picture for the same data, into an image as into the window:
bars as tall as their hours, in their project's colour, on the palette's background,
with the exact figure in a tooltip."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tracker_desktop.core.reports import make_report, range_of_period
from tracker_desktop.core.service import Labels, ProjectName, Tracker
from tracker_desktop.ui.chart_painting import (
    Bar,
    ChartData,
    Hit,
    Part,
    hour_step,
    style_from,
)
from tracker_desktop.ui.report_chart import ReportChart, chart_data, paint_chart

BLUE, ORANGE = "#3366cc", "#e8833a"


def sample() -> ChartData:
    bars = tuple(
        Bar(
            str(day),
            f"Day {day}",
            (Part("Acme ▸ Web", BLUE, day * 1800), Part("App", ORANGE, 3600)),
        )
        for day in range(1, 8)
    )
    return ChartData(
        bars, (Part("Acme ▸ Web", BLUE, 14 * 3600), Part("App", ORANGE, 7 * 3600)), "By project"
    )


def render_with_hits(
    data: ChartData, palette: QPalette | None = None, size: tuple[int, int] = (700, 240)
) -> tuple[QImage, list[Hit]]:
    """The chart on white (or ``palette``'s background), and where each figure went."""
    palette = palette or QPalette(QColor("white"))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("black"))
    image = QImage(*size, QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    hits = paint_chart(painter, QRectF(0, 0, *size), data, style_from(palette, QApplication.font()))
    painter.end()
    return image, hits


def render(data: ChartData) -> QImage:
    return render_with_hits(data)[0]


def digest(image: QImage) -> str:
    return hashlib.sha256(bytes(image.constBits())).hexdigest()  # type: ignore[arg-type]


def column_of(image: QImage, x: int, color: str) -> int:
    """How many pixels of column ``x`` are ``color``."""
    wanted = QColor(color).rgb()
    return sum(1 for y in range(image.height()) if image.pixel(x, y) == wanted)


def test_the_same_data_gives_the_same_picture(qtbot: QtBot) -> None:
    first, second = render(sample()), render(sample())
    assert digest(first) == digest(second)
    changed = sample()._replace(bars=sample().bars[:-1])
    assert digest(render(changed)) != digest(first)


def test_bars_are_as_tall_as_their_hours_and_in_their_colours(qtbot: QtBot) -> None:
    image, hits = render_with_hits(sample())
    bars = [hit for hit in hits if hit.tip.startswith("Day")]
    assert len(bars) == 14  # two segments per bar, each with a tooltip
    heights: dict[str, list[int]] = {}
    for hit in bars:
        x = int(hit.rect.center().x())
        if "App" in hit.tip.splitlines()[1]:
            heights.setdefault("app", []).append(column_of(image, x, ORANGE))
        else:
            heights.setdefault("web", []).append(column_of(image, x, BLUE))
    # Every orange (one hour) segment is the same height; day 4's blue (2 h) is twice it.
    assert max(heights["app"]) - min(heights["app"]) <= 1  # pixel edges
    one_hour = sum(heights["app"]) / len(heights["app"])
    assert one_hour > 5
    assert abs(heights["web"][3] - 2 * one_hour) <= 2
    assert abs(heights["web"][6] - 3.5 * one_hour) <= 2
    assert "Day 4\nAcme ▸ Web: 2:00\nDay total: 3:00" in {hit.tip for hit in hits}


def test_dark_palette_background_and_readable_labels(qtbot: QtBot) -> None:
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    style = style_from(dark, QApplication.font())
    assert style.background == QColor("#1e1e1e")
    assert style.grid.lightness() < style.muted.lightness() < style.text.lightness()
    image = QImage(600, 200, QImage.Format.Format_ARGB32)
    image.fill(style.background)
    painter = QPainter(image)
    paint_chart(painter, QRectF(0, 0, 600, 200), sample(), style)
    painter.end()
    colours = {image.pixel(x, y) for x in range(0, 600, 3) for y in range(0, 200, 3)}
    assert QColor("white").rgb() not in colours  # no light box on the dark window
    assert QColor(BLUE).rgb() in colours


def test_grid_steps() -> None:
    assert hour_step(7.5, 5) == 2
    assert hour_step(0.4, 5) == 0.25
    assert hour_step(160, 5) == 50


def test_chart_data_from_reports_and_the_widget_tooltip(tracker: Tracker, qtbot: QtBot) -> None:
    tracker.catalog.add_client("Acme", rate=Decimal(80))
    tracker.catalog.add_project("Web", "Acme", color=BLUE)
    start = datetime(2026, 11, 2, 8, tzinfo=UTC)
    for day in range(3):
        begin = start + timedelta(days=day)
        tracker.add(
            "Work", begin, begin + timedelta(hours=day + 1), Labels(ProjectName("Web", "Acme"))
        )
    tracker.add("Loose", start, start + timedelta(minutes=30))
    span = range_of_period("month", date(2026, 11, 2), tracker.zone)
    data = chart_data(
        make_report(tracker, span, ("day", "project")), make_report(tracker, span, ("project",))
    )
    assert len(data.bars) == 30
    assert [bar.seconds for bar in data.bars[1:4]] == [5400, 7200, 10800]
    assert data.bars[1].parts[0] == ("Acme ▸ Web", BLUE, 3600)  # the largest project lowest
    assert data.breakdown_title == "By project"
    assert data.breakdown[0].seconds == 6 * 3600

    year = range_of_period("year", date(2026, 11, 2), tracker.zone)
    weeks = chart_data(
        make_report(tracker, year, ("day", "project")), make_report(tracker, year, ("project",))
    )
    assert len(weeks.bars) == 53
    assert sum(b.seconds for b in weeks.bars) == 6.5 * 3600

    chart = ReportChart()
    qtbot.addWidget(chart)
    chart.resize(800, 260)
    chart.show_data(data)
    chart.show()
    qtbot.waitExposed(chart)
    chart.grab()  # paints, noting where each figure went
    tips = [chart.tip_at(x, y) for x in range(0, 800, 4) for y in range(0, 260, 4)]
    assert any(tip and "Acme ▸ Web: 3:00" in tip for tip in tips)
