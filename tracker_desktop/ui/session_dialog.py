"""The dialog that edits a session's name, start and end, or adds a forgotten one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.timeparse import local_instant

DATE_TIME_FORMAT = "yyyy-MM-dd  HH:mm:ss"
ERROR_COLOR = QColor("#d64541")


@dataclass(frozen=True)
class SessionFields:
    """What the dialog edits; ``end`` is None for a session that keeps running."""

    name: str
    start: datetime
    end: datetime | None


# Checks fields by the core's rules; raises InvalidInputError naming the field.
FieldCheck = Callable[[SessionFields], None]


class SessionDialog(QDialog):
    """Name, start and end of one session, checked before the dialog closes.

    Invalid fields are marked and explained, and everything typed stays as typed.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        fields: SessionFields,
        zone: tzinfo,
        check: FieldCheck,
        *,
        may_run: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._zone = zone
        self._check = check
        self.result_fields: SessionFields | None = None

        self.name_edit = QLineEdit(fields.name, self)
        self.name_edit.setObjectName("dialogNameEdit")
        self.name_edit.setPlaceholderText("What did you work on?")
        self.start_edit = self._date_time_edit("dialogStartEdit", fields.start)
        self.end_edit = self._date_time_edit("dialogEndEdit", fields.end or fields.start)
        self.running_check = QCheckBox("Still running", self)
        self.running_check.setObjectName("dialogRunningCheck")
        self.running_check.setVisible(may_run)
        self.running_check.setChecked(may_run and fields.end is None)
        self.running_check.toggled.connect(self._on_running_check_toggled)
        self._on_running_check_toggled(self.running_check.isChecked())

        self.errors = {
            key: self._error_label(f"{key}Error") for key in ("name", "start", "end", "other")
        }
        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        form.addRow("", self.errors["name"])
        form.addRow("&Start", self.start_edit)
        form.addRow("", self.errors["start"])
        form.addRow("&End", self.end_edit)
        form.addRow("", self.running_check)
        form.addRow("", self.errors["end"])

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["other"])
        layout.addWidget(buttons)

    # -- the seam tests replace ----------------------------------------------------------

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        fields: SessionFields,
        zone: tzinfo,
        check: FieldCheck,
        *,
        may_run: bool = False,
        error: InvalidInputError | None = None,
    ) -> SessionFields | None:
        """The fields the user saved (already checked), or None if they cancelled.

        ``error`` is shown at once, for fields that the database refused after checking.
        """
        dialog = cls(parent, title, fields, zone, check, may_run=may_run)
        if error is not None:
            dialog.show_error(error)
        dialog.exec()
        return dialog.result_fields

    # -- behaviour -----------------------------------------------------------------------

    def fields(self) -> SessionFields:
        """The typed values as instants; refuses local times that do not exist."""
        start = self._instant(self.start_edit, "start")
        end = None if self.running_check.isChecked() else self._instant(self.end_edit, "end")
        return SessionFields(self.name_edit.text(), start, end)

    def accept(self) -> None:
        self._clear_errors()
        try:
            fields = self.fields()
            self._check(fields)
        except InvalidInputError as error:
            self.show_error(error)
            return
        self.result_fields = fields
        super().accept()

    def show_error(self, error: InvalidInputError) -> None:
        key = error.field if error.field in self.errors else "other"
        label = self.errors[key]
        label.setText(str(error))
        label.show()
        widget = {"name": self.name_edit, "start": self.start_edit, "end": self.end_edit}.get(key)
        if widget is not None:
            widget.setStyleSheet(f"border: 1px solid {ERROR_COLOR.name()};")
            widget.setFocus()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
            label.clear()
        for widget in (self.name_edit, self.start_edit, self.end_edit):
            widget.setStyleSheet("")

    def _on_running_check_toggled(self, running: bool) -> None:
        self.end_edit.setEnabled(not running)

    # -- helpers -------------------------------------------------------------------------

    def _date_time_edit(self, name: str, instant: datetime) -> QDateTimeEdit:
        # The edit holds the local wall time of our zone; marking it UTC keeps Qt from
        # shifting values that the system zone happens to skip at a DST change.
        edit = QDateTimeEdit(self)
        edit.setObjectName(name)
        edit.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))
        edit.setDisplayFormat(DATE_TIME_FORMAT)
        edit.setCalendarPopup(True)
        _set_wall_time(edit, instant.astimezone(self._zone).replace(tzinfo=None))
        return edit

    def _instant(self, edit: QDateTimeEdit, what: str) -> datetime:
        value = edit.dateTime()
        day, clock = value.date(), value.time()
        wall = datetime(
            day.year(), day.month(), day.day(), clock.hour(), clock.minute(), clock.second()
        )
        try:
            return local_instant(wall, self._zone, what=what).astimezone(UTC)
        except InvalidInputError as error:
            raise InvalidInputError(str(error), field=what) from None

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        label.hide()
        return label

    def set_wall_time(self, which: str, wall: datetime) -> None:
        """Types ``wall`` (local, naive) into the start or end field."""
        _set_wall_time(self.start_edit if which == "start" else self.end_edit, wall)


def _set_wall_time(edit: QDateTimeEdit, wall: datetime) -> None:
    edit.setDateTime(
        QDateTime(
            QDate(wall.year, wall.month, wall.day),
            QTime(wall.hour, wall.minute, wall.second),
            QTimeZone(QTimeZone.Initialization.UTC),
        )
    )
