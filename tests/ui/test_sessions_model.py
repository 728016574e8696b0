"""How the sessions table presents its cells: what stands out, what lines up."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from tracker_desktop.core.periods import PeriodKind, period_containing
from tracker_desktop.core.service import Session
from tracker_desktop.ui.sessions_model import DURATION, END, NAME, START, SessionsModel

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
Role = Qt.ItemDataRole


def week_model(qapp: QApplication) -> SessionsModel:
    model = SessionsModel(lambda _id, _name: None, BERLIN)
    sessions = (
        Session(3, "Running", NOW - HOUR, None),
        Session(2, "", NOW - 3 * HOUR, NOW - 2 * HOUR),
        Session(1, "Named", NOW - 26 * HOUR, NOW - 25 * HOUR),
    )
    model.set_sessions(
        period_containing(PeriodKind.WEEK, date(2026, 11, 26), BERLIN), sessions, NOW
    )
    return model


def row_named(model: SessionsModel, text: str) -> int:
    for row in range(model.rowCount()):
        if model.index(row, NAME).data() == text:
            return row
    raise AssertionError(text)


def font(model: SessionsModel, row: int, column: int) -> QFont:
    value = model.index(row, column).data(Role.FontRole)
    assert isinstance(value, QFont)
    return value


def test_the_running_row_is_bold_and_tinted_and_unnamed_ones_are_italic(
    qapp: QApplication,
) -> None:
    model = week_model(qapp)
    running, unnamed, named = (row_named(model, t) for t in ("Running", "Unnamed session", "Named"))
    assert font(model, running, NAME).bold()
    assert font(model, running, DURATION).bold()
    assert model.index(running, NAME).data(Role.BackgroundRole) is not None
    assert font(model, unnamed, NAME).italic()
    assert not font(model, unnamed, START).italic()
    assert model.index(unnamed, NAME).data(Role.ForegroundRole) is not None
    assert not font(model, named, NAME).bold()
    assert not font(model, named, NAME).italic()
    assert model.index(named, NAME).data(Role.BackgroundRole) is None
    assert model.index(running, END).data() == "running"
    assert model.index(running, END).data(Role.ToolTipRole) == "Running"


def test_durations_line_up_right_and_the_rest_left(qapp: QApplication) -> None:
    model = week_model(qapp)
    for column in (NAME, START, END, DURATION):
        alignment = Qt.AlignmentFlag(model.index(1, column).data(Role.TextAlignmentRole))
        right = column == DURATION
        assert bool(alignment & Qt.AlignmentFlag.AlignRight) is right
        assert bool(alignment & Qt.AlignmentFlag.AlignLeft) is not right
        header = model.headerData(column, Qt.Orientation.Horizontal, Role.TextAlignmentRole)
        assert header == model.index(1, column).data(Role.TextAlignmentRole)


def test_day_headings_are_bold_and_read_out_with_their_total(qapp: QApplication) -> None:
    model = week_model(qapp)
    heading = row_named(model, "Thursday 26 November")
    assert font(model, heading, NAME).bold()
    assert model.index(heading, DURATION).data() == "2:00:00"
    assert model.index(heading, NAME).data(Role.AccessibleTextRole) == (
        "Thursday 26 November, total 2:00:00"
    )
    assert model.index(heading, NAME).data(Role.CheckStateRole) is None
