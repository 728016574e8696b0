"""File ▸ Import…: a file chosen, what importing it would do (read off the GUI thread),
and the import on confirmation, with a progress bar and a Cancel that leaves nothing.

The dialog (``importDialog``) tells the format from the file (the Format combo, like
``import --format``, overrides it) and asks for a time zone only where the format has
local times (``--timezone``). A file with problems lists them with their lines and
cannot be imported; a file imported before says that nothing is new. The import is one
change: Edit ▸ Undo takes all of it back.
"""

from __future__ import annotations

import zoneinfo
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.cli_import import ZONELESS
from tracker_desktop.core.importers import FORMATS
from tracker_desktop.core.importing import ImportSummary
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.dialog_parts import error_label
from tracker_desktop.ui.import_job import ImportJob, ImportOutcome, ImportRequest
from tracker_desktop.ui.import_text import (
    FORMAT_CHOICES,
    PREVIEW_ROWS,
    count_text,
    dates_text,
    for_window,
    imported_note,
    names_text,
    problems_text,
    sentence,
    sessions_text,
)
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.message_banner import Messages

TOOLTIP_NAMES = 40  # listed in full in the tooltip
NOTE_MS = 15_000  # how long the window says what was imported
_STEPS = 1000  # the progress bar's range: bytes read are scaled to it
_NOT_PLACES = {"localtime", "Factory", "posixrules"}  # zone files that name no place


class ImportFile:
    """The file chooser."""

    @classmethod
    def ask(cls, parent: QWidget, folder: Path) -> Path | None:
        """The file to import; None when cancelled."""
        path, _ = QFileDialog.getOpenFileName(
            parent,
            translate("ImportDialog", "Import"),
            str(folder),
            translate(
                "ImportDialog",
                "Time tracker exports (*.csv *.json *.data frames state);;All files (*)",
            ),
        )
        return Path(path) if path else None


