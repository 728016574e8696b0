"""The Reports window (``reportsWindow``): a range, groupings, filters and rounding
(``report_choices.py``); the chart (``report_chart.py``) above the table of groups
(``report_model.py``) that a screen reader reads; the totals, with the unrounded ones
beside when rounding is on; and Export (``report_export.py``). Its choices are
remembered in ``window.ini``; it reads again when sessions change (``reload``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.reports import NO_ROUNDING, Report, ReportRange, make_report
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.actions import describe_shortcut
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.locale_format import shown_week_start
from tracker_desktop.ui.message_banner import MessageBanner, Messages
from tracker_desktop.ui.report_chart import EMPTY, ReportChart, chart_data
from tracker_desktop.ui.report_choices import (
    ChoicesPanel,
    ReportChoices,
    choices_from_saved,
    preset_range,
    saved_text,
)
from tracker_desktop.ui.report_export import FORMATS, Exporter, ExportRequest
from tracker_desktop.ui.report_model import AMOUNT, BILLABLE, NAME, TIME, ReportModel
from tracker_desktop.ui.report_text import MoneyColumn, hours_text, report_currencies
from tracker_desktop.ui.roomy_rows import RoomyDelegate
from tracker_desktop.ui.session_cells import table_font
from tracker_desktop.ui.settings import WindowSettings


class ReportsWindow(QMainWindow):
    """A report of any range, grouped, filtered and rounded, as a chart and a table."""

    def __init__(self, tracker: Tracker, settings: WindowSettings, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("reportsWindow")
        self.setWindowTitle(translate("ReportsWindow", "Reports"))
        self.setMinimumSize(620, 460)
        self._tracker = tracker
        self._settings = settings
        self.span: ReportRange | None = None
        self.banner = MessageBanner(self)
        self.messages = Messages(self.banner, self.statusBar())
        self.exporter = Exporter(tracker, self.messages, self)
        self.exporter.busy_changed.connect(lambda busy: self._enable_export(not busy))

        self.choices_panel = ChoicesPanel(self)
        self.chart = ReportChart(self)
        self.model = ReportModel(self)
        self.table = QTreeView(self)
        self.table.setObjectName("reportTable")
        self.table.setAccessibleName(
            translate("ReportsWindow", "Report by group: time, billable time and amount")
        )
        self.table.setModel(self.model)
        self.table.setUniformRowHeights(True)
        self.table.setItemDelegate(RoomyDelegate(self.table))
        self.table.setAllColumnsShowFocus(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # see _fit_columns
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("reportSplitter")
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("reportTotalsLabel")
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_buttons: dict[str, QPushButton] = {}
        footer = QHBoxLayout()
        footer.addWidget(self.totals_label, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addWidget(self.banner)
        for row in self.choices_panel.rows:
            layout.addLayout(row)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(footer)
        self.setCentralWidget(central)
        self._make_actions(footer)

        self.choices = choices_from_saved(settings.report_choices)
        geometry = settings.reports_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(980, 700)
        self.choices_panel.show_choices(self.choices)
        self.choices_panel.changed.connect(self._on_choices_panel_changed)

    def _make_actions(self, footer: QHBoxLayout) -> None:
        """Export as each format (buttons and the File menu), and Close."""
        menu = self.menuBar().addMenu(translate("ReportsWindow", "&File"))
        for key in (f.key for f in self.exporter.formats()):
            title = translate("ReportsWindow", "Export {format}…").format(format=key.upper())
            action = QAction(title, self)
            action.setObjectName(f"actionExportReport{key.title()}")
            action.triggered.connect(lambda checked=False, k=key: self.export(k))
            menu.addAction(action)
            button = QPushButton(title, self)
            button.setObjectName(f"exportReport{key.title()}Button")
            button.setToolTip(
                translate("ReportsWindow", "Save this report's sessions as a {format}").format(
                    format=translate("ReportExport", FORMATS[key].title)
                )
            )
            button.clicked.connect(action.trigger)
            footer.addWidget(button)
            self.export_buttons[key] = button
        menu.addSeparator()
        close = QAction(translate("ReportsWindow", "Close"), self)
        close.setObjectName("actionCloseReports")
        close.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        describe_shortcut(close)
        menu.addAction(close)

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the filters' clients, projects and tags and the report again."""
        catalog = self._tracker.catalog

        def read() -> tuple[Any, ...]:
            return (catalog.clients(), catalog.projects(), catalog.tag_names())

        found = self.messages.attempt(read)
        if found is not None:
            self.choices_panel.show_catalog(*found)
        self._report()

    def _report(self) -> None:
        """The report of the current choices, into the table, the chart and the totals."""
        tracker, choices = self._tracker, self.choices
        try:
            span = preset_range(
                choices.preset,
                tracker.now(),
                tracker.zone,
                self._week_start(),
                (choices.first_day, choices.last_day)
                if choices.first_day and choices.last_day
                else None,
            )
            only, rounding = choices.only, choices.rounding
            report = make_report(tracker, span, choices.grouping, only, rounding)
            by_day = make_report(tracker, span, ("day", "project"), only, rounding)
            unrounded = None
            if rounding != NO_ROUNDING:
                unrounded = make_report(tracker, span, choices.grouping[:1], only)
        except TrackerError as error:
            self.span = None
            self.model.set_report(None)
            self.chart.show_data(EMPTY)
            self.totals_label.setText("")
            self._enable_export(False)
            self.messages.show_error(str(error))
            return
        self.messages.clear_error()
        self.span = span
        if choices.preset != "custom":
            self.choices_panel.show_range(span.first_day, span.last_day)
        self.model.set_report(report)
        self.table.setRootIsDecorated(len(choices.grouping) > 1)
        self.table.expandAll()
        self._fit_columns()
        self.chart.show_data(chart_data(by_day, report, self._week_start()))
        self.totals_label.setText(totals_text(report, unrounded))
        self._enable_export(True)

    def _fit_columns(self) -> None:
        """Time, Billable and Amount as wide as their widest text, measured here: the
        header's ResizeToContents would ask the delegate for every cell's size (a third
        of a second for a few hundred groups)."""
        header = self.table.header()
        figures = QFontMetrics(table_font(bold=True))
        for column in (TIME, BILLABLE, AMOUNT):
            widest = max(figures.horizontalAdvance(t) for t in self.model.texts(column))
            header.resizeSection(column, widest + 28)

    def _week_start(self) -> int:
        return shown_week_start(self._tracker.catalog)

    def _enable_export(self, enabled: bool) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(enabled and self.span is not None and not self.exporter.busy)

    # -- doing ------------------------------------------------------------------------------

    def export(self, key: str) -> None:
        """Exports the report's range and filters as ``key`` (asking where)."""
        if self.span is None:
            return
        choices = self.choices
        self.exporter.export(ExportRequest(self.span, choices.only, choices.rounding), key)

    def _on_choices_panel_changed(self, choices: ReportChoices) -> None:
        self.choices = choices
        self._settings.report_choices = saved_text(choices)
        self._report()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.reports_geometry = self.saveGeometry()
        self._settings.sync()
        super().closeEvent(event)


def totals_text(report: Report, unrounded: Report | None) -> str:
    """``Total 41:30 · billable 38:00 · €3,040.00``, and with rounding the unrounded
    figures beside."""
    money = MoneyColumn(report_currencies(report))
    parts = [
        translate("ReportsWindow", "Total {time}").format(time=hours_text(report.total_seconds)),
        translate("ReportsWindow", "billable {time}").format(
            time=hours_text(report.billable_seconds)
        ),
    ]
    amount = money.total(report.earned)
    if amount:
        parts.append(amount)
    text = " · ".join(parts)
    if unrounded is not None:
        before = f"{hours_text(unrounded.total_seconds)}"
        unrounded_amount = MoneyColumn(report_currencies(unrounded)).total(unrounded.earned)
        if unrounded_amount:
            before += f" · {unrounded_amount}"
        text += "   " + translate("ReportsWindow", "(unrounded {figures})").format(figures=before)
    return text
