"""What the shown period earned, and where its time went, project by project: shown
beside the period's total and in its tooltip, following the clock while a session runs."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.pricing import Pricing, earnings
from tracker_desktop.core.service import PeriodReport, Tracker
from tracker_desktop.ui.period_bar import PeriodBar
from tracker_desktop.ui.project_totals import amounts_text, time_by_project, totals_tooltip

if TYPE_CHECKING:
    from tracker_desktop.ui.live_state import Totals


class PeriodEarnings(QObject):
    """Feeds ``PeriodBar.show_breakdown`` from each read of the period and each tick."""

    def __init__(self, tracker: Tracker, period_bar: PeriodBar, parent: QObject) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._bar = period_bar
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
        self._bar.show_breakdown(totals_tooltip(rows, self._pricing), amounts_text(earned))
