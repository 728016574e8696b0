"""The timer bar: what you are working on, for how long, and the Start/Stop button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.service import Session
from tracker_desktop.ui.sessions_model import tabular_font

if TYPE_CHECKING:
    from tracker_desktop.ui.live_state import Totals

# White text reads on this red in light and dark themes alike.
STOP_COLOR = QColor("#d64541")


class TimerBar(QWidget):
    """The name field (``sessionNameEdit``), the running time (``elapsedLabel``) and the
    Start/Stop button (``startStopButton``, driven by the Start/Stop action)."""

    name_submitted = Signal()  # Enter pressed in the name field
    name_editing_finished = Signal()  # Enter pressed, or the name field left

    def __init__(self, start_stop: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerBar")
        self._running: Session | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("sessionNameEdit")
        self.name_edit.setPlaceholderText("What are you working on?")
        self.name_edit.setAccessibleName("Session name")
        name_font = self.name_edit.font()
        name_font.setPointSizeF(name_font.pointSizeF() * 1.3)
        self.name_edit.setFont(name_font)
        self.name_edit.setMinimumHeight(40)
        self.name_edit.returnPressed.connect(self.name_submitted)
        self.name_edit.editingFinished.connect(self.name_editing_finished)
        row.addWidget(self.name_edit, 1)

        self.elapsed_label = QLabel("0:00:00", self)
        self.elapsed_label.setObjectName("elapsedLabel")
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

        self.start_stop_button = QToolButton(self)
        self.start_stop_button.setObjectName("startStopButton")
        self.start_stop_button.setDefaultAction(start_stop)
        self.start_stop_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.start_stop_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.start_stop_button.setMinimumSize(112, 40)
        button_font = self.start_stop_button.font()
        button_font.setBold(True)
        button_font.setPointSizeF(button_font.pointSizeF() * 1.15)
        self.start_stop_button.setFont(button_font)
        row.addWidget(self.start_stop_button)
        self.setTabOrder(self.name_edit, self.start_stop_button)

    # -- the name field ------------------------------------------------------------------

    def typed_name(self) -> str:
        """What the name field holds: the next session's name."""
        return self.name_edit.text()

    def edited_name(self) -> str | None:
        """The name typed since the field last showed a stored one, if any."""
        return self.name_edit.text() if self.name_edit.isModified() else None

    def show_name(self, name: str) -> None:
        """Shows a stored name (no longer an edit)."""
        self.name_edit.setText(name)

    def clear_name(self) -> None:
        self.name_edit.clear()

    def forget_edit(self) -> None:
        """Drops what was typed: the field shows the running session's stored name."""
        self.name_edit.setModified(False)
        if self._running is not None:
            self.name_edit.setText(self._running.name)

    def enable_completion(self) -> None:
        """A clear button and completion of recent names (they wait for the first paint:
        the button shows only once there is text, and the names need a query)."""
        from PySide6.QtWidgets import QCompleter

        self.name_edit.setClearButtonEnabled(True)
        completer = QCompleter([], self.name_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_edit.setCompleter(completer)

    def show_recent(self, recent: list[Session]) -> None:
        """The names to complete from, newest first."""
        completer = self.name_edit.completer()
        if completer is not None:
            completer.model().setStringList([s.name for s in recent])  # type: ignore[attr-defined]

    # -- showing the state ---------------------------------------------------------------

    def show_running(self, running: Session | None) -> None:
        """The running session's name (a new one replaces what was typed; a rename shows
        unless the name is being edited), and the button's colour."""
        changed = (running and running.id) != (self._running and self._running.id)
        self._running = running
        if running is None:
            if changed:
                self.name_edit.clear()
        elif changed or not self.name_edit.isModified():
            self.name_edit.setText(running.name)
        if running is None:
            base = self.palette().color(QPalette.ColorRole.Highlight)
            text = self.palette().color(QPalette.ColorRole.HighlightedText)
        else:
            base, text = STOP_COLOR, QColor("white")
        self.start_stop_button.setStyleSheet(
            "#startStopButton {"
            f" background: {base.name()}; color: {text.name()}; border: none;"
            " border-radius: 20px; padding: 6px 20px 6px 14px; }"
            f"#startStopButton:hover {{ background: {base.lighter(112).name()}; }}"
            f"#startStopButton:pressed {{ background: {base.darker(115).name()}; }}"
            f"#startStopButton:focus {{ border: 2px solid {text.name()}; }}"
        )

    def show_totals(self, totals: Totals) -> None:
        """The running time (``0:00:00`` while idle)."""
        self.elapsed_label.setText(format_duration(totals.elapsed))
