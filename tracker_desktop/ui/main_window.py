"""The main window: timer bar, period bar and the sessions of the shown period.

All state comes from the database (through the Tracker) plus the clock; the window
keeps nothing that a restart could lose.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPalette,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.errors import InvalidInputError, TrackerError
from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.history import Change
from tracker_desktop.core.periods import Period, PeriodKind, period_containing, shift_period
from tracker_desktop.core.service import Session, Tracker, clipped_total
from tracker_desktop.core.timeparse import local_instant
from tracker_desktop.ui.icons import tinted_icon
from tracker_desktop.ui.sessions_model import (
    DURATION,
    NAME,
    START,
    TIME_COLUMNS,
    UNNAMED,
    SessionsModel,
    tabular_font,
)

if TYPE_CHECKING:  # imported where used: none of them is needed for the first paint
    from PySide6.QtWidgets import QCompleter

    from tracker_desktop.core.gaps import GapAnswer, GapKind, GapQuestion
    from tracker_desktop.ui.maintenance import UpkeepResult
    from tracker_desktop.ui.session_dialog import SessionFields
    from tracker_desktop.ui.tray import TrayIcon

log = logging.getLogger(__name__)
T = TypeVar("T")

APP_TITLE = "Tracker Desktop"
# White text reads on this red in light and dark themes alike.
STOP_COLOR = QColor("#d64541")
DEFAULT_SIZE = (900, 600)
MINIMUM_SIZE = (560, 400)
MESSAGE_MS = 5000
CHANGE_POLL_MS = 1000  # other processes' changes show within two seconds
ALIVE_CHECK_MS = 5000
HEARTBEAT_EVERY = timedelta(minutes=1)
DEFAULT_GAP_MINUTES = 30
COMPLETIONS = 50
TRAY_RECENT = 5

_CURRENT_LABELS = {
    PeriodKind.DAY: "Today",
    PeriodKind.WEEK: "This Week",
    PeriodKind.MONTH: "This Month",
}


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _label(session: Session) -> str:
    return f"“{session.name}”" if session.name else "unnamed session"


class MainWindow(QMainWindow):
    """Start, stop and name sessions; browse days, weeks and months."""

    sessions_changed = Signal()

    def __init__(self, tracker: Tracker, settings: QSettings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._tracker = tracker
        self._settings = settings
        self._running: Session | None = None
        self._locale = QLocale()
        kind = str(settings.value("view/period", PeriodKind.DAY.value))
        self._kind = PeriodKind(kind) if kind in set(PeriodKind) else PeriodKind.DAY
        self._period = self._current_period()

        self._today_sessions: tuple[Session, ...] = ()
        self._today_period = period_containing(PeriodKind.DAY, self._today(), tracker.zone)
        self._quitting = False
        self._asked_gaps: set[tuple[int, datetime]] = set()

        self._tick_timer = _named(QTimer(self, singleShot=True), "tickTimer")
        self._tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick_timer.timeout.connect(self._on_tick_timer_timeout)

        # Made after the first paint (finish_after_first_paint): completion of recent
        # names and the tray icon; meanwhile refresh() keeps what the tray is to show.
        self._completer: QCompleter | None = None
        self.tray: TrayIcon | None = None
        self._tray_state: tuple[Session | None, str, str] = (None, "0:00:00", "0:00:00")
        self._build_actions()
        self._build_ui()
        self._build_menus()
        self._restore_geometry()
        self.refresh()

        # Another process (the CLI, a script) changing the database shows up here.
        self._data_version = self._read_data_version()
        self._change_poll_timer = _named(QTimer(self), "changePollTimer")
        self._change_poll_timer.setInterval(CHANGE_POLL_MS)
        self._change_poll_timer.timeout.connect(self._on_change_poll_timer_timeout)
        self._change_poll_timer.start()

        # Noticing sleep: the wall clock jumping between two checks.
        self._last_check = self._tracker.now()
        self._last_heartbeat_saved: datetime | None = None
        self._alive_timer = _named(QTimer(self), "aliveTimer")
        self._alive_timer.setInterval(ALIVE_CHECK_MS)
        self._alive_timer.timeout.connect(self._on_alive_timer_timeout)
        self._alive_timer.start()
        self._alive_before_this_run = self._saved_heartbeat()

    def finish_after_first_paint(self) -> None:
        """What the first paint does without, as it costs start-up time: the first
        heartbeat (a write to disk), the name field's clear button (it shows only once
        there is text to clear), the completion of recent names, the Start at Login
        preference in the File menu, and the tray icon (shown by show_tray_when_possible)."""
        if self._completer is not None:
            return
        from PySide6.QtWidgets import QCompleter

        from tracker_desktop.ui import tray  # deferred with the icon it makes
        from tracker_desktop.ui.preferences import add_start_at_login_action

        self._save_heartbeat(self._tracker.now())
        self.name_edit.setClearButtonEnabled(True)
        completer = QCompleter([], self.name_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_edit.setCompleter(completer)
        self._completer = completer
        self.action_start_at_login = add_start_at_login_action(
            self._file_menu, self.show_error, before=self.action_quit
        )
        self.tray = tray.TrayIcon(
            self,
            self.action_start_stop,
            self.action_show_window,
            self.action_quit,
            self.continue_from,
        )
        self.tray.host_appeared = self._on_tray_host_appeared
        self.tray.update_state(*self._tray_state)
        try:
            self._show_recent(self._tracker.recent_distinct(COMPLETIONS))
        except TrackerError as error:
            self.show_error(str(error))

    def _show_recent(self, recent: list[Session]) -> None:
        """The latest distinct names: to complete from, and in the tray's Continue menu."""
        if self._completer is not None:
            self._completer.model().setStringList([s.name for s in recent])  # type: ignore[attr-defined]
        if self.tray is not None:
            self.tray.set_recent(recent[:TRAY_RECENT])

    def show_tray_when_possible(self) -> None:
        """Shows the tray icon once a tray host is there (see TrayIcon)."""
        self.finish_after_first_paint()
        assert self.tray is not None
        self.tray.show_when_possible()

    # -- building ----------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], None],
        shortcuts: tuple[QKeySequence | QKeySequence.StandardKey | str, ...] = (),
        checkable: bool = False,
    ) -> QAction:
        action = _named(QAction(text, self, checkable=checkable), name)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        self.action_start_stop = self._action(
            "actionStartStop",
            "Start",
            self._on_action_start_stop_triggered,
            ("Ctrl+Return", "Ctrl+Enter"),
        )
        self.action_discard = self._action(
            "actionDiscard",
            "Discard Running Session…",
            self._on_action_discard_triggered,
            ("Ctrl+Shift+Backspace",),
        )
        self.action_quit = self._action(
            "actionQuit", "Quit", self._on_action_quit_triggered, ("Ctrl+Q",)
        )
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.action_show_window = self._action(
            "actionShowWindow", "Show Window", self.show_and_raise
        )
        self._period_group = QActionGroup(self)
        self.period_actions: dict[PeriodKind, QAction] = {}
        for kind, name, text, key in (
            (PeriodKind.DAY, "actionShowDay", "Day", "Ctrl+1"),
            (PeriodKind.WEEK, "actionShowWeek", "Week", "Ctrl+2"),
            (PeriodKind.MONTH, "actionShowMonth", "Month", "Ctrl+3"),
        ):
            action = self._action(name, text, self._period_kind_slot(kind), (key,), checkable=True)
            action.setChecked(kind is self._kind)
            self._period_group.addAction(action)
            self.period_actions[kind] = action
        self.action_previous = self._action(
            "actionPreviousPeriod", "Previous", lambda: self._move_period(-1), ("Alt+Left",)
        )
        self.action_next = self._action(
            "actionNextPeriod", "Next", lambda: self._move_period(1), ("Alt+Right",)
        )
        self.action_current = self._action(
            "actionCurrentPeriod", "Today", self.show_current_period, ("Alt+Home",)
        )
        self.action_add = self._action(
            "actionAddSession", "Add Session…", self._on_action_add_triggered, ("Ctrl+N",)
        )
        self.action_edit = self._action(
            "actionEditSession", "Edit Session…", self._on_action_edit_triggered, ("Ctrl+E",)
        )
        self.action_delete = self._action(
            "actionDeleteSessions", "Delete", self._on_action_delete_triggered, ("Del",)
        )
        # Delete only while the table itself has focus: never while typing a name.
        self.action_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.removeAction(self.action_delete)
        self.action_continue = self._action(
            "actionContinueSession", "Continue Session", self._on_action_continue_triggered
        )
        self.action_backup = self._action(
            "actionBackupNow", "Back Up Now", self._on_action_backup_triggered
        )
        self.action_restore = self._action(
            "actionRestoreBackup", "Restore from Backup…", self._on_action_restore_triggered
        )
        self.undo_stack = QUndoStack(self)
        self.action_undo = _named(self.undo_stack.createUndoAction(self, "&Undo"), "actionUndo")
        self.action_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.action_redo = _named(self.undo_stack.createRedoAction(self, "&Redo"), "actionRedo")
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:  # the platform may say Ctrl+Y only
            redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        self.action_redo.setShortcuts(redo_keys)
        self.addActions([self.action_undo, self.action_redo])
        self._tracker.changes.add(self._on_tracker_change)

        text_color = self.palette().color(QPalette.ColorRole.ButtonText)
        self.action_previous.setIcon(tinted_icon("chevron-left", text_color))
        self.action_next.setIcon(tinted_icon("chevron-right", text_color))
        self.action_discard.setIcon(tinted_icon("discard", text_color))
        for action in (
            *self.period_actions.values(),
            self.action_previous,
            self.action_next,
            self.action_current,
            self.action_discard,
            self.action_add,
            self.action_edit,
            self.action_delete,
        ):
            _describe_shortcut(action)

    def _period_kind_slot(self, kind: PeriodKind) -> Callable[[], None]:
        return lambda: self.show_period_kind(kind)

    def _build_ui(self) -> None:
        self.setWindowTitle(APP_TITLE)
        self.setMinimumSize(*MINIMUM_SIZE)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(16, 14, 16, 8)
        layout.setSpacing(12)
        layout.addWidget(self._build_timer_bar())
        layout.addWidget(self._build_message_banner())
        layout.addWidget(_separator())
        layout.addWidget(self._build_period_bar())
        layout.addWidget(self._build_sessions_view(), 1)
        self.setCentralWidget(central)
        self.setTabOrder(self.name_edit, self.start_stop_button)
        self.statusBar().setSizeGripEnabled(True)

    def _build_timer_bar(self) -> QWidget:
        bar = _named(QWidget(self), "timerBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)

        self.name_edit = _named(QLineEdit(bar), "sessionNameEdit")
        self.name_edit.setPlaceholderText("What are you working on?")
        self.name_edit.setAccessibleName("Session name")
        name_font = self.name_edit.font()
        name_font.setPointSizeF(name_font.pointSizeF() * 1.3)
        self.name_edit.setFont(name_font)
        self.name_edit.setMinimumHeight(40)
        self.name_edit.returnPressed.connect(self._on_name_edit_return_pressed)
        self.name_edit.editingFinished.connect(self._on_name_edit_editing_finished)
        row.addWidget(self.name_edit, 1)

        self.elapsed_label = _named(QLabel("0:00:00", bar), "elapsedLabel")
        self.elapsed_label.setAccessibleName("Running time")
        font = tabular_font(self.elapsed_label.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setWeight(QFont.Weight.DemiBold)
        self.elapsed_label.setFont(font)
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Wide enough for 999 hours, so the bar never jumps while it ticks.
        self.elapsed_label.setMinimumWidth(
            self.elapsed_label.fontMetrics().horizontalAdvance("000:00:00") + 8
        )
        row.addWidget(self.elapsed_label)

        self.start_stop_button = _named(QToolButton(bar), "startStopButton")
        self.start_stop_button.setDefaultAction(self.action_start_stop)
        self.start_stop_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.start_stop_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.start_stop_button.setMinimumSize(112, 40)
        button_font = self.start_stop_button.font()
        button_font.setBold(True)
        button_font.setPointSizeF(button_font.pointSizeF() * 1.15)
        self.start_stop_button.setFont(button_font)
        row.addWidget(self.start_stop_button)
        return bar

    def _build_message_banner(self) -> QWidget:
        self.message_banner = _named(QFrame(self), "messageBanner")
        self.message_banner.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.message_banner)
        row.setContentsMargins(10, 6, 6, 6)
        self.message_label = _named(QLabel(self.message_banner), "messageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.message_label, 1)
        dismiss = _named(QToolButton(self.message_banner), "dismissMessageButton")
        dismiss.setText("✕")
        dismiss.setAutoRaise(True)
        dismiss.setToolTip("Dismiss")
        dismiss.setAccessibleName("Dismiss message")
        dismiss.clicked.connect(self.message_banner.hide)
        row.addWidget(dismiss)
        self.message_banner.hide()  # styled when first shown: style sheets cost start-up
        return self.message_banner

    def _build_period_bar(self) -> QWidget:
        bar = _named(QWidget(self), "periodBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        segments = QHBoxLayout()
        segments.setSpacing(0)
        for action in self.period_actions.values():
            button = QToolButton(bar)
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setMinimumWidth(64)
            segments.addWidget(button)
        row.addLayout(segments)
        row.addSpacing(10)
        for action in (self.action_previous, self.action_next):
            button = QToolButton(bar)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            row.addWidget(button)
        current = _named(QToolButton(bar), "currentPeriodButton")
        current.setDefaultAction(self.action_current)
        current.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        row.addWidget(current)
        row.addSpacing(10)

        self.period_title_label = _named(QLabel(bar), "periodTitleLabel")
        title_font = self.period_title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.period_title_label.setFont(title_font)
        self.period_title_label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        row.addWidget(self.period_title_label, 1)

        self.period_total_label = _named(QLabel(bar), "periodTotalLabel")
        self.period_total_label.setAccessibleName("Total time in the shown period")
        total_font = tabular_font(self.period_total_label.font())
        total_font.setPointSizeF(total_font.pointSizeF() * 1.5)
        total_font.setBold(True)
        self.period_total_label.setFont(total_font)
        self.period_total_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        row.addWidget(self.period_total_label)
        return bar

    def _build_sessions_view(self) -> QWidget:
        self._stack = QStackedWidget(self)
        self.model = SessionsModel(self._rename_from_table, self._tracker.zone, self)
        self.table = _named(QTableView(self._stack), "sessionsTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName("Sessions")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # F2 renames in place; double-click and Enter open the edit dialog.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_selection_actions)
        self.table.addAction(self.action_delete)
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
        for column in TIME_COLUMNS:  # sized by _fit_time_columns
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(90)
        self._cell_padding: int | None = None
        self._stack.addWidget(self.table)

        self.empty_label = _named(QLabel(self._stack), "emptyStateLabel")
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
        self._stack.addWidget(self.empty_label)
        return self._stack

    def _build_menus(self) -> None:
        menus: tuple[tuple[str, list[QAction | None]], ...] = (
            ("&File", [self.action_backup, self.action_restore, None, self.action_quit]),
            (
                "&Session",
                [
                    self.action_start_stop,
                    self.action_continue,
                    self.action_discard,
                    None,
                    self.action_add,
                ],
            ),
            (
                "&Edit",
                [self.action_undo, self.action_redo, None, self.action_edit, self.action_delete],
            ),
            (
                "&View",
                [
                    *self.period_actions.values(),
                    None,
                    self.action_previous,
                    self.action_next,
                    self.action_current,
                ],
            ),
        )
        for title, actions in menus:
            menu = self.menuBar().addMenu(title)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
            if title == "&File":
                self._file_menu = menu  # Start at Login joins it after the first paint

    # -- state -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reloads the running session and the shown period from the database."""
        today = period_containing(PeriodKind.DAY, self._today(), self._tracker.zone)
        try:
            running = self._tracker.running()
            report = self._tracker.period_report(self._period)
            if report.period.start <= today.start and today.end <= report.period.end:
                # Today is part of the shown period: no second query.
                today_sessions = tuple(
                    s for s in report.sessions if s.overlaps(today.start, today.end, report.now)
                )
            else:
                today_sessions = tuple(self._tracker.sessions_between(today.start, today.end))
            # Only once there is a completer and a tray to show them (after the first paint).
            recent = self._tracker.recent_distinct(COMPLETIONS) if self._completer else None
        except TrackerError as error:
            self.show_error(str(error))
            return
        self._today_period, self._today_sessions = today, today_sessions
        if recent is not None:
            self._show_recent(recent)
        changed_session = (running and running.id) != (self._running and self._running.id)
        self._running = running
        self.model.set_sessions(report.period, report.sessions, report.now)
        self._fit_time_columns(TIME_COLUMNS)
        if running is None:
            if changed_session:
                self.name_edit.clear()
        elif changed_session or not self.name_edit.isModified():
            self.name_edit.setText(running.name)
        self._update_running_state()
        self._update_period_bar()
        self._update_selection_actions()
        self._update_clock()

    def _update_running_state(self) -> None:
        running = self._running is not None
        action = self.action_start_stop
        action.setText("Stop" if running else "Start")
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        verb = "Stop and save the running session" if running else "Start a session"
        action.setToolTip(f"{verb} ({shortcut})")
        action.setIcon(tinted_icon("stop" if running else "play", QColor("white")))
        self.action_discard.setEnabled(running)
        base = STOP_COLOR if running else self.palette().color(QPalette.ColorRole.Highlight)
        text = (
            QColor("white") if running else self.palette().color(QPalette.ColorRole.HighlightedText)
        )
        self.start_stop_button.setStyleSheet(
            "#startStopButton {"
            f" background: {base.name()}; color: {text.name()}; border: none;"
            " border-radius: 20px; padding: 6px 20px 6px 14px; }"
            f"#startStopButton:hover {{ background: {base.lighter(112).name()}; }}"
            f"#startStopButton:pressed {{ background: {base.darker(115).name()}; }}"
            f"#startStopButton:focus {{ border: 2px solid {text.name()}; }}"
        )

    def _update_period_bar(self) -> None:
        period = self._period
        self.period_title_label.setText(self._period_title(period))
        is_current = period == self._current_period()
        self.action_current.setText(_CURRENT_LABELS[period.kind])
        self.action_current.setEnabled(not is_current)
        _describe_shortcut(self.action_current)
        noun = period.kind.value
        self.action_previous.setText(f"Previous {noun.title()}")
        self.action_next.setText(f"Next {noun.title()}")
        for action in (self.action_previous, self.action_next):
            _describe_shortcut(action)
        empty = self.model.rowCount() == 0
        self._stack.setCurrentWidget(self.empty_label if empty else self.table)
        if empty:
            self.empty_label.setText(self._empty_text(period, is_current))

    def _fit_time_columns(self, columns: tuple[int, ...]) -> None:
        """Makes Start, End and Duration as wide as their widest text or heading. Measured
        here rather than by the header's ResizeToContents, which has the view lay out
        every cell again (through the model, in Python) on each change and each tick."""
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
            width = max(width, header.sectionSizeHint(column), header.minimumSectionSize())
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

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

    def _update_clock(self) -> None:
        """Redraws everything that depends on "now"; ticks each second while running."""
        now = self._tracker.now()
        if now.astimezone(self._tracker.zone).date() != self._today_shown:
            self._follow_today()
        self.model.set_now(now)
        self._fit_time_columns((DURATION,))  # "9:59:59" becomes "10:00:00"
        total = clipped_total(self.model.sessions, self._period.start, self._period.end, now)
        self.period_total_label.setText(f"Total {format_duration(total)}")
        today = self._today_period
        today_total = format_duration(
            clipped_total(self._today_sessions, today.start, today.end, now)
        )
        running = self._running
        if running is None:
            self.elapsed_label.setText("0:00:00")
            self.setWindowTitle(APP_TITLE)
            self._set_tray_state(None, "0:00:00", today_total)
            self._tick_timer.stop()
            return
        elapsed = format_duration(running.duration(now))
        self.elapsed_label.setText(elapsed)
        self.setWindowTitle(f"{running.name or UNNAMED} — {elapsed}")
        self._set_tray_state(running, elapsed, today_total)
        # Fire just after the next whole second, so the display never skips one.
        self._tick_timer.start(1000 - int(time.time() * 1000) % 1000 + 5)

    def _set_tray_state(self, running: Session | None, elapsed: str, today_total: str) -> None:
        self._tray_state = (running, elapsed, today_total)
        if self.tray is not None:
            self.tray.update_state(running, elapsed, today_total)

    # -- periods -----------------------------------------------------------------------

    def _today(self) -> date:
        return self._tracker.now().astimezone(self._tracker.zone).date()

    def _current_period(self) -> Period:
        self._today_shown = self._today()
        return period_containing(self._kind, self._today_shown, self._tracker.zone)

    def _follow_today(self) -> None:
        """After midnight, a window showing the current period moves on with it."""
        was_current = self._period == period_containing(
            self._kind, self._today_shown, self._tracker.zone
        )
        new_current = self._current_period()
        if was_current and new_current != self._period:
            self._period = new_current
            self.refresh()

    def show_period_kind(self, kind: PeriodKind) -> None:
        """Switches to the day, week or month containing the first day now shown."""
        today = self._today()
        anchor = (
            today
            if self._period.first_day <= today < self._period.end_day
            else (self._period.first_day)
        )
        self._kind = kind
        self.period_actions[kind].setChecked(True)
        self._settings.setValue("view/period", kind.value)
        self._period = period_containing(kind, anchor, self._tracker.zone)
        self.refresh()

    def show_current_period(self) -> None:
        self._period = self._current_period()
        self.refresh()

    def _move_period(self, steps: int) -> None:
        self._period = shift_period(self._period, steps, self._tracker.zone)
        self.refresh()

    def _period_title(self, period: Period) -> str:
        first, last = _qdate(period.first_day), _qdate(period.last_day)
        locale = self._locale
        if period.kind is PeriodKind.DAY:
            return locale.toString(first, "dddd d MMMM yyyy")
        if period.kind is PeriodKind.MONTH:
            return locale.toString(first, "MMMM yyyy")
        if first.year() != last.year():
            return (
                f"{locale.toString(first, 'ddd d MMM yyyy')} – "
                f"{locale.toString(last, 'ddd d MMM yyyy')}"
            )
        if first.month() != last.month():
            return (
                f"{locale.toString(first, 'ddd d MMM')} – {locale.toString(last, 'ddd d MMM yyyy')}"
            )
        return f"{locale.toString(first, 'ddd d')} – {locale.toString(last, 'ddd d MMM yyyy')}"

    def _empty_text(self, period: Period, is_current: bool) -> str:
        hint = "\nType what you're working on and press Enter."
        if is_current:
            where = {
                PeriodKind.DAY: "today",
                PeriodKind.WEEK: "this week",
                PeriodKind.MONTH: "this month",
            }[period.kind]
            return f"Nothing tracked {where}.{hint}"
        return f"Nothing tracked in {self._period_title(period)}."

    # -- changes -----------------------------------------------------------------------

    def _attempt(self, operation: Callable[[], T]) -> T | None:
        """Runs a tracker operation; a refusal becomes a message, never a crash."""
        try:
            result = operation()
        except TrackerError as error:
            self.show_error(str(error))
            return None
        self.message_banner.hide()
        return result

    def start_session(self) -> None:
        name = self.name_edit.text()
        switch = self._attempt(lambda: self._tracker.start(name))
        if switch is None:
            return
        self.name_edit.setText(switch.started.name)
        note = f"Started {_label(switch.started)}"
        if switch.stopped is not None:
            note = f"Saved {_label(switch.stopped)} and started {_label(switch.started)}"
        self._after_change(note)

    def stop_session(self) -> None:
        self._commit_name_edit()
        session = self._attempt(self._tracker.stop)
        if session is None:
            return
        self.name_edit.clear()
        self._after_change(
            f"Saved {_label(session)} — {format_duration(session.duration(session.start))}"
        )

    def _after_change(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)
        self.refresh()
        self.sessions_changed.emit()

    def _commit_name_edit(self) -> None:
        """Renames the running session to the name field's text, if it was edited."""
        running = self._running
        if running is None or not self.name_edit.isModified():
            return
        text = self.name_edit.text()
        session = self._attempt(lambda: self._tracker.rename(text, running.id))
        if session is not None:
            self.name_edit.setText(session.name)  # shows the cleaned name, not modified
            self._after_change(f"Renamed to {_label(session)}")

    def _rename_from_table(self, session_id: int, text: str) -> Session | None:
        session = self._attempt(lambda: self._tracker.rename(text, session_id))
        if session is not None:
            self.statusBar().showMessage(f"Renamed to {_label(session)}", MESSAGE_MS)
            if self._running is not None and self._running.id == session.id:
                self._running = session
                self.name_edit.setText(session.name)
                self._update_clock()
            self.sessions_changed.emit()
        return session

    def show_error(self, message: str) -> None:
        log.info("shown to user: %s", message)
        self.message_label.setText(message)
        if not self.message_banner.styleSheet():
            warn = QColor(STOP_COLOR)
            warn.setAlpha(36)
            self.message_banner.setStyleSheet(
                f"#messageBanner {{ background: rgba({warn.red()},{warn.green()},{warn.blue()},"
                f"{warn.alpha()}); border: 1px solid {STOP_COLOR.name()}; border-radius: 6px; }}"
            )
        self.message_banner.show()

    def show_and_raise(self) -> None:
        self.show()
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- history ----------------------------------------------------------------------

    def selected_sessions(self) -> list[Session]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        found = (self.model.session_at(row) for row in rows)
        return [session for session in found if session is not None]

    def _update_selection_actions(self) -> None:
        selected = self.selected_sessions()
        self.action_edit.setEnabled(len(selected) == 1)
        self.action_delete.setEnabled(bool(selected))
        self.action_delete.setText(
            f"Delete {len(selected)} Sessions" if len(selected) > 1 else "Delete"
        )

    def edit_session(self, session: Session) -> None:
        """Asks for corrected fields until they are saved or the user cancels."""

        def check(fields: SessionFields) -> None:
            self._tracker.check_fields(
                fields.name,
                fields.start,
                fields.end,
                running=session.running,
                stored=(session.start, session.end),
            )

        def save(fields: SessionFields) -> Session:
            return self._tracker.edit(
                session.id, name=fields.name, start=fields.start, end=fields.end
            )

        from tracker_desktop.ui.session_dialog import SessionFields

        fields = SessionFields(session.name, session.start, session.end)
        self._ask_and_save("Edit Session", fields, check, save, session.running, "Saved")

    def add_session(self) -> None:
        """Asks for a forgotten session (by default the hour before now, or 9–10 on the
        first day of a past period) and records it."""
        now = self._tracker.now()
        if self._period.start <= now < self._period.end:
            end = now.replace(second=0)
        else:
            end = local_instant(
                datetime.combine(self._period.first_day, dt_time(10)), self._tracker.zone
            )

        def check(fields: SessionFields) -> None:
            self._tracker.check_fields(fields.name, fields.start, fields.end)

        def save(fields: SessionFields) -> Session:
            assert fields.end is not None  # the add dialog offers no "still running"
            return self._tracker.add(fields.name, fields.start, fields.end)

        from tracker_desktop.ui.session_dialog import SessionFields

        fields = SessionFields("", end - timedelta(hours=1), end)
        self._ask_and_save("Add Session", fields, check, save, False, "Added")

    def _ask_and_save(
        self,
        title: str,
        fields: SessionFields,
        check: Callable[[SessionFields], None],
        save: Callable[[SessionFields], Session],
        may_run: bool,
        verb: str,
    ) -> None:
        from tracker_desktop.ui.session_dialog import SessionDialog

        error: InvalidInputError | None = None
        while True:
            answer = SessionDialog.ask(
                self, title, fields, self._tracker.zone, check, may_run=may_run, error=error
            )
            if answer is None:
                return
            try:
                session = save(answer)
            except InvalidInputError as refused:  # checked, yet refused: ask again
                fields, error = answer, refused
                continue
            except TrackerError as failure:
                self.show_error(str(failure))
                return
            self.message_banner.hide()
            self._after_change(f"{verb} {_label(session)}")
            return

    def _on_tracker_change(self, change: Change) -> None:
        self.undo_stack.push(_ChangeCommand(change, self))

    def apply_change(self, change: Change, command: QUndoCommand, verb: str) -> None:
        """Undoes or redoes ``change``; a refusal drops it from the history, explained."""
        try:
            self._tracker.apply(change)
        except TrackerError as error:
            self.show_error(str(error))
            command.setObsolete(True)
        else:
            self.message_banner.hide()
            self.statusBar().showMessage(f"{verb}: {change.description}", MESSAGE_MS)
        self.name_edit.setModified(False)
        self.refresh()
        self.sessions_changed.emit()

    # -- slots -------------------------------------------------------------------------

    def _on_action_start_stop_triggered(self) -> None:
        if self._running is None:
            self.start_session()
        else:
            self.stop_session()

    def _on_action_discard_triggered(self) -> None:
        running = self._running
        if running is None:
            return
        elapsed = format_duration(running.duration(self._tracker.now()))
        from tracker_desktop.ui.dialogs import Confirmation  # its QMessageBox waits till asked

        if not Confirmation.ask(
            self,
            "Discard running session?",
            f"{_label(running).capitalize()} has been running for {elapsed}.\n"
            "Discarding deletes it without saving.",
            "Discard",
        ):
            return
        session = self._attempt(self._tracker.discard)
        if session is not None:
            self.name_edit.clear()
            self._after_change(f"Discarded {_label(session)}")

    def _on_action_add_triggered(self) -> None:
        self.add_session()

    def _on_action_edit_triggered(self) -> None:
        selected = self.selected_sessions()
        if len(selected) == 1:
            self.edit_session(selected[0])

    def _on_table_activated(self, index: QModelIndex) -> None:
        session = self.model.session_at(index.row())
        if session is not None:
            self.edit_session(session)

    def _on_action_delete_triggered(self) -> None:
        selected = self.selected_sessions()
        if not selected:
            return
        deleted = self._attempt(lambda: self._tracker.delete(s.id for s in selected))
        if deleted:
            if any(s.running for s in deleted):
                self.name_edit.clear()
            what = _label(deleted[0]) if len(deleted) == 1 else f"{len(deleted)} sessions"
            undo = self.action_undo.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self._after_change(f"Deleted {what} — {undo} brings it back")

    def _on_action_continue_triggered(self) -> None:
        selected = self.selected_sessions()
        self.continue_from(selected[0].id if selected else None)

    def continue_from(self, session_id: int | None) -> None:
        """Starts a new session named like ``session_id`` (default: the most recent)."""
        switch = self._attempt(lambda: self._tracker.continue_session(session_id))
        if switch is not None:
            self.name_edit.setText(switch.started.name)
            self._after_change(f"Continued {_label(switch.started)}")

    def _on_table_context_menu_requested(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.action_edit)
        menu.addAction(self.action_continue)
        menu.addSeparator()
        menu.addAction(self.action_delete)
        menu.addSeparator()
        menu.addAction(self.action_add)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _on_action_quit_triggered(self) -> None:
        self._quitting = True
        self.close()
        QApplication.quit()

    def _on_tray_host_appeared(self) -> None:
        # From now on closing the window hides it to the tray; Quit quits.
        QApplication.setQuitOnLastWindowClosed(False)

    def _read_data_version(self) -> int | None:
        try:
            return self._tracker.storage.data_version()
        except TrackerError as error:
            log.warning("cannot watch the database for changes: %s", error)
            return None

    def _on_change_poll_timer_timeout(self) -> None:
        version = self._read_data_version()
        if version is not None and version != self._data_version:
            self._data_version = version
            self.refresh()

    # -- backups -----------------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        return self._tracker.storage.path.parent

    def start_upkeep(self) -> None:
        """The integrity check and the day's backup, off the GUI thread."""
        from tracker_desktop.ui.maintenance import Upkeep

        self._upkeep = Upkeep()
        self._upkeep.finished.connect(self._on_upkeep_finished)
        self._upkeep.start(self.data_dir, self._tracker.now(), self._tracker.zone)

    def _on_upkeep_finished(self, result: UpkeepResult) -> None:
        if result.problem is not None:
            self.show_error(
                f"{self._tracker.storage.path} failed its integrity check ({result.problem}). "
                "File ▸ Restore from Backup… puts back a good copy; the current file is kept."
            )
        elif result.error is not None:
            log.warning("daily backup failed: %s", result.error)
            self.statusBar().showMessage(f"Could not make today's backup: {result.error}")
        elif result.backup is not None:
            log.info("today's backup: %s", result.backup.path)  # routine: no message

    def _on_action_backup_triggered(self) -> None:
        from tracker_desktop.core.storage import make_backup

        backup = self._attempt(lambda: make_backup(self.data_dir, "manual", self._tracker.now()))
        if backup is not None:
            self.statusBar().showMessage(f"Backed up to {backup.path}", MESSAGE_MS)

    def _on_action_restore_triggered(self) -> None:
        from tracker_desktop.core.layout import list_backups
        from tracker_desktop.ui.recovery import RestoreDialog

        available = list_backups(self.data_dir)
        if not available:
            self.show_error(f"There are no backups in {self.data_dir / 'backups'} yet.")
            return
        chosen = RestoreDialog.ask(self, available, self._tracker.zone)
        if chosen is not None:
            self.restore_backup(chosen)

    def restore_backup(self, backup: Path) -> None:
        """Replaces the database with ``backup`` (the current file is kept aside)."""
        self._commit_name_edit()
        restored = self._attempt(lambda: self._tracker.storage.restore(backup, self._tracker.now()))
        if restored is None:
            return
        self.undo_stack.clear()  # the history no longer matches the rows
        self._data_version = self._read_data_version()
        self.name_edit.setModified(False)
        kept = f"; the replaced file is {restored.kept_aside.name}" if restored.kept_aside else ""
        self._after_change(f"Restored {restored.backup.name}{kept}")

    # -- sleep, shutdown and crashes ---------------------------------------------------

    def gap_threshold(self) -> timedelta:
        minutes = self._settings.value("gaps/threshold_minutes", DEFAULT_GAP_MINUTES)
        try:
            return timedelta(minutes=max(float(minutes), 1.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return timedelta(minutes=DEFAULT_GAP_MINUTES)

    def check_gap_since_last_run(self) -> None:
        """At start-up: asks about a running session that the app was not there to see."""
        from tracker_desktop.core.gaps import GapKind  # with the questions, after the paint

        if self._alive_before_this_run is not None:
            self._ask_about_gap(self._alive_before_this_run, self._tracker.now(), GapKind.ABSENT)

    def _saved_heartbeat(self) -> datetime | None:
        value = self._settings.value("app/last_alive")
        try:
            saved = datetime.fromisoformat(str(value)) if value else None
        except ValueError:
            return None
        return saved if saved is not None and saved.tzinfo is not None else None

    def _on_alive_timer_timeout(self) -> None:
        now = self._tracker.now()
        if now - self._last_check > self.gap_threshold():
            from tracker_desktop.core.gaps import GapKind

            self._ask_about_gap(self._last_check, now, GapKind.SLEEP)
        self._last_check = now
        self._save_heartbeat(now)

    def _save_heartbeat(self, now: datetime, *, force: bool = False) -> None:
        """Remembers that the app was alive at ``now`` (written at most once a minute)."""
        saved = self._last_heartbeat_saved
        if force or saved is None or not timedelta(0) <= now - saved < HEARTBEAT_EVERY:
            self._settings.setValue("app/last_alive", now.isoformat())
            self._settings.sync()
            self._last_heartbeat_saved = now

    def _ask_about_gap(self, gap_start: datetime, gap_end: datetime, kind: GapKind) -> None:
        from tracker_desktop.core.gaps import question_for

        question = question_for(self._running, gap_start, gap_end, kind, self.gap_threshold())
        if question is None:
            return
        key = (question.session.id, question.gap_start)
        if key in self._asked_gaps:
            return
        self._asked_gaps.add(key)
        from tracker_desktop.ui.gap_dialog import GapDialog  # deferred: rarely needed

        GapDialog.ask(
            self,
            question,
            self._tracker.zone,
            lambda answer: self._on_gap_answered(question, answer),
        )

    def _on_gap_answered(self, question: GapQuestion, answer: GapAnswer | None) -> None:
        if answer is None:
            return
        from tracker_desktop.core.gaps import apply_answer

        note = self._attempt(lambda: apply_answer(self._tracker, question, answer))
        if note is not None:
            self.name_edit.setModified(False)
            self._after_change(note)

    def _on_name_edit_return_pressed(self) -> None:
        if self._running is None:
            self.start_session()
        else:
            self._commit_name_edit()

    def _on_name_edit_editing_finished(self) -> None:
        if self._running is not None:
            self._commit_name_edit()

    def _on_tick_timer_timeout(self) -> None:
        self._update_clock()

    # -- window ------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._commit_name_edit()
        if self.tray is not None and self.tray.available and not self._quitting:
            # With a tray, closing hides the window; the tray's Quit quits.
            event.ignore()
            self.hide()
            if not self._settings.value("tray/close_hint_shown", False, type=bool):
                from PySide6.QtWidgets import QSystemTrayIcon

                self.tray.showMessage(
                    APP_TITLE,
                    "Still running in the tray. Use Quit in its menu to quit.",
                    QSystemTrayIcon.MessageIcon.Information,
                    MESSAGE_MS,
                )
                self._settings.setValue("tray/close_hint_shown", True)
            return
        self._save_heartbeat(self._tracker.now(), force=True)
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.sync()
        super().closeEvent(event)


class _ChangeCommand(QUndoCommand):
    """One change made in this window, on the undo stack."""

    def __init__(self, change: Change, window: MainWindow) -> None:
        super().__init__(change.description)
        self._change = change
        self._window = window
        self._applied = True  # pushed after it happened: the first redo has nothing to do

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._window.apply_change(self._change, self, "Redone")

    def undo(self) -> None:
        self._window.apply_change(self._change.inverse(), self, "Undone")


W = TypeVar("W", bound=QObject)


def _named(widget: W, name: str) -> W:
    """``widget`` with its object name set (tests and accessibility tools find it by name)."""
    widget.setObjectName(name)
    return widget


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def _describe_shortcut(action: QAction) -> None:
    """Shows an action's shortcut in its tooltip, as menus do."""
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    text = action.text().replace("&", "").rstrip("…")
    action.setToolTip(f"{text} ({shortcut})" if shortcut else text)
