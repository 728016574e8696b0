"""The dialog that edits a session's name, project, tags, billable flag, start and end,
or adds a forgotten one."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import (
    Qt,
    QTimeZone,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.catalog import ProjectInfo
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.formatting import format_duration
from tracker_desktop.core.service import Session
from tracker_desktop.core.timeparse import local_instant
from tracker_desktop.ui.dialog_parts import (
    CalendarLimits,
    FieldDateTimeEdit,
    LastTagCompleter,
    error_label,
    limit_calendar,
    overlap_warning,
    plain_buttons,
    sentence,
    set_wall_time,
)
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.locale_format import date_time_format
from tracker_desktop.ui.project_colors import PART_CONTRAST, color_dot, empty_dot, error_color
from tracker_desktop.ui.session_cells import tabular_font


@dataclass(frozen=True)
class SessionFields:
    """What the dialog edits; ``end`` is None for a session that keeps running."""

    name: str
    start: datetime
    end: datetime | None
    project: int | None = None  # a project id
    tags: tuple[str, ...] = ()
    billable: bool = True


# Checks fields by the core's rules; raises InvalidInputError naming the field.
FieldCheck = Callable[[SessionFields], None]
# The other sessions sharing time with a start and end (None: still running).
Overlapping = Callable[[datetime, datetime | None], list[Session]]


class SessionDialog(QDialog):
    """Name, project, tags, billable, start and end of one session, checked before the
    dialog closes. Invalid fields are marked and explained, and everything typed stays
    as typed. For a new session, billable follows the chosen project's default until it
    is set by hand.
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
        projects: Sequence[ProjectInfo] = (),
        tags: Sequence[str] = (),
        new: bool = False,
        calendar: CalendarLimits | None = None,
        overlapping: Overlapping | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._zone = zone
        self._check = check
        self._calendar = calendar or CalendarLimits.now_in(zone)
        self._overlapping = overlapping
        self.result_fields: SessionFields | None = None

        self.name_edit = QLineEdit(fields.name, self)
        self.name_edit.setObjectName("dialogNameEdit")
        self.name_edit.setPlaceholderText(translate("SessionDialog", "What did you work on?"))
        self.name_edit.setCursorPosition(0)  # a long name shows its beginning
        self._projects = {p.id: p for p in projects}
        self.project_combo = self._project_combo(projects, fields.project)
        self.tags_edit = QLineEdit(", ".join(fields.tags), self)
        self.tags_edit.setObjectName("dialogTagsEdit")
        self.tags_edit.setAccessibleName(translate("SessionDialog", "Tags"))
        self.tags_edit.setPlaceholderText(translate("SessionDialog", "Tags, separated by commas"))
        completer = LastTagCompleter(list(tags), self.tags_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_edit.setCompleter(completer)
        self.billable_check = QCheckBox(translate("SessionDialog", "&Billable"), self)
        self.billable_check.setObjectName("dialogBillableCheck")
        self.billable_check.setChecked(fields.billable)
        self._billable_set_by_hand = not new
        self.billable_check.clicked.connect(self._on_billable_check_clicked)
        self.project_combo.currentIndexChanged.connect(self._on_project_combo_changed)
        self.start_edit = self._date_time_edit("dialogStartEdit", fields.start)
        self.end_edit = self._date_time_edit("dialogEndEdit", fields.end or fields.start)
        self.running_check = QCheckBox(translate("SessionDialog", "Still running"), self)
        self.running_check.setObjectName("dialogRunningCheck")
        self.running_check.setVisible(may_run)
        self.running_check.setChecked(may_run and fields.end is None)
        self.running_check.toggled.connect(self._on_running_check_toggled)
        self._on_running_check_toggled(self.running_check.isChecked())

        self.errors = {
            key: error_label(self, f"{key}Error")
            for key in ("name", "project", "tags", "start", "end", "other")
        }
        self.duration_label = QLabel(self)
        self.duration_label.setObjectName("dialogDurationLabel")
        self.duration_label.setAccessibleName(translate("SessionDialog", "Duration"))
        self.duration_label.setFont(tabular_font(self.duration_label.font()))
        self.overlap_label = QLabel(self)
        self.overlap_label.setObjectName("dialogOverlapWarning")
        self.overlap_label.setWordWrap(True)
        self.overlap_label.hide()
        form = QFormLayout()
        form.addRow(translate("SessionDialog", "&Name"), self.name_edit)
        form.addRow("", self.errors["name"])
        form.addRow(translate("SessionDialog", "&Project"), self.project_combo)
        form.addRow("", self.errors["project"])
        form.addRow(translate("SessionDialog", "&Tags"), self.tags_edit)
        form.addRow("", self.errors["tags"])
        form.addRow("", self.billable_check)
        form.addRow(translate("SessionDialog", "&Start"), self.start_edit)
        form.addRow("", self.errors["start"])
        form.addRow(translate("SessionDialog", "&End"), self.end_edit)
        form.addRow("", self.running_check)
        form.addRow("", self.errors["end"])
        form.addRow(translate("SessionDialog", "Duration"), self.duration_label)
        form.addRow("", self.overlap_label)
        self._form = form

        buttons = plain_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
            )
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["other"])
        layout.addWidget(buttons)
        self.name_edit.textEdited.connect(self._recheck)
        self.tags_edit.textEdited.connect(self._recheck)
        for edit in (self.start_edit, self.end_edit):
            edit.dateTimeChanged.connect(self._on_times_changed)
        self.running_check.toggled.connect(self._on_times_changed)
        self._on_times_changed()

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
        projects: Sequence[ProjectInfo] = (),
        tags: Sequence[str] = (),
        new: bool = False,
        calendar: CalendarLimits | None = None,
        overlapping: Overlapping | None = None,
    ) -> SessionFields | None:
        """The fields the user saved (already checked), or None if they cancelled.

        ``projects`` are offered (archived ones only when the session has one), ``tags``
        completed; ``new``: billable follows the project. ``error`` is shown at once, for
        fields that the database refused after checking. ``calendar``: the last day that
        may be picked and the week's first day (default: today, the locale's).
        ``overlapping`` names the other sessions the typed times share time with (a
        warning, not a refusal).
        """
        dialog = cls(
            parent,
            title,
            fields,
            zone,
            check,
            may_run=may_run,
            projects=projects,
            tags=tags,
            new=new,
            calendar=calendar,
            overlapping=overlapping,
        )
        if error is not None:
            dialog.show_error(error)
        dialog.exec()
        return dialog.result_fields

    # -- behaviour -----------------------------------------------------------------------

    def fields(self) -> SessionFields:
        """The typed values as instants; refuses local times that do not exist."""
        start = self._instant(self.start_edit, "start")
        end = None if self.running_check.isChecked() else self._instant(self.end_edit, "end")
        tags = tuple(dict.fromkeys(t for t in re.split(r"[,\s]+", self.tags_edit.text()) if t))
        return SessionFields(
            self.name_edit.text(),
            start,
            end,
            self.project_combo.currentData(),
            tags,
            self.billable_check.isChecked(),
        )

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
        """Says what is wrong in a sentence under the field, and marks the field."""
        key = error.field if error.field in self.errors else "other"
        label = self.errors[key]
        label.setText(sentence(str(error)))
        label.show()
        self._fit_height()
        widget = self._field_widgets().get(key)
        if widget is not None:
            widget.setStyleSheet(f"border: 1px solid {error_color(PART_CONTRAST).name()};")
            widget.setFocus()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
            label.clear()
        for widget in (self.name_edit, self.tags_edit, self.start_edit, self.end_edit):
            widget.setStyleSheet("")

    def _recheck(self) -> None:
        """While an error shows, checks again as the fields change: a corrected field
        loses its error at once (a new problem waits for Save)."""
        shown = [key for key, label in self.errors.items() if label.isVisible()]
        if not shown:
            return
        try:
            self._check(self.fields())
        except InvalidInputError as error:
            key = error.field if error.field in self.errors else "other"
            if key in shown:
                self.errors[key].setText(sentence(str(error)))
                shown.remove(key)
                self._fit_height()
        for key in shown:
            self.errors[key].hide()
            widget = self._field_widgets().get(key)
            if widget is not None:
                widget.setStyleSheet("")

    def _on_times_changed(self) -> None:
        """The duration as typed, and the sessions it overlaps."""
        start, end = self.start_edit.dateTime(), self.end_edit.dateTime()
        running = self.running_check.isChecked()
        seconds = start.secsTo(end)
        if running:
            self.duration_label.setText(translate("SessionDialog", "Still running"))
        elif seconds > 0:
            self.duration_label.setText(format_duration(timedelta(seconds=seconds)))
        else:
            self.duration_label.setText("—")
        self._show_overlaps()
        self._recheck()

    def _show_overlaps(self) -> None:
        if self._overlapping is None:
            return
        try:
            fields = self.fields()
        except InvalidInputError:
            others: list[Session] = []
        else:
            others = self._overlapping(fields.start, fields.end)
        if not others:
            self.overlap_label.hide()
            return
        self.overlap_label.setText(overlap_warning(others, self._zone))
        self.overlap_label.show()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grows the dialog to what its wrapped lines need at its width: an error or a
        warning is never cut off (Qt does not do it for a window by itself)."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "name": self.name_edit,
            "project": self.project_combo,
            "tags": self.tags_edit,
            "start": self.start_edit,
            "end": self.end_edit,
        }

    def _on_running_check_toggled(self, running: bool) -> None:
        self.end_edit.setEnabled(not running)

    def _on_billable_check_clicked(self) -> None:
        self._billable_set_by_hand = True

    def _on_project_combo_changed(self) -> None:
        project = self._projects.get(self.project_combo.currentData())
        if not self._billable_set_by_hand:
            self.billable_check.setChecked(project is None or project.billable)

    # -- helpers -------------------------------------------------------------------------

    def _project_combo(self, projects: Sequence[ProjectInfo], current: int | None) -> QComboBox:
        """No project, then every project not archived (and the session's own)."""
        combo = QComboBox(self)
        combo.setObjectName("dialogProjectCombo")
        combo.setAccessibleName(translate("SessionDialog", "Project"))
        combo.addItem(empty_dot(), translate("SessionDialog", "No project"), None)
        for project in projects:
            if project.archived and project.id != current:
                continue
            text = (
                translate("SessionDialog", "{name} (archived)").format(name=project.label)
                if project.archived
                else project.label
            )
            combo.addItem(color_dot(project.color), text, project.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.setMaxVisibleItems(15)
        return combo

    def _date_time_edit(self, name: str, instant: datetime) -> QDateTimeEdit:
        # The edit holds the local wall time of our zone; marking it UTC keeps Qt from
        # shifting values that the system zone happens to skip at a DST change.
        edit = FieldDateTimeEdit(self)
        edit.setObjectName(name)
        edit.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))
        edit.setDisplayFormat(date_time_format())
        edit.setCalendarPopup(True)
        limit_calendar(edit, self._calendar)
        set_wall_time(edit, instant.astimezone(self._zone).replace(tzinfo=None))
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

    def set_wall_time(self, which: str, wall: datetime) -> None:
        """Types ``wall`` (local, naive) into the start or end field."""
        set_wall_time(self.start_edit if which == "start" else self.end_edit, wall)
