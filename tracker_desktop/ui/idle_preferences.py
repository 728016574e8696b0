"""The Preferences section for time away and reminders: idle detection on or off and its
threshold in minutes (``[idle] enabled``, ``[idle] threshold_seconds``), where idle time
comes from on this desktop (or plainly that it cannot be told), and reminders to track
(``[reminders]``: on or off, every N minutes, weekdays and hours). Each applies at once."""

from __future__ import annotations

import math
from datetime import time, timedelta

from PySide6.QtCore import QLocale, QTime, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from tracker_desktop.core.idle.reminders import ReminderSchedule
from tracker_desktop.ui.language import translate
from tracker_desktop.ui.settings import WindowSettings

MAX_MINUTES = 8 * 60


def minutes_suffix(value: int) -> str:
    """ " minute" or " minutes" after a spin box's number."""
    if value == 1:
        return translate("IdlePreferences", " minute")
    return translate("IdlePreferences", " minutes")


class IdlePreferences(QGroupBox):
    """Idle detection and reminders; ``changed`` once a setting was saved."""

    changed = Signal()

    def __init__(self, settings: WindowSettings, where: str, parent: QWidget | None) -> None:
        super().__init__(translate("IdlePreferences", "Time away and reminders"), parent)
        self.setObjectName("idlePreferences")
        self._settings = settings
        self.idle_check = QCheckBox(
            translate("IdlePreferences", "Ask what to do with time away from the computer"), self
        )
        self.idle_check.setObjectName("idleEnabledCheck")
        self.idle_check.setToolTip(
            translate(
                "IdlePreferences",
                "When you come back after no keyboard or mouse input, a locked screen or "
                "sleep, the running session's time away is asked about",
            )
        )
        self.threshold_spin = self._minutes_spin("idleThresholdSpin", 1)
        self.source_label = QLabel(where, self)
        self.source_label.setObjectName("idleSourceLabel")
        self.source_label.setWordWrap(True)
        self.reminders_check = QCheckBox(
            translate("IdlePreferences", "Remind me to track when I work without a session")
        )
        self.reminders_check.setObjectName("remindersCheck")
        self.every_spin = self._minutes_spin("reminderMinutesSpin", 1)
        self.every_spin.setToolTip(
            translate(
                "IdlePreferences", "After this much work without a session, and at most this often"
            )
        )
        locale = QLocale()
        self.day_buttons: list[QToolButton] = []
        days = QHBoxLayout()
        for day in range(1, 8):  # ISO: Monday is 1
            button = QToolButton(self)
            button.setText(locale.dayName(day, QLocale.FormatType.ShortFormat))
            button.setCheckable(True)
            button.setObjectName(f"reminderDay-{day}")
            button.setAccessibleName(locale.dayName(day, QLocale.FormatType.LongFormat))
            button.toggled.connect(self._save_reminders)
            days.addWidget(button)
            self.day_buttons.append(button)
        days.addStretch()
        self.from_edit = self._time_edit(
            "reminderFromEdit", translate("IdlePreferences", "Reminders from")
        )
        self.until_edit = self._time_edit(
            "reminderUntilEdit", translate("IdlePreferences", "Reminders until")
        )
        hours = QHBoxLayout()
        hours.addWidget(self.from_edit)
        hours.addWidget(QLabel(translate("IdlePreferences", "to"), self))
        hours.addWidget(self.until_edit)
        hours.addStretch()
        for widget, name in (
            (self.idle_check, translate("IdlePreferences", "Ask about time away")),
            (self.threshold_spin, translate("IdlePreferences", "Away after minutes without input")),
            (self.reminders_check, translate("IdlePreferences", "Reminders to track")),
            (self.every_spin, translate("IdlePreferences", "Remind after minutes")),
        ):
            widget.setAccessibleName(name)

        form = QFormLayout(self)
        form.addRow(self.idle_check)
        form.addRow(translate("IdlePreferences", "&Away after"), self.threshold_spin)
        form.addRow(self.source_label)
        form.addRow(self.reminders_check)
        form.addRow(translate("IdlePreferences", "Remind after"), self.every_spin)
        form.addRow(translate("IdlePreferences", "On"), days)
        form.addRow(translate("IdlePreferences", "Between"), hours)
        self.show_saved()
        self.idle_check.toggled.connect(self._save_idle)
        self.threshold_spin.valueChanged.connect(self._save_idle)
        self.reminders_check.toggled.connect(self._save_reminders)
        self.every_spin.valueChanged.connect(self._save_reminders)
        self.from_edit.timeChanged.connect(self._save_reminders)
        self.until_edit.timeChanged.connect(self._save_reminders)

    def _minutes_spin(self, name: str, minimum: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(minimum, MAX_MINUTES)
        spin.setSuffix(minutes_suffix(spin.value()))
        spin.valueChanged.connect(lambda value: spin.setSuffix(minutes_suffix(value)))
        return spin

    def _time_edit(self, name: str, accessible: str) -> QTimeEdit:
        edit = QTimeEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        return edit

    def show_saved(self) -> None:
        """Shows the settings as saved now (a threshold in seconds rounds up to minutes)."""
        settings = self._settings
        schedule = settings.reminders
        widgets = (
            self.idle_check, self.threshold_spin, self.reminders_check, self.every_spin,
            self.from_edit, self.until_edit, *self.day_buttons,
        )  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.idle_check.setChecked(settings.idle_enabled)
        self.threshold_spin.setValue(math.ceil(settings.idle_threshold.total_seconds() / 60))
        for spin in self.threshold_spin, self.every_spin:
            spin.setSuffix(minutes_suffix(spin.value()))
        self.reminders_check.setChecked(schedule.enabled)
        self.every_spin.setValue(int(schedule.every.total_seconds() // 60))
        self.from_edit.setTime(QTime(schedule.start.hour, schedule.start.minute))
        self.until_edit.setTime(QTime(schedule.end.hour, schedule.end.minute))
        for day, button in enumerate(self.day_buttons):
            button.setChecked(day in schedule.weekdays)
        for widget in widgets:
            widget.blockSignals(False)
        self._enable()

    def showEvent(self, event: QShowEvent) -> None:
        self.show_saved()  # the file may have changed since (another window, by hand)
        super().showEvent(event)

    def _enable(self) -> None:
        self.threshold_spin.setEnabled(self.idle_check.isChecked())
        reminding = self.reminders_check.isChecked()
        for widget in (self.every_spin, self.from_edit, self.until_edit, *self.day_buttons):
            widget.setEnabled(reminding)

    def _save_idle(self) -> None:
        self._settings.idle_enabled = self.idle_check.isChecked()
        self._settings.idle_threshold = timedelta(minutes=self.threshold_spin.value())
        self._saved()

    def _save_reminders(self) -> None:
        start, end = self.from_edit.time(), self.until_edit.time()
        self._settings.reminders = ReminderSchedule(
            enabled=self.reminders_check.isChecked(),
            every=timedelta(minutes=self.every_spin.value()),
            weekdays=frozenset(d for d, b in enumerate(self.day_buttons) if b.isChecked()),
            start=time(start.hour(), start.minute()),
            end=time(end.hour(), end.minute()),
        )
        self._saved()

    def _saved(self) -> None:
        self._settings.sync()
        self._enable()
        self.changed.emit()
