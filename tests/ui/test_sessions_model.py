"""How the sessions table presents its cells: what stands out, what lines up."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    Qt,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

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
    heading = row_named(model, "Thursday, 26 November")
    assert font(model, heading, NAME).bold()
    assert model.index(heading, DURATION).data() == "2:00:00"
    assert model.index(heading, NAME).data(Role.AccessibleTextRole) == (
        "Thursday, 26 November, total 2:00:00"
    )
    assert model.index(heading, NAME).data(Role.CheckStateRole) is None


def overlapping_week_model(
    qapp: QApplication, kind: type[SessionsModel] = SessionsModel
) -> SessionsModel:
    """Day headings, a running session, an unnamed one and two that overlap."""
    model = kind(lambda _id, _name: None, BERLIN)
    sessions = (
        Session(4, "Running", NOW - HOUR, None),
        Session(3, "", NOW - 3 * HOUR, NOW - 2 * HOUR),
        Session(2, "Call", NOW - 27 * HOUR, NOW - 25 * HOUR),
        Session(1, "Overlapping call", NOW - 26 * HOUR, NOW - 24 * HOUR),
    )
    model.set_sessions(
        period_containing(PeriodKind.WEEK, date(2026, 11, 26), BERLIN), sessions, NOW
    )
    return model


def comparable(value: object) -> object:
    """Qt values without ``==`` (icons) by their content, the rest as they are."""
    return value.cacheKey() if isinstance(value, QIcon) else value


def test_asking_many_roles_at_once_answers_as_asking_each(qapp: QApplication) -> None:
    model = overlapping_week_model(qapp)
    roles = [int(role.value) for role in Role]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in roles:
                item = QModelRoleData(role)
                model.multiData(index, QModelRoleDataSpan(item))
                assert comparable(item.data()) == comparable(index.data(role)), (row, column, role)


class RoleByRole(SessionsModel):
    """The same model answering the view one role at a time (Qt's own multiData)."""

    def multiData(
        self, index: QModelIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData
    ) -> None:
        QAbstractTableModel.multiData(self, index, roleDataSpan)


def test_the_table_looks_the_same_either_way(qapp: QApplication) -> None:
    images = []
    for kind in (SessionsModel, RoleByRole):
        view = QTableView()
        view.setModel(overlapping_week_model(qapp, kind))
        view.resize(640, 300)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        images.append(view.grab().toImage())
    assert images[0] == images[1]
