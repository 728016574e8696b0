"""The add/edit dialog as people use it: errors in sentences that fit and go once
corrected, the duration as typed, a warning about overlaps, Tab from field to field,
plain buttons, and an add default that does not overlap."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import trigger
from tracker_desktop.core.errors import InvalidInputError
from tracker_desktop.core.service import Session, Tracker
from tracker_desktop.ui.dialog_parts import sentence
from tracker_desktop.ui.dialogs import Confirmation
from tracker_desktop.ui.main_window import MainWindow
from tracker_desktop.ui.session_dialog import SessionDialog, SessionFields

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
HOUR = timedelta(hours=1)


def dialog_for(
    tracker: Tracker, qtbot: QtBot, fields: SessionFields, **options: Any
) -> SessionDialog:
    def check(f: SessionFields) -> None:
        tracker.check_fields(f.name, f.start, f.end)

    dialog = SessionDialog(None, "Edit Session", fields, tracker.zone, check, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize(
    ("core", "people"),
    [
        (
            "end: 2026-12-01 11:20 is not after the start (2026-12-01 11:25)",
            "The end must be after the start (11:25).",
        ),
        (
            "end: 2026-12-02 00:10 is not after the start (2026-12-01 23:50)",
            "The end must be after the start (2026-12-01 23:50).",
        ),
        (
            "start: 2026-12-01 15:00 is in the future",
            "The start (2026-12-01 15:00) is in the future.",
        ),
        ("end: a finished session needs an end", "A finished session needs an end."),
        (
            "name: 501 characters is too long (at most 500)",
            "501 characters is too long (at most 500).",
        ),
    ],
)
def test_errors_read_as_sentences(core: str, people: str) -> None:
    assert sentence(core) == people


def test_a_long_error_wraps_whole_and_goes_once_corrected(qtbot: QtBot, tracker: Tracker) -> None:
    dialog = dialog_for(tracker, qtbot, SessionFields("Call", NOW - 2 * HOUR, NOW - HOUR))
    dialog.set_wall_time("start", datetime(2026, 11, 26, 11, 0))  # in the future, after the end
    dialog.accept()
    error = dialog.findChild(QLabel, "startError")
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "The start (2026-11-26 11:00) is in the future."
    long = InvalidInputError("start: " + "a much longer reason that must wrap, " * 6, field="start")
    dialog.show_error(long)
    qtbot.waitUntil(lambda: error.height() >= error.heightForWidth(error.width()))
    assert error.geometry().bottom() < dialog.height()  # inside the dialog, not clipped

    dialog.set_wall_time("start", datetime(2026, 11, 26, 7, 30))
    assert not error.isVisible()


def test_the_duration_shows_as_the_times_change(qtbot: QtBot, tracker: Tracker) -> None:
    dialog = dialog_for(tracker, qtbot, SessionFields("Call", NOW - 2 * HOUR, NOW - HOUR))
    duration = dialog.findChild(QLabel, "dialogDurationLabel")
    assert duration.text() == "1:00:00"
    dialog.set_wall_time("end", datetime(2026, 11, 26, 9, 45))
    assert duration.text() == "1:45:00"
    dialog.set_wall_time("end", datetime(2026, 11, 26, 7, 0))
    assert duration.text() == "—"


def test_overlapping_sessions_are_named_before_save(qtbot: QtBot, tracker: Tracker) -> None:
    tracker.add("Standup", NOW - 2 * HOUR, NOW - 1.5 * HOUR)

    def overlapping(start: datetime, end: datetime | None) -> list[Session]:
        return tracker.sessions_between(start, end or NOW)

    fields = SessionFields("Call", NOW - 3 * HOUR, NOW - 2.5 * HOUR)
    dialog = dialog_for(tracker, qtbot, fields, overlapping=overlapping)
    warning = dialog.findChild(QLabel, "dialogOverlapWarning")
    assert not warning.isVisible()
    dialog.set_wall_time("end", datetime(2026, 11, 26, 8, 15))
    assert warning.isVisible()
    assert warning.text() == "⚠ Overlaps “Standup” (08:00–08:30)."


def test_tab_goes_from_start_to_end_not_through_its_parts(qtbot: QtBot, tracker: Tracker) -> None:
    dialog = dialog_for(tracker, qtbot, SessionFields("Call", NOW - 2 * HOUR, NOW - HOUR))
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.start_edit.setFocus()
    qtbot.waitUntil(dialog.start_edit.hasFocus)
    qtbot.keyClick(dialog.start_edit, Qt.Key.Key_Tab)
    assert dialog.end_edit.hasFocus()


def test_save_and_cancel_are_words_without_icons(qtbot: QtBot, tracker: Tracker) -> None:
    dialog = dialog_for(tracker, qtbot, SessionFields("Call", NOW - 2 * HOUR, NOW - HOUR))
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    assert sorted(b.text().replace("&", "") for b in buttons) == ["Cancel", "Save"]
    assert all(b.icon().isNull() for b in buttons)


def test_add_offers_the_last_free_hour(
    monkeypatch: pytest.MonkeyPatch, tracker: Tracker, window: MainWindow
) -> None:
    tracker.add("Standup", NOW - 0.5 * HOUR, NOW - 0.25 * HOUR)  # 09:30–09:45
    tracker.add("Mail", NOW - 1.75 * HOUR, NOW - 1.25 * HOUR)  # 08:15–08:45
    asked: list[SessionFields] = []

    def ask(
        cls: type, parent: object, title: str, fields: SessionFields, *a: Any, **k: Any
    ) -> None:
        asked.append(fields)

    monkeypatch.setattr(SessionDialog, "ask", classmethod(ask))
    trigger(window, "actionAddSession")

    # 09:00–10:00 overlaps Standup, the hour before it (08:30–09:30) Mail: the hour
    # before Mail is free (07:15–08:15).
    assert (asked[0].start, asked[0].end) == (NOW - 2.75 * HOUR, NOW - 1.75 * HOUR)


def test_discard_is_asked_with_a_red_button_and_cancel_by_default(qtbot: QtBot) -> None:
    box = Confirmation.build(None, "Discard running session?", "Deletes it.", "Discard")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    discard = box.findChild(QPushButton, "destructiveButton")
    image = discard.grab().toImage()
    fill = image.pixelColor(image.width() // 2, 2)
    assert fill.hslHue() in range(0, 15) or fill.hslHue() > 345  # red
    assert fill.hslSaturation() > 100
    assert box.defaultButton() is not discard
    assert all(b.icon().isNull() for b in box.buttons())
