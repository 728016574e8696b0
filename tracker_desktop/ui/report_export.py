"""Export from the window (File ▸ Export… and the Reports window's buttons): a file
dialog whose filter or extension picks the format, a question before an existing file
is replaced, and the file written whole or not at all (``write_atomically``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tracker_desktop.core.cli_report import export_csv, write_atomically
from tracker_desktop.core.errors import TrackerError
from tracker_desktop.core.reports import NO_ROUNDING, ReportFilter, ReportRange, Rounding
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.message_banner import Messages


class ExportFormat(NamedTuple):
    key: str
    title: str
    suffix: str

    @property
    def filter(self) -> str:
        return f"{self.title} (*{self.suffix})"


FORMATS = {
    "csv": ExportFormat("csv", "CSV spreadsheet", ".csv"),
    "pdf": ExportFormat("pdf", "PDF timesheet", ".pdf"),
}


class ExportRequest(NamedTuple):
    """What to export: the sessions of a range that a filter keeps (and, for the PDF's
    totals, the rounding)."""

    span: ReportRange
    only: ReportFilter = ReportFilter()
    rounding: Rounding = NO_ROUNDING


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
            "Export",
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
            "Replace File?",
            f"{path.name} exists already in {path.parent}. Replace it?",
            QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setObjectName("confirmReplaceDialog")
        replace = box.addButton("Replace", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is replace


class Exporter(QObject):
    """Asks where, then writes the chosen format; says what it did in ``messages``."""

    def __init__(self, tracker: Tracker, messages: Messages, parent: QWidget) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._messages = messages
        self._parent = parent
        self.folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )

    def formats(self) -> list[ExportFormat]:
        return list(FORMATS.values())

    def export(
        self, request: ExportRequest, key: str = "csv", name: str = "timesheet"
    ) -> Path | None:
        """Asks for a file (``key``'s format first) and writes the export there; the path
        written, or None when cancelled, refused or failed (the reason shown)."""
        formats = self.formats()
        span = request.span
        suggested = self.folder / f"{name}-{span.first_day}-{span.last_day}{FORMATS[key].suffix}"
        target = ExportTarget.ask(self._parent, suggested, formats, FORMATS[key])
        if target is None:
            return None
        path, chosen = target
        if path.is_dir():
            self._messages.show_error(f"Cannot export to {path}: it is a folder")
            return None
        if (
            sys.platform != "darwin"
            and path.exists()
            and not ConfirmReplace.ask(self._parent, path)
        ):
            return None
        self.folder = path.parent
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._messages.show_note(f"Exporting {path.name}…")
        try:
            self.write(path, chosen.key, request)
        except TrackerError as error:
            self._messages.show_error(f"Nothing was exported: {error}")
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._messages.clear_error()
        self._messages.show_note(f"Exported {path}")
        return path

    def write(self, path: Path, key: str, request: ExportRequest) -> None:
        """Writes ``request`` as ``key`` to ``path`` (replacing it: the user said so)."""
        tracker, span, only = self._tracker, request.span, request.only
        if key == "pdf":
            from tracker_desktop.ui.timesheet_pdf import timesheet_pdf

            pdf = timesheet_pdf(tracker, span, only, request.rounding)
            write_atomically(path, True, lambda stream: stream.write(pdf), binary=True)
            return
        writers: dict[str, Any] = {"csv": lambda stream: export_csv(tracker, span, only, stream)}
        write_atomically(path, True, writers[key])
