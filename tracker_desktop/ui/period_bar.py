"""The period bar: Day | Week | Month, the arrows, the way back to today, the shown
period's title and its total (its time by project in the tooltip)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.periods import Period
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.period_text import period_title
from tracker_desktop.ui.session_cells import tabular_font

if TYPE_CHECKING:
    from tracker_desktop.ui.actions import Actions
    from tracker_desktop.ui.live_state import Totals


class PeriodBar(QWidget):
    """Buttons for the period actions, ``periodTitleLabel`` and ``periodTotalLabel``."""

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        segments = QHBoxLayout()
        segments.setSpacing(0)
        for action in actions.period_kinds.values():
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setMinimumWidth(64)
            segments.addWidget(button)
        row.addLayout(segments)
        row.addSpacing(10)
        for action in (actions.previous, actions.next):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            row.addWidget(button)
        current = QToolButton(self)
        current.setObjectName("currentPeriodButton")
        current.setDefaultAction(actions.current)
        current.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        row.addWidget(current)
        row.addSpacing(10)

        self.title_label = QLabel(self)
        self.title_label.setObjectName("periodTitleLabel")
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(title_font)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.title_label, 1)

        self.total_label = QLabel(self)
        self.total_label.setObjectName("periodTotalLabel")
        self.total_label.setAccessibleName(translate("PeriodBar", "Total time in the shown period"))
        total_font = tabular_font(self.total_label.font())
        total_font.setPointSizeF(total_font.pointSizeF() * 1.5)
        total_font.setBold(True)
        self.total_label.setFont(total_font)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.total_label)

    def show_period(self, period: Period, is_current: bool) -> None:
        """The shown period's title."""
        self.title_label.setText(period_title(period))

    def show_totals(self, totals: Totals) -> None:
        """The time inside the shown period."""
        self.total_label.setText(
            translate("PeriodBar", "Total {time}").format(time=format_duration(totals.period))
        )

    def show_breakdown(self, tooltip: str) -> None:
        """The shown period's time (and earnings) by project, in the total's tooltip."""
        self.total_label.setToolTip(tooltip)