def start_import(tracker: Tracker, messages: Messages, parent: QWidget) -> ImportDialog | None:
    """File ▸ Import…: asks for a file, then opens the dialog about it (not blocking:
    the window keeps ticking); says in the status bar what was imported."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = ImportFile.ask(parent, Path(documents or Path.home()))
    if path is None:
        return None
    dialog = ImportDialog(tracker, path, parent)

    def done(note: str) -> None:
        messages.clear_error()
        messages.show_note(note, NOTE_MS)

    dialog.imported.connect(done)
    dialog.open()
    return dialog


class ImportDialog(QDialog):
    """What importing one file would do, and the import on confirmation."""

    imported = Signal(str)  # the import is done: what the window should say

    def __init__(self, tracker: Tracker, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(translate("ImportDialog", "Import"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(560)
        self._tracker = tracker
        self._path = path
        self._job: ImportJob | None = None
        self._summary: ImportSummary | None = None
        self._importing = False
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self._heading(path))
        layout.addLayout(self._choices())
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addLayout(self._preview_rows())
        self.notes = self._label("importNotesLabel")
        self.message = error_label(self, "importMessageLabel")
        self.problems = QListWidget(self)
        self.problems.setObjectName("importProblemsList")
        self.problems.setAccessibleName(translate("ImportDialog", "Problems in the file"))
        self.problems.setWordWrap(True)
        self.problems.setAlternatingRowColors(True)
        self.problems.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.problems.hide()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgressBar")
        self.progress.setAccessibleName(translate("ImportDialog", "Import progress"))
        self.progress.setRange(0, _STEPS)
        self.status = self._label("importStatusLabel")
        for widget in (self.notes, self.message, self.problems, self.progress, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self._buttons())
        self._preview()

    # -- parts -----------------------------------------------------------------------

    def _label(self, name: str, text: str = "") -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _heading(self, path: Path) -> QWidget:
        heading = QWidget(self)
        column = QVBoxLayout(heading)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        name = self._label("importFileLabel", path.name)
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        name.setFont(font)
        folder = self._label("importFolderLabel", str(path.parent))
        folder.setEnabled(False)  # the palette's quieter text
        column.addWidget(name)
        column.addWidget(folder)
        return heading

    def _choices(self) -> QFormLayout:
        form = QFormLayout()
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("importFormatCombo")
        self.format_combo.setAccessibleName(translate("ImportDialog", "Format"))
        self.format_combo.addItem(translate("ImportDialog", "Tell from the content"), None)
        for key in FORMATS:
            self.format_combo.addItem(translate("ImportDialog", FORMAT_CHOICES[key]), key)
        self.zone_combo = QComboBox(self)
        self.zone_combo.setObjectName("importZoneCombo")
        self.zone_combo.setAccessibleName(translate("ImportDialog", "Time zone"))
        own = str(getattr(self._tracker.zone, "key", ""))
        zones = sorted(zoneinfo.available_timezones() - _NOT_PLACES - {own})
        if own and own not in _NOT_PLACES:
            here = translate("ImportDialog", "This computer's ({zone})").format(zone=own)
        else:
            here = translate("ImportDialog", "This computer's")
        self.zone_combo.addItem(here, None)
        for name in zones:
            self.zone_combo.addItem(name, name)
        self.zone_combo.setToolTip(
            translate("ImportDialog", "The time zone of the report's local times (the exporter's)")
        )
        self.zone_combo.setEnabled(False)
        form.addRow(translate("ImportDialog", "&Format:"), self.format_combo)
        form.addRow(translate("ImportDialog", "Time &zone:"), self.zone_combo)
        self.format_combo.currentIndexChanged.connect(self._preview)
        self.zone_combo.currentIndexChanged.connect(self._preview)
        return form

    def _preview_rows(self) -> QFormLayout:
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, row_title in PREVIEW_ROWS:
            title = translate("ImportDialog", row_title)
            value = self.values[key] = self._label(f"import{key.title()}Value", "…")
            value.setAccessibleName(title.rstrip(":"))
            form.addRow(title, value)
        return form

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("importCancelButton")
        self.import_button = QPushButton(translate("ImportDialog", "Import"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self._import)
        self.cancel_button.clicked.connect(self.reject)
        return buttons

    # -- what the user asked for -----------------------------------------------------

    def _request(self) -> ImportRequest:
        format_name = self.format_combo.currentData()
        zone = None
        name = self.zone_combo.currentData()
        if name is not None and self._zone_matters(format_name):
            zone = zoneinfo.ZoneInfo(name)
        return ImportRequest(self._path, format_name, zone)

    def _zone_matters(self, format_name: str | None) -> bool:
        """Whether the format read (chosen, or told from the file) has local times."""
        if format_name is None and self._summary is not None:
            format_name = self._summary.format
        return format_name is not None and format_name not in ZONELESS

    def _run(self, write: bool) -> None:
        if self._job is not None:
            self._job.cancel()  # a preview of other choices: its result is not wanted
        self._job = job = ImportJob(self._tracker, self._request(), write, self)
        job.progressed.connect(self._on_job_progressed)
        job.finished.connect(lambda outcome: self._on_job_finished(job, outcome))
        self.progress.setRange(0, _STEPS)
        self.progress.setValue(0)
        self.progress.show()
        self.import_button.setEnabled(False)
        self.message.hide()
        job.start()

    def _preview(self) -> None:
        self.status.setText(
            translate("ImportDialog", "Reading {name}…").format(name=self._path.name)
        )
        self._run(write=False)

    def _import(self) -> None:
        self._importing = True
        for widget in (self.format_combo, self.zone_combo):
            widget.setEnabled(False)
        self.status.setText(translate("ImportDialog", "Importing…"))
        self._run(write=True)

    def reject(self) -> None:
        """Cancel (or Escape, or closing): during the import, stops it and keeps the
        dialog open to say so; otherwise closes."""
        if self._importing and self._job is not None and self._job.running:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(translate("ImportDialog", "Cancelling…"))
            return
        if self._job is not None:
            self._job.cancel()
        super().reject()

    # -- what the worker says --------------------------------------------------------

    def _on_job_progressed(self, done: int, total: int) -> None:
        self.progress.setValue(_STEPS if total <= 0 else min(_STEPS, done * _STEPS // total))
        if self._importing and done >= total:
            # The rows read back for undo, and the commit: no more steps to show, and
            # too late to cancel.
            self.progress.setRange(0, 0)
            self.cancel_button.setEnabled(False)
            self.status.setText(translate("ImportDialog", "Saving…"))

    def _on_job_finished(self, job: ImportJob, outcome: ImportOutcome) -> None:
        if job is not self._job:
            return  # a preview of choices changed since
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        importing, self._importing = self._importing, False
        if importing and outcome.summary is not None:
            if outcome.change is not None:  # the undo history and the views hear of it
                self._tracker.changes(outcome.change)
            self.imported.emit(imported_note(outcome.summary))
            self.accept()
            return
        self.format_combo.setEnabled(True)
        if outcome.cancelled:
            self.status.setText(
                translate("ImportDialog", "Import cancelled: nothing was imported.")
            )
            self.zone_combo.setEnabled(self._zone_matters(self.format_combo.currentData()))
            self.import_button.setEnabled(self._summary is not None)
        elif outcome.error is not None:
            self._show_error(for_window(outcome.error))
        elif outcome.summary is not None:
            self._show_preview(outcome.summary)
        self.adjustSize()  # room for what is shown now (a list of problems, notes)

    def _show_error(self, error: str) -> None:
        self.status.setText("")
        self.message.setText(
            translate("ImportDialog", "This file cannot be imported: {error}").format(error=error)
        )
        self.message.show()
        self.cancel_button.setText(translate("ImportDialog", "Close"))

    def _show_preview(self, summary: ImportSummary) -> None:
        self._summary = summary
        self.zone_combo.setEnabled(self._zone_matters(self.format_combo.currentData()))
        if self.format_combo.currentData() is None:
            self.format_combo.setItemText(
                0,
                translate("ImportDialog", "{format} (told from the file)").format(
                    format=translate("ImportDialog", FORMAT_CHOICES[summary.format])
                ),
            )
        values = self.values
        values["sessions"].setText(count_text(summary.imported))
        values["dates"].setText(dates_text(summary))
        values["skipped"].setText(
            translate("ImportDialog", "{count}, skipped").format(count=count_text(summary.skipped))
            if summary.skipped
            else translate("ImportDialog", "None")
        )
        for key, names in (
            ("clients", summary.clients_created),
            ("projects", summary.projects_created),
            ("tags", summary.tags_created),
        ):
            values[key].setText(names_text(names))
            values[key].setToolTip("\n".join(names[:TOOLTIP_NAMES]))
        notes = list(summary.notes)
        if summary.running:
            notes.append(
                translate(
                    "ImportDialog", "one of them is still running: it becomes the running session"
                )
            )
        self.notes.setText("\n".join(sentence(note) for note in notes))
        self.notes.setVisible(bool(notes))
        self.problems.clear()
        self.problems.setVisible(bool(summary.problems))
        if summary.problems:
            self._show_problems(summary)
        elif summary.imported == 0:
            self.status.setText(
                translate(
                    "ImportDialog",
                    "Nothing new to import: all {sessions} in this file were imported before.",
                ).format(sessions=sessions_text(summary.skipped))
                if summary.skipped
                else translate("ImportDialog", "Nothing to import: this file holds no sessions.")
            )
            self.cancel_button.setText(translate("ImportDialog", "Close"))
        else:
            self.status.setText("")
            if summary.imported == 1:
                text = translate("ImportDialog", "Import 1 Session")
            else:
                text = translate("ImportDialog", "Import {count} Sessions")
            self.import_button.setText(text.format(count=count_text(summary.imported)))
            self.import_button.setEnabled(True)
            self.cancel_button.setText(translate("ImportDialog", "Cancel"))

    def _show_problems(self, summary: ImportSummary) -> None:
        count = len(summary.problems) + summary.unlisted_problems
        self.message.setText(problems_text(count))
        self.message.show()
        prefix = f"{self._path.name}, "  # the heading names the file
        self.problems.addItems([str(p).removeprefix(prefix) for p in summary.problems])
        if summary.unlisted_problems:
            self.problems.addItem(
                translate("ImportDialog", "… and {count} more").format(
                    count=count_text(summary.unlisted_problems)
                )
            )
        self.status.setText("")
        self.cancel_button.setText(translate("ImportDialog", "Close"))
