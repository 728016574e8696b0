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

from tracker_desktop.core.periods import Period
from tracker_desktop.core.service import Session, clipped_total, find_overlaps
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
from tracker_desktop.ui.session_rows import (
    DayRow,
    Heading,
    Row,
    SessionRow,
    WeekRow,
    build_rows,
    by_day,
    day_bounds,
    matches,
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
    "FilterSummary",
    "RenameHandler",
    "SessionRow",
    "SessionsModel",
    "WeekRow",
]

Index = QModelIndex | QPersistentModelIndex

# Renames a session by id; returns the renamed session, or None (after telling the user).
RenameHandler = Callable[[int, str], Session | None]


class FilterSummary(NamedTuple):
    """What the filter keeps of the shown period: sessions and the time inside it."""

    matched: int
    of: int
    time: timedelta


class SessionsModel(QAbstractTableModel):
    """Rows of the shown period; holds plain values only, never ORM objects.

    A session is listed under each day it touches, with the part inside that day; in a
    month, days are grouped under weeks. Headings collapse (``set_expanded``) and stay
    collapsed while the window runs; ``set_filter`` keeps only matching sessions.
    """

    def __init__(self, rename: RenameHandler, zone: tzinfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._rename = rename
        self._zone = zone
        self._rows: list[Row] = []
        self._sessions: tuple[Session, ...] = ()
        self._days: dict[date, list[Session]] = {}  # the kept sessions of each day
        self._period: Period | None = None
        self._now = datetime.now().astimezone()
        self._needle = ""
        self.filter_text = ""  # as typed (stripped)
        self._collapsed: set[Heading] = set()
        self.week_start = 0  # the first weekday of the month's week groups (0 = Monday)
        self._cells = SessionCells(zone, self.day_total, self.week_total, self._collapsed)
        self._cells.day_notes = self._day_notes

    # -- feeding ---------------------------------------------------------------------

    def set_sessions(self, period: Period, sessions: tuple[Session, ...], now: datetime) -> None:
        """Shows ``sessions`` (newest first) of ``period``. When every row keeps its place
        (a rename, or a read that found nothing new) the rows are redrawn where they are,
        keeping the selection and an open editor; otherwise the model is reset."""
        days = self._group(period, sessions, now)
        rows = build_rows(period, days, self.week_start, self._collapsed)
        in_place = (
            period == self._period
            and _times(sessions) == _times(self._sessions)
            and list(map(_row_key, rows)) == list(map(_row_key, self._rows))
        )
        if not in_place:
            self.beginResetModel()
        self._period, self._sessions, self._now = period, sessions, now
        self._days, self._rows = days, rows
        self._cells.period, self._cells.now = period, now
        self._cells.overlaps = find_overlaps(sessions, now)
        if not in_place:
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(HEADERS) - 1))

    def set_filter(self, text: str) -> None:
        """Keeps only the sessions whose name, project, client or a tag holds ``text``
        (case ignored); an empty text keeps all."""
        needle = text.strip().casefold()
        self.filter_text = text.strip()
        if needle == self._needle:
            return
        self._needle = needle
        if self._period is not None:
            self.beginResetModel()
            self._days = self._group(self._period, self._sessions, self._now)
            self._rows = build_rows(self._period, self._days, self.week_start, self._collapsed)
            self.endResetModel()

    @property
    def filtering(self) -> bool:
        return bool(self._needle)

    def filter_summary(self, now: datetime) -> FilterSummary | None:
        """How many sessions the filter keeps, of how many, and their time inside the
        period at ``now``; None while nothing is filtered."""
        if not self._needle or self._period is None:
            return None
        kept = [s for s in self._sessions if matches(s, self._needle)]
        period = self._period
        return FilterSummary(
            len(kept), len(self._sessions), clipped_total(kept, period.start, period.end, now)
        )

    def _group(
        self, period: Period, sessions: tuple[Session, ...], now: datetime
    ) -> dict[date, list[Session]]:
        kept = [s for s in sessions if matches(s, self._needle)] if self._needle else sessions
        return by_day(period, kept, self._zone, now)

    def set_now(self, now: datetime) -> None:
        """Moves the clock: the running row's duration and its day's total change."""
        self._now = self._cells.now = now
        for row_number, row in enumerate(self._rows):
            if not isinstance(row, SessionRow) or row.session.running:
                cell = self.index(row_number, DURATION)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    # -- groups ------------------------------------------------------------------------

    def heading_at(self, row: int) -> Heading | None:
        """The day or week heading at ``row``, if it is one."""
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        return None if item is None or isinstance(item, SessionRow) else item

    def is_expanded(self, row: int) -> bool:
        heading = self.heading_at(row)
        return heading is not None and heading not in self._collapsed

    def set_expanded(self, row: int, expanded: bool) -> None:
        """Shows (or hides) what the heading at ``row`` holds; the choice is kept for
        that heading while the window runs, across periods and reads."""
        heading = self.heading_at(row)
        if heading is None or self._period is None or self.is_expanded(row) == expanded:
            return
        if expanded:
            self._collapsed.discard(heading)
        else:
            self._collapsed.add(heading)
        rows = build_rows(self._period, self._days, self.week_start, self._collapsed)
        # Only the rows under the heading come or go, right below it.
        change = len(rows) - len(self._rows)
        if change > 0:
            self.beginInsertRows(QModelIndex(), row + 1, row + change)
            self._rows = rows
            self.endInsertRows()
        elif change < 0:
            self.beginRemoveRows(QModelIndex(), row + 1, row - change)
            self._rows = rows
            self.endRemoveRows()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def heading_of(self, row: int) -> int:
        """The heading ``row`` is under (a session's day, a day's week); -1 if none."""
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        above_kind = DayRow if isinstance(item, SessionRow) else WeekRow
        for number in range(row - 1, -1, -1):
            if isinstance(self._rows[number], above_kind):
                return number
        return -1

    # -- reading -------------------------------------------------------------------------

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

    def shown_texts(self, column: int, *, ticking: bool = False) -> Iterator[tuple[str, QFont]]:
        """Each row's text in ``column``, with the font it is shown in (for sizing the
        column without asking the view to lay every cell out); ``ticking``: only the
        rows whose text moves with the clock (headings and the running session)."""
        for row in self._rows:
            if ticking and isinstance(row, SessionRow) and not row.session.running:
                continue
            text = self._cell(row, column, DISPLAY)
            if text:
                yield text, self._cell(row, column, FONT)

    def day_total(self, day: date) -> timedelta:
        """Time inside local ``day`` of the sessions listed (sessions from the evening
        before count their part), so a day's rows add up to it."""
        start, end = day_bounds(day, self._zone)
        return clipped_total(self._days.get(day, ()), start, end, self._now)

    def week_total(self, week: WeekRow) -> timedelta:
        """Time inside the days of ``week`` (within the month) of the sessions listed."""
        days = (week.end_day - week.first_day).days
        return sum(
            (self.day_total(week.first_day + timedelta(days=n)) for n in range(days)),
            timedelta(0),
        )

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
        self._sessions = tuple(session if s.id == session.id else s for s in self._sessions)
        for day, listed in self._days.items():
            self._days[day] = [session if s.id == session.id else s for s in listed]
        for number, item in enumerate(self._rows):  # a session past midnight has two
            if isinstance(item, SessionRow) and item.session.id == session.id:
                self._rows[number] = SessionRow(session, item.day)
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(HEADERS) - 1))

    # -- cells -----------------------------------------------------------------------

    def _cell(self, row: Row, column: int, role: int) -> Any:
        if isinstance(row, SessionRow):
            return self._cells.session(row.session, row.day, column, role)
        if isinstance(row, DayRow):
            return self._cells.day(row.day, column, role)
        return self._cells.week(row, column, role)

    def _day_notes(self, day: date) -> str:
        """A day heading's tooltip: its time by project (asked for on hovering only)."""
        from tracker_desktop.ui.project_totals import time_by_project, totals_tooltip

        start, end = day_bounds(day, self._zone)
        listed = self._days.get(day, [])
        return totals_tooltip(time_by_project(listed, start, end, self._now))


def _times(sessions: tuple[Session, ...]) -> list[tuple[int, datetime, datetime | None]]:
    """What places each session in the table: everything but its labels and name."""
    return [(s.id, s.start, s.end) for s in sessions]


def _row_key(row: Row) -> tuple[object, ...]:
    return (row.session.id, row.day) if isinstance(row, SessionRow) else tuple(row)
