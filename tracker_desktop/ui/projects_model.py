"""Clients and their projects as a tree of plain rows: each project's time this month, its
rate (its own, or the one it inherits, said as such) and whether it bills by default."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any, NamedTuple, cast

from PySide6.QtCore import (
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    Qt,
)
from PySide6.QtGui import QFont

from tracker_desktop.core.catalog import ClientInfo, ProjectInfo
from tracker_desktop.core.formatting import format_duration
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.money_text import money_text
from tracker_desktop.ui.project_colors import color_dot
from tracker_desktop.ui.session_cells import muted, tabular_font
from tracker_desktop.ui.two_level_model import Index, TwoLevelModel

NAME, HOURS, RATE, BILLABLE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("ProjectsModel", "Name"),
    QT_TRANSLATE_NOOP("ProjectsModel", "This month"),
    QT_TRANSLATE_NOOP("ProjectsModel", "Rate per hour"),
    QT_TRANSLATE_NOOP("ProjectsModel", "Billable"),
)
NO_CLIENT = QT_TRANSLATE_NOOP("ProjectsModel", "No client")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


class Rate(NamedTuple):
    """The rate that applies, in its currency, and where it comes from: "" (its own),
    "client", "default", or "none" (no rate applies)."""

    amount: Decimal | None
    currency: str
    source: str

    def text(self) -> str:
        return "—" if self.amount is None else money_text(self.amount, self.currency)

    def explained(self, client: str | None) -> str:
        if self.source == "client":
            return translate("ProjectsModel", "From the client {client}").format(client=client)
        if self.source == "default":
            return translate("ProjectsModel", "The default rate (Preferences)")
        if self.source == "none":
            return translate(
                "ProjectsModel", "No rate: set one here, on the client, or in Preferences"
            )
        return ""


class ProjectRow(NamedTuple):
    info: ProjectInfo
    seconds: int
    rate: Rate


class ClientRow(NamedTuple):
    """A client (None: the projects without one) and its projects."""

    info: ClientInfo | None
    projects: list[ProjectRow]
    rate: Rate

    @property
    def seconds(self) -> int:
        return sum(row.seconds for row in self.projects)


def build_rows(
    clients: Iterable[ClientInfo],
    projects: Iterable[ProjectInfo],
    seconds: dict[int | None, int],
    default_rate: Decimal | None,
    default_currency: str,
) -> list[ClientRow]:
    """The tree: projects without a client first (when there are some), then each
    client with its projects, as the catalog orders them."""
    default = Rate(default_rate, default_currency, "default" if default_rate else "none")
    groups: dict[int | None, ClientRow] = {}
    by_id = {client.id: client for client in clients}
    for client in [None, *by_id.values()]:
        if client is None:
            groups[None] = ClientRow(None, [], default)
            continue
        currency = client.currency or default_currency
        rate = Rate(client.rate, currency, "") if client.rate is not None else default
        groups[client.id] = ClientRow(client, [], rate._replace(currency=currency))
    for project in projects:
        group = groups.get(project.client_id)
        if group is None:
            continue  # its client is archived and not shown
        if project.rate is not None:
            rate = Rate(project.rate, group.rate.currency, "")
        elif group.info is not None and group.info.rate is not None:
            rate = group.rate._replace(source="client")
        else:
            rate = default._replace(currency=group.rate.currency)
        group.projects.append(ProjectRow(project, seconds.get(project.id, 0), rate))
    return [group for key, group in groups.items() if key is not None or group.projects]


Edit = Callable[[ProjectRow | ClientRow, int, Any], bool]


class ProjectsModel(TwoLevelModel):
    """Top level: clients (and "No client"); below each, its projects. Names and rates
    edit in place (through ``edit``), Billable checks on and off."""

    def __init__(self, edit: Edit, parent: Any = None) -> None:
        super().__init__(parent)
        self._edit = edit
        self.groups: list[ClientRow] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._figures = tabular_font()
        # Each cell's roles, worked out the first time the view asks for the cell: the
        # view asks a dozen roles of each cell it lays out or paints, again and again.
        self._cells: dict[tuple[int, int, int], dict[int, Any]] = {}

    def set_rows(self, groups: list[ClientRow]) -> None:
        self.beginResetModel()
        self.groups = groups
        self._cells.clear()
        self.endResetModel()

    def texts(self, column: int) -> Iterator[str]:
        """Every row's text in ``column`` (to size it without asking the view)."""
        for group in self.groups:
            rows: list[ClientRow | ProjectRow] = [group, *group.projects]
            for row in rows:
                text = self._text(row, column, accessible=False)
                if text:
                    yield text

    def row_at(self, index: Index) -> ClientRow | ProjectRow | None:
        if not index.isValid():
            return None
        group = index.internalId()
        if group == 0:
            return self.groups[index.row()]
        return self.groups[group - 1].projects[index.row()]

    def index_of(self, key: tuple[str, int | None]) -> QModelIndex:
        """The index of ``("client", id)`` or ``("project", id)``; invalid if not shown."""
        for number, group in enumerate(self.groups):
            if key == ("client", group.info.id if group.info else None):
                return self.index(number, 0)
            for row, project in enumerate(group.projects):
                if key == ("project", project.info.id):
                    return self.index(row, 0, self.index(number, 0))
        return QModelIndex()

    # -- Qt model interface ------------------------------------------------------------

    def top_count(self) -> int:
        return len(self.groups)

    def child_count(self, row: int) -> int:
        return len(self.groups[row].projects)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("ProjectsModel", HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in (HOURS, RATE) else _LEFT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self.row_at(index)
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if row.info is not None and index.column() in (NAME, RATE):
            flags |= Qt.ItemFlag.ItemIsEditable
        if isinstance(row, ProjectRow) and index.column() == BILLABLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self._cell(index)
        return None if cell is None else cell.get(int(role))

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """All the roles the view asks of a cell, in one call (answers as ``data``)."""
        cell = self._cell(index)
        if cell is None:
            return
        items: Iterable[QModelRoleData] = (
            [roleDataSpan]
            if isinstance(roleDataSpan, QModelRoleData)
            else cast("Iterable[QModelRoleData]", roleDataSpan)
        )
        for item in items:
            item.setData(cell.get(item.role()))

    def _cell(self, index: Index) -> dict[int, Any] | None:
        if not index.isValid():
            return None
        key = (index.internalId(), index.row(), index.column())
        cell = self._cells.get(key)
        if cell is None:
            row = self.row_at(index)
            assert row is not None
            cell = {role.value: self._role(row, index.column(), role) for role in _ROLES}
            self._cells[key] = cell = {
                role: value for role, value in cell.items() if value is not None
            }
        return cell

    def _role(self, row: ClientRow | ProjectRow, column: int, role: Qt.ItemDataRole) -> Any:
        archived = row.info is not None and row.info.archived
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column, accessible=role != Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.EditRole:
            if column == RATE:
                own = row.info.rate if row.info is not None else None
                return "" if own is None else format(own, "f")
            return row.info.name if row.info is not None else ""
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return color_dot(row.info.color) if isinstance(row, ProjectRow) else None
        if role == Qt.ItemDataRole.CheckStateRole and column == BILLABLE:
            if isinstance(row, ProjectRow):
                on = row.info.billable
                return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (HOURS, RATE) else _LEFT
        if role == Qt.ItemDataRole.FontRole:
            if column in (HOURS, RATE):
                return self._figures
            return self._bold if isinstance(row, ClientRow) and row.info is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            inherited = column == RATE and row.rate.source != ""
            return muted() if archived or row.info is None or inherited else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _text(self, row: ClientRow | ProjectRow, column: int, *, accessible: bool) -> str | None:
        if column == NAME:
            name = row.info.name if row.info is not None else translate("ProjectsModel", NO_CLIENT)
            if row.info is not None and row.info.archived:
                return translate("ProjectsModel", "{name} (archived)").format(name=name)
            return name
        if column == HOURS:
            empty = isinstance(row, ClientRow) and not row.projects
            return "" if empty else _hours(row.seconds)
        if column == RATE:
            text = row.rate.text()
            if accessible and row.rate.source:
                client = row.info.client if isinstance(row, ProjectRow) else None
                return f"{text}, {row.rate.explained(client).lower()}"
            return text
        if column == BILLABLE and accessible and isinstance(row, ProjectRow):
            return (
                translate("ProjectsModel", "billable")
                if row.info.billable
                else translate("ProjectsModel", "not billable")
            )
        return None

    def _tooltip(self, row: ClientRow | ProjectRow, column: int) -> str | None:
        if column == RATE and isinstance(row, ProjectRow):
            return row.rate.explained(row.info.client) or None
        if column == RATE and row.rate.source in ("default", "none"):
            return row.rate.explained(None)
        if column == HOURS:
            return translate("ProjectsModel", "Time tracked this month")
        if column == NAME and isinstance(row, ProjectRow) and row.info.archived:
            return translate(
                "ProjectsModel", "Archived: hidden from the pickers, its sessions kept"
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index)
        if row is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == BILLABLE:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._edit(row, BILLABLE, checked)
        if role == Qt.ItemDataRole.EditRole and index.column() in (NAME, RATE):
            return self._edit(row, index.column(), str(value))
        return False


def _hours(seconds: int) -> str:
    """``37:15``: hours and minutes (the seconds left out, as a time sheet does)."""
    return format_duration(timedelta(seconds=seconds))[:-3]
