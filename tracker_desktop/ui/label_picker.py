"""The picker: a list that opens over the window under what is being typed (projects,
tags or recent sessions), without taking the keyboard from the field typed into.

It is a child of the window rather than a popup window of its own, so the field keeps
the focus (the keys it does not use are the field's), and it looks and behaves the same
under every window system.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLineEdit,
    QListView,
    QStyle,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.ui.language import translate
from tracker_desktop.ui.picker_entries import Entry, Kind
from tracker_desktop.ui.project_colors import color_dot, empty_dot
from tracker_desktop.ui.roomy_rows import RoomyDelegate
from tracker_desktop.ui.timer_bar import name_clear_button

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 8
CHECK = "✓"
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class PickerModel(QAbstractListModel):
    """The picker's entries, as plain values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self.entries[index.row()].kind is Kind.HINT:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.text
        if role == Qt.ItemDataRole.DecorationRole and entry.dot:
            return empty_dot() if entry.color is None else color_dot(entry.color)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            said = ", ".join(part for part in (entry.text, entry.detail) if part)
            return (
                translate("LabelPicker", "{entry}, chosen").format(entry=said)
                if entry.checked
                else said
            )
        if role == ENTRY_ROLE:
            return entry
        return None


class _EntryDelegate(RoomyDelegate):
    """An entry's text, its detail in a quieter colour after it, and a check mark at the
    right when it is chosen."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        entry = index.data(ENTRY_ROLE)
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = option.widget
        style = widget.style() if widget is not None else QStyle()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        item.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        if not isinstance(entry, Entry):
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        strong = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        if selected or entry.kind is Kind.HINT:
            quiet = strong if selected else quiet
            quiet.setAlpha(170 if selected else 255)
        metrics = item.fontMetrics
        rect = text_rect.adjusted(2, 0, -4, 0)
        if entry.checked:
            painter.setPen(strong)
            painter.drawText(
                rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), CHECK
            )
            rect.setRight(rect.right() - metrics.horizontalAdvance(CHECK) - 8)
        main = metrics.elidedText(entry.text, Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(quiet if entry.kind is Kind.HINT else strong)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), main
        )
        rest = rect.width() - metrics.horizontalAdvance(main) - 12
        if entry.detail and rest > 20:
            rect.setLeft(rect.left() + metrics.horizontalAdvance(main) + 12)
            detail = metrics.elidedText(entry.detail, Qt.TextElideMode.ElideRight, rest)
            painter.setPen(quiet)
            painter.drawText(rect, _LEFT, detail)


class LabelPicker(QFrame):
    """The list (``pickerList``) and, when opened from a button, a search field of its
    own (``pickerSearchEdit``). ``taken`` says which entry was clicked."""

    taken = Signal(object)  # Entry

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("labelPicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Raised)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.search = QLineEdit(self)
        self.search.setObjectName("pickerSearchEdit")
        name_clear_button(
            self.search, "clearSearchButton", translate("LabelPicker", "Clear the search")
        )
        self.search.setAccessibleName(translate("LabelPicker", "Find"))
        layout.addWidget(self.search)
        self.model = PickerModel(self)
        self.list = QListView(self)
        self.list.setObjectName("pickerList")
        self.list.setAccessibleName(translate("LabelPicker", "Choices"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(_EntryDelegate(self.list))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing stays in the field
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setUniformItemSizes(True)
        self.list.setIconSize(QSize(16, 16))  # the dot as in the table
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.clicked.connect(self._on_list_clicked)
        layout.addWidget(self.list)
        self.hide()

    # -- showing ----------------------------------------------------------------------

    def show_entries(self, entries: list[Entry], current: int | None) -> None:
        """Shows ``entries`` with row ``current`` highlighted (None: none yet)."""
        self.model.set_entries(entries)
        self.list.setCurrentIndex(QModelIndex())
        if current is not None and entries and entries[0].kind is not Kind.HINT:
            self.list.setCurrentIndex(self.model.index(min(current, len(entries) - 1)))
        self._fit_height()

    def place(self, anchor: QPoint, width: int) -> None:
        """Shows the picker with its top left at ``anchor`` (in the window), kept inside
        the window."""
        window = self.parentWidget()
        assert window is not None
        width = min(width, window.width() - 8)
        self.resize(width, self.height())
        x = max(4, min(anchor.x(), window.width() - width - 4))
        self.move(x, anchor.y())
        self.show()
        self.raise_()

    def _fit_height(self) -> None:
        rows = max(1, min(self.model.rowCount(), VISIBLE_ROWS))
        row_height = self.list.sizeHintForRow(0) if self.model.rowCount() else 24
        list_height = rows * row_height + 2 * self.list.frameWidth() + 2
        self.list.setFixedHeight(list_height)
        margins = self._layout.contentsMargins()
        search = self.search.sizeHint().height() + 4 if self.search.isVisibleTo(self) else 0
        self.setFixedHeight(list_height + search + margins.top() + margins.bottom() + 2)

    # -- the keyboard (through the field typed into) ----------------------------------

    def move_current(self, steps: int) -> None:
        """Highlights the entry ``steps`` below (above, when negative) the current one."""
        count = self.model.rowCount()
        if not count or self.model.entries[0].kind is Kind.HINT:
            return
        row = self.list.currentIndex().row()
        row = (0 if steps > 0 else count - 1) if row < 0 else row + steps
        self.list.setCurrentIndex(self.model.index(max(0, min(row, count - 1))))

    def current(self) -> Entry | None:
        """The highlighted entry, if any."""
        index = self.list.currentIndex()
        return self.model.entries[index.row()] if index.isValid() else None

    def entries(self) -> list[Entry]:
        return list(self.model.entries)

    def _on_list_clicked(self, index: QModelIndex) -> None:
        entry = self.model.entries[index.row()]
        if entry.kind is not Kind.HINT:
            self.taken.emit(entry)
