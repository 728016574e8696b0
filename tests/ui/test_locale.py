"""Dates, times and weeks as the user's language and region write them: the window's
titles, the table, the add/edit dialog and its calendar, and the first day of the week."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QTableView
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory, child, trigger
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.language import install_translators
from tracker_desktop.ui.locale_format import day_text, time_text
from tracker_desktop.ui.session_dialog import CalendarLimits, SessionDialog, SessionFields

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # Thursday, 10:00 in Berlin
HOUR = timedelta(hours=1)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
GERMANY = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def locale(qapp: QApplication) -> Iterator[Any]:
    """Sets the default locale for the test (as the system's would be), and back."""

    def use(chosen: QLocale) -> None:
        QLocale.setDefault(chosen)

    yield use
    QLocale.setDefault(QLocale.system())


@pytest.fixture
def german(qapp: QApplication, locale: Any) -> Iterator[None]:
    """A German system: its locale and the interface's German translation."""
    from PySide6.QtCore import QTranslator

    locale(GERMANY)
    install_translators(qapp)
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


def title(window: Any) -> str:
    return child(window, QLabel, "periodTitleLabel").text()


def test_german_days_weeks_and_months_read_as_german_writes_them(
    german: None, make_window: WindowFactory
) -> None:
    window = make_window()
    assert title(window) == "Donnerstag, 26. November 2026"
    trigger(window, "actionShowWeek")
    assert title(window) == "Mo., 23. Nov. – So., 29. Nov. 2026"
    trigger(window, "actionShowMonth")
    assert title(window) == "November 2026"


def test_the_window_speaks_german_on_a_german_system(
    german: None, tracker: Tracker, make_window: WindowFactory
) -> None:
    tracker.add("Entwurf", NOW - 2 * HOUR, NOW - HOUR)
    window = make_window()
    assert child(window, QAbstractButton, "startStopButton").text() == "Starten"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:4] == ["&Datei", "&Sitzung", "&Bearbeiten", "&Ansicht"]
    table = child(window, QTableView, "sessionsTable")
    headers = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Name", "Projekt", "Schlagwörter", "Beginn", "Ende", "Dauer"]
    assert child(window, QLabel, "periodTotalLabel").text().startswith("Gesamt")


def test_us_english_writes_month_first_and_twelve_hour_times(
    locale: Any, tracker: Tracker, make_window: WindowFactory
) -> None:
    locale(US)
    tracker.add("Design", NOW - 2 * HOUR, NOW - HOUR)  # 08:00 to 09:00 in Berlin
    window = make_window()
    assert title(window) == "Thursday, November 26, 2026"
    trigger(window, "actionShowWeek")  # and weeks start on Sunday there
    assert title(window) == "Sun, Nov 22 – Sat, Nov 28, 2026"
    table = child(window, QTableView, "sessionsTable")
    texts = [table.model().index(r, 3).data() for r in range(table.model().rowCount())]
    assert "8:00:00\N{NARROW NO-BREAK SPACE}AM" in texts


def dialog(qtbot: QtBot, tracker: Tracker, **options: Any) -> SessionDialog:
    fields = SessionFields("Call", NOW - 2 * HOUR, NOW - HOUR)
    shown = SessionDialog(None, "Edit Session", fields, tracker.zone, lambda f: None, **options)
    qtbot.addWidget(shown)
    return shown


def test_the_dialog_types_us_dates_month_first_with_twelve_hour_times(
    locale: Any, qtbot: QtBot, tracker: Tracker
) -> None:
    locale(US)
    shown = dialog(qtbot, tracker)
    assert shown.start_edit.displayFormat() == "M/d/yyyy  h:mm:ss\N{NARROW NO-BREAK SPACE}Ap"
    assert shown.start_edit.text() == "11/26/2026  8:00:00\N{NARROW NO-BREAK SPACE}AM"
    assert shown.end_edit.text() == "11/26/2026  9:00:00\N{NARROW NO-BREAK SPACE}AM"


def test_the_dialog_types_german_dates_day_first_with_24_hour_times(
    locale: Any, qtbot: QtBot, tracker: Tracker
) -> None:
    locale(GERMANY)
    assert dialog(qtbot, tracker).start_edit.text() == "26.11.2026  08:00:00"


def test_the_calendar_offers_no_day_after_today_and_starts_the_week_as_told(
    qtbot: QtBot, tracker: Tracker
) -> None:
    shown = dialog(qtbot, tracker, calendar=CalendarLimits(date(2026, 11, 26), 6))
    for edit in (shown.start_edit, shown.end_edit):
        assert edit.maximumDate() == QDate(2026, 11, 26)
        assert edit.calendarWidget().maximumDate() == QDate(2026, 11, 26)
        assert edit.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Sunday


def test_the_calendar_follows_the_locale_without_a_choice(
    locale: Any, qtbot: QtBot, tracker: Tracker
) -> None:
    locale(US)
    assert dialog(qtbot, tracker).start_edit.calendarWidget().firstDayOfWeek() == (
        Qt.DayOfWeek.Sunday
    )
    locale(GERMANY)
    assert dialog(qtbot, tracker).start_edit.calendarWidget().firstDayOfWeek() == (
        Qt.DayOfWeek.Monday
    )


def test_the_add_dialog_gets_the_windows_today_and_week_start(
    monkeypatch: pytest.MonkeyPatch, tracker: Tracker, make_window: WindowFactory
) -> None:
    tracker.catalog.set_preferences(week_start=2)  # Wednesday, chosen in Preferences
    asked: list[dict[str, Any]] = []

    def ask(cls: type, *args: Any, **options: Any) -> None:
        asked.append(options)

    monkeypatch.setattr(SessionDialog, "ask", classmethod(ask))
    window = make_window()
    trigger(window, "actionAddSession")
    assert asked[0]["calendar"] == CalendarLimits(date(2026, 11, 26), 2)


def test_weeks_start_as_the_locale_says_until_preferences_choose(
    locale: Any, tracker: Tracker, make_window: WindowFactory
) -> None:
    locale(US)
    window = make_window()
    trigger(window, "actionShowWeek")
    assert title(window) == "Sun, Nov 22 – Sat, Nov 28, 2026"
    trigger(window, "actionPreferences")
    combo = child(window, QComboBox, "weekStartCombo")
    assert combo.currentText() == "From the language and region (Sunday)"

    combo.setCurrentIndex(1)  # Monday
    assert title(window) == "Mon, Nov 23 – Sun, Nov 29, 2026"
    assert tracker.catalog.chosen_week_start() == 0

    combo.setCurrentIndex(0)  # back to the locale's
    assert title(window) == "Sun, Nov 22 – Sat, Nov 28, 2026"
    assert tracker.catalog.chosen_week_start() is None
    # The command line keeps its contract's Monday when nothing is chosen.
    assert tracker.catalog.week_start() == 0


def test_times_show_seconds_where_durations_do_and_days_use_the_long_format(
    locale: Any,
) -> None:
    locale(GERMANY)
    assert day_text(date(2026, 12, 1)) == "Dienstag, 1. Dezember 2026"
    assert time_text(datetime(2026, 12, 1, 12, 20, 10)) == "12:20:10"
    assert time_text(datetime(2026, 12, 1, 12, 20, 10), seconds=False) == "12:20"
    locale(US)
    assert day_text(date(2026, 12, 1), short=True, year=False) == "Tue, Dec 1"
