"""WCAG 2.2 AA contrast, measured on what the window paints (grab() into an image), in
the light and the dark theme: 4.5:1 for text, 3:1 for controls and the overlap sign."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory, child, trigger
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.project_colors import contrast
from tracker_desktop.ui.session_dialog import SessionDialog, SessionFields
from tracker_desktop.ui.sessions_model import NAME

TEXT, PART = 4.5, 3.0


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[str]:
    """The theme chosen in window.ini before the window opens; the app's palette is
    put back afterwards."""
    saved = QPalette(QApplication.palette())
    settings = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
    settings.setValue("appearance/theme", request.param)
    settings.sync()
    yield request.param
    QApplication.setPalette(saved)


def pixels(widget: QWidget, rect: QRect | None = None) -> Counter[int]:
    """How often each colour (0xRRGGBB) is painted in ``widget`` (or ``rect`` of it)."""
    image = (
        (widget.grab(rect) if rect else widget.grab())
        .toImage()
        .convertToFormat(QImage.Format.Format_RGB32)
    )
    data = bytes(image.constBits())[: image.sizeInBytes()]
    words = memoryview(data).cast("I")
    width, stride = image.width(), image.bytesPerLine() // 4
    found: Counter[int] = Counter()
    for row in range(image.height()):
        found.update(words[row * stride : row * stride + width])
    return Counter({value & 0xFFFFFF: count for value, count in found.items()})


def measured(widget: QWidget, rect: QRect | None = None) -> tuple[QColor, QColor, float]:
    """The background (the commonest colour), the colour that stands out most from it
    (the core of the text's strokes, or of an icon) and their contrast."""
    counts = pixels(widget, rect)
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    strongest = max(
        (QColor.fromRgb(value) for value in counts), key=lambda c: contrast(c, background)
    )
    return background, strongest, contrast(strongest, background)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_start_and_stop_text(qtbot: QtBot, theme: str, make_window: WindowFactory) -> None:
    window = make_window()
    button = child(window, QToolButton, "startStopButton")
    assert measured(button)[2] >= TEXT, "Start"
    trigger(window, "actionStartStop")
    assert button.text() == "Stop"
    assert measured(button)[2] >= TEXT, "Stop"


def test_the_start_buttons_focus_ring_is_thick_and_stands_out(
    qtbot: QtBot, theme: str, make_window: WindowFactory
) -> None:
    window = make_window()
    button = child(window, QToolButton, "startStopButton")
    window.activateWindow()
    qtbot.waitActive(window)
    middle = button.width() // 2
    before = button.grab().toImage()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    after = button.grab().toImage()
    window_color = window.palette().color(QPalette.ColorRole.Window)
    for y in (0, 1, 2):  # a ring three pixels thick along the top edge
        ring = after.pixelColor(middle, y)
        assert ring != before.pixelColor(middle, y)
        assert contrast(ring, window_color) >= PART


def test_unnamed_sessions_and_the_empty_state(
    qtbot: QtBot, theme: str, make_window: WindowFactory, tracker: Tracker
) -> None:
    window = make_window()
    assert measured(child(window, QLabel, "emptyStateLabel"))[2] >= TEXT
    tracker.add("", tracker.now().replace(hour=6), tracker.now().replace(hour=7))
    table = child(window, QTableView, "sessionsTable")
    table.clearSelection()
    cell = table.visualRect(table.model().index(0, NAME))
    assert table.model().index(0, NAME).data() == "Unnamed session"
    assert measured(table.viewport(), cell)[2] >= TEXT


def test_the_chosen_period_stands_out_from_the_others(
    qtbot: QtBot, theme: str, make_window: WindowFactory
) -> None:
    window = make_window()
    day, week = (child(window, QToolButton, f"actionShow{k}Button") for k in ("Day", "Week"))
    trigger(window, "actionShowDay")
    chosen, _, chosen_ratio = measured(day)
    other = measured(week)[0]
    assert contrast(chosen, other) >= PART
    assert chosen_ratio >= TEXT
    assert measured(week)[2] >= TEXT


def test_the_overlap_sign_reads_on_a_selected_row_and_on_the_table(
    qtbot: QtBot, theme: str, make_window: WindowFactory, tracker: Tracker
) -> None:
    window = make_window()
    now = tracker.now()
    first = tracker.add("Design", now.replace(hour=6), now.replace(hour=8))
    tracker.add("Call", now.replace(hour=7), now.replace(hour=9))
    table = child(window, QTableView, "sessionsTable")
    row = window.model.row_of(first.id)
    cell = table.visualRect(table.model().index(row, NAME))
    size = table.iconSize().width() if table.iconSize().isValid() else 16
    icon = QRect(cell.left(), cell.top(), size + 4, cell.height())  # the icon, not the name
    assert measured(table.viewport(), icon)[2] >= PART, "unselected"
    table.selectRow(row)
    assert measured(table.viewport(), icon)[2] >= PART, "selected"
    assert measured(table.viewport(), cell.adjusted(size + 4, 0, 0, 0))[2] >= TEXT, "name"


def test_error_text_in_the_dialogs(
    qtbot: QtBot, theme: str, make_window: WindowFactory, tracker: Tracker
) -> None:
    window = make_window()  # the theme applies
    start = at("2026-12-01T10:00:00+01:00")
    fields = SessionFields("x", start, start)
    dialog = SessionDialog(window, "Edit", fields, tracker.zone, lambda f: None)
    qtbot.addWidget(dialog)
    dialog.show_error(InvalidInputError("The end must be after the start.", field="end"))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert measured(child(dialog, QLabel, "endError"))[2] >= TEXT


def test_placeholders_read(qtbot: QtBot, theme: str, make_window: WindowFactory) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitActive(window)
    elsewhere = child(window, QToolButton, "actionShowDayButton")
    elsewhere.setFocus()  # no text cursor in the fields
    qtbot.waitUntil(elsewhere.hasFocus)
    for name in ("sessionNameEdit", "sessionFilterEdit"):
        field = child(window, QLineEdit, name)
        assert field.text() == ""
        assert field.placeholderText()
        inside = field.rect().adjusted(4, 4, -4, -4)  # the text, not the frame
        assert measured(field, inside)[2] >= TEXT, name
