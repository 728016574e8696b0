"""The report's groups as a tree (``reportTable``'s model): a row per group, its
second-level groups beneath, and the total last; time, billable time and the amount per
row, right-aligned in tabular figures, the currency in the heading when there is one."""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QIcon

from tracker_desktop.core.reports import Group, Report
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.project_colors import color_dot, empty_dot
from tracker_desktop.ui.report_text import (
    MoneyColumn,
    decimal_hours,
    group_label,
    grouping_title,
    hours_text,
    report_currencies,
)
from tracker_desktop.ui.session_cells import table_font
from tracker_desktop.ui.two_level_model import Index, TwoLevelModel

NAME, TIME, BILLABLE, AMOUNT = range(4)
SECONDS_ROLE = Qt.ItemDataRole.UserRole + 1  # TIME and BILLABLE: the exact seconds


class _Row(NamedTuple):
    group: Group | None  # None: the total
    parent: int  # the top-level row's number; -1 for top-level rows


class ReportModel(TwoLevelModel):
    """A Report as rows; ``set_report`` replaces them all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._top: list[Group | None] = []
        self._money = MoneyColumn(set())

    @property
    def report(self) -> Report | None:
        return self._report

    def set_report(self, report: Report | None) -> None:
        """Shows ``report`` (None: nothing)."""
        self.beginResetModel()
        self._report = report
        self._top = [*report.groups, None] if report is not None else []
        self._money = MoneyColumn(report_currencies(report) if report else set())
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, AMOUNT)

    def texts(self, column: int) -> list[str]:
        """Every text of ``column`` (and its heading), to size it without asking the
        view for each cell's size."""
        found = [str(self.headerData(column, Qt.Orientation.Horizontal, 0) or "")]
        for group in self._top:
            found.append(self._text(group, column))
            found.extend(self._text(child, column) for child in (group.groups if group else ()))
        return found

    def is_total(self, index: Index) -> bool:
        return self._row(index).group is None

    # -- Qt's model interface -----------------------------------------------------------------

    def top_count(self) -> int:
        return len(self._top)

    def child_count(self, row: int) -> int:
        group = self._top[row]
        return 0 if group is None else len(group.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            grouping = self._report.grouping if self._report else ("project",)
            first = " ▸ ".join(grouping_title(g) for g in grouping)
            return (
                first,
                translate("ReportModel", "Time"),
                translate("ReportModel", "Billable"),
                self._money.heading(),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section != NAME:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._report is None:
            return None
        group = self._row(index).group
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(group, column)
        if role == SECONDS_ROLE and column in (TIME, BILLABLE):
            seconds = self._seconds(group, column)
            return seconds
        if role == Qt.ItemDataRole.ToolTipRole and column in (TIME, BILLABLE):
            seconds = self._seconds(group, column)
            return f"{hours_text(seconds)} ({decimal_hours(seconds)})"
        if role == Qt.ItemDataRole.TextAlignmentRole and column != NAME:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole:
            return table_font(bold=group is None)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME and group is not None:
            return self._dot(group)
        return None

    # -- cells --------------------------------------------------------------------------------

    def _row(self, index: Index) -> _Row:
        parent = self.top_row(index)
        if parent < 0:
            return _Row(self._top[index.row()], -1)
        top = self._top[parent]
        assert top is not None
        return _Row(top.groups[index.row()], parent)

    def _seconds(self, group: Group | None, column: int) -> int:
        report = self._report
        assert report is not None
        source: Group | Report = report if group is None else group
        return source.total_seconds if column == TIME else source.billable_seconds

    def _text(self, group: Group | None, column: int) -> str:
        report = self._report
        assert report is not None
        if column == NAME:
            if group is None:
                return translate("ReportModel", "Total")
            if group.by == "project" and report.grouping[0] == "client" and group.key:
                return group.key  # under its client already
            return group_label(group)
        if column in (TIME, BILLABLE):
            return hours_text(self._seconds(group, column))
        earned = report.earned if group is None else group.earned
        return self._money.cell(earned)

    def _dot(self, group: Group) -> QIcon | None:
        if group.by != "project":
            return None
        return empty_dot() if group.color is None else color_dot(group.color)
