"""Export from the window (File ▸ Export… and the Reports window's buttons): a file
dialog whose filter or extension picks the format, a question before an existing file
is replaced, and the file written whole or not at all (``write_atomically``)."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from datetime import timedelta, tzinfo
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tracker_desktop.core.cli_report import export_csv, export_json_to, write_atomically
from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.periods import Period
from tracker_desktop.core.reports import (
    NO_ROUNDING,
    ReportFilter,
    ReportRange,
    Rounding,
    days_range,
)
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.language import QT_TRANSLATE_NOOP, translate
from tracker_desktop.ui.message_banner import Messages

log = logging.getLogger(__name__)


class ExportFormat(NamedTuple):
    key: str
    title: str
    suffix: str

    @property
    def filter(self) -> str:
        title = translate("ReportExport", self.title)
        return f"{title} (*{self.suffix})"


FORMATS = {
    "csv": ExportFormat("csv", QT_TRANSLATE_NOOP("ReportExport", "CSV spreadsheet"), ".csv"),
    "pdf": ExportFormat("pdf", QT_TRANSLATE_NOOP("ReportExport", "PDF timesheet"), ".pdf"),
    "json": ExportFormat("json", QT_TRANSLATE_NOOP("ReportExport", "JSON (for import)"), ".json"),
}


class ExportRequest(NamedTuple):
    """What to export: the sessions of a range that a filter keeps (and, for the PDF's
    totals, the rounding)."""

    span: ReportRange
    only: ReportFilter = ReportFilter()
    rounding: Rounding = NO_ROUNDING


def period_request(period: Period, zone: tzinfo) -> ExportRequest:
    """All sessions of a day, week or month (as the main window shows it)."""
    return ExportRequest(days_range(period.first_day, period.end_day - timedelta(days=1), zone))


class ExportTarget:
    """The file dialog: where to write, and in which format."""

    @classmethod
    def ask(
        cls, parent: QWidget, suggested: Path, formats: list[ExportFormat], chosen: ExportFormat
    ) -> tuple[Path, ExportFormat] | None:
        """The path picked and its format (by its extension, else by the filter picked);
        None when cancelled."""
        options = QFileDialog.Option(0)
        if sys.platform != "darwin":  # macOS's own panel always asks; elsewhere we do
            options |= QFileDialog.Option.DontConfirmOverwrite
        path, picked = QFileDialog.getSaveFileName(
            parent,
            translate("ReportExport", "Export"),
            str(suggested),
            ";;".join(f.filter for f in formats),
            chosen.filter,
            options,
        )
        if not path:
            return None
        return target_of(Path(path), picked, formats)


def target_of(path: Path, picked: str, formats: list[ExportFormat]) -> tuple[Path, ExportFormat]:
    """The format a path asks for by its extension, else the filter picked (whose
    extension it then gets)."""
    for known in formats:
        if path.suffix.lower() == known.suffix:
            return path, known
    chosen = next((f for f in formats if f.filter == picked), formats[0])
    return path.with_name(path.name + chosen.suffix), chosen


class ConfirmReplace:
    """The question before an existing file is replaced."""

    @classmethod
    def ask(cls, parent: QWidget, path: Path) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("ReportExport", "Replace File?"),
            translate("ReportExport", "{name} exists already in {folder}. Replace it?").format(
                name=path.name, folder=path.parent
            ),
            QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setObjectName("confirmReplaceDialog")
        replace = box.addButton(
            translate("ReportExport", "Replace"), QMessageBox.ButtonRole.AcceptRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is replace


class Exporter(QObject):
    """Asks where, then writes the chosen format; says what it did in ``messages``. A
    PDF is drawn on a thread of its own (a year's takes a second or two), so the window
    stays responsive; ``finished`` tells when each export is done."""

    finished = Signal(object)  # the Path written, or None (cancelled, refused, failed)
    busy_changed = Signal(bool)  # a PDF is being drawn (no second export meanwhile)

    def __init__(
        self, tracker: Tracker, messages: Messages, parent: QWidget, action: QAction | None = None
    ) -> None:
        """``action`` (File ▸ Export…) is disabled while a PDF is drawn."""
        super().__init__(parent)
        if action is not None:
            self.busy_changed.connect(lambda busy: action.setEnabled(not busy))
        self._tracker = tracker
        self._messages = messages
        self._parent = parent
        self._drawn = _Relay(self)
        self._drawn.done.connect(self._on_drawn_done)
        self.busy = False
        self.folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )

    def formats(self) -> list[ExportFormat]:
        return list(FORMATS.values())

    def export(self, request: ExportRequest, key: str = "csv", name: str = "timesheet") -> None:
        """Asks for a file (``key``'s format first) and writes the export there, or says
        why not; ``finished`` follows."""
        target = self._ask(request, key, name) if not self.busy else None
        if target is None:
            self.finished.emit(None)
            return
        path, chosen = target
        self.folder = path.parent
        self._messages.show_note(
            translate("ReportExport", "Exporting {name}…").format(name=path.name), 0
        )
        try:
            if chosen.key == "pdf":
                self._draw_pdf(path, request)
                return
            write_atomically(path, True, self._text_writer(chosen.key, request))
        except TrackerError as error:
            self._failed(str(error))
            return
        self._done(path)

    def _ask(self, request: ExportRequest, key: str, name: str) -> tuple[Path, ExportFormat] | None:
        """The file and format the user picks; None when cancelled or not to be replaced."""
        span = request.span
        suggested = self.folder / f"{name}-{span.first_day}-{span.last_day}{FORMATS[key].suffix}"
        target = ExportTarget.ask(self._parent, suggested, self.formats(), FORMATS[key])
        if target is None:
            return None
        path = target[0]
        if path.is_dir():
            self._messages.show_error(
                translate("ReportExport", "Cannot export to {path}: it is a folder").format(
                    path=path
                )
            )
            return None
        if sys.platform != "darwin" and path.exists():
            return target if ConfirmReplace.ask(self._parent, path) else None
        return target

    def _text_writer(self, key: str, request: ExportRequest) -> Callable[[TextIO], Any]:
        tracker, span, only = self._tracker, request.span, request.only
        writers: dict[str, Callable[[TextIO], Any]] = {
            "csv": lambda stream: export_csv(tracker, span, only, stream),
            "json": lambda stream: export_json_to(tracker, span, only, stream),
        }
        return writers[key]

    def _draw_pdf(self, path: Path, request: ExportRequest) -> None:
        """Reads the timesheet here (the database is this thread's), draws it on another."""
        from tracker_desktop.ui.timesheet import timesheet_data
        from tracker_desktop.ui.timesheet_pdf import render_pdf

        sheet = timesheet_data(self._tracker, request.span, request.only, request.rounding)
        locale, font, relay = QLocale(), QFont(QGuiApplication.font()), self._drawn

        def draw() -> None:
            try:
                relay.done.emit(path, render_pdf(sheet, locale, font))
            except Exception as error:  # a bug: said, logged, and nothing written
                log.exception("drawing %s failed", path)
                relay.done.emit(path, error)

        self._set_busy(True)
        threading.Thread(target=draw, name="pdf-timesheet", daemon=True).start()

    def _on_drawn_done(self, path: Path, result: bytes | Exception) -> None:
        self._set_busy(False)
        if isinstance(result, Exception):
            self._failed(
                translate("ReportExport", "the PDF could not be drawn ({reason})").format(
                    reason=result
                )
            )
            return
        try:
            write_atomically(path, True, lambda stream: stream.write(result), binary=True)
        except TrackerError as error:
            self._failed(str(error))
            return
        self._done(path)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def _done(self, path: Path) -> None:
        self._messages.clear_error()
        self._messages.show_note(translate("ReportExport", "Exported {path}").format(path=path))
        self.finished.emit(path)

    def _failed(self, reason: str) -> None:
        self._messages.show_note("")
        self._messages.show_error(
            translate("ReportExport", "Nothing was exported: {reason}").format(reason=reason)
        )
        self.finished.emit(None)


class _Relay(QObject):
    """Carries the drawn PDF from its thread to this one (a queued signal)."""

    done = Signal(object, object)  # the path, and the PDF's bytes or the error
