"""Everything by keyboard: Ctrl+L, F2, every shortcut in a menu, and the Help menu's
list of shortcuts (read from the menus) and About."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import child, name_edit, trigger
from tracker_desktop import __version__
from tracker_desktop.core.service import Tracker
from tracker_desktop.ui.main_window import MainWindow


def menu_actions(window: MainWindow) -> list[QAction]:
    found = []
    for entry in window.menuBar().actions():
        menu = entry.menu()
        assert menu is not None
        found += [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
    return found


def native(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def test_ctrl_l_puts_the_cursor_in_the_name_field(qtbot: QtBot, window: MainWindow) -> None:
    name_edit(window).setText("Report")
    table = child(window, QTableView, "sessionsTable")
    window.activateWindow()
    qtbot.waitActive(window)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert name_edit(window).hasFocus()
    assert name_edit(window).selectedText() == "Report"  # typing replaces it


def test_every_shortcut_is_shown_in_a_menu(window: MainWindow) -> None:
    in_menus = menu_actions(window)
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts() and a.objectName()]
    missing = [a.objectName() for a in with_keys if a not in in_menus]
    assert missing == []
    names = {a.objectName() for a in in_menus}
    assert {"actionFocusName", "actionRenameSession", "actionKeyboardShortcuts"} <= names
    assert native(child(window, QAction, "actionRenameSession")) == "F2"
    assert native(child(window, QAction, "actionFocusName")) == "Ctrl+L"


def test_f2_renames_the_selected_session_in_place(
    qtbot: QtBot, window: MainWindow, tracker: Tracker
) -> None:
    tracker.start("Old", at=datetime(2026, 11, 26, 8, tzinfo=UTC))
    tracker.stop(at=datetime(2026, 11, 26, 9, tzinfo=UTC))
    table = child(window, QTableView, "sessionsTable")
    window.activateWindow()
    qtbot.waitActive(window)
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_F2)

    (editor,) = table.findChildren(QLineEdit)
    assert editor.text() == "Old"


def test_f1_lists_every_shortcut_of_the_menus(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F1)

    dialog = child(window, QWidget, "shortcutsDialog")
    assert dialog.isVisible()
    listed = dialog.listed()
    for action in menu_actions(window):
        if action.shortcuts():
            text = action.text().replace("&", "").rstrip("…")
            assert listed.get(text, "").startswith(native(action)), text
    assert listed["Keyboard Shortcuts"] == "F1"
    assert listed["Undo"] == "Ctrl+Z, Alt+Backspace"  # not F14 or a dedicated Undo key
    assert listed["Type a Name"] == "Ctrl+L"


def test_the_shortcut_list_follows_the_menus(window: MainWindow) -> None:
    child(window, QAction, "actionExport").setShortcut(QKeySequence("Ctrl+Shift+X"))
    trigger(window, "actionKeyboardShortcuts")
    assert child(window, QWidget, "shortcutsDialog").listed()["Export"] == "Ctrl+Shift+X"


def test_about_says_the_version_and_the_data_folder(window: MainWindow, data_dir: Path) -> None:
    trigger(window, "actionAbout")

    about = child(window, QWidget, "aboutDialog")
    assert about.isVisible()
    assert __version__ in child(about, QLabel, "aboutVersionLabel").text()
    assert str(data_dir) in child(about, QLabel, "aboutDataFolderLabel").text()
