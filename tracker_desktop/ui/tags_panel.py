"""The Tags tab of the Projects window: every tag with how many sessions carry it, to
rename (onto an existing name: the two merge) or delete (it leaves its sessions)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.catalog import TagInfo
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.actions import describe_shortcut
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.message_banner import Messages
from tracker_desktop.ui.session_cells import tabular_font

Index = QModelIndex | QPersistentModelIndex
HEADERS = (QT_TRANSLATE_NOOP("TagsPanel", "Tag"), QT_TRANSLATE_NOOP("TagsPanel", "Sessions"))


class TagsModel(QAbstractTableModel):
    """Tags and their session counts; a name edits in place (``rename``)."""

    def __init__(self, rename: Callable[[str, str], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self._rename = rename
        self.tags: list[TagInfo] = []
        self._figures = tabular_font()

    def set_tags(self, tags: list[TagInfo]) -> None:
        self.beginResetModel()
        self.tags = tags
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.tags)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("TagsPanel", HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 0 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        tag = self.tags[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return tag.name if index.column() == 0 else str(tag.sessions)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.column() == 1:
            return self._figures
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 0 or not index.isValid():
            return False
        return self._rename(self.tags[index.row()].name, str(value))


class TagsPanel(QWidget):
    """The tags table (``tagsTable``) with Rename… (F2) and Delete (Del)."""

    def __init__(
        self, tracker: Tracker, messages: Messages, undo_hint: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagsPanel")
        self._tracker = tracker
        self._messages = messages
        self._undo_hint = undo_hint
        self.model = TagsModel(self._rename, self)
        self.table = QTableView(self)
        self.table.setObjectName("tagsTable")
        self.table.setAccessibleName(translate("TagsPanel", "Tags"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda index: self.rename_selected())

        self.rename_action = self._action(
            "actionRenameTag", translate("TagsPanel", "Rename…"), "F2", self.rename_selected
        )
        self.delete_action = self._action(
            "actionDeleteTag", translate("TagsPanel", "Delete"), "Del", self.delete_selected
        )
        buttons = QHBoxLayout()
        for action in (self.rename_action, self.delete_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self._enable()

    def _action(self, name: str, text: str, key: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        describe_shortcut(action)
        self.table.addAction(action)
        return action

    def reload(self) -> None:
        """Reads the tags and their counts again (the counts read every tagged session:
        only while the tab is shown)."""
        tags = self._messages.attempt(self._tracker.catalog.tags)
        if tags is None:
            return
        chosen = self.selected()
        self.model.set_tags(tags)
        names = [tag.name for tag in tags]
        if chosen is not None and chosen.name in names:
            self.table.selectRow(names.index(chosen.name))
        self._enable()

    def selected(self) -> TagInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.tags[rows[0].row()] if rows else None

    def rename_selected(self) -> None:
        tag = self.selected()
        if tag is None:
            return
        from tracker_desktop.ui.catalog_dialogs import TagNameDialog

        others = [other.name for other in self.model.tags if other.id != tag.id]
        name = TagNameDialog.ask(self, tag.name, others)
        if name:
            self._rename(tag.name, name)

    def delete_selected(self) -> None:
        tag = self.selected()
        if tag is None:
            return
        if self._messages.attempt(lambda: self._tracker.catalog.delete_tag(tag.name)) is not None:
            self._messages.show_note(
                translate("TagsPanel", "Deleted tag “{name}” — {hint}").format(
                    name=tag.name, hint=self._undo_hint
                )
            )

    def _rename(self, old: str, new: str) -> bool:
        key = new.strip().casefold()
        merging = key != old.casefold() and any(t.name.casefold() == key for t in self.model.tags)
        renamed = self._messages.attempt(lambda: self._tracker.catalog.rename_tag(old, new))
        if renamed is None:
            return False
        if merging:
            self._messages.show_note(
                translate("TagsPanel", "Merged tag “{old}” into “{new}”").format(
                    old=old, new=renamed.name
                )
            )
        else:
            self._messages.show_note(
                translate("TagsPanel", "Renamed tag “{old}” to “{new}”").format(
                    old=old, new=renamed.name
                )
            )
        return True

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.rename_action.setEnabled(chosen)
        self.delete_action.setEnabled(chosen)
