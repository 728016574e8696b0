"""What the dialogs are made of: an error line in the warning red that speaks in
sentences, a form above its OK and Cancel buttons (words, no icons), a date-time field
that Tab leaves, and tag completion."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimeZone,
)
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tracker_desktop.core.service import Session
from tracker_desktop.ui.language import session_label, translate
from tracker_desktop.ui.locale_format import locale_week_start, qdate, time_text
from tracker_desktop.ui.project_colors import error_color

__all__ = [
    "CalendarLimits",
    "ErrorLabel",
    "FieldDateTimeEdit",
    "LastTagCompleter",
    "error_label",
    "form_dialog",
    "limit_calendar",
    "overlap_warning",
    "plain_buttons",
    "sentence",
    "set_wall_time",
]

# "end: 2026-12-01 11:20 is not after the start (2026-12-01 11:25)" and the like, from
# the core (whose messages also serve the command line, where they name the option).
_NOT_AFTER = re.compile(r"end: (\S+) (\S+) is not after the start \((\S+) (\S+)\)(.*)", re.S)
_AT_TIME = re.compile(r"(start|end): (\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?) (.*)", re.S)
_FIELD = re.compile(r"[a-z ]+: ")


@dataclass(frozen=True)
class CalendarLimits:
    """What the date pickers need to know: the local today (the last day offered) and
    the first day of the week (0 = Monday), as the rest of the window counts them."""

    today: date
    week_start: int

    @classmethod
    def now_in(cls, zone: tzinfo) -> CalendarLimits:
        return cls(datetime.now(zone).date(), locale_week_start())


def limit_calendar(edit: QDateTimeEdit, limits: CalendarLimits) -> None:
    """Days after today would only be refused: the calendar does not offer them; its
    weeks start where the window's do."""
    edit.setMaximumDate(qdate(limits.today))
    picker = edit.calendarWidget()
    assert picker is not None
    picker.setFirstDayOfWeek(Qt.DayOfWeek(limits.week_start + 1))


def set_wall_time(edit: QDateTimeEdit, wall: datetime) -> None:
    """Shows ``wall`` (naive, local) in ``edit``, a field marked UTC so that Qt shifts
    no value the system's zone happens to skip at a DST change."""
    edit.setDateTime(
        QDateTime(
            QDate(wall.year, wall.month, wall.day),
            QTime(wall.hour, wall.minute, wall.second),
            QTimeZone(QTimeZone.Initialization.UTC),
        )
    )


def overlap_warning(others: Sequence[Session], zone: tzinfo) -> str:
    """ "⚠ Overlaps “Call” (10:00–11:00) and 2 more.": the first three sessions that the
    typed times share time with, in local times."""

    def span(session: Session) -> str:
        start = time_text(session.start.astimezone(zone), seconds=False)
        if session.end is None:
            return start + "–" + translate("DialogParts", "running")
        return f"{start}–{time_text(session.end.astimezone(zone), seconds=False)}"

    shown = ", ".join(f"{session_label(s.name)} ({span(s)})" for s in others[:3])
    if len(others) > 3:
        text = translate("DialogParts", "⚠ Overlaps {sessions} and {count} more.")
    else:
        text = translate("DialogParts", "⚠ Overlaps {sessions}.")
    return text.format(sessions=shown, count=len(others) - 3)


def sentence(message: str) -> str:
    """A refusal from the core as a sentence for people: "The end must be after the
    start (11:20).", "The start (2026-12-01 15:00) is in the future." """
    if match := _NOT_AFTER.fullmatch(message):
        end_day, _, start_day, start_time, hint = match.groups()
        when = start_time if start_day == end_day else f"{start_day} {start_time}"
        text = translate("DialogParts", "The end must be after the start ({when}){hint}").format(
            when=when, hint=hint
        )
    elif match := _AT_TIME.fullmatch(message):
        field, when, rest = match.groups()
        text = f"The {field} ({when}) {rest}"
    else:
        text = _FIELD.sub("", message, count=1) if _FIELD.match(message) else message
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else f"{text}."


def plain_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Buttons that say what they do in words only: no floppy disk or red cross that
    some styles put on Save and Cancel."""
    for button in box.buttons():
        button.setIcon(QIcon())
    return box


class ErrorLabel(QLabel):
    """A wrapping line in the warning red, readable (4.5:1) on the palette it shows on."""

    def showEvent(self, event: QShowEvent) -> None:
        style = f"color: {error_color().name()};"
        if self.styleSheet() != style:
            self.setStyleSheet(style)
        super().showEvent(event)


def error_label(parent: QWidget, name: str) -> QLabel:
    """A hidden, wrapping line that says what is wrong (``name`` finds it)."""
    label = ErrorLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.hide()
    return label


def form_dialog(dialog: QDialog, rows: list[tuple[str, QWidget]], ok: str) -> QLabel:
    """Lays ``dialog`` out: ``rows`` (label, field), an error line (``dialogError``,
    returned) and Cancel and ``ok`` buttons (accept and reject)."""
    form = QFormLayout()
    for label, widget in rows:
        form.addRow(label, widget)
        if label and not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", ""))
    error = error_label(dialog, "dialogError")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    plain_buttons(buttons)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return error


class FieldDateTimeEdit(QDateTimeEdit):
    """A date and time field that Tab leaves (to the next field) instead of walking its
    six parts; the parts are reached with the arrow keys, or by typing."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class LastTagCompleter(QCompleter):
    """Completes the tag being typed after the ones before it (``design, fr`` offers
    ``frontend``)."""

    def splitPath(self, path: str) -> list[str]:
        return [re.split(r"[,\s]+", path)[-1]]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        done = typed[: len(typed) - len(self.splitPath(typed)[0])]
        return f"{done}{index.data()}, "
