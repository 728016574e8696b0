"""The name field: a long name shows its beginning, Escape takes back what is being
typed, and typing a name back to what it was is not reported as a rename."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import name_edit, trigger
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.main_window import MainWindow

LONG = "Design review for the Acme website relaunch with the whole team, " * 3


def test_a_long_running_name_shows_from_its_start(
    qtbot: QtBot, window: MainWindow, tracker: Tracker
) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    window.sessions_view.table.setFocus()  # the user is elsewhere
    tracker.start(LONG)
    window.refresh()
    field = name_edit(window)
    assert not field.hasFocus()
    assert field.text() == LONG.strip()
    assert field.cursorPosition() == 0  # the beginning is what shows


def test_escape_takes_back_an_edit_in_progress(
    qtbot: QtBot, window: MainWindow, tracker: Tracker
) -> None:
    tracker.start("Writing")
    window.refresh()
    field = name_edit(window)
    window.activateWindow()
    qtbot.waitActive(window)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Something else")
    qtbot.keyClick(field, Qt.Key.Key_Escape)

    assert field.text() == "Writing"
    assert not field.isModified()
    field.clearFocus()  # leaving the field renames nothing
    running = tracker.running()
    assert running is not None
    assert running.name == "Writing"


def test_escape_while_idle_clears_the_typed_name(qtbot: QtBot, window: MainWindow) -> None:
    field = name_edit(window)
    field.setFocus()
    qtbot.keyClicks(field, "Half typed")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""


def test_typing_the_name_back_reports_no_rename(
    qtbot: QtBot, window: MainWindow, tracker: Tracker
) -> None:
    trigger(window, "actionStartStop")  # an unnamed session
    field = name_edit(window)
    field.setFocus()
    qtbot.keyClicks(field, "abc")
    field.clear()  # back to empty: unchanged
    field.setModified(True)
    window.statusBar().clearMessage()
    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert "Renamed" not in window.statusBar().currentMessage()
    assert window.undo_history.count() == 1  # only the start


def test_the_limit_counts_characters_and_refuses_a_long_paste(
    qtbot: QtBot, window: MainWindow
) -> None:
    field = name_edit(window)
    field.setFocus()
    qtbot.keyClicks(field, "x" * 499)
    field.insert("🚀")  # the 500th character, two UTF-16 units: taken
    assert field.text() == "x" * 499 + "🚀"
    field.insert("y" * 40)  # a paste past the limit: refused whole
    assert field.text() == "x" * 499 + "🚀"
    assert window.statusBar().currentMessage() == "A name holds at most 500 characters."


def test_the_pickers_open_after_an_emoji(qtbot: QtBot, window: MainWindow) -> None:
    # Qt counts the cursor in UTF-16 units (an emoji is two); the pickers must not read
    # past the end of the name.
    field = name_edit(window)
    window.activateWindow()
    qtbot.waitActive(window)
    field.setFocus()
    field.insert("Launch 🚀🚀 ")
    qtbot.keyClicks(field, "@")
    picker = window.findChild(QWidget, "labelPicker")
    assert picker is not None
    qtbot.waitUntil(picker.isVisible)
