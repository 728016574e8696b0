"""The sessions of the shown period as a table (``sessionsTable``), or a sentence saying
what to do when there are none (``emptyStateLabel``, with a button to add a forgotten
session on a past day).

Keyboard: Tab and Shift+Tab leave the table (arrows move inside it); Left and Right
collapse and expand day and week headings (Left on a session goes to its day); Enter or
a click on a heading toggles it; Shift+F10 and the Menu key open the row's menu."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.periods import Period
from tracker_desktop.core.service import PeriodReport, Session
from tracker_desktop.ui.filter_bar import FilterBar
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.period_text import empty_text, no_match_text
from tracker_desktop.ui.project_colors import muted_text
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
    from tracker_desktop.ui.actions import Actions
    from tracker_desktop.ui.live_state import Totals


TOGGLE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)

# The widest the Project and Tags columns grow, as a share of the table's width (their
# longer texts elide, whole in the tooltip), so that Name keeps the most room; in a
# narrow window they give way until Name has NAME_SHARE of the width.
LABEL_SHARE = {PROJECT: 0.26, TAGS: 0.17}
NAME_SHARE = 0.3
_LABEL_PART = {c: share / sum(LABEL_SHARE.values()) for c, share in LABEL_SHARE.items()}


class SessionsView(QStackedWidget):
    """The table (Name stretches; the other columns as wide as their texts, Project and
    Tags up to a share of the width) with a context menu, or the empty state."""

    selection_changed = Signal()  # the selected sessions changed (or were cleared)
    session_activated = Signal(object)  # Session: double-clicked, or Enter pressed on it
    filtered = Signal(object)  # FilterSummary | None: what the filter keeps, now

    def __init__(
        self,
        zone: tzinfo,
        rename: RenameHandler,
        actions: Actions,
        week_start: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        """``actions``: Delete works while the table has focus, Add is offered on empty
        past days, Filter focuses the filter, and the row menu holds what acts on rows;
        ``week_start``: the first weekday of the month's week groups, asked on each read."""
        super().__init__(parent)
        delete, self._add = actions.delete, actions.add
        self._week_start = week_start
        self._menu = actions.row_menu()
        # Laid out above this view by the window; filtering is this view's business.
        self.filter_bar = FilterBar(actions.filter, parent)
        self.filter_bar.filter_changed.connect(self.set_filter)
        self._empty = ""
        self._shown: tuple[Period, bool] | None = None
        self._now = datetime.now(UTC)
        self._past = False  # the shown period lies wholly before now
        self._add_button: QWidget | None = None  # made for the first past empty day
        self.row_menu: QMenu | None = None  # the open row menu, if any
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
        self.table.clicked.connect(self._on_table_clicked)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.table.addAction(delete)  # its shortcut works while the table has focus
        self.table.addAction(actions.rename)  # F2 too
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
        header.setMinimumSectionSize(48)
        self._cell_padding: int | None = None
        self.table.viewport().installEventFilter(self)
        self.addWidget(self.table)

        self.empty_page = QWidget(self)
        self._empty_layout = QVBoxLayout(self.empty_page)
        self.empty_label = QLabel(self.empty_page)
        self.empty_label.setObjectName("emptyStateLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        empty_font = self.empty_label.font()
        empty_font.setPointSizeF(empty_font.pointSizeF() * 1.15)
        self.empty_label.setFont(empty_font)
        self._empty_layout.addStretch(1)
        self._empty_layout.addWidget(self.empty_label)
        self._empty_layout.addStretch(1)
        self.addWidget(self.empty_page)
        self.restyle()

    def selected_sessions(self) -> list[Session]:
        """The selected sessions, top to bottom, each once (day headings are never
        selected; a session past midnight may be selected under both days)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        found = (self.model.session_at(row) for row in rows)
        unique = {session.id: session for session in found if session is not None}
        return list(unique.values())

    def set_filter(self, text: str) -> None:
        """Shows only the sessions that match ``text`` (see SessionsModel.set_filter)."""
        self.model.set_filter(text)
        self._fit_columns((*LABEL_COLUMNS, *TIME_COLUMNS))
        self._show_table_or_empty()
        self.selection_changed.emit()
        self._show_filter_summary()

    def _show_filter_summary(self) -> None:
        summary = self.model.filter_summary(self._now)
        self.filter_bar.show_summary(summary)
        self.filtered.emit(summary)

    def restyle(self) -> None:
        """The empty state in the muted colour, readable (4.5:1) on the window. A
        palette, not a style sheet: the first style sheet costs start-up time and memory."""
        palette = self.empty_label.palette()
        color = muted_text(QApplication.palette(), QPalette.ColorRole.Window)
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.empty_label.setPalette(palette)
        self.table.viewport().update()  # muted names and the overlap sign follow

    def select_sessions(self, session_ids: list[int]) -> None:
        """Selects the shown rows of ``session_ids`` (what an undo brought back)."""
        rows = [row for row in map(self.model.row_of, session_ids) if row >= 0]
        if not rows:
            return
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(self.model.index(row, NAME), flags)
        selection.setCurrentIndex(
            self.model.index(rows[0], NAME), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self.table.scrollTo(self.model.index(rows[0], NAME))

    def rename_selected(self) -> None:
        """F2: the selected session's name, edited in place."""
        rows = self.table.selectionModel().selectedRows(NAME)
        if len(rows) == 1 and self.model.session_at(rows[0].row()) is not None:
            self.table.setCurrentIndex(rows[0])
            self.table.edit(rows[0])

    # -- showing the state ---------------------------------------------------------------

    def show_sessions(self, report: PeriodReport) -> None:
        """The shown period's sessions, as just read."""
        self.model.week_start = self._week_start()
        self._now = report.now
        self.model.set_sessions(report.period, report.sessions, report.now)
        self._fit_columns((*LABEL_COLUMNS, *TIME_COLUMNS))
        self._show_table_or_empty()
        # A reset model drops the selection without saying so.
        self.selection_changed.emit()

    def show_period(self, period: Period, is_current: bool) -> None:
        """What the view says while the period holds no sessions."""
        self._shown = (period, is_current)
        self._past = not is_current and period.end <= self._now
        self._empty = empty_text(period, is_current, past=self._past)
        self._show_table_or_empty()

    def show_totals(self, totals: Totals) -> None:
        """The running row's duration and its day's total tick (and the filtered time)."""
        self._now = totals.now
        self.model.set_now(totals.now)
        self._fit_columns((DURATION,), ticking=True)  # "9:59:59" becomes "10:00:00"
        if self.model.filtering:
            self._show_filter_summary()

    def _show_table_or_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.setCurrentWidget(self.empty_page if empty else self.table)
        if not empty:
            return
        filtering = self.model.filtering and bool(self.model.sessions)
        if filtering and self._shown is not None:
            self.empty_label.setText(no_match_text(self._shown[0], self.model.filter_text))
        else:
            self.empty_label.setText(self._empty)
        past = self._past and not filtering
        if past and self._add_button is None:
            from PySide6.QtWidgets import QPushButton  # (a class the first paint does without)

            self._add_button = button = QPushButton(self._add.text(), self.empty_page)
            button.setObjectName("emptyStateAddButton")
            button.setToolTip(self._add.toolTip())
            button.clicked.connect(self._add.trigger)
            self._empty_layout.insertWidget(2, button, 0, Qt.AlignmentFlag.AlignHCenter)
        if self._add_button is not None:
            self._add_button.setVisible(past)

    # -- column sizing -------------------------------------------------------------------

    def _fit_columns(self, columns: tuple[int, ...], *, ticking: bool = False) -> None:
        """Makes each column but Name as wide as its widest text (and icon) or heading;
        Project and Tags at most their share of the width. Measured here rather than by
        the header's ResizeToContents, which has the view lay out every cell again
        (through the model, in Python) on each change and each tick. ``ticking``: only
        the texts that move with the clock are measured, and the columns only grow."""
        header = self.table.horizontalHeader()
        metrics: dict[int, QFontMetricsF] = {}
        viewport = self.table.viewport().width()
        # What Project and Tags may share: the width less the times and Name's least.
        times = sum(header.sectionSize(c) for c in TIME_COLUMNS if c not in columns)
        for column in sorted(columns, key=lambda c: c in LABEL_SHARE):  # the times first
            widest = 0.0
            # Each distinct text once (times and durations repeat); the model's fonts
            # are shared objects, so their identity tells them apart.
            texts = {
                (text, id(font)): font
                for text, font in self.model.shown_texts(column, ticking=ticking)
            }
            for (text, key), font in texts.items():
                if key not in metrics:
                    metrics[key] = QFontMetricsF(font)
                widest = max(widest, metrics[key].horizontalAdvance(text))
            # Whole pixels up, and one more: the view lays text out on fractional ones.
            width = math.ceil(widest) + 1 + self._padding_of_cells() if widest else 0
            if widest and column == PROJECT:  # the colour dot and its gap
                width += self.table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 6
            width = max(width, header.sectionSizeHint(column), header.minimumSectionSize())
            if column in LABEL_SHARE:
                room = max(0, viewport - times - int(viewport * NAME_SHARE))
                share = min(viewport * LABEL_SHARE[column], room * _LABEL_PART[column])
                width = min(width, max(int(share), header.minimumSectionSize()))
            else:
                times += width
            if ticking:
                width = max(width, header.sectionSize(column))
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_columns(LABEL_COLUMNS)  # their share of the new width
        elif (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            return self._table_key(event)
        return False

    def _table_key(self, event: QKeyEvent) -> bool:
        """Keys the table itself does not know; True when one was handled."""
        key, modifiers = event.key(), event.modifiers()
        row = self.table.currentIndex().row()
        if key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier
        ):
            self.open_row_menu()
            return True
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            return False
        if key in TOGGLE_KEYS and self.model.heading_at(row) is not None:
            self._toggle(row)
            return True
        if key not in (Qt.Key.Key_Left, Qt.Key.Key_Right) or row < 0:
            return False
        rtl = self.table.layoutDirection() == Qt.LayoutDirection.RightToLeft
        expand = (key == Qt.Key.Key_Right) != rtl
        if self.model.heading_at(row) is not None:
            if self.model.is_expanded(row) != expand:
                self.model.set_expanded(row, expand)
            elif not expand and self.model.heading_of(row) >= 0:  # a day: to its week
                self._go_to(self.model.heading_of(row))
            return True
        if not expand and self.model.heading_of(row) >= 0:  # a session: to its day
            self._go_to(self.model.heading_of(row))
            return True
        return False

    def _go_to(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, self.table.selectionModel().SelectionFlag.ClearAndSelect
        )
        self.table.scrollTo(index)

    def open_row_menu(self) -> None:
        """The row menu at the current row (from the keyboard), or at the top."""
        index = self.table.currentIndex()
        if index.isValid():
            rect = self.table.visualRect(index.siblingAtColumn(0))
            self.table.scrollTo(index)
            position = QPoint(rect.left() + 12, rect.bottom())
        else:
            position = QPoint(12, 0)
        self._on_table_context_menu_requested(position)

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

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self._toggle(index.row())

    def _toggle(self, row: int) -> None:
        """Collapses an expanded heading, expands a collapsed one."""
        if self.model.heading_at(row) is not None:
            self.model.set_expanded(row, not self.model.is_expanded(row))

    def _on_table_context_menu_requested(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        if self.row_menu is not None:
            self.row_menu.deleteLater()
        self.row_menu = menu = QMenu(self)
        menu.setObjectName("sessionRowMenu")
        for action in self._menu:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(position))
