"""The sessions of the shown period as a table (``sessionsTable``), or a sentence saying
what to do when there are none (``emptyStateLabel``)."""

from __future__ import annotations

import math
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QStyle,
    QTableView,
    QWidget,
)

from tracker_desktop.core.periods import Period
from tracker_desktop.core.service import PeriodReport, Session
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.period_text import empty_text
from tracker_desktop.ui.sessions_model import (
    DURATION,
    LABEL_COLUMNS,
    NAME,
    PROJECT,
    START,
    TAGS,
    TIME_COLUMNS,
    RenameHandler,
    SessionsModel,
)

if TYPE_CHECKING:
    from tracker_desktop.ui.live_state import Totals


# The widest the Project and Tags columns grow, as a share of the table's width (their
# longer texts elide, whole in the tooltip), so that Name keeps the most room.
LABEL_SHARE = {PROJECT: 0.26, TAGS: 0.17}


class SessionsView(QStackedWidget):
    """The table (Name stretches; the other columns as wide as their texts, Project and
    Tags up to a share of the width) with a context menu, or the empty state."""

    selection_changed = Signal()  # the selected sessions changed (or were cleared)
    session_activated = Signal(object)  # Session: double-clicked, or Enter pressed on it

    def __init__(
        self,
        zone: tzinfo,
        rename: RenameHandler,
        delete: QAction,
        menu: list[QAction | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._menu = menu
        self._empty = ""
        self.model = SessionsModel(rename, zone, self)
        self.table = QTableView(self)
        self.table.setObjectName("sessionsTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("SessionsView", "Sessions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # F2 renames in place; double-click and Enter open the edit dialog.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.table.addAction(delete)  # its shortcut works while the table has focus
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (*LABEL_COLUMNS, *TIME_COLUMNS):  # sized by _fit_columns
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(90)
        self._cell_padding: int | None = None
        self.table.viewport().installEventFilter(self)
        self.addWidget(self.table)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyStateLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        empty_font = self.empty_label.font()
        empty_font.setPointSizeF(empty_font.pointSizeF() * 1.15)
        self.empty_label.setFont(empty_font)
        # The placeholder colour (its softness is in its alpha). A palette, not a style
        # sheet: the first style sheet costs start-up time and memory.
        palette = self.empty_label.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
        )
        self.empty_label.setPalette(palette)
        self.addWidget(self.empty_label)

    def selected_sessions(self) -> list[Session]:
        """The selected sessions, top to bottom (day headings are never selected)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        found = (self.model.session_at(row) for row in rows)
        return [session for session in found if session is not None]

    # -- showing the state ---------------------------------------------------------------

    def show_sessions(self, report: PeriodReport) -> None:
        """The shown period's sessions, as just read."""
        self.model.set_sessions(report.period, report.sessions, report.now)
        self._fit_columns((*LABEL_COLUMNS, *TIME_COLUMNS))
        self._show_table_or_empty()
        # A reset model drops the selection without saying so.
        self.selection_changed.emit()

    def show_period(self, period: Period, is_current: bool) -> None:
        """What the view says while the period holds no sessions."""
        self._empty = empty_text(period, is_current)
        self._show_table_or_empty()

    def show_totals(self, totals: Totals) -> None:
        """The running row's duration and its day's total tick."""
        self.model.set_now(totals.now)
        self._fit_columns((DURATION,))  # "9:59:59" becomes "10:00:00"

    def _show_table_or_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.setCurrentWidget(self.empty_label if empty else self.table)
        if empty:
            self.empty_label.setText(self._empty)

    # -- column sizing -------------------------------------------------------------------

    def _fit_columns(self, columns: tuple[int, ...]) -> None:
        """Makes each column but Name as wide as its widest text (and icon) or heading;
        Project and Tags at most their share of the width. Measured here rather than by
        the header's ResizeToContents, which has the view lay out every cell again
        (through the model, in Python) on each change and each tick."""
        header = self.table.horizontalHeader()
        metrics: dict[str, QFontMetricsF] = {}
        for column in columns:
            widest = 0.0
            for text, font in self.model.shown_texts(column):
                key = font.key()
                if key not in metrics:
                    metrics[key] = QFontMetricsF(font)
                widest = max(widest, metrics[key].horizontalAdvance(text))
            # Whole pixels up, and one more: the view lays text out on fractional ones.
            width = math.ceil(widest) + 1 + self._padding_of_cells() if widest else 0
            if widest and column == PROJECT:  # the colour dot and its gap
                width += self.table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 4
            width = max(width, header.sectionSizeHint(column), header.minimumSectionSize())
            if column in LABEL_SHARE:
                share = int(self.table.viewport().width() * LABEL_SHARE[column])
                width = min(width, max(share, header.sectionSizeHint(column)))
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_columns(LABEL_COLUMNS)  # their share of the new width
        return False

    def _padding_of_cells(self) -> int:
        """What the view's style adds around a cell's text (margins), measured once, on
        the first Start cell there is (0 while there is none: no text to fit either)."""
        if self._cell_padding is None:
            for row in range(self.model.rowCount()):
                index = self.model.index(row, START)
                text, font = index.data(), index.data(Qt.ItemDataRole.FontRole)
                if text and isinstance(font, QFont):
                    text_width = math.ceil(QFontMetricsF(font).horizontalAdvance(text))
                    hint = self.table.sizeHintForIndex(index).width()
                    self._cell_padding = max(0, hint - text_width)
                    break
        return self._cell_padding or 0

    # -- slots ---------------------------------------------------------------------------

    def _on_table_activated(self, index: QModelIndex) -> None:
        session = self.model.session_at(index.row())
        if session is not None:
            self.session_activated.emit(session)

    def _on_table_context_menu_requested(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        for action in self._menu:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(position))
