"""The Preferences dialog: every setting applies the moment it is changed."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QLineEdit, QSpinBox

from tests.ui.conftest import action, child, trigger
from tracker_desktop.core.gaps import GapKind
from tracker_desktop.core.service import Labels, ProjectName, Tracker
from tracker_desktop.ui.gap_dialog import GapDialog
from tracker_desktop.ui.main_window import MainWindow

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def open_preferences(window: MainWindow) -> QDialog:
    trigger(window, "actionPreferences")
    dialog = child(window, QDialog, "preferencesDialog")
    assert dialog.isVisible()
    assert not dialog.isModal()  # it applies at once: nothing to confirm
    return dialog


def test_it_is_in_the_edit_menu_with_the_conventional_shortcut(window: MainWindow) -> None:
    preferences = action(window, "actionPreferences")
    assert preferences.shortcut().toString() == "Ctrl+,"
    edit_menu = {a.text(): a.menu() for a in window.menuBar().actions()}["&Edit"]
    assert preferences in edit_menu.actions()


def test_the_first_day_of_the_week_changes_the_week_shown_at_once(
    tracker: Tracker, window: MainWindow
) -> None:
    trigger(window, "actionShowWeek")
    title = child(window, QLabel, "periodTitleLabel")
    assert title.text() == "Mon, 23 Nov – Sun, 29 Nov 2026"
    combo = child(open_preferences(window), QComboBox, "weekStartCombo")
    # Not chosen yet: as the language and region say (Qt's neutral locale: Monday).
    assert combo.currentText() == "From the language and region (Monday)"

    combo.setCurrentIndex(7)  # Sunday

    assert title.text() == "Sun, 22 Nov – Sat, 28 Nov 2026"
    assert tracker.catalog.week_start() == 6  # the command line's weeks too
    trigger(window, "actionPreviousPeriod")
    assert title.text() == "Sun, 15 Nov – Sat, 21 Nov 2026"


def test_the_default_rate_and_currency_apply_to_earnings_at_once(
    tracker: Tracker, window: MainWindow
) -> None:
    tracker.add("Work", NOW - 3 * HOUR, NOW - HOUR, Labels(ProjectName("Website")))
    earned = child(window, QLabel, "periodEarningsLabel")
    assert not earned.isVisible()  # no rate anywhere: nothing earned
    dialog = open_preferences(window)
    rate = child(dialog, QLineEdit, "defaultRateEdit")
    assert rate.text() == ""
    rate.setText("75,50")
    rate.editingFinished.emit()
    assert tracker.catalog.default_rate() == Decimal("75.5")
    assert earned.isVisible()
    assert earned.text() == "Earned €151.00"

    currency = child(dialog, QComboBox, "defaultCurrencyCombo")
    currency.setCurrentText("gbp")
    currency.lineEdit().editingFinished.emit()
    assert tracker.catalog.default_currency() == "GBP"
    assert currency.currentText() == "GBP"
    assert earned.text() == "Earned £151.00"

    rate.setText("-1")
    rate.editingFinished.emit()
    error = child(dialog, QLabel, "preferencesError")
    assert error.isVisible()
    assert "not an hourly rate" in error.text()
    assert tracker.catalog.default_rate() == Decimal("75.5")


def test_the_gap_threshold_is_saved_in_window_ini_and_used_at_once(
    monkeypatch: pytest.MonkeyPatch, tracker: Tracker, data_dir: Path, window: MainWindow
) -> None:
    spin = child(open_preferences(window), QSpinBox, "gapThresholdSpin")
    assert spin.value() == 30
    spin.setValue(90)
    saved = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
    assert saved.value("gaps/threshold_minutes") in (90, "90")

    asked: list[object] = []
    monkeypatch.setattr(GapDialog, "ask", classmethod(lambda cls, *a: asked.append(a)))
    tracker.start("Running", at=NOW - 3 * HOUR)
    assert window.gaps is not None
    window.gaps.report_gap(NOW - HOUR, NOW, GapKind.SLEEP)  # an hour: under 90 minutes
    assert asked == []
    window.gaps.report_gap(NOW - 2 * HOUR, NOW, GapKind.SLEEP)
    assert len(asked) == 1


def test_start_at_login_installs_the_entry_and_follows_the_menu(window: MainWindow) -> None:
    entry = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / "tracker-desktop.desktop"
    check = child(open_preferences(window), QCheckBox, "startAtLoginCheck")
    assert not check.isChecked()
    check.setChecked(True)
    assert entry.exists()
    assert action(window, "actionStartAtLogin").isChecked()

    action(window, "actionStartAtLogin").trigger()  # off, from the File menu
    assert not entry.exists()
    trigger(window, "actionPreferences")  # shown again: as saved now
    assert not check.isChecked()


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    dialog = open_preferences(window)
    for kind, name in (
        (QComboBox, "weekStartCombo"),
        (QLineEdit, "defaultRateEdit"),
        (QComboBox, "defaultCurrencyCombo"),
        (QSpinBox, "gapThresholdSpin"),
        (QCheckBox, "startAtLoginCheck"),
    ):
        assert child(dialog, kind, name).accessibleName()
    dialog.close()
    assert not dialog.isVisible()


def test_your_name_is_stored_for_the_timesheets(tracker: Tracker, window: MainWindow) -> None:
    edit = child(open_preferences(window), QLineEdit, "yourNameEdit")
    assert edit.text() == ""
    edit.setText("  Jane   Doe ")
    edit.editingFinished.emit()
    assert tracker.catalog.your_name() == "Jane Doe"  # where the command line reads it
    assert edit.text() == "Jane Doe"
    edit.setText("x" * 101)
    edit.editingFinished.emit()
    assert "too long" in child(window, QLabel, "preferencesError").text()
    assert tracker.catalog.your_name() == "Jane Doe"
    edit.setText("")
    edit.editingFinished.emit()
    assert tracker.catalog.your_name() == ""
