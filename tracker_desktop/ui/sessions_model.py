"""The sessions table: one period's sessions as plain rows, grouped by day in week and
month views, with the running session's duration ticking."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, NamedTuple, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from tracker_desktop.core.periods import Period, PeriodKind
from tracker_desktop.core.service import Session, clipped_total, find_overlaps
from tracker_desktop.core.timeparse import start_of_day
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.session_cells import (
    ALIGNMENTS,
    ANSWERED,
    DISPLAY,
    DURATION,
    END,
    FONT,
    HEADERS,
    LABEL_COLUMNS,
    NAME,
    PROJECT,
    START,
    TAGS,
    TIME_COLUMNS,
    UNNAMED,
    SessionCells,
)

__all__ = [
    "DURATION",
    "END",
    "LABEL_COLUMNS",
    "NAME",
    "PROJECT",
    "START",
    "TAGS",
    "TIME_COLUMNS",
    "UNNAMED",
    "DayRow",
    "RenameHandler",
    "SessionRow",
    "SessionsModel",
]

Index = QModelIndex | QPersistentModelIndex


class DayRow(NamedTuple):
    """A day heading in week and month views, with that day's time."""

    day: date


class SessionRow(NamedTuple):
    session: Session


Row = DayRow | SessionRow

# Renames a session by id; returns the renamed session, or None (after telling the user).
RenameHandler = Callable[[int, str], Session | None]


class SessionsModel(QAbstractTableModel):
    """Rows of the shown period; holds plain values only, never ORM objects."""

    def __init__(self, rename: RenameHandler, zone: tzinfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._rename = rename
        self._zone = zone
        self._rows: list[Row] = []
        self._sessions: tuple[Session, ...] = ()
        self._period: Period | None = None
        self._now = datetime.now().astimezone()
        self._cells = SessionCells(zone, self.day_total)
        self._cells.day_notes = self._day_notes

    # -- feeding ---------------------------------------------------------------------

    def set_sessions(self, period: Period, sessions: tuple[Session, ...], now: datetime) -> None:
        """Shows ``sessions`` (newest first) of ``period``. When every row keeps its place
        (a rename, or a read that found nothing new) the rows are redrawn where they are,
        keeping the selection and an open editor; otherwise the model is reset."""
        rows = self._build_rows(period, sessions, now)
        in_place = (
            period == self._period
            and _times(sessions) == _times(self._sessions)
            and list(map(_row_key, rows)) == list(map(_row_key, self._rows))
        )
        if not in_place:
            self.beginResetModel()
        self._period, self._sessions, self._now, self._rows = period, sessions, now, rows
        self._cells.period, self._cells.now = period, now
        self._cells.overlaps = find_overlaps(sessions, now)
        if not in_place:
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(HEADERS) - 1))

    def set_now(self, now: datetime) -> None:
        """Moves the clock: the running row's duration and its day's total change."""
        self._now = self._cells.now = now
        for row_number, row in enumerate(self._rows):
            ticking = (isinstance(row, SessionRow) and row.session.running) or isinstance(
                row, DayRow
            )
            if ticking:
                cell = self.index(row_number, DURATION)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    @property
    def sessions(self) -> tuple[Session, ...]:
        return self._sessions

    def session_at(self, row: int) -> Session | None:
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        return item.session if isinstance(item, SessionRow) else None

    def row_of(self, session_id: int) -> int:
        for number, row in enumerate(self._rows):
            if isinstance(row, SessionRow) and row.session.id == session_id:
                return number
        return -1

    def _build_rows(
        self, period: Period, sessions: tuple[Session, ...], now: datetime
    ) -> list[Row]:
        if period.kind is PeriodKind.DAY:
            return [SessionRow(s) for s in sessions]
        by_day: dict[date, list[Session]] = {}
        for session in sessions:
            day = max(session.start.astimezone(self._zone).date(), period.first_day)
            by_day.setdefault(day, []).append(session)
        rows: list[Row] = []
        for day in reversed(period.days()):
            listed = by_day.get(day, [])
            if listed or self._day_total(day, sessions, now) > timedelta(0):
                rows.append(DayRow(day))
                rows.extend(SessionRow(s) for s in listed)
        return rows

    def shown_texts(self, column: int) -> Iterator[tuple[str, QFont]]:
        """Each row's text in ``column``, with the font it is shown in (for sizing the
        column without asking the view to lay every cell out)."""
        for row in self._rows:
            text = self._cell(row, column, DISPLAY)
            if text:
                yield text, self._cell(row, column, FONT)

    def day_total(self, day: date) -> timedelta:
        """Time inside local ``day`` (sessions from the evening before count their part)."""
        return self._day_total(day, self._sessions, self._now)

    def _day_total(self, day: date, sessions: tuple[Session, ...], now: datetime) -> timedelta:
        start = start_of_day(day, self._zone)
        end = start_of_day(day + timedelta(days=1), self._zone)
        return clipped_total(sessions, start, end, now)

    # -- Qt model interface ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("SessionCells", HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return ALIGNMENTS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled
        if isinstance(self._rows[index.row()], SessionRow):
            flags |= Qt.ItemFlag.ItemIsSelectable
            if index.column() == NAME:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in ANSWERED or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None
        return self._cell(self._rows[number], index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """All the roles the view asks of one cell in one call (its delegate asks half a
        dozen at once, for every cell it sizes or paints): one call into Python per cell
        instead of one per role. Answers exactly as ``data`` does."""
        number = index.row()
        if not index.isValid() or not 0 <= number < len(self._rows):
            return
        row = self._rows[number]
        column = index.column()
        # A span iterates over its items (PySide6's stub does not say so).
        items: Iterable[QModelRoleData] = (
            [roleDataSpan]
            if isinstance(roleDataSpan, QModelRoleData)
            else cast("Iterable[QModelRoleData]", roleDataSpan)
        )
        for item in items:
            role = item.role()
            if role in ANSWERED:
                item.setData(self._cell(row, column, role))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != NAME or not index.isValid():
            return False
        session = self.session_at(index.row())
        if session is None or not isinstance(value, str):
            return False
        renamed = self._rename(session.id, value)
        if renamed is None:
            return False
        self.replace_session(renamed)
        return True

    def replace_session(self, session: Session) -> None:
        """Shows the saved state of ``session`` in its row."""
        row = self.row_of(session.id)
        if row < 0:
            return
        self._rows[row] = SessionRow(session)
        self._sessions = tuple(session if s.id == session.id else s for s in self._sessions)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    # -- cells -----------------------------------------------------------------------

    def _cell(self, row: Row, column: int, role: int) -> Any:
        if isinstance(row, DayRow):
            return self._cells.day(row.day, column, role)
        return self._cells.session(row.session, column, role)

    def _day_notes(self, day: date) -> str:
        """A day heading's tooltip: its time by project (asked for on hovering only)."""
        from tracker_desktop.ui.project_totals import time_by_project, totals_tooltip

        start = start_of_day(day, self._zone)
        end = start_of_day(day + timedelta(days=1), self._zone)
        return totals_tooltip(time_by_project(self._sessions, start, end, self._now))


def _times(sessions: tuple[Session, ...]) -> list[tuple[int, datetime, datetime | None]]:
    """What places each session in the table: everything but its labels and name."""
    return [(s.id, s.start, s.end) for s in sessions]


def _row_key(row: Row) -> tuple[date | int, bool]:
    return (row.day, True) if isinstance(row, DayRow) else (row.session.id, False)
