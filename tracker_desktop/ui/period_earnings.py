"""What the shown period earned, and where its time went, project by project: the
earnings at the right of the status bar (``periodEarningsLabel``, quiet, shown only when
something earned), and both in the period total's tooltip; following the clock while a
session runs."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStatusBar

from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.pricing import Pricing, earnings
from tracker_desktop.core.service import PeriodReport, Tracker
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.period_bar import PeriodBar
from tracker_desktop.ui.project_totals import amounts_text, time_by_project, totals_tooltip
from tracker_desktop.ui.session_cells import tabular_font

if TYPE_CHECKING:
    from tracker_desktop.ui.live_state import Totals


class PeriodEarnings(QObject):
    """The earnings label, and ``PeriodBar.show_breakdown``, from each read of the period
    and each tick."""

    def __init__(
        self, tracker: Tracker, period_bar: PeriodBar, status_bar: QStatusBar, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._bar = period_bar
        self.label = QLabel(status_bar)
        self.label.setObjectName("periodEarningsLabel")
        self.label.setAccessibleName(translate("PeriodEarnings", "Earned in the shown period"))
        self.label.setFont(tabular_font(self.label.font()))
        palette = self.label.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
        )
        self.label.setPalette(palette)
        self.label.hide()  # until something earns
        status_bar.addPermanentWidget(self.label)
        self._report: PeriodReport | None = None
        self._pricing: Pricing | None = None

    def show_sessions(self, report: PeriodReport) -> None:
        """The period as just read; rates are read again too (they may have changed)."""
        self._report = report
        try:
            self._pricing = self._tracker.catalog.pricing()
        except TrackerError:
            self._pricing = None  # the read of the period says what went wrong
        self._show(report.now)

    def show_totals(self, totals: Totals) -> None:
        self._show(totals.now)

    def _show(self, now: datetime) -> None:
        report = self._report
        if report is None:
            return
        rows = time_by_project(report.sessions, report.period.start, report.period.end, now)
        earned = earnings(self._pricing, [row.priced() for row in rows]) if self._pricing else {}
        tooltip = totals_tooltip(rows, self._pricing)
        self._bar.show_breakdown(tooltip)
        self.label.setToolTip(tooltip)
        self.label.setText(
            translate("PeriodEarnings", "Earned {amount}").format(amount=amounts_text(earned))
            if earned
            else ""
        )
        self.label.setVisible(bool(earned))
